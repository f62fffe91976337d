"""Reading the ledger: a year's targets as plain objects, its audit trail, the years held.

The other store modules change it: `ledger_fields` (one field's rows), `ledger_changes`
(changes with their audit entries, undo), `ledger_import` (loading a ledger file).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

from bot.domain.fields import indicator_field
from bot.domain.ledger import (
    Closure,
    DeadlineSpec,
    IndicatorSpec,
    LedgerSpec,
    TargetSpec,
    UnitSpec,
)
from bot.domain.status_rules import DEFAULT_STATUS_RULES, StatusRules
from bot.store.models import (
    Alias,
    AuditEntry,
    Indicator,
    LedgerMeta,
    Milestone,
    Target,
    UnitAssignment,
)
from bot.store.uow import reading

# The audit trail's actor for imports ("import" or "import:FILE"): their writes are the
# ledger's own values, never an admin's change.
IMPORT_ACTOR = "import"


class StoreError(Exception):
    """A change cannot be applied; nothing was written."""


class YearNotHeld(StoreError):
    """The database holds no ledger of the year asked for."""

    def __init__(self, year: int, *, hint: str = "") -> None:
        super().__init__(f"数据库中没有{year}年的台账{hint}")
        self.year = year


class StaleChange(StoreError):
    """A field changed since the change was proposed; nothing was written."""


def held_years(session: Session) -> dict[int, int]:
    """The ledger years the database holds, oldest first, with their target counts."""
    counts = dict(session.exec(select(Target.year, func.count()).group_by(Target.year)).all())
    years = set(session.exec(select(LedgerMeta.year)).all()) | set(counts)
    return {year: counts.get(year, 0) for year in sorted(years)}


def latest_year(session: Session) -> int | None:
    """The newest ledger year held, the current one unless the config names another."""
    return (
        session.exec(select(func.max(LedgerMeta.year))).one()
        or session.exec(select(func.max(Target.year))).one()
    )


def resolve_year(session: Session, year: int | None) -> int:
    """`year`, or the latest one held when None."""
    if year is not None:
        return year
    found = latest_year(session)
    if found is None:
        raise StoreError("the database holds no ledger yet; run `python main.py import FILE`")
    return found


def _children(session: Session, model, year: int, numbers: Sequence[int] | None):
    query = select(model).where(model.year == year)
    if numbers is not None:
        query = query.where(col(model.target_number).in_(numbers))
    rows: dict[int, list] = {}
    order = model.id if model is Alias else model.position
    for row in session.exec(query.order_by(order, model.id)):
        rows.setdefault(row.target_number, []).append(row)
    if model is Alias:
        for found in rows.values():
            found.sort(key=lambda a: a.word)  # Python order, whatever the collation
    return rows


@dataclass
class _FieldHistory:
    origin: str  # the value the import left
    value: str
    at: dt.datetime
    actor: str


def _live_changes(
    session: Session, year: int, numbers: Sequence[int] | None
) -> dict[tuple[int, str], _FieldHistory]:
    """Figures and progress texts changed after the import, keyed (target, field name).

    A field whose value is back to what the import left (an undo) is not listed; a later
    import of the field starts it afresh.
    """
    query = select(AuditEntry).where(
        (AuditEntry.field_name == "progress_text") | col(AuditEntry.field_name).like("indicator:%")
    )
    if numbers is not None:
        query = query.where(col(AuditEntry.target_number).in_(numbers))
    found: dict[tuple[int, str], _FieldHistory] = {}
    for e in session.exec(query.order_by(AuditEntry.id)):
        if e.target_number is None:
            continue
        if e.actor.startswith(IMPORT_ACTOR):
            # An import rewrites a whole indicator ("indicator:NAME") or the progress text.
            key = e.field_name if e.field_name == "progress_text" else e.field_name + ":actual"
            found.pop((e.target_number, key), None)
            continue
        if e.field_name != "progress_text" and not e.field_name.endswith(":actual"):
            continue
        key = (e.target_number, e.field_name)
        origin = found[key].origin if key in found else e.old_value
        found[key] = _FieldHistory(origin, e.new_value, e.at, e.actor)
    return {k: h for k, h in found.items() if h.value != h.origin}


def _to_spec(
    target: Target,
    units,
    milestones,
    indicators,
    aliases,
    changes: dict[tuple[int, str], _FieldHistory] | None = None,
    rules: StatusRules = DEFAULT_STATUS_RULES,
) -> TargetSpec:
    changes = changes or {}

    def changed(name: str) -> _FieldHistory | None:
        return changes.get((target.number, name))

    progress = changed("progress_text")
    return TargetSpec(
        number=target.number,
        title=target.title,
        category=target.category,
        target_text=target.target_text,
        progress_text=target.progress_text,
        same_line=target.same_line,
        units=tuple(UnitSpec(u.unit, u.role, u.source) for u in units),
        deadlines=tuple(DeadlineSpec(m.due, m.text, m.done) for m in milestones),
        indicators=tuple(
            IndicatorSpec(
                name=i.name,
                target=i.target_value,
                unit=i.unit,
                comparator=i.comparator,
                actual=i.actual_value,
                actual_unit=i.actual_unit,
                as_of=i.as_of,
                remark=i.remark,
                changed_at=figure.at if figure else None,
                changed_by=figure.actor if figure else "",
            )
            for i, figure in ((i, changed(indicator_field(i.name, "actual"))) for i in indicators)
        ),
        aliases=tuple(a.word for a in aliases),
        status_override=target.status_override,
        status_reason=target.status_reason,
        closed=Closure.decode(target.closed),
        updated_at=target.updated_at,
        updated_by=target.updated_by,
        progress_changed_at=progress.at if progress else None,
        rules=rules,
    )


def read_targets(
    session: Session,
    numbers: Sequence[int] | None = None,
    *,
    year: int | None = None,
    rules: StatusRules = DEFAULT_STATUS_RULES,
) -> list[TargetSpec]:
    """A year's targets (all, or those numbered) as plain objects, in number order; the
    latest year held when `year` is None (none at all when the database holds nothing).
    Each carries `rules`, the office's status settings it is judged by."""
    year = latest_year(session) if year is None else year
    query = select(Target).where(Target.year == year).order_by(Target.number)
    if numbers is not None:
        query = query.where(col(Target.number).in_(numbers))
    targets = list(session.exec(query))
    units = _children(session, UnitAssignment, year, numbers)
    milestones = _children(session, Milestone, year, numbers)
    indicators = _children(session, Indicator, year, numbers)
    aliases = _children(session, Alias, year, numbers)
    changes = _live_changes(session, year, numbers)
    return [
        _to_spec(
            t,
            units.get(t.number, []),
            sorted(milestones.get(t.number, []), key=lambda m: (m.due, m.position)),
            indicators.get(t.number, []),
            aliases.get(t.number, []),
            changes,
            rules,
        )
        for t in targets
    ]


def read_target(
    session: Session,
    number: int,
    *,
    year: int | None = None,
    rules: StatusRules = DEFAULT_STATUS_RULES,
) -> TargetSpec | None:
    found = read_targets(session, [number], year=year, rules=rules)
    return found[0] if found else None


def read_meta(session: Session, *, year: int | None = None) -> LedgerMeta | None:
    """The ledger row of `year` (the latest year held when None); None when not held."""
    year = latest_year(session) if year is None else year
    return session.exec(select(LedgerMeta).where(LedgerMeta.year == year)).first()


def read_ledger(
    session: Session, *, year: int | None = None, rules: StatusRules = DEFAULT_STATUS_RULES
) -> LedgerSpec:
    """One year's whole ledger (the latest year held when None), as the database holds it,
    its targets judged by `rules`."""
    meta = read_meta(session, year=year)
    if meta is None:
        if year is not None and latest_year(session) is not None:
            raise YearNotHeld(year)
        raise StoreError("the database holds no ledger yet; run `python main.py import FILE`")
    return LedgerSpec(
        year=meta.year,
        title=meta.title,
        preamble=meta.preamble,
        targets=tuple(read_targets(session, year=meta.year, rules=rules)),
        default_deadline=meta.default_deadline,
    )


def is_empty(engine: Engine) -> bool:
    """True while the database holds no target of any year."""
    with reading(engine) as session:
        return session.exec(select(func.count()).select_from(Target)).one() == 0


def history(
    session: Session, number: int | None = None, limit: int = 50, *, year: int | None = None
) -> list[AuditEntry]:
    """Audit entries, newest first, for one target of a year (the latest when None) or for
    all targets (of `year` if given, of every year otherwise)."""
    query = select(AuditEntry).order_by(col(AuditEntry.id).desc()).limit(limit)
    if number is not None:
        year = resolve_year(session, year)
        query = query.where(AuditEntry.target_number == number)
    if year is not None:
        query = query.where(AuditEntry.year == year)
    return list(session.exec(query))


def audit_since(session: Session, since: dt.datetime) -> list[AuditEntry]:
    query = select(AuditEntry).where(AuditEntry.at >= since).order_by(AuditEntry.id)
    return list(session.exec(query))
