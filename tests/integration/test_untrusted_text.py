"""Untrusted text through ChatService, on SQLite and PostgreSQL: nothing unstorable is stored.

Control characters are refused in every admin text and unit report, stripped from viewers'
questions (PostgreSQL refuses a NUL in text outright), and bidi controls never come back in
a reply. Figures beyond the ledger's bounds are refused in unit reports as in /set.
"""

from __future__ import annotations

import dataclasses

import pytest
from sqlmodel import Session, select

from bot.app.services import build_answerer
from bot.chat.service import ChatService
from bot.chat.types import Sender
from bot.domain.ledger import BIDI_CONTROLS, FIGURE_RULE
from bot.store.ledger_store import FieldChange, apply_changes, read_target
from bot.store.models import PendingChange, ProgressReport, UnmatchedQuestion
from tests.auxil.bot_harness import ADMIN, snapshot

VIEWER = 77
ADMIN_SENDER = Sender(ADMIN, ADMIN, actor="tg:42")
VIEWER_SENDER = Sender(VIEWER, VIEWER, actor="tg:77")
HUGE = "999999999999999999999999999"


@pytest.fixture
def service(config, engine):
    config = dataclasses.replace(
        config, telegram=dataclasses.replace(config.telegram, admins=(ADMIN,))
    )
    service = ChatService(engine, config, build_answerer(engine, config))
    assert service.command(ADMIN_SENDER, "grant", str(VIEWER))[0].text.startswith("已授予")
    return service


def test_a_viewer_question_with_control_characters_is_answered_and_logged_clean(service, engine):
    [reply] = service.question(VIEWER_SENDER, "今天\x00天气\x01怎么样\x9b")
    assert reply.text
    service.unmatched.flush()  # the log is written by a background thread
    with Session(engine) as session:
        logged = session.exec(select(UnmatchedQuestion.question)).all()
    assert logged == ["今天天气怎么样"]


def test_a_nul_in_a_matched_question_still_finds_the_target(service):
    [reply] = service.question(VIEWER_SENDER, "新增\x00贷款完成了吗")
    assert reply.text.startswith("第12项")


ADMIN_TEXTS = {
    "note": "12 a\x01b",
    "status": "12 滞后 资金\x00未到位",
    "set": "12 新增贷款 25亿元 截至\x0711月",
    "deadline": "12 2021-01-31 一月\x1b底",
    "assign": "12 县财\x00政局",
    "alias": "12 信\x7f贷",
}


def test_admin_texts_with_control_characters_are_refused_and_exports_keep_working(service, engine):
    before = snapshot(engine)
    for name, args in ADMIN_TEXTS.items():
        [reply] = service.command(ADMIN_SENDER, name, args)
        assert "含有不可见的控制字符" in reply.text and not reply.buttons, (name, reply.text)
    assert snapshot(engine) == before
    for command, args in (("export", "xlsx"), ("export", "csv"), ("report", "docx")):
        [reply] = service.command(ADMIN_SENDER, command, args)
        assert reply.document is not None and reply.document[1], (command, args)


def test_grant_notes_and_reject_reasons_refuse_control_characters(service, engine):
    before = snapshot(engine)
    [grant] = service.command(ADMIN_SENDER, "grant", "123 王\x00科长")
    assert "备注含有不可见的控制字符U+0000" in grant.text
    with Session(engine, expire_on_commit=False) as session, session.begin():
        report = ProgressReport(target_number=12, reporter_id=VIEWER, chat_id=VIEWER, text="x")
        session.add(report)
    before = snapshot(engine)
    [reject] = service.command(ADMIN_SENDER, "reject", f"{report.id} 口径\x1b不符")
    assert "理由含有不可见的控制字符U+001B" in reject.text
    assert snapshot(engine) == before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"新增贷款 {HUGE}亿元", "整数部分有27位"),
        ("进展\x01顺利", "含有不可见的控制字符U+0001"),
    ],
)
def test_a_unit_report_beyond_the_rules_is_refused(service, engine, text, expected):
    before = snapshot(engine)
    [reply] = service.command(VIEWER_SENDER, "report", f"12 {text}")
    assert expected in reply.text and "/report 序号" in reply.text, reply.text
    assert snapshot(engine) == before


def test_approving_a_stored_report_with_a_huge_figure_keeps_it_pending(service, engine):
    """A report stored before the figure rule is refused on approval, not applied as a note."""
    with Session(engine, expire_on_commit=False) as session, session.begin():
        report = ProgressReport(
            target_number=12, reporter_id=VIEWER, chat_id=VIEWER, text=f"新增贷款 {HUGE}亿元"
        )
        session.add(report)
    before = snapshot(engine)
    [reply] = service.button(ADMIN_SENDER, f"rpt:ok:{report.id}")
    assert "整数部分有27位" in reply.text and FIGURE_RULE in reply.text
    assert f"/reject {report.id}" in reply.text
    assert snapshot(engine) == before


def test_replies_never_echo_bidi_controls(service, engine):
    [error] = service.command(ADMIN_SENDER, "set", "12 新增贷款 \u202e5亿元")
    apply_changes(engine, [FieldChange(12, "title", "新增\u2066贷款\u202e")], actor="import")
    service.refresh()
    with Session(engine) as session:
        assert read_target(session, 12).title == "新增\u2066贷款\u202e"  # stored as imported
    [card] = service.command(ADMIN_SENDER, "target", "12")
    [answer] = service.question(VIEWER_SENDER, "新增贷款完成了吗")
    [units] = service.command(ADMIN_SENDER, "units", "")
    for reply in (error, card, answer, units):
        shown = reply.text + reply.toast + "".join(b.label for row in reply.buttons for b in row)
        assert not BIDI_CONTROLS & set(shown), reply.text
    assert "新增贷款" in card.text


def test_pending_changes_hold_no_control_characters(service, engine):
    [reply] = service.command(ADMIN_SENDER, "note", "12 第一行\n\t第二行")
    assert reply.buttons
    with Session(engine) as session:
        [pending] = session.exec(select(PendingChange)).all()
    assert "第一行\\n\\t第二行" in pending.changes_json
