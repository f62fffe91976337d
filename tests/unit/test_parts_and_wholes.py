"""A ledger that holds a whole and its parts (常务会议 and 第六次常务会, 重点项目 and
县重点项目): the bare words name the whole; a part is named by the qualifier it adds."""

import datetime as dt

import pytest

from bot.domain.ledger import IndicatorSpec, TargetSpec
from bot.understanding.explaining import _other_number
from bot.understanding.text import names_level, own_place_at
from tests.auxil.ledgers import answerer_on, small_ledger

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
    return answerer_on(MEETINGS, dt.date(2020, 10, 31))


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


PROJECTS = small_ledger(
    2024,
    TargetSpec(
        1,
        "重点项目",
        "经济发展",
        "全县安排重点项目91宗,年度投资计划304亿元。",
        indicators=(IndicatorSpec("安排重点项目", "91", "宗"),),
    ),
    TargetSpec(
        2,
        "市重点项目",
        "经济发展",
        "市重点项目36宗,年度投资计划236.2亿元。",
        indicators=(IndicatorSpec("市重点项目", "36", "宗"),),
    ),
    TargetSpec(
        3,
        "县重点项目",
        "经济发展",
        "县重点项目55宗,年度投资计划67.9亿元。",
        indicators=(IndicatorSpec("县重点项目", "55", "宗"),),
    ),
    title="重点项目",
)


@pytest.fixture(scope="module")
def projects():
    return answerer_on(PROJECTS, dt.date(2024, 4, 30))


@pytest.mark.parametrize(
    "question",
    ["全县重点项目投资完成情况", "我们县今年那些重点项目投资完成了多少", "咱县重点项目进展"],
)
def test_the_whole_place_with_a_level_word_asks_about_the_whole(projects, question):
    """全县, 我们县: the asker's county, not its county-level part (县重点项目)."""
    assert projects.ask(question).targets[0] == 1


@pytest.mark.parametrize(
    ("question", "number"),
    [("县重点项目投资完成情况", 3), ("市重点项目", 2), ("县里自己定的那批重点项目投资", 3)],
)
def test_a_level_word_of_its_own_names_the_part(projects, question, number):
    assert projects.ask(question).targets[0] == number


@pytest.mark.parametrize(
    ("text", "at", "own"),
    [("全县重点", 1, True), ("我们县重点", 2, True), ("咱县", 1, True), ("县重点", 0, False),
     ("县里重点", 0, False), ("全市县重点", 2, False)],
)  # fmt: skip
def test_own_place_at(text, at, own):
    assert own_place_at(text, at) is own
    assert names_level(text, text[at]) is not own


TOILETS = small_ledger(
    2019,
    TargetSpec(1, "省实事户用厕所", "城乡建设", "完成农村户用厕所改造1.2万户。"),
    TargetSpec(2, "市实事户用厕所", "城乡建设", "完成农村户用厕所改造0.8万户。"),
    TargetSpec(3, "农村中小学防雷", "社会事业", "完成农村中小学防雷改造30所。"),
    title="民生实事",
)


@pytest.mark.parametrize(
    ("question", "number"),
    [("农村厕所改造那个市里面的实事到什么程度了", 2), ("省里的厕所改造", 1), ("市级改厕", 2)],
)
def test_the_level_a_question_writes_picks_between_level_siblings(question, number):
    """Titles that differ only in their level (省实事…, 市实事…): the level written decides."""
    answerer = answerer_on(TOILETS, dt.date(2019, 10, 31))
    assert answerer.ask(question).targets[0] == number


def test_another_number_is_no_near_miss_of_a_numbered_part(meetings):
    """No 第三次 part: "第三次常务会" is no near-miss of the 第六次 one (which would lead
    alone by it); the whole is left to what the words share."""
    answer = meetings.ask("第三次常务会定的事办完了吗")
    assert 1 in answer.targets
    assert not any(r.kind == "fuzzy" for c in answer.candidates for r in c.reasons)
    assert meetings.ask("第八次常务会定的事办完了吗").targets[0] == 3


@pytest.mark.parametrize(
    ("phrase", "window", "other"),
    [
        ("第六次常务会", "第三次常务会", True),
        ("1号线", "2号线", True),
        ("第六次常务会", "第六次常务会", False),
        ("第六次常务会", "第三次常委会", False),
        ("新增贷款", "新增贷完", False),
    ],
)
def test_other_number(phrase, window, other):
    assert _other_number(phrase, window) is other
