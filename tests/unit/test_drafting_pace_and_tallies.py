"""Tallies of decided matters (确定事项N项,完成M项,正在办理K项), verdicts on pace said of a whole
or of its parts (超序时进度 / 未达序时进度项目3项为…, 进展较慢的是某县), and words that say there
is nothing to measure yet. Made-up texts in the shapes of real 督办通报 and 重点项目 notes."""

import datetime as dt

from bot.domain.status import compute_status
from bot.drafting.drafter import draft
from bot.drafting.report_text import parse_report
from bot.drafting.sentences import split_sentence

TODAY = dt.date(2026, 12, 6)


def _drafted(text: str, today: dt.date = TODAY):
    drafted = draft(parse_report(text), text, today=today)
    return drafted, {t.number: t for t in drafted.ledger.targets}


def _statuses(text: str, today: dt.date = TODAY) -> dict[int, str]:
    drafted, targets = _drafted(text, today)
    return {n: compute_status(t, drafted.judging_day) for n, t in targets.items()}


TALLY = (
    "关于2023年县政府专题会议议定事项落实情况的通报\n"
    "县政府督查室对2023年专题会议议定事项落实情况进行了督查。现通报如下:\n"
    "1.(一)县政府专题会议议定事项落实情况。全年共召开专题会议6次,确定事项28项,完成26项,"
    "正在办理2项,完成率92.9%\n"
    "2.第三次专题会议确定事项12项,完成10项,正在办理2项,完成率83.3%;\n"
    "3.第四次专题会议确定事项9项,完成9项,完成率100%;\n"
)


def test_matters_still_being_handled_after_the_year_are_under_way_not_failed():
    statuses = _statuses(TALLY)
    assert statuses[1] == "推进中"
    assert statuses[2] == "推进中"
    assert statuses[3] == "已完成"


def test_decided_matters_under_a_heading_are_the_target_of_those_done():
    _, targets = _drafted(TALLY)
    pairs = {(i.target, i.actual, i.unit) for i in targets[1].indicators if i.target}
    assert pairs == {("28", "26", "项")}  # the 6 meetings held are no target


def test_the_count_still_being_handled_goes_with_what_was_done():
    planned, done = split_sentence("全年共交办事项50项,完成45项,正在办理5项,完成率90%")
    assert planned == "全年共交办事项50项,"
    assert "正在办理5项" in done
