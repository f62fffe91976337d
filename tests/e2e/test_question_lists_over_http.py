"""Leaders' list questions over HTTP: several targets named at once in a conversation, a list
naming two statuses."""

from __future__ import annotations

from tests.auxil.bot_harness import ADMIN, bot_config, running_bot

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
