"""What using the bot found (h-trial11), over HTTP against the fake Bot API.

A leader who types "下一页" or "第二页" under a long list, instead of pressing ▶, got a target
the words happened to match ("下一页" opened the list's second entry, "第二页" offered 第49项 and
第19项 to choose from, "上一页" was "没有找到"): the words now turn the list's pages.
"""

from __future__ import annotations

from tests.auxil.bot_harness import ADMIN, bot_config, keyboard, running_bot

LEADER = 901
DONE = "超额完成的目标"


async def test_a_leader_typing_next_page_under_a_long_list_gets_its_pages(config, engine, fake):
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 王局长")
        nothing = await bot.say(LEADER, LEADER, "下一页")
        assert nothing.text.startswith("没有可以翻页的清单：请先查一个清单")

        first = await bot.say(LEADER, LEADER, "哪些超额完成了")
        assert first.text.startswith(f"{DONE}（第1/3页，共24项）：\n🟢 9. 企业上云和技改")
        second = await bot.say(LEADER, LEADER, "下一页")
        assert second.text.startswith(f"{DONE}（第2/3页，共24项）：")
        assert [label for label, _ in keyboard(second.sent[0])[0]] == ["◀ 上一页", "下一页 ▶"]
        third = await bot.say(LEADER, LEADER, "第三页")
        assert third.text.startswith(f"{DONE}（第3/3页，共24项）：")
        beyond = await bot.say(LEADER, LEADER, "下一页")
        assert beyond.text.startswith("已经是最后一页（共3页）")
        back = await bot.say(LEADER, LEADER, "上一页")
        assert back.text.startswith(f"{DONE}（第2/3页，共24项）：")

        # a target opened from the list keeps the list's pages to turn
        await bot.say(LEADER, LEADER, "新增贷款")
        again = await bot.say(LEADER, LEADER, "第一页")
        assert again.text.startswith(f"{DONE}（第1/3页，共24项）：")
        # ▶ pressed, then "下一页" typed: the page after the one the button showed
        [[(_, data)]] = keyboard(again.sent[0])
        await bot.press(LEADER, LEADER, again.message_id, data)
        after_press = await bot.say(LEADER, LEADER, "下一页")
        assert after_press.text.startswith(f"{DONE}（第3/3页，共24项）：")

        short = await bot.say(LEADER, LEADER, "哪些没完成")
        assert short.text.startswith("未完成的目标（共3项）")
        one_page = await bot.say(LEADER, LEADER, "下一页")
        assert one_page.text == "刚才的清单只有一页（共3项），没有下一页。"
