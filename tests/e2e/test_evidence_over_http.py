"""佐证材料 and 销号 end to end: the real bot over HTTP against the fake Bot API.

A member of 县住建局's group sends a photo captioned `/report 30 …`; the admin approves the
report; `/evidence 30` sends the photo back; `/close 30 …` closes the target and
`/close 16 …` is refused (16 is 未完成 and has no evidence).
"""

from __future__ import annotations

from bot.app.reminders import subscribe
from tests.auxil.bot_harness import ADMIN, bot_config, keyboard, running_bot

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
