"""What using the bot found (h-trial11), over HTTP against the fake Bot API.

A leader who types "下一页" or "第二页" under a long list, instead of pressing ▶, got a target
the words happened to match ("下一页" opened the list's second entry, "第二页" offered 第49项 and
第19项 to choose from, "上一页" was "没有找到"): the words now turn the list's pages.

A closed year's 督查通报 written today said "11月30日以来" under "数据截至2020-12-31": read as
a day of 2020, though it counts the changes of the week before today; it now writes the year.

An admin who wrote the current year before the number ("/alias 2020 12 放款额" while 2020 is the
current year) was told changes go only to the current year (2020) and to export and re-import
2020's ledger to correct it: the year is the one changes go to, so the change is proposed.

A change asked for in words ("把新增贷款改成26亿元") was answered with the target's card alone, the
old figure in it and no word that nothing had changed: an admin could take it for done. The answer
now says so first, with the command that makes the change (or whom to ask, for a viewer).

"按完成率排一下" offered two targets to choose from (第59项, 第38项): a sort by completion is the
ranking "完成率最高的" gives, lowest first when "从低到高" is said.

"/due 60" listed its targets by number with no date, where "这个月到期的" asked in words shows each
one's deadline and days left: /due now lists them soonest first, each with its deadline.

A category named with nothing else but how it goes ("生态环境怎么样", "安全稳定怎么样",
"民生完成得咋样") was "没有找到" or a target that writes the word (老旧小区改造 for 民生): only
"生态环境方面" listed the category. It is now that category's list.

"/status 16 自动" asked to confirm "状态：未完成 → 自动" without saying what 自动 would make it:
the admin clearing an override now sees the status the figures give before confirming.

Paperwork asked for in words ("给我发个报告" answered 第20项 市重点项目, whose indicator says
报告口径; "导出表格" and "画个图" were "没有找到") is now made by its command, as /report,
/export xlsx and /chart make it; the 督查通报, which numbers an issue, is only named.

"这三个谁负责" after several targets (or a list) offered three unrelated targets to choose from:
it now names each listed target's units (deadlines, gaps) one line each.

The 详情 card (and `show`) wrote an open deadline bare ("时限：2020-12-31 年底前") where the answer
above it says "（剩余72天）": it now says how each deadline stands, as the answer does.

"下一个" right after a list was told "没有可以接着看的清单项：请先查一个清单", about the list just
shown: it now opens the list's first entry, and steps on from there.

"慢阻肺还差什么" answered "➤ 差距：慢阻肺筛查已达标" above a card saying 未完成: the two indicators
with targets and no figures were left out. The gap line now names them ("暂无完成数：…").

"新增贷款的变更记录" and "新增贷款谁改的" showed the card, not who changed what: they now answer
with the target's audit trail, as /history 12 does.

"有没有需要我关注的" was "没有找到" (only "需要关注的" was at risk), and "最近谁改过数据" offered
two targets to choose from: they are now the at-risk list and the list of what changed lately.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from tests.auxil.bot_harness import ADMIN, bot_config, keyboard, running_bot

LEADER = 901
DONE = "超额完成的目标"


async def test_a_leader_typing_next_page_under_a_long_list_gets_its_pages(config, engine, fake):
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 王局长")
        nothing = await bot.say(LEADER, LEADER, "下一页")
        assert nothing.text.startswith("没有可以翻页的清单：请先查一个清单")

        first = await bot.say(LEADER, LEADER, "哪些超额完成了")
        assert first.text.startswith(f"{DONE}（第1/3页，共24项）：\n🟢 9. 企业上云和技改")
        second = await bot.say(LEADER, LEADER, "下一页")
        assert second.text.startswith(f"{DONE}（第2/3页，共24项）：")
        assert [label for label, _ in keyboard(second.sent[0])[0]] == ["◀ 上一页", "下一页 ▶"]
        third = await bot.say(LEADER, LEADER, "第三頁")  # in Traditional characters too
        assert third.text.startswith(f"{DONE}（第3/3页，共24项）：")
        beyond = await bot.say(LEADER, LEADER, "下一页")
        assert beyond.text.startswith("已经是最后一页（共3页）")
        back = await bot.say(LEADER, LEADER, "上一页")
        assert back.text.startswith(f"{DONE}（第2/3页，共24项）：")

        # a target opened from the list keeps the list's pages to turn
        await bot.say(LEADER, LEADER, "新增贷款")
        again = await bot.say(LEADER, LEADER, "第一页")
        assert again.text.startswith(f"{DONE}（第1/3页，共24项）：")
        # ▶ pressed, then "下一页" typed: the page after the one the button showed
        [[(_, data)]] = keyboard(again.sent[0])
        await bot.press(LEADER, LEADER, again.message_id, data)
        after_press = await bot.say(LEADER, LEADER, "下一页")
        assert after_press.text.startswith(f"{DONE}（第3/3页，共24项）：")

        short = await bot.say(LEADER, LEADER, "未完成的有哪些")
        assert short.text.startswith("未完成的目标（共3项）")
        one_page = await bot.say(LEADER, LEADER, "下一页")
        assert one_page.text == "刚才的清单只有一页（共3项），没有下一页。"


async def test_a_closed_years_bulletin_names_the_year_its_changes_are_counted_from(
    config, engine, fake
):
    unpinned = dataclasses.replace(config, today=None)  # 2020 has closed: today is real
    async with running_bot(bot_config(unpinned, fake), engine, fake) as bot:
        exchange = await bot.say(ADMIN, ADMIN, "/report 通报")
        text = exchange.texts[0]
        assert "第1期（数据截至2020-12-31，2020年度已结束）" in text
        # the week before the day it is written, which is not in 2020
        start = unpinned.current_date() - dt.timedelta(days=7)
        since = f"{start.year}年{start.month}月{start.day}日以来"
        assert f"二、进展变化\n{since}，" in text, text


async def test_a_leader_asking_its_rank_by_pronoun_is_told_of_the_rank(config, engine, fake):
    # Before, "那它排第几" after 人均可支配收入 sent the card alone, with no word of a rank,
    # while "排第几" said the ledger holds none.
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 王局长")
        await bot.say(LEADER, LEADER, "人均可支配收入")
        none = await bot.say(LEADER, LEADER, "那它排第几")
        assert none.text.startswith(
            "➤ 排名：台账中没有这项目标的排名数据\n第66项 人均可支配收入"
        ), none.text
        await bot.say(LEADER, LEADER, "固投")
        stated = await bot.say(LEADER, LEADER, "它排第几")
        # its rank indicator leads, as after "固投排第几"
        assert stated.text.startswith("➤ 全市排名 3位，1-11月\n第1项 固定资产投资"), stated.text


async def test_an_admin_naming_the_current_year_before_the_number_gets_the_change(
    config, engine, fake
):
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        alias = await bot.say(ADMIN, ADMIN, "/alias 2020 12 放款额")
        assert alias.text == "请确认以下修改：\n第12项 新增别名：放款额", alias.text
        [[(_, confirm), _]] = keyboard(alias.sent[0])
        await bot.press(ADMIN, ADMIN, alias.message_id, confirm)
        asked = await bot.say(ADMIN, ADMIN, "放款额")
        assert asked.text.startswith("第12项 新增贷款：🟢超额完成"), asked.text
        note = await bot.say(ADMIN, ADMIN, "/note 2020 12 已督办")
        assert note.text.startswith("请确认以下修改：\n第12项 进展情况：追加“"), note.text
        missing = await bot.say(ADMIN, ADMIN, "/set 2020 99 新增贷款 25亿元")
        assert missing.text.startswith("2020年台账中没有第99项目标（共66项）。"), missing.text
        bare = await bot.say(ADMIN, ADMIN, "/set 2020")
        assert bare.text.startswith("修改总是针对当前年度（2020年）的台账，不用写年份"), bare.text
        assert "python main.py export" not in bare.text + missing.text


async def test_a_change_asked_in_words_says_nothing_changed_and_how_to_change_it(
    config, engine, fake
):
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 王局长")
        figure = await bot.say(ADMIN, ADMIN, "把新增贷款改成26亿元")
        assert figure.text.startswith(
            "➤ 提问不会修改台账。要修改，请发送：/set 12 新增贷款 26亿元（确认后生效）\n"
        ), figure.text
        assert "新增贷款 24.43亿元 / 目标14亿元" in figure.text  # the figure as it stands
        status = await bot.say(ADMIN, ADMIN, "耕地保护改为已完成")
        assert status.text.startswith(
            "➤ 提问不会修改台账。要修改，请发送：/status 16 已完成 理由（确认后生效）\n"
        ), status.text
        viewer = await bot.say(LEADER, LEADER, "新增贷款的完成值改成26亿")
        assert viewer.text.startswith(
            "➤ 提问不会修改台账。修改数据请联系县督查局管理员；责任单位可用 /report 报送进展。\n"
        ), viewer.text
        plain = await bot.say(LEADER, LEADER, "新增贷款改成多少了")  # a question, no change
        assert "第12项 新增贷款：🟢超额完成" in plain.text and "不会修改" not in plain.text
        history = await bot.say(ADMIN, ADMIN, "/history 12")
        assert history.text.startswith("第12项暂无变更记录"), history.text


async def test_a_leader_asking_to_sort_by_completion_gets_the_ranking(config, engine, fake):
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 王局长")
        best = "完成率最高的目标（每项目标取完成率最低的指标，前10项）：\n🟢 28. 文化下乡：398.0%"
        for asked in ("按完成率排一下", "按完成率排序", "按进度排名"):
            sorted_ = await bot.say(LEADER, LEADER, asked)
            assert sorted_.text.startswith(best), (asked, sorted_.text)
        low = await bot.say(LEADER, LEADER, "按完成率从低到高排")
        assert low.text.startswith("已判定未完成或滞后的目标（完成率未能体现，3项）："), low.text
        assert "完成率最低的目标（每项目标取完成率最低的指标，前7项）：" in low.text


async def test_due_lists_each_target_with_its_deadline_soonest_first(config, engine, fake):
    october = dataclasses.replace(config, today=dt.date(2020, 10, 20))
    async with running_bot(bot_config(october, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 王局长")
        soon = await bot.say(LEADER, LEADER, "/due 15")
        assert soon.text == (
            "未来15天内（至2020-11-04）到期的目标：没有。\n"
            "下一个到期日是2020-12-31（72天后），届时12项目标到期；发送 /due 72 可列出。"
        )
        moved = await bot.say(ADMIN, ADMIN, "/deadline 30 2020-11-30 11月底前")
        [[(_, confirm), _]] = keyboard(moved.sent[0])
        await bot.press(ADMIN, ADMIN, moved.message_id, confirm)
        later = await bot.say(LEADER, LEADER, "/due 90")
        lines = later.text.splitlines()
        assert lines[0].startswith("未来90天内（至2021-01-18）到期的目标（第1/"), later.text
        # 30's new 11月底前 comes first, though 1, 2, 6… come before it by number
        assert lines[1] == "🟢 30. 新建停车位：已完成（县住建局） · 2020-11-30到期"
        assert lines[2].startswith(
            "⚪ 1. 固定资产投资：暂无数据（县发改委） · 2020-12-31（剩余72天）"
        )
        assert all(" · 2020-1" in line for line in lines[1:-1]), later.text


async def test_a_leader_asking_how_a_category_goes_gets_its_targets(config, engine, fake):
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 王局长")
        for asked, heading in (
            ("生态环境怎么样", "生态环境领域的目标（共6项）："),
            ("安全稳定怎么样", "安全稳定领域的目标（共3项）："),
            ("民生完成得咋样", "民生保障领域的目标（第1/2页，共14项）："),
            ("经济发展的情况", "经济发展领域的目标（第1/3页，共24项）："),
        ):
            listed = await bot.say(LEADER, LEADER, asked)
            assert listed.text.startswith(heading), (asked, listed.text)
        # the category's word inside one naming the whole ledger: the summary, as before
        whole = await bot.say(LEADER, LEADER, "民生实事总体进展如何")
        assert whole.text.startswith("2020年县工作责任目标台账：共66项"), whole.text
        # a target's own words beside the category's still name that target
        pm = await bot.say(LEADER, LEADER, "PM2.5怎么样")
        assert "第56项 大气环境质量" in pm.text, pm.text


async def test_clearing_a_status_override_says_the_status_the_figures_give(config, engine, fake):
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        cleared = await bot.say(ADMIN, ADMIN, "/status 16 自动")
        assert cleared.text.startswith("请确认以下修改：\n第16项 状态：未完成 → 自动\n"), (
            cleared.text
        )
        # 16's one measured indicator meets its target: the figures say 超额完成
        assert cleared.text.endswith("（取消人工认定后，按数据计算的状态为：超额完成）"), (
            cleared.text
        )
        kept = await bot.say(ADMIN, ADMIN, "/status 35 自动")
        assert kept.text.endswith("（取消人工认定后，按数据计算的状态为：未完成）"), kept.text
        override = await bot.say(ADMIN, ADMIN, "/status 12 滞后 资金未到位")
        assert "按数据计算" not in override.text


async def test_paperwork_asked_in_words_arrives_as_its_command_makes_it(config, engine, fake):
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 王局长")
        report = await bot.say(LEADER, LEADER, "给我发个报告")
        [sent] = report.of("sendDocument")
        assert sent.files["document"]["filename"] == "工作落实情况汇报_2021-01-15.docx"
        sheet = await bot.say(LEADER, LEADER, "导出表格")
        [sent] = sheet.of("sendDocument")
        assert sent.files["document"]["filename"].endswith(".xlsx")
        chart = await bot.say(LEADER, LEADER, "画个图")
        [sent] = chart.of("sendPhoto")
        assert sent.files["photo"]["content"].startswith(b"\x89PNG")
        bulletin = await bot.say(LEADER, LEADER, "给我发个通报")
        assert bulletin.text.startswith("督查通报由管理员发送 /report 通报 生成"), bulletin.text
        asked = await bot.say(LEADER, LEADER, "新增贷款报告")  # a target's name: that target
        assert asked.text.startswith("第12项 新增贷款"), asked.text


async def test_who_is_responsible_for_the_targets_just_listed(config, engine, fake):
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 王局长")
        await bot.say(LEADER, LEADER, "新增贷款、资本市场融资、普惠金融")
        units = await bot.say(LEADER, LEADER, "这三个谁负责")
        assert units.text.splitlines() == [
            "刚才这3项的责任单位：",
            "第12项 新增贷款：县金融工作局(牵头,推定)、人行西平县支行(配合,推定)",
            "第11项 资本市场融资：县金融工作局(牵头,推定)",
            "第14项 普惠金融：县金融工作局(牵头,推定)、人行西平县支行(配合,推定)",
        ], units.text
        await bot.say(LEADER, LEADER, "未完成的有哪些")
        due = await bot.say(LEADER, LEADER, "它们什么时候到期")
        assert due.text.startswith("刚才这3项的时限：\n第16项 耕地保护：2020-12-31"), due.text
        # one target asked about is still that one
        await bot.say(LEADER, LEADER, "新增贷款")
        one = await bot.say(LEADER, LEADER, "谁负责")
        assert one.text.startswith("➤ 责任单位：县金融工作局(牵头,推定)"), one.text


async def test_a_change_asked_in_words_of_another_year_names_the_year_changes_go_to(
    config, engine, fake
):
    from bot.config import PROJECT_ROOT
    from bot.render.ledger_toml import load_ledger_file
    from bot.store.ledger_import import load_ledger

    ledger = load_ledger_file(PROJECT_ROOT / "tests" / "data" / "ledger_2021.toml")
    load_ledger(engine, ledger, source="ledger_2021.toml")  # 2021 is now the current year
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        old = await bot.say(ADMIN, ADMIN, "把2020年的新增贷款改成26亿元")
        # never "/set 12 …", which would change 2021's target 12
        assert old.text.startswith(
            "➤ 提问不会修改台账；修改只针对当前年度（2021年）的台账。\n【2020年】第12项 新增贷款"
        ), old.text


async def test_the_detail_card_says_how_each_deadline_stands(config, engine, fake):
    october = dataclasses.replace(config, today=dt.date(2020, 10, 20))
    async with running_bot(bot_config(october, fake), engine, fake) as bot:
        asked = await bot.say(ADMIN, ADMIN, "耕地保护怎么样")
        assert "时限：2020-12-31 年底前（剩余72天）" in asked.text
        [[(label, data), _]] = keyboard(asked.sent[0])
        assert label == "详情"
        await bot.press(ADMIN, ADMIN, asked.message_id, data)
        detail = bot.shown(ADMIN, asked.message_id)
        assert "\n时限：2020-12-31 年底前（剩余72天）\n" in detail, detail
        await bot.say(ADMIN, ADMIN, "农业水价改革")  # milestones met, then the year's end
        card = await bot.say(ADMIN, ADMIN, "/target 17")
        [[(_, data), _]] = keyboard(card.sent[0])
        await bot.press(ADMIN, ADMIN, card.message_id, data)
        assert "2020-07-31 7月底前（已完成）" in bot.shown(ADMIN, card.message_id)


async def test_next_right_after_a_list_opens_its_first_entry(config, engine, fake):
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 王局长")
        await bot.say(LEADER, LEADER, "未完成的有哪些")
        first = await bot.say(LEADER, LEADER, "下一个")
        assert first.text.startswith("第16项 耕地保护：🔴未完成"), first.text
        second = await bot.say(LEADER, LEADER, "下一个")
        assert second.text.startswith("第35项 慢阻肺防治：🔴未完成"), second.text


async def test_the_gap_names_the_indicators_that_have_no_figure_yet(config, engine, fake):
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 王局长")
        gap = await bot.say(LEADER, LEADER, "慢阻肺还差什么")
        assert gap.text.startswith(
            "➤ 差距：暂无完成数：每个乡镇肺功能检测仪（目标2台）、"
            "村级医务人员筛查补助（目标33.15万元）；已达标：慢阻肺筛查 79891人/6.63万人次\n"
            "第35项 慢阻肺防治：🔴未完成"
        ), gap.text
        met = await bot.say(LEADER, LEADER, "新增贷款还差多少")
        assert met.text.startswith("➤ 差距：各项指标均已达标（新增贷款 24.43亿元/14亿元）\n"), (
            met.text
        )


async def test_a_targets_changes_asked_in_words_are_its_history(config, engine, fake):
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 王局长")
        asked = await bot.say(ADMIN, ADMIN, "/set 12 新增贷款 25.1亿元 截至2020年12月31日")
        [[(_, confirm), _]] = keyboard(asked.sent[0])
        await bot.press(ADMIN, ADMIN, asked.message_id, confirm)
        for question in ("新增贷款的变更记录", "新增贷款谁改的"):
            trail = await bot.say(LEADER, LEADER, question)
            assert trail.text.startswith("第12项变更记录（最近2条）："), (question, trail.text)
            assert "新增贷款完成值：24.43亿元 → 25.1亿元" in trail.text, trail.text
        card = await bot.say(LEADER, LEADER, "新增贷款完成了吗")  # no changes asked: the card
        assert "第12项 新增贷款：🟢超额完成" in card.text and "变更记录" not in card.text


async def test_attention_and_recent_changes_in_a_leaders_words(config, engine, fake):
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 王局长")
        watch = await bot.say(LEADER, LEADER, "有没有需要我关注的")
        assert watch.text.startswith("需要盯紧的目标（"), watch.text
        asked = await bot.say(ADMIN, ADMIN, "/set 12 新增贷款 25.1亿元 截至2020年12月31日")
        [[(_, confirm), _]] = keyboard(asked.sent[0])
        await bot.press(ADMIN, ADMIN, asked.message_id, confirm)
        changed = await bot.say(LEADER, LEADER, "最近谁改过数据")
        assert changed.text.startswith("最近7天（"), changed.text
        assert "🟢 12. 新增贷款：超额完成（县金融工作局） · " in changed.text, changed.text
