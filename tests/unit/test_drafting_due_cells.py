"""A table's 完成时限 cell dates its row's whole target, whether the target cell ends with a
full stop or not (bot/drafting/cells.py)."""

import datetime as dt

from bot.drafting.drafter import draft_ledger
from bot.drafting.report_text import parse_report

TABLE = """某县2024年民生实事上半年推进情况表
序号 | 实事名称 | 指标任务 | 责任单位 | 完成时限 | 进展情况
1.路灯亮化工程 | 新增农村路灯800盏。 | 县农业农村局 | 10月底 | 已安装路灯300盏
2.公路提升工程 | 改建农村公路15公里 | 县交通运输局 | 11月底 | 已完成9公里
"""


def test_a_due_cell_dates_the_whole_row_after_a_full_stop():
    ledger = draft_ledger(parse_report(TABLE), 2024, TABLE)
    dues = {t.number: [d.date for d in t.deadlines] for t in ledger.targets}
    assert dues == {1: [dt.date(2024, 10, 31)], 2: [dt.date(2024, 11, 30)]}


def test_a_quarter_or_a_month_named_with_the_works_end_is_a_deadline():
    from bot.drafting.deadlines import extract_deadlines

    def due(text: str) -> list[str]:
        return [d.date.isoformat() for d in extract_deadlines(text, 2031)]

    assert due("三季度末前建成城东泵站") == ["2031-09-30"]
    assert due("计划3月份开工,10月份建成投用") == ["2031-10-31"]
    assert due("新建文体中心1座,二季度完工") == ["2031-06-30"]
    assert due("前三季度完成投资5亿元") == ["2031-12-31"]  # a period reported on
    assert due("10月完成投资3亿元") == ["2031-12-31"]  # the month's result, no deadline


def test_the_day_work_was_done_is_no_deadline():
    from bot.drafting.deadlines import extract_deadlines

    def due(text: str) -> list[str]:
        return [d.date.isoformat() for d in extract_deadlines(text, 2031)]

    assert due("新建公厕20座,经督办后于11月底全部完工") == ["2031-12-31"]
    assert due("城东泵站已于9月建成投用") == ["2031-12-31"]
    assert due("城东泵站于9月底前建成") == ["2031-09-30"]  # a due date, still
    assert due("确保11月底全部完工") == ["2031-11-30"]
