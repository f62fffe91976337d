"""Leaders ask over HTTP about the office's own workflow: 销号 (closed once done and proven),
佐证材料 (evidence files) and what changed lately, answered from the ledger, its evidence
and its audit trail."""

from __future__ import annotations

from tests.auxil.bot_harness import ADMIN, bot_config, keyboard, running_bot

LEADER = 901
PHOTO = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + (640).to_bytes(4, "big") * 2 + bytes(32)


async def confirmed(bot, text: str) -> None:
    asked = await bot.say(ADMIN, ADMIN, text)
    [[(_, data), _]] = keyboard(asked.sent[0])
    await bot.press(ADMIN, ADMIN, asked.message_id, data)


async def test_closing_evidence_and_changes_are_answered(config, engine, fake):
    # Before, "销号了吗", "有佐证材料吗", "哪些已销号" and "本周有什么变化" matched no target,
    # and "最近更新了哪些" answered 耕地保护 alone.
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 王局长")
        nothing = await bot.say(LEADER, LEADER, "哪些已销号")
        assert nothing.text.startswith("目前没有已销号的目标。已完成（含超额完成）的")
        quiet = await bot.say(LEADER, LEADER, "本周有什么变化")
        assert quiet.text.startswith("本周（") and "台账没有变化" in quiet.text

        none_yet = await bot.say(LEADER, LEADER, "新增贷款有佐证材料吗")
        assert none_yet.text.startswith("➤ 第12项 新增贷款：暂无佐证材料")
        saved = await bot.send_file(ADMIN, ADMIN, PHOTO, caption="/evidence 12 放款凭证")
        assert "已保存第12项的佐证材料" in saved.texts[-1]
        await confirmed(bot, "/set 12 新增贷款 25亿元 截至12月底")
        await confirmed(bot, "/close 12 已完成并有佐证")

        evidence = await bot.say(LEADER, LEADER, "新增贷款有佐证材料吗")
        head, card = evidence.text.split("\n")[:2]
        assert head.startswith("➤ 第12项 新增贷款的佐证材料：共1份（照片_")
        assert head.endswith(".png），发送 /evidence 12 查看")
        assert card == "第12项 新增贷款：🟢超额完成，已销号（2021-01-15）"
        closed = await bot.say(LEADER, LEADER, "新增贷款销号了吗")
        assert closed.text.startswith("➤ 第12项 新增贷款：已销号（2021-01-15）\n")
        # in a conversation, "销号了吗" asks about the last target
        await bot.say(LEADER, LEADER, "耕地保护怎么样")
        open_one = await bot.say(LEADER, LEADER, "销号了吗")
        assert open_one.text.startswith(
            "➤ 第16项 耕地保护：未销号（未完成，完成并有佐证材料后可销号）"
        )
        listed = await bot.say(LEADER, LEADER, "哪些已销号")
        assert listed.text.startswith(
            "已销号的目标（共1项）：\n🟢 12. 新增贷款：超额完成，已销号（"
        )
        # when the data was last updated: the stamp the last audited change left (before: 时限)
        updated = (await bot.say(LEADER, LEADER, "台账数据最近一次更新是什么时候")).text
        assert updated.startswith("➤ 2020年台账最近一次更新 "), updated
        # The seeded import is stamped when the test session starts: after midnight (Asia/Shanghai)
        # that is another day than the change's, so only the changed target is sure to be listed.
        assert "当天更新的有第12项 新增贷款" in updated and "时限" not in updated
        # "还没销号" is the done targets waiting for closure, not every open one (before, all 66)
        waiting = await bot.say(LEADER, LEADER, "哪些还没销号")
        assert waiting.text.startswith("已完成、尚未销号的目标（另有21项未完成，")
        assert "新增贷款" not in waiting.text and "耕地保护" not in waiting.text
        held = await bot.say(LEADER, LEADER, "哪些有佐证材料")
        assert held.text == (
            "有佐证材料的目标（共1项）：\n"
            "🟢 12. 新增贷款：超额完成，已销号（2021-01-15）（县金融工作局） · 佐证材料1份"
        )
        for question in ("本周有什么变化", "最近更新了哪些"):
            changed = (await bot.say(LEADER, LEADER, question)).text.splitlines()
            assert changed[0].endswith("有变化的目标（共1项）："), question
            assert changed[1].startswith("🟢 12. 新增贷款：超额完成，已销号（"), question
            assert changed[1].endswith("更新3处"), question  # 完成值, 数据时点, 销号
