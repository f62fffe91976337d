"""What using the bot found (h-trial14), over HTTP against the fake Bot API.

An admin typed figures as people say them: "/set 56 优良天数比例 百分之八十", "二千六百人",
"约2650人", "265天左右". Each was "数值无效：…，请写数字，例如 25.1、-3.5 或 156299" (or, for
"265天左右", "单位不符…你输入的是天左右"): a negative example for a share, and no word of what
to send. Each now gets the command to send, in Arabic numerals or as the exact figure; and
"/set 56 优良天数" (no figure) the same command with a figure in the indicator's unit, where it
was "缺少指标或数值".

A unit's "/report 16 违法占用耕地面积比例 -5%" was told "例如 /set 16 …": a command units may
not use. The example now names /report, as the usage line after it does.

A unit reported "/report 30 新建停车位 520个 截至12月18日" with a photo, then "已全部完工，新建
停车位520个". Once the first was approved, the second showed "无法采纳：第30项没有需要修改的内容
（新值与现值相同）" with only 驳回: its figure was the ledger's by then, and "已全部完工" could
only be thrown away. It is now offered as a progress note.

With a drafted 2021 ledger (few units named), "/assign 5 交通局" was "台账中没有“交通局”这个
责任单位…请写全称并在最后加“新单位”，例如：/assign 12 …": 县交通运输局 of the 2020 ledger
counted for nothing, and the example named another target. A unit of any year held is known
now. Dates are taken as offices write them: "/deadline 5 2021年12月31日" was "日期无效…请写成
YYYY-MM-DD".
"""

from __future__ import annotations

from sqlmodel import Session

from bot.app.reminders import subscribe
from bot.store.ledger_store import read_target
from tests.auxil.bot_harness import ADMIN, bot_config, keyboard, running_bot, snapshot

GROUP = -1001234567  # 县自然资源局's work group
KW = {"chat_type": "supergroup"}


async def test_a_figure_said_in_words_gets_the_command_to_send(config, engine, fake):
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        before = snapshot(engine)
        for typed, answer in (
            (
                "/set 56 优良天数比例 百分之八十",
                "数值请用阿拉伯数字：“百分之八十”请写作 80%，即发送：/set 56 优良天数比例 80%",
            ),
            (
                "/set 58 城镇新增就业 九千八百人",
                "数值请用阿拉伯数字：“九千八百人”请写作 9800人，"
                "即发送：/set 58 城镇新增就业 9800人",
            ),
            (
                "/set 58 城镇新增就业 约9800人",
                "台账记录确切的数值，不写“约”：如确数是9800人，"
                "请发送：/set 58 城镇新增就业 9800人；说明性的文字请用 /note 写入进展",
            ),
            (
                "/set 56 优良天数 265天左右",
                "台账记录确切的数值，不写“左右”：如确数是265天，请发送：/set 56 优良天数 265天；"
                "说明性的文字请用 /note 写入进展",
            ),
            (
                "/set 56 优良天数",
                "缺少数值：请在指标“优良天数”后写数值，例如：/set 56 优良天数 264天",
            ),
        ):
            refused = await bot.say(ADMIN, ADMIN, typed)
            assert refused.text.split("\n")[0] == answer, (typed, refused.text)
            assert keyboard(refused.sent[0]) == []
        assert snapshot(engine) == before  # nothing written, nothing pending
        # the command it names is one the bot takes
        # (with its as-of words against it, as people write them: they were read as its unit,
        # "单位不符…你输入的是%(截至12月)")
        asked = await bot.say(ADMIN, ADMIN, "/set 56 优良天数比例 80%（截至12月）")
        assert asked.text.startswith("请确认以下修改：\n第56项 优良天数比例 完成值："), asked.text
        assert "第56项 优良天数比例 数据时点：截止12月31日 → 截至12月" in asked.text, asked.text


async def test_a_unit_refused_a_figure_is_told_its_own_command(config, engine, fake):
    subscribe(engine, "县自然资源局", GROUP)
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        unit = await bot.say(GROUP, 501, "/report 16 违法占用耕地面积比例 -5%", **KW)
        first = unit.text.split("\n")[0]
        assert first.endswith("请填写0或正数，例如 /report 16 违法占用耕地面积比例 5%"), unit.text
        assert "/set" not in unit.text


async def test_a_report_whose_figure_another_report_set_first_is_still_news(config, engine, fake):
    subscribe(engine, "县住建局", -1001555)
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        photo = b"\x89PNG\r\n\x1a\n" + bytes(60)
        figure = "/report 30 新建停车位 520个 截至12月18日"
        sent = await bot.send_file(-1001555, 501, photo, caption=figure, **KW)
        assert sent.texts[0].startswith("已收到第30项的数据报送（编号1）"), sent.texts
        words = await bot.say(-1001555, 501, "/report 30 已全部完工，新建停车位520个", **KW)
        assert words.text.startswith("已收到第30项的数据报送（编号2）"), words.text
        pending = await bot.say(ADMIN, ADMIN, "/pending")
        [[(_, approve_first), _]] = keyboard(pending.sent[0])
        await bot.press(ADMIN, ADMIN, pending.sent[0].result["message_id"], approve_first)
        second = await bot.say(ADMIN, ADMIN, "/pending")
        assert second.text == (
            "报送#2 第30项（县住建局群-1001555，报送人ID 501）：\n"
            "已全部完工，新建停车位520个\n"
            "拟修改：第30项 进展情况：追加“（2021-01-15补充）已全部完工，新建停车位520个”"
        ), second.text
        [[(label, approve), _]] = keyboard(second.sent[0])
        assert label == "采纳"
        await bot.press(ADMIN, ADMIN, second.sent[0].result["message_id"], approve)
        with Session(engine) as session:
            target = read_target(session, 30)
        assert target.progress_text.endswith("（2021-01-15补充）已全部完工，新建停车位520个")
        assert target.indicator("新建停车位").actual == "520"


async def test_a_new_years_admin_assigns_a_unit_an_earlier_year_named(config, engine, fake):
    from bot.config import PROJECT_ROOT
    from bot.render.ledger_toml import load_ledger_file
    from bot.store.ledger_import import load_ledger

    ledger = load_ledger_file(PROJECT_ROOT / "tests" / "data" / "ledger_2021.toml")
    load_ledger(engine, ledger, source="ledger_2021.toml")  # 2021: 3 targets, 3 units
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        known = await bot.say(ADMIN, ADMIN, "/assign 3 交通局")
        assert known.text.startswith(
            "请确认以下修改：\n第3项 新增责任单位：县交通运输局(配合)\n"
            "“交通局”即县交通运输局（台账中的名称）"
        ), known.text
        unknown = await bot.say(ADMIN, ADMIN, "/assign 3 县大数据局")
        assert "例如：/assign 3 县大数据局 配合 新单位" in unknown.text, unknown.text
        moved = await bot.say(ADMIN, ADMIN, "/deadline 3 2021年12月31日")
        assert moved.text.startswith(
            "请确认以下修改：\n第3项 时限“10月底前”：2021-10-31 → 2021-12-31"
        ), moved.text
