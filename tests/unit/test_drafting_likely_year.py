"""A report that prints no year: the likeliest year on the day it is imported
(bot/drafting/report_dates.py likely_year); the draft flags it for review either way."""

import datetime as dt

import pytest

from bot.drafting.report_dates import guess_year, likely_year, report_day


@pytest.mark.parametrize(
    ("text", "today", "year"),
    [
        # The period reported on has ended this year: this year's report.
        ("截至8月底,全县民生实事进展顺利。\n1.新建公厕。", dt.date(2030, 9, 15), 2030),
        ("某市1-10月重点民生实事完成情况\n1.新建公厕。", dt.date(2030, 11, 20), 2030),
        # Ending later in today's own month: this year's, filed before the month is out.
        (
            "今年以来,各项实事稳步推进。\n截止7月底,已完成12项。\n1.新建公厕。",
            dt.date(2030, 7, 17),
            2030,
        ),
        # Not yet ended this year: last year's ("1-11月" imported in January).
        ("截止7月底,已完成12项。\n1.新建公厕。", dt.date(2030, 6, 20), 2029),
        ("某市1-11月重点民生实事完成情况\n1.新建公厕。", dt.date(2031, 1, 8), 2030),
        ("今年上半年,各项实事进展顺利。\n1.新建公厕。", dt.date(2031, 3, 2), 2030),
        ("今年上半年,各项实事进展顺利。\n1.新建公厕。", dt.date(2030, 7, 10), 2030),
        # No period: a year-end report comes early in the next year.
        ("民生实事完成情况\n1.新建公厕。", dt.date(2031, 2, 1), 2030),
        ("民生实事进展情况\n1.新建公厕。", dt.date(2030, 6, 1), 2030),
    ],
)
def test_the_likeliest_year_of_an_undated_report(text, today, year):
    assert likely_year(text, today) == year


def test_a_printed_year_outranks_the_likeliest_year():
    text = "2027年1-9月民生实事进展\n1.新建公厕。"
    assert guess_year(text, likely_year(text, dt.date(2030, 11, 1))).value == "2027"
    undated = guess_year("1-9月民生实事进展\n1.新建公厕。", 2030)
    assert undated.value == "2030" and undated.confidence < 0.5  # flagged 待核


def test_a_news_dateline_is_the_reports_day_when_it_names_no_period():
    heading = "新华社南宁9月12日电（记者王某）今年以来,全区民生工程进展顺利。"
    assert report_day(heading, 2030) == dt.date(2030, 9, 12)
    with_period = "新华社南宁7月15日电 今年上半年,全区民生工程进展顺利。"
    assert report_day(with_period, 2030) == dt.date(2030, 6, 30)
    assert report_day("某市召开电视电话会议", 2030) is None


def test_an_undated_news_report_is_of_the_year_its_dateline_has_passed():
    text = "新华社南宁11月20日电 今年以来,全区民生工程进展顺利。\n1.新建公厕。"
    assert likely_year(text, dt.date(2030, 12, 1)) == 2030
    assert likely_year(text, dt.date(2031, 1, 5)) == 2030


def test_a_report_of_today_is_of_this_year():
    text = "新华社南宁11月20日电 今年以来,全区民生工程进展顺利。\n1.新建公厕。"
    assert likely_year(text, dt.date(2030, 11, 20)) == 2030


def test_the_year_whose_clause_names_the_period_reported_on_outranks_next_years_call():
    text = (
        "日前,2033年某市惠民项目前三季度推进情况已公布。\n"
        "1.新增公交线路12条。\n"
        "下一步,市里还将开展2034年民生实事项目征集,听取群众意见。"
    )
    assert guess_year(text, 2035).value == "2033"


def test_a_year_of_proposals_being_collected_is_not_the_ledgers_year():
    text = "某县启动2034年民生实事候选项目征集。2033年各项实事全部完成。\n1.新建公厕。"
    assert guess_year(text, 2035).value == "2033"


def test_a_later_year_in_a_dated_report_of_this_years_progress_is_next_years_plan():
    text = (
        "各乡镇:\n现将今年以来民生实事进展通报如下。\n1.新建公厕。\n"
        "2032年民生实事计划正在编制。\n某县督查室 2031年11月20日"
    )
    assert guess_year(text, 2000).value == "2031"


def test_a_report_of_last_years_list_is_of_the_year_before_its_date():
    text = (
        "某市2032年1月发布\n去年全市15件民生实事全面完成\n"
        "2031年,市政府确定的15件民生实事全面完成。\n1.新建学校12所。"
    )
    assert guess_year(text, 2000).value == "2031"
    compared = "某县民生实事进展\n1-9月完成投资比去年同期增长5%。\n2031年10月5日"
    assert guess_year(compared, 2000).value == "2031"  # a comparison says nothing of the year


def test_a_list_announced_early_in_the_year_is_this_years():
    announced = "今年,某县为民办八件实事。\n1.新建公厕20座,6月底前投入使用;\n2.年内改造小区3个。"
    assert likely_year(announced, dt.date(2031, 3, 20)) == 2031
    # Told as done, the same list early in the year is last year's, reported at its close.
    done = "今年,某县为民办八件实事。\n1.新建公厕20座,已投入使用;\n2.改造老旧小区3个。"
    assert likely_year(done, dt.date(2031, 3, 20)) == 2030
    # "今年以来" is the year so far: a report of progress, not an announcement.
    assert likely_year("今年以来,各项实事进展顺利。\n1.新建公厕。", dt.date(2031, 1, 10)) == 2030


def test_a_report_naming_only_next_years_list_is_of_the_year_before_it():
    text = (
        "9月下旬,我区举行了重点项目集中开工。\n"
        "1. 至9月底,全区重点项目累计完成投资36亿元,完成年度计划的73%。\n"
        "2. 上月已启动了2034年区重点项目梳排等工作,充实重点项目数量。"
    )
    year = guess_year(text, 2040)
    assert year.value == "2033" and year.confidence < 0.9  # flagged for review
    # Beside a year of its own, the next list's year changes nothing.
    assert guess_year(f"2033年重点项目进展\n{text}", 2040).value == "2033"
