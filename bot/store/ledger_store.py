"""Reading the ledger: a year's targets as plain objects, its audit trail, the years held.

The other store modules change it: `ledger_fields` (one field's rows), `ledger_changes`
(changes with their audit entries, undo), `ledger_import` (loading a ledger file).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

from bot.domain.ledger import LedgerSpec, TargetSpec
from bot.domain.status_rules import DEFAULT_STATUS_RULES, StatusRules

# StaleChange and IMPORT_ACTOR are re-exported: the other store modules import them from here.
from bot.store.errors import NO_LEDGER_YET, StoreError, YearNotHeld
from bot.store.errors import StaleChange as StaleChange
from bot.store.ledger_rows import IMPORT_ACTOR as IMPORT_ACTOR
from bot.store.ledger_rows import (
    LIVE_FIELD,
    LIVE_FIELD_PREFIX,
    FieldHistory,
    assemble_targets,
    by_target,
    live_changes,
)
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


def held_years(session: Session) -> dict[int, int]:
    """The ledger years the database holds, oldest first, with their target counts."""
    counts = dict(session.exec(select(Target.year, func.count()).group_by(Target.year)).all())
    years = set(session.exec(select(LedgerMeta.year)).all()) | set(counts)
    return {year: counts.get(year, 0) for year in sorted(years)}


def ledger_stamp(session: Session) -> tuple:
    """What moves whenever a ledger changes, whoever changes it: the last audited change, and
    the years held with their target counts (an import's new targets leave no audit entry)."""
    last = session.exec(select(func.max(AuditEntry.id))).one()
    return last, tuple(held_years(session).items())


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
        raise StoreError(NO_LEDGER_YET)
    return found


def _children(session: Session, model, year: int, numbers: Sequence[int] | None):
    query = select(model).where(model.year == year)
    if numbers is not None:
        query = query.where(col(model.target_number).in_(numbers))
    order = model.id if model is Alias else model.position
    return by_target(session.exec(query.order_by(order, model.id)), by_word=model is Alias)


def _live_changes(
    session: Session, year: int, numbers: Sequence[int] | None
) -> dict[tuple[int, str], FieldHistory]:
    """A year's figures and progress texts changed after the import
    (`ledger_rows.live_changes`); target numbers repeat across years, so the year filters."""
    query = select(AuditEntry).where(
        AuditEntry.year == year,
        (AuditEntry.field_name == LIVE_FIELD) | col(AuditEntry.field_name).like(LIVE_FIELD_PREFIX),
    )
    if numbers is not None:
        query = query.where(col(AuditEntry.target_number).in_(numbers))
    return live_changes(session.exec(query.order_by(AuditEntry.id)))


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
    return assemble_targets(
        list(session.exec(query)),
        units=_children(session, UnitAssignment, year, numbers),
        milestones=_children(session, Milestone, year, numbers),
        indicators=_children(session, Indicator, year, numbers),
        aliases=_children(session, Alias, year, numbers),
        changes=_live_changes(session, year, numbers),
        rules=rules,
    )


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
        raise StoreError(NO_LEDGER_YET)
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


def units_held(engine: Engine) -> list[str]:
    """Every responsible unit a target of any year names, sorted."""
    with reading(engine) as session:
        return sorted(session.exec(select(UnitAssignment.unit).distinct()).all())


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


def changes_by_target(
    session: Session, year: int, since: dt.datetime, before: dt.datetime | None = None
) -> dict[int, tuple[int, dt.datetime]]:
    """Per target of `year`: how many changes the audit trail holds from `since` (to `before`),
    and the latest one's moment (UTC); a change and its /undo change nothing between them."""
    changed: dict[int, tuple[int, dt.datetime]] = {}
    for e in audit_since(session, since):
        at = e.at if e.at.tzinfo else e.at.replace(tzinfo=dt.UTC)
        if e.undone or e.undoes or e.target_number is None or e.year not in (None, year):
            continue
        if before is not None and at >= before:
            continue
        count, _ = changed.get(e.target_number, (0, at))
        changed[e.target_number] = (count + 1, at)
    return changed


class EngineLedgers:
    """The ledger years of a database through SQLAlchemy (any engine), each read in a session
    of its own: the `LedgerSource` every front end has (bot/store/ledger_source.py)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def read_ledger(
        self, *, year: int | None = None, rules: StatusRules = DEFAULT_STATUS_RULES
    ) -> LedgerSpec:
        with reading(self.engine) as session:
            return read_ledger(session, year=year, rules=rules)

    def held_years(self) -> dict[int, int]:
        with reading(self.engine) as session:
            return held_years(session)
