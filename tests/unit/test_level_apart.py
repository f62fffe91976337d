"""A level the question says is no other level's part, nor a word said plainly one a target
negates (invented examples): on a report of the county's own key projects beside the
city-level ones among them, "县重点项目" is the county's and "市上盯的项目" the city's, whatever
words the two share; "税收" is 税收收入, not 非税收入."""

import datetime as dt

import pytest

from bot.domain.ledger import IndicatorSpec, TargetSpec
from tests.auxil.ledgers import answerer_on, small_ledger


@pytest.fixture(scope="module")
def projects():
    targets = (
        TargetSpec(
            1,
            "建设项目开复工",
            "经济发展",
            "1-6月,我县35个重点建设项目开复工31个、",
            indicators=(IndicatorSpec("重点建设项目开复工", "35", "个", actual="31"),),
        ),
        TargetSpec(2, "重点建设项目投资", "经济发展", "完成投资8.2亿元、占年计划的55%,"),
        TargetSpec(
            3,
            "重点项目开复工率",
            "经济发展",
            "9个市级重点项目开复工率100%,",
            indicators=(IndicatorSpec("市级重点项目开复工率", "100", "%"),),
        ),
        TargetSpec(4, "市级重点项目投资", "经济发展", "完成投资3.1亿元,占年计划的60%,"),
    )
    ledger = small_ledger(2021, *targets, title="重点项目")
    return answerer_on(ledger, dt.date(2021, 6, 30))


@pytest.mark.parametrize(
    "question",
    ["县重点项目复工了多少个", "呃县里重点项目复工那个还有几个没开的", "全县重点项目复工咋样"],
)
def test_the_countys_own_projects_are_not_the_city_level_ones(projects, question):
    answer = projects.ask(question)
    assert answer.intent == "target" and answer.targets[0] == 1


def test_the_city_said_as_a_level_is_its_projects(projects):
    answer = projects.ask("市上盯的那些项目都开工了没")
    assert answer.intent == "target" and answer.targets[0] == 3


def test_the_city_level_named_outright_stays_first(projects):
    assert projects.ask("市级重点项目开复工率多少").targets[0] == 3


@pytest.fixture(scope="module")
def revenue():
    targets = (
        TargetSpec(1, "一般公共预算收入", "经济发展", "一般公共预算收入完成5.3亿元,增长3%。"),
        TargetSpec(2, "税收收入", "经济发展", "其中:税收收入累计完成3.6亿元,同比下降1.5%;"),
        TargetSpec(3, "非税收入", "经济发展", "非税收入累计完成1.7亿元,同比增长9.2%。"),
        TargetSpec(4, "地区生产总值", "经济发展", "全县实现地区生产总值127亿元,同比增长2%。"),
        TargetSpec(5, "固定资产投资", "经济发展", "固定资产投资同比增长8.2%。"),
    )
    ledger = small_ledger(2021, *targets, title="经济运行")
    return answerer_on(ledger, dt.date(2021, 9, 30))


@pytest.mark.parametrize("question", ["税收", "县里的税收前三季度收了多少"])
def test_a_word_said_plainly_is_not_the_targets_that_negate_it(revenue, question):
    # 税收 is also read as the budget revenue it is part of: that one may lead.
    answer = revenue.ask(question)
    assert answer.intent == "target" and answer.targets.index(2) < answer.targets.index(3)


def test_the_negated_word_asked_is_its_target(revenue):
    assert revenue.ask("非税收入完成多少").targets[0] == 3
