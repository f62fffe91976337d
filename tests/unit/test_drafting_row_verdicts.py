"""A table row's yes/no verdict columns and its progress columns by period
(bot/drafting/row_verdicts.py)."""

import pytest

from bot.drafting.drafter import draft_ledger
from bot.drafting.report_text import parse_report
from bot.drafting.row_verdicts import latest_progress, row_cells

LABELLED = """某区2024年民生实事推进情况(1-9月)
7.新建社区食堂12个。
牵头单位:民政局
1-8月推进情况:已完成选址,完成20%。
1-9月推进情况:已建成5个。
{column}:{answer}
"""


def _status(text: str, year: int = 2024) -> tuple[str, str]:
    (target,) = draft_ledger(parse_report(text), year, text).targets
    return target.status_override, target.status_reason


@pytest.mark.parametrize(
    ("column", "answer", "status"),
    [
        ("是否达序", "否", "滞后"),
        ("是否达序", "是", "推进中"),
        ("是否滞后", "是", "滞后"),
        ("是否滞后", "否", "推进中"),
        ("是否按期推进", "否", "滞后"),
        ("是否完成", "是", "已完成"),
        ("是否完成", "否", "滞后"),  # not done while the year runs: behind, not failed
    ],
)
def test_a_yes_no_column_is_the_rows_verdict(column, answer, status):
    got, reason = _status(LABELLED.format(column=column, answer=answer))
    assert got == status
    assert f"{column}:{answer}" in reason


def test_on_pace_quotes_the_latest_period_not_an_earlier_one():
    _got, reason = _status(LABELLED.format(column="是否达序", answer="是"))
    assert "已建成5个" in reason and "20%" not in reason


def test_without_a_verdict_column_the_latest_period_speaks():
    text = LABELLED.format(column="说明", answer="无").replace("已建成5个", "完成45%")
    got, reason = _status(text)
    assert got == "推进中" and "45%" in reason


def test_an_answer_neither_yes_nor_no_decides_nothing():
    got, reason = _status(LABELLED.format(column="是否达序", answer="基本达序"))
    assert "是否达序" not in reason


def test_cells_of_a_row_under_a_header():
    header = ("序号", "项目", "年度目标", "是否完成")
    cells = row_cells("3.新建公厕 | 10座 | 是", "", header)
    assert ("是否完成", "是") in cells
    text = (
        "某县2023年重点项目完成情况\n序号 | 项目 | 年度目标 | 是否完成\n3.新建公厕 | 10座 | 是\n"
    )
    assert _status(text, 2023)[0] == "已完成"


def test_latest_progress_keeps_words_without_periods():
    cells = [("1-5月进展", "完成10%"), ("1-6月进展", "完成30%"), ("备注", "雨季停工")]
    told = "1-5月进展:完成10%\n1-6月进展:完成30%\n备注:雨季停工"
    assert latest_progress(told, cells) == "1-6月进展:完成30%\n备注:雨季停工"
    assert latest_progress("完成30%", [("1-6月进展", "完成30%")]) == "完成30%"
