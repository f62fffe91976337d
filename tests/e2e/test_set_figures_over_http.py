"""An admin sets figures over HTTP as the office types them: a count below zero is refused,
saying what to type; a figure in another unit of its measure is taken and shown converted;
an undated figure on a closed year's ledger is dated within that year, said so."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session

from bot.store.ledger_store import read_target
from tests.auxil.bot_harness import ADMIN, actual, bot_config, keyboard, running_bot, snapshot

USAGE = "用法：/set 序号 指标 值 [数据时点]，例如：/set 3 改扩建或新建中心敬老院 1所"


def indicator(engine, number: int, name: str):
    with Session(engine) as session:
        return read_target(session, number).indicator(name)


async def confirm(bot, asked) -> str:
    [[(_, data), _]] = keyboard(asked.sent[0])
    await bot.press(ADMIN, ADMIN, asked.message_id, data)
    return bot.shown(ADMIN, asked.message_id)


async def test_a_negative_count_is_refused_saying_what_to_type(config, engine, fake):
    # Before, "-5人" was proposed as 慢阻肺筛查's figure: no fewer than none are screened.
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        before = snapshot(engine)
        refused = await bot.say(ADMIN, ADMIN, "/set 35 慢阻肺筛查 -5人")
        assert refused.text == (
            "数值不能为负数：第35项“慢阻肺筛查”以人计，不会小于0，你输入的是-5人。"
            "请填写0或正数（截至数据时点的累计数），例如 /set 35 慢阻肺筛查 5人\n" + USAGE
        )
        assert keyboard(refused.sent[0]) == []
        areas = await bot.say(ADMIN, ADMIN, "/set 56 优良天数 -3")  # the unit left out: 天
        assert areas.text.startswith("数值不能为负数：第56项“优良天数”以天计")
        assert snapshot(engine) == before
        # money and rates may be below zero (a net amount, a fall), and so may a change
        loans = await bot.say(ADMIN, ADMIN, "/set 12 新增贷款 -3亿元 截至11月")
        assert "完成值：24.43亿元 → -3亿元" in loans.text
        fewer = await bot.say(ADMIN, ADMIN, "/set 56 优良天数同比增加 -3天 截至11月")
        assert "完成值：66天 → -3天" in fewer.text


async def test_a_figure_in_another_unit_of_its_measure_is_taken_converted(config, engine, fake):
    # Before, once 慢阻肺筛查 was set in 万人次, "79891人" was refused: "单位不符".
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        asked = await bot.say(ADMIN, ADMIN, "/set 35 慢阻肺筛查 8万人次 截至12月")
        await confirm(bot, asked)
        assert indicator(engine, 35, "慢阻肺筛查").actual_unit == ""  # its own unit, 万人次
        people = await bot.say(ADMIN, ADMIN, "/set 35 慢阻肺筛查 79891人 截至12月")
        line = "第35项 慢阻肺筛查 完成值：8万人次 → 79891人（折合7.9891万人次）"
        assert line in people.text
        assert line in await confirm(bot, people)
        after = indicator(engine, 35, "慢阻肺筛查")
        assert (after.actual, after.actual_unit) == ("79891", "人")
        shown = await bot.say(ADMIN, ADMIN, "慢阻肺筛查了多少人")
        assert "慢阻肺筛查 79891人 / 目标6.63万人次（120.5%）" in shown.text
        # another magnitude of money, shown converted so that a slip is seen before 确认
        loans = await bot.say(ADMIN, ADMIN, "/set 12 新增贷款 250000万元 截至11月")
        assert "完成值：24.43亿元 → 250000万元（折合25亿元）" in loans.text
        # a unit of another measure is still refused
        wrong = await bot.say(ADMIN, ADMIN, "/set 12 新增贷款 25万亩")
        refused = "单位不符：第12项“新增贷款”的单位是亿元，你输入的是万亩\n" + USAGE
        # the 250000万元 proposal above still waits for 确认, and the refusal says so
        assert wrong.text.startswith(refused + "\n（尚未生效，还在等您确认：第12项 新增贷款")
        assert actual(engine, 12, "新增贷款") == "24.43"


async def test_an_undated_figure_on_a_closed_year_is_dated_at_its_end(config, engine, fake):
    # Before, a figure typed in 2026 on the 2020 ledger was dated 截至2026年12月7日, a day
    # outside the ledger's year.
    later = dataclasses.replace(config, today=dt.date(2026, 12, 7))
    async with running_bot(bot_config(later, fake), engine, fake) as bot:
        asked = await bot.say(ADMIN, ADMIN, "/set 12 新增贷款 25.1亿元")
        day = (
            "第12项 新增贷款 数据时点：截止12月底 → 截至2020年12月31日（未写数据时点；"
            "2020年度已结束，按年末记，其他时点请写明，如 截至2020年11月30日）"
        )
        assert day in asked.text
        assert day in await confirm(bot, asked)
        found = indicator(engine, 12, "新增贷款")
        assert (found.actual, found.as_of) == ("25.1", "截至2020年12月31日")
        # a day typed is taken as typed
        dated = await bot.say(ADMIN, ADMIN, "/set 12 新增贷款 26亿元 截至11月")
        assert dated.text.endswith("数据时点：截至2020年12月31日 → 截至11月")
        assert "年度已结束" not in dated.text
