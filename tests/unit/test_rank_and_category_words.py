"""A ranking or a category the question names, answered by the one target that says it
(invented examples): on a draft without figures, "进度最慢的是哪个市" is the target whose text
writes "最慢的是乙市"; a category holding one target, asked after without a list's words, is
that target; a share said as a fraction ("不到四分之一") is a threshold like "不到一半"."""

import datetime as dt

import pytest

from bot.domain.ledger import TargetSpec
from bot.understanding.rankings import proportions_as_percent
from tests.auxil.ledgers import answerer_on, small_ledger


@pytest.fixture(scope="module")
def roads():
    targets = (
        TargetSpec(
            1,
            "村内道路",
            "村内道路建设",
            "全省有2389个村内道路项目已开工,其中进展最快的是甲市(70%),最慢的是乙市(37.3%)。",
        ),
        TargetSpec(2, "村内桥梁", "村内道路建设", "全省有32座村内桥梁已开工建设,工程进度40.2%。"),
        TargetSpec(3, "旅游文化社会事业类", "社会事业", "旅游文化社会事业类完成投资4.668亿元。"),
        TargetSpec(4, "工业类", "经济发展", "工业类完成投资19.167亿元。"),
        TargetSpec(5, "农田水利类", "经济发展", "农田水利类完成投资2.605亿元。"),
    )
    return answerer_on(small_ledger(2021, *targets), dt.date(2021, 7, 31))


def test_a_rank_the_draft_cannot_make_is_the_target_writing_it(roads):
    answer = roads.ask("进度最慢的是哪个市")
    assert answer.intent == "target" and answer.targets[0] == 1


def test_a_ranking_asked_outright_still_says_it_cannot_be_made(roads):
    answer = roads.ask("完成率最低的是哪个")
    assert answer.intent == "list" and answer.filter == {"rank": "no_figures"}


def test_a_category_of_one_target_asked_after_is_that_target(roads):
    answer = roads.ask("社会事业类投资完成多少")
    assert answer.intent == "target" and answer.targets[0] == 3


def test_a_category_asked_as_a_list_stays_a_list(roads):
    answer = roads.ask("社会事业有哪些")
    assert answer.intent == "list" and answer.targets == (3,)


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("完成不到四分之一的", "完成不到25%的"),
        ("超过三分之二的", "超过66.67%的"),
        ("不到一半", "不到50%"),
    ],
)
def test_a_fraction_in_words_is_its_percentage(said, read):
    assert proportions_as_percent(said) == read
