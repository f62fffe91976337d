"""Reports on projects by level, class or place (invented examples): a level's own work said
in everyday words (县里自己), a status of the year before that describes the work (去年没干完),
a list pointed at as one (那个) or narrowed to one place by its level (哪个县), and a title
that is a bare kind of work (项目)."""

import dataclasses
import datetime as dt

import pytest

from bot.domain.ledger import IndicatorSpec, TargetSpec
from bot.understanding.answering import Answerer
from bot.understanding.ledger_texts import title_words
from tests.auxil.ledgers import answerer_on, small_ledger


def _answerer(*targets: TargetSpec, year: int = 2022) -> Answerer:
    ledger = small_ledger(year, *targets, title="重点工程")
    return answerer_on(ledger, dt.date(year, 12, 31))


def _level(number: int, title: str, count: int, plan: str, done: str) -> TargetSpec:
    return TargetSpec(
        number,
        title,
        "经济发展",
        f"{title}{count}项,当年计划投资{plan}亿元。",
        f"1-12月份完成投资{done}亿元。",
        indicators=(IndicatorSpec("当年计划投资", plan, "亿元", actual=done),),
    )


@pytest.fixture(scope="module")
def levels():
    whole = TargetSpec(
        1,
        "省市县重点工程",
        "经济发展",
        "全县省市县重点工程项目共25项,其中省级4项、市级6项、县级15项,总投资420亿元。",
        "圆满完成年度目标任务。",
    )
    return _answerer(
        whole,
        _level(2, "省级", 4, "12", "13.1"),
        _level(3, "市级", 6, "18.5", "19.2"),
        _level(4, "县级", 15, "20.3", "21"),
    )


@pytest.mark.parametrize("question", ["咱县自己的项目干得咋样", "县里自己的工程进展怎么样"])
def test_a_levels_own_work_in_everyday_words_is_that_levels_part(levels, question):
    answer = levels.ask(question)
    assert answer.intent == "target" and answer.targets[0] == 4


def test_the_county_without_its_own_work_is_not_the_county_level(levels):
    assert levels.ask("全县项目干得咋样").targets[:1] != (4,)


def test_a_level_named_by_its_important_projects():
    ledger = _answerer(
        _level(1, "重点项目", 80, "260", "90"),
        _level(2, "市重点项目", 30, "200", "80"),
        _level(3, "县重点项目", 50, "60", "10"),
    )
    answer = ledger.ask("县里自己定的那批项目投资")
    assert answer.intent == "target" and answer.targets[0] == 3


def _kind(number: int, title: str, text: str, override: str = "") -> TargetSpec:
    return TargetSpec(number, title, "经济发展", text, status_override=override)


@pytest.fixture(scope="module")
def kinds():
    return _answerer(
        _kind(1, "续建项目", "续建项目28个,完成投资30亿元,完成年度计划的40%。"),
        _kind(2, "新开工项目", "新开工项目20个,已开工6个。", "未完成"),
        _kind(3, "竣工项目", "计划竣工项目12个,已竣工12个。", "已完成"),
        _kind(4, "前期项目", "前期项目9个有序推进。", "未完成"),
    )


def test_a_status_of_the_year_before_describes_carried_over_work(kinds):
    answer = kinds.ask("去年没干完接着干的那些项目")
    assert answer.intent == "target" and answer.targets[0] == 1


def test_a_status_of_this_year_is_still_a_list(kinds):
    answer = kinds.ask("哪些没干完")
    assert answer.intent == "list" and set(answer.targets) == {2, 4}


def test_a_list_pointed_at_as_one_answers_that_target(kinds):
    answer = kinds.ask("全部完成的那个")
    assert answer.intent == "target" and answer.targets == (3,)


@pytest.mark.parametrize("question", ["哪项已完成", "全部完成的是哪个", "全部完成的有哪些"])
def test_a_list_asked_for_stays_a_list(kinds, question):
    assert kinds.ask(question).intent == "list"


def _place(number: int, place: str, plan: str, done: str, override: str) -> TargetSpec:
    return TargetSpec(
        number,
        f"{place}重点项目",
        "经济发展",
        f"{place}：{plan}亿元",
        f"{done}亿元",
        status_override=override,
    )


@pytest.fixture(scope="module")
def places():
    return _answerer(
        _place(1, "东城区", "12.5", "12.1", "滞后"),
        _place(2, "南山县", "6.4", "3.9", "滞后"),
        _place(3, "北河县", "8.8", "9.6", "超额完成"),
        _place(4, "西岭市", "7.1", "7.5", "超额完成"),
    )


def test_which_place_of_a_level_narrows_a_list_to_that_level(places):
    answer = places.ask("哪个县拖了后腿")
    assert answer.intent == "target" and answer.targets == (2,)


def test_a_list_of_several_places_of_that_level_stays_a_list(places):
    assert places.ask("哪些县超额完成了").intent == "list"


def test_the_lowest_pointed_at_is_the_first_of_the_ranking():
    ledger = _answerer(
        TargetSpec(1, "第一次例会", "其他", "确定事项20项", "完成18项,完成率90%",
                   indicators=(IndicatorSpec("确定事项", "20", "项", actual="18"),)),
        TargetSpec(2, "第二次例会", "其他", "确定事项30项", "完成21项,完成率70%",
                   indicators=(IndicatorSpec("确定事项", "30", "项", actual="21"),)),
    )  # fmt: skip
    assert ledger.ask("完成率最低的那次例会").targets == (2,)
    assert ledger.ask("完成率最低的是哪个").intent == "list"


@pytest.mark.parametrize("title", ["项目", "工程", "工作"])
def test_a_bare_kind_of_work_is_no_title(title):
    assert title_words(title) == ""
    assert title_words("续建项目") == "续建项目"


def test_levels_said_at_once_are_each_levels_part(levels):
    answer = levels.ask("省市县三级分别完成了多少")
    assert answer.intent == "target" and set(answer.targets) == {2, 3, 4}


def test_a_summary_word_beside_one_targets_own_words_asks_that_target(levels):
    answer = levels.ask("重点工程总体投资")
    assert answer.intent == "target" and answer.targets[0] == 1


def test_a_summary_word_beside_the_preambles_words_is_the_summary():
    ledger = small_ledger(
        2023,
        TargetSpec(1, "农村公路", "民生实事", "新改建农村公路50公里"),
        TargetSpec(2, "幸福院", "民生实事", "建成农村幸福院8个", "全年重点民生实事进展顺利"),
        TargetSpec(3, "户用厕所", "民生实事", "改造户用厕所1200户"),
        title="重点民生实事",
    )
    ledger = dataclasses.replace(ledger, preamble="全县召开重点民生实事推进会,通报进展。")
    answerer = answerer_on(ledger, dt.date(2023, 12, 31))
    assert answerer.ask("重点民生实事总体进展怎么样").intent == "summary"


def test_a_project_not_started_is_in_its_preparatory_stage(kinds):
    scored = {c.number: c for c in kinds.index.score("没开工的那批项目")}
    assert any(r.kind == "lexicon" and r.text == "前期" for r in scored[4].reasons)


def test_a_stage_no_target_is_in_as_a_status_is_the_target_named_by_it():
    ledger = _answerer(
        _kind(1, "续建项目", "续建项目28个,完成投资30亿元。", "推进中"),
        _kind(2, "竣工项目", "计划竣工项目12个,已竣工12个。", "已完成"),
        _kind(3, "前期项目", "前期项目9个有序推进。", "推进中"),
    )
    answer = ledger.ask("还没开工的项目有多少")
    assert answer.intent == "target" and answer.targets[0] == 3
    assert ledger.ask("哪些还没报进展").intent == "list"


def test_power_is_the_energy_a_class_of_projects_is_named_by():
    ledger = _answerer(
        _kind(1, "工业类", "工业类完成投资19亿元,占年度计划的94%"),
        _kind(2, "交通能源类", "交通能源类完成投资3.4亿元,占年度计划的24%"),
        _kind(3, "农田水利类", "农田水利类完成投资2.6亿元,占年度计划的18%"),
    )
    assert ledger.ask("电力这类项目怎么样").targets[0] == 2
