"""A word found inside a text only across two of its words is not written there (行情 in
"执行情况"), nor a number inside a longer one (10 in "2010年")."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.domain.ledger import IndicatorSpec, TargetSpec
from bot.understanding.answering import Answerer
from bot.understanding.lexicon import load_lexicon
from bot.understanding.word_bounds import search_words, written_as_word
from tests.auxil.ledgers import small_ledger


@pytest.mark.parametrize(
    ("text", "word", "written"),
    [
        ("预算执行情况", "行情", False),  # 执行 + 情况
        ("银行情况通报", "行情", False),  # 银行 + 情况
        ("今年苹果行情怎么样", "行情", True),
        ("股市行情", "行情", True),  # inside a longer word whole
        ("还在装修施工的", "装修", True),
        ("2010年完成", "10", False),
        ("完成率104%", "10", False),
        ("增长10.5%", "10", False),
        ("同比增长10%", "10%", True),
        ("增长10%以上", "10", True),
    ],
)
def test_written_as_word(text, word, written):
    assert written_as_word(text, word) is written


def test_a_phrases_number_stays_whole():
    assert search_words("增长超过10%") == ["增长", "超过", "10%"]
    assert search_words("还在装修施工") == ["还在", "装修", "施工"]  # as before: two by two
    assert search_words("装修中") == ["装修中"]


WORKS = small_ledger(
    2021,
    TargetSpec(
        1,
        "财政预算",
        "经济发展",
        "加强预算管理。",
        "预算执行情况良好,收入超过预期,2010年以来首次盈余。",
    ),
    TargetSpec(
        2,
        "农产品销售",
        "经济发展",
        "拓宽农产品销售渠道。",
        "全年销售额增长12%。",
        indicators=(IndicatorSpec("销售额增长", "10", "%", ">=", "12"),),
    ),
    TargetSpec(3, "城市书房", "社会事业", "新建城市书房3个。", "2个正在装修施工。"),
)


@pytest.fixture(scope="module")
def core():
    return Answerer(WORKS, load_lexicon(), today=dt.date(2021, 6, 1), tz=ZoneInfo("UTC"))


def test_market_prices_are_out_of_scope_but_a_budgets_execution_is_not(core):
    # 行情 is an out-of-scope cue again: matched as a word, "执行情况" no longer holds it
    assert core.ask("本地特产今年行情怎么样").intent == "unknown"
    answer = core.ask("预算执行情况怎么样")
    assert (answer.intent, answer.targets[:1]) == ("target", (1,))


def test_a_text_search_keeps_numbers_whole(core):
    # "10" of 2010年 made target 1 hold 增长超过10% by two words of three: the list was target
    # 1 alone; now no text writes enough of it, and the matcher answers the growth target
    answer = core.ask("增长超过10%的有哪些")
    assert (answer.intent, answer.targets[:1]) == ("target", (2,))
    assert core.ask("还在装修施工的有哪些").targets == (3,)
