"""What units and admins type, read as they meant it: units in Traditional characters
(億元, 萬畝) are the ledger's units; the words of a note keep their full-width ，。：（）."""

from __future__ import annotations

from bot.app.progress_reports import pending_reports
from bot.chat.types import Sender
from bot.store.ledger_store import read_target
from bot.store.uow import reading
from tests.auxil.chats import ADMIN, admin_chat

UNIT_CHAT = -1001200
UNIT = Sender(7, UNIT_CHAT, chat_type="group", actor="tg:7")


def unit_chat(config, engine, unit: str = "县金融工作局"):
    service = admin_chat(config, engine)
    [done] = service.command(ADMIN, "subscribe", f"{unit} {UNIT_CHAT}")
    assert done.text.startswith("已订阅"), done.text
    return service


def test_set_reads_units_written_in_traditional_characters(config, engine):
    service = admin_chat(config, engine)
    for typed, shown in (
        ("12 新增贷款 25.1億元", "24.43亿元 → 25.1亿元"),
        ("12 新增贷款 25.1 億元 截至11月", "24.43亿元 → 25.1亿元"),
        ("16 代保后耕地保有量缺口 1.2萬畝", "3.88万亩 → 1.2万亩"),
    ):
        [reply] = service.command(ADMIN, "set", typed)
        assert shown in reply.text and "单位不符" not in reply.text, reply.text


def test_a_units_report_in_traditional_units_is_a_figure(config, engine):
    service = unit_chat(config, engine)
    [reply] = service.command(UNIT, "report", "12 新增贷款 26億元 截至11月")
    assert "数据报送" in reply.text and "→ 26亿元" in reply.text, reply.text
    [prose] = service.command(UNIT, "report", "12 截至11月新增贷款26億元，超额完成")
    assert "数据报送" in prose.text and "→ 26亿元" in prose.text, prose.text


NOTE = "贷款投放稳步推进（已对接12家企业），下一步：加强银企对接。"


def progress_text(engine, number: int) -> str:
    with reading(engine) as session:
        return read_target(session, number).progress_text


def test_a_units_note_keeps_its_full_width_punctuation(config, engine):
    service = unit_chat(config, engine)
    [filed] = service.command(UNIT, "report", f"１２　{NOTE}")
    assert "进展报送" in filed.text and NOTE in filed.text, filed.text
    [report] = pending_reports(engine)
    assert report.text == NOTE
    [approved, *_] = service.button(ADMIN, f"rpt:ok:{report.id}")
    assert "已采纳" in approved.text or NOTE in approved.text, approved.text
    assert progress_text(engine, 12).endswith(NOTE)


def test_an_admins_note_and_reason_keep_their_full_width_punctuation(config, engine):
    service = admin_chat(config, engine)
    [asked] = service.question(ADMIN, f"／note　１２ {NOTE}")
    assert NOTE in asked.text, asked.text
    [status] = service.command(ADMIN, "status", "１２ 滞后 资金未到位（待拨付），请跟进。")
    assert "资金未到位（待拨付），请跟进。" in status.text, status.text


def test_a_units_report_usage_names_one_of_its_own_targets(config, engine):
    service = unit_chat(config, engine, "县卫健委")
    own = {
        t.number
        for t in service.answerer.ledger.targets
        if any(u.name == "县卫健委" for u in t.units)
    }
    for args in ("", "12", "第几项 已完成", "35 \x07"):
        [reply] = service.command(UNIT, "report", args)
        assert "/report 12 " not in reply.text, reply.text
        example = reply.text.split("例如 /report ", 1)[1]
        assert int(example.split()[0]) in own, reply.text


def test_the_same_report_sent_twice_waits_once(config, engine):
    service = unit_chat(config, engine)
    [first] = service.command(UNIT, "report", "12 新增贷款 26亿元 截至11月")
    [again] = service.command(UNIT, "report", "12  新增贷款 26亿元 截至11月")  # spaces aside
    [report] = pending_reports(engine)
    assert f"编号{report.id}" in first.text
    assert again.text.startswith(f"第12项的这条报送已经收到（编号{report.id}），正在等待")
    [other] = service.command(UNIT, "report", "12 新增贷款 27亿元 截至12月")
    assert "数据报送" in other.text and len(pending_reports(engine)) == 2
