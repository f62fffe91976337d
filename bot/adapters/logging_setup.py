"""Where log records go: a rotating file under the var directory, and stderr only at ERROR.

Called once by the entry point after the config is loaded; calling it again (the tests run
the CLI in-process many times) replaces the handlers it installed before.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

_MARK = "_ledger_bot_handler"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure_logging(log_file: Path, *, stderr: bool = True) -> None:
    """INFO and above to `log_file`; ERROR and above to stderr unless `stderr` is false.

    The console chat passes `stderr=False`: its replies say where the log is, so no record
    lands between a question and its answer.
    """
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, _MARK, False)]:
        root.removeHandler(handler)
        handler.close()
    handlers: list[logging.Handler] = []
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handlers.append(
            logging.handlers.RotatingFileHandler(
                log_file, maxBytes=5_000_000, backupCount=3, encoding="utf-8"
            )
        )
    except OSError:
        stderr = True  # no writable log file: errors must still be seen somewhere
    if stderr:
        to_stderr = logging.StreamHandler()
        to_stderr.setLevel(logging.ERROR)
        handlers.append(to_stderr)
    for handler in handlers:
        handler.setFormatter(logging.Formatter(LOG_FORMAT))
        setattr(handler, _MARK, True)
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    # httpx logs every request URL, and a URL carries the bot token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
