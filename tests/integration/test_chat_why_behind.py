"""A leader asks why a target lags or is not done, in the chat core: a target that does neither
is said so plainly, with its status and figure, before its card."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.chat.types import Sender
from tests.auxil.chats import admin_chat

LEADER = Sender(42, 42, actor="tg:42")


@pytest.fixture
def chat(config, engine):
    """The 2020 ledger on 23 October 2020, while the year still runs."""
    return admin_chat(config, engine, today=dt.date(2020, 10, 23))


def ask(chat, text: str) -> list[str]:
    [reply] = chat.question(LEADER, text)
    return reply.text.splitlines()


def test_why_late_of_a_target_that_is_done_says_it_is_not_late(chat):
    lines = ask(chat, "新增贷款为什么滞后")
    assert lines[0] == (
        "➤ 第12项 新增贷款没有滞后，状态为超额完成："
        "新增贷款 24.43亿元 / 目标14亿元（174.5%），截止12月底。"
    )
    assert lines[1] == "第12项 新增贷款：🟢超额完成"  # the card follows as before
    lines = ask(chat, "新建停车位为啥没完成")
    assert lines[0] == (
        "➤ 第30项 新建停车位已经完成，状态为已完成：新建停车位 500个 / 目标500个（100.0%）。"
    )


def test_why_late_of_a_target_under_way_says_it_is_on_time(chat):
    assert ask(chat, "小升规为什么滞后")[0] == (
        "➤ 第10项 小升规没有滞后，状态为推进中（时限2020-12-31，还有69天）："
        "小微企业新升规模以上企业 4家 / 目标4家（100.0%），截至目前。"
    )
    assert ask(chat, "大气环境质量为啥没完成")[0].startswith(
        "➤ 第56项 大气环境质量尚未完成，但没有滞后，状态为推进中（时限2020-12-31，还有69天）："
    )


def test_why_late_without_figures_says_it_cannot_tell(chat):
    assert ask(chat, "造林为什么滞后")[0] == "➤ 第7项 造林绿化暂无数据，还不能判断是否滞后。"


def test_a_follow_up_why_is_answered_of_the_target_in_the_conversation(chat):
    ask(chat, "新增贷款完成了吗")
    assert ask(chat, "为什么滞后")[0].startswith("➤ 第12项 新增贷款没有滞后，状态为超额完成")


def test_why_of_a_target_that_is_late_or_not_done_keeps_its_card_and_reason(chat):
    lines = ask(chat, "耕地保护为什么没完成")
    assert lines[0] == "第16项 耕地保护：🔴未完成"
    assert lines[1].startswith("（认定依据：")
