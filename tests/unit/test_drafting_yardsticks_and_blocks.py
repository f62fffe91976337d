"""Shapes of the round retired in session 28: shares of the year's plan under a report's own
yardstick ("双过半", items counted short of 序时进度), status runs counted as what a report has
("有3个项目进展缓慢,欠序时较多。具体情况如下:"), tasks and results in two numbered lists inside
an item, and a table by area with a node target for the quarter. Made-up texts."""

import datetime as dt

from bot.domain.status import compute_status
from bot.drafting.columns import header_labels, is_place_column
from bot.drafting.deadlines import extract_deadlines
from bot.drafting.groups import Group, _unmarked_heading, group_reading
from bot.drafting.node_columns import missed_node, period_end
from bot.drafting.report_text import parse_report
from bot.drafting.shares import shares_of_unwritten_targets
from bot.drafting.sub_lists import sub_list_mark, tasks_and_results
from bot.drafting.table_leads import header_with_table_unit
from bot.drafting.time_gone import behind_time_gone, counts_laggards, months_gone
from bot.drafting.words import status_from_words
from tests.auxil.drafts import drafted as _drafted
from tests.auxil.drafts import drafted_statuses as _statuses

# --- shares of the year's plan under the report's yardstick ------------------------------

REVIEW = (
    "关于某县2021年上半年计划执行情况的审议意见\n"
    "会议认为,\n"
    "1.上半年全县财政总收入完成2.4亿元,占年计划的46.2%,同比增长5.1%;\n"
    "2.社会消费品零售总额完成7.9亿元,占年计划的51.4%,同比增长9%;\n"
    "3.一般公共预算支出完成6.1亿元,占预算的48.8%。\n"
    "会议指出,9项主要指标中,有4项没有完成“双过半”目标任务。\n"
)


def test_a_share_below_the_half_year_is_behind_under_the_double_half_yardstick():
    assert _statuses(REVIEW, dt.date(2021, 8, 20)) == {1: "滞后", 2: "推进中", 3: "滞后"}


def test_without_the_yardstick_a_share_only_says_how_far():
    text = REVIEW.replace("会议指出,9项主要指标中,有4项没有完成“双过半”目标任务。\n", "")
    assert set(_statuses(text, dt.date(2021, 8, 20)).values()) == {"推进中"}


def test_the_time_gone_is_counted_in_months():
    assert months_gone(dt.date(2021, 6, 30)) == 50
    assert months_gone(dt.date(2021, 9, 30)) == 75
    said = behind_time_gone("完成投资3亿元,占年度计划的70.5%", dt.date(2021, 9, 30))
    assert said.value == "滞后" and "低于序时进度75%" in said.words
    assert behind_time_gone("占年度计划的80%", dt.date(2021, 9, 30)) is None
    # a quarter's node is no share of the year's plan
    assert behind_time_gone("完成一季度目标任务的90%", dt.date(2021, 9, 30)) is None


def test_reports_count_laggards_in_either_order():
    assert counts_laggards("12项重点指标中有5项未达到序时进度")
    assert counts_laggards("未实现“双过半”的指标有3项")
    assert not counts_laggards("全县经济运行总体平稳,主要指标完成情况较好")


def test_shares_of_a_bare_plan_or_budget_are_shares_of_unwritten_targets():
    assert shares_of_unwritten_targets("规上工业增加值完成3亿元,占计划的55%")
    assert shares_of_unwritten_targets("一般公共预算支出完成6.1亿元,占预算的48.8%")
    # the share's own figure writes no target
    assert shares_of_unwritten_targets("防汛工程完成投入2亿元,占年度计划96%;")


def test_the_half_year_opening_a_places_result_is_no_deadline():
    dates = extract_deadlines("上半年全市地区生产总值完成120亿元,同比增长6%;", 2021)
    assert [d.date for d in dates] == [dt.date(2021, 12, 31)]
    due = extract_deadlines("上半年完成老旧小区改造30个", 2021)
    assert [d.date for d in due] == [dt.date(2021, 6, 30)]


# --- status runs counted as what the report has ------------------------------------------

RUNS = (
    "2015年市政府实事项目1-9月完成情况\n"
    "1-9月份,全市12个实事项目累计完成投入20亿元,占年度计划70%。\n"
    "全市12个实事项目中,有2个项目进展较快,超额完成序时进度。其中:\n"
    "1.城区污水管网工程完成投入1.2亿元,占年度计划92%;\n"
    "2.农村公路提档工程完成投入500万元,已完成年度投资计划。\n"
    "有1个项目正有序推进,基本达到序时进度。其中:\n"
    "3.体育公园建设完成投入3000万元,占年度计划73%。\n"
    "有1个项目实施较慢,欠序时较多,具体情况如下:\n"
    "4.城北水厂工程。该项目年度计划投入1.5亿元,目前仅完成投入1800万元,占年度计划12%。\n"
)


def test_a_run_counted_as_what_the_report_has_is_a_group_heading():
    assert _unmarked_heading("有1个项目实施较慢,欠序时较多,具体情况如下:") == (
        "有1个项目实施较慢,欠序时较多"
    )
    assert _unmarked_heading("有1个项目正有序推进,基本达到序时进度。其中:")
    # a sentence closed before "其中:" that counts no group is none
    assert _unmarked_heading("全年任务圆满完成。其中:") == ""


def test_ahead_of_the_time_gone_is_pace_not_the_target_beaten():
    reading = group_reading(Group("有2个项目进展较快,超额完成序时进度", 0))
    assert reading.value == "推进中"
    assert status_from_words("超额完成序时进度").value == "推进中"
    assert status_from_words("欠序时较多").value == "滞后"


def test_items_under_counted_runs():
    statuses = _statuses(RUNS, dt.date(2015, 10, 15))
    # 73% under "基本达到序时进度" keeps pace; the year's plan done is done
    assert statuses == {1: "推进中", 2: "已完成", 3: "推进中", 4: "滞后"}


def test_a_plan_and_its_result_in_units_that_convert_pair():
    _, targets = _drafted(RUNS, dt.date(2015, 10, 15))
    pairs = {
        (i.target, i.unit, i.actual, i.actual_unit) for i in targets[4].indicators if i.actual
    }
    assert ("1.5", "亿元", "1800", "万元") in pairs


# --- tasks and results in two numbered lists inside an item ------------------------------

BLOCKS = (
    "某县2024年惠民行动1-6月进展情况\n"
    "1.(一)托育服务行动\n"
    "省定任务(2024年度)\n"
    "1、新增托位300个;\n"
    "2、培训保育人员150人次;\n"
    "工作进展情况\n"
    "1、新增托位320个,已完成目标任务的100%。\n"
    "2、培训保育人员90人次。\n"
    "2.(二)助浴服务行动\n"
    "省定任务(2024年度)\n"
    "1、建设助浴点(12个);\n"
    "工作进展情况\n"
    "1、已建设助浴点12个,已完成目标任务的100%。\n"
)


def test_inner_numbers_that_start_again_are_no_items():
    assert sub_list_mark(BLOCKS.split("\n")) == "、"
    assert [t.number for t in parse_report(BLOCKS).targets] == [1, 2]
    assert sub_list_mark(["1.甲", "2.乙", "3.丙"]) == ""


def test_tasks_pair_with_results_by_number():
    found = tasks_and_results(
        "年度目标\n1、改造户厕200户;\n2、新建公厕5座;\n完成情况\n1、改造户厕210户。\n"
    )
    assert found == [("改造户厕200户;", "改造户厕210户。"), ("新建公厕5座;", "")]
    assert tasks_and_results("1、改造户厕200户;\n2、新建公厕5座;") == []


def test_an_item_of_task_and_result_blocks_pairs_and_is_judged_by_its_figures():
    drafted, targets = _drafted(BLOCKS, dt.date(2024, 7, 20))
    pairs = {(i.target, i.unit, i.actual) for i in targets[1].indicators}
    assert pairs == {("300", "个", "320"), ("150", "人次", "90")}
    pairs = {(i.target, i.unit, i.actual) for i in targets[2].indicators}
    assert pairs == {("12", "个", "12")}
    # 90 of 150 at mid-year goes on, whatever share the line prints
    assert compute_status(targets[1], drafted.judging_day) == "推进中"
    assert compute_status(targets[2], drafted.judging_day) == "已完成"


# --- a table by area with a node target ---------------------------------------------------

TABLE = (
    "2022年1-6月全市重点项目投资完成情况表\n"
    "单位:万元\n"
    "县(市、区) | 年度计划投资 | 上半年目标任务 | 上半年完成投资 | 完成率(%) |\n"
    "某某市 | 9000 | 4500 | 4600 | 102.2% |\n"
    "1.甲 区 | 5000 | 2500 | 2700 | 108% |\n"
    "2.乙县 | 4000 | 2000 | 1900 | 95% |\n"
)


def test_a_row_of_figures_under_the_header_is_no_header():
    preamble = parse_report(TABLE).preamble
    assert header_labels(preamble)[0] == "县(市、区)"
    assert is_place_column("县(市、区)")


def test_the_tables_unit_note_names_its_figure_columns_units():
    header = ("县(市、区)", "年度计划投资", "上半年完成投资", "完成率(%)")
    assert header_with_table_unit(header, "…完成情况表\n单位:万元") == (
        "县(市、区)",
        "年度计划投资(万元)",
        "上半年完成投资(万元)",
        "完成率(%)",
    )
    assert header_with_table_unit(header, "…完成情况表") == header


def test_a_node_for_a_part_of_the_year_that_has_ended():
    assert period_end("一季度目标任务", 2022) == dt.date(2022, 3, 31)
    assert period_end("上半年目标", 2022) == dt.date(2022, 6, 30)
    assert period_end("年度计划投资", 2022) is None
    header = ("县区", "年度计划投资", "一季度目标任务", "一季度完成投资", "完成率")
    row = "乙县 | 4000 | 1000 | 900 | 90% |"
    assert missed_node(row, header, dt.date(2022, 3, 31)).value == "滞后"
    assert missed_node(row, header, dt.date(2022, 2, 28)) is None  # not due yet
    assert missed_node("甲区 | 4000 | 1000 | 1100 | 110% |", header, dt.date(2022, 3, 31)) is None


def test_a_table_by_area_pairs_node_and_year_and_judges_the_node():
    drafted, targets = _drafted(TABLE, dt.date(2022, 6, 30))
    pairs = {(i.target, i.unit, i.actual) for i in targets[2].indicators if i.target}
    assert pairs == {("4000", "万元", ""), ("2000", "万元", "1900")}  # and its rate cell, kept
    statuses = {n: compute_status(t, drafted.judging_day) for n, t in targets.items()}
    assert statuses == {1: "推进中", 2: "滞后"}


def test_task_figures_are_named_apart_by_their_lines():
    from bot.drafting.sub_lists import tasks_paired

    found = tasks_paired(
        "年度任务\n1、城区养老驿站(助餐点)6个;\n2、农村养老驿站(助餐点)9个;\n"
        "进展情况\n1、新增城区养老驿站、助餐点6个。\n2、新增农村养老驿站、助餐点7个。\n"
    )
    names = [p.indicator.name for p in found]
    assert names == ["城区养老驿站(助餐点)", "农村养老驿站(助餐点)"]


PLACES = (
    "某市扎实开展“项目提速增效年”活动,“项目提速增效年”成效明显,"
    "上半年全市重点项目完成投资79亿元。\n"
    "2023年1-6月全市重点项目完成情况表\n"
    "单位:亿元\n"
    "县(市、区) | 年度投资计划 | 上半年完成投资 | 占比(%) |\n"
    "1.市本级 | 80 | 41 | 51.3% |\n"
    "2.青 县 | 30 | 16 | 53.3% |\n"
    "3.白马区 | 20 | 9 | 45% |\n"
    "4.东山县 | 25 | 13 | 52% |\n"
)


def test_rows_by_place_take_the_list_of_projects_not_the_campaign():
    _, targets = _drafted(PLACES, dt.date(2023, 7, 10))
    assert [t.title for t in targets.values()] == [
        "市本级重点项目",
        "青县重点项目",
        "白马区重点项目",
        "东山县重点项目",
    ]


def test_a_line_saying_its_whole_plan_is_done_gives_what_was_done():
    assert shares_of_unwritten_targets("乡村图书室建设完成投入120万元,已完成年度投资计划。")
    assert not shares_of_unwritten_targets("完成年度投资计划3亿元")
    _, targets = _drafted(RUNS, dt.date(2015, 10, 15))
    figures = {(i.target, i.actual, i.unit) for i in targets[2].indicators}
    assert figures == {("", "500", "万元")}
