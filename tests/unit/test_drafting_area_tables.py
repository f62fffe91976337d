"""A completion table by area turned one item per indicator: the item's heading names the
measure in brackets, each line is one area's row ("全县 | 目标任务:500 | 进度:620 | 完成率:124"),
and the ledger's figure is the total's row; the other areas are its breakdown.

Every example is a short made-up report, not a line of a real one."""

import datetime as dt

from bot.domain.status import compute_status
from bot.drafting.cells import heading_measure, read_cells
from bot.drafting.drafter import draft
from bot.drafting.report_text import parse_report

TODAY = dt.date(2026, 12, 6)

BY_AREA = "\n".join(
    [
        "2021年民生实事完成情况表",
        "1.农村劳动力转移就业(人)",
        "牵头单位:县人社局",
        "全县 | 目标任务:5000 | 进度:6100 | 完成比例(%):122",
        "甲镇 | 目标任务:3000 | 进度:3900 | 完成比例(%):130",
        "乙镇 | 目标任务:2000 | 进度:2200 | 完成比例(%):110",
        "2.城镇调查失业率低于(%)",
        "全县 | 目标任务:5.5 | 进度:4.9",
        "甲镇 | 目标任务:5.5 | 进度:5.1",
        "3.改造农村危房(户)",
        "全县 | 目标任务:300 | 进度:240 | 完成比例(%):80",
        "甲镇 | 目标任务:200 | 进度:200 | 完成比例(%):100",
        "乙镇 | 目标任务:100 | 进度:40 | 完成比例(%):40",
    ]
)


def _drafted(text: str):
    drafted = draft(parse_report(text), text, today=TODAY)
    return drafted, {t.number: t for t in drafted.ledger.targets}


def _pairs(target):
    return [(i.target, i.unit, i.actual, i.actual_unit, i.comparator) for i in target.indicators]


def test_the_total_row_of_an_area_table_is_the_ledgers_one_pair():
    drafted, targets = _drafted(BY_AREA)
    assert _pairs(targets[1]) == [("5000", "人", "6100", "", ">=")]
    assert targets[1].target_text == "农村劳动力转移就业：全县5000人"
    assert "甲镇 | 目标任务:3000 | 进度:3900" in targets[1].progress_text  # kept as detail
    assert compute_status(targets[1], drafted.judging_day) == "超额完成"
    assert compute_status(targets[3], drafted.judging_day) == "未完成"  # 240 of 300 at the close


def test_a_bracketed_heading_gives_the_unit_and_its_words_the_comparator():
    _drafted_, targets = _drafted(BY_AREA)
    assert _pairs(targets[2]) == [("5.5", "%", "4.9", "", "<=")]
    assert targets[2].indicators[0].name == "城镇调查失业率"


def test_a_plain_progress_cell_is_an_amount_beside_a_bare_target_and_a_share_in_percent():
    amount = read_cells("1.培训(人)", "全县 | 目标任务:100 | 进度:120 | 完成率:120%")
    assert [r.actuals for r in amount.rows] == [("120",)]
    share = read_cells("1.培训1000人", "目标任务:培训1000人\n累计进度:80%")
    assert [r.actuals for r in share.rows] == [()]


def test_rows_by_area_without_a_total_each_stay_a_row():
    cells = read_cells(
        "1.培训(人)", "甲镇 | 目标任务:100 | 进度:120\n乙镇 | 目标任务:50 | 进度:40"
    )
    assert [(r.area, r.target, r.actuals) for r in cells.rows] == [
        ("甲镇", "100", ("120",)),
        ("乙镇", "50", ("40",)),
    ]


def test_only_a_unit_in_a_headings_brackets_is_its_measure():
    assert heading_measure("城镇新增就业(人)") == ("城镇新增就业", "人")
    assert heading_measure("贫困发生率(%)") == ("贫困发生率", "%")
    assert heading_measure("实施保障性安居工程(第二十六项)") == (
        "实施保障性安居工程(第二十六项)",
        "",
    )


def test_an_area_table_one_cell_a_line_keeps_the_total_too():
    cells = read_cells(
        "1.改造农村危房(户)",
        "\n".join(["全县", "目标任务:300", "完成:240", "甲镇", "目标任务:200", "完成:200"]),
    )
    assert [(r.area, r.target, r.unit, r.actuals) for r in cells.rows] == [
        ("全县", "300", "户", ("240",))
    ]
    assert "甲镇目标任务:200" in cells.progress_text
    assert "完成:200" in cells.progress_text


def test_an_area_table_under_a_header_of_places_keeps_the_total():
    text = "\n".join(
        [
            "2021年民生实事完成情况",
            "序号 | 地区 | 目标任务 | 完成数 | 完成率",
            "1.新增就业(人)",
            "全县 | 5000 | 6100 | 122%",
            "甲镇 | 3000 | 3900 | 130%",
        ]
    )
    _drafted_, targets = _drafted(text)
    # the total's rate cell is kept beside its pair, without a target
    assert _pairs(targets[1]) == [("5000", "人", "6100", "", ">="), ("", "%", "122", "", ">=")]


def test_a_unit_cell_over_an_area_table_holds_for_every_area():
    cells = read_cells(
        "1.改造农村危房",
        "\n".join(["单位:户", "全县", "目标任务:300", "完成:240", "甲镇", "目标任务:200"]),
    )
    assert [(r.area, r.target, r.unit) for r in cells.rows] == [("全县", "300", "户")]
