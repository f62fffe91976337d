"""A sum said roughly names the target holding an amount within it (invented examples):
"投了19个多亿的" is the one of 19.167亿元, "十多亿" any between 10亿 and 20亿, and a rough sum
no target holds names none."""

import datetime as dt

import pytest

from bot.domain.ledger import IndicatorSpec, TargetSpec
from tests.auxil.ledgers import answerer_on, small_ledger


@pytest.fixture(scope="module")
def kinds():
    def kind(number: int, title: str, amount: str) -> TargetSpec:
        text = f"{title}完成投资{amount}亿元。"
        indicators = (IndicatorSpec(f"{title}完成投资", "", "亿元", actual=amount),)
        return TargetSpec(number, title, "项目建设", text, indicators=indicators)

    targets = (
        kind(1, "工业类", "19.167"),
        kind(2, "绿色农业类", "3.307"),
        kind(3, "交通能源类", "0.88"),
    )
    return answerer_on(small_ledger(2012, *targets), dt.date(2012, 10, 31))


@pytest.mark.parametrize(
    ("question", "number"),
    [("投了19个多亿的是哪一类", 1), ("三个多亿的那个", 2), ("十多亿的那个", 1)],
)
def test_a_rough_sum_names_the_amount_within_it(kinds, question, number):
    answer = kinds.ask(question)
    assert answer.intent == "target" and answer.targets[0] == number


def test_a_rough_sum_no_target_holds_names_none(kinds):
    assert kinds.ask("五十多亿的那个").intent == "unknown"


def test_a_figure_alone_that_one_target_holds_is_that_target():
    rate = IndicatorSpec("城镇登记失业率", "4.3", "%", comparator="<=", actual="3.57")
    targets = (
        TargetSpec(1, "城镇新增就业", "就业", "城镇新增就业:全市27800人"),
        TargetSpec(2, "城镇登记失业率", "就业", "城镇登记失业率低于4.3%", indicators=(rate,)),
    )
    jobs = answerer_on(small_ledger(2019, *targets), dt.date(2019, 12, 31))
    answer = jobs.ask("3.57%")
    assert answer.intent == "target" and answer.targets[0] == 2


def test_a_bare_number_is_still_no_question(kinds):
    assert kinds.ask("-5").intent == "unknown"
