"""The leaders' group over HTTP: a leader who replies to the office's escalation ("提醒未确认")
asks about its target; the reply is no unit's progress report.

县自然资源局's group (-1001234567) is reminded on Thursday 2020-12-24 and acknowledges nothing;
the leaders' group (-1008880000, granted, on the digest) is told on Tuesday 29th. And a leader
asking in everyday words whether anything lags ("有没有滞后的").
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from bot.app.reminders import set_digest, subscribe
from tests.auxil.bot_harness import ADMIN, bot_config, keyboard, running_bot
from tests.auxil.reminder_harness import delivered, reports, running_reminder_bot

GROUP = -1001234567
LEADER_GROUP = -1008880000
LEADER = 901


async def test_a_leader_replying_to_an_escalation_asks_about_its_target(config, engine, fake):
    subscribe(engine, "县自然资源局", GROUP)
    set_digest(engine, LEADER_GROUP, True)
    thursday = dataclasses.replace(config, today=dt.date(2020, 12, 24))
    async with running_reminder_bot(bot_config(thursday, fake), engine, fake):
        pass
    tuesday = bot_config(dataclasses.replace(thursday, today=dt.date(2020, 12, 29)), fake)
    async with running_reminder_bot(tuesday, engine, fake) as bot:
        assert (await bot.say(ADMIN, ADMIN, f"/grant {LEADER_GROUP}")).text.startswith("已授予")
        [escalation, *_] = [
            c for c in delivered(fake, LEADER_GROUP) if "·提醒未确认】" in c.result["text"]
        ]
        head = escalation.result["text"].splitlines()[0]
        assert head == "【县督查局·提醒未确认】第6项 矿山治理与山长制"
        reply = await bot.say(
            LEADER_GROUP,
            LEADER,
            "谁负责",
            chat_type="supergroup",
            reply_to=escalation.result["message_id"],
        )
        assert reply.text.startswith("➤ 责任单位：县自然资源局(牵头,推定)")
        assert "第6项 矿山治理与山长制" in reply.text
        # before, this was filed as 第6项's progress report from the leaders' group
        assert reports(engine) == []


async def test_a_leader_asking_whether_any_target_lags_is_shown_the_lagging_ones(
    config, engine, fake
):
    # Before, "有没有滞后的" read its 没有滞后 as "not lagging" and listed the other 46 targets.
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        assert (await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 王局长")).text.startswith("已授予")
        asked = await bot.say(ADMIN, ADMIN, "/status 1 滞后 固投进度低于全省平均")
        [[(_, confirm), _]] = keyboard(asked.sent[0])
        await bot.press(ADMIN, ADMIN, asked.message_id, confirm)

        lagging = "🔴 1. 固定资产投资：滞后（县发改委）"
        anywhere = await bot.say(LEADER, LEADER, "有没有滞后的")
        assert anywhere.text == f"滞后的目标（共1项）：\n{lagging}"
        unit = await bot.say(LEADER, LEADER, "发改委有没有滞后的")
        assert unit.text == f"县发改委负责的滞后的目标（共1项）：\n{lagging}"
        # a question about the ones not lagging still lists them
        on_pace = await bot.say(LEADER, LEADER, "哪些没滞后")
        assert on_pace.text.startswith("推进中、已完成、超额完成的目标（")
        assert lagging not in on_pace.text


async def test_what_is_to_be_done_by_a_day_is_the_list_due_then(config, engine, fake):
    # Before, the 完成的 of "要完成的" was read as the status 已完成: "年底前需要完成的有哪些"
    # listed "到期（含已完成）的已完成的目标" (20 done ones), "本月应完成的任务" every done one.
    monday = dataclasses.replace(config, today=dt.date(2020, 11, 30))
    async with running_bot(bot_config(monday, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 王局长")
        # by the year's end, as by the end of December: what is still to do, the done counted
        year_end = await bot.say(LEADER, LEADER, "年底前需要完成的有哪些")
        assert year_end.text.startswith(
            "2020-12-31前到期（未完成；另有54项已完成）的目标（第1/2页，共12项）："
        )
        week = await bot.say(LEADER, LEADER, "下周要做完的")
        assert week.text == "2020-12-07至2020-12-13到期（含已完成）的目标：没有符合条件的目标。"
        month = await bot.say(LEADER, LEADER, "本月应完成的任务")
        assert month.text.startswith("2020-11-01至2020-11-30到期（未完成）的目标")
        # what is already done is still asked the usual way
        done = await bot.say(LEADER, LEADER, "哪些已经完成了")
        assert done.text.startswith("已完成的目标（第1/3页，共21项）")


async def test_a_leader_asking_for_shares_above_a_bar_gets_the_completion_list(
    config, engine, fake
):
    # Before, without the word 完成率 the bar was searched for in the texts: "超过200%的有哪些"
    # listed 名录库企业获贷, 耕地保护, 慢阻肺防治… as "进展中提到“超过200%”的目标".
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 王局长")
        above = await bot.say(LEADER, LEADER, "超过200%的有哪些")
        assert above.text == (
            "完成率超过200%的目标（每项目标取完成率最低的指标）（共2项）：\n"
            "🟢 28. 文化下乡：398.0%（超额完成）\n"
            "🟢 36. 职业技能培训：297.5%（超额完成；指标：补贴性职业技能培训）"
        )


async def test_a_leader_asking_how_the_target_just_shown_stands_is_answered_about_it(
    config, engine, fake
):
    # Before, "进展怎么样" right after a target answered the whole ledger's summary,
    # "进度正常吗" and "能按期完成吗" that nothing matched, "滞后吗" the ledger's 滞后 list.
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 王局长")
        first = await bot.say(LEADER, LEADER, "慢阻肺防治怎么样")
        assert first.text.startswith("第35项 慢阻肺防治：🔴未完成"), first.text
        for turn in ("进展怎么样", "进度正常吗", "现在什么状态", "滞后吗", "能按期完成吗"):
            reply = await bot.say(LEADER, LEADER, turn)
            assert reply.text.startswith("第35项 慢阻肺防治：🔴未完成"), (turn, reply.text)


async def test_a_leader_asking_when_the_target_just_shown_is_done_gets_its_deadline(
    config, engine, fake
):
    # Before, "啥时候完成的" listed all 21 已完成 targets of the ledger.
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 王局长")
        await bot.say(LEADER, LEADER, "县医院创二甲怎么样")
        when = await bot.say(LEADER, LEADER, "啥时候完成的")
        assert when.text.startswith("➤ 时限：2020-12-31 年底前"), when.text
        assert "第50项 县医院创二甲" in when.text


async def test_a_leader_asking_the_rank_of_the_target_just_shown_is_told_of_it(
    config, engine, fake
):
    # Before, "全省排名呢" after 规上工业增加值 answered 第1项 固定资产投资 (its 全市排名).
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 王局长")
        await bot.say(LEADER, LEADER, "规上工业增加值增速多少")
        rank = await bot.say(LEADER, LEADER, "全省排名呢")
        assert rank.text.startswith(
            "➤ 排名：台账中没有这项目标的排名数据\n第2项 规上工业增加值"
        ), rank.text


async def test_a_due_window_said_in_words_lists_what_falls_due_in_it(config, engine, fake):
    # Before, "三天内到期的" and "一周内到期的" were answered "没有找到", and "本月要到期的"
    # listed the next 30 days, into next month.
    thursday = dataclasses.replace(config, today=dt.date(2020, 10, 29))
    async with running_bot(bot_config(thursday, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 王局长")
        done = "🟢 5. 腾云气体关闭退出：已完成（县工信局）"
        days = await bot.say(LEADER, LEADER, "三天内到期的")
        assert days.text == f"2020-10-29至2020-11-01到期（含已完成）的目标（共1项）：\n{done}"
        week = await bot.say(LEADER, LEADER, "一周内到期的有哪些")
        assert week.text == f"2020-10-29至2020-11-05到期（含已完成）的目标（共1项）：\n{done}"
        month = await bot.say(LEADER, LEADER, "本月要到期的")
        assert month.text.startswith("2020-10-01至2020-10-31到期"), month.text


async def test_a_leader_asking_how_many_targets_gets_the_summary(config, engine, fake):
    # Before, "一共多少个目标" and "完成了多少项" were answered "没有找到".
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 王局长")
        for question in ("一共多少个目标", "完成了多少项"):
            reply = await bot.say(LEADER, LEADER, question)
            assert reply.text.startswith("2020年县工作责任目标台账：共66项\n"), reply.text


async def test_a_leader_asking_how_many_a_unit_has_done_gets_the_count_and_the_list(
    config, engine, fake
):
    # Before, "发改委完成了几项" listed all 13 of 县发改委's targets, done or not: the count
    # asked for was nowhere.
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 王局长")
        done = await bot.say(LEADER, LEADER, "发改委完成了几项")
        head, *rows = done.text.splitlines()
        assert head == "县发改委负责的已完成、超额完成的目标（共6项）："
        assert len(rows) == 6 and all(row.startswith("🟢") for row in rows), rows
        # a target's own count is still that target's figure
        own = await bot.say(LEADER, LEADER, "省重点项目完成了几项")
        assert own.text.startswith("➤ 省重点项目 8个 / 目标5个"), own.text


async def test_a_target_shown_by_a_command_is_what_the_next_question_is_about(
    config, engine, fake
):
    # Before, "谁负责" right after /target 12 said "请先问一项目标": only a question or a
    # button set what the chat was talking about.
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 王局长")
        await bot.say(ADMIN, ADMIN, "/target 12")
        who = await bot.say(ADMIN, ADMIN, "谁负责")
        assert who.text.startswith("➤ 责任单位：县金融工作局(牵头,推定)"), who.text
        assert "第12项 新增贷款" in who.text
        await bot.say(LEADER, LEADER, "/history 16")
        short = await bot.say(LEADER, LEADER, "差多少")
        assert short.text.startswith("➤ 差距：代保后耕地保有量缺口 3.88万亩"), short.text
        await bot.say(LEADER, LEADER, "/target 2020 3")
        who = await bot.say(LEADER, LEADER, "谁负责")
        assert who.text.startswith("➤ 责任单位：县民政局(牵头,推定)"), who.text
