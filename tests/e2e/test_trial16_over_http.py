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

县卫健委's group sent a PDF captioned "@bot 第35项 验收单", and another "@bot 验收单", and got no
answer at all: captions kept the bot's mention, so the target named first was not read, and a
file addressed to the bot that named no target was dropped as a group's own file. The mention
is taken out as it is from text, and an addressed file the bot cannot place says so.

With 2021 imported, "耕地保护谁负责" after a 2021 answer named that 2021 target's units, and
"县医院创二甲什么时候完成的" said "已完成的目标：没有": words naming a 2020 target were read as a
follow-up or a list by status. They now say which year holds those targets, as a question
naming a 2020 target alone always did.

"新增贷款和固投谁负责" named only 新增贷款's units: an aspect asked of two targets named at
once is now answered for each, one line each, as "这两个谁负责" after them is.

"社零排第几" and "GDP排全省第几", of targets with no rank figure, answered with the card alone, as
if no rank had been asked. The rank line leads now: what the progress says of a rank, else the
task text's words said as such ("进展未写排名；目标任务中写的是…"), else that there is none.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from bot.app.reminders import subscribe
from bot.render.ledger_toml import load_ledger_file
from bot.store.ledger_import import load_ledger
from tests.auxil.bot_harness import ADMIN, bot_config, keyboard, running_bot
from tests.auxil.reminder_harness import reports

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


GROUP = -1003300  # 县卫健委's work group
MEMBER = 501
KW = {"chat_type": "supergroup"}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


async def test_a_file_sent_to_the_bot_in_a_units_group_is_never_met_with_silence(
    config, engine, fake
):
    subscribe(engine, "县卫健委", GROUP, actor="tg:42")
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        # a photo the group shares among itself, not addressed to the bot, is still none of
        # its business
        own = await bot.send_file(GROUP, MEMBER, b"\x89PNG\r\n\x1a\n" + bytes(40), **KW)
        assert own.sent == []
        named = await bot.send_file(
            GROUP, MEMBER, PDF, kind="document", filename="验收单.pdf",
            caption="@ledger_test_bot 第35项 验收单", **KW,
        )  # fmt: skip
        assert named.texts[0].startswith("已收到第35项的进展报送（编号")
        assert named.texts[1].startswith("已保存第35项的佐证材料：验收单.pdf")
        [report] = reports(engine)
        assert (report.target_number, report.text) == (35, "验收单")
        unnamed = await bot.send_file(
            GROUP, MEMBER, PDF + b"2", kind="document", filename="清单.pdf",
            caption="@ledger_test_bot 清单", **KW,
        )  # fmt: skip
        assert unnamed.text.splitlines() == [
            "没有收下这个文件：不知道它是哪一项目标的佐证材料。请在照片或文件的说明中写 "
            "/report 序号 说明（例如 /report 33 验收照片），或回复督查提醒发送，"
            "或先发 /report 再发文件。",
            "本单位负责：第33项 疾控中心能力建设、第34项 医院防疫能力建设、第35项 慢阻肺防治、"
            "第48项 两癌两病筛查、第50项 县医院创二甲、第52项 紧密型医共体。",
        ]


async def test_words_naming_last_years_target_are_not_a_follow_up_on_this_years(
    config, engine, fake
):
    data = Path(__file__).resolve().parents[1] / "data"
    load_ledger(engine, load_ledger_file(data / "ledger_2021.toml"), source="2021")
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        loans = await bot.say(ADMIN, ADMIN, "新增贷款完成了吗")
        assert loans.text.startswith("第1项 新增贷款")
        whose = await bot.say(ADMIN, ADMIN, "耕地保护谁负责")
        assert whose.text == (
            "2021年台账中没有找到与这个问题对应的目标。\n"
            "2020年台账中有第16项 耕地保护，可以问“2020年的耕地保护”查看2020年的情况。"
        )
        done = await bot.say(ADMIN, ADMIN, "县医院创二甲什么时候完成的")
        assert "2020年台账中有第50项 县医院创二甲" in done.text
        both = await bot.say(ADMIN, ADMIN, "慢阻肺防治和耕地保护谁负责")
        assert "2020年台账中有第35项 慢阻肺防治、第16项 耕地保护，" in both.text
        # a follow-up naming nothing is still about this year's target, and lists by status
        # are this year's
        again = await bot.say(ADMIN, ADMIN, "新增贷款完成了吗")
        assert "第1项 新增贷款：🟢超额完成" in again.text and "2020年" not in again.text
        units = await bot.say(ADMIN, ADMIN, "谁负责")
        assert units.text.startswith("➤ 责任单位：") and "第1项 新增贷款" in units.text
        listed = await bot.say(ADMIN, ADMIN, "哪些没完成")
        assert "2020年台账中有" not in listed.text


async def test_an_aspect_of_two_targets_at_once_is_answered_for_each(config, engine, fake):
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        whose = await bot.say(ADMIN, ADMIN, "新增贷款和固投谁负责")
        assert whose.text == (
            "这2项的责任单位：\n"
            "第12项 新增贷款：县金融工作局(牵头,推定)、人行西平县支行(配合,推定)\n"
            "第1项 固定资产投资：县发改委(牵头,推定)、县统计局(配合,推定)"
        )
        second = await bot.say(ADMIN, ADMIN, "第二个呢")
        assert second.text.startswith("第1项 固定资产投资")


async def test_a_rank_asked_of_a_target_without_a_rank_figure_says_what_is_written(
    config, engine, fake
):
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        gdp = await bot.say(ADMIN, ADMIN, "GDP排全省第几")
        assert gdp.text.startswith(
            "➤ 排名：进展未写排名；目标任务中写的是“生产总值增速高于全市平均水平；"
            "人均地区生产总值、全员劳动生产率增速位于全省第一方阵”\n第53项 GDP增速"
        )
