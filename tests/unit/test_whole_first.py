"""The whole before its parts written alike, and work handed over is no unit (invented
examples): a report giving 全市's projects and then 中心城区's and the counties' in the same
words answers "百城提质" with the whole, "中心城区百城提质" with that part; "第十二次县长办公会
交办的事" asks after that meeting, not after a unit called "…交办"."""

import datetime as dt

import pytest

from bot.domain.ledger import TargetSpec
from bot.understanding.answering import Answerer
from tests.auxil.ledgers import answerer_on, small_ledger


def _answerer(*targets: TargetSpec) -> Answerer:
    return answerer_on(small_ledger(2021, *targets), dt.date(2021, 6, 30))


@pytest.fixture(scope="module")
def city():
    return _answerer(
        TargetSpec(
            1,
            "谋划实施百城建设",
            "城乡建设",
            "2021年,全市谋划实施百城建设提质工程项目386个,年度计划投资495.58亿元。",
        ),
        TargetSpec(
            2,
            "城区谋划实施百城",
            "城乡建设",
            "其中,中心城区谋划实施百城建设提质工程项目189个,年度计划投资353.2亿元。",
        ),
        TargetSpec(
            3,
            "县共实施百城建设",
            "城乡建设",
            "4个县(市)共实施百城建设提质工程项目197个,年度计划投资142.38亿元。",
        ),
    )


@pytest.mark.parametrize("question", ["百城提质", "全市城建项目上半年投了多少钱"])
def test_the_shared_words_alone_ask_about_the_whole(city, question):
    answer = city.ask(question)
    assert answer.intent == "target" and answer.targets[0] == 1


def test_a_part_named_is_that_part(city):
    answer = city.ask("中心城区百城提质项目投资")
    assert answer.intent == "target" and answer.targets[0] == 2


def test_work_handed_over_is_no_unit():
    meetings = _answerer(
        TargetSpec(1, "第十一次办公会", "督查", "第十一次县长办公会确定事项21项,完成19项。"),
        TargetSpec(2, "第十二次办公会", "督查", "第十二次县长办公会确定事项11项,完成8项。"),
    )
    answer = meetings.ask("第十二次县长办公会交办的事")
    assert answer.intent == "target" and answer.targets[0] == 2
