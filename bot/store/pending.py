"""Pending admin changes: a proposal waits as a `PendingChange` for the admin's 确认 or 取消.

Confirming is one transaction: the row is locked and its state checked (the claim), every old
value is checked and the change written with its audit entries, and the row is marked, all
before one commit. A crash therefore leaves the change either untouched and `pending`, or
written and `applied`; nothing in between is ever committed. States:

- `pending`: waiting for the admin who proposed it;
- `applied`: written with its AuditEntry rows;
- `stale`: refused, nothing written, because a value changed since the proposal;
- `cancelled`: the admin pressed 取消;
- `applying`: only in databases used by releases that claimed, applied and marked in three
  transactions. A crash could leave it behind; `settle_interrupted` (run at start-up) turns
  it into `applied` when the audit trail holds its writes, and back into `pending` otherwise.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlmodel import Session, select

from bot.domain.fields import FieldChange, decode_aliases
from bot.store.ledger_changes import AppliedChange, apply_changes_in
from bot.store.ledger_store import StoreError
from bot.store.models import AuditEntry, PendingChange
from bot.store.unmatched import resolve_answered_by
from bot.store.uow import UnitOfWork

logger = logging.getLogger(__name__)

# What a press on a change that is no longer pending tells the admin (a button toast).
DONE_BEFORE = {
    "applied": "这项修改已处理过了：已生效",
    "cancelled": "这项修改已处理过了：已取消，未生效",
    "stale": "这项修改已处理过了：数据已变动，未生效，请重新发送命令",
    "applying": "这项修改正在处理，请稍后再按",
}


@dataclass(frozen=True)
class Settled:
    """The outcome of a press: refused (not this admin's), done_before, applied, unchanged,
    stale or cancelled; `pending` is the row as it now stands (None when refused)."""

    outcome: str
    pending: PendingChange | None = None
    applied: AppliedChange | None = None
    why: str = ""  # of a stale change refused by the caller's check, the check's words

    @property
    def done_before_text(self) -> str:
        state = self.pending.state if self.pending else ""
        return DONE_BEFORE.get(state, "这项修改已处理过了")


def _changes(pending: PendingChange) -> list[FieldChange]:
    rows = json.loads(pending.changes_json)
    return [FieldChange(int(t), f, new, expected_old=old) for t, f, new, old in rows]


def _claim(session: Session, pending_id: int, admin_id: int) -> PendingChange | Settled:
    """The pending change, locked until the transaction ends, if this admin may settle it now;
    otherwise how the press is answered (someone else's, or settled before)."""
    query = select(PendingChange).where(PendingChange.id == pending_id).with_for_update()
    pending = session.exec(query).first()
    if pending is None or pending.admin_id != admin_id:
        return Settled("refused")
    if pending.state != "pending":
        return Settled("done_before", pending)
    return pending


def confirm_pending(
    engine: Engine,
    pending_id: int,
    *,
    admin_id: int,
    actor: str,
    check: Callable[[Session, PendingChange], str | None] | None = None,
    finish: Callable[[PendingChange], None] | None = None,
) -> Settled:
    """Apply a pending change for the admin who proposed it, once, in one transaction.
    `check` (in that transaction) may refuse it, saying why: it is then stale, not written;
    `finish` may then complete its new values as of the 确认 (a closing's time)."""
    with UnitOfWork(engine) as uow:
        session = uow.session
        pending = _claim(session, pending_id, admin_id)
        if isinstance(pending, Settled):
            return pending
        why = check(session, pending) if check is not None else None
        if why:
            logger.info("pending change %s refused at confirm: %s", pending_id, why)
            pending.state = "stale"
            session.add(pending)
            return Settled("stale", pending, why=why)
        if finish is not None:
            finish(pending)
        try:
            applied = apply_changes_in(
                session, _changes(pending), actor=actor, reason=pending.reason, year=pending.year
            )
        except StoreError as exc:  # stale, or the target/indicator is gone: nothing written
            logger.info("pending change %s refused: %s", pending_id, exc)
            pending.state = "stale"
            session.add(pending)
            return Settled("stale", pending)
        pending.state = "applied"
        session.add(pending)
        # An unmatched question turned into an alias is resolved with it, not when proposed:
        # a cancelled or stale proposal leaves the question open in /unmatched.
        for change in _changes(pending):
            if change.field == "aliases":
                resolve_answered_by(session, pending.year, decode_aliases(change.new_value))
    return Settled("applied" if applied.entries else "unchanged", pending, applied)


def cancel_pending(engine: Engine, pending_id: int, *, admin_id: int) -> Settled:
    """Cancel a pending change for the admin who proposed it; a settled one stays as it is."""
    with UnitOfWork(engine) as uow:
        pending = _claim(uow.session, pending_id, admin_id)
        if isinstance(pending, Settled):
            return pending
        pending.state = "cancelled"
        uow.session.add(pending)
    return Settled("cancelled", pending)


def _was_applied(session: Session, pending: PendingChange) -> bool:
    """Whether the audit trail holds a write of this change (apply_changes is atomic, so one
    entry means all of it was written; fields that already held the new value have none)."""
    for target, field, new, old in json.loads(pending.changes_json):
        if new == old:
            continue
        found = session.exec(
            select(AuditEntry.id).where(
                AuditEntry.year == pending.year,
                AuditEntry.target_number == int(target),
                AuditEntry.field_name == field,
                AuditEntry.old_value == old,
                AuditEntry.new_value == new,
                AuditEntry.at >= pending.created_at,
            )
        ).first()
        if found is not None:
            return True
    return False


def settle_interrupted(engine: Engine) -> dict[int, str]:
    """At start-up: changes left `applying` by a crash become `applied` or `pending` again.

    Returns {pending id: new state}. A change that was not written can be confirmed again;
    its old values are checked then as on any confirm.
    """
    settled: dict[int, str] = {}
    with UnitOfWork(engine) as uow:
        session = uow.session
        query = select(PendingChange).where(PendingChange.state == "applying")
        for pending in session.exec(query.with_for_update()).all():
            pending.state = "applied" if _was_applied(session, pending) else "pending"
            session.add(pending)
            settled[pending.id] = pending.state
    for pending_id, state in settled.items():
        logger.warning("pending change %s cut by a crash while applying: %s", pending_id, state)
    return settled


def latest_waiting(session: Session, *, admin_id: int, since: dt.datetime) -> PendingChange | None:
    """The admin's newest proposal since `since` while it waits for 确认/取消; None once it is
    settled, since a proposal left unanswered before it was plainly dropped for it."""
    query = (
        select(PendingChange)
        .where(PendingChange.admin_id == admin_id)
        .where(PendingChange.created_at >= since)
        .order_by(PendingChange.id.desc())
    )
    newest = session.exec(query).first()
    return newest if newest is not None and newest.state == "pending" else None
