"""What the store raises, in a module of its own: a front end that reads the ledger without
SQLAlchemy (bot/store/sqlite_ledger.py) raises and catches the same errors."""

from __future__ import annotations

from bot.domain.ledger import year_not_held


class StoreError(Exception):
    """A change cannot be applied; nothing was written."""


class YearNotHeld(StoreError):
    """The database holds no ledger of the year asked for."""

    def __init__(self, year: int, *, held=None, hint: str = "") -> None:
        super().__init__(year_not_held(year, held) + hint)
        self.year = year


class StaleChange(StoreError):
    """A field changed since the change was proposed; nothing was written."""


NO_LEDGER_YET = "the database holds no ledger yet; run `python main.py import FILE`"
