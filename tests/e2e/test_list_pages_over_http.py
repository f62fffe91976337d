"""A long list over HTTP against the fake Bot API: its pages keep the heading it was asked with.

Before, the heading was cut at its first "（", so "年底前要完成的" paged as "2020-12-01至2020-12-31
到期（第1/7页，共65项）": the leader lost "（含已完成）的目标", which says what the list counts.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from tests.auxil.bot_harness import ADMIN, bot_config, keyboard, running_bot

LEADER = 901
HEADING = "2020-12-01至2020-12-31到期（含已完成）的目标"


async def test_the_pages_of_a_due_list_keep_its_whole_heading(config, engine, fake):
    monday = dataclasses.replace(config, today=dt.date(2020, 11, 30))
    async with running_bot(bot_config(monday, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 王局长")
        first = await bot.say(LEADER, LEADER, "年底到期的")
        assert first.text.startswith(f"{HEADING}（第1/7页，共65项）：\n⚪ 1. 固定资产投资")
        [[(label, data)]] = keyboard(first.sent[0])
        assert label == "下一页 ▶"
        await bot.press(LEADER, LEADER, first.message_id, data)
        assert bot.shown(LEADER, first.message_id).startswith(f"{HEADING}（第2/7页，共65项）：")
        # a heading without parentheses of its own pages as before
        done = await bot.say(LEADER, LEADER, "哪些超额完成了")
        assert done.text.startswith("超额完成的目标（第1/3页，共24项）：\n🟢 9. 企业上云和技改")
