"""The unmatched-question log, written off the asker's path.

Questions that matched nothing (or only weakly) are queued and written by one background
thread, in batches of one transaction each, so that answering never waits for a disk sync.
`flush` waits until everything queued is written (before /unmatched reads the table, and at
exit); a failed write is logged and dropped, never raised to the asker.
"""

from __future__ import annotations

import atexit
import logging
import threading
import time
from collections import deque

from sqlalchemy import Engine

from bot.store.unmatched import UnmatchedRow, log_unmatched_many

logger = logging.getLogger(__name__)

BATCH = 100
ATTEMPTS = 3


class UnmatchedLog:
    """One per engine and process; `record` returns at once."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._rows: deque[UnmatchedRow] = deque()
        self._idle = threading.Condition()
        self._writing = False
        self._thread: threading.Thread | None = None

    def record(self, row: UnmatchedRow) -> None:
        """Queue one question to be written."""
        if not isinstance(row, UnmatchedRow):
            # Checked here, on the caller's thread: on the writer's it would only be logged.
            raise TypeError(f"UnmatchedLog.record takes an UnmatchedRow, not {type(row).__name__}")
        with self._idle:
            self._rows.append(row)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="unmatched-log", daemon=True
                )
                self._thread.start()
                atexit.register(self.flush)
            self._idle.notify_all()

    def flush(self, timeout: float = 10.0) -> None:
        """Wait until every queued question is written (or `timeout` seconds pass)."""
        with self._idle:
            self._idle.wait_for(lambda: not self._rows and not self._writing, timeout)

    def _run(self) -> None:
        while True:
            with self._idle:
                self._idle.wait_for(lambda: bool(self._rows))
                batch = [self._rows.popleft() for _ in range(min(BATCH, len(self._rows)))]
                self._writing = True
            try:
                self._write(batch)
            finally:
                with self._idle:
                    self._writing = False
                    self._idle.notify_all()

    def _write(self, batch: list[UnmatchedRow]) -> None:
        for attempt in range(1, ATTEMPTS + 1):
            try:
                log_unmatched_many(self.engine, batch)
                return
            except Exception:  # the log must never take the bot down
                if attempt == ATTEMPTS:
                    logger.exception("could not log %d unmatched questions", len(batch))
                    return
                time.sleep(0.2 * attempt)  # a busy database: try again shortly
