"""A plan the progress states beside the target, in the same measure, with the result's share
of it printed after the result: the plan is one more target the result answers.

Every example is a short made-up report, not a line of a real one."""

import datetime as dt

from bot.drafting.pairing import pair_indicators
from bot.drafting.plan_shares import plans_answered_by_shares
from tests.auxil.drafts import drafted

TARGET = "推进3个县重点项目建设,2031年完成投资12亿元。"


def _pairs(target: str, progress: str) -> set[tuple[str, str, str]]:
    found = plans_answered_by_shares(pair_indicators(target, progress), progress)
    return {(p.indicator.target, p.indicator.actual, p.indicator.unit) for p in found}


def test_a_plan_whose_share_the_result_is_pairs_with_the_result():
    progress = "县重点项目年度计划投资20亿元。1-10月完成投资25亿元,占年度投资计划的125%。"
    pairs = _pairs(TARGET, progress)
    assert ("12", "25", "亿元") in pairs and ("20", "25", "亿元") in pairs


def test_a_share_rounded_within_half_a_point_still_fits():
    progress = "2031年计划投资18.3亿元,全年完成投资25.1亿元,占年度目标的137.3%。"
    assert ("18.3", "25.1", "亿元") in _pairs(TARGET, progress)  # 25.1/18.3 = 137.16%


def test_a_plan_the_share_does_not_fit_is_left_alone():
    progress = "县重点项目年度计划投资20亿元。1-10月完成投资25亿元,占年度投资计划的90%。"
    assert not any(t == "20" for t, _a, _u in _pairs(TARGET, progress))


def test_without_a_share_of_the_plan_nothing_is_added():
    progress = "县重点项目年度计划投资20亿元。1-10月完成投资25亿元。"
    pairings = pair_indicators(TARGET, progress)
    assert plans_answered_by_shares(pairings, progress) == pairings


def test_the_draft_holds_both_pairs():
    text = "\n".join(
        [
            "2031年县重点工作目标完成情况",
            "1.推进3个县重点项目建设,2031年完成投资12亿元。",
            "县重点项目年度计划投资20亿元。1-12月完成投资25亿元,占年度投资计划的125%。",
        ]
    )
    _result, by = drafted(text, dt.date(2032, 1, 10))
    pairs = {(i.target, i.actual) for i in by[1].indicators if i.target and i.actual}
    assert {("12", "25"), ("20", "25")} <= pairs
