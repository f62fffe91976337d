"""佐证材料 and 销号 end to end: the real bot over HTTP against the fake Bot API.

A member of 县住建局's group sends a photo captioned `/report 30 …`; the admin approves the
report; `/evidence 30` sends the photo back; `/close 30 …` closes the target and
`/close 16 …` is refused (16 is 未完成 and has no evidence).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from bot.app.reminders import subscribe
from tests.auxil.bot_harness import ADMIN, bot_config, keyboard, running_bot
from tests.auxil.reminder_harness import reminders_for, reports

GROUP = -1003000  # 县住建局's unit group
MEMBER = 501
GROUP_KW = {"chat_type": "supergroup"}
PHOTO = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + (640).to_bytes(4, "big") * 2 + bytes(32)


async def test_a_unit_proves_its_work_and_the_office_closes_the_target(config, engine, fake):
    subscribe(engine, "县住建局", GROUP, actor="tg:42")
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        sent = await bot.send_file(
            GROUP, MEMBER, PHOTO, caption="/report 30 停车位已全部建成，附验收照片", **GROUP_KW
        )
        assert sent.texts[0].startswith("已收到第30项的进展报送（编号")
        assert sent.texts[1] == "已保存第30项的佐证材料：照片_1.png（图片，56B），该项共1份。"
        assert all(call.get("chat_id") == GROUP for call in sent.sent)

        listing = await bot.say(ADMIN, ADMIN, "/pending")
        [pending] = [c for c in listing.sent if "第30项" in c.result["text"]]
        [[approve, _]] = keyboard(pending)
        press = await bot.press(ADMIN, ADMIN, pending.result["message_id"], approve[1])
        assert press.answers[0]["text"] == "已采纳"

        returned = await bot.say(ADMIN, ADMIN, "/evidence 30")
        assert returned.texts[0].startswith("第30项 新建停车位 的佐证材料（1份）")
        [document] = returned.of("sendDocument")
        assert document.ok and fake.file_content(document.result["document"]["file_id"]) == PHOTO

        asked = await bot.say(ADMIN, ADMIN, "/close 30 停车位建成，照片已核")
        assert asked.text == (
            "请确认以下修改：\n第30项 新建停车位 销号：未销号 → 已销号（2021-01-15）\n"
            "理由：停车位建成，照片已核"
        )
        [[confirm, _]] = keyboard(asked.sent[0])
        closed = await bot.press(ADMIN, ADMIN, asked.sent[0].result["message_id"], confirm[1])
        assert closed.answers[0]["text"] == "已修改"
        refused = await bot.say(ADMIN, ADMIN, "/close 16 想销号")
        assert refused.text.startswith("第16项暂不能销号：状态为“未完成”")

        card = await bot.say(ADMIN, ADMIN, "/target 30")
        assert "已销号（2021-01-15）" in card.text


async def test_a_photo_in_a_group_that_concerns_nobody_gets_no_answer(config, engine, fake):
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        quiet = await bot.send_file(-100777, 9, PHOTO, caption="团建合影", **GROUP_KW)
        assert quiet.sent == []
        private = await bot.send_file(ADMIN, ADMIN, PHOTO)
        assert "不知道它是哪一项目标的佐证材料" in private.text


async def test_a_report_whose_file_cannot_be_kept_is_not_received_either(config, engine, fake):
    # Before, "已收到第30项的进展报送" filed "见附件" while its file was refused, so the admin
    # approved a note about an attachment nobody had, and the resent report came twice.
    subscribe(engine, "县住建局", GROUP, actor="tg:42")
    notice = "/report 30 验收报告见附件"
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        wrong = await bot.send_file(
            GROUP, MEMBER, b"PK\x03\x04" + bytes(60), kind="document", filename="验收.rar",
            caption=notice, **GROUP_KW,
        )  # fmt: skip
        assert wrong.text == (
            "未收到这份报送：“验收.rar”不是认可的格式。可接受的格式：jpg、png照片，pdf、docx、"
            "xlsx文件，单个不超过20MB。\n请改好文件后，连同说明重新发送：\n" + notice
        )
        assert reports(engine) == []
        assert (await bot.say(ADMIN, ADMIN, "/pending")).text == "暂无待审核的进展报送。"

        again = await bot.send_file(GROUP, MEMBER, PHOTO, caption=notice, **GROUP_KW)
        assert again.texts[0].startswith("已收到第30项的进展报送（编号")
        assert again.texts[1].startswith("已保存第30项的佐证材料：照片_")
        assert [r.text for r in reports(engine)] == ["验收报告见附件"]


async def test_a_reply_to_a_reminder_with_a_file_that_cannot_be_kept_is_not_received(
    config, engine, fake
):
    group = -1001234567  # 县自然资源局's, reminded of target 16 on Thursday 2020-12-24
    subscribe(engine, "县自然资源局", group, actor="tg:42")
    thursday = dataclasses.replace(config, today=dt.date(2020, 12, 24))
    async with running_bot(bot_config(thursday, fake), engine, fake) as bot:
        [reminder] = reminders_for(fake, group, 16)
        reply = await bot.send_file(
            group, MEMBER, b"", kind="document", filename="整改台账.xlsx",
            caption="整改台账见附件", reply_to=reminder.result["message_id"], **GROUP_KW,
        )  # fmt: skip
        assert reply.text.startswith("未收到这份报送：文件是空的。")
        assert reply.text.endswith("连同说明重新发送：\n/report 16 整改台账见附件")
        assert reports(engine) == []


async def test_a_file_too_big_to_fetch_is_answered_only_where_it_concerns_the_bot(
    config, engine, fake
):
    # Before, every file over 20 MB got "文件超过20MB上限，未保存" wherever it was posted: a
    # unit's colleagues sharing a big PDF, a group nobody subscribed, a stranger in private.
    subscribe(engine, "县住建局", GROUP, actor="tg:42")
    big = bytes(21 * 1024 * 1024)
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        shared = await bot.send_file(
            GROUP, MEMBER, big, kind="document", filename="规划.pdf", **GROUP_KW
        )
        assert shared.sent == []
        assert (await bot.send_file(-100777, 9, big, kind="document", **GROUP_KW)).sent == []
        stranger = await bot.send_file(9, 9, big, kind="document")
        assert stranger.text.startswith("抱歉，您没有使用本助手的权限。")

        report = await bot.send_file(
            GROUP, MEMBER, big, kind="document", filename="验收.pdf",
            caption="/report 30 验收报告见附件", **GROUP_KW,
        )  # fmt: skip
        assert report.text == (
            "未收到这份报送：文件有21.0MB，超过20MB上限。请压缩或拆分后再发。\n"
            "请改好文件后，连同说明重新发送：\n/report 30 验收报告见附件"
        )
        assert reports(engine) == []
        assert not [c for c in fake.calls() if c.method == "getFile"]  # never fetched
