"""The year words of a question and of a command, and matching a target across years."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.app.ledger_years import (
    YearPhrase,
    comparison_line,
    parse_year_phrase,
    same_target,
    split_year_argument,
)
from bot.domain.ledger import IndicatorSpec, LedgerSpec, TargetSpec


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("2020年的新增贷款", YearPhrase(2020, False, "新增贷款")),
        ("2020年度新增贷款完成了吗", YearPhrase(2020, False, "新增贷款完成了吗")),
        ("新增贷款2020年完成了多少", YearPhrase(2020, False, "新增贷款完成了多少")),
        ("二〇二〇年的新增贷款", YearPhrase(2020, False, "新增贷款")),
        ("去年新增贷款完成了多少", YearPhrase(2020, False, "新增贷款完成了多少")),
        ("上一年的空气质量", YearPhrase(2020, False, "空气质量")),
        ("前年的空气质量", YearPhrase(2019, False, "空气质量")),
        ("今年哪些没完成", YearPhrase(2021, False, "哪些没完成")),
        ("明年的新增贷款", YearPhrase(2022, False, "新增贷款")),
        ("后年有哪些目标", YearPhrase(2023, False, "有哪些目标")),
        ("新增贷款和去年比怎么样", YearPhrase(None, True, "新增贷款怎么样")),
        ("新增贷款与去年相比", YearPhrase(None, True, "新增贷款")),
        ("新增贷款同比", YearPhrase(None, True, "新增贷款")),
        ("2020年新增贷款同比", YearPhrase(2020, True, "新增贷款")),
        # A year compared with by name, either way round.
        ("2020年新增贷款和2021年比", YearPhrase(2020, True, "新增贷款", other=2021)),
        ("2021年新增贷款与2020年相比", YearPhrase(2021, True, "新增贷款", other=2020)),
        ("新增贷款和2020年比怎么样", YearPhrase(None, True, "新增贷款怎么样", other=2020)),
        ("2020年新增贷款比2021年多吗", YearPhrase(2020, True, "新增贷款多吗", other=2021)),
        ("2020年和2021年的新增贷款对比", YearPhrase(2020, True, "新增贷款", other=2021)),
        ("二〇二〇年造林跟二〇二一年比较", YearPhrase(2020, True, "造林", other=2021)),
        ("新增贷款比2020年底多了多少", YearPhrase(None, False, "新增贷款比2020年底多了多少")),
        # Deadlines and dates keep their year: they are not the ledger's year.
        ("2020年底前要完成的", YearPhrase(None, False, "2020年底前要完成的")),
        ("2020年10月底前完成了吗", YearPhrase(None, False, "2020年10月底前完成了吗")),
        ("去年底完成了吗", YearPhrase(None, False, "去年底完成了吗")),
        ("新增贷款完成了吗", YearPhrase(None, False, "新增贷款完成了吗")),
        ("第12项", YearPhrase(None, False, "第12项")),
    ],
)
def test_year_phrases(question, expected):
    assert parse_year_phrase(question, 2021) == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("2020 民政局", (2020, "民政局")),
        ("2020年 未完成", (2020, "未完成")),
        ("2020年度", (2020, "")),
        ("2020", (2020, "")),
        ("12", (None, "12")),
        ("民政局", (None, "民政局")),
        ("20201", (None, "20201")),
        ("", (None, "")),
    ],
)
def test_a_command_year_is_its_leading_four_digits(args, expected):
    assert split_year_argument(args) == expected


def _target(number, title, text, *indicators) -> TargetSpec:
    return TargetSpec(
        number=number, title=title, category="经济发展", target_text=text, indicators=indicators
    )


def _ledger(year, *targets) -> LedgerSpec:
    return LedgerSpec(
        year=year,
        title=f"{year}",
        preamble="",
        targets=targets,
        default_deadline=dt.date(year, 12, 31),
    )


LOANS_2020 = _target(
    12,
    "新增贷款",
    "加大信贷投放力度,2020年新增贷款完成14亿元。",
    IndicatorSpec("新增贷款", "14", "亿元", actual="24.43"),
)
LOANS_2021 = _target(
    1,
    "新增贷款",
    "加大信贷投放力度,2021年新增贷款完成16亿元。",
    IndicatorSpec("新增贷款", "16", "亿元", actual="18.2"),
)
FORESTS_2020 = _target(7, "造林绿化", "高质量完成造林0.71万亩、国家储备林0.12万亩。")
BOOKS_2021 = _target(3, "城市书房", "新建城市书房3个。")


def test_the_same_target_is_found_by_title_and_text_in_another_year():
    earlier = _ledger(2020, FORESTS_2020, LOANS_2020)
    assert same_target(LOANS_2021, earlier) is LOANS_2020
    assert same_target(BOOKS_2021, earlier) is None


def test_the_same_title_is_the_same_target_whatever_its_new_words():
    # A year's ledger restates a target with new figures and wording: "城镇新增就业" of 2021
    # shares too little text with 2020's for the ratio, but is that target.
    jobs_2020 = _target(58, "城镇新增就业", "城镇新增就业5600人,其中失业人员再就业1560人。")
    jobs_2021 = _target(
        1,
        "城镇新增就业",
        "截至9月底实现新增就业2.1万人,完成全年目标任务的91.3%,零就业家庭动态清零;",
    )
    earlier = _ledger(2020, FORESTS_2020, jobs_2020, LOANS_2020)
    assert same_target(jobs_2021, earlier) is jobs_2020
    assert same_target(LOANS_2021, earlier) is LOANS_2020


def test_the_comparison_line_pairs_indicators_and_says_the_change():
    earlier, later = _ledger(2020, LOANS_2020), _ledger(2021, LOANS_2021)
    line = comparison_line(earlier, later, LOANS_2021, lambda ledger, t: "推进中")
    assert line == (
        "同比（2020年第12项“新增贷款”）：新增贷款：2020年24.43亿元（目标14亿元）；"
        "2021年18.2亿元（目标16亿元），下降25.5%"
    )


def test_a_target_restated_in_new_words_is_found_by_its_measure():
    # A county's 2021 report wrote "新增各项贷款16亿元" (titled 各项贷款): too little of 2020's
    # title and text for the ratio, but its measure, 新增各项贷款 in 亿元, is 2020's 新增贷款.
    loans = _target(
        2,
        "各项贷款",
        "新增各项贷款16亿元。",
        IndicatorSpec("新增各项贷款", "16", "亿元", actual="17.6"),
    )
    books = _target(
        8, "楹联和城市书房", "建设悬挂楹联10处,至少建设2座城市书房。",
        IndicatorSpec("建设悬挂楹联", "10", "处", actual="10"),
        IndicatorSpec("城市书房", "2", "座", actual="2"),
    )  # fmt: skip
    earlier = _ledger(2020, FORESTS_2020, LOANS_2020, books)
    assert same_target(loans, earlier) is LOANS_2020
    assert same_target(BOOKS_2021, earlier) is None  # no measure with a target to match by
    books_2021 = _target(
        3, "城市书房", "新建城市书房3个。", IndicatorSpec("新建城市书房", "3", "个")
    )
    assert same_target(books_2021, earlier) is books
    # a measure of the same name in another unit is another measure
    money = _target(
        5, "城市书房投入", "投入城市书房资金300万元。", IndicatorSpec("城市书房", "300", "万元")
    )
    assert same_target(money, earlier) is None
    line = comparison_line(earlier, _ledger(2021, loans), loans, lambda ledger, t: "推进中")
    assert line == (
        "同比（2020年第12项“新增贷款”）：新增各项贷款：2020年24.43亿元（目标14亿元）；"
        "2021年17.6亿元（目标16亿元），下降28.0%"
    )


def test_a_rate_compared_across_years_changes_by_points():
    then = _target(
        1,
        "固定资产投资",
        "固投增长6%。",
        IndicatorSpec("固定资产投资增速", "6", "%", actual="6.3"),
    )
    now = _target(
        1,
        "固定资产投资",
        "固投增长8%。",
        IndicatorSpec("固定资产投资增长", "8", "%", actual="9.2"),
    )
    line = comparison_line(_ledger(2020, then), _ledger(2021, now), now, lambda ledger, t: "")
    assert line.endswith("2020年6.3%（目标6%）；2021年9.2%（目标8%），提高2.9个百分点"), line


def test_a_figure_in_another_unit_of_its_measure_is_compared_in_one_unit():
    # 2020's 79891人 of a measure in 万人次 read "2020年79891万人次", and was compared as such.
    screened = IndicatorSpec("慢阻肺筛查", "6.63", "万人次", actual="79891", actual_unit="人")
    then = _target(35, "慢阻肺防治", "慢阻肺筛查6.63万人次。", screened)
    now = _target(
        4,
        "慢阻肺防治",
        "慢阻肺筛查7万人次。",
        IndicatorSpec("慢阻肺筛查", "7", "万人次", actual="8.2"),
    )
    line = comparison_line(_ledger(2020, then), _ledger(2021, now), now, lambda ledger, t: "")
    assert line.endswith(
        "慢阻肺筛查：2020年79891人（目标6.63万人次）；2021年8.2万人次（目标7万人次），增长2.6%"
    ), line


def test_the_comparison_of_a_target_new_this_year_says_so():
    earlier, later = _ledger(2020, LOANS_2020), _ledger(2021, BOOKS_2021)
    line = comparison_line(earlier, later, BOOKS_2021, lambda ledger, t: "推进中")
    assert line == "同比：2020年台账中没有与“城市书房”相同的目标。"


def test_the_comparison_of_whole_years_counts_what_was_completed():
    earlier = _ledger(2020, LOANS_2020, FORESTS_2020)
    later = _ledger(2021, LOANS_2021, BOOKS_2021)
    statuses = {12: "超额完成", 7: "未完成", 1: "推进中", 3: "已完成"}
    line = comparison_line(earlier, later, None, lambda ledger, t: statuses[t.number])
    assert line == "同比：2020年共2项，完成1项；2021年共2项，完成1项。"
