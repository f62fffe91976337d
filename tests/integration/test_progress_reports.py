"""Units' progress reports as use cases (bot.app.progress_reports) on a real database:
filed pending, then decided exactly once, whichever decision comes first."""

import datetime as dt

from sqlmodel import Session, select

from bot.app.progress_reports import (
    approve_report,
    file_report,
    pending_report,
    pending_reports,
    reject_report,
)
from bot.store.ledger_store import read_ledger
from bot.store.models import AuditEntry, ProgressReport

DAY = dt.date(2020, 12, 24)


def filed(engine, text="新增贷款 26亿元 截至12月底"):
    with Session(engine) as session:
        year = read_ledger(session).year
    return file_report(engine, year=year, number=12, reporter_id=7, chat_id=-100123, text=text)


def test_an_approved_report_is_applied_once_and_cannot_be_rejected_after(engine):
    report = filed(engine)
    assert [r.id for r in pending_reports(engine)] == [report.id]

    first = approve_report(engine, report.id, actor="tg:42", decided_by=42, today=DAY)
    again = approve_report(engine, report.id, actor="tg:43", decided_by=43, today=DAY)

    assert first is not None and first.proposal is not None and first.proposal.command == "set"
    assert again is None
    assert reject_report(engine, report.id, reason="口径不符", decided_by=43) is None
    assert pending_report(engine, report.id) is None
    with Session(engine) as session:
        row = session.get(ProgressReport, report.id)
        audit = [a for a in session.exec(select(AuditEntry)) if f"报送#{report.id}" in a.reason]
    assert (row.state, row.decided_by) == ("approved", 42)
    assert audit and all("审核人tg:42" in a.reason for a in audit)


def test_a_rejected_report_keeps_its_reason_and_cannot_be_approved_after(engine):
    report = filed(engine)

    rejected = reject_report(engine, report.id, reason="数据口径不符，请重报", decided_by=42)

    assert rejected is not None and rejected.reason == "数据口径不符，请重报"
    assert approve_report(engine, report.id, actor="tg:43", decided_by=43, today=DAY) is None
    with Session(engine) as session:
        assert session.get(ProgressReport, report.id).state == "rejected"


def test_filing_the_same_pending_text_again_returns_that_report(engine):
    first, again = filed(engine), filed(engine)
    assert again.id == first.id and [r.id for r in pending_reports(engine)] == [first.id]
    reject_report(engine, first.id, reason="口径不符", decided_by=42)
    assert filed(engine).id != first.id  # decided, so a new report of the same text waits
