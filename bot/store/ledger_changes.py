"""Changing the ledger: field changes with their audit entries, each change one transaction,
and undo.

Every change goes through `apply_changes_in`, which locks the targets, reads the old values
and writes the new ones and their `AuditEntry` rows in the caller's transaction; a field is
addressed and encoded as `bot.domain.fields` declares.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from bot.domain.fields import FieldChange
from bot.domain.report_states import APPROVED, RETRACTED, RETRACTION_REASON, approved_report_id
from bot.store.ledger_fields import read_field, write_field
from bot.store.ledger_store import StaleChange, resolve_year
from bot.store.models import AuditEntry, ProgressReport, Target, utc_now
from bot.store.uow import UnitOfWork


@dataclass(frozen=True)
class AppliedChange:
    change_id: str
    entries: tuple[AuditEntry, ...]


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
    with UnitOfWork(engine) as uow:
        return apply_changes_in(
            uow.session, changes, actor=actor, reason=reason, undoes=undoes, now=now, year=year
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
    with UnitOfWork(engine) as uow:
        session = uow.session
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
        report_id = approved_report_id(entries[0].reason)
        applied = apply_changes_in(
            session,
            reverts,
            actor=actor,
            # An approval undone names its report, so the trail links report, approval and undo.
            reason="撤销" if report_id is None else f"{RETRACTION_REASON}{report_id}",
            undoes=entries[0].change_id,
            now=now,
            year=year,
        )
        if report_id is not None:
            _retract(session, report_id, actor)
        return applied


def _retract(session: Session, report_id: int, actor: str) -> None:
    """Mark an approved report retracted (its approval undone), in the undo's transaction:
    it is no longer what the ledger says, and must not read "approved" anywhere."""
    report = session.get(ProgressReport, report_id)
    if report is not None and report.state == APPROVED:
        report.state = RETRACTED
        report.reason = f"采纳已被{actor}撤销"
        session.add(report)
