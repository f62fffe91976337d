"""What using the bot found (h-trial15), over HTTP against the fake Bot API.

An admin sent "/set 12 新增贷款 26亿元", then asked "固投排第几" before pressing 确认: the answer
said nothing of the change, and a "确认" typed afterwards was "现在没有等待确认的操作" although
the change still waited. The answer now ends with what still waits, and a typed "确认" or
"取消" settles the admin's newest proposal as the button does.

"/history 56" read "PM2.5完成值：43 → 41": figures without their units. They read
"43微克/立方米 → 41微克/立方米" now, each in the unit it had then.

"耕地保护怎么样" then "差多少" led with "违法占用耕地面积比例 6.9%（目标≤10%，已达标）" above a
未完成 card: the one figure met, not the 3.88万亩 缺口 the report states. What is short now
comes first, and a target whose every figure is met but which is not done says so.

县卫健委's group wrote "@bot 35号 补助资金已拨付到位" and was told only what it may send. It is
filed as "/report 35 补助资金已拨付到位"; "35号完成了吗" gets the /report line to send.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.app.reminders import subscribe
from tests.auxil.bot_harness import ADMIN, actual, bot_config, keyboard, running_bot
from tests.auxil.reminder_harness import reports
from tests.e2e.test_console import blocks, run_main

GROUP = -1003300  # 县卫健委's work group
MEMBER = 501
KW = {"chat_type": "supergroup"}


async def test_a_question_asked_before_confirming_keeps_the_change_waiting(config, engine, fake):
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        before = actual(engine, 12, "新增贷款")
        await bot.say(ADMIN, ADMIN, "/set 12 新增贷款 26亿元")
        asked = await bot.say(ADMIN, ADMIN, "固投排第几")
        assert asked.text.startswith("➤ 全市排名 3位")
        assert asked.text.endswith(
            "（尚未生效，还在等您确认：第12项 新增贷款 完成值：24.43亿元 → 26亿元等。"
            "点该消息下的“确认”或输入“确认”生效，输入“取消”放弃。）"
        )
        assert actual(engine, 12, "新增贷款") == before
        typed = await bot.say(ADMIN, ADMIN, "确认")
        assert typed.text.startswith("✅ 已修改：\n第12项 新增贷款 完成值：24.43亿元 → 26亿元")
        assert actual(engine, 12, "新增贷款") == "26"
        # settled: nothing waits any more, and a second "确认" says so
        after = await bot.say(ADMIN, ADMIN, "固投排第几")
        assert "尚未生效" not in after.text
        again = await bot.say(ADMIN, ADMIN, "确认")
        assert again.text.startswith("现在没有等待确认的操作")


async def test_a_newer_proposal_replaces_one_left_unanswered(config, engine, fake):
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, "/set 56 PM2.5 41")
        second = await bot.say(ADMIN, ADMIN, "/set 56 PM10 70")
        assert "尚未生效" not in second.text  # the proposal itself asks for 确认
        [[(_, confirm), _]] = keyboard(second.sent[0])
        await bot.press(ADMIN, ADMIN, second.message_id, confirm)
        # the PM2.5 proposal was left for the PM10 one: a bare "确认" never applies it unseen
        typed = await bot.say(ADMIN, ADMIN, "确认")
        assert typed.text.startswith("现在没有等待确认的操作")
        assert actual(engine, 56, "PM2.5") == "43"
        cancelled = await bot.say(ADMIN, ADMIN, "/set 56 PM2.5 41")
        assert cancelled.text.startswith("请确认以下修改")
        dropped = await bot.say(ADMIN, ADMIN, "取消")
        assert dropped.text.startswith("已取消：\n第56项 PM2.5 完成值")
        assert actual(engine, 56, "PM2.5") == "43"


async def test_history_and_undo_write_figures_with_their_units(config, engine, fake):
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        for command in ("/set 56 PM2.5 41", "/set 12 新增贷款 260000万元"):
            proposal = await bot.say(ADMIN, ADMIN, command)
            [[(_, confirm), _]] = keyboard(proposal.sent[0])
            await bot.press(ADMIN, ADMIN, proposal.message_id, confirm)
        trail = await bot.say(ADMIN, ADMIN, "/history 56")
        assert "PM2.5完成值：43微克/立方米 → 41微克/立方米" in trail.text
        # a figure typed in another unit of the measure: each side in the unit it had then
        undone = await bot.say(ADMIN, ADMIN, "/undo")
        assert "新增贷款完成值：260000万元 → 24.43亿元" in undone.text
        loans = await bot.say(ADMIN, ADMIN, "/history 12")
        lines = loans.text.splitlines()
        assert any(
            line.endswith("新增贷款完成值：260000万元 → 24.43亿元（撤销）") for line in lines
        )
        assert any(
            line.endswith("新增贷款完成值：24.43亿元 → 260000万元（已撤销）") for line in lines
        )


async def test_how_far_leads_with_what_is_short(config, engine, fake):
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, "耕地保护怎么样")
        gap = await bot.say(ADMIN, ADMIN, "差多少")
        assert gap.text.startswith(
            "➤ 差距：代保后耕地保有量缺口 3.88万亩；"
            "已达标：违法占用耕地面积比例 6.9%（目标≤10%）\n第16项 耕地保护：🔴未完成"
        )
        await bot.say(ADMIN, ADMIN, "慢阻肺防治怎么样")
        short = await bot.say(ADMIN, ADMIN, "还差多少")
        assert short.text.startswith("➤ 差距：暂无完成数：每个乡镇肺功能检测仪（目标2台）")
        met = await bot.say(ADMIN, ADMIN, "新增贷款差多少")
        assert met.text.startswith("➤ 差距：各项指标均已达标（新增贷款 24.43亿元/14亿元）")


async def test_a_units_numbered_progress_is_filed_as_its_report(config, engine, fake):
    subscribe(engine, "县卫健委", GROUP, actor="tg:42")
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        filed = await bot.say(GROUP, MEMBER, "@ledger_test_bot 35号 补助资金已拨付到位，", **KW)
        assert filed.text.startswith("已收到第35项的进展报送（编号")
        [report] = reports(engine)
        assert (report.target_number, report.text) == (35, "补助资金已拨付到位，")
        asked = await bot.say(GROUP, MEMBER, "@ledger_test_bot 第35项完成了吗", **KW)
        assert asked.text.startswith(
            "要报送第35项的进展，请发送：/report 35 进展或数值\n本群是县卫健委的工作群"
        )
        other = await bot.say(GROUP, MEMBER, "@ledger_test_bot 12号已完成", **KW)
        assert other.text.startswith("第12项 新增贷款 的责任单位是县金融工作局")
        # figures and months that lead a message are no target's number
        month = await bot.say(GROUP, MEMBER, "@ledger_test_bot 12 月底前完成", **KW)
        assert month.text.startswith("本群是县卫健委的工作群")
        assert len(reports(engine)) == 1


@pytest.fixture
def config_file(tmp_path) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(
        f'[database]\nurl = "sqlite:///{tmp_path / "ledger.db"}"\n'
        f'[paths]\nvar_dir = "{tmp_path / "var"}"\n',
        encoding="utf-8",
    )
    return path


def test_the_console_keeps_a_change_asked_about_before_its_confirmation(config_file):
    script = ["/set 12 新增贷款 26亿元", "固投排第几", "1", "确认", "/history 12"]
    result = run_main("chat", "--config", str(config_file), stdin="\n".join(script) + "\n")
    assert result.returncode == 0, result.stderr
    out = blocks(result.stdout)[1:]
    assert out[1].splitlines()[-2] == (
        "（尚未生效，还在等您确认：第12项 新增贷款 完成值：24.43亿元 → 26亿元等。"
        "点该消息下的“确认”或输入“确认”生效，输入“取消”放弃。）"
    )
    assert out[1].endswith("[1] 详情  [2] 变更记录  （输入编号选择）")
    # "1" is now the answer's 详情; the change still waits, and "确认" typed applies it
    assert out[2].endswith("输入“取消”放弃。）\n[1] 返回  [2] 变更记录  （输入编号选择）")
    assert out[3].startswith("✅ 已修改：\n第12项 新增贷款 完成值：24.43亿元 → 26亿元")
    assert "新增贷款完成值：24.43亿元 → 26亿元" in out[4]
