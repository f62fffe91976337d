"""Figures that count items by how they stand, not work done: a tally of projects by pace
("达到序时进度的项目9个,未达到序时进度项目4个") is no indicator, and a table's cell counting
things under way ("3个正在装修") does not answer a target to build them. Made-up texts."""

import datetime as dt

from bot.domain.ledger import IndicatorSpec
from bot.drafting.pairing import Pairing
from bot.drafting.state_tallies import is_state_tally
from tests.auxil.drafts import drafted, drafted_statuses

TODAY = dt.date(2023, 11, 6)

MEETING = (
    "某县召开前三季度重点项目推进会\n"
    "截至2023年9月底,\n"
    "1. 全县市重点项目达到序时进度的项目9个,未达到序时进度项目4个,累计完成投资8.1亿元,"
    "占年度投资计划的71.5%。\n"
    "2. 十件民生实事进展顺利的有5项,进展缓慢项目3项。\n"
)


def _tally(name: str, actual: str = "4", unit: str = "个", target: str = "") -> Pairing:
    return Pairing(IndicatorSpec(name=name, target=target, unit=unit, actual=actual), 1.0, "")


def test_a_count_of_projects_by_pace_is_no_indicator():
    _, targets = drafted(MEETING, TODAY)
    names = [i.name for i in targets[1].indicators]
    assert not any("序时进度" in n for n in names), names
    assert any(i.actual == "8.1" for i in targets[1].indicators)  # the investment stays
    assert not any("进展" in i.name for i in targets[2].indicators)
    # The counts still decide the status, as the words say them.
    assert drafted_statuses(MEETING, TODAY)[1] == "推进中"


def test_what_a_tally_is():
    assert is_state_tally(_tally("未达到序时进度项目"))
    assert is_state_tally(_tally("省重点投资项目达到序时进度的项目", "7"))
    assert is_state_tally(_tally("进展缓慢项目", unit="项"))
    # A count with a target, or of work, or in another unit is an indicator.
    assert not is_state_tally(_tally("未达到序时进度项目", target="3"))
    assert not is_state_tally(_tally("新开工项目"))
    assert not is_state_tally(_tally("低于序时进度", "12.4", "个百分点"))


TABLE = "序号 | 任务 | 进展\n1. 新建城市书房3个 | {}\n"


def test_a_cell_counting_things_under_way_does_not_answer_a_target_to_build():
    _, targets = drafted(TABLE.format("3个正在装修"), TODAY)
    paired = [i for i in targets[1].indicators if i.target and i.actual]
    assert paired == []
    assert drafted_statuses(TABLE.format("3个正在装修"), TODAY)[1] == "推进中"


def test_a_cell_counting_things_built_or_begun_for_a_start_answers_it():
    _, targets = drafted(TABLE.format("已建成3个"), TODAY)
    assert [(i.target, i.actual) for i in targets[1].indicators] == [("3", "3")]
    _, targets = drafted("序号 | 任务 | 进展\n1. 新开工城市书房3个 | 3个正在施工\n", TODAY)
    assert [(i.target, i.actual) for i in targets[1].indicators] == [("3", "3")]


PROSE = "某县2023年重点工作进展情况\n1. 新建城市书房3个。\n{}\n"


def test_things_counted_under_way_are_named_by_their_state_not_by_the_target():
    # Before, "3个" took the target line's name ("城市书房: 3个"), which reads as 3 built.
    _, targets = drafted(PROSE.format("3个正在装修。"), TODAY)
    named = {i.name: i.actual for i in targets[1].indicators if i.actual}
    assert named == {"正在装修": "3"}
    _, targets = drafted(PROSE.format("已建成1个,2个正在装修。"), TODAY)
    assert [(i.target, i.actual) for i in targets[1].indicators if i.target] == [("3", "1")]
    assert {i.name: i.actual for i in targets[1].indicators if not i.target} == {"正在装修": "2"}
