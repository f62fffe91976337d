"""A target listing other targets as its parts, as drafted from "共N项,其中A、B、C" reports:
a question naming one part is that part's, one naming none of them is the whole's."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.domain.ledger import TargetSpec
from bot.understanding.answering import Answerer
from bot.understanding.lexicon import load_lexicon
from tests.auxil.ledgers import small_ledger

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
    return Answerer(
        PROJECTS, load_lexicon(), today=dt.date(2021, 12, 31), tz=ZoneInfo("Asia/Shanghai")
    )


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


def test_a_whole_listing_one_other_target_only_is_not_set_aside():
    # One name in another target's text is a mention, not a list of parts.
    ledger = small_ledger(
        2021,
        TargetSpec(1, "重点民生项目", "社会事业", "实施重点民生项目20个,含教育项目8个。"),
        TargetSpec(2, "教育项目", "社会事业", "教育项目8个。"),
    )
    answerer = Answerer(
        ledger, load_lexicon(), today=dt.date(2021, 12, 31), tz=ZoneInfo("Asia/Shanghai")
    )
    assert answerer.ask("重点民生项目里的教育项目完成投资多少").targets[0] == 1
