"""A level the question says is no other level's part (invented examples): on a report of
the county's own key projects beside the city-level ones among them, "县重点项目" is the
county's and "市上盯的项目" the city's, whatever words the two share."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.domain.ledger import IndicatorSpec, TargetSpec
from bot.understanding.answering import Answerer
from bot.understanding.lexicon import load_lexicon
from tests.auxil.ledgers import small_ledger


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
    return Answerer(
        ledger, load_lexicon(), today=dt.date(2021, 6, 30), tz=ZoneInfo("Asia/Shanghai")
    )


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
