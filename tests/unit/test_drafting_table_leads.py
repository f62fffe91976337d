"""A table by place under a lead paragraph: a column planned to be done is a target, a column
of places names the rows, the total row is no row's, the lead gives a column its unit through
the total it writes, and names the rows it ranks low (bot/drafting/table_leads.py).

Every example is a short made-up report, not a line of a real one."""

import datetime as dt

from bot.domain.status import compute_status
from bot.drafting.cells import header_labels, label_kind, read_cells
from bot.drafting.drafter import draft
from bot.drafting.report_text import parse_report
from bot.drafting.rows import pair_rows
from bot.drafting.table_leads import header_with_lead_units, named_as_behind

TODAY = dt.date(2030, 9, 20)

BY_PLACE = "\n".join(
    [
        "2030年民生实事(农村公路提质)目标任务为:提质改造公路300条。截至8月底,已开工180条,"
        "完成投资3.1亿元。甲县、丙县开工率分别为20.00%、25.00%,全市排名靠后。",
        "附件",
        "序号 | 县市区 | 计划完成数 | 累计开工数 | 开工率 | 计划投资额(万元) | "
        "累计完成投资额(万元)",
        "1.甲县 | 100 | 20 | 20.00% | 20000 | 1200",
        "2.乙县 | 120 | 120 | 100.00% | 18000 | 16000",
        "3.丙县 | 80 | 40 | 50.00% | 12000 | 3000",
        "全市 | 300 | 180 | 60.00% | 50000 | 20200",
    ]
)


def _drafted(text: str):
    drafted = draft(parse_report(text), text, today=TODAY)
    return {t.number: t for t in drafted.ledger.targets}


def test_a_column_planned_to_be_done_is_a_target():
    assert label_kind("计划完成数") == "target"
    assert label_kind("年度计划完成投资(万元)") == "target"
    assert label_kind("目标完成值") == "target"
    for progress in ("目标完成情况", "计划投资完成率", "计划完成率", "累计完成数"):
        assert label_kind(progress) == "actual", progress
    assert label_kind("计划完成时间") == "due"


def test_a_column_of_places_names_the_rows():
    assert [label_kind(w) for w in ("县市区", "市州", "乡镇")] == ["name"] * 3


def test_a_unit_in_brackets_does_not_make_a_header_label_long():
    header = header_labels("序号 | 地区 | 年度计划投资 | 累计完成投资额(万元)")
    assert header[-1] == "累计完成投资额(万元)"


def test_the_tables_total_row_is_no_part_of_the_last_row():
    header = ("序号", "县市区", "计划完成数", "累计开工数")
    cells = read_cells("丙县 | 80 | 40", "全市 | 300 | 180", header)
    assert [(r.target, r.actuals) for r in cells.rows] == [("80", ("40",))]
    assert "全市" not in cells.progress_text


def test_the_lead_gives_a_column_the_unit_of_the_total_it_writes():
    header = ("序号", "县市区", "计划完成数", "累计开工数", "计划投资额(万元)")
    lead = "目标任务为:提质改造公路300条。已开工180条。"
    rows = ["甲县 | 100 | 20 | 20000", "全市 | 300 | 180 | 50000"]
    named = header_with_lead_units(header, lead, rows)
    assert named == ("序号", "县市区", "计划完成数(条)", "累计开工数(条)", "计划投资额(万元)")
    # No total row, or a total the lead does not write: the header stays as it is.
    assert header_with_lead_units(header, lead, rows[:1]) == header
    assert header_with_lead_units(header, "全年任务过半。", rows) == header


def test_a_rows_amount_done_answers_its_target_however_small():
    header = ("序号", "县市区", "计划投资额(万元)", "累计完成投资额(万元)", "投资完成率")
    cells = read_cells("甲县 | 20000 | 1200 | 6.00%", "", header)
    pairs = [(p.indicator.target, p.indicator.actual) for p in pair_rows(cells.rows)]
    # the rate cell is kept beside the pair it restates, without a target
    assert pairs == [("20000", "1200"), ("", "6.00")]


def test_the_rows_the_lead_ranks_low_are_behind():
    lead = "甲县、丙县开工率分别为20.00%、25.00%,全市排名靠后。乙县开工率达100%。"
    behind = named_as_behind(lead, {1: "甲县", 2: "乙县", 3: "丙县"})
    assert sorted(behind) == [1, 3]
    assert behind[1].value == "滞后" and "排名靠后" in behind[1].words


def test_a_table_by_place_drafts_each_rows_pairs_and_status():
    targets = _drafted(BY_PLACE)
    assert sorted(targets) == [1, 2, 3]
    first = targets[1]
    assert first.title == "甲县"
    pairs = {(i.name, i.target, i.unit, i.actual) for i in first.indicators if i.comparable}
    # Each named by its place and its completion column.
    assert pairs == {("甲县开工", "100", "条", "20"), ("甲县完成投资", "20000", "万元", "1200")}
    day = dt.date(2030, 8, 31)
    assert compute_status(first, day) == "滞后"  # named as ranked low
    assert compute_status(targets[2], day) == "推进中"  # all begun, investment short
    assert compute_status(targets[3], day) == "滞后"


def test_a_total_row_above_the_rows_leaves_the_header_and_gives_the_units():
    text = "\n".join(
        [
            "2030年农村公路提质目标任务为:提质改造公路300条,已开工180条。",
            "序号 | 县市区 | 计划完成数 | 累计开工数 | 计划投资额(万元) | 累计完成投资额(万元)",
            "全市 | 300 | 180 | 50000 | 20200",
            "1 | 甲县 | 100 | 20 | 20000 | 1200",
            "2 | 乙县 | 200 | 160 | 30000 | 19000",
        ]
    )
    assert header_labels(text.rsplit("\n", 3)[0])[2] == "计划完成数"
    targets = _drafted(text)
    pairs = {(i.target, i.unit, i.actual) for i in targets[2].indicators if i.comparable}
    assert pairs == {("200", "条", "160"), ("30000", "万元", "19000")}


RATE_FLOOR = "\n".join(
    [
        "2030年民生实事(农村公路提质)目标任务为:提质改造公路300条,投资完成率达到60%及以上。"
        "截至8月底,已开工260条。",
        "附件",
        "序号 | 县市区 | 计划完成数 | 累计开工数 | 开工率 | 计划投资额(万元) | "
        "累计完成投资额(万元) | 计划投资完成率",
        "1.甲县 | 100 | 100 | 100.00% | 20000 | 15000 | 75.00%",
        "2.乙县 | 120 | 120 | 100.00% | 18000 | 9000 | 50.00%",
        "3.丙县 | 80 | 40 | 50.00% | 12000 | 9000 | 75.00%",
        "全市 | 300 | 260 | 86.67% | 50000 | 33000 | 66.00%",
    ]
)


def test_the_leads_rate_floor_judges_each_rows_rate():
    targets = _drafted(RATE_FLOOR)
    day = dt.date(2030, 8, 31)
    # all started and 75% invested against the lead's 60%: beyond its floor
    assert compute_status(targets[1], day) == "超额完成"
    assert "投资完成率达到60%及以上" in targets[1].status_reason
    # below the floor, or not all started: the figures as written
    assert compute_status(targets[2], day) == "推进中"
    assert compute_status(targets[3], day) == "推进中"
