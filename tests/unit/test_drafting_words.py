"""Reading a report's words: comparators, statuses with their reasons, the year, the day."""

import datetime as dt

import pytest

from bot.drafting.deadlines import extract_deadlines
from bot.drafting.pairing import pair_indicators
from bot.drafting.relative_targets import relative_status
from bot.drafting.report_dates import guess_year, report_day
from bot.drafting.words import comparator_for, status_from_words


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("资本市场融资不低于", "", ">="),
        ("护理床位达到", "以上", ">="),
        ("力争全年推动", "左右企业上云", ">="),
        ("违法占用耕地面积比例控制在", "以下", "<="),
        ("能源消费总量控制在", "以内", "<="),
        ("债务余额不超过", "", "<="),
        ("新增贷款完成", "", ">="),
    ],
)
def test_comparators_from_the_words(before, after, expected):
    assert comparator_for(before, after).value == expected


def test_lower_is_better_measures_are_ceilings_without_words():
    found = comparator_for("全县PM2.5年均浓度为", "", "PM2.5年均浓度")
    assert found.value == "<=" and "浓度" in found.words


@pytest.mark.parametrize(
    ("progress", "status", "quoted"),
    [
        ("前三季度全县生产总值同比增长2.5%。(四季度数据未出)", "暂无数据", "四季度数据未出"),
        ("暂未出数。", "暂无数据", "暂未出数"),
        ("经代保后我县还存在缺口3.88万亩。", "未完成", "缺口3.88万亩"),
        ("当前进度:80%(新区实验幼儿园进度滞后)", "滞后", "滞后"),
        ("已超额完成改建797路的建设任务。", "超额完成", "已超额完成改建797路的建设任务"),
        ("新建改扩建6所幼儿园已全部竣工。", "已完成", "已全部竣工"),
        ("县人民医院已于6月22日通过市专家组评审", "已完成", "已于6月22日通过"),
        ("项目正在加紧施工。", "推进中", "项目正在加紧施工"),
        ("当前进度:95%", "推进中", "95%"),
        ("全年完成进出口额46728万元,占总目标任务的151%", "超额完成", "151%"),
    ],
)
def test_statuses_from_words_quote_them(progress, status, quoted):
    found = status_from_words(progress)
    assert found is not None and found.value == status
    assert quoted in found.words


@pytest.mark.parametrize(
    ("progress", "status"),
    [
        ("已完成水源土方工程,预计11月底全面完成建设任务;", "推进中"),  # completion forecast
        ("已完成前期工作,启动基础工程;", None),  # a first step, not the target
        ("堤防治理已完成5.2公里;", None),  # an amount done
        ("已完成投资933万元;", None),
        ("已完成2020年项目建设任务。", "已完成"),  # a year is not an amount
        ("一期工程已全部竣工,投入使用。", "已完成"),
    ],
)
def test_done_words_that_report_an_amount_or_a_forecast_are_no_verdict(progress, status):
    found = status_from_words(progress)
    assert (found.value if found else None) == status


def test_no_verdict_in_the_words_is_none():
    assert status_from_words("全县投入国土绿化资金近4.6亿元。") is None


def test_targets_relative_to_the_average():
    above = relative_status(
        "社会消费品零售总额增速高于全省平均水平。", "全县增速-2.6%,全省平均水平为-4.1%。"
    )
    assert above is not None and above.value == "已完成"
    unknown = relative_status("固定资产投资增速高于全省平均水平。", "同比增长6.3%,全市第3位。")
    assert unknown is not None and unknown.value == "暂无数据"
    assert relative_status("新增贷款完成14亿元。", "24.43亿元。") is None


def test_the_year_is_the_targets_year_not_a_publication_date():
    text = "发布日期：2023年1月5日\n2022年度民生实事进展\n1.建设公路55公里。\n比2021年增长。"
    assert guess_year(text, 1999).value == "2022"
    assert guess_year("没有年份", 2025).value == "2025"


def test_the_year_of_the_period_reported_on_outweighs_a_horizon():
    text = "2019年1-11月重点民生实事进展\n1.到2020年底前建成10所学校。\n2.2020年底实现全覆盖。"
    assert guess_year(text, 1999).value == "2019"


def test_the_report_day_from_its_heading():
    assert report_day("2022年度民生实事进度表(截至10月31日)", 2022) == dt.date(2022, 10, 31)
    assert report_day("截至2019年11月底", 2019) == dt.date(2019, 11, 30)
    assert report_day("1-11月完成情况", 2019) == dt.date(2019, 11, 30)
    assert report_day("工作落实情况汇报", 2020) is None
    assert report_day("今年上半年,各项惠民工程建设进展顺利", 2012) == dt.date(2012, 6, 30)
    assert report_day("前三季度民生工程进展", 2024) == dt.date(2024, 9, 30)
    assert report_day("一季度重点工作完成情况", 2024) == dt.date(2024, 3, 31)


def test_target_and_actual_in_two_units_pair_in_one_indicator():
    found = pair_indicators(
        "完成6.63万人次筛查。落实补助33.15万元。", "现已完成问卷调查79891人,超额完成了全年任务。"
    )
    paired = [p.indicator for p in found if p.indicator.target and p.indicator.actual]
    assert [(i.target, i.unit, i.actual, i.actual_unit) for i in paired] == [
        ("6.63", "万人次", "79891", "人")
    ]


def test_a_restated_target_is_not_an_actual():
    found = pair_indicators(
        "城镇新增就业5600人。", "全年新增就业人员9788人,完成目标任务5600人的174.75%。"
    )
    jobs = next(p.indicator for p in found if p.indicator.target == "5600")
    assert jobs.actual == "9788"


def test_indicator_names_drop_the_previous_figure_and_its_unit():
    found = pair_indicators(
        "",
        "共为2986名城市低保对象发放低保金1149.3万元,为21979名农村低保对象发放低保金5377.5万元。",
    )
    names = [p.indicator.name for p in found]
    assert "城市低保对象发放低保金" in names and not any(n.startswith("名") for n in names)


def test_a_year_known_only_by_the_publication_date():
    assert (
        guess_year("发布时间：2019-12-10\n重点民生实事1-11月进展\n1.建设公路。", 1999).value
        == "2019"
    )
    # Reporting on November, published in January: the year before the date.
    found = guess_year("2020年1月6日\n1-11月民生实事完成情况\n1.建设公路。", 1999)
    assert found.value == "2019" and found.confidence < 0.6


def test_the_year_of_a_counted_list_outweighs_the_spans_of_its_plans():
    text = (
        "市政府推动民生实事。2018年12件重点民生实事进展如下:\n"
        "1. 改造危房3000户(2016—2020年)。\n2. 新建学校20所(2017—2020年)。\n"
        "3. 新建公园5个(2018—2020年)。"
    )
    assert guess_year(text, 1999).value == "2018"


def test_a_span_of_years_sets_the_deadline_at_its_last_years_end():
    found = extract_deadlines("改造危房3000户(2016—2020年)。", 2018)
    assert [(d.date, d.text) for d in found] == [(dt.date(2020, 12, 31), "2016—2020年")]


def test_full_coverage_said_as_reached_is_done_and_as_a_goal_is_not():
    assert status_from_words("惠及学生8万人,实现了农村学生全覆盖。").value == "已完成"
    assert status_from_words("农村学生营养餐实现全覆盖") is None


def test_the_autumn_term_falls_due_on_the_first_of_september():
    found = extract_deadlines("确保第三小学秋季开学投入使用。", 2021)
    assert [d.date for d in found] == [dt.date(2021, 9, 1)]
    assert [d.date for d in extract_deadlines("秋季完成造林。", 2021)] == [dt.date(2021, 12, 31)]


def test_a_year_compared_with_is_no_list_year_even_before_a_count():
    text = "民生实事进展(2021年)。比2020年5项指标有所提高。\n1.新建公园2个。"
    assert guess_year(text, 1999).value == "2021"


def test_a_half_year_progress_table_is_as_of_the_end_of_june():
    heading = "2023年《政府工作报告》重点工作半年度进展情况表"
    assert report_day(heading, 2023) == dt.date(2023, 6, 30)
    assert report_day("2023年下半年度工作计划", 2023) is None


@pytest.mark.parametrize(
    ("progress", "status"),
    [
        # A finishing rate below 100% says the rest is to do, whatever has begun.
        ("40座桥梁均已开工,开工率达100%,已完工31座,完工率达77.5%", "推进中"),
        ("建成率为100%,全部投入使用", "已完成"),
        # The first verb after 已 is what is done: begun, then pushed towards a later step.
        ("120个村已启动整治并推进完成村规民约修订等工作", "推进中"),
        ("58个小区已启动改造并推进完成业委会组建", "推进中"),
    ],
)
def test_finishing_rates_and_work_begun_are_not_done(progress, status):
    assert status_from_words(progress).value == status


def test_a_done_cell_above_a_rate_cell_is_a_verdict_not_an_amount():
    assert status_from_words("已完工\n100.0%").value == "已完成"
    said = status_from_words("已完成12公里")  # an amount on the same line: no verdict
    assert said is None or said.value != "已完成"


@pytest.mark.parametrize(
    ("progress", "status"),
    [
        ("东环线已于9月通车", "已完成"),
        ("滨河公园已开园迎客", "已完成"),
        ("12个社区食堂如期完成建设", "已完成"),
        ("确保按期完成建设", "推进中"),  # a promise, not a report
        ("全县饮用水水质全部达标", "已完成"),
        ("施工队伍已进场施工", "推进中"),
        ("目前正抓紧铺设管网", "推进中"),
        ("项目尚处于前期阶段", "推进中"),
        ("完成投资与年度目标仍存在较大差距", "滞后"),
    ],
)
def test_more_ways_of_saying_done_under_way_or_short(progress, status):
    said = status_from_words(progress)
    assert said is not None and said.value == status


def test_figures_counted_only_later_are_no_data_yet():
    assert status_from_words("该项数据尚未统计").value == "暂无数据"
    assert status_from_words("需待全年数据").value == "暂无数据"


def test_a_clause_opening_with_the_day_progress_is_told_of_sets_no_deadline():
    found = extract_deadlines("至9月底,全区累计完成投资36亿元,完成年度计划的73%。", 2033)
    assert [d.date for d in found] == [dt.date(2033, 12, 31)]
    # "至" inside a span of months still ends the work's time.
    span = extract_deadlines("6月至9月底前完成改造。", 2033)
    assert [d.date for d in span] == [dt.date(2033, 9, 30)]
