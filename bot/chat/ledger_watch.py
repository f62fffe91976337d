"""Whether another process (an import, the CLI's close) changed the ledgers under the chat's
answering index: the database, not this process's index, is what every answer says."""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING

from bot.store.ledger_store import ledger_stamp
from bot.store.uow import reading

if TYPE_CHECKING:
    from sqlalchemy import Engine

# How often the chat looks; a look is one small read.
LEDGER_CHECK_SECONDS = 1.0


class LedgerWatch:
    """The ledgers' stamp (ledger_store.ledger_stamp) as the index last read them."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        with reading(engine) as session:
            self.stamp = ledger_stamp(session)
        self._checked = time.monotonic()
        self._checking = threading.Lock()  # one thread looks at a time; the others go on

    def moved(self) -> bool:
        """Whether the stamp moved since the index read it; False within LEDGER_CHECK_SECONDS
        of the last look, or while another thread looks."""
        now = time.monotonic()
        if now - self._checked < LEDGER_CHECK_SECONDS or not self._checking.acquire(False):
            return False
        try:
            self._checked = now
            with reading(self.engine) as session:
                return ledger_stamp(session) != self.stamp
        finally:
            self._checking.release()
