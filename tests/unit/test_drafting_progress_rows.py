"""The progress text of a table row flattened one labelled cell a line: each sub-row's
completion cells under its name, and no lead-unit cell. Made-up texts."""

import datetime as dt

from bot.drafting.drafter import draft
from bot.drafting.progress_rows import progress_by_row
from bot.drafting.report_text import parse_report

REPORT = (
    "2024年1-9月某县民生实事实施进展情况\n"
    "1.促进就业创业\n"
    "牵头单位:县人社局\n"
    "目标任务:城镇新增就业3000人\n"
    "累计完成:3100\n"
    "累计进度:103%\n"
    "目标任务:创业担保贷款5000万元\n"
    "累计完成:4200\n"
    "累计进度:84%\n"
    "2.农村敬老院提升\n"
    "牵头单位:县民政局\n"
    "目标任务:提升10家敬老院\n"
    "累计完成:8\n"
    "累计进度:80%\n"
)


def test_each_sub_rows_completion_cells_stand_under_its_name_without_the_lead_unit():
    drafted = draft(parse_report(REPORT), REPORT, today=dt.date(2024, 9, 30))
    first, second = drafted.ledger.targets
    assert first.progress_text == (
        "城镇新增就业：\n累计完成:3100\n累计进度:103%\n创业担保贷款：\n累计完成:4200\n累计进度:84%"
    )
    assert second.progress_text == "累计完成:8\n累计进度:80%"
    # The lead unit is the units' still.
    assert first.units[0].name == "县人社局" and first.units[0].source == "named"


def test_sub_rows_named_on_lines_of_their_own_keep_their_lines():
    body = (
        "提高低保标准\n工作目标:不低于600\n已完成数:620\n"
        "提高救助水平\n工作目标:不低于200\n已完成数:210"
    )
    assert progress_by_row(body, "as read") == "as read"


BARRED = (
    "2025年某区政府工作报告目标任务上半年推进情况汇总表\n"
    "序号 | 目标任务 | 责任单位 | 上半年推进情况\n"
    "1.地区生产总值增长6%以上。 | 区发展改革委 | 地区生产总值同比增长2.9%。\n"
    "2.第一产业增加值增长5%。 | 区农业农村委、区林业局 | 第一产业增加值同比增长3.4%。\n"
    "3.新建城区公园2个。 | 区城管局 区城投 | 已完工\n"
)


def test_a_tables_unit_cells_are_the_units_not_the_progress():
    # Before, the 责任单位 cell led the progress: "区发展改革委\n地区生产总值同比增长2.9%。".
    drafted = draft(parse_report(BARRED), BARRED, today=dt.date(2025, 6, 30))
    first, second, third = drafted.ledger.targets
    assert first.progress_text == "地区生产总值同比增长2.9%。"
    assert second.progress_text == "第一产业增加值同比增长3.4%。"
    assert third.progress_text == "已完工"
    assert (first.units[0].name, first.units[0].role) == ("区发展改革委", "lead")
    assert "区林业局" in {u.name for u in second.units}


def test_a_tables_status_cells_are_the_status_not_the_progress():
    report = (
        "2025年某区民生实事进展汇总表\n"
        "序号 | 目标任务 | 责任单位 | 进展情况 | 完成状态\n"
        "1.新建城区公园2个。 | 区城管局 | 2个公园均已建成开放。 | 已完成\n"
        "2.改造老旧小区10个。 | 区住建局 | 已开工8个。 | 推进中\n"
    )
    # Before: "区城管局\n2个公园均已建成开放。\n已完成".
    parks, homes = draft(parse_report(report), report, today=dt.date(2025, 6, 30)).ledger.targets
    assert (parks.progress_text, parks.status_override) == ("2个公园均已建成开放。", "已完成")
    assert (homes.progress_text, homes.status_override) == ("已开工8个。", "推进中")
