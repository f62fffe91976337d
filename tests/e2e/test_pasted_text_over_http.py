"""Text pasted from WeChat, Word or a web page, over HTTP against the fake Bot API: the
invisible characters it carries (zero-width space, BOM, word joiner) change nothing.

Before, the admin pasting "25.1亿元" with a zero-width space behind it was told "单位不符：
第12项“新增贷款”的单位是亿元，你输入的是亿元", and "/target 12" pasted the same way was a
usage error; a unit's report of nothing but a zero-width space was filed as an empty note.
"""

from __future__ import annotations

from bot.app.reminders import subscribe
from tests.auxil.bot_harness import ADMIN, bot_config, running_bot
from tests.auxil.reminder_harness import reports

ZWSP, BOM, JOINER = "\u200b", "\ufeff", "\u2060"
GROUP = -1003300  # 县卫健委's unit group
MEMBER = 501


async def test_invisible_characters_of_a_paste_change_nothing(config, engine, fake):
    subscribe(engine, "县卫健委", GROUP, actor="tg:42")
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        figure = await bot.say(ADMIN, ADMIN, f"/set 12 新增贷款 25.1亿元{ZWSP}")
        assert figure.text.startswith(
            "请确认以下修改：\n第12项 新增贷款 完成值：24.43亿元 → 25.1亿元"
        )
        card = await bot.say(ADMIN, ADMIN, f"{BOM}/target 12{ZWSP}")
        assert card.text.startswith("第12项 新增贷款：🟢超额完成")
        asked = await bot.say(ADMIN, ADMIN, f"新增{JOINER}贷款完成了吗{ZWSP}")
        plain = await bot.say(ADMIN, ADMIN, "新增贷款完成了吗")
        assert "第12项 新增贷款：🟢超额完成" in asked.text and asked.text == plain.text

        empty = await bot.say(GROUP, MEMBER, f"/report 35 {ZWSP}", chat_type="supergroup")
        assert empty.text.startswith("用法：/report 序号 进展或数值")
        assert reports(engine) == []
        # the zero-width joiner of an emoji is kept: it is part of what the unit wrote
        family = "已入户走访\U0001f468\u200d\U0001f469\u200d\U0001f467"
        kept = await bot.say(GROUP, MEMBER, f"/report 35 {family}", chat_type="supergroup")
        assert kept.text.startswith("已收到第35项的进展报送")
        assert [r.text for r in reports(engine)] == [family]
