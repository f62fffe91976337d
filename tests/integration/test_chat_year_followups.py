"""A follow-up that only names a year ("那去年呢") in the chat core, on a database holding
2020 and 2021 (2021 current): the target just talked about as the named year's ledger holds
it, or a plain answer that that ledger has no such target, never another target."""

from __future__ import annotations

import dataclasses

import pytest

from bot.chat.types import Sender
from bot.config import PROJECT_ROOT
from bot.domain.ledger import IndicatorSpec
from bot.render.ledger_toml import load_ledger_file
from bot.store.ledger_import import load_ledger
from tests.auxil.chats import admin_chat

LEADER = Sender(42, 42, actor="tg:42")


@pytest.fixture
def service(config, engine):
    ledger = load_ledger_file(PROJECT_ROOT / "tests" / "data" / "ledger_2021.toml")
    load_ledger(engine, ledger, source="ledger_2021.toml")  # 2021 becomes the current year
    return admin_chat(config, engine)


def test_last_year_of_a_target_new_this_year_says_last_years_ledger_lacks_it(config, engine):
    ledger = load_ledger_file(PROJECT_ROOT / "tests" / "data" / "ledger_2021.toml")
    books = ledger.targets[2]
    base = IndicatorSpec("5G基站", "200", "个", actual="120")
    new = dataclasses.replace(
        books, title="5G基站建设", target_text="新建5G基站200个。", aliases=(), indicators=(base,)
    )
    load_ledger(
        engine, dataclasses.replace(ledger, targets=(*ledger.targets[:2], new)), source="t"
    )
    service = admin_chat(config, engine)
    [first] = service.question(LEADER, "5G基站建设怎么样")
    assert first.text.startswith("第3项 5G基站建设")
    for follow_up in ("那去年呢", "去年的情况呢"):
        [reply] = service.question(LEADER, follow_up)
        assert reply.text == (
            "2020年台账中没有与2021年第3项“5G基站建设”对应的目标。\n"
            "可以问“2020年有哪些目标”，或发送 /list 2020 查看2020年的全部目标。"
        ), follow_up
    # the context stays on 5G基站建设: "谁负责" is still about it
    [who] = service.question(LEADER, "谁负责")
    assert "第3项 5G基站建设" in who.text


def test_last_year_of_a_target_last_year_held_inside_a_wider_one_is_that_one(service):
    # 2021's 城市书房 (新建城市书房3个) is 2020's 楹联和城市书房, whose measure 城市书房 (2座) it
    # shares: before, "2020年台账中没有与2021年第3项“城市书房”对应的目标".
    service.question(LEADER, "城市书房怎么样")
    [reply] = service.question(LEADER, "那去年呢")
    assert reply.text.startswith("【2020年】第18项 楹联和城市书房"), reply.text


def test_last_year_of_a_target_both_years_hold_is_last_years_target(service):
    service.question(LEADER, "新增贷款完成了吗")
    [reply] = service.question(LEADER, "那去年呢")
    assert reply.text.startswith("【2020年】第12项 新增贷款")
    [who] = service.question(LEADER, "谁负责")  # the follow-up stays in 2020
    assert who.text.startswith("【2020年】➤ 责任单位：县金融工作局")
    [back] = service.question(LEADER, "那今年呢")
    assert back.text.startswith("第1项 新增贷款")


def test_a_year_alone_with_nothing_talked_about_is_not_a_target(service):
    [reply] = service.question(LEADER, "那去年呢")
    assert "第3项" not in reply.text and "城市书房" not in reply.text
