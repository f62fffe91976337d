"""Leaders' list questions over HTTP: several targets named at once in a conversation, a list
naming two statuses."""

from __future__ import annotations

from tests.auxil.bot_harness import ADMIN, bot_config, keyboard, running_bot

LEADER = 901


async def test_several_targets_named_at_once_are_each_answered_in_a_conversation(
    config, engine, fake
):
    # Before, right after "新增贷款完成了吗" the three named were read as a follow-up on
    # 新增贷款's indicator, and only 新增贷款 was answered.
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 王局长")
        first = await bot.say(LEADER, LEADER, "新增贷款完成了吗")
        assert first.text.startswith("第12项 新增贷款：🟢超额完成")
        for asked in ("新增贷款、造林、PM2.5怎么样", "新增贷款，造林，PM2.5怎么样"):
            reply = await bot.say(LEADER, LEADER, asked)
            heads = [line for line in reply.text.splitlines() if line.startswith("第")]
            assert heads == [
                "第12项 新增贷款：🟢超额完成",
                "第7项 造林绿化：⚪暂无数据",
                "第56项 大气环境质量：⚪暂无数据",
            ], asked
        # a follow-up naming one indicator of the last target still answers it
        await bot.say(LEADER, LEADER, "PM10降到多少了")
        pm25 = await bot.say(LEADER, LEADER, "那PM2.5呢")
        assert pm25.text.startswith("➤ PM2.5 43微克/立方米 / 目标≤49微克/立方米（达标）")


async def test_a_list_naming_two_statuses_lists_both(config, engine, fake):
    # Before, "哪些是未完成或滞后的" listed only the 未完成 ones.
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 王局长")
        asked = await bot.say(ADMIN, ADMIN, "/status 1 滞后 固投进度低于全省平均")
        [[(_, confirm), _]] = keyboard(asked.sent[0])
        await bot.press(ADMIN, ADMIN, asked.message_id, confirm)
        both = (
            "未完成、滞后的目标（共4项）：\n🔴 1. 固定资产投资：滞后（县发改委）\n"
            "🔴 16. 耕地保护：未完成（县自然资源局）\n🔴 35. 慢阻肺防治：未完成（县卫健委）\n"
            "🔴 62. 节能减煤：未完成（县发改委）"
        )
        for question in ("哪些是未完成或滞后的", "未完成和滞后的有哪些"):
            assert (await bot.say(LEADER, LEADER, question)).text == both, question
        said_the_other_way = await bot.say(LEADER, LEADER, "滞后、未完成的有哪些")
        assert said_the_other_way.text.splitlines()[1:] == both.splitlines()[1:]
        # one status alone is still that one
        one = await bot.say(LEADER, LEADER, "哪些是未完成的")
        assert one.text.startswith("未完成的目标（共3项）")


async def test_the_at_risk_list_keeps_its_reasons_on_every_page(config, engine, fake):
    # Before, a long list was paged from its numbers alone: "· 时限已过" was on no page.
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 王局长")
        first = await bot.say(LEADER, LEADER, "需要盯紧的")
        lines = first.text.splitlines()
        assert lines[0] == "需要盯紧的目标（第1/2页，共12项）："
        # the ledger's year is closed: its deadlines passed, not 逾期 (counted in-year only)
        assert lines[1] == "⚪ 1. 固定资产投资：暂无数据（县发改委） · 时限已过"
        # 未完成 is the status the line shows already: not said twice
        assert "🔴 16. 耕地保护：未完成（县自然资源局）" in lines
        [[(label, data)]] = keyboard(first.sent[0])
        assert label == "下一页 ▶"
        await bot.press(LEADER, LEADER, first.message_id, data)
        second = bot.shown(LEADER, first.message_id).splitlines()
        assert second[0] == "需要盯紧的目标（第2/2页，共12项）："
        assert second[1] == "⚪ 64. 利用省外资金：暂无数据（县招商局） · 时限已过"
        assert len(second) == 3 and second[2].endswith(" · 时限已过")
