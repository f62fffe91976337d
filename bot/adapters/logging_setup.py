"""Where log records go: a rotating file under the var directory, and stderr only at ERROR,
each stamped in the office's time zone with its offset (the log is what 系统繁忙 replies send an
admin to, so its times read as the office's clock, whatever the server's zone).

Called once by the entry point after the config is loaded; calling it again (the tests run
the CLI in-process many times) replaces the handlers it installed before.
"""

from __future__ import annotations

import datetime as dt
import logging
import logging.handlers
from pathlib import Path

_MARK = "_ledger_bot_handler"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class OfficeTimeFormatter(logging.Formatter):
    """LOG_FORMAT with `asctime` in `tz`: "2020-10-23 09:00:01,250+0800"."""

    def __init__(self, tz: dt.tzinfo) -> None:
        super().__init__(LOG_FORMAT)
        self.tz = tz

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:  # noqa: N802
        at = dt.datetime.fromtimestamp(record.created, self.tz)
        return f"{at:%Y-%m-%d %H:%M:%S},{int(record.msecs):03d}{at:%z}"


def configure_logging(log_file: Path, tz: dt.tzinfo, *, stderr: bool = True) -> None:
    """INFO and above to `log_file`; ERROR and above to stderr unless `stderr` is false;
    times in `tz`, the office's zone.

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
        handler.setFormatter(OfficeTimeFormatter(tz))
        setattr(handler, _MARK, True)
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    # httpx logs every request URL, and a URL carries the bot token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
