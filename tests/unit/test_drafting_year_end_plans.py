"""A year-end note on the year's plan: each line gives what was done and its share of the
year's plan ("为年度计划的103.1%"), some over the plan and some under it (sentences.py
line_tells_progress; statuses from the shares' words)."""

import datetime as dt

from bot.domain.status import compute_status
from bot.drafting.drafter import draft
from bot.drafting.report_text import parse_report

YEAR_END = """某市2031年重点建设项目完成情况
2031年我市安排重点建设项目120项,年度计划投资200亿元。
1. 基础设施工程完成投资51.5亿元,为年度计划的103.1%。
2. 产业工程完成投资60.2亿元,为年度计划的123.4%。
3. 生态环保工程完成投资9.9亿元,为年度计划的96.9%。
"""


def _draft(text: str, today: dt.date):
    return draft(parse_report(text), text, today=today)


def test_shares_of_the_years_plan_at_year_end_say_over_or_short():
    drafted = _draft(YEAR_END, dt.date(2032, 1, 11))
    day = drafted.judging_day
    by = {t.number: t for t in drafted.ledger.targets}
    assert [compute_status(by[n], day) for n in (1, 2, 3)] == ["超额完成", "超额完成", "未完成"]
    assert "为年度计划的96.9%" in by[3].status_reason
    # The amounts are what was done, not targets.
    assert [(i.target, i.actual) for i in by[1].indicators] == [("", "51.5")]
