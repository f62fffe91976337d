"""Results told against a plan the report does not print ("比年度计划高X个百分点", "与年度计划
持平"), a fourth-quarter report as the year's close, a target and its result on one line split
by a colon, a line ending on how its work goes, changes on last year as results, a year-end
table whose untitled group line and filing columns sit under its header, and targets adjusted
during the year. Made-up texts in the shapes of real reports."""

import datetime as dt

from bot.drafting.cells import header_labels
from bot.drafting.rates import gap_above, gap_status, level_with_plan
from bot.drafting.report_dates import report_day
from bot.drafting.report_text import parse_report
from bot.drafting.sentences import line_tells_progress, states_years_value, tells_results
from bot.drafting.target_colons import target_then_result
from bot.drafting.words import comparator_for, status_from_words, whole_year_done
from tests.auxil.drafts import drafted, drafted_statuses


def test_a_margin_above_the_plan_told_from_the_plans_side_is_over_the_task():
    said = gap_above("完成投资3.2亿元,比年度计划高8.5个百分点。")
    assert said is not None and said.value == "超额完成"
    assert said.words == "比年度计划高8.5个百分点"
    assert gap_above("较计划投资多5个百分点").value == "超额完成"
    # less is better for an emission: a figure above its plan is no good news
    assert gap_above("排放量比年度计划高2个百分点") is None


def test_a_margin_below_the_plans_investment_is_short_of_it():
    assert gap_status("完成投资1.1亿元,比年度计划投资低6个百分点").value == "未完成"


def test_a_result_level_with_the_plan_is_done_and_level_with_last_year_says_nothing():
    said = level_with_plan("完成投资0.8亿元,与年度计划持平。新建泵站2座。")
    assert said is not None and said.value == "已完成"
    assert said.words == "与年度计划持平"
    assert level_with_plan("粮食产量与上年持平") is None


NEWS = """记者从县人代会上获悉:
去年县人大代表票决的6件民生实事全部完成,累计完成投资3.6亿元,比计划投资高9个百分点。
1.城区雨污分流改造
完成投资1.5亿元,比年度计划高11.2个百分点。改造雨污管网32公里。
2.乡镇卫生院提档升级
完成投资0.6亿元,与年度计划持平。8所卫生院完成改造。
"""


def test_a_year_end_news_report_judges_each_item_by_its_gap_to_the_plan():
    statuses = drafted_statuses(NEWS, dt.date(2023, 12, 31))
    assert statuses == {1: "超额完成", 2: "已完成"}


def test_a_fourth_quarter_report_is_as_of_the_years_close():
    assert report_day("某区2022年重点任务四季度进展情况", 2022) == dt.date(2022, 12, 31)
    assert report_day("某区2022年重点任务三季度进展情况", 2022) == dt.date(2022, 9, 30)


def test_a_target_a_colon_and_its_result_split_at_the_colon():
    assert target_then_result("二氧化碳排放量控制在120万吨以内:全年排放108万吨。") == (
        "二氧化碳排放量控制在120万吨以内",
        "全年排放108万吨。",
    )
    assert target_then_result("截至9月底:完成投资80万元") is None  # a day, no target
    assert target_then_result("年度目标:新建学校3所") is None  # a label, no figure before it
    assert target_then_result("已完成改造12个:其中老旧小区8个") is None  # a result first


QUARTER = """某区2022年绩效任务四季度进展情况
一、节能减排
1. 能耗总量控制在60万吨标准煤以内:据统计,全年能耗总量为55.2万吨标准煤。
2. 单位地区生产总值能耗下降2%:全年单位地区生产总值能耗下降3.1%。
二、财政收入
3. 税收收入86.2亿元,同比增长4.1%。
4. 32个储备项目有序推进。
"""


def test_a_quarter_reports_colon_lines_pair_and_its_changes_on_last_year_are_results():
    result, targets = drafted(QUARTER, dt.date(2022, 12, 31))
    (energy,) = [i for i in targets[1].indicators if i.target]
    assert (energy.target, energy.actual, energy.comparator) == ("60", "55.2", "<=")
    (rate,) = [i for i in targets[2].indicators if i.target]
    assert (rate.target, rate.actual) == ("2", "3.1")
    statuses = drafted_statuses(QUARTER, dt.date(2022, 12, 31))
    assert statuses[1] == "超额完成" and statuses[2] == "超额完成"
    assert statuses[3] == "已完成"  # the year's result, as reported at its end
    assert statuses[4] == "推进中"  # "有序推进", the state of the work


def test_a_line_ending_on_how_its_work_goes_tells_progress_and_a_task_does_not():
    assert line_tells_progress("32个储备项目有序推进。")
    assert line_tells_progress("各项工程进展顺利")
    assert not line_tells_progress("有序推进老旧小区改造。")


def test_a_change_on_last_year_is_a_result_and_one_set_as_a_floor_is_not():
    assert tells_results("税收收入86.2亿元,同比增长4.1%。")
    assert not tells_results("税收收入同比增长8%以上。")


HEADER = "分类 | 序号 | 工作目标 | 责任单位 | 全年完成情况"
TABLE = (
    "某县2021年政府工作报告主要目标全年完成情况\n"
    f"{HEADER}\n"
    "经济发展主要预期目标\n"
    "1.税收收入增长5%左右。 | 县财政局 | "
    "税收收入由年初预算52亿元调整为48亿元,截至12月31日,全年税收收入完成48.6亿元。\n"
    "2.农村居民人均可支配收入增长快于城镇居民。 | 县统计局 | "
    "城镇居民人均可支配收入41200元,增长3.2%;农村居民人均可支配收入21800元,增长6.4%。\n"
    "3.城镇调查失业率控制在5.5%以内。 | 县人社局 | 全年城镇新增就业5230人。\n"
    "4.推进城市更新行动。 | 县住建局 | 开展城市更新方案研究,推动项目落地。\n"
)


def test_an_untitled_group_line_under_the_header_leaves_the_header_readable():
    preamble = f"某表\n{HEADER}\n经济发展主要预期目标"
    assert header_labels(preamble) == ("分类", "序号", "工作目标", "责任单位", "全年完成情况")


def test_a_year_end_table_reads_its_result_cells_as_results_not_targets():
    result, targets = drafted(TABLE, dt.date(2022, 3, 1))
    # a target without a figure: the result cell's figures are what was done, not targets
    assert all(not i.target for i in targets[2].indicators)
    statuses = drafted_statuses(TABLE, dt.date(2022, 3, 1))
    assert statuses[2] == "已完成"
    assert statuses[4] == "推进中"  # a result cell telling work that goes on counts nothing done
    (ceiling,) = [i for i in targets[3].indicators if i.target]
    assert (ceiling.name, ceiling.target, ceiling.comparator) == ("城镇调查失业率", "5.5", "<=")


def test_a_target_adjusted_during_the_year_is_what_the_result_answers():
    result, targets = drafted(TABLE, dt.date(2022, 3, 1))
    amounts = [i for i in targets[1].indicators if i.unit == "亿元"]
    assert [(i.target, i.actual) for i in amounts] == [("48", "48.6")]


def test_a_measure_named_as_a_fall_is_a_floor_on_the_fall():
    name = "单位地区生产总值能耗下降"
    assert comparator_for("", "", name).value == ">="  # 下降3.1% beats 下降2%
    assert comparator_for("", "", "单位地区生产总值能耗").value == "<="


def test_a_line_opening_on_its_year_and_a_value_states_a_result():
    assert states_years_value("2031年全县粮食产量为12.5万吨,增长2.1%。")
    assert states_years_value("2031年全县生产总值实现286亿元")
    assert not states_years_value("2031年全县生产总值达到300亿元以上")  # a floor set
    assert not states_years_value("2031年计划新建学校为3所")  # a plan
    assert not states_years_value("全县粮食产量12.5万吨")  # no year: may be a target


YEAR_LINES = """某县2031年绩效任务四季度进展情况
一、粮食生产
1. 2031年全县粮食产量为12.5万吨,增长2.1%。耕地保有量稳定在48万亩,完成了预定目标。
"""


def test_a_year_end_item_told_as_results_pairs_nothing_and_its_verdict_closes_it():
    result, targets = drafted(YEAR_LINES, dt.date(2031, 12, 31))
    assert all(not i.target for i in targets[1].indicators)
    assert drafted_statuses(YEAR_LINES, dt.date(2031, 12, 31))[1] == "已完成"


def test_done_words_for_an_adjusted_target_or_a_set_goal_close_the_year():
    said = status_from_words("全年完成收入48.6亿元,完成调整后方案目标。")
    assert said is not None and said.value == "已完成"
    assert whole_year_done("全年完成收入48.6亿元,完成调整后方案目标。")
    assert whole_year_done("能耗下降3%,完成了预定目标")
    assert not whole_year_done("确保完成既定目标")


def test_a_short_line_under_a_title_that_is_no_header_is_no_group_line():
    assert header_labels("某县2021年重点工作推进情况\n经济发展") == ()


def test_a_mid_year_tables_result_cells_count_nothing_done():
    text = TABLE.replace("全年完成情况", "1-6月完成情况")
    statuses = drafted_statuses(text, dt.date(2021, 7, 10))
    assert statuses[2] != "已完成"


def test_a_table_row_keeps_its_cells_whatever_colons_they_hold():
    text = "某县2031年重点任务推进情况\n1.新建学校3所:含小学2所 | 县教育局 | 已完成2所。\n"
    (row,) = parse_report(text).targets
    assert row.target_text.endswith("已完成2所。") and not row.progress_text  # read by its cells
