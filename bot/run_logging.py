"""Logging for `python main.py run`: a log file with the details, secrets masked everywhere.

`details` is the logger for what a person has already been told in one line on stderr (why
the bot could not start): its records go to the log file only.
"""

from __future__ import annotations

import logging
import logging.handlers
from collections.abc import Iterable
from pathlib import Path

details = logging.getLogger("bot.details")

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
LOG_FILE_BYTES = 10_000_000
LOG_FILE_BACKUPS = 5


def mask_token(token: str) -> str:
    """`123456:ABC…` → `123456:***`: the bot's public id stays, the secret part never shows."""
    bot_id, colon, _ = token.partition(":")
    return f"{bot_id}:***" if colon and bot_id.isdigit() else "***"


class MaskSecrets(logging.Filter):
    """Replace each secret with its mask in a record's message, traceback and stack."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self.masks = {s: mask_token(s) for s in secrets if s}

    def mask(self, text: str) -> str:
        for secret, masked in self.masks.items():
            text = text.replace(secret, masked)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = self.mask(message)
        if masked != message:
            record.msg, record.args = masked, ()
        if record.exc_info and not record.exc_text:
            # Formatters reuse exc_text once it is set, so the masked traceback is what prints.
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.mask(record.exc_text)
        if record.stack_info:
            record.stack_info = self.mask(record.stack_info)
        return True


def log_to_file(path: Path | None, *, secrets: Iterable[str]) -> None:
    """Mask `secrets` in every handler; with `path`, also log INFO and above there.

    Without a log file, `details` goes to stderr like everything else. Raises OSError when the
    file cannot be opened.
    """
    mask = MaskSecrets(secrets)
    root = logging.getLogger()
    for handler in root.handlers:
        handler.addFilter(mask)
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    file_handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=LOG_FILE_BYTES, backupCount=LOG_FILE_BACKUPS, encoding="utf-8"
    )
    file_handler.setFormatter(logging.Formatter(LOG_FORMAT))
    file_handler.addFilter(mask)
    # The file takes INFO; the handlers already there (stderr) keep the level they showed.
    shown = root.getEffectiveLevel()
    for handler in root.handlers:
        if handler.level == logging.NOTSET:
            handler.setLevel(shown)
    root.setLevel(min(shown, logging.INFO))
    root.addHandler(file_handler)
    details.addHandler(file_handler)
    details.propagate = False
