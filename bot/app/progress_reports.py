"""Units' progress reports: filed by a unit, then approved (applied like `/set`, or kept as a
progress note) or rejected by an admin. Each decision is one `UnitOfWork` that claims the
report while it is still pending, so two quick presses decide it once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine, func
from sqlmodel import Session, select

from bot.app.report_figures import plan_report
from bot.domain.admin_grammar import CommandError, Proposal
from bot.domain.fields import FieldChange
from bot.domain.report_states import RETRACTED, approval_reason, approved_report_id
from bot.store.ledger_changes import apply_changes_in, lock_targets
from bot.store.ledger_fields import read_field
from bot.store.ledger_store import read_target
from bot.store.models import AuditEntry, ProgressReport, utc_now
from bot.store.uow import UnitOfWork, reading


def file_report(
    engine: Engine, *, year: int, number: int, reporter_id: int, chat_id: int, text: str
) -> ProgressReport:
    """Store a unit's report as pending; the row comes back with its id. The same text from
    the same chat on the same target, still pending, is that report: it is not filed twice."""
    with UnitOfWork(engine) as uow:
        same = _same_pending(uow.session, year=year, number=number, chat_id=chat_id, text=text)
        if same is not None:
            return same
        report = ProgressReport(
            year=year, target_number=number, reporter_id=reporter_id, chat_id=chat_id, text=text
        )
        uow.session.add(report)
    return report


def pending_duplicate(
    engine: Engine, *, year: int, number: int, chat_id: int, text: str
) -> ProgressReport | None:
    """The report this chat already filed on the target with the same text, if still pending."""
    with reading(engine, expire_on_commit=False) as session:
        return _same_pending(session, year=year, number=number, chat_id=chat_id, text=text)


def _same_pending(
    session: Session, *, year: int, number: int, chat_id: int, text: str
) -> ProgressReport | None:
    query = select(ProgressReport).where(
        ProgressReport.state == "pending",
        ProgressReport.year == year,
        ProgressReport.target_number == number,
        ProgressReport.chat_id == chat_id,
        ProgressReport.text == text,
    )
    return session.exec(query.order_by(ProgressReport.id).limit(1)).first()


def pending_reports(engine: Engine, limit: int = 10) -> list[ProgressReport]:
    """The oldest reports still waiting for a decision."""
    with reading(engine) as session:
        query = (
            select(ProgressReport)
            .where(ProgressReport.state == "pending")
            .order_by(ProgressReport.id)
            .limit(limit)
        )
        return list(session.exec(query))


def count_pending(engine: Engine) -> int:
    """How many reports wait for a decision (`pending_reports` shows the oldest few)."""
    with reading(engine) as session:
        query = select(func.count()).select_from(ProgressReport)
        return session.exec(query.where(ProgressReport.state == "pending")).one()


def pending_report(engine: Engine, report_id: int) -> ProgressReport | None:
    """The report if it still waits for a decision."""
    with reading(engine, expire_on_commit=False) as session:
        report = session.get(ProgressReport, report_id)
    return report if report is not None and report.state == "pending" else None


def _locked_pending_report(session: Session, report_id: int) -> ProgressReport | None:
    """The report, locked until the transaction ends, if it still waits for a decision."""
    query = select(ProgressReport).where(ProgressReport.id == report_id).with_for_update()
    report = session.exec(query).first()
    return report if report is not None and report.state == "pending" else None


def _mark_decided(session: Session, report: ProgressReport, decided_by: int, **values) -> None:
    report.decided_by = decided_by
    report.decided_at = utc_now()
    for key, value in values.items():
        setattr(report, key, value)
    session.add(report)


@dataclass(frozen=True)
class Approval:
    """How an approval ended: applied (`proposal`, with `kept` saying why a figure was filed
    as a note instead), or refused (`refused`: the first line of why it cannot be applied)."""

    report: ProgressReport
    proposal: Proposal | None = None
    kept: str = ""
    refused: str = ""


def _report_proposal(
    session: Session, report: ProgressReport, today: dt.date, force: bool
) -> tuple[Proposal, str]:
    """(proposal, why a figure was not applied) for a report, read from the locked rows: the
    figure as /set, a progress note when it holds none or when its figure is older than the
    ledger's (unless the approver forces it)."""

    def lookup(n: int):
        return read_target(session, n, year=report.year)

    found = plan_report(report.target_number, report.text, lookup, today=today)
    if found.older and force:
        return found.figure, ""
    return found.proposal, found.older


def approve_report(
    engine: Engine,
    report_id: int,
    *,
    actor: str,
    decided_by: int,
    today: dt.date,
    force: bool = False,
) -> Approval | None:
    """Apply a report like /set (or as a progress note when it holds no figure), once; a
    figure older than the ledger's is filed as a note unless `force`. None: already decided.

    One transaction claims the report (locked, still pending), applies the change with its old
    values checked and marks the report approved.
    """
    with UnitOfWork(engine) as uow:
        session = uow.session
        report = _locked_pending_report(session, report_id)
        if report is None:
            return None
        lock_targets(session, [report.target_number], year=report.year)
        try:
            proposal, kept = _report_proposal(session, report, today, force)
        except CommandError as exc:  # stored before today's rules: the admin rejects it instead
            return Approval(report, refused=str(exc).splitlines()[0])
        changes = [
            FieldChange(
                c.target,
                c.field,
                c.new_value,
                read_field(session, c.target, c.field, year=report.year),
            )
            for c in proposal.changes
        ]
        reason = approval_reason(report.id, report.reporter_id, actor)
        apply_changes_in(session, changes, actor=actor, reason=reason, year=report.year)
        _mark_decided(session, report, decided_by, state="approved")
    return Approval(report, proposal, kept)


def reject_report(
    engine: Engine, report_id: int, *, reason: str, decided_by: int
) -> ProgressReport | None:
    """Mark a pending report rejected with its reason, once; None when it is not pending."""
    with UnitOfWork(engine) as uow:
        report = _locked_pending_report(uow.session, report_id)
        if report is None:
            return None
        _mark_decided(uow.session, report, decided_by, state="rejected", reason=reason[:500])
    return report


def retracted_report(engine: Engine, change_id: str) -> ProgressReport | None:
    """The report whose approval was the change `change_id` (what an /undo just reverted, and
    marked retracted), or None when that change was not a report's approval."""
    with reading(engine, expire_on_commit=False) as session:
        query = select(AuditEntry.reason).where(AuditEntry.change_id == change_id).limit(1)
        report_id = approved_report_id(session.exec(query).first() or "")
        if report_id is None:
            return None
        report = session.get(ProgressReport, report_id)
    return report if report is not None and report.state == RETRACTED else None


def report_by_id(engine: Engine, report_id: int) -> ProgressReport | None:
    """Any report, whatever its state (to say why it can no longer be decided)."""
    with reading(engine, expire_on_commit=False) as session:
        return session.get(ProgressReport, report_id)
