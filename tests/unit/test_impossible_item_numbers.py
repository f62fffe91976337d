"""An item number no ledger can hold ("第-1项", "第1.5项", "第负一项", "第一点五项") is refused
with the numbers the ledger does hold, never matched to a target by its figures (1.5万亩, -1%);
a whole number the ledger lacks ("第0项") says the same range."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.domain.ledger import IndicatorSpec, TargetSpec
from bot.understanding.answering import Answerer
from bot.understanding.lexicon import load_lexicon
from tests.auxil.ledgers import small_ledger

FOREST = TargetSpec(
    1, "造林绿化", "生态环境", "完成造林1.5万亩。",
    indicators=(IndicatorSpec("造林", "1.5", "万亩", ">=", "1.2"),),
)  # fmt: skip
PRICES = TargetSpec(
    2, "物价调控", "经济发展", "居民消费价格涨幅控制在-1%以上。",
    indicators=(IndicatorSpec("居民消费价格涨幅", "-1", "%", ">="),),
)  # fmt: skip
ROADS = TargetSpec(3, "农村公路", "城乡建设", "新建农村公路5公里。")


@pytest.fixture
def core():
    ledger = small_ledger(2021, FOREST, PRICES, ROADS)
    return Answerer(ledger, load_lexicon(), today=dt.date(2021, 6, 1), tz=ZoneInfo("UTC"))


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("第-1项", "第-1项"),
        ("第1.5项", "第1.5项"),
        ("第 -1 条怎么样", "第-1条"),
        ("第负一项", "第负一项"),
        ("第一点五项完成了吗", "第一点五项"),
        ("第.5项", "第.5项"),
        ("第1..5条", "第1..5条"),
    ],
)
def test_a_number_no_ledger_holds_is_refused_with_the_numbers_it_does(core, question, said):
    # Before, "第1.5项" answered 造林 (its 1.5万亩) and "第-1项" offered targets to choose from.
    answer = core.ask(question)
    assert (answer.intent, answer.targets) == ("unknown", ()), answer.reply
    assert answer.reply.startswith(f"{said}不是目标序号。目标序号是1–3的整数"), answer.reply


def test_a_whole_number_it_lacks_names_the_range_too(core):
    answer = core.ask("第0项")
    assert answer.intent == "unknown"
    assert answer.reply.startswith("台账中没有第0项目标（共3项）。目标序号是1–3的整数")


def test_numbers_it_holds_and_figures_still_answer(core):
    assert core.ask("第1项").targets[:1] == (1,)
    assert core.ask("造林1.5万亩完成了吗").targets[:1] == (1,)
