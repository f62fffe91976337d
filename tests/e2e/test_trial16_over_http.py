"""What using the bot found (h-trial16), over HTTP against the fake Bot API.

"/status 16 已完成 缺口已补齐" then "/undo" read
"认定理由：［加上“违法占用耕地比例…还存在”］缺口已补齐；缺口［“已补齐”→“3.88万亩……”］":
a reason replaced by another was diffed word by word, and the few characters the two
shared by chance made it unreadable. It reads old → new now.

"完成率低于100%的有哪些" said "没有符合条件的目标" while 16, 35 and 62 were 未完成: 16 is judged
so with its one figure met, 35 and 62 have figures missing. A list below a share now names
the targets judged behind that no ratio shows, and how many it could not compare.

On 20 November "哪些快到期了" and "/due" said only "没有", with twelve targets due on 31 December,
41 days off: a leader reads that as nothing left to do. An empty window ahead now says when
the next open deadline falls, how many fall due then, and the /due that lists them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from tests.auxil.bot_harness import ADMIN, bot_config, keyboard, running_bot

OLD_REASON = (
    "违法占用耕地比例“已降至6.9%”，但耕地保护目标任务未完成：“经代保后我县还存在缺口3.88万亩……"
)


async def test_undo_and_history_show_a_replaced_reason_old_then_new(config, engine, fake):
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        proposal = await bot.say(ADMIN, ADMIN, "/status 16 已完成 缺口已补齐")
        [[(_, confirm), _]] = keyboard(proposal.sent[0])
        await bot.press(ADMIN, ADMIN, proposal.message_id, confirm)
        undone = await bot.say(ADMIN, ADMIN, "/undo")
        assert f"第16项 认定理由：缺口已补齐 → {OLD_REASON}" in undone.text
        assert "［" not in undone.text
        trail = await bot.say(ADMIN, ADMIN, "/history 16")
        assert f"认定理由：{OLD_REASON}争取逐步完成耕地… → 缺口已补齐（已撤销）" in trail.text


async def test_a_list_below_a_share_names_the_targets_judged_behind(config, engine, fake):
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        below = await bot.say(ADMIN, ADMIN, "完成率低于100%的有哪些")
        lines = below.text.splitlines()
        assert lines[0] == (
            "完成率低于100%的目标（每项目标取完成率最低的指标）：没有符合条件的目标。"
        )
        assert lines[1:5] == [
            "另有已判定未完成或滞后的目标（完成率未能体现，3项）：",
            "🔴 16. 耕地保护：未完成",
            "🔴 35. 慢阻肺防治：未完成",
            "🔴 62. 节能减煤：未完成",
        ]
        assert lines[5].startswith("另有32项未参与比较：")
        second = await bot.say(ADMIN, ADMIN, "第二个呢")
        assert second.text.startswith("第35项 慢阻肺防治：🔴未完成")


async def test_an_empty_window_ahead_names_the_next_deadline(config, engine, fake):
    november = dataclasses.replace(config, today=dt.date(2020, 11, 20))
    async with running_bot(bot_config(november, fake), engine, fake) as bot:
        next_due = "下一个到期日是2020-12-31（41天后），届时12项目标到期；发送 /due 41 可列出。"
        soon = await bot.say(ADMIN, ADMIN, "哪些快到期了")
        assert soon.text.splitlines() == [
            "2020-11-20至2020-12-20到期（含已完成）的目标：没有符合条件的目标。",
            next_due,
        ]
        week = await bot.say(ADMIN, ADMIN, "/due 7")
        assert week.text.splitlines() == ["未来7天内（至2020-11-27）到期的目标：没有。", next_due]
        listed = await bot.say(ADMIN, ADMIN, "/due 41")
        assert "（第1/2页，共12项）" in listed.text.splitlines()[0]
        # a window already past says nothing of what lies ahead
        past = await bot.say(ADMIN, ADMIN, "上周到期的")
        assert "下一个到期日" not in past.text
