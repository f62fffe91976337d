"""Lines of a progress report cut from one run-on sentence or one paragraph of results: a
count and how many of it did the work, a rate of the line's own work, parts after "其中"."""

import datetime as dt

from bot.domain.ledger import IndicatorSpec
from bot.domain.status import compute_status
from bot.drafting.drafter import draft
from bot.drafting.indicator_names import readable_name
from bot.drafting.pairing import pair_indicators
from bot.drafting.report_text import parse_report
from bot.drafting.sentences import measured_result, split_sentence
from bot.drafting.shares import shares_of_unwritten_targets
from bot.drafting.wholes_and_parts import whole_part_pairs
from bot.drafting.words import status_from_words

TODAY = dt.date(2026, 12, 6)


def _draft(text: str):
    return draft(parse_report(text), text, today=TODAY)


def test_a_count_then_how_many_of_it_did_the_work_is_one_pair():
    (pair,) = whole_part_pairs("截至9月底,全市32个续建项目复工29个、")
    assert (pair.indicator.target, pair.indicator.actual, pair.indicator.unit) == (
        "32",
        "29",
        "个",
    )
    assert pair.indicator.name == "续建项目复工"
    (pair,) = whole_part_pairs("12所农村学校完工10所")
    assert (pair.indicator.target, pair.indicator.actual) == ("12", "10")


def test_a_second_count_of_other_things_is_no_part_done():
    assert whole_part_pairs("12个乡镇建成10个便民服务站") == []  # stations, not towns
    assert whole_part_pairs("8个项目开工10个") == []  # more than the whole


def test_a_rate_of_the_lines_own_work_at_100_percent_says_it_is_done():
    said = status_from_words("9个省级重点项目开复工率100%,")
    assert (said.value, said.words) == ("已完成", "9个省级重点项目开复工率100%")
    assert status_from_words("行政村通邮率为100%").value == "已完成"
    # a rate set as the goal is no result
    assert status_from_words("力争行政村通邮率100%") is None


def test_a_run_on_sentence_cut_into_lines_reads_each_line():
    text = (
        "某县1至9月重点项目推进情况\n"
        "1. 今年1至9月,全县30个重点项目开复工26个、\n"
        "2. 8个省级重点项目开复工率100%,\n"
    )
    drafted = _draft(text)
    first, second = drafted.ledger.targets
    assert [(i.target, i.actual) for i in first.indicators if i.target and i.actual] == [
        ("30", "26")
    ]
    assert compute_status(first, drafted.judging_day) == "推进中"
    assert compute_status(second, drafted.judging_day) == "已完成"


def test_a_line_of_the_periods_results_and_its_parts_sets_no_target():
    text = (
        "关于某县2021年重点工作三季度落实情况的通报\n"
        "1. 1-9月,全县实现地区生产总值88.6亿元,同比增长3%。其中:第一产业增加值12.1亿元,"
        "增长1%;第二产业增加值30.5亿元,增长2.2%。\n"
        "2. 实现社会消费品零售总额15.2亿元,同比下降2.4%。\n"
    )
    drafted = _draft(text)
    first, second = drafted.ledger.targets
    for target in (first, second):
        assert not any(i.target for i in target.indicators)  # results, not targets
        assert compute_status(target, drafted.judging_day) == "推进中"
    assert {i.actual for i in first.indicators} >= {"88.6", "3", "12.1", "1"}
    assert "15.2" in {i.actual for i in second.indicators}


def test_a_change_on_last_year_is_a_result_unless_bounded_or_planned():
    assert measured_result("实现外贸进出口额3.2亿元,同比下降1.5%。")
    assert measured_result("1-6月,全区完成税收收入4.1亿元。")
    assert not measured_result("地区生产总值同比增长7%以上")  # a bound: a target
    assert not measured_result("计划投资5亿元,同比增长3%")  # a plan's figure
    assert not measured_result("新建公厕40座")


def test_a_line_without_a_subject_borrows_the_one_above_for_its_title():
    text = (
        "某县1至9月重点项目推进情况\n"
        "1. 今年1至9月,全县30个重点项目开复工26个、\n"
        "2. 完成投资12.5亿元、占年计划的70.1%,\n"
        "3. 8个省级重点项目开复工率100%,\n"
        "4. 完成投资3.2亿元,占年计划的66%。\n"
    )
    titles = [t.title for t in _draft(text).ledger.targets]
    assert titles[1] == "重点项目投资"
    assert titles[3] == "省级重点项目投资"


def test_a_line_after_a_full_stop_keeps_its_own_title():
    text = (
        "某县1至9月重点项目推进情况\n"
        "1. 今年1至9月,全县30个重点项目开复工26个。\n"
        "2. 完成投资12.5亿元,占年计划的70.1%。\n"
    )
    assert [t.title for t in _draft(text).ledger.targets][1] == "投资"


def test_titles_lose_the_lead_to_a_part_and_the_adverb_before_the_verb():
    text = (
        "关于某县2021年重点工作三季度落实情况的通报\n"
        "1. 一般公共预算收入完成4.2亿元,为年度预算数的70.1%。\n"
        "2. 其中:税收收入累计完成3.1亿元,为预算数的68.2%;\n"
        "3. 非税收入累计完成1.1亿元,为预算数的75.3%。\n"
    )
    titles = [t.title for t in _draft(text).ledger.targets]
    assert titles[1:] == ["税收收入", "非税收入"]


def test_an_amount_and_its_bare_change_is_a_result_not_a_target():
    assert measured_result("农村居民人均可支配收入15120元,增长7.1%。")
    assert not measured_result("农村居民人均可支配收入达到16000元,增长8%。")  # reached for
    assert not measured_result("农村居民人均可支配收入增长8%。")  # no amount: a target's shape


def test_a_share_of_the_budget_beside_a_gap_in_points_writes_no_target():
    assert shares_of_unwritten_targets(
        "一般公共预算收入完成3.2亿元,为年度预算数的70.2%,低于序时进度4.8个百分点。"
    )


def test_a_change_named_by_its_verb_takes_the_measure_told_before_it():
    text = "其中:第一产业增加值12.1亿元,增长1%;第二产业增加值30.5亿元,增长2.2%。"
    assert readable_name(IndicatorSpec(name="增长2", actual="2.2", unit="%"), text) == (
        "第二产业增加值增长"
    )
    text = "全县实现地区生产总值88.6亿元,同比增长3%。"
    assert readable_name(IndicatorSpec(name="同比增长", actual="3", unit="%"), text) == (
        "地区生产总值同比增长"
    )
    # a share before the change states no amount: the name stays
    text = "税收收入为预算数的54.8%,同比下降7.5%"
    assert readable_name(IndicatorSpec(name="同比增长", actual="-7.5", unit="%"), text) == (
        "同比增长"
    )


def test_a_count_of_projects_opening_its_sentence_and_a_change_after_a_result():
    target_words, done_words = split_sentence(
        "86个重点项目计划总投资120亿元,年度计划投资40亿元,完成31.5亿元,项目投资同比增长6.1%。"
    )
    assert "同比增长6.1%" in done_words
    indicators = [p.indicator for p in pair_indicators(target_words, done_words)]
    assert ("40", "31.5") in {(i.target, i.actual) for i in indicators}
    assert "86" not in {i.target for i in indicators}  # which projects, not work to do
    assert ("", "6.1") in {(i.target, i.actual) for i in indicators if i.unit == "%"}


def test_a_period_in_chinese_numerals_names_nothing_and_opens_a_result():
    text = (
        "某县前三季度主要经济指标\n"
        "1. 元至九月,全县完成地区生产总值32.5亿元,增长6.1%;\n"
        "2. 一至九月,固定资产投资21亿元,增长9.3%;\n"
    )
    first, second = _draft(text).ledger.targets
    assert (first.title, second.title) == ("地区生产总值", "固定资产投资")
    assert measured_result("元至九月,全县完成地区生产总值32.5亿元,增长6.1%;")


def test_a_kind_of_project_stays_in_the_title():
    text = (
        "某市重点项目1-8月推进情况\n"
        "1. 全市省市县重点工程项目共40项,当年计划投资60亿元,完成45亿元。\n"
        "2. 省级8项,当年计划投资20亿元,完成16亿元。\n"
        "3. 36个新建项目已开工30个,完成投资12亿元。\n"
        "4. 20个建成项目完成投资8亿元,占年度计划的70%。\n"
    )
    titles = [t.title for t in _draft(text).ledger.targets]
    assert titles[2:] == ["新建项目", "建成项目投资"]


def test_a_title_that_names_the_field_gives_a_line_without_field_words_its_unit():
    text = (
        "某县1至9月重点项目推进情况\n"
        "1. 今年1至9月,全县30个重点项目开复工26个、\n"
        "2. 完成投资12.5亿元、占年计划的70.1%,\n"
    )
    drafted = _draft(text)
    second = drafted.ledger.targets[1]
    assert second.title == "重点项目投资"
    assert [(u.name, u.source) for u in second.units] == [("县发改委", "inferred")]
    (category,) = [g for g in drafted.guesses[2] if g.field == "category"]
    assert "取自简称" in category.why and category.confidence < 0.6  # still to be checked


def test_a_measure_named_with_its_ceiling_keeps_a_short_name_whole():
    text = (
        "2021年目标任务\n1. 用水总量控制在2.1亿立方米以内\n2. 固定资产投资增速高于全省平均水平\n"
    )
    titles = [t.title for t in _draft(text).ledger.targets]
    assert titles == ["用水总量", "固定资产投资"]


def test_a_start_rate_of_100_percent_does_not_finish_a_target_to_build():
    text = "某县1至9月民生实事进展情况\n1. 新建农村幼儿园6所\n6所幼儿园开工率100%。\n"
    drafted = _draft(text)
    assert compute_status(drafted.ledger.targets[0], drafted.judging_day) == "推进中"


def test_a_long_name_of_two_tasks_is_called_by_its_first_not_cut_inside_it():
    text = (
        "2024年民生实事\n1. 全县建成社区日间照料中心和农村幸福院151个\n"
        "2. 实施上横河泵站和萧江水闸主体工程\n"
    )
    titles = [t.title for t in _draft(text).ledger.targets]
    assert titles[0] == "社区日间照料中心"  # not 中心和农村幸福院
    assert titles[1] == "萧江水闸主体工程"  # a cut that drops the joiner names the second whole
