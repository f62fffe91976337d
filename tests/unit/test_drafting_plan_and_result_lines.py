"""Plan and result side by side in each line of a note on key projects by level: the day
only the items state ("截至8月底,…1-8月完成投资…"), a period's estimate ("1-8月预计完成投资") as
what was done, and a start rate that proves the count listed is the count to start. Made-up
texts in the shape of district 重大项目 notes."""

import datetime as dt

from bot.drafting.items_day import items_day
from bot.drafting.mentions import mentions
from bot.drafting.pairing import pair_indicators
from bot.drafting.rate_bases import rates_over_targets
from bot.drafting.report_text import parse_report
from tests.auxil.drafts import drafted, drafted_statuses

TODAY = dt.date(2026, 12, 6)

NOTE = (
    "今年,某区坚持项目为王,重大项目建设势头良好。\n"
    "1. 2022年列入省重大项目5个,年度计划投资20亿元,已全面开工;1-8月完成投资13.6亿元,"
    "完成年度投资计划的68%。\n"
    "2. 截至8月底,列入市重大项目20个,年度计划投资30亿元,1-8月完成投资21亿元,"
    "完成年度投资计划的70%。市重大项目已开工18个,项目开工率达90%。\n"
    "3. 截至8月底,列入区重点项目80个,年度计划投资50亿元。1-8月预计完成投资31亿元,"
    "同比增长9.5%,完成年度计划的62%。\n"
)


def _pairs(target) -> set[tuple[str, str, str]]:
    return {(i.target, i.actual, i.unit) for i in target.indicators if i.target and i.actual}


def test_the_day_only_the_items_state_is_the_reports():
    report = parse_report(NOTE)
    assert items_day(report.preamble, report.targets, 2022) == dt.date(2022, 8, 31)
    result, targets = drafted(NOTE, TODAY)
    assert result.as_of == dt.date(2022, 8, 31)
    assert ("20", "13.6", "亿元") in _pairs(targets[1])  # the year's plan beside the result
    assert set(drafted_statuses(NOTE, TODAY).values()) == {"推进中"}


def test_items_that_disagree_on_their_day_or_mostly_state_none_give_no_day():
    two_days = parse_report("总体平稳。\n1. 截至8月底,完成投资5亿元。\n2. 1-9月完成投资3亿元。\n")
    assert items_day(two_days.preamble, two_days.targets, 2022) is None
    few = parse_report("总体平稳。\n1. 截至8月底,完成投资5亿元。\n2. 完成投资3亿元。\n3. 完成。\n")
    assert items_day(few.preamble, few.targets, 2022) is None
    agreed = parse_report(NOTE).targets
    assert items_day("某区重点项目进展情况", agreed, 2022) is None  # a report of progress, undated


def test_an_estimate_for_a_period_gone_by_is_what_was_done():
    pairs = pair_indicators(
        "列入区重点项目80个,年度计划投资50亿元。", "1-8月预计完成投资31亿元,完成年度计划的62%。"
    )
    assert {(p.indicator.target, p.indicator.actual) for p in pairs} >= {("50", "31")}
    assert [m.name for m in mentions("1-8月预计完成投资31亿元")] == ["投资"]
    # A forecast of the year's close names no period gone by: its name keeps the forecast.
    assert [m.name for m in mentions("预计年底完成投资48亿元")] == ["预计年底完成投资"]


def test_a_start_rate_pairs_the_count_listed_with_the_count_started():
    _, targets = drafted(NOTE, TODAY)
    assert ("20", "18", "个") in _pairs(targets[2])
    listed = pair_indicators("列入市重大项目20个。", "")
    told = "列入市重大项目20个。\n市重大项目已开工18个,项目开工率达90%。"
    paired = rates_over_targets(listed, told)
    assert [(p.indicator.target, p.indicator.actual) for p in paired] == [("20", "18")]
    assert paired[0].indicator.name == "市重大项目开工"  # the work counted, not the list
    # A rate that is not the one count over the other pairs nothing.
    unpaired = rates_over_targets(listed, told.replace("90%", "95%"))
    assert not any(p.indicator.actual for p in unpaired)


def test_a_count_begun_in_other_words_than_its_rates_is_the_same_work():
    line = (
        "今年共安排42个民生实事项目,年度计划投资20亿元。至5月底,已有30个项目动工实施,开工率达71.4%"
    )
    pairs = rates_over_targets(pair_indicators(line, ""), line)
    assert ("42", "30") in {(p.indicator.target, p.indicator.actual) for p in pairs}
    assert not any(p.indicator.target == "30" for p in pairs)  # the count begun is no target


def test_a_month_told_with_the_work_and_its_figure_is_its_result_not_a_deadline():
    from bot.drafting.deadlines import extract_deadlines

    def due(text: str) -> list[str]:
        return [d.date.isoformat() for d in extract_deadlines(text, 2031)]

    assert due("区卫健局3月份完成饮用水水质抽检420次") == ["2031-12-31"]
    assert due("9月份完成全部学校改造任务") == ["2031-09-30"]  # no figure done: due then


def test_the_work_done_may_be_named_again_between_its_verb_and_figure():
    from bot.drafting.sentences import split_sentence

    assert split_sentence("新增公办幼儿园学位2000个,已新增学位1100个。") == (
        "新增公办幼儿园学位2000个,",
        "已新增学位1100个。",
    )
    planned, done = split_sentence("巩固提升农村供水工程,受益人口5万人,目前已完成受益人口1.2万人")
    assert "5万人" in planned and "1.2万人" in done
    # Another task done, named at length, is no result of the first.
    assert split_sentence("其中脱贫培训523人,企业新录用人员完成岗前技能培训819人") == ("", "")


def test_a_clause_opening_on_the_period_gone_tells_its_result():
    from bot.drafting.sentences import split_sentence

    assert split_sentence("全年新增停车位2000个,1-10月新增1650个。") == (
        "全年新增停车位2000个,",
        "1-10月新增1650个。",
    )
    assert split_sentence("计划新建幼儿园5所,截至10月底新建3所。")[1] == "截至10月底新建3所。"


def test_the_part_still_being_built_goes_with_what_was_built():
    from bot.drafting.sentences import split_sentence

    pairs = pair_indicators(*split_sentence("计划新建5所,已建成3所,在建2所。"))
    assert ("5", "3") in {(p.indicator.target, p.indicator.actual) for p in pairs}
    assert not any(p.indicator.target == "2" for p in pairs)  # the rest under way is no target


def test_the_years_figure_forecast_is_under_way_whatever_its_share():
    from bot.drafting.words import status_from_words

    said = status_from_words("预计全年完成投资5.2亿元,完成年度计划的104%")
    assert (said.value, said.words) == ("推进中", "预计全年完成投资5.2亿元")
    assert status_from_words("已完成投资5.2亿元,完成年度计划的104%").value == "超额完成"


def test_a_plan_for_the_period_is_no_result_of_it():
    from bot.drafting.sentences import split_sentence

    planned, _ = split_sentence("全年新增停车位2000个,1-10月计划新增1700个,实际新增1650个。")
    assert "1700" in planned
