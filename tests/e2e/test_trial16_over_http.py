"""What using the bot found (h-trial16), over HTTP against the fake Bot API.

"/status 16 已完成 缺口已补齐" then "/undo" read
"认定理由：［加上“违法占用耕地比例…还存在”］缺口已补齐；缺口［“已补齐”→“3.88万亩……”］":
a reason replaced by another was diffed word by word, and the few characters the two
shared by chance made it unreadable. It reads old → new now.
"""

from __future__ import annotations

from tests.auxil.bot_harness import ADMIN, bot_config, keyboard, running_bot

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
