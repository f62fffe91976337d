"""The chat core on the days an office pins for a demonstration (`[ledger] today`): what it
writes follows the pinned day, never the machine's clock."""

from __future__ import annotations

import datetime as dt

from bot.chat.service import ChatService
from bot.chat.types import Sender
from tests.auxil.chats import admin_chat

ADMIN = Sender(42, 42, actor="tg:42")


def _service(config, engine, day: str) -> ChatService:
    return admin_chat(config, engine, today=dt.date.fromisoformat(day))


def _set(service: ChatService, args: str) -> None:
    [asked] = service.command(ADMIN, "set", args)
    [[confirm, _]] = asked.buttons
    [done] = service.button(ADMIN, confirm.data)
    assert done.text.startswith("✅ 已修改")


def test_a_bulletin_on_a_pinned_day_numbers_and_dates_its_period_by_that_day(config, engine):
    december = _service(config, engine, "2020-12-01")
    _set(december, "12 新增贷款 25亿元 截止12月底")
    first, _ = december.command(ADMIN, "report", "通报")
    assert first.text.splitlines()[1] == "第1期（数据截至2020-12-01）"
    assert "二、进展变化\n11月24日以来，1项目标有更新：第12项 新增贷款（1处更新）。" in first.text
    # after the first issue: the second's news (its figure and, undated, today as its day)
    _set(december, "30 新建停车位 520个")

    # A week later by the pinned calendar (the same day by the machine's): the next issue,
    # whose changes run from the day the first was written.
    second, document = _service(config, engine, "2020-12-08").command(ADMIN, "report", "通报")
    assert second.text.splitlines()[1] == "第2期（数据截至2020-12-08）"
    # 12 was the first issue's news; 30 changed after it, whatever the machine's clock says
    news = "二、进展变化\n12月1日以来，1项目标有更新：第30项 新建停车位（2处更新）。"
    assert news in second.text
    assert second.text.endswith("县督查局\n2020年12月8日")
    assert document.document[0] == "督查通报_2020年第2期_2020-12-08.docx"

    # Written again on that pinned day: that day's issue again, never a third.
    again, _ = _service(config, engine, "2020-12-08").command(ADMIN, "report", "通报")
    assert again.text.splitlines()[1] == "第2期（数据截至2020-12-08）"
