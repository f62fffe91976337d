"""Admin changes to the ledger: propose (a PendingChange awaiting 确认), confirm, cancel, undo.

Each is atomic: a proposal reads the current values and stores them with the change in one
unit of work; confirming and cancelling claim the pending row under a lock and settle it in
one transaction (bot.store.pending); undo checks and reverts in one transaction.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import Engine
from sqlmodel import select

from bot.domain.admin_commands import propose
from bot.domain.admin_grammar import Proposal
from bot.domain.status_rules import StatusRules
from bot.store.ledger_changes import AppliedChange, undo_last
from bot.store.ledger_fields import read_field
from bot.store.ledger_store import read_target
from bot.store.models import PendingChange, UnmatchedQuestion
from bot.store.pending import Settled, cancel_pending, confirm_pending
from bot.store.uow import UnitOfWork


class NothingToResolve(Exception):
    """The unmatched question is gone, has no best target, was resolved already, or its alias
    waits for 确认."""


def open_proposal(
    uow: UnitOfWork, proposal: Proposal, *, admin_id: int, year: int
) -> PendingChange:
    """Store `proposal` as pending, with every field's value as it is now (checked at 确认)."""
    session = uow.session
    changes = [
        [c.target, c.field, c.new_value, read_field(session, c.target, c.field, year=year)]
        for c in proposal.changes
    ]
    pending = PendingChange(
        admin_id=admin_id,
        command=proposal.command,
        year=year,
        target_number=proposal.target,
        changes_json=json.dumps(changes, ensure_ascii=False),
        summary=proposal.summary,
        reason=proposal.reason,
    )
    session.add(pending)
    session.flush()  # the id goes on the 确认/取消 buttons
    return pending


def propose_alias_from_unmatched(
    uow: UnitOfWork,
    question_id: int,
    *,
    admin_id: int,
    year: int,
    rules: StatusRules,
    today: dt.date,
) -> PendingChange:
    """Propose an unmatched question as an alias of its best target, in the ledger year it was
    asked about (`year` for questions logged without one); confirming it resolves the question.
    Raises NothingToResolve, or CommandError when the alias is refused."""
    session = uow.session
    row = session.get(UnmatchedQuestion, question_id)
    if row is None or row.best_target is None or row.resolved:
        raise NothingToResolve(question_id)
    year = row.year or year
    lookup = lambda n: read_target(session, n, year=year, rules=rules)  # noqa: E731
    proposal = propose("alias", f"{row.best_target} {row.question.strip()}", lookup, today=today)
    # Its rows (and the same question asked again) are resolved when the alias is confirmed;
    # until then a second press finds the proposal open and opens no other.
    waiting = select(PendingChange).where(
        PendingChange.state == "pending",
        PendingChange.command == proposal.command,
        PendingChange.year == year,
        PendingChange.target_number == proposal.target,
        PendingChange.summary == proposal.summary,
    )
    if session.exec(waiting).first() is not None:
        raise NothingToResolve(question_id)
    return open_proposal(uow, proposal, admin_id=admin_id, year=year)


def confirm(
    engine: Engine, pending_id: int, *, admin_id: int, actor: str, check=None, finish=None
) -> Settled:
    """Apply a pending change for the admin who proposed it, once (one transaction); `check`
    may refuse it there and `finish` complete it as of the 确认 (`confirm_pending`)."""
    return confirm_pending(
        engine, pending_id, admin_id=admin_id, actor=actor, check=check, finish=finish
    )


def cancel(engine: Engine, pending_id: int, *, admin_id: int) -> Settled:
    """Cancel a pending change for the admin who proposed it, once."""
    return cancel_pending(engine, pending_id, admin_id=admin_id)


def undo(engine: Engine, *, actor: str) -> AppliedChange | None:
    """Revert `actor`'s last change (itself audited); StaleChange when it would overwrite."""
    return undo_last(engine, actor=actor)
