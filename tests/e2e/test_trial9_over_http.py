"""Session 28's trial of the bot as a leader, an admin and a unit would use it, over HTTP
against the fake Bot API, on a fresh database holding the 2020 ledger (its year closed)."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, select

from bot.app.reminders import subscribe
from bot.render.ledger_toml import load_ledger_file
from bot.store.ledger_import import load_ledger
from bot.store.models import AuditEntry, utc_now
from tests.auxil.bot_harness import ADMIN, bot_config, keyboard, running_bot

GROUP = -1003000  # 县住建局's unit group
MEMBER = 501
GROUP_KW = {"chat_type": "supergroup"}


async def test_a_comparison_after_a_list_and_a_target_compares_that_target(config, engine, fake):
    # Before, "和去年比" after "哪些没完成" and then "固投排第几" answered 第16项 耕地保护, the
    # list's first entry: the target was looked up as "第1项", which a list open in the
    # conversation reads as its first entry.
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        listed = await bot.say(ADMIN, ADMIN, "未完成的有哪些")
        assert listed.text.startswith("未完成的目标（共3项）"), listed.text
        await bot.say(ADMIN, ADMIN, "固投排第几")
        compared = await bot.say(ADMIN, ADMIN, "和去年比")
        assert compared.text.startswith("第1项 固定资产投资"), compared.text
        assert "同比：数据库中没有2019年的台账" in compared.text, compared.text
        # the list is still there to step through
        second = await bot.say(ADMIN, ADMIN, "第二个呢")
        assert second.text.startswith("第35项 慢阻肺防治"), second.text


async def test_units_ranked_by_a_word_before_them_are_the_red_yellow_green_board(
    config, engine, fake
):
    # Before, "完成最差的单位" answered 第62项 节能减煤 (the target the words scored), though
    # "哪个单位最差" gave the units worst first.
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        for question in ("完成最差的单位", "排名靠后的部门有哪些"):
            worst = await bot.say(ADMIN, ADMIN, question)
            assert worst.text.startswith("各责任单位完成情况（最差的在前）"), worst.text
        best = await bot.say(ADMIN, ADMIN, "完成得最好的单位是哪个")
        assert best.text.startswith("各责任单位完成情况（最好的在前）"), best.text


async def test_last_months_changes_are_the_changes_of_the_month_before(config, engine, fake):
    # Before, "上个月更新了什么" answered 第16项 耕地保护, though "本月更新了哪些" listed the
    # month's changes from the audit trail.
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        quiet = await bot.say(ADMIN, ADMIN, "上个月更新了什么")
        assert quiet.text.startswith("上个月（") and "台账没有变化" in quiet.text, quiet.text
        asked = await bot.say(ADMIN, ADMIN, "/set 12 新增贷款 25亿元 截至12月底")
        [[(_, data), _]] = keyboard(asked.sent[0])
        await bot.press(ADMIN, ADMIN, asked.message_id, data)
        month_ago = utc_now().replace(day=1, hour=12) - dt.timedelta(days=10)
        with Session(engine) as session:
            for entry in session.exec(select(AuditEntry).where(AuditEntry.target_number == 12)):
                entry.at = month_ago
                session.add(entry)
            session.commit()
        changed = await bot.say(ADMIN, ADMIN, "上个月更新了什么")
        head, line = changed.text.splitlines()[:2]
        assert head.startswith("上个月（") and head.endswith("有变化的目标（共1项）："), head
        assert line.startswith("🟢 12. 新增贷款") and line.endswith("更新2处"), line


async def test_who_is_responsible_for_a_named_target_is_no_list(config, engine, fake):
    # Before, "新增贷款有没有达到目标，哪个单位负责" listed the three 未完成 targets: 哪个 was
    # read as a list cue and 没达到 as the status asked for, though the question names loans.
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        for question in ("新增贷款有没有达到目标，哪个单位负责", "造林没完成，是哪个部门负责"):
            reply = await bot.say(ADMIN, ADMIN, question)
            assert reply.text.startswith("➤ 责任单位："), (question, reply.text)
        loans = await bot.say(ADMIN, ADMIN, "新增贷款有没有达到目标，哪个单位负责")
        assert "第12项 新增贷款" in loans.text, loans.text
        # naming no target, the same words still ask for a list
        listed = await bot.say(ADMIN, ADMIN, "没完成的是哪个单位负责的")
        # 2020 is closed: not done at its end, 推进中 too
        assert listed.text.startswith("2020年度结束时，没有完成的目标（共4项）"), listed.text


async def test_a_county_branch_is_found_by_the_body_people_name_it_by(config, engine, fake):
    # Before, "生态环境局负责的" was told the ledger names no such unit (it names
    # 市生态环境局西平分局), and "人行负责哪些" (人行西平县支行) matched nothing.
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        env = await bot.say(ADMIN, ADMIN, "生态环境局负责的")
        assert env.text.startswith("市生态环境局西平分局负责的目标（共3项）"), env.text
        bank = await bot.say(ADMIN, ADMIN, "人行负责哪些")
        assert bank.text.startswith("人行西平县支行负责的目标（共3项）"), bank.text
        power = await bot.say(ADMIN, ADMIN, "供电公司负责的目标")
        assert power.text.startswith("国网西平县供电公司负责的目标（共2项）"), power.text


async def test_a_figure_dated_from_today_is_stored_as_that_day_and_never_ahead(
    config, engine, fake
):
    # Before, "/set 12 新增贷款 30 昨天" stored "昨天" as the figure's as-of words (another day
    # by tomorrow, and no day the 序时进度 rules read), and "明天" or "2030-01-01" were taken.
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        day = config.current_date()
        before = day - dt.timedelta(days=1)
        asked = await bot.say(ADMIN, ADMIN, "/set 12 新增贷款 30亿元 昨天")
        assert f"数据时点：截止12月底 → 截至{before.year}年{before.month}月{before.day}日" in (
            asked.text
        ), asked.text
        for ahead in ("明天", "2030-01-01"):
            refused = await bot.say(ADMIN, ADMIN, f"/set 12 新增贷款 30亿元 {ahead}")
            assert refused.text.startswith("数据时点“截至"), refused.text
            assert f"在今天（{day.isoformat()}）之后" in refused.text, refused.text


async def test_the_problems_asked_after_across_the_ledger_are_the_targets_at_risk(
    config, engine, fake
):
    # Before, "存在哪些问题" and "有什么问题" answered 第16项 耕地保护 alone (the one target
    # whose text writes 问题), though "有问题的" listed the targets to watch.
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        for question in ("存在哪些问题", "目前还有什么问题"):
            reply = await bot.say(ADMIN, ADMIN, question)
            assert reply.text.startswith("需要盯紧的目标（"), (question, reply.text)
        one = await bot.say(ADMIN, ADMIN, "耕地保护存在什么问题")
        assert one.text.startswith("第16项 耕地保护"), one.text


async def test_a_units_figure_is_dated_as_the_admins_is_and_progress_is_no_day(
    config, engine, fake
):
    # Before, a unit's "/report 30 新建停车位 520个 已全部完工" proposed 数据时点 “已全部完工”,
    # "/set 12 新增贷款 30亿元 已完成" stored 已完成 as the day the figure is counted to, and a
    # unit's "… 昨天" / "… 明天" stood as typed.
    subscribe(engine, "县住建局", GROUP, actor="tg:42")
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        words = await bot.say(GROUP, MEMBER, "/report 30 新建停车位 520个 已全部完工", **GROUP_KW)
        assert "完成值：500个 → 520个" in words.text, words.text
        assert "数据时点" not in words.text, words.text
        day = config.current_date() - dt.timedelta(days=1)
        dated = await bot.say(GROUP, MEMBER, "/report 30 新建停车位 520个 昨天", **GROUP_KW)
        assert f"数据时点：— → 截至{day.year}年{day.month}月{day.day}日" in dated.text, dated.text
        ahead = await bot.say(GROUP, MEMBER, "/report 30 新建停车位 520个 明天", **GROUP_KW)
        assert "之后，还没有这一天的数据" in ahead.text, ahead.text
        refused = await bot.say(ADMIN, ADMIN, "/set 12 新增贷款 30亿元 已完成")
        assert refused.text.startswith("“已完成”不是数据时点。"), refused.text
        assert "/note 12" in refused.text, refused.text


async def test_a_figure_far_beyond_its_target_asks_the_approver_to_check_it(config, engine, fake):
    # Before, "/set 12 新增贷款 2443" (meant as 万元; the indicator keeps 亿元) and a unit's
    # "新建改扩建幼儿园 9999999所" against a target of 6 were shown for 确认 like any figure.
    subscribe(engine, "县住建局", GROUP, actor="tg:42")
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        slip = await bot.say(ADMIN, ADMIN, "/set 12 新增贷款 2443")
        assert "（是目标14亿元的174倍，请核对数值和单位）" in slip.text, slip.text
        unit = await bot.say(GROUP, MEMBER, "/report 26 新建改扩建幼儿园 9999999所", **GROUP_KW)
        assert "（是目标6所的1666666倍，请核对数值和单位）" in unit.text, unit.text
        listing = await bot.say(ADMIN, ADMIN, "/pending")
        assert "1666666倍" in listing.text, listing.text
        fine = await bot.say(ADMIN, ADMIN, "/set 12 新增贷款 30亿元")
        assert "请核对" not in fine.text, fine.text


JOBS_2021 = """
[meta]
year = 2021
title = "2021年县工作责任目标台账"
preamble = "测试用。"
default_deadline = "2021-12-31"

[[targets]]
number = 1
title = "城镇新增就业"
category = "民生保障"
target_text = "截至9月底实现新增就业2.1万人,完成全年目标任务的91.3%,零就业家庭动态清零;"
progress_text = ""

[[targets.units]]
name = "县人社局"
role = "lead"
source = "inferred"
"""


async def test_a_target_of_the_same_title_last_year_is_that_target(config, engine, fake, tmp_path):
    # Before, "那去年呢" after 2021's 城镇新增就业 said the 2020 ledger had no such target, though
    # its 第58项 is titled 城镇新增就业: the two years' texts share too few words.
    path = tmp_path / "jobs_2021.toml"
    path.write_text(JOBS_2021, encoding="utf-8")
    load_ledger(engine, load_ledger_file(path), source=path.name)
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, "城镇新增就业怎么样")
        last_year = await bot.say(ADMIN, ADMIN, "那去年呢")
        assert last_year.text.startswith("【2020年】第58项 城镇新增就业"), last_year.text
        await bot.say(ADMIN, ADMIN, "第1项")
        compared = await bot.say(ADMIN, ADMIN, "和去年比")
        assert "同比（2020年第58项“城镇新增就业”）" in compared.text, compared.text


async def test_stepping_past_either_end_of_a_list_says_where_it_ends(config, engine, fake):
    # Before, "下一个" after the last entry of "哪些没完成" said no list was open ("没有可以接着
    # 看的清单项：请先查一个清单"), though "上一个" then stepped back through it.
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, "未完成的有哪些")
        await bot.say(ADMIN, ADMIN, "第三个呢")
        past = await bot.say(ADMIN, ADMIN, "下一个")
        assert past.text.startswith("这已是刚才清单的最后一项（共3项）"), past.text
        back = await bot.say(ADMIN, ADMIN, "上一个")
        assert back.text.startswith("第35项 慢阻肺防治"), back.text


async def test_the_completion_rate_asked_after_a_target_is_that_targets(config, engine, fake):
    # Before, "完成率多少" right after "新增贷款怎么样" answered the whole ledger's summary.
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, "新增贷款怎么样")
        for follow_up in ("完成率多少", "完成比例呢"):
            reply = await bot.say(ADMIN, ADMIN, follow_up)
            assert reply.text.startswith("第12项 新增贷款"), (follow_up, reply.text)
            assert "（174.5%）" in reply.text, reply.text
        await bot.say(ADMIN, ADMIN, "/grant 901 王局长")
        alone = await bot.say(901, 901, "完成率多少")  # a chat with nothing talked about yet
        assert alone.text.startswith("2020年县工作责任目标台账：共66项"), alone.text


async def test_an_alias_no_question_could_find_is_refused(config, engine, fake):
    # Before, "/alias 12 贷", "/alias 12 哪些" and "/alias 12 完成了吗" were proposed and applied,
    # and asking "贷" found nothing, while "哪些"/"完成了吗" are what every question says.
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        short = await bot.say(ADMIN, ADMIN, "/alias 12 贷")
        assert short.text.startswith("别名“贷”太短"), short.text
        for word in ("哪些", "完成了吗"):
            asked = await bot.say(ADMIN, ADMIN, f"/alias 12 {word}")
            assert asked.text.startswith(f"“{word}”是提问时常用的词"), asked.text
            assert not keyboard(asked.sent[0]), asked.text
        fine = await bot.say(ADMIN, ADMIN, "/alias 12 放款额")
        assert fine.text.startswith("请确认以下修改：\n第12项 新增别名：放款额"), fine.text


async def test_next_year_asked_after_is_said_to_be_not_held(config, engine, fake):
    # Before, "明年的新增贷款" was "抱歉，台账中没有找到与这个问题对应的目标" (and offered as an
    # alias), though "2021年的新增贷款" said the database holds no such year.
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        reply = await bot.say(ADMIN, ADMIN, "明年的新增贷款")
        assert reply.text.startswith("数据库中没有2021年的台账（现有：2020年）"), reply.text


async def test_a_unit_asked_after_with_na_is_that_units_list(config, engine, fake):
    # Before, "那财政局呢" after "民政局负责哪些" offered targets 43 and 54 to choose from and
    # "那住建局的呢" found nothing: the 那 of a follow-up was read as words besides the unit.
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, "民政局负责哪些")
        money = await bot.say(ADMIN, ADMIN, "那财政局呢")
        assert money.text.startswith("县财政局负责的目标"), money.text
        housing = await bot.say(ADMIN, ADMIN, "那住建局的呢")
        assert housing.text.startswith("县住建局负责的目标（共7项）"), housing.text


async def test_the_responsible_units_asked_after_are_named_with_their_counts(config, engine, fake):
    # Before, "责任单位有哪些" offered 第62项 and 第16项 to choose from, and "一共有多少个单位"
    # answered the ledger's summary of targets.
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        for question in ("责任单位有哪些", "一共有多少个单位"):
            reply = await bot.say(ADMIN, ADMIN, question)
            assert reply.text.startswith("2020年台账共有"), (question, reply.text)
            assert "个责任单位（按负责的目标数，含配合）：县财政局16项、" in reply.text, reply.text
        listed = await bot.say(ADMIN, ADMIN, "哪些单位没完成")
        assert listed.text.startswith("2020年度结束时，没有完成的目标（共4项）"), listed.text


async def test_a_statuss_share_of_the_ledger_is_answered_as_a_count_and_share(
    config, engine, fake
):
    # Before, "超额完成的占比多少" answered 第31项 监控点位建设 and "未完成的占比" 第54项.
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        over = await bot.say(ADMIN, ADMIN, "超额完成的占比多少")
        assert over.text == "超额完成24项，占全部66项的36.4%。", over.text
        done = await bot.say(ADMIN, ADMIN, "完成的比例是多少")
        assert done.text == "已完成（含超额完成）45项，占全部66项的68.2%。", done.text
        missed = await bot.say(ADMIN, ADMIN, "未完成的占比")
        assert missed.text == "未完成3项，占全部66项的4.5%。", missed.text
        loans = await bot.say(ADMIN, ADMIN, "新增贷款完成的比例")
        assert loans.text.startswith("第12项 新增贷款"), loans.text


async def test_a_slip_in_a_units_name_lists_the_one_unit_it_is_close_to(config, engine, fake):
    # Before, "民证局负责哪些" was told the ledger names no "民证局" and given eight units
    # picked by the length of their names.
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        slip = await bot.say(ADMIN, ADMIN, "民证局负责哪些")
        assert slip.text.startswith("县民政局（“民证局”）负责的目标（共7项）："), slip.text
        paged = await bot.say(ADMIN, ADMIN, "发该委负责的")
        assert paged.text.startswith("县发改委（“发该委”）负责的目标（第1/2页，共13项）"), (
            paged.text
        )
        none = await bot.say(ADMIN, ADMIN, "档案局负责哪些")
        assert none.text.startswith("台账中没有“档案局”负责的目标。"), none.text
