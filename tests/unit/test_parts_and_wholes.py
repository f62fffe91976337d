"""A ledger that holds a whole and its parts (常务会议 and 第六次常务会, 重点项目 and
县重点项目): the bare words name the whole; a part is named by the qualifier it adds."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.domain.ledger import IndicatorSpec, TargetSpec
from bot.understanding.answering import Answerer
from bot.understanding.lexicon import load_lexicon
from tests.auxil.ledgers import small_ledger

MEETINGS = small_ledger(
    2020,
    TargetSpec(
        1,
        "常务会议确定事项",
        "经济发展",
        "召开县政府常务会议12次,确定事项405项。",
        indicators=(IndicatorSpec("确定事项", "405", "项"),),
    ),
    TargetSpec(
        2,
        "第六次常务会",
        "经济发展",
        "第六次常务会确定事项44项,正在办理2项。",
        indicators=(IndicatorSpec("第六次常务会确定事项", "44", "项"),),
    ),
    TargetSpec(
        3,
        "第八次常务会",
        "经济发展",
        "第八次常务会确定事项38项,正在办理4项。",
        indicators=(IndicatorSpec("第八次常务会确定事项", "38", "项"),),
    ),
    TargetSpec(4, "新增贷款", "经济发展", "全年新增贷款30亿元。"),
    title="会议确定事项",
)


@pytest.fixture(scope="module")
def meetings():
    return Answerer(
        MEETINGS, load_lexicon(), today=dt.date(2020, 10, 31), tz=ZoneInfo("Asia/Shanghai")
    )


def test_the_bare_words_of_several_titles_are_no_near_miss_of_a_part(meetings):
    """ "常务会" is all of each part's title but its ordinal: no near-miss of 第六次常务会,
    whose ordinal would then outweigh the whole that the bare words name as well."""
    answer = meetings.ask("常务会")
    assert {1, 2, 3} <= set(answer.targets)
    assert not any(r.kind == "fuzzy" for c in answer.candidates for r in c.reasons)


def test_a_part_is_still_named_by_its_qualifier(meetings):
    assert meetings.ask("第八次常务会").targets[0] == 3


def test_a_near_miss_of_a_whole_phrase_still_counts(meetings):
    """A short question that is most of a phrase (新增贷 of 新增贷款) is its near-miss."""
    answer = meetings.ask("新增贷")
    assert answer.targets[0] == 4
    assert any(r.kind == "fuzzy" for r in answer.candidates[0].reasons)
