"""What using the bot found (h-trial12), over HTTP against the fake Bot API.

"新增贷款和固投怎么样" answered 新增贷款 alone: a subject gap (贷…投) let 新增贷款 cover the whole
question, which was taken for one target whose own name holds the 和 (企业上云和技改). A name
holds the 和 only when the phrase the question shares with it does; both cards now come.

"年底前能完成吗" (or "今年能完成吗", "能不能完成") right after a target opened another target whose
text says 年底前, or the summary: when it is to be done, asked of the target just talked about,
now answers that target, as "能按期完成吗" did.

"最近一周有什么变化", "一周以来有什么新进展" and "这一周数据有什么变动" were "没有找到", where
"最近有什么变化" listed what changed: they are now the same list.

"比较一下新增贷款和普惠金融" gave the two cards without comparing them: the comparison asked
before the targets now sets their ratios side by side, as "…哪个完成得好" after them did.

A unit's file captioned "/report 35" alone was answered with the usage and thrown away, and one
captioned "/report 35 佐证材料" (见附件, 验收照片) became a progress report whose approval appends
"（…补充）佐证材料" to the target's 进展: a caption that only names the file now keeps the file as
the target's evidence, with nothing to approve.

"耕地保护怎么样" → "责任人是谁" gave the card without the units it asks for (only 谁负责 and the
like led with them); "固投是全省第几" gave the card without its rank, which "固投排第几" leads
with; "现在是哪一年的台账" opened 第43项 一村一法律顾问 and "有几年的台账" was "没有找到": they
now name the current year and every year the database holds.

/unmatched kept offering "设为别名" for questions the bot had since learned to answer (an alias
added with /alias, a newer release): a press would tie the whole question to one target. A
question answered well now is left out of the list.

"这几个谁负责" after a list of more than one page gave the list's status lines again, paged,
under the title "刚才这24项的责任单位": the units asked for were only on the answer the chat threw
away. The answer is now sent as the core wrote it, one line of units per target.
"""

from __future__ import annotations

from bot.app.reminders import subscribe
from tests.auxil.bot_harness import ADMIN, bot_config, keyboard, running_bot
from tests.auxil.reminder_harness import reports

LEADER = 902


async def test_two_targets_asked_together_are_both_answered(config, engine, fake):
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 李县长")
        for question in ("新增贷款和固投怎么样", "新增贷款、固投怎么样"):
            both = await bot.say(LEADER, LEADER, question)
            assert both.text.startswith("第12项 新增贷款：🟢超额完成"), (question, both.text)
            assert "\n\n第1项 固定资产投资：" in both.text, (question, both.text)
        one = await bot.say(LEADER, LEADER, "企业上云和技改怎么样")  # one name holding 和
        assert "第9项 企业上云和技改：" in one.text and "\n\n第" not in one.text, one.text


async def test_whether_it_will_be_done_by_years_end_follows_the_target(config, engine, fake):
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 李县长")
        for follow_up in ("年底前能完成吗", "今年能完成吗", "年底之前能不能完成", "能否完成"):
            await bot.say(LEADER, LEADER, "敬老院建好了吗")
            answer = await bot.say(LEADER, LEADER, follow_up)
            assert answer.text.startswith("第3项 中心敬老院："), (follow_up, answer.text)


async def test_a_weeks_changes_asked_in_words(config, engine, fake):
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 李县长")
        asked = await bot.say(ADMIN, ADMIN, "/set 12 新增贷款 25.1亿元 截至2020年12月31日")
        [[(_, confirm), _]] = keyboard(asked.sent[0])
        await bot.press(ADMIN, ADMIN, asked.message_id, confirm)
        for question in ("最近一周有什么变化", "一周以来有什么新进展", "这一周数据有什么变动"):
            changed = await bot.say(LEADER, LEADER, question)
            assert changed.text.startswith("最近7天（"), (question, changed.text)
            assert "🟢 12. 新增贷款：超额完成（县金融工作局） · " in changed.text, changed.text
        card = await bot.say(LEADER, LEADER, "新增贷款有什么新进展")  # one target's progress
        assert card.text.startswith("第12项 新增贷款：🟢超额完成"), card.text


async def test_a_comparison_asked_before_the_targets(config, engine, fake):
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 李县长")
        compared = await bot.say(LEADER, LEADER, "比较一下新增贷款和普惠金融")
        assert compared.text.startswith(
            "对比（完成率取每项目标完成率最低的指标）：\n"
            "🟢 12. 新增贷款：174.5%（超额完成）\n"
            "🟢 14. 普惠金融：117.4%（超额完成）\n"
            "结论：新增贷款完成率领先。"
        ), compared.text


async def test_a_file_captioned_with_its_target_alone_is_kept_as_evidence(config, engine, fake):
    group, member = -1003301, 503
    subscribe(engine, "县卫健委", group, actor="tg:42")
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        captions = (
            "/report 35",
            "/report 35 佐证材料",
            "/report 35 见附件",
            "/report 35 验收照片",
        )
        for n, caption in enumerate(captions, start=1):
            sent = await bot.send_file(
                group, member, b"%PDF-1.4 " + bytes([n]), kind="document",
                filename=f"验收{n}.pdf", caption=caption, chat_type="supergroup",
            )  # fmt: skip
            kept = f"已保存第35项的佐证材料：验收{n}.pdf（PDF，10B），该项共{n}份。"
            assert sent.texts == [kept], (caption, sent.texts)
        assert reports(engine) == []  # nothing to approve, no "补充）佐证材料" in 进展
        words = await bot.send_file(
            group, member, b"%PDF-1.4 w", kind="document", filename="进展.pdf",
            caption="/report 35 肺功能检测仪已配备到位", chat_type="supergroup",
        )  # fmt: skip
        assert words.texts[0].startswith("已收到第35项的进展报送（编号1），待督查局审核：")
        assert words.texts[1].startswith("已保存第35项的佐证材料：进展.pdf")


async def test_who_is_in_charge_a_rank_and_the_years_held_in_a_leaders_words(config, engine, fake):
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 李县长")
        await bot.say(LEADER, LEADER, "耕地保护怎么样")
        units = await bot.say(LEADER, LEADER, "责任人是谁")
        assert units.text.startswith("➤ 责任单位：县自然资源局"), units.text
        rank = await bot.say(LEADER, LEADER, "固投是全省第几")
        assert rank.text.startswith("➤ 全市排名 3位，1-11月\n第1项 固定资产投资："), rank.text
        for question in ("现在是哪一年的台账", "有几年的台账", "当前年度是哪年"):
            years = await bot.say(LEADER, LEADER, question)
            assert years.text == (
                "当前台账：2020年 2020年县工作责任目标台账，共66项目标。\n"
                "数据库中共有1个年度：2020年（66项）。"
            ), (question, years.text)
        own = await bot.say(LEADER, LEADER, "新增贷款是哪一年的数据")  # one target's figures
        assert own.text.startswith("第12项 新增贷款：")


async def test_unmatched_leaves_out_questions_answered_well_now(config, engine, fake):
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 李县长")
        for question in ("金融活水怎么样", "乡村振兴示范村怎么样"):
            await bot.say(LEADER, LEADER, question)
        before = await bot.say(ADMIN, ADMIN, "/unmatched")
        assert "· 金融活水怎么样" in before.text and "· 乡村振兴示范村怎么样" in before.text
        asked = await bot.say(ADMIN, ADMIN, "/alias 12 金融活水")
        [[(_, confirm), _]] = keyboard(asked.sent[0])
        await bot.press(ADMIN, ADMIN, asked.message_id, confirm)
        after = await bot.say(ADMIN, ADMIN, "/unmatched")
        assert "金融活水" not in after.text, after.text
        assert "· 乡村振兴示范村怎么样" in after.text, after.text


async def test_the_units_of_a_long_list_are_not_its_status_pages(config, engine, fake):
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 李县长")
        listed = await bot.say(LEADER, LEADER, "哪些超额完成了")
        assert listed.text.startswith("超额完成的目标（第1/3页，共24项）")
        units = await bot.say(LEADER, LEADER, "这几个谁负责")
        assert units.text.startswith(
            "刚才这24项的责任单位：\n第9项 企业上云和技改：县工信局(牵头,推定)"
        ), units.text
        assert len(units.text.splitlines()) == 25 and not keyboard(units.sent[0]), units.text
