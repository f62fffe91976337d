"""Leaders' loosely worded questions over HTTP: a unit negated ("发改委没牵头的"), what is due
by a day ahead ("12月底前要完成的"), an item number no ledger holds ("第1.5项"), a name no target
writes ("大运会筹备"), and /list with several filters."""

from __future__ import annotations

import dataclasses
import datetime as dt

from tests.auxil.bot_harness import ADMIN, bot_config, running_bot

LEADER = 901


async def test_a_leader_asks_loosely_and_is_answered_as_meant(config, engine, fake):
    november = dataclasses.replace(config, today=dt.date(2020, 11, 30))
    async with running_bot(bot_config(november, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 王局长")
        # Before: 县发改委's own seven targets, the negation ignored.
        for asked in ("发改委没牵头的", "不是发改委牵头的"):
            reply = await bot.say(LEADER, LEADER, asked)
            assert reply.text.startswith("县发改委未牵头的目标（第1/6页，共59项）"), asked
            assert "（县发改委）" not in reply.text
        # Before: every open target "2020-01-01至2020-12-31", the done ones not said.
        due = await bot.say(LEADER, LEADER, "12月底前要完成的")
        lines = due.text.splitlines()
        assert lines[0].startswith("2020-12-31前到期（未完成；另有")  # on every page
        assert "项已完成）的目标（第1/2页，共" in lines[0]
        assert all("🟢" not in line for line in lines[1:])
        # Before: 第7项 造林绿化, by its 1.5万亩.
        number = await bot.say(LEADER, LEADER, "第1.5项")
        assert number.text.startswith("第1.5项不是目标序号。目标序号是1–66的整数")
        gone = await bot.say(LEADER, LEADER, "大运会场馆建设进度")
        assert gone.text.startswith("抱歉，台账中没有找到与这个问题对应的目标。")


async def test_list_takes_a_unit_and_several_statuses(config, engine, fake):
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 王局长")
        # Before: "没有找到“未完成 滞后”" and "没有找到“发改委 未完成”".
        either = await bot.say(LEADER, LEADER, "/list 未完成 滞后")
        assert either.text.startswith("未完成、滞后的目标（共3项）")
        unit = await bot.say(LEADER, LEADER, "/list 发改委 未完成")
        assert (
            unit.text
            == "“发改委”负责的未完成的目标（共1项）：\n🔴 62. 节能减煤：未完成（县发改委）"
        )
