"""Where a front end reads ledgers from: a `LedgerSource`, either SQLAlchemy over any engine
(`ledger_store.EngineLedgers`) or, for a cold `ask`, a SQLite file read with the standard
library (`sqlite_ledger.SqliteLedgers`). Both give the same `LedgerSpec`s and raise the same
errors (bot/store/errors.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from bot.domain.ledger import LedgerSpec
from bot.domain.status_rules import DEFAULT_STATUS_RULES, StatusRules

if TYPE_CHECKING:
    from sqlalchemy import Engine


class LedgerSource(Protocol):
    def read_ledger(
        self, *, year: int | None = None, rules: StatusRules = DEFAULT_STATUS_RULES
    ) -> LedgerSpec:
        """The ledger of `year` (the latest held when None); YearNotHeld when another year is
        held but not that one, StoreError when the database holds none."""
        ...

    def held_years(self) -> dict[int, int]:
        """The ledger years held, oldest first, with their target counts."""
        ...


def ledger_source(source: Engine | LedgerSource) -> LedgerSource:
    """`source` itself when it reads ledgers, else SQLAlchemy over it (an engine). SQLAlchemy
    is imported only in the second case."""
    if hasattr(source, "read_ledger"):
        return source
    from bot.store.ledger_store import EngineLedgers

    return EngineLedgers(source)
