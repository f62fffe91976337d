"""How far a drafted ledger agrees with a curated ledger or a hand-made expectation.

Pure scoring. The expectation comes from a curated `LedgerSpec` (`expect_from_ledger`) or from
a report folder's `expected.json` (`load_expected`); `agreement` compares a draft field by
field: figure pairs, statuses, categories, deadlines and the year.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from bot.domain.ledger import IndicatorSpec, LedgerSpec, TargetSpec, parse_decimal
from bot.domain.status import compute_status, status_day

FIELDS = ("pairs", "statuses", "categories", "deadlines", "year")


@dataclass(frozen=True)
class ExpectedPair:
    name: str
    target: Decimal | None
    target_unit: str
    actual: Decimal | None
    actual_unit: str


@dataclass(frozen=True)
class ExpectedTarget:
    number: int
    status: str
    pairs: tuple[ExpectedPair, ...]
    deadlines: frozenset[dt.date]
    category: str = ""  # empty: not expected (the reports' expectations carry none)


@dataclass(frozen=True)
class Expectation:
    year: int
    targets: tuple[ExpectedTarget, ...]


@dataclass
class Score:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.right += bool(ok)

    @property
    def rate(self) -> float | None:
        return self.right / self.total if self.total else None

    def __str__(self) -> str:
        if not self.total:
            return "n/a"
        return f"{self.right}/{self.total} ({100 * self.right / self.total:.1f}%)"


@dataclass
class Agreement:
    scores: dict[str, Score] = field(default_factory=lambda: {k: Score() for k in FIELDS})
    misses: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in FIELDS})
    extra_pairs: int = 0  # draft indicators pairing a target and an actual nobody expected


def _pair_of(ind: IndicatorSpec) -> ExpectedPair:
    return ExpectedPair(
        ind.name, ind.target_value, ind.unit, ind.actual_value, ind.actual_unit or ind.unit
    )


def expect_from_ledger(ledger: LedgerSpec) -> Expectation:
    """The curated ledger as an expectation: its pairs are indicators with both figures."""
    day = status_day(dt.date(ledger.year + 1, 1, 1), ledger.year)
    return Expectation(
        year=ledger.year,
        targets=tuple(
            ExpectedTarget(
                number=t.number,
                status=compute_status(t, day),
                pairs=tuple(_pair_of(i) for i in t.indicators if i.comparable),
                deadlines=frozenset(d.date for d in t.deadlines),
                category=t.category,
            )
            for t in ledger.targets
        ),
    )


def _figure(value) -> Decimal | None:
    return None if value is None else parse_decimal(str(value))


def load_expected(path: Path) -> Expectation:
    """A report folder's expected.json (year; targets with status, pairs, deadlines)."""
    raw = json.loads(Path(path).read_text(encoding="utf-8"))
    return Expectation(
        year=int(raw["year"]),
        targets=tuple(
            ExpectedTarget(
                number=int(t["number"]),
                status=str(t.get("status", "")),
                pairs=tuple(
                    ExpectedPair(
                        str(p.get("name", "")),
                        _figure(p.get("target")),
                        str(p.get("target_unit") or ""),
                        _figure(p.get("actual")),
                        str(p.get("actual_unit") or ""),
                    )
                    for p in t.get("pairs", [])
                ),
                deadlines=frozenset(dt.date.fromisoformat(d) for d in t.get("deadlines", [])),
                category=str(t.get("category", "")),
            )
            for t in raw["targets"]
        ),
    )


def _matches(pair: ExpectedPair, ind: IndicatorSpec) -> bool:
    # The same figures with the same units, as written; a unit the expectation leaves empty
    # is not checked.
    got = _pair_of(ind)
    if (pair.target, pair.actual) != (got.target, got.actual):
        return False
    if pair.target is not None and pair.target_unit and pair.target_unit != got.target_unit:
        return False
    return not (
        pair.actual is not None and pair.actual_unit and pair.actual_unit != got.actual_unit
    )


def draft_status(target: TargetSpec, day: dt.date) -> str:
    """The status the draft shows on `day` (its override from the words, or the rules)."""
    return compute_status(target, day)


def agreement(draft: LedgerSpec, expected: Expectation, day: dt.date) -> Agreement:
    """Score `draft` against `expected`, judging draft statuses on `day`."""
    result = Agreement()
    result.scores["year"].add(draft.year == expected.year)
    if draft.year != expected.year:
        result.misses["year"].append(f"{draft.year} (expected {expected.year})")
    drafted = draft.by_number()
    for want in expected.targets:
        got = drafted.get(want.number)
        n = want.number
        used: set[int] = set()
        for pair in want.pairs:
            hit = None
            if got is not None:
                hit = next(
                    (
                        k
                        for k, ind in enumerate(got.indicators)
                        if k not in used and _matches(pair, ind)
                    ),
                    None,
                )
            if hit is not None:
                used.add(hit)
            else:
                result.misses["pairs"].append(f"{n} {pair.name}")
            result.scores["pairs"].add(hit is not None)
        if got is not None:
            result.extra_pairs += sum(
                1 for k, ind in enumerate(got.indicators) if k not in used and ind.comparable
            )
        status = draft_status(got, day) if got is not None else ""
        result.scores["statuses"].add(status == want.status)
        if status != want.status:
            result.misses["statuses"].append(f"{n} {status or '—'} (expected {want.status})")
        if want.category:
            category = got.category if got is not None else ""
            result.scores["categories"].add(category == want.category)
            if category != want.category:
                result.misses["categories"].append(f"{n} {category} (expected {want.category})")
        if want.deadlines:
            dates = frozenset(d.date for d in got.deadlines) if got is not None else frozenset()
            result.scores["deadlines"].add(dates == want.deadlines)
            if dates != want.deadlines:
                shown = ",".join(sorted(d.isoformat() for d in dates))
                result.misses["deadlines"].append(f"{n} {shown}")
    return result


def refused(expected: Expectation, reason: str) -> Agreement:
    """The agreement of a report the drafter could not read: every expected field wrong."""
    result = Agreement()
    result.scores["year"].add(False)
    result.misses["year"].append(f"not drafted: {reason}")
    for want in expected.targets:
        for _pair in want.pairs:
            result.scores["pairs"].add(False)
        result.scores["statuses"].add(False)
        if want.category:
            result.scores["categories"].add(False)
        if want.deadlines:
            result.scores["deadlines"].add(False)
    return result
