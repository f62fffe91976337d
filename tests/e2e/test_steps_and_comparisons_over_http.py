"""A leader's chat over HTTP against the fake Bot API, on the 2020 ledger (its year closed):
stepping through a list by place or by the ledger's numbers, through the 红黄绿榜's units, and
two targets compared."""

from __future__ import annotations

from tests.auxil.bot_harness import ADMIN, bot_config, running_bot


async def test_a_place_in_the_list_and_a_ledger_number_are_told_apart(config, engine, fake):
    # Before, "第十二项" after a list of 24 opened the list's 12th entry (第31项).
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        listed = await bot.say(ADMIN, ADMIN, "超额完成的有哪些")
        assert listed.text.startswith("超额完成的目标（第1/3页，共24项）"), listed.text
        numbered = await bot.say(ADMIN, ADMIN, "第十二项")
        assert numbered.text.startswith(
            "➤ 台账编号第12项；刚才清单的第12个是第31项 监控点位建设，要看它请说“第12个”\n"
            "第12项 新增贷款"
        ), numbered.text
        placed = await bot.say(ADMIN, ADMIN, "第十二个")
        assert placed.text.startswith(
            "➤ 刚才清单的第12个；台账编号第12项请说“第12项”\n第31项 监控点位建设"
        ), placed.text
        stepped = await bot.say(ADMIN, ADMIN, "第二个呢")  # a step: no reading to tell
        assert stepped.text.startswith("第11项 资本市场融资"), stepped.text


async def test_the_second_on_the_unit_board_is_its_second_unit(config, engine, fake):
    # Before, "第二个呢" after the board opened the worst unit's second target (第6项), and
    # after /units said no list was open.
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        board = await bot.say(ADMIN, ADMIN, "哪个单位最差")
        second_unit = board.text.splitlines()[3].split("：")[0]
        second = await bot.say(ADMIN, ADMIN, "第二个呢")
        assert second.text.startswith(f"红黄绿榜第2个单位（共5个）：\n{second_unit}："), (
            second.text
        )
        third = await bot.say(ADMIN, ADMIN, "下一个")
        assert third.text.startswith("红黄绿榜第3个单位（共5个）："), third.text
        target = await bot.say(ADMIN, ADMIN, "第12项")
        assert target.text.startswith("第12项 新增贷款"), target.text

        await bot.say(ADMIN, ADMIN, "/units")
        again = await bot.say(ADMIN, ADMIN, "第二个呢")
        assert again.text.startswith("红黄绿榜第2个单位（共"), again.text


async def test_two_targets_compared_are_both_answered(config, engine, fake):
    # Before, "新增贷款和造林哪个完成得好" answered 新增贷款 alone.
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        compared = await bot.say(ADMIN, ADMIN, "新增贷款和造林哪个完成得好")
        assert compared.text.splitlines()[:4] == [
            "对比（完成率取每项目标完成率最低的指标）：",
            "🟢 12. 新增贷款：174.5%（超额完成）",
            "⚪ 7. 造林绿化：暂无数据",
            "结论：造林绿化暂无数据，无法比较。",
        ], compared.text
        both = await bot.say(ADMIN, ADMIN, "固投和社零咋样")
        assert (
            both.text.startswith("第1项 固定资产投资") and "第65项 社会消费品零售总额" in both.text
        )
