"""A table row's completion-rate cell is kept beside the pair it restates, as a share of its
own without a target (it never decides a status). Made-up texts."""

import datetime as dt
from dataclasses import replace

from bot.domain.status import compute_status
from bot.drafting.drafter import draft
from bot.drafting.report_text import parse_report

TABLE = (
    "2021年1-3月全市重点项目完成情况表\n"
    "单位:亿元\n"
    "县(市、区) | 年度投资计划 | 一季度目标任务 | 一季度 完成投资 | 完成一季度目标 任务占比(%) |\n"
    "1.甲县 | 50.2 | 10.4 | 12.1 | 116.3% |\n"
    "2.乙县 | 30.8 | 6.6 | 4.1 | 62% |\n"
)


def _drafted():
    drafted = draft(parse_report(TABLE), TABLE, today=dt.date(2021, 4, 20))
    return drafted, {t.number: t for t in drafted.ledger.targets}


def test_the_rate_cell_of_an_answered_row_is_kept_as_a_share():
    _drafted_ledger, targets = _drafted()
    shares = {
        n: [(i.actual, i.unit) for i in t.indicators if i.unit == "%" and not i.target]
        for n, t in targets.items()
    }
    assert shares == {1: [("116.3", "%")], 2: [("62", "%")]}
    # the row's own pair stays as it was
    assert any(i.target == "6.6" and i.actual == "4.1" for i in targets[2].indicators)


def test_a_kept_rate_never_decides_a_status():
    drafted, targets = _drafted()
    day = drafted.judging_day
    for t in targets.values():
        targeted = replace(t, indicators=tuple(i for i in t.indicators if i.target))
        assert compute_status(t, day) == compute_status(targeted, day)
