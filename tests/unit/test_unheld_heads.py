"""Unheld heads: a question that writes a target's phrase (or the tail of a longer word) only
as part of the name of a thing no target holds ("万元地区生产总值能耗下降多少" on a ledger of
地区生产总值 without 能耗; "人均可支配收入" on one of 预算收入) is out of scope."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.domain.ledger import IndicatorSpec, TargetSpec
from bot.understanding.answering import Answerer
from bot.understanding.lexicon import load_lexicon
from tests.auxil.ledgers import small_ledger

GDP = TargetSpec(
    1, "地区生产总值", "经济发展", "地区生产总值增长6%。",
    indicators=(IndicatorSpec("地区生产总值增长", "6", "%", ">=", "5.1"),),
)  # fmt: skip
BUDGET = TargetSpec(
    2, "一般公共预算收入", "经济发展", "一般公共预算收入增长5%。",
    indicators=(IndicatorSpec("一般公共预算收入增长", "5", "%", ">=", "6.5"),),
)  # fmt: skip
ROADS = TargetSpec(3, "农村公路", "交通", "新改建农村公路100公里。")


@pytest.fixture(scope="module")
def core():
    ledger = small_ledger(2021, GDP, BUDGET, ROADS)
    return Answerer(ledger, load_lexicon(), today=dt.date(2021, 6, 1), tz=ZoneInfo("UTC"))


@pytest.mark.parametrize(
    "question", ["万元地区生产总值能耗下降多少", "城乡居民人均可支配收入增长多少"]
)
def test_a_held_qualifier_of_an_unheld_head_is_out_of_scope(core, question):
    answer = core.ask(question)
    assert (answer.intent, answer.targets) == ("unknown", ()), answer.reply
    assert "没有找到" in answer.reply


@pytest.mark.parametrize(
    ("question", "number"),
    [
        ("地区生产总值增长多少", 1),
        ("地区生产总值增速是多少", 1),
        ("一般公共预算收入增长多少", 2),
        ("财政收入增长多少", 2),
        ("农村公路修了多少公里", 3),
        ("农村公路前期工作进展", 3),  # a word of work after the phrase, no figure asked of it
    ],
)
def test_the_held_things_still_answer(core, question, number):
    assert core.ask(question).targets[:1] == (number,)


def test_a_ledger_holding_the_head_answers_it(ledger_2020):
    answerer = Answerer(
        ledger_2020, load_lexicon(), today=dt.date(2020, 10, 23), tz=ZoneInfo("UTC")
    )
    assert answerer.ask("万元地区生产总值能耗下降多少").intent != "unknown"
    assert answerer.ask("城乡居民人均可支配收入增长多少").intent != "unknown"
