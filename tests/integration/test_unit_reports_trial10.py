"""A unit's report as the office reads it (session 29, h-trial10): approving a report read as a
figure keeps the rest of the unit's words in 进展 ("已完工", a second figure), and /pending says
when more reports wait than it shows."""

from __future__ import annotations

from bot.app.progress_reports import pending_reports
from bot.chat.types import Sender
from bot.store.ledger_store import read_target
from bot.store.uow import reading
from tests.auxil.chats import ADMIN, admin_chat

UNIT_CHAT = -1001300
UNIT = Sender(7, UNIT_CHAT, chat_type="group", actor="tg:7")


def unit_chat(config, engine, unit: str):
    service = admin_chat(config, engine)
    [done] = service.command(ADMIN, "subscribe", f"{unit} {UNIT_CHAT}")
    assert done.text.startswith("已订阅"), done.text
    return service


def target(engine, number: int):
    with reading(engine) as session:
        return read_target(session, number)


def test_a_figure_in_a_units_words_keeps_the_words_in_progress(config, engine):
    service = unit_chat(config, engine, "县住建局")
    [filed] = service.command(UNIT, "report", "30 已完工，新建停车位520个")
    assert filed.text.splitlines()[1:] == [
        "第30项 新建停车位 完成值：500个 → 520个",
        "第30项 进展情况：追加“（2021-01-15补充）已完工，新建停车位520个”",
    ], filed.text
    [report] = pending_reports(engine)
    service.button(ADMIN, f"rpt:ok:{report.id}")
    after = target(engine, 30)
    assert after.indicator("新建停车位").actual == "520"
    assert after.progress_text.endswith("已完工，新建停车位520个")
    [undone] = service.command(ADMIN, "undo", "")  # one approval, one undo: figure and words
    assert "520个 → 500个" in undone.text and "进展" in undone.text, undone.text
    assert not target(engine, 30).progress_text.endswith("已完工，新建停车位520个")


def test_a_second_figure_the_report_was_not_read_as_is_not_dropped(config, engine):
    service = unit_chat(config, engine, "县林业局")
    [filed] = service.command(UNIT, "report", "7 造林0.8万亩 森林抚育0.6万亩")
    assert "造林 完成值：— → 0.8万亩" in filed.text
    assert "追加“（2021-01-15补充）造林0.8万亩 森林抚育0.6万亩”" in filed.text


def test_a_bare_figure_report_is_the_figure_alone(config, engine):
    service = unit_chat(config, engine, "县金融工作局")
    for words in ("12 完成26亿元", "12 新增贷款 26亿元"):
        [filed] = service.command(UNIT, "report", words)
        assert "进展情况" not in filed.text, filed.text


def test_pending_says_how_many_more_wait_than_it_shows(config, engine):
    service = unit_chat(config, engine, "县金融工作局")
    for n in range(12):
        service.command(UNIT, "report", f"12 第{n + 1}次对接企业，进展顺利")
    replies = service.command(ADMIN, "pending", "")
    assert len(replies) == 11
    assert replies[-1].text == "另有2条待审核的报送，处理完以上各条后再发送 /pending 查看。"
    assert replies[0].text.startswith("报送#1 ")
