"""The answering core, question by question, and its accuracy floors on the labelled set."""

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.answering import Answerer
from bot.evaluation import evaluate, load_eval_set
from bot.thesaurus import load_thesaurus

QUESTIONS = Path(__file__).resolve().parents[1] / "data" / "questions.jsonl"


@pytest.fixture(scope="module")
def answerer(ledger_2020):
    return Answerer(
        ledger_2020, load_thesaurus(), today=dt.date(2020, 10, 20), tz=ZoneInfo("Asia/Shanghai")
    )


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
    assert report.top1_rate >= 0.93, report.misses
    assert report.top3_rate >= 0.95
    assert report.oos_rate >= 0.90
    assert report.intent_rate >= 0.95


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


def test_summary_and_help(answerer):
    summary = answerer.ask("总体完成情况怎么样")
    assert summary.intent == "summary" and summary.targets == ()
    assert "共66项" in summary.reply and "数据截至" in summary.reply
    assert answerer.ask("你能做什么").intent == "help"
    assert answerer.ask("/help").intent == "help"


@pytest.mark.parametrize("question", ["今天星期几", "高速公路修了多少公里", "教育局局长电话多少"])
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
