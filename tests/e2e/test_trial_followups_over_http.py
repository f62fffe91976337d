"""A leader's follow-ups over HTTP, on a database holding 2020 and 2021 (2021 current): a
comparison that names no target ("和去年比", "同比呢") right after an answer about one
compares that target, as "新增贷款和去年比" does."""

from __future__ import annotations

import dataclasses
import datetime as dt

from bot.config import PROJECT_ROOT
from bot.render.ledger_toml import load_ledger_file
from bot.store.ledger_import import load_ledger
from tests.auxil.bot_harness import ADMIN, bot_config, keyboard, running_bot

LOAN_LINE = (
    "同比（2020年第12项“新增贷款”）：新增贷款：2020年24.43亿元（目标14亿元）；"
    "2021年18.2亿元（目标16亿元），下降25.5%"
)


def with_2021(engine) -> None:
    ledger = load_ledger_file(PROJECT_ROOT / "tests" / "data" / "ledger_2021.toml")
    load_ledger(engine, ledger, source="ledger_2021.toml")


async def test_a_comparison_naming_no_target_compares_the_target_just_asked_about(
    config, engine, fake
):
    # Before, "和去年比" answered the two ledgers' completed counts and "同比呢" that nothing
    # was found ("同比：没有找到要比较的目标"), though the leader had just asked about loans.
    with_2021(engine)
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        first = await bot.say(ADMIN, ADMIN, "新增贷款怎么样")
        assert first.text.startswith("第1项 新增贷款")
        for follow_up in ("和去年比", "同比呢", "跟去年比怎么样", "和2020年比呢"):
            reply = await bot.say(ADMIN, ADMIN, follow_up)
            assert reply.text.startswith("第1项 新增贷款"), (follow_up, reply.text)
            assert LOAN_LINE in reply.text, (follow_up, reply.text)
        # a target of its own this year, whose measure 2020 held inside a wider target
        # (楹联和城市书房), is compared with that measure (before: "2020年台账中没有与“城市书房”
        # 相同的目标")
        await bot.say(ADMIN, ADMIN, "城市书房怎么样")
        book = await bot.say(ADMIN, ADMIN, "和去年比")
        assert book.text.startswith("第3项 城市书房")
        assert book.text.endswith(
            "同比（2020年第18项“楹联和城市书房”）：城市书房：2020年2处（目标2座）；"
            "2021年1个（目标3个），下降50.0%"
        ), book.text
        # after a list, with no one target talked about, the ledgers' counts answer
        listed = await bot.say(ADMIN, ADMIN, "有哪些目标")
        assert listed.text.startswith("全部目标（共3项）"), listed.text
        counts = await bot.say(ADMIN, ADMIN, "和去年比")
        assert counts.text.startswith("2021年与2020年相比：\n同比：2020年共66项"), counts.text


async def test_questions_the_bot_understood_are_not_offered_as_aliases(config, engine, fake):
    # Before, /unmatched listed "前年的新增贷款" (a year the database lacks, answered as such)
    # and "第二个呢" with no list open, each asked in another year as a line of its own: no
    # alias could ever answer them.
    with_2021(engine)
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        for question in ("前年的新增贷款", "2018年的造林", "第二个呢", "下一个"):
            reply = await bot.say(ADMIN, ADMIN, question)
            assert reply.text.startswith(("数据库中没有", "没有可以接着看的清单项")), reply.text
        await bot.say(ADMIN, ADMIN, "有哪些目标")
        past = await bot.say(ADMIN, ADMIN, "第五个呢")
        assert "3" in past.text and "第5项" not in past.text, past.text
        unmatched = await bot.say(ADMIN, ADMIN, "/unmatched")
        assert unmatched.text == "暂无未匹配的问题。", unmatched.text


async def test_a_target_only_last_years_ledger_holds_is_pointed_to_there(config, engine, fake):
    # Before, once 2021 was imported, "耕地保护怎么样" was answered "抱歉，台账中没有找到与这个
    # 问题对应的目标", as if the database held nothing of it, and was offered as an alias.
    with_2021(engine)
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        land = await bot.say(ADMIN, ADMIN, "耕地保护怎么样")
        assert land.text == (
            "2021年台账中没有找到与这个问题对应的目标。\n"
            "2020年台账中有第16项 耕地保护，可以问“2020年的耕地保护”查看2020年的情况。"
        )
        there = await bot.say(ADMIN, ADMIN, "2020年的耕地保护")
        assert there.text.startswith("【2020年】第16项 耕地保护"), there.text
        chat = await bot.say(ADMIN, ADMIN, "今天天气怎么样")  # nothing any year holds
        assert chat.text.startswith("抱歉，台账中没有找到"), chat.text
        unmatched = await bot.say(ADMIN, ADMIN, "/unmatched")
        assert "耕地保护" not in unmatched.text, unmatched.text


async def test_a_unit_asked_by_its_former_name_lists_its_targets(config, engine, fake):
    # Before, "卫生局负责哪些" was answered "台账中没有“卫生局”负责的目标", though /assign
    # reads 卫生局 as 县卫健委 and leaders still call departments by their old names.
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        health = await bot.say(ADMIN, ADMIN, "卫生局负责哪些")
        assert health.text.startswith("县卫健委负责的目标（共6项）："), health.text
        land = await bot.say(ADMIN, ADMIN, "国土局牵头的有哪些")
        assert land.text.startswith("县自然资源局牵头的目标（共"), land.text
        listed = await bot.say(ADMIN, ADMIN, "/list 卫生局")
        assert "35. 慢阻肺防治" in listed.text, listed.text


async def test_a_list_line_says_a_targets_status_once(config, engine, fake):
    # Before: "🔴 16. 耕地保护：未完成（县自然资源局） · 未完成" and
    # "🟢 5. 腾云气体关闭退出：已完成（县工信局） · 已完成".
    october = dataclasses.replace(config, today=dt.date(2020, 10, 23))
    async with running_bot(bot_config(october, fake), engine, fake) as bot:
        watched = await bot.say(ADMIN, ADMIN, "需要盯紧的")
        assert watched.text == (
            "需要盯紧的目标（共2项）：\n"
            "🔴 16. 耕地保护：未完成（县自然资源局）\n"
            "🔴 35. 慢阻肺防治：未完成（县卫健委）"
        )
        due = await bot.say(ADMIN, ADMIN, "下周到期的")
        assert due.text.endswith("（共1项）：\n🟢 5. 腾云气体关闭退出：已完成（县工信局）")


async def test_an_alias_another_target_answers_to_is_refused(config, engine, fake):
    # Before, "/alias 12 固投" was proposed like any word: once confirmed, "固投" named two
    # targets (there is no command to take an alias off again).
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        taken = await bot.say(ADMIN, ADMIN, "/alias 12 固投")
        assert taken.text.startswith("“固投”已是第1项 固定资产投资 的别名；"), taken.text
        assert keyboard(taken.sent[0]) == []
        titled = await bot.say(ADMIN, ADMIN, "/alias 12 造林绿化")
        assert titled.text.startswith("“造林绿化”是第7项 造林绿化 的简称"), titled.text
        own = await bot.say(ADMIN, ADMIN, "/alias 12 新增贷款")
        assert own.text.startswith("“新增贷款”就是第12项的简称"), own.text
        fresh = await bot.say(ADMIN, ADMIN, "/alias 12 信贷规模")
        assert "第12项 新增别名：信贷规模" in fresh.text, fresh.text


async def test_a_deadline_before_the_ledgers_year_is_refused(config, engine, fake):
    # Before, "/deadline 12 2019-12-31" on the 2020 ledger was proposed as a new deadline:
    # a year typed wrong that would leave the target overdue from the start.
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        early = await bot.say(ADMIN, ADMIN, "/deadline 12 2019-12-31")
        assert early.text.startswith(
            "时限2019-12-31早于2020年台账的年度（2020年1月1日起），请核对年份"
        ), early.text
        assert keyboard(early.sent[0]) == []
        later = await bot.say(ADMIN, ADMIN, "/deadline 12 2021-01-31 次年1月底前")
        assert "第12项 新增时限：2021-01-31 次年1月底前" in later.text, later.text


async def test_a_target_number_written_with_hao_names_the_target_in_commands(config, engine, fake):
    # Before, "/set 12号 …" and "/target 12号" were refused ("“12号”不是目标序号") though
    # "第12项" was taken and people write "12号" as often; a unit's /report likewise.
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        changed = await bot.say(ADMIN, ADMIN, "/set 12号 新增贷款 25.1亿元")
        assert "第12项 新增贷款 完成值：24.43亿元 → 25.1亿元" in changed.text, changed.text
        shown = await bot.say(ADMIN, ADMIN, "/target 12号")
        assert shown.text.startswith("第12项 新增贷款"), shown.text
