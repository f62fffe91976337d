"""The answering core, question by question, and its accuracy floors on the labelled set."""

import datetime as dt
from pathlib import Path

import pytest

from bot.understanding.conversation import Conversation
from bot.understanding.evaluation import evaluate, load_eval_set
from tests.auxil.ledgers import answerer_on

QUESTIONS = Path(__file__).resolve().parents[1] / "data" / "questions.jsonl"


@pytest.fixture(scope="module")
def answerer(ledger_2020):
    return answerer_on(ledger_2020, dt.date(2020, 10, 20))


@pytest.fixture(scope="module")
def report(answerer):
    def ask(q):
        answer = answerer.ask(q)
        return answer.intent, list(answer.targets)

    return evaluate(ask, load_eval_set(QUESTIONS))


def test_eval_set_is_big_and_covers_every_target():
    items = load_eval_set(QUESTIONS)
    assert len(items) >= 300
    singles = [i for i in items if i["intent"] == "target" and len(i["targets"]) == 1]
    for number in range(1, 67):
        kinds = {i["kind"] for i in singles if i["targets"] == [number]}
        assert {"formal", "colloquial", "abbrev"} <= kinds, number
    assert sum(i["intent"] == "unknown" for i in items) >= 30


def test_accuracy_floors(report):
    # Floors sit just under the measured figures (README): a regression fails the build.
    assert report.top1_rate >= 0.96, report.misses
    assert report.top3_rate >= 0.97
    assert report.oos_rate >= 0.95
    assert report.intent_rate >= 0.97


@pytest.mark.parametrize(
    ("question", "number"),
    [
        ("第12项", 12),
        ("12号目标", 12),
        ("目标58", 58),
        ("#20", 20),
        ("第三十五项", 35),
        ("第１２项", 12),
        ("新增待款多少", 12),
        ("腾云那家公司关了吗", 5),
        ("医保参保达标没", 38),
        ("空氣質量怎麼樣", 56),
    ],
)
def test_single_target_questions(answerer, question, number):
    answer = answerer.ask(question)
    assert answer.intent == "target"
    assert answer.targets[0] == number
    assert f"第{number}项" in answer.reply


def test_reply_shows_figures_against_target(answerer):
    reply = answerer.ask("新增贷款完成了吗").reply
    assert "新增贷款 24.43亿元 / 目标14亿元（174.5%）" in reply
    assert "县金融工作局(牵头,推定)" in reply
    assert len(reply) <= 4096


def test_one_figure_question_leads_with_that_figure(answerer):
    reply = answerer.ask("优良天数有多少天").reply
    assert reply.splitlines()[0].startswith("➤ 优良天数 264天")


def test_a_figure_named_whole_leads_over_a_shorter_name_inside_it(answerer):
    # "优良天数比例" holds "优良天数" and its unit 天: the share is asked, not the days
    reply = answerer.ask("优良天数比例是多少").reply
    assert reply.splitlines()[0].startswith("➤ 优良天数比例 暂无数据 / 目标71.2%")
    assert answerer.ask("PM10同比下降多少").reply.startswith("➤ PM10同比下降 18.5%")


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("PM2.5降到多少了", "➤ PM2.5 43微克/立方米"),
        # the lexicon's 细颗粒物 / 可吸入颗粒物 are PM2.5 / PM10 by another name
        ("细颗粒物降到多少了", "➤ PM2.5 43微克/立方米"),
        ("可吸入颗粒物多少", "➤ PM10 75微克/立方米"),
    ],
)
def test_a_figure_asked_by_another_name_of_the_field_leads(answerer, question, lead):
    reply = answerer.ask(question).reply
    assert reply.splitlines()[0].startswith(lead)


def test_a_word_the_lexicon_gives_several_figures_leads_with_none(answerer):
    # 空气质量 is a word of both PM2.5 and PM10: it names their field, not one of them
    reply = answerer.ask("空气质量怎么样").reply
    assert reply.startswith("第56项 大气环境质量")


def test_deadline_days_left(answerer):
    reply = answerer.ask("第35项").reply
    assert "2020-12-31 年底前（剩余72天）" in reply


def test_lists_by_status_unit_category_and_deadline(answerer):
    not_done = answerer.ask("哪些没完成")
    assert (not_done.intent, not_done.filter["status"]) == ("list", "未完成")
    assert set(not_done.targets) <= set(range(1, 67))
    unit = answerer.ask("民政局负责哪些")
    assert unit.intent == "list" and {3, 4, 15, 39, 45} <= set(unit.targets)
    green = answerer.ask("生态环境方面")
    assert green.intent == "list" and {55, 56, 57} <= set(green.targets)
    due = answerer.ask("10月底前要完成的")
    assert due.intent == "list" and due.filter["due"] == ["2020-01-01", "2020-10-31"]
    month = answerer.ask("这个月到期的")
    assert month.filter["due"] == ["2020-10-01", "2020-10-31"]


@pytest.mark.parametrize(
    ("question", "status"),
    [
        ("年度任务完成了的列一下", "已完成"),
        ("滞后的列个清单", "滞后"),
        ("没完工的有哪些", "未完成"),
        ("有没有滞后的项目", "滞后"),
        ("进展较好的是哪几个", ("推进中", "已完成", "超额完成")),
    ],
)
def test_asked_to_list_them_by_status(answerer, question, status):
    answer = answerer.ask(question)
    assert (answer.intent, answer.filter) == ("list", {"status": status})


def test_two_topics_joined_list_the_targets_of_both(answerer):
    both = answerer.ask("教育和养老方面的")
    one, other = answerer.ask("教育方面的"), answerer.ask("养老方面的")
    assert (both.intent, both.filter) == ("list", {"topic": "教育、养老"})
    assert set(both.targets) == set(one.targets) | set(other.targets)


@pytest.mark.parametrize(
    ("question", "due"),
    [
        ("7月底前要办完的有哪些", ["2020-01-01", "2020-07-31"]),
        ("年底才能完成的", ["2020-12-01", "2020-12-31"]),
        ("预计9月底才能干完的", ["2020-01-01", "2020-09-30"]),
    ],
)
def test_when_it_will_be_done_asks_what_is_due_not_what_is_done(answerer, question, due):
    answer = answerer.ask(question)
    assert (answer.intent, answer.filter) == ("list", {"due": due})


def test_done_already_by_a_deadline_keeps_its_status(answerer):
    answer = answerer.ask("7月底前已经办完的有哪些")
    assert answer.filter == {"status": "已完成", "due": ["2020-01-01", "2020-07-31"]}


@pytest.mark.parametrize(
    "question", ["全县工作半年小结", "全县目标年终成绩单", "66项工作目标完成得如何"]
)
def test_a_report_on_the_whole_ledger_is_the_summary(answerer, question):
    assert answerer.ask(question).intent == "summary"


def test_summary_and_help(answerer):
    summary = answerer.ask("总体完成情况怎么样")
    assert summary.intent == "summary" and summary.targets == ()
    assert "共66项" in summary.reply and "数据截至" in summary.reply
    assert answerer.ask("你能做什么").intent == "help"
    assert answerer.ask("/help").intent == "help"


@pytest.mark.parametrize(
    "question", ["今天天气怎么样", "高速公路修了多少公里", "教育局局长电话多少"]
)
def test_out_of_scope_is_rejected_with_suggestions(answerer, question):
    answer = answerer.ask(question)
    assert answer.intent == "unknown" and answer.targets == ()
    assert "没有找到" in answer.reply and "可以试试这样问" in answer.reply


def test_ambiguous_question_offers_candidates(answerer):
    answer = answerer.ask("敬老院的事办得怎样")
    assert answer.intent == "target" and answer.ambiguous
    assert {3, 4} <= set(answer.targets[:3])
    assert "请选择" in answer.reply


def test_a_clear_leader_is_answered_with_runners_up_ranked(answerer):
    # 低保标准 is target 39's own title; 45 (补助水平) stays in the ranked candidates.
    answer = answerer.ask("低保标准是多少")
    assert answer.targets[0] == 39 and 45 in answer.targets[:3]


@pytest.mark.parametrize(
    "question",
    [
        "",
        "   ",
        "？？！！。。",
        "😀😀😀",
        "好" * 10_000,
        "GDP",
        "R&D",
        "PCR",
        "'; DROP TABLE target; --",
        "<script>alert(1)</script>",
        "\x00\x1b[31m",
        "‮ערבית",
    ],
)
def test_bad_input_gets_a_helpful_reply(answerer, question):
    answer = answerer.ask(question)
    assert answer.intent in ("target", "list", "summary", "help", "unknown")
    assert answer.reply.strip() and len(answer.reply) <= 4096
    assert "<script>" not in answer.to_json()["reply_html"]


# --- new kinds of questions ------------------------------------------------------------------


def listed_numbers(reply: str) -> list[int]:
    """The target numbers a list reply shows, in order."""
    import re

    return [int(m) for m in re.findall(r"^\S+ (\d+)\. ", reply, flags=re.MULTILINE)]


@pytest.mark.parametrize(
    ("question", "topic", "members"),
    [
        ("养老的事怎么样了", "养老", {3, 4, 15}),
        ("医院那块", "医疗卫生", {34, 50, 52}),
        ("教育方面怎么样", "教育", {26, 41, 51}),
    ],
)
def test_a_topic_lists_every_target_about_it_with_lights(answerer, question, topic, members):
    answer = answerer.ask(question)
    assert answer.intent == "list" and answer.filter == {"topic": topic}
    assert members <= set(answer.targets)
    assert listed_numbers(answer.reply) == list(answer.targets)
    assert "🟢" in answer.reply


def test_overdue_lists_open_deadlines_past_due(ledger_2020):
    import dataclasses

    # Target 44's 6月底 milestone reopened: overdue on 2020-10-20; every other one was met.
    targets = list(ledger_2020.targets)
    t44 = targets[43]
    reopened = tuple(
        dataclasses.replace(d, done=False) if d.date == dt.date(2020, 6, 30) else d
        for d in t44.deadlines
    )
    targets[43] = dataclasses.replace(t44, deadlines=reopened)
    ledger = dataclasses.replace(ledger_2020, targets=tuple(targets))
    answerer = answerer_on(ledger, dt.date(2020, 10, 20))
    answer = answerer.ask("哪些逾期了")
    assert answer.intent == "list" and answer.filter["overdue"] is True
    assert answer.targets == (44,)
    assert answer.reply.startswith("已逾期未完成的目标（共1项）")
    watched = answerer.ask("需要盯紧的")
    assert 44 in watched.targets and watched.notes[44] == "逾期"


def test_a_closed_years_passed_deadlines_are_not_overdue(ledger_2020):
    # Judged at the year's close, a deadline left open simply passed: "逾期" (pressing, days
    # counted) was said of 2020's targets in 2021, unlike the 督查通报 and the deadline lines.
    closed = answerer_on(ledger_2020, dt.date(2021, 1, 1))
    watched = closed.ask("需要盯紧的")
    assert watched.targets and "逾期" not in watched.reply
    assert "时限已过" in set(watched.notes.values())
    overdue = closed.ask("哪些逾期了")
    assert overdue.filter["overdue"] is True and overdue.targets
    assert overdue.reply.startswith("时限已过、未完成的目标（2020年度已结束，不再计算逾期）")


def test_due_next_week_includes_done_ones_marked_so(answerer):
    answer = answerer.ask("下周到期的")
    assert answer.intent == "list"
    assert answer.filter["due"] == ["2020-10-26", "2020-11-01"]
    assert 5 in answer.targets  # due 2020-10-31, already done
    # marked by its status, said once (no "已完成（县工信局） · 已完成")
    assert "5. 腾云气体关闭退出：已完成" in answer.reply and "· 已完成" not in answer.reply


def test_lowest_completion_is_ranked(answerer):
    answer = answerer.ask("完成率最低的是哪个")
    assert answer.intent == "list" and answer.filter["rank"] == "completion_asc"
    ratios = [float(x) for x in __import__("re").findall(r"：([\d.]+)%", answer.reply)]
    behind = answer.reply.count("：未完成") + answer.reply.count("：滞后")
    assert ratios == sorted(ratios) and len(ratios) + behind == len(answer.targets) > behind


def test_lowest_completion_leads_with_targets_judged_behind(answerer):
    # On 2020-10-20 the ledger's three 未完成 targets show ratios of 100% or more, or none:
    # ranked by ratio alone they never appeared among the weakest.
    answer = answerer.ask("完成最差的三个")
    behind = [t.number for t in answerer.ledger.targets if answerer.status(t) == "未完成"]
    assert 0 < len(behind) < 3 and answer.targets[: len(behind)] == tuple(behind)
    assert len(answer.targets) == 3  # as many as asked, the judged ones first
    assert listed_numbers(answer.reply) == list(answer.targets)
    assert answer.reply.startswith("已判定未完成或滞后的目标")


def test_worst_unit_reuses_the_units_board(answerer):
    from bot.domain.unit_board import rank_units

    answer = answerer.ask("哪个单位最差")
    worst = rank_units(answerer.ledger.targets, answerer.today)[0]
    assert answer.intent == "list" and answer.filter["unit"] == worst.name
    assert set(answer.targets) == {e.number for e in worst.entries}
    assert answer.reply.splitlines()[1].startswith(f"{worst.name}：🔴")


def test_completion_threshold(answerer):
    answer = answerer.ask("完成率超过200%的")
    assert answer.intent == "list" and answer.targets
    for number in answer.targets:
        assert f"{number}. " in answer.reply
    assert all(float(r) > 200 for r in __import__("re").findall(r"：([\d.]+)%", answer.reply))


def test_at_risk_lists_behind_and_not_done(answerer):
    answer = answerer.ask("需要盯紧的")
    assert answer.intent == "list" and answer.filter["at_risk"] is True
    assert 16 in answer.targets  # 耕地保护, 未完成
    assert all(answerer.status(answerer.by_number[n]) not in ("已完成", "超额完成")
               for n in answer.targets)  # fmt: skip


def test_lead_only_unit_filter_excludes_assists(answerer):
    lead = answerer.ask("发改委牵头的有哪几项")
    anyrole = answerer.ask("发改委负责哪些")
    assert lead.filter == {"unit": "县发改委", "role": "lead"}
    assert 17 in anyrole.targets and 17 not in lead.targets  # 发改委 only assists 17
    for number in lead.targets:
        units = answerer.by_number[number].units
        assert any(u.name == "县发改委" and u.role == "lead" for u in units)


def test_several_targets_at_once(answerer):
    answer = answerer.ask("固投和社零咋样")
    assert answer.intent == "target" and answer.targets == (1, 65)
    assert "第1项 固定资产投资" in answer.reply and "第65项 社会消费品零售总额" in answer.reply
    # a title with 和 in it stays one target
    assert answerer.ask("企业上云和技改怎么样").targets[0] == 9


@pytest.mark.parametrize("question", ["你能干嘛", "这个咋用啊", "你是干嘛的"])
def test_help_in_any_words(answerer, question):
    assert answerer.ask(question).intent == "help"


def test_summary_in_any_words(answerer):
    assert answerer.ask("现在总的来看咋样").intent == "summary"


@pytest.mark.parametrize("question", ["十二号", "目标十二", "12项的情况", "编号12", "第十二条"])
def test_number_references_in_every_form(answerer, question):
    answer = answerer.ask(question)
    assert (answer.intent, answer.targets[0]) == ("target", 12)


def test_homophone_miswriting_matches_on_pinyin(answerer):
    answer = answerer.ask("带款多少")
    assert answer.targets[0] == 12
    assert any(s.startswith("pinyin:") for s in answer.to_json()["scores"][0]["why"])


# --- a conversation ----------------------------------------------------------------------


def test_follow_up_on_an_indicator(answerer):
    conversation = Conversation()
    first = answerer.ask("PM10降到多少了", conversation, now=0)
    assert first.targets[0] == 56 and first.reply.startswith("➤ PM10 ")
    second = answerer.ask("那PM2.5呢", conversation, now=5)
    assert second.targets[0] == 56 and second.reply.startswith("➤ PM2.5 ")


def test_follow_up_aspects_on_the_last_target(answerer):
    conversation = Conversation()
    assert answerer.ask("耕地保护怎么样", conversation, now=0).targets[0] == 16
    who = answerer.ask("谁负责", conversation, now=1)
    assert who.targets == (16,) and who.reply.startswith("➤ 责任单位：县自然资源局")
    when = answerer.ask("啥时候到期", conversation, now=2)
    assert when.targets == (16,) and when.reply.startswith("➤ 时限：2020-12-31")
    gap = answerer.ask("差多少", conversation, now=3)
    assert gap.targets == (16,) and gap.reply.startswith("➤ 差距：")


def test_second_entry_of_the_last_list(answerer):
    conversation = Conversation()
    listed = answerer.ask("超额完成的有哪些", conversation, now=0)
    second = answerer.ask("第二个呢", conversation, now=1)
    assert second.intent == "target" and second.targets[0] == listed.targets[1]
    # without a list in the context "第二个呢" steps through nothing (as "下一个" does); a
    # target's number is asked as 第2项 or 第二个 without the 呢 of a follow-up
    assert answerer.ask("第二个呢").targets == ()
    assert answerer.ask("第2项").targets[0] == 2


def test_an_explicit_new_question_wins_over_the_context(answerer):
    conversation = Conversation()
    answerer.ask("耕地保护怎么样", conversation, now=0)
    assert answerer.ask("那社零呢", conversation, now=1).targets[0] == 65
    assert answerer.ask("新增贷款谁负责", conversation, now=2).targets[0] == 12
    assert answerer.ask("谁负责", conversation, now=3).targets == (12,)


def test_the_context_expires_after_about_ten_minutes(answerer):
    conversation = Conversation()
    answerer.ask("耕地保护怎么样", conversation, now=0)
    assert answerer.ask("谁负责", conversation, now=11 * 60).intent == "unknown"
    assert answerer.ask("谁负责").intent == "unknown"  # and no context at all


# --- any ledger ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def drafted_answerer():
    """A fresh ledger as `import-report` drafts it, stripped of even the drafted aliases: no
    curation at all, the texts only (what BM25 sees)."""
    from dataclasses import replace
    from pathlib import Path

    from bot.drafting.drafter import draft_ledger, guess_year
    from bot.drafting.report_text import parse_report

    text = (Path(__file__).parents[1] / "data/reports/cangnan-2022/report.txt").read_text("utf-8")
    drafted = draft_ledger(parse_report(text), guess_year(text))
    ledger = replace(drafted, targets=tuple(replace(t, aliases=()) for t in drafted.targets))
    return answerer_on(ledger, dt.date(2022, 10, 31))


@pytest.mark.parametrize(
    ("question", "number"),
    [("断头路打通了几条", 5), ("文化驿站新增了几个", 13), ("海塘安澜开工没", 11)],
)
def test_a_fresh_ledger_answers_what_bm25_would(drafted_answerer, question, number):
    assert drafted_answerer.ask(question).targets[0] == number


@pytest.mark.parametrize("question", ["今年粮食产量多少", "明天天气怎么样", "生猪存栏多少头"])
def test_a_fresh_ledger_rejects_what_no_target_covers(drafted_answerer, question):
    assert drafted_answerer.ask(question).intent == "unknown"


def test_dev_set_on_the_drafted_ledger_beats_the_floor(drafted_answerer):
    from pathlib import Path

    items = load_eval_set(Path(__file__).parents[1] / "data" / "questions_cangnan_dev.jsonl")

    def ask(q):
        answer = drafted_answerer.ask(q)
        return answer.intent, list(answer.targets)

    report = evaluate(ask, items)
    assert report.top1_rate >= 0.9 and report.oos_rate >= 0.85, report.misses


def test_refresh_reindexes_only_what_changed(ledger_2020):
    import dataclasses

    answerer = answerer_on(ledger_2020, dt.date(2020, 10, 20))
    targets = list(ledger_2020.targets)
    targets[11] = dataclasses.replace(targets[11], aliases=(*targets[11].aliases, "钱袋工程"))
    changed = answerer.refresh(dataclasses.replace(ledger_2020, targets=tuple(targets)))
    assert changed == {12}
    assert answerer.ask("钱袋工程").targets[0] == 12
    fewer = dataclasses.replace(ledger_2020, targets=tuple(targets[1:]))
    assert answerer.refresh(fewer) == {1}
    assert 1 not in answerer.ask("固定资产投资").targets
