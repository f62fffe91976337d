"""What units and admins type, read as they meant it: units in Traditional characters
(億元, 萬畝) are the ledger's units."""

from __future__ import annotations

from bot.chat.types import Sender
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
