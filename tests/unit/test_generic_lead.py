"""A target found by words of work and place alone (改造, 升级, 项目) is not the answer when
another, at half its score, is found by the question's subject (invented examples): "村里的路改造
得咋样" is the village roads, not the shanty-town 改造; a subject said outright still wins."""

import datetime as dt

import pytest

from bot.domain.ledger import TargetSpec
from tests.auxil.ledgers import answerer_on, small_ledger


@pytest.fixture(scope="module")
def county():
    targets = (
        TargetSpec(1, "棚户区改造", "城乡建设", "完成棚户区改造1200户,"),
        TargetSpec(2, "村级公路提档升级", "交通", "完成村级公路提档升级80公里,"),
        TargetSpec(3, "无害化卫生厕所", "农业农村", "新建农村无害化卫生厕所3000座,"),
        TargetSpec(4, "低保月人均标准", "社会保障", "农村低保月人均标准提高到400元,"),
        TargetSpec(5, "养老院", "社会保障", "新建乡镇养老院2所,"),
    )
    ledger = small_ledger(2021, *targets, title="为民办实事")
    return answerer_on(ledger, dt.date(2021, 6, 30))


def test_the_subject_said_in_everyday_words_beats_a_shared_work_word(county):
    answer = county.ask("村里的路改造得咋样")
    assert answer.intent == "target" and answer.targets[0] == 2


@pytest.mark.parametrize(
    ("question", "number"), [("棚户区改造得咋样", 1), ("村级公路改造得咋样", 2)]
)
def test_a_subject_written_out_stays_first(county, question, number):
    answer = county.ask(question)
    assert answer.intent == "target" and answer.targets[0] == number
