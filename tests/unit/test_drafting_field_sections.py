"""A report sorted into sections by field ("一、经济发展（3项）", "二、民生保障（2项）"), each item
keeping its number in the longer list, so the numbers go back at each section; and a target line
closing on its status mark and lead unit ("…。【已完成】（牵头：县住建局）"), as the bot's own Word
report writes it. Before, only the items of the first section were read.

Every example is a short made-up report, not a line of a real one."""

import datetime as dt

import pytest

from bot.drafting.report_text import parse_report
from bot.drafting.row_verdicts import status_mark
from bot.drafting.section_lists import SECTION, first_under_section, opens_with_date
from tests.auxil.drafts import drafted

TODAY = dt.date(2032, 1, 10)

BY_FIELD = "\n".join(
    [
        "2031年县重点工作目标落实情况",
        "（数据截至2031-12-31）",
        "一、经济发展（3项）",
        "1.新增规上企业12家。【超额完成】（牵头：县工信局）",
        "全年新增规上企业15家。",
        "4.7月底前完成县城供水价格调整。【已完成】（牵头：县发改委）",
        "6月20日新水价已执行。",
        "5.2031年新增贷款不低于20亿元。【已完成】",
        "全年新增贷款21.3亿元。",
        "二、民生保障（2项）",
        "2.新建公办幼儿园3所。【已完成】（牵头：县教育局）",
        "3所幼儿园已投入使用。",
        "3.城镇新增就业3000人。【未完成】（牵头：县人社局）",
        "全年城镇新增就业2650人。",
        "三、目标落实情况汇总",
        "截至2031-12-31，共5项目标。",
    ]
)


def test_every_section_of_a_report_sorted_by_field_is_read():
    report = parse_report(BY_FIELD)
    assert [t.number for t in report.targets] == [1, 4, 5, 2, 3]
    assert report.targets[-1].progress_text == "全年城镇新增就业2650人。"  # not the summary


def test_the_closing_mark_and_lead_unit_are_no_part_of_the_target():
    result, by = drafted(BY_FIELD, TODAY)
    assert by[1].target_text == "新增规上企业12家。"
    assert by[3].target_text == "城镇新增就业3000人。"
    leads = {n: [u.name for u in t.units if u.role == "lead"] for n, t in by.items()}
    assert leads[2] == ["县教育局"] and leads[3] == ["县人社局"]
    assert [d.date for d in by[4].deadlines] == [dt.date(2031, 7, 31)]  # not also 年底
    pair = by[3].indicators[0]
    assert (pair.target, pair.actual, pair.unit) == ("3000", "2650", "人")


def test_the_closing_mark_is_not_read_as_an_override():
    # The bot computed it from the figures the draft reads again; an override would pin it.
    _result, by = drafted(BY_FIELD, TODAY)
    assert not any(by[n].status_override for n in (1, 2, 3, 5))


@pytest.mark.parametrize(
    ("text", "stripped", "lead"),
    [
        (
            "建设城市书房2座。【推进中】（牵头：县文旅局）",
            "建设城市书房2座。",
            "牵头单位:县文旅局\n",
        ),
        ("建设城市书房2座。【已完成，已销号（2031-11-02）】", "建设城市书房2座。", ""),
        ("建设城市书房2座（含24小时书房）。", "建设城市书房2座（含24小时书房）。", ""),
        ("建设【县图书馆】分馆2座", "建设【县图书馆】分馆2座", ""),  # no status in it: kept
    ],
)
def test_a_closing_status_mark_is_stripped_with_the_lead_after_it(text, stripped, lead):
    found, reading, named = status_mark(text)
    assert (found, reading, named) == (stripped, None, lead)


@pytest.mark.parametrize(
    ("line", "section"),
    [
        ("一、经济发展（24项）", True),
        ("二、民生保障(共6项)", True),
        ("三、社会事业", True),
        ("一、新增就业3000人", False),
        ("二、民生保障（14项）已完成10项", False),
    ],
)
def test_a_section_title_may_count_its_items(line, section):
    assert bool(SECTION.match(line)) is section


@pytest.mark.parametrize(
    ("rest", "dated"),
    [
        ("7月底前完成", True),
        ("10月底之前完成", True),
        ("2031年完成投资", True),
        ("5%以上", False),
        ("5万人", False),
        ("13月", False),
    ],
)
def test_a_month_or_year_after_the_number_is_no_decimal(rest, dated):
    assert opens_with_date(rest) is dated


def test_a_used_number_or_a_decimal_opens_no_item_under_a_section():
    assert first_under_section("3.新建公办幼儿园3所。", {1, 2}) == (3, "新建公办幼儿园3所。")
    assert first_under_section("2.新建公办幼儿园3所。", {1, 2}) == (0, "")
    assert first_under_section("12.5%的企业已上云。", {1, 2}) == (0, "")
    assert first_under_section("17.7月底前完成调价。", {1, 2}) == (17, "7月底前完成调价。")


def test_a_list_numbered_in_order_across_sections_reads_as_before():
    text = "\n".join(
        [
            "2031年县民生实事进展",
            "一、教育",
            "1.新建幼儿园2所。",
            "已建成2所。",
            "二、交通",
            "2.新建公路10公里。",
            "已建成6公里。",
        ]
    )
    assert [t.number for t in parse_report(text).targets] == [1, 2]


def test_an_appended_table_is_no_progress_of_the_last_item():
    text = "\n".join(
        [
            "2031年县民生实事进展",
            "1.新建幼儿园2所。",
            "已建成2所。",
            "2.新建公路10公里。",
            "已建成6公里。",
            "",
            "附表：目标落实情况汇总（截至2031-10-31，共2项）",
            "状态｜项数",
            "已完成｜1",
            "推进中｜1",
        ]
    )
    assert parse_report(text).targets[-1].progress_text == "已建成6公里。"


def test_a_target_without_progress_keeps_its_marks_out_of_the_progress():
    text = "\n".join(
        [
            "2031年县工作目标落实情况",
            "一、经济发展（2项）",
            "1.新增规上企业12家。【推进中】（牵头：县工信局）",
            "（暂无进展）",
            "2.新建停车位500个。【已完成】（牵头：县住建局）",
            "已完成新建停车位500个。",
        ]
    )
    _result, by = drafted(text, dt.date(2031, 11, 5))
    assert (by[1].target_text, by[1].progress_text) == ("新增规上企业12家。", "")
    assert not by[1].status_override  # neither the placeholder nor the mark decides
    assert [u.name for u in by[1].units if u.role == "lead"] == ["县工信局"]


def test_a_skipped_number_before_a_date_opens_an_item_and_before_a_decimal_does_not():
    text = "\n".join(
        [
            "2031年县工作目标落实情况",
            "1.新建幼儿园2所。",
            "已建成2所。",
            "2.新建公路10公里。",
            "已建成6公里,",
            "12.5%的路段已铺设沥青。",
            "17.7月底前完成水价调整。",
            "7月20日新水价已执行。",
        ]
    )
    report = parse_report(text)
    assert [t.number for t in report.targets] == [1, 2, 17]
    assert "12.5%的路段" in report.targets[1].progress_text
