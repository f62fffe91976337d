"""Logging for `python main.py run`: secrets masked everywhere, start-up details in the log file.

`details` is the logger for what a person has already been told in one line on stderr (why
the bot could not start): its records go to the log file only.
"""

from __future__ import annotations

import logging
import logging.handlers
from collections.abc import Iterable

details = logging.getLogger("bot.details")


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


def mask_secrets(secrets: Iterable[str]) -> None:
    """Mask `secrets` in every log handler; send `details` to the log file(s) only.

    Without a log file (it could not be opened), `details` goes to stderr like everything else.
    """
    mask = MaskSecrets(secrets)
    root = logging.getLogger()
    for handler in root.handlers:
        handler.addFilter(mask)
    files = [h for h in root.handlers if isinstance(h, logging.FileHandler)]
    for handler in details.handlers[:]:
        details.removeHandler(handler)
    for handler in files:
        details.addHandler(handler)
    details.propagate = not files
