"""Several ledger years in one database, on SQLite and PostgreSQL: importing a year adds it
beside the others and never touches their figures, audit or aliases; changes, undo, pending
changes and chat commands stay within their own year."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from sqlmodel import Session, col, select

from bot.app.services import build_answerer
from bot.chat.service import ChatService
from bot.chat.types import Sender
from bot.domain.fields import FieldChange
from bot.render.ledger_toml import load_ledger_file
from bot.store.ledger_changes import apply_changes, undo_last
from bot.store.ledger_fields import read_field
from bot.store.ledger_import import load_ledger
from bot.store.ledger_store import YearNotHeld, held_years, read_ledger
from bot.store.models import Alias, AuditEntry, PendingChange, Target
from bot.store.pending import confirm_pending

LEDGER_2021 = Path(__file__).resolve().parents[1] / "data" / "ledger_2021.toml"
ADMIN = 42


@pytest.fixture(scope="module")
def ledger_2021():
    return load_ledger_file(LEDGER_2021)


def _year_rows(engine, year: int):
    """Everything the database holds for one year: the ledger, its audit trail, its aliases."""
    with Session(engine) as session:
        ledger = read_ledger(session, year=year)
        audit = [
            e.model_dump()
            for e in session.exec(
                select(AuditEntry).where(AuditEntry.year == year).order_by(AuditEntry.id)
            )
        ]
        aliases = [
            (a.id, a.target_number, a.word)
            for a in session.exec(select(Alias).where(Alias.year == year).order_by(Alias.id))
        ]
    return ledger, audit, aliases


def test_two_years_live_side_by_side(engine, ledger_2021):
    with Session(engine) as session:
        before = read_ledger(session)
    assert before.year == 2020

    result = load_ledger(engine, ledger_2021, source="ledger_2021.toml")

    assert (result.year, result.new_year, result.created) == (2021, True, 3)
    with Session(engine) as session:
        assert held_years(session) == {2020: 66, 2021: 3}
        assert read_ledger(session).year == 2021  # the latest year is the current one
        assert read_ledger(session, year=2020) == before
        assert [t.title for t in read_ledger(session, year=2021).targets] == [
            "新增贷款",
            "造林绿化",
            "城市书房",
        ]
        # Target 1 exists in both years, each with its own figures.
        assert read_field(session, 1, "indicator:新增贷款:actual", year=2021) == "18.2"
        assert read_field(session, 12, "indicator:新增贷款:actual", year=2020) == "24.43"


def test_importing_a_new_year_leaves_the_other_years_figures_audit_and_aliases_untouched(
    engine, ledger_2021
):
    apply_changes(engine, [FieldChange(12, "indicator:新增贷款:actual", "25")], actor="tg:42")
    apply_changes(engine, [FieldChange(1, "aliases", '["固投"]')], actor="tg:42")
    before = _year_rows(engine, 2020)
    assert len(before[1]) == 2

    load_ledger(engine, ledger_2021, source="ledger_2021.toml")
    again = load_ledger(engine, ledger_2021, source="ledger_2021.toml")

    assert _year_rows(engine, 2020) == before
    assert (again.new_year, again.created, again.updated, again.conflicts) == (False, 0, [], [])
    with Session(engine) as session:
        audit_2021 = session.exec(select(AuditEntry).where(AuditEntry.year == 2021)).all()
    assert audit_2021 == []  # a first import is not a change


def test_reimporting_a_year_keeps_admin_changes_as_conflicts_in_that_year_only(
    engine, ledger_2021
):
    load_ledger(engine, ledger_2021, source="ledger_2021.toml")
    apply_changes(engine, [FieldChange(1, "progress_text", "管理员改过")], actor="tg:42")
    before_2020 = _year_rows(engine, 2020)

    kept = load_ledger(engine, ledger_2021, source="ledger_2021.toml")
    assert [(n, f) for n, f, _, _ in kept.conflicts] == [(1, "progress_text")]
    forced = load_ledger(engine, ledger_2021, source="ledger_2021.toml", force=True)

    assert forced.updated == [(1, "progress_text")]
    with Session(engine) as session:
        assert read_field(session, 1, "progress_text", year=2021) == "截止11月底新增贷款18.2亿元。"
    assert _year_rows(engine, 2020) == before_2020


def test_a_change_and_its_undo_stay_in_their_year(engine, ledger_2021):
    load_ledger(engine, ledger_2021, source="ledger_2021.toml")
    before_2021 = _year_rows(engine, 2021)

    applied = apply_changes(
        engine, [FieldChange(1, "progress_text", "二〇二〇年的新进展")], actor="tg:42", year=2020
    )
    assert [e.year for e in applied.entries] == [2020]
    with Session(engine) as session:
        assert read_field(session, 1, "progress_text", year=2020) == "二〇二〇年的新进展"
    assert _year_rows(engine, 2021) == before_2021

    undo_last(engine, actor="tg:42")
    with Session(engine) as session:
        assert read_field(session, 1, "progress_text", year=2020) != "二〇二〇年的新进展"
        undo = session.exec(select(AuditEntry).order_by(col(AuditEntry.id).desc())).first()
    assert undo.year == 2020 and undo.undoes == applied.change_id
    assert _year_rows(engine, 2021) == before_2021


def test_a_pending_change_applies_to_the_year_it_was_proposed_for(engine, ledger_2021):
    with Session(engine) as session:
        old = read_field(session, 1, "progress_text", year=2020)
    with Session(engine, expire_on_commit=False) as session, session.begin():
        pending = PendingChange(
            admin_id=ADMIN,
            command="note",
            year=2020,
            target_number=1,
            changes_json=f'[[1, "progress_text", "2020年补充", "{old}"]]',
            summary="第1项进展",
        )
        session.add(pending)
    load_ledger(engine, ledger_2021, source="ledger_2021.toml")  # 2021 becomes current

    settled = confirm_pending(engine, pending.id, admin_id=ADMIN, actor="tg:42")

    assert settled.outcome == "applied"
    with Session(engine) as session:
        assert read_field(session, 1, "progress_text", year=2020) == "2020年补充"
        assert read_field(session, 1, "progress_text", year=2021) == "截止11月底新增贷款18.2亿元。"


def test_a_year_not_held_is_refused_by_name(engine):
    with Session(engine) as session, pytest.raises(YearNotHeld) as info:
        read_ledger(session, year=2019)
    assert "2019" in str(info.value)


def test_targets_of_different_years_share_numbers_but_not_rows(engine, ledger_2021):
    load_ledger(engine, ledger_2021, source="ledger_2021.toml")
    with Session(engine) as session:
        rows = session.exec(select(Target.year, Target.title).where(Target.number == 1)).all()
    assert sorted(rows) == [(2020, "固定资产投资"), (2021, "新增贷款")]


# --- the chat ------------------------------------------------------------------------------


@pytest.fixture
def service(engine, config, ledger_2021):
    load_ledger(engine, ledger_2021, source="ledger_2021.toml")
    return ChatService(engine, config, build_answerer(engine, config))


SENDER = Sender(ADMIN, ADMIN, fixed_role="admin", actor="tg:42")


def test_chat_commands_take_a_year_and_name_it_when_not_current(service):
    [current] = service.command(SENDER, "list", "")
    [older] = service.command(SENDER, "list", "2020 未完成")
    [target] = service.command(SENDER, "target", "2020 12")
    [missing] = service.command(SENDER, "list", "2019")

    assert "新增贷款" in current.text and "2020年" not in current.text.splitlines()[0]
    assert older.text.startswith("2020年未完成的目标")
    assert "耕地保护" in older.text
    assert target.text.startswith("【2020年】") and "24.43" in target.text
    assert target.buttons == ()  # buttons open the current year's targets
    assert "没有2019年的台账" in missing.text and "2020年、2021年" in missing.text


def test_paperwork_commands_take_a_year_and_name_it_when_not_current(service):
    import csv
    import io

    [sheet] = service.command(SENDER, "export", "2020 csv")
    name, content = sheet.document
    assert name.startswith("2020年台账_") and sheet.text == "2020年台账导出（csv）"
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert any("耕地保护" in cell for row in rows for cell in row)  # a 2020 target, not 2021's
    [current_sheet] = service.command(SENDER, "export", "csv")
    assert not current_sheet.document[0].startswith("2020年")

    [board] = service.command(SENDER, "units", "2020")
    assert board.text.startswith("红黄绿榜（") and "2020年度" in board.text.splitlines()[0]
    [text_report] = service.command(SENDER, "report", "2020 txt")
    assert "耕地保护" in text_report.text
    [bulletin] = service.command(SENDER, "report", "2020 通报")
    assert bulletin.text == "督查通报只针对当前年度（2021年）：请发送 /report 通报。"
    for command, args in (("export", "2019 xlsx"), ("units", "2019"), ("report", "2019 docx")):
        [missing] = service.command(SENDER, command, args)
        assert "没有2019年的台账" in missing.text, command
    [chart] = service.command(SENDER, "chart", "2020 16")
    assert chart.photo and chart.text.startswith("2020年第16项 耕地保护")
    [absent] = service.command(SENDER, "chart", "2020 99")
    assert absent.text.startswith("2020年台账中没有第99项目标（共66项）。用法：/chart")
    [usage] = service.command(SENDER, "export", "2020 pdf")
    assert usage.text.startswith("用法：/export [年份]")


def test_chat_questions_answer_from_the_year_they_name(service):
    [named] = service.question(SENDER, "2020年的新增贷款完成了多少")
    # in another chat: asked again in the same one, the card would lead with the figure asked
    elsewhere = dataclasses.replace(SENDER, chat_id=-100999)
    [last_year] = service.question(elsewhere, "去年新增贷款完成了多少")
    [this_year] = service.question(SENDER, "新增贷款完成了多少")
    [compared] = service.question(SENDER, "新增贷款和去年比怎么样")

    assert named.text.startswith("【2020年】") and "24.43" in named.text
    assert last_year.text == named.text
    assert "18.2" in this_year.text and "【" not in this_year.text
    assert "18.2" in compared.text
    assert "同比（2020年第12项“新增贷款”）" in compared.text and "24.43" in compared.text


def test_history_takes_a_year(service):
    apply_changes(service.engine, [FieldChange(12, "title", "贷款")], actor="tg:7", year=2020)
    [older] = service.command(SENDER, "history", "2020 12")
    [current] = service.command(SENDER, "history", "1")
    [missing] = service.command(SENDER, "history", "2019 12")

    assert older.text.startswith("2020年第12项变更记录（最近1条）：") and "tg:7" in older.text
    assert current.text == "第1项暂无变更记录（数据来自2021年台账导入）。"
    assert "没有2019年的台账" in missing.text


def test_a_change_in_the_chat_goes_to_the_current_year(service):
    [proposal] = service.command(SENDER, "note", "1 已放款")
    confirm = proposal.buttons[0][0].data
    service.button(SENDER, confirm)
    with Session(service.engine) as session:
        assert read_field(session, 1, "progress_text", year=2021).endswith("已放款")
        assert "已放款" not in read_field(session, 1, "progress_text", year=2020)


def test_an_unmatched_question_of_another_year_becomes_an_alias_in_that_year(service):
    from bot.app.unmatched import unmatched_row
    from bot.store.unmatched import log_unmatched
    from bot.understanding.conversation import Answer

    # What the chat logs: the year the answer came from, else the current one.
    asked = Answer("2020年贷款那个", "unknown", (), "抱歉", filter={"year": 2020})
    assert unmatched_row(asked, 42, year=2021).year == 2020
    assert unmatched_row(dataclasses.replace(asked, filter={}), 42, year=2021).year == 2021

    log_unmatched(service.engine, "放贷那块", best_target=12, best_score=1.0, year=2020)
    [listing] = service.command(SENDER, "unmatched", "")
    assert "· 放贷那块（最接近2020年第12项）" in listing.text
    [[button]] = listing.buttons
    assert button.label == "“放贷那块”设为2020年第12项别名"
    [proposal] = service.button(SENDER, button.data)
    service.button(SENDER, proposal.buttons[0][0].data)  # 确认
    with Session(service.engine) as session:
        words = {(a.year, a.target_number, a.word) for a in session.exec(select(Alias))}
    assert (2020, 12, "放贷那块") in words
    assert not any(w == "放贷那块" for y, _, w in words if y == 2021)


# --- reminders -------------------------------------------------------------------------------


def test_the_digest_names_the_year_of_a_change_to_another_year(engine, ledger_2021):
    from zoneinfo import ZoneInfo

    from bot.app.reminders import plan, set_digest
    from bot.domain.reminder_policy import ReminderPolicy
    from bot.domain.work_calendar import WorkCalendar

    load_ledger(engine, ledger_2021, source="ledger_2021.toml")
    set_digest(engine, 7001, True)
    at = dt.datetime(2021, 10, 20, 9, tzinfo=dt.UTC)
    apply_changes(engine, [FieldChange(1, "title", "新增信贷")], actor="tg:42", now=at)
    apply_changes(engine, [FieldChange(1, "title", "固投")], actor="tg:42", year=2020, now=at)
    with Session(engine) as session:
        current = read_ledger(session)
    monday = dt.date(2021, 10, 25)
    tz = ZoneInfo("Asia/Shanghai")
    [digest] = [
        n
        for n in plan(engine, current, monday, ReminderPolicy(), WorkCalendar(), tz)
        if n.kind == "digest"
    ]
    changes = [line for line in digest.text.splitlines() if "由tg:42修改" in line]
    assert len(changes) == 2, digest.text
    assert [line.startswith(("第1项", "· 第1项")) for line in changes].count(True) == 1
    assert [("2020年第1项 简称" in line) for line in changes].count(True) == 1


def test_a_running_chat_moves_to_a_newly_imported_year_on_refresh(engine, config, ledger_2021):
    service = ChatService(engine, config, build_answerer(engine, config))
    assert service.year == 2020
    load_ledger(engine, ledger_2021, source="ledger_2021.toml")

    service.refresh()

    assert service.year == 2021
    assert service.answerer.today == config.status_date(2021)
    [reply] = service.question(SENDER, "去年新增贷款完成了多少")
    assert reply.text.startswith("【2020年】第12项 新增贷款")
