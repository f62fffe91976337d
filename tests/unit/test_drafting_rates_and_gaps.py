"""Growth-rate targets judged on a partial year, gaps to unprinted targets, laggard notices
with a section title under their heading, and table rows whose first cell ends a sentence.
Made-up texts in the shapes of real reports."""

import datetime as dt

from bot.domain.status import compute_status
from bot.drafting.cells import header_labels
from bot.drafting.deadlines import extract_deadlines
from bot.drafting.drafter import draft
from bot.drafting.pairing import pair_indicators
from bot.drafting.rates import gap_status
from bot.drafting.report_text import parse_report

TODAY = dt.date(2026, 12, 6)


def _drafted(text: str):
    drafted = draft(parse_report(text), text, today=TODAY)
    return drafted, {t.number: t for t in drafted.ledger.targets}


def _statuses(text: str) -> dict[int, str]:
    drafted, targets = _drafted(text)
    return {n: compute_status(t, drafted.judging_day) for n, t in targets.items()}


GROWTH_TABLE = (
    "2023年县政府工作报告目标任务1-6月推进情况表\n"
    "序号 | 目标任务 | 责任单位 | 1-6月完成情况\n"
    "一、主要经济指标\n"
    "1.规模以上工业增加值增长7%。 | 县经信局 | 规模以上工业增加值同比增长5.2%。\n"
    "2.社会消费品零售总额增长6%以上。 | 县商务局 | 社会消费品零售总额同比增长8.1%。\n"
    "3.城镇登记失业率控制在4.5%以内。 | 县人社局 | 城镇登记失业率3.9%。\n"
    "二、重点工作\n"
    "4.推进县城污水管网改造。 | 县住建局 | 县城污水管网\n"
)


def test_a_header_above_a_group_title_is_still_the_tables_header():
    report = parse_report(GROWTH_TABLE)
    assert header_labels(report.preamble) == ("序号", "目标任务", "责任单位", "1-6月完成情况")


def test_a_row_whose_first_cell_ends_a_sentence_pairs_target_and_actual():
    _drafted_, targets = _drafted(GROWTH_TABLE)
    (growth,) = [i for i in targets[1].indicators if i.target]
    assert (growth.target, growth.unit, growth.actual) == ("7", "%", "5.2")


def test_a_growth_rate_below_its_target_in_midyear_is_behind_not_under_way():
    statuses = _statuses(GROWTH_TABLE)
    # 5.2% against 7%: a rate does not accumulate, so the year is running behind.
    assert statuses[1] == "滞后"
    assert statuses[2] == "超额完成"
    assert statuses[3] == "超额完成"  # a ceiling met is no growth rate behind


def test_progress_that_only_repeats_the_targets_words_tells_nothing():
    assert _statuses(GROWTH_TABLE)[4] == "暂无数据"


def test_a_gap_to_the_target_is_behind_in_the_year_and_not_done_after_it():
    midyear = (
        "某市重点指标1-9月未达序时情况\n"
        "1.进出口总额:增长2%,低于目标4个百分点。\n"
        "2.财政收入:增长5%,比目标低1.5个百分点。\n"
    )
    assert _statuses(midyear) == {1: "滞后", 2: "滞后"}
    year_end = "某市2022年重点指标全年完成情况\n1.进出口总额:全年增长2%,低于目标4个百分点。\n"
    assert _statuses(year_end) == {1: "未完成"}


def test_a_gap_below_a_ceiling_is_good_news():
    assert gap_status("城镇调查失业率5.1%,低于目标0.4个百分点", "城镇调查失业率5.5%以内") is None
    assert gap_status("增长2%,低于目标4个百分点").value == "未完成"


def test_a_gap_figure_is_neither_target_nor_actual():
    found = pair_indicators("进出口总额增长2%,低于目标15个百分点", "完成年度目标的60%")
    assert not [p for p in found if p.indicator.unit == "个百分点"]


def test_a_laggard_heading_over_a_section_title_gives_its_items_their_status():
    text = (
        "某市年度目标第三季度督查情况\n"
        "12项未达到序时进度要求的目标如下:\n"
        "一、主要指标类3项(按考核口径)\n"
        "1.地区生产总值(第1项):增长5.1%。\n"
        "2.一般公共预算收入(第3项):上半年增长2%,预计\n"
    )
    assert _statuses(text) == {1: "滞后", 2: "滞后"}


def test_a_period_told_with_its_result_is_no_deadline():
    dates = extract_deadlines("农民人均可支配收入:上半年增长8.6%,预计全年", 2023)
    assert [d.date for d in dates] == [dt.date(2023, 12, 31)]
    dates = extract_deadlines("上半年完成改造任务", 2023)
    assert [d.date for d in dates] == [dt.date(2023, 6, 30)]


def test_a_project_name_holding_its_target_pairs_with_the_done_column():
    text = (
        "2022年某市民生实事项目完成情况\n"
        "序号 | 项目名称 | 完成情况 | 占年度计划\n"
        "1.新建20个社区食堂 | 26 | 130%\n"
        "改建500户老旧住房 | 480 | 96%\n"
        "2.新增10条公交线路 | 10 | 100%\n"
    )
    drafted, targets = _drafted(text)
    found = [i for t in targets.values() for i in t.indicators]
    pairs = {(i.target, i.unit, i.actual) for i in found if i.target}
    assert pairs == {("20", "个", "26"), ("500", "户", "480"), ("10", "条", "10")}
    # each row's rate cell is kept beside its pair, a share without a target
    assert {(i.unit, i.actual) for i in found if not i.target} == {
        ("%", "130"),
        ("%", "96"),
        ("%", "100"),
    }
    statuses = {n: compute_status(t, drafted.judging_day) for n, t in targets.items()}
    assert statuses == {1: "未完成", 2: "已完成"}


YEAR_END_PROSE = (
    "2019年区政府实事项目完成情况\n"
    "1.建成区妇幼保健院新院区并投入使用;为全区600户独居老人安装了应急呼叫设备,"
    "为辖区内900名符合条件的计划生育家庭成员提供了免费体检。\n"
    "2.完成3所小学的校舍改造;第四中学由于设计变更,预计2020年8月主体完工。\n"
    "3.规划的12所新建幼儿园已全部开工。\n"
)


def test_a_year_end_line_of_work_done_gives_actuals_and_is_done():
    drafted, targets = _drafted(YEAR_END_PROSE)
    done = targets[1]
    assert {(i.target, i.actual, i.unit) for i in done.indicators} >= {
        ("", "600", "户"),
        ("", "900", "名"),
    }
    assert compute_status(done, drafted.judging_day) == "已完成"


def test_a_plan_word_before_a_figure_keeps_it_a_target():
    _drafted_, targets = _drafted(YEAR_END_PROSE)
    assert [i.target for i in targets[3].indicators] == ["12"]


def test_completion_forecast_for_a_later_year_is_not_done():
    drafted, targets = _drafted(YEAR_END_PROSE)
    assert compute_status(targets[2], drafted.judging_day) == "未完成"
    assert "预计2020年8月主体完工" in targets[2].status_reason


def test_a_magnitude_before_a_counting_unit_stays_with_it():
    from bot.drafting.text_figures import extract_figures

    assert [(f.value, f.unit) for f in extract_figures("改造户厕29.59万座,新建3万套")] == [
        ("29.59", "万座"),
        ("3", "万套"),
    ]
    assert [f.unit for f in extract_figures("增长6%,达到3万")] == ["%", "万"]


def test_table_rows_numbered_by_a_bare_first_cell_are_items():
    text = (
        "2024年县政府工作报告主要目标1-9月完成情况\n"
        "序号\t指标名称\t年度目标\t1-9月完成\t责任单位\n"
        "1\t地区生产总值增长\t6.5%左右\t5.8%\t县发改委\n"
        "2\t一般公共预算收入\t12亿元\t9.6亿元\t县财政局\n"
    )
    drafted, targets = _drafted(text)
    assert [(i.name, i.target, i.actual) for i in targets[1].indicators] == [
        ("地区生产总值增长", "6.5", "5.8")
    ]
    assert compute_status(targets[1], drafted.judging_day) == "滞后"
    assert compute_status(targets[2], drafted.judging_day) == "推进中"  # 80% by 30 September


def test_a_column_called_a_name_is_the_rows_name_not_its_target():
    from bot.drafting.columns import label_kind

    assert label_kind("指标名称") == "name"
    assert label_kind("目标任务") == "target"


LAGGARD_NOTICE = (
    "关于2022年市政府工作报告目标任务上半年落实情况的通报\n"
    "一、进展滞后的目标任务\n"
    "1.城镇居民人均可支配收入增长7%(第9项):上半年增长5.1%。\n"
    "2.新建5G基站1500个(第21项):已建成620个。\n"
    "二、进展较好的目标任务\n"
    "3.新增城镇就业2万人(第12项):上半年新增城镇就业1.3万人。\n"
)


def test_a_colon_after_the_list_number_divides_target_from_progress():
    report = parse_report(LAGGARD_NOTICE)
    first = report.targets[0]
    assert (first.target_text, first.progress_text) == (
        "城镇居民人均可支配收入增长7%(第9项)",
        "上半年增长5.1%。",
    )


def test_a_growth_target_pairs_with_the_one_growth_rate_of_its_progress():
    found = pair_indicators("城镇居民人均可支配收入增长7%", "上半年增长5.1%,占比30%")
    paired = [(p.indicator.target, p.indicator.actual) for p in found if p.indicator.target]
    assert paired == [("7", "5.1")]


def test_a_heading_filing_items_as_behind_outweighs_figures_only_under_way():
    text = (
        "2022年重点项目1-6月推进情况\n"
        "一、进展滞后的项目\n"
        "1.新建5G基站1500个。\n"
        "已建成620个。\n"
        "二、进展较好的项目\n"
        "2.新增城镇就业2万人。\n"
        "上半年新增城镇就业1.3万人。\n"
    )
    assert _statuses(text) == {1: "滞后", 2: "推进中"}
    assert _statuses(LAGGARD_NOTICE)[2] == "滞后"


YEAR_END_ITEMS = (
    "2021年某区为民办实事项目年度完成情况\n"
    "1.建成区级养老服务中心1个。已完工并投入使用。\n"
    "2.开展免费职业技能培训1万人次。全年培训0.86万人次。\n"
    "3.完成退化林修复0.8万亩。森林抚育0.5万亩。\n"
)


def test_done_words_answer_a_target_of_one_thing():
    assert _statuses(YEAR_END_ITEMS)[1] == "已完成"


def test_a_second_sentence_of_the_same_measure_answers_the_first():
    _drafted_, targets = _drafted(YEAR_END_ITEMS)
    assert [(i.target, i.actual) for i in targets[2].indicators] == [("1", "0.86")]
    # Another measure after the first sentence is one more target, as before.
    assert "森林抚育0.5万亩" in targets[3].target_text


YEAR_END_NOTICE = (
    "关于2023年度重点工作目标任务完成情况的通报\n"
    "1.一般公共预算收入8.5亿元,实际完成8.1亿元,完成年度目标的95.3%。\n"
    "2.新增规上工业企业20家,实际新增14家。\n"
    "3.实际利用外资增长5%,实际下降12.3%。\n"
    "4.建设县城综合管廊。\n"
    "项目正在推进。\n"
)


def test_a_written_target_before_what_was_done_of_it_pairs_despite_a_share():
    _drafted_, targets = _drafted(YEAR_END_NOTICE)
    assert ("8.5", "8.1") in [(i.target, i.actual) for i in targets[1].indicators]


def test_actual_before_a_figure_reports_it_but_names_a_measure_in_actual_use():
    _drafted_, targets = _drafted(YEAR_END_NOTICE)
    assert [(i.target, i.actual) for i in targets[2].indicators] == [("20", "14")]
    assert [(i.target, i.actual) for i in targets[3].indicators] == [("5", "-12.3")]


def test_a_year_end_heading_makes_work_still_under_way_not_done():
    statuses = _statuses(YEAR_END_NOTICE)
    assert statuses == {1: "未完成", 2: "未完成", 3: "未完成", 4: "未完成"}


def test_shares_of_the_plan_written_without_de_or_after_wei_are_read():
    from bot.drafting.words import task_shares

    assert task_shares("参保人数52.3万人,完成年计划102%").value == "超额完成"
    assert task_shares("完成改造1200户,为年度计划的80%").value == "推进中"


def test_the_marker_style_numbering_more_lines_is_the_items():
    text = (
        "关于2023年第三季度重点工作督查情况的通报\n"
        "一、总体情况\n"
        "45项重点工作中,已完成12项,进展滞后3项。\n"
        "二、进展滞后的工作\n"
        "(一)县发改局负责的新建物流园区,项目尚未开工。\n"
        "(二)县住建局负责的老旧小区改造,低于序时进度20个百分点。\n"
        "(三)县交通局负责的农村公路改造,进度缓慢。\n"
    )
    report = parse_report(text)
    assert [t.target_text[:3] for t in report.targets] == ["县发改", "县住建", "县交通"]
    assert set(_statuses(text).values()) == {"滞后"}


def test_status_words_of_pace_halt_and_closure():
    from bot.drafting.words import status_from_words

    said = {
        t: status_from_words(t).value
        for t in ("已达到序时进度", "超序时进度推进", "项目暂缓实施", "该事项已办结", "全面完成")
    }
    assert said == {
        "已达到序时进度": "推进中",
        "超序时进度推进": "推进中",
        "项目暂缓实施": "滞后",
        "该事项已办结": "已完成",
        "全面完成": "已完成",
    }


def test_halfyear_results_with_their_margin_to_an_unprinted_target_rate():
    # A 计划执行情况 report's numbered results, each with its gap to the year's rate.
    text = (
        "某区2024年上半年国民经济和社会发展计划执行情况的报告\n"
        "(一)主要目标完成情况\n"
        "1. 2024年上半年,全区实现地区生产总值300亿元,同比增长4.1%,塌目标1.9个百分点;\n"
        "2. 规模以上工业增加值同比增长9.5%,高于目标1.5个百分点;\n"
        "3. 城镇调查失业率5.6%,高于目标0.1个百分点。\n"
    )
    drafted, targets = _drafted(text)
    assert targets[1].status_override == "滞后" and "塌目标1.9个百分点" in targets[1].status_reason
    assert (
        targets[2].status_override == "超额完成"
        and "高于目标1.5个百分点" in targets[2].status_reason
    )
    assert targets[3].status_override != "超额完成"  # less is better: above is no success


def test_a_period_before_what_the_whole_area_achieved_is_no_deadline():
    found = extract_deadlines("2024年上半年,全区实现地区生产总值300亿元,同比增长4.1%", 2024)
    assert [d.date for d in found] == [dt.date(2024, 12, 31)]
    assert [d.date for d in extract_deadlines("上半年完成招标", 2024)] == [dt.date(2024, 6, 30)]
