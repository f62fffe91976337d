"""Words read whole: an ordinal (第十次 is not 第十二次, `ordinals.py`), and a name without its
work word (村内道路 names 村内道路建设); a guess on half a word yields to another year's named
target."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.app.other_years import held_in_another_year
from bot.domain.ledger import IndicatorSpec, TargetSpec
from bot.understanding.answering import Answerer
from bot.understanding.lexicon import load_lexicon
from tests.auxil.ledgers import small_ledger


def core(*targets):
    ledger = small_ledger(2021, *targets)
    return Answerer(ledger, load_lexicon(), today=dt.date(2021, 6, 1), tz=ZoneInfo("UTC"))


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


def test_half_a_word_of_this_year_points_to_another_years_named_target(ledger_2020):
    # 2021's childcare target shares only 新增 with "新增贷款"; 2020's ledger names 新增贷款
    # itself: the reply says where it is (before: the childcare target)
    care = TargetSpec(
        6,
        "托位",
        "民生保障",
        "新增3岁以下婴幼儿照护服务机构6家。",
        indicators=(IndicatorSpec("新增婴幼儿照护服务机构", "6", "家", ">=", "6"),),
    )
    answer = core(care, *MEETINGS).ask("新增贷款")
    # since session 29 贷款, a subject no target writes, has it refused rather than guessed
    assert (answer.intent, answer.targets, answer.alias_candidate) == ("unknown", (), True)
    older = Answerer(ledger_2020, load_lexicon(), today=dt.date(2020, 12, 31), tz=ZoneInfo("UTC"))
    said = held_in_another_year(answer, 2021, [2020, 2021], {2020: older}.get)
    assert said is not None and said.intent == "unknown" and said.targets == ()
    assert said.reply == (
        "2021年台账中没有找到与这个问题对应的目标。\n"
        "2020年台账中有第12项 新增贷款，可以问“2020年的新增贷款”查看2020年的情况。"
    )


def test_a_guess_stands_against_another_years_equally_loose_match(ledger_2020):
    older = Answerer(ledger_2020, load_lexicon(), today=dt.date(2020, 12, 31), tz=ZoneInfo("UTC"))
    answer = core(*MEETINGS).ask("第十次县长办公会的事落实了没")
    assert answer.confident
    assert held_in_another_year(answer, 2021, [2020, 2021], {2020: older}.get) is None
