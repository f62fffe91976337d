"""Which close candidate is answered first: the one explaining much more of the question,
and a part the question names before the whole listing it (bot/understanding/precedence.py)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bench.drafts import draft_as_imported
from bench.sets import REPORTS
from bot.domain.ledger import TargetSpec
from bot.understanding.answering import Answerer
from bot.understanding.lexicon import load_lexicon
from tests.auxil.ledgers import small_ledger


def _answerer(ledger, today):
    return Answerer(ledger, load_lexicon(), today=today, tz=ZoneInfo("Asia/Shanghai"))


def test_a_runner_up_explaining_much_more_of_the_question_goes_first(ledger_2020):
    # 低保 names the 低保 standard (with aliases), but the subsidy target explains 财政补 too.
    answer = _answerer(ledger_2020, dt.date(2020, 10, 31)).ask("低保户每个月财政补多少钱")
    assert (answer.intent, answer.targets[:2]) == ("target", (45, 39))


def test_on_a_drafted_ledger_too():
    # 垃圾分类 is all the sorting-pool target explains; the compounds target explains 小区 too.
    drafted = draft_as_imported(REPORTS / "chongchuan-2023-11" / "report.txt")
    answerer = _answerer(drafted.ledger, drafted.judging_day)
    assert answerer.ask("垃圾分类小区建得怎么样").targets[0] == 25
    assert answerer.ask("建筑垃圾分类池完成多少").targets[0] == 26


PROJECTS = small_ledger(
    2021,
    TargetSpec(
        1,
        "重点民生项目",
        "社会事业",
        "全年实施重点民生项目20个,其中:教育项目8个、卫生项目7个、交通项目5个,总投资12亿元。",
        "1-12月完成投资13.1亿元,投资完成率109%。",
    ),
    TargetSpec(2, "教育项目", "社会事业", "教育项目8个,计划投资5亿元。", "完成投资5.6亿元。"),
    TargetSpec(3, "卫生项目", "社会事业", "卫生项目7个,计划投资4亿元。", "完成投资4.2亿元。"),
    TargetSpec(4, "交通项目", "城乡建设", "交通项目5个,计划投资3亿元。", "完成投资3.3亿元。"),
)


@pytest.fixture(scope="module")
def projects():
    return _answerer(PROJECTS, dt.date(2021, 12, 31))


@pytest.mark.parametrize(
    ("question", "number"),
    [
        ("重点民生项目里的教育项目完成投资多少", 2),
        ("卫生项目的重点民生投资完成了吗", 3),
        ("重点民生交通项目进展怎么样", 4),
        ("重点民生项目总共完成投资多少", 1),
    ],
)
def test_a_question_naming_one_part_is_that_part_s(projects, question, number):
    answer = projects.ask(question)
    assert (answer.intent, answer.targets[0], answer.ambiguous) == ("target", number, False)


def test_a_question_naming_two_parts_is_the_whole_s(projects):
    assert projects.ask("重点民生项目中教育项目卫生项目合计完成投资多少").targets[0] == 1


def test_a_whole_listing_one_other_target_only_is_not_set_aside():
    # One name in another target's text is a mention, not a list of parts.
    ledger = small_ledger(
        2021,
        TargetSpec(1, "重点民生项目", "社会事业", "实施重点民生项目20个,含教育项目8个。"),
        TargetSpec(2, "教育项目", "社会事业", "教育项目8个。"),
    )
    answerer = _answerer(ledger, dt.date(2021, 12, 31))
    assert answerer.ask("重点民生项目里的教育项目完成投资多少").targets[0] == 1


LEVELS = small_ledger(
    2021,
    TargetSpec(
        1,
        "重点项目",
        "经济发展",
        "全县重点项目30项,其中省级6项、市级5项、县级19项,当年计划投资60亿元。",
        "完成投资70亿元。",
    ),
    TargetSpec(2, "省级", "经济发展", "省级6项,当年计划投资20亿元。", "完成投资25亿元。"),
    TargetSpec(3, "市级", "经济发展", "市级5项,当年计划投资20亿元。", "完成投资22亿元。"),
    TargetSpec(4, "县级", "经济发展", "县级19项,当年计划投资20亿元。", "完成投资23亿元。"),
)


@pytest.mark.parametrize(
    ("question", "number"),
    [
        ("省重点项目投资完成多少", 2),
        ("市级重点项目完成了吗", 3),
        ("全县重点项目完成投资多少", 1),
    ],
)
def test_a_level_of_key_projects_is_that_level_s(question, number):
    # 省重点 is 省级重点: the part titled 省级, not the whole listing it.
    answer = _answerer(LEVELS, dt.date(2021, 12, 31)).ask(question)
    assert answer.targets[0] == number


def test_a_part_named_by_the_lexicon_s_word_on_a_drafted_ledger():
    # 省里 is the lexicon's word for 省级: the part explains little else, yet is the answer.
    drafted = draft_as_imported(REPORTS / "qinshui-2021" / "report.txt")
    answer = _answerer(drafted.ledger, drafted.judging_day).ask("省里挂号的大工程钱花到位没有")
    assert (answer.intent, answer.targets[0]) == ("target", 2)
