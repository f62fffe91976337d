"""The ledger store: read the ledger as plain objects, change it with an audit trail.

Every change goes through `apply_changes`, which reads the old values and writes the new
ones and their `AuditEntry` rows in one transaction. A field is addressed by a name such as
`progress_text`, `indicator:新增贷款:actual`, `units`, `deadlines` or `aliases`, and its
value is a string, so that undo and import conflicts work the same way for every field.
"""

from __future__ import annotations

import datetime as dt
import json
import time
import uuid
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Engine, delete, func
from sqlmodel import Session, col, select

from bot.database import import_lock
from bot.ledger import (
    Closure,
    DeadlineSpec,
    IndicatorSpec,
    LedgerSpec,
    TargetSpec,
    UnitSpec,
    strip_control_characters,
)
from bot.models import (
    Alias,
    AuditEntry,
    Indicator,
    LedgerMeta,
    Milestone,
    Target,
    UnitAssignment,
    utc_now,
)
from bot.status_rules import DEFAULT_STATUS_RULES, StatusRules

TARGET_FIELDS = (
    "title",
    "category",
    "target_text",
    "progress_text",
    "status_override",
    "status_reason",
)
# 销号 is the office's act on a loaded target, not ledger-file data: imports never touch it.
CLOSED_FIELD = "closed"
INDICATOR_ATTRS = {
    "target": "target_value",
    "unit": "unit",
    "comparator": "comparator",
    "actual": "actual_value",
    "actual_unit": "actual_unit",
    "as_of": "as_of",
    "remark": "remark",
}
IMPORT_ACTOR = "import"


class StoreError(Exception):
    """A change cannot be applied; nothing was written."""


@dataclass(frozen=True)
class FieldChange:
    target: int
    field: str
    new_value: str
    expected_old: str | None = (
        None  # when set, the change applies only if the field still holds it
    )


class YearNotHeld(StoreError):
    """The database holds no ledger of the year asked for."""

    def __init__(self, year: int, *, hint: str = "") -> None:
        super().__init__(f"数据库中没有{year}年的台账{hint}")
        self.year = year


class StaleChange(StoreError):
    """A field changed since the change was proposed; nothing was written."""


@dataclass(frozen=True)
class AppliedChange:
    change_id: str
    entries: tuple[AuditEntry, ...]


@dataclass
class ImportResult:
    year: int = 0
    new_year: bool = False  # the database held no ledger of this year before
    created: int = 0
    updated: list[tuple[int, str]] = field(default_factory=list)
    conflicts: list[tuple[int, str, str, str]] = field(default_factory=list)  # file, db
    forced: bool = False


# --- reading ---------------------------------------------------------------------------


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
            for i, figure in ((i, changed(f"indicator:{i.name}:actual")) for i in indicators)
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
    with Session(engine) as session:
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


# --- field codec -----------------------------------------------------------------------


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _units_value(session: Session, year: int, number: int) -> str:
    rows = session.exec(
        select(UnitAssignment)
        .where(UnitAssignment.year == year, UnitAssignment.target_number == number)
        .order_by(UnitAssignment.position, UnitAssignment.id)
    )
    return _dump([[u.unit, u.role, u.source] for u in rows])


def _deadlines_value(session: Session, year: int, number: int) -> str:
    rows = session.exec(
        select(Milestone)
        .where(Milestone.year == year, Milestone.target_number == number)
        .order_by(Milestone.due, Milestone.position, Milestone.id)
    )
    return _dump([[m.due.isoformat(), m.text, m.done] for m in rows])


def _aliases_value(session: Session, year: int, number: int) -> str:
    rows = session.exec(select(Alias).where(Alias.year == year, Alias.target_number == number))
    # Sorted in Python, like _spec_fields: a database collation (zh-Hans on PostgreSQL) would
    # order them differently and make every reload look like a change.
    return _dump(sorted(a.word for a in rows))


def _indicator_row(session: Session, year: int, number: int, name: str) -> Indicator | None:
    return session.exec(
        select(Indicator).where(
            Indicator.year == year, Indicator.target_number == number, Indicator.name == name
        )
    ).first()


def _indicator_json(row: Indicator) -> str:
    return _dump({attr: getattr(row, column) for attr, column in INDICATOR_ATTRS.items()})


def read_field(session: Session, number: int, name: str, *, year: int | None = None) -> str:
    """The current value of one addressable field of a year's target, as a string."""
    year = resolve_year(session, year)
    target = session.get(Target, (year, number))
    if target is None:
        raise StoreError(f"第{number}项目标不存在")
    if name in TARGET_FIELDS or name == CLOSED_FIELD:
        return getattr(target, name)
    if name == "units":
        return _units_value(session, year, number)
    if name == "deadlines":
        return _deadlines_value(session, year, number)
    if name == "aliases":
        return _aliases_value(session, year, number)
    if name.startswith("indicator:"):
        parts = name.split(":")
        row = _indicator_row(session, year, number, parts[1])
        if len(parts) == 2:
            return _indicator_json(row) if row else ""
        if row is None:
            raise StoreError(f"第{number}项没有指标“{parts[1]}”")
        return getattr(row, INDICATOR_ATTRS[parts[2]])
    raise StoreError(f"unknown field {name!r}")


def _write_units(session: Session, year: int, number: int, value: str) -> None:
    session.exec(
        delete(UnitAssignment).where(
            UnitAssignment.year == year, UnitAssignment.target_number == number
        )
    )
    for position, (unit, role, source) in enumerate(json.loads(value or "[]")):
        session.add(
            UnitAssignment(
                year=year,
                target_number=number,
                position=position,
                unit=unit,
                role=role,
                source=source,
            )
        )


def _write_deadlines(session: Session, year: int, number: int, value: str) -> None:
    session.exec(
        delete(Milestone).where(Milestone.year == year, Milestone.target_number == number)
    )
    for position, (due, text, done) in enumerate(json.loads(value or "[]")):
        session.add(
            Milestone(
                year=year,
                target_number=number,
                position=position,
                due=dt.date.fromisoformat(due),
                text=text,
                done=done,
            )
        )


def _write_aliases(session: Session, year: int, number: int, value: str) -> None:
    session.exec(delete(Alias).where(Alias.year == year, Alias.target_number == number))
    for word in dict.fromkeys(json.loads(value or "[]")):
        session.add(Alias(year=year, target_number=number, word=word))


def _write_indicator(session: Session, year: int, number: int, name: str, value: str) -> None:
    row = _indicator_row(session, year, number, name)
    if not value:
        if row is not None:
            session.delete(row)
        return
    data = json.loads(value)
    if row is None:
        position = session.exec(
            select(func.count())
            .select_from(Indicator)
            .where(Indicator.year == year, Indicator.target_number == number)
        ).one()
        row = Indicator(year=year, target_number=number, name=name, position=position)
    for attr, column in INDICATOR_ATTRS.items():
        setattr(row, column, data.get(attr, ""))
    session.add(row)


def write_field(
    session: Session, number: int, name: str, value: str, *, year: int | None = None
) -> None:
    """Write one field of a year's target inside the caller's transaction (no audit: see
    apply_changes)."""
    year = resolve_year(session, year)
    target = session.get(Target, (year, number))
    if target is None:
        raise StoreError(f"第{number}项目标不存在")
    if name in TARGET_FIELDS or name == CLOSED_FIELD:
        setattr(target, name, value)
    elif name == "units":
        _write_units(session, year, number, value)
    elif name == "deadlines":
        _write_deadlines(session, year, number, value)
    elif name == "aliases":
        _write_aliases(session, year, number, value)
    elif name.startswith("indicator:"):
        parts = name.split(":")
        if len(parts) == 2:
            _write_indicator(session, year, number, parts[1], value)
        else:
            row = _indicator_row(session, year, number, parts[1])
            if row is None:
                raise StoreError(f"第{number}项没有指标“{parts[1]}”")
            setattr(row, INDICATOR_ATTRS[parts[2]], value)
            session.add(row)
    else:
        raise StoreError(f"unknown field {name!r}")
    session.flush()


# --- changing --------------------------------------------------------------------------


def lock_targets(session: Session, numbers: Iterable[int], *, year: int | None = None) -> None:
    """Hold the targets' rows until the transaction ends, so reads that follow see the latest
    committed values and no one else changes them meanwhile (PostgreSQL: SELECT … FOR UPDATE,
    in number order so two lockers never deadlock; SQLite: BEGIN IMMEDIATE already holds the
    one write lock)."""
    wanted = sorted(set(numbers))
    if wanted:
        query = select(Target.number).where(
            Target.year == resolve_year(session, year), col(Target.number).in_(wanted)
        )
        session.exec(query.order_by(Target.number).with_for_update()).all()


def apply_changes(
    engine: Engine,
    changes: Iterable[FieldChange],
    *,
    actor: str,
    reason: str = "",
    undoes: str = "",
    now: dt.datetime | None = None,
    year: int | None = None,
) -> AppliedChange:
    """Apply field changes to a year's targets (the latest when None) and their audit entries
    in one transaction; unchanged fields skip."""
    with Session(engine, expire_on_commit=False) as session, session.begin():
        return apply_changes_in(
            session, changes, actor=actor, reason=reason, undoes=undoes, now=now, year=year
        )


def apply_changes_in(
    session: Session,
    changes: Iterable[FieldChange],
    *,
    actor: str,
    reason: str = "",
    undoes: str = "",
    now: dt.datetime | None = None,
    year: int | None = None,
) -> AppliedChange:
    """`apply_changes` inside the caller's transaction: the targets are locked first, so each
    `expected_old` check and the write it guards are one atomic step on every engine.

    On StoreError (StaleChange included) nothing of it was written and the caller's
    transaction goes on (a savepoint is rolled back).
    """
    changes = list(changes)
    change_id = uuid.uuid4().hex
    at = now or utc_now()
    entries = []
    year = resolve_year(session, year)
    lock_targets(session, [c.target for c in changes], year=year)
    with session.begin_nested():
        for change in changes:
            old = read_field(session, change.target, change.field, year=year)
            if change.expected_old is not None and old != change.expected_old:
                raise StaleChange(f"第{change.target}项的{change.field}已被他人修改")
            if old == change.new_value:
                continue
            write_field(session, change.target, change.field, change.new_value, year=year)
            target = session.get(Target, (year, change.target))
            target.updated_at = at
            target.updated_by = actor
            session.add(target)
            entry = AuditEntry(
                change_id=change_id,
                at=at,
                actor=actor,
                year=year,
                target_number=change.target,
                field_name=change.field,
                old_value=old,
                new_value=change.new_value,
                reason=reason,
                undoes=undoes,
            )
            session.add(entry)
            entries.append(entry)
        if undoes and entries:
            for done in session.exec(select(AuditEntry).where(AuditEntry.change_id == undoes)):
                done.undone = True
                session.add(done)
        session.flush()
    return AppliedChange(change_id=change_id, entries=tuple(entries))


def last_change_of(session: Session, actor: str) -> list[AuditEntry]:
    """The entries of `actor`'s most recent change that is not undone and not itself an undo."""
    latest = session.exec(
        select(AuditEntry)
        .where(AuditEntry.actor == actor, AuditEntry.undone == False, AuditEntry.undoes == "")  # noqa: E712
        .order_by(col(AuditEntry.id).desc())
    ).first()
    if latest is None:
        return []
    return list(session.exec(select(AuditEntry).where(AuditEntry.change_id == latest.change_id)))


def undo_last(
    engine: Engine, *, actor: str, now: dt.datetime | None = None
) -> AppliedChange | None:
    """Revert `actor`'s last change; the revert is itself audited. None when nothing to undo.

    Raises StaleChange when a field has changed since (another admin's later change is never
    overwritten), and then nothing is reverted.
    """
    with Session(engine, expire_on_commit=False) as session, session.begin():
        entries = last_change_of(session, actor)
        if not entries:
            return None
        # Check every field before writing any: one field's write may touch another (a new
        # figure resets its as-of words), so per-field checks during the revert would misfire.
        year = entries[0].year
        lock_targets(session, [e.target_number for e in entries], year=year)
        for e in entries:
            if read_field(session, e.target_number, e.field_name, year=year) != e.new_value:
                raise StaleChange(f"第{e.target_number}项在这次修改之后又被修改过")
        reverts = [
            FieldChange(e.target_number, e.field_name, e.old_value) for e in reversed(entries)
        ]
        return apply_changes_in(
            session,
            reverts,
            actor=actor,
            reason="撤销",
            undoes=entries[0].change_id,
            now=now,
            year=year,
        )


# --- loading a ledger ------------------------------------------------------------------


def _spec_fields(target: TargetSpec) -> dict[str, str]:
    values = {name: getattr(target, name) for name in TARGET_FIELDS}
    values["units"] = _dump([[u.name, u.role, u.source] for u in target.units])
    deadlines = sorted(target.deadlines, key=lambda d: d.date)
    values["deadlines"] = _dump([[d.date.isoformat(), d.text, d.done] for d in deadlines])
    values["aliases"] = _dump(sorted(dict.fromkeys(target.aliases)))
    for ind in target.indicators:
        values[f"indicator:{ind.name}"] = _dump(
            {attr: getattr(ind, attr) for attr in INDICATOR_ATTRS}
        )
    return values


def _insert_target(session: Session, year: int, target: TargetSpec, at: dt.datetime) -> None:
    session.add(
        Target(
            year=year,
            number=target.number,
            title=target.title,
            category=target.category,
            target_text=target.target_text,
            progress_text=target.progress_text,
            same_line=target.same_line,
            status_override=target.status_override,
            status_reason=target.status_reason,
            updated_at=at,
            updated_by=IMPORT_ACTOR,
        )
    )
    session.flush()
    for name, value in _spec_fields(target).items():
        if name not in TARGET_FIELDS:
            write_field(session, target.number, name, value, year=year)


def _admin_touched(session: Session, year: int, number: int) -> set[str]:
    """Fields of target `number` whose current value came from someone other than the importer."""
    latest: dict[str, str] = {}
    query = (
        select(AuditEntry)
        .where(AuditEntry.year == year, AuditEntry.target_number == number)
        .order_by(AuditEntry.id)
    )
    for entry in session.exec(query):
        latest[entry.field_name] = entry.actor
        if entry.field_name.startswith("indicator:") and entry.field_name.count(":") == 2:
            latest[entry.field_name.rsplit(":", 1)[0]] = entry.actor
    return {name for name, actor in latest.items() if not actor.startswith(IMPORT_ACTOR)}


MAX_TARGET_NUMBER = 2**31 - 1  # an INTEGER column on every engine


def check_ledger(ledger: LedgerSpec) -> None:
    """Refuse, before anything is written, a ledger the schema would refuse halfway."""
    seen: set[int] = set()
    for target in ledger.targets:
        number = target.number
        if not 1 <= number <= MAX_TARGET_NUMBER:
            raise StoreError(f"序号{number}超出范围（应为1到{MAX_TARGET_NUMBER}），未导入任何内容")
        if number in seen:
            raise StoreError(f"第{number}项出现了两次，未导入任何内容")
        seen.add(number)
        for label, names in (
            ("责任单位", [u.name for u in target.units]),
            ("指标", [i.name for i in target.indicators]),
        ):
            twice = sorted({n for n in names if names.count(n) > 1})
            if twice:
                raise StoreError(f"第{number}项的{label}“{'、'.join(twice)}”重复，未导入任何内容")


# Longest a batch of an import holds the write lock, and the pause after it: longer than
# SQLite's busy handler sleeps between tries (100 ms), so a writer waiting meanwhile gets in.
IMPORT_BATCH_SECONDS = 0.5
IMPORT_YIELD_SECONDS = 0.12


def _import_target(
    session: Session,
    year: int,
    target: TargetSpec,
    *,
    result: ImportResult,
    force: bool,
    actor: str,
    change_id: str,
    at: dt.datetime,
) -> None:
    """Create or update one target inside the batch's transaction (its row locked first)."""
    # One query that locks the row (if any) before its values are read: see lock_targets.
    if session.get(Target, (year, target.number), with_for_update=True) is None:
        _insert_target(session, year, target, at)
        result.created += 1
        return
    touched = _admin_touched(session, year, target.number)
    current = {name: read_field(session, target.number, name, year=year) for name in TARGET_FIELDS}
    for name in ("units", "deadlines", "aliases"):
        current[name] = read_field(session, target.number, name, year=year)
    query = select(Indicator).where(
        Indicator.year == year, Indicator.target_number == target.number
    )
    for row in session.exec(query):
        current[f"indicator:{row.name}"] = _indicator_json(row)
    wanted = _spec_fields(target)
    for name in sorted(set(wanted) | {k for k in current if k.startswith("indicator:")}):
        new, old = wanted.get(name, ""), current.get(name, "")
        if new == old:
            continue
        if name in touched and not force:
            result.conflicts.append((target.number, name, new, old))
            continue
        write_field(session, target.number, name, new, year=year)
        session.add(
            AuditEntry(
                change_id=change_id,
                at=at,
                actor=actor,
                year=year,
                target_number=target.number,
                field_name=name,
                old_value=old,
                new_value=new,
                reason="导入台账文件",
            )
        )
        result.updated.append((target.number, name))


def _write_meta(
    session: Session, ledger: LedgerSpec, source: str, at: dt.datetime, result: ImportResult
) -> None:
    meta = read_meta(session, year=ledger.year)
    result.new_year = meta is None
    if meta is None:
        meta = LedgerMeta(year=ledger.year, title=ledger.title, preamble="", loaded_at=at)
    meta.title, meta.preamble = ledger.title, ledger.preamble
    meta.default_deadline, meta.source_file = ledger.default_deadline, source
    session.add(meta)


def load_ledger(
    engine: Engine,
    ledger: LedgerSpec,
    *,
    source: str = "",
    force: bool = False,
    now: dt.datetime | None = None,
    wait: float = 0.0,
) -> ImportResult:
    """Add the file's year to the database, or bring that year in line with the file without
    losing admin edits; other years are never touched.

    Loading the same file twice changes nothing. A field an admin changed is reported as a
    conflict and kept, unless `force` is set. The whole ledger is checked first (check_ledger),
    so a bad one writes nothing; one import runs at a time (import_lock: waits up to `wait`
    seconds, then LedgerBusy).

    The writes go in batches of whole targets, each its own short transaction, so the bot goes
    on answering and changing figures meanwhile. A crash mid-import leaves some targets
    imported and the rest as they were, each one whole; running the same import again
    finishes it, because importing is idempotent and the importer's own writes never count
    as conflicts.
    """
    check_ledger(ledger)
    at = now or utc_now()
    result = ImportResult(year=ledger.year, forced=force)
    change_id = uuid.uuid4().hex
    actor = f"{IMPORT_ACTOR}:{source}" if source else IMPORT_ACTOR
    pause = IMPORT_YIELD_SECONDS if engine.dialect.name == "sqlite" else 0.0
    targets = deque(ledger.targets)
    with import_lock(engine, wait=wait):
        first = True
        while first or targets:
            with Session(engine, expire_on_commit=False) as session, session.begin():
                began = time.monotonic()
                if first:
                    _write_meta(session, ledger, source, at, result)
                    first = False
                while targets and time.monotonic() - began < IMPORT_BATCH_SECONDS:
                    _import_target(
                        session,
                        ledger.year,
                        targets.popleft(),
                        result=result,
                        force=force,
                        actor=actor,
                        change_id=change_id,
                        at=at,
                    )
            if targets and pause:
                time.sleep(pause)
    return result


# --- questions that found no target ----------------------------------------------------


def log_unmatched(
    engine: Engine,
    question: str,
    *,
    best_target: int | None,
    best_score: float,
    asked_by: int | None = None,
) -> None:
    """Record a question that matched nothing or only weakly, for admins to turn into aliases.

    The question is stored without control characters (PostgreSQL refuses a NUL in text).
    """
    from bot.models import UnmatchedQuestion

    with Session(engine) as session, session.begin():
        session.add(
            UnmatchedQuestion(
                question=strip_control_characters(question)[:500],
                best_target=best_target,
                best_score=best_score,
                asked_by=asked_by,
            )
        )


@dataclass(frozen=True)
class UnmatchedRow:
    question: str
    best_target: int | None
    best_score: float
    asked_by: int | None = None


def log_unmatched_many(engine: Engine, rows: list[UnmatchedRow]) -> None:
    """Record several unmatched questions in one transaction (one disk sync)."""
    from bot.models import UnmatchedQuestion

    if not rows:
        return
    with Session(engine) as session, session.begin():
        session.add_all(
            UnmatchedQuestion(
                question=row.question[:500],
                best_target=row.best_target,
                best_score=row.best_score,
                asked_by=row.asked_by,
            )
            for row in rows
        )


def list_unmatched(session: Session, limit: int = 20) -> list:
    """Open unmatched questions, newest first."""
    from bot.models import UnmatchedQuestion

    query = (
        select(UnmatchedQuestion)
        .where(UnmatchedQuestion.resolved == False)  # noqa: E712
        .order_by(col(UnmatchedQuestion.id).desc())
        .limit(limit)
    )
    return list(session.exec(query))
