"""Read-only use cases shared by every front end: which year's ledger, and which targets a list
shows (by status, unit, category). They return plain values; the CLI and the chat render them.

    ledger = ledger_of(engine, year=2020, rules=config.status)
    rows = select_targets(ledger.targets, today, TargetFilter(status="未完成"))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.domain.ledger import CATEGORIES, STATUSES, LedgerSpec, TargetSpec, year_not_held
from bot.domain.status import compute_status
from bot.domain.status_rules import DEFAULT_STATUS_RULES, StatusRules
from bot.store.errors import StoreError, YearNotHeld
from bot.store.ledger_source import LedgerSource, ledger_source

if TYPE_CHECKING:
    from sqlalchemy import Engine


class YearMissing(StoreError):
    """The database holds no ledger of `year`; `held` maps the years it does hold to counts."""

    def __init__(self, year: int, held: dict[int, int]) -> None:
        super().__init__(year_not_held(year))
        self.year = year
        self.held = held


@dataclass(frozen=True)
class TargetFilter:
    """What a list keeps: every given criterion must hold; `unit` is a substring of a unit's
    name, of a lead unit's only when `lead_only`; `statuses` are alternatives ("未完成 滞后")."""

    status: str | None = None
    unit: str | None = None
    category: str | None = None
    lead_only: bool = False
    statuses: tuple[str, ...] = ()

    def keeps(self, target: TargetSpec, status: str) -> bool:
        if self.status and status != self.status:
            return False
        if self.statuses and status not in self.statuses:
            return False
        units = target.lead_units if self.lead_only else target.units
        if self.unit and not any(self.unit in u.name for u in units):
            return False
        return not (self.category and target.category != self.category)


@dataclass(frozen=True)
class Listed:
    """One target a list shows, with its status on the list's day."""

    target: TargetSpec
    status: str


def filter_of_word(word: str) -> TargetFilter:
    """One word as a chat user types it: a status, else a category, else part of a unit name."""
    if word in STATUSES:
        return TargetFilter(status=word)
    if word in CATEGORIES:
        return TargetFilter(category=word)
    return TargetFilter(unit=word)


def list_words(words: str) -> list[str]:
    """The words of a chat list, apart at spaces and at the commas people type between them."""
    return words.replace("、", " ").replace("，", " ").replace(",", " ").split()


def filter_of_words(words: str) -> TargetFilter | str:
    """Several words of a chat list ("民政局 未完成 滞后"): a target must match every kind
    named, and any one of the statuses; the word that is a second unit or category (which
    only one may be) is returned instead, for the reply to name."""
    statuses: list[str] = []
    found: dict[str, str] = {}
    for word in list_words(words):
        one = filter_of_word(word)
        if one.status:
            statuses.append(one.status)
            continue
        kind = "category" if one.category else "unit"
        if kind in found and found[kind] != word:
            return word
        found[kind] = word
    statuses = list(dict.fromkeys(statuses))
    return TargetFilter(
        status=statuses[0] if len(statuses) == 1 else None,
        statuses=tuple(statuses) if len(statuses) > 1 else (),
        **found,
    )


def select_targets(
    targets: Iterable[TargetSpec], today: dt.date, chosen: TargetFilter | None = None
) -> list[Listed]:
    """The targets `chosen` keeps (all when None), in ledger order, each with its status."""
    listed = (Listed(t, compute_status(t, today)) for t in targets)
    return [row for row in listed if chosen is None or chosen.keeps(row.target, row.status)]


def years_held(engine: Engine | LedgerSource) -> dict[int, int]:
    """The ledger years the database holds, oldest first, with their target counts."""
    return ledger_source(engine).held_years()


def ledger_of(
    engine: Engine | LedgerSource, *, year: int | None, rules: StatusRules = DEFAULT_STATUS_RULES
) -> LedgerSpec:
    """The ledger of `year` (the latest held when None); YearMissing names the years held.
    `engine` may be a LedgerSource (bot/store/ledger_source.py) instead of an engine."""
    ledgers = ledger_source(engine)
    try:
        return ledgers.read_ledger(year=year, rules=rules)
    except YearNotHeld as exc:
        raise YearMissing(exc.year, ledgers.held_years()) from None
