"""Half a word is no match: a target sharing one bigram of a question's word and nothing else
is no answer; an ordinal is read whole (第十次 is not 第十二次); a name's work word (建设) adds
nothing to ask by (村内道路 names 村内道路建设)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.domain.ledger import IndicatorSpec, TargetSpec
from bot.understanding.answering import Answerer
from bot.understanding.lexicon import load_lexicon
from tests.auxil.ledgers import small_ledger


def core(*targets):
    ledger = small_ledger(2021, *targets)
    return Answerer(ledger, load_lexicon(), today=dt.date(2021, 6, 1), tz=ZoneInfo("UTC"))


CARE = TargetSpec(
    1,
    "托育服务",
    "民生保障",
    "新增婴幼儿照护服务机构6家。",
    "已新增照护服务机构4家。",
    indicators=(IndicatorSpec("新增婴幼儿照护服务机构", "6", "家", ">=", "4"),),
)
JOBS = TargetSpec(
    2, "城镇登记失业率", "民生保障", "城镇登记失业率控制在4.5%以内。", "城镇登记失业率2.2%。"
)
LIBRARY = TargetSpec(3, "城市书房", "社会事业", "新建城市书房3个。", "已建成1个。")


@pytest.mark.parametrize("question", ["新增贷款", "新增贷款完成了吗", "科技成果登记了多少项"])
def test_half_of_a_word_answers_nothing(question):
    # Before: 新增 of 新增贷款 answered the childcare target, 登记 the unemployment rate.
    answer = core(CARE, JOBS, LIBRARY).ask(question)
    assert (answer.intent, answer.targets) == ("unknown", ())


@pytest.mark.parametrize(
    ("question", "number"),
    [("新增照护机构多少家", 1), ("登记失业率多少", 2), ("城市书房建了几个", 3)],
)
def test_a_whole_word_still_answers(question, number):
    answer = core(CARE, JOBS, LIBRARY).ask(question)
    assert (answer.intent, answer.targets[:1]) == ("target", (number,))


MEETINGS = (
    TargetSpec(
        1,
        "县长办公会议确定事项",
        "政府建设",
        "县长办公会议确定事项完成情况。",
        "共召开县长办公会议13次,其中第一次、第五次、第十次县长办公会确定事项全部完成。",
    ),
    TargetSpec(
        2,
        "第十一次办公会",
        "政府建设",
        "第十一次县长办公会确定事项21项,完成19项。",
        indicators=(IndicatorSpec("第十一次县长办公会确定事项", "21", "项", ">=", "19"),),
    ),
    TargetSpec(
        3,
        "第十二次办公会",
        "政府建设",
        "第十二次县长办公会确定事项11项,完成8项。",
        indicators=(IndicatorSpec("第十二次县长办公会确定事项", "11", "项", ">=", "8"),),
    ),
)


@pytest.mark.parametrize(
    ("question", "number"),
    [("第十次县长办公会的事落实了没", 1), ("第十二次县长办公会的事办了多少", 3)],
)
def test_an_ordinal_is_read_whole(question, number):
    answer = core(*MEETINGS).ask(question)
    assert (answer.intent, answer.targets[:1], answer.ambiguous) == ("target", (number,), False)


def test_a_names_work_word_adds_nothing_to_ask_by():
    roads = TargetSpec(
        1,
        "道路路面工程",
        "城乡建设",
        "一事一议村内道路建设2457公里。",
        indicators=(IndicatorSpec("村内道路建设", "2457", "公里"),),
    )
    ditches = TargetSpec(
        2,
        "修建村内道路边沟",
        "城乡建设",
        "修建村内道路边沟65千米。",
        aliases=("村内道路边沟",),
    )
    # 村内道路 is the roads' indicator without its work word; of the ditches it only qualifies
    # 边沟 (before, the ditches came first: their shorter texts weigh each bigram more)
    assert core(roads, ditches).ask("村内道路").targets[0] == 1
