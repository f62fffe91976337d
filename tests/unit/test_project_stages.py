"""Projects by stage and foreign money in a leader's words (invented examples): a stage said
negated ("还没开工的") is not the stage it negates (新开工), and a name that holds a word the
lexicon reads as a target's ("外商投资": 外商 → 外资) is no name the ledger never writes."""

import datetime as dt

import pytest

from bot.domain.ledger import IndicatorSpec, TargetSpec
from bot.understanding.answering import Answerer
from tests.auxil.ledgers import answerer_on, small_ledger


def _answerer(*targets: TargetSpec) -> Answerer:
    ledger = small_ledger(2023, *targets, title="重点项目")
    return answerer_on(ledger, dt.date(2023, 6, 30))


def _stage(number: int, title: str, count: int, plan: str, done: str) -> TargetSpec:
    return TargetSpec(
        number,
        title,
        "经济发展",
        f"{title}{count}项,年度计划投资{plan}亿元,1-6月累计完成投资{done}亿元;",
        indicators=(IndicatorSpec("计划投资", plan, "亿元", actual=done),),
    )


@pytest.fixture(scope="module", params=["预备项目", "前期项目"])
def stages(request):
    return _answerer(
        _stage(1, "县级重点项目", 420, "380.5", "201.3"),
        _stage(2, "在建项目", 150, "210.2", "140.8"),
        _stage(3, "新开工项目", 120, "150.6", "55.1"),
        _stage(4, request.param, 150, "19.7", "5.4"),
    )


@pytest.mark.parametrize("question", ["还没开工的项目投了多少", "没动工的那些项目投资多少"])
def test_a_stage_said_negated_is_not_the_stage_it_negates(stages, question):
    answer = stages.ask(question)
    assert answer.intent == "target" and answer.targets[0] == 4


def test_the_new_ones_are_still_the_new_ones(stages):
    assert stages.ask("新开工的项目投了多少").targets[0] == 3


@pytest.mark.parametrize(
    "question",
    ["去年就开工今年接着干的那批项目", "去年就开工今年接着干的", "往年开工的项目投了多少"],
)
def test_work_begun_in_a_year_before_is_carried_over_not_new(stages, question):
    # 开工 said of last year is 续建 (在建 where a report counts projects under way): before,
    # the 开工 bigram made 新开工 lead
    answer = stages.ask(question)
    assert answer.intent == "target" and answer.targets[0] == 2, answer.reply


def test_a_name_the_lexicon_reads_inside_is_the_targets():
    # A report's list of projects, each row its name alone and how it goes.
    rows = ("妇幼保健院建设", "城北污水处理厂", "汽车零部件产业园", "实际利用外资", "人民医院迁建")
    ledger = _answerer(
        *(TargetSpec(n, row, "经济发展", row, "均未达序时") for n, row in enumerate(rows, 1))
    )
    answer = ledger.ask("外商投资到位得咋样")
    assert answer.intent == "target" and answer.targets[0] == 4
