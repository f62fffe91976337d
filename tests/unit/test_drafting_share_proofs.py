"""The share of the plan printed beside a result says which plan the result answers: the year's
plan rather than the projects' total cost, or a plan the report's lead states (share_proofs.py)."""

import datetime as dt

from bot.drafting.drafter import draft
from bot.drafting.report_text import parse_report

BY_TYPE = """某区重点项目1-9月进展情况
1. 新建项目。新建项目共85个,计划总投资624.4亿元,年内计划投资246.5亿元。
至9月底,累计完成投资153.7亿元,完成年度计划的62.4%。
2. 续建项目。续建项目共118个,计划总投资1238.5亿元,年内计划投资253.9亿元。
至9月底,累计完成投资213.3亿元,完成年度计划的84.0%。
"""

LEAD = """某市2031年重点建设项目完成情况
2031年我市安排重点建设项目252项,年度计划投资496.37亿元。其中,省重点项目32个,年度计划投资173.55亿元。
1. 全市重点建设项目完成投资585.57亿元,完成年度计划的118.0%,超额完成全年计划。
2. 其中省重点项目完成投资182.96亿元,为年度计划的105.4%。
3. 产业工程完成投资251.92亿元,为年度计划的123.4%。
"""


def _pairs(text: str, today: dt.date) -> dict[int, list[tuple[str, str]]]:
    ledger = draft(parse_report(text), text, today=today).ledger
    return {
        t.number: [(i.target, i.actual) for i in t.indicators if i.target and i.actual]
        for t in ledger.targets
    }


def test_the_share_puts_the_result_under_the_years_plan_not_the_total_cost():
    pairs = _pairs(BY_TYPE, dt.date(2031, 10, 19))
    assert ("246.5", "153.7") in pairs[1] and ("624.4", "153.7") not in pairs[1]
    assert pairs[2] == [("253.9", "213.3")]  # not over the share "84.0%"


def test_a_plan_of_the_lead_is_the_target_its_share_proves():
    pairs = _pairs(LEAD, dt.date(2032, 1, 11))
    assert pairs[1] == [("496.37", "585.57")]
    assert pairs[2] == [("173.55", "182.96")]
    assert pairs[3] == []  # 251.92 is no share of either plan it prints: its plan is unwritten


def test_a_share_after_an_amount_is_that_amounts_not_a_counts():
    text = (
        "某市2031年重点建设项目完成情况\n"
        "1. 续建项目:计划续建项目107个,完成投资375.75亿元,完成年度计划的119.1%。\n"
        "2. 新开工项目:计划新开工项目90个,已开工81个,完成投资129.43亿元,完成年度计划的110.7%。\n"
    )
    ledger = draft(parse_report(text), text, today=dt.date(2032, 1, 11)).ledger
    first, second = ledger.targets
    counts = [(i.target, i.unit, i.actual) for i in first.indicators if i.unit == "个"]
    assert counts == [("107", "个", "")]  # its result is unwritten: a target alone
    assert [(i.target, i.actual) for i in second.indicators if i.unit == "个"] == [("90", "81")]
