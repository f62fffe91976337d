"""序时进度: a figure is judged against the share of its period that has passed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from bot.domain.ledger import IndicatorSpec
from bot.domain.pace import as_of_day, behind, expected_share, indicator_pace

d = dt.date.fromisoformat
YEAR_END = d("2021-12-31")


def completion(ind: IndicatorSpec) -> Decimal | None:
    if ind.target_value is None or ind.actual_value is None:
        return None
    return ind.actual_value / ind.target_value * 100


def pace_of(ind: IndicatorSpec, period_end: dt.date = YEAR_END):
    return indicator_pace(ind, year=2021, period_end=period_end, completion=completion(ind))


@pytest.mark.parametrize(
    ("words", "day"),
    [
        ("1-6月", "2021-06-30"),
        ("1—11月份", "2021-11-30"),
        ("一至六月", "2021-06-30"),
        ("截至10月31日", "2021-10-31"),
        ("截止11月份", "2021-11-30"),
        ("截至12月底", "2021-12-31"),
        ("前三季度", "2021-09-30"),
        ("上半年", "2021-06-30"),
        ("11月25日", "2021-11-25"),
        ("全年", "2021-12-31"),
    ],
)
def test_as_of_words_name_a_day_of_the_year(words, day):
    assert as_of_day(words, 2021) == d(day)


@pytest.mark.parametrize("words", ["", "目前", "截至目前", "每月", "2020年度", "2月30日"])
def test_words_that_name_no_day_of_this_year_give_none(words):
    assert as_of_day(words, 2021) is None


def test_the_expected_share_counts_days_of_the_period():
    assert expected_share(d("2021-06-30"), d("2021-01-01"), YEAR_END).quantize(
        Decimal("0.1")
    ) == Decimal("49.6")
    assert expected_share(d("2021-12-31"), d("2021-01-01"), YEAR_END) == 100
    # a target due on 30 June is half-way on 31 March of a 181-day period
    assert round(expected_share(d("2021-03-31"), d("2021-01-01"), d("2021-06-30"))) == 50


def test_a_monthly_figure_a_third_done_at_midyear_is_behind():
    pace = pace_of(IndicatorSpec("完成投资", "90", "亿元", ">=", "30", "1-6月"))
    assert pace is not None and behind(pace)
    assert pace.reason == "完成投资低于序时进度（应达50%，实际33%）"
    assert pace.line == "序时进度 50%，实际 33%"


def test_a_monthly_figure_two_thirds_done_at_midyear_is_on_pace():
    assert not behind(pace_of(IndicatorSpec("完成投资", "90", "亿元", ">=", "60", "1-6月")))


def test_a_cumulative_figure_is_judged_at_its_own_date():
    # 截至10月31日: 304 of 365 days, 83.3%; 71 of 90 is 78.9%, inside the 5-point tolerance
    pace = pace_of(IndicatorSpec("造林", "90", "亩", ">=", "71", "截至10月31日"))
    assert round(pace.expected) == 83 and not behind(pace)
    assert behind(pace, tolerance=Decimal(4))
    assert behind(pace_of(IndicatorSpec("造林", "90", "亩", ">=", "60", "截至10月31日")))


def test_the_tolerance_is_a_number_of_points():
    pace = pace_of(IndicatorSpec("完成投资", "100", "亿元", ">=", "45", "1-6月"))
    assert not behind(pace)  # 45 against 49.6: 4.6 points short
    assert behind(pace, tolerance=Decimal(4))


@pytest.mark.parametrize(
    "ind",
    [
        IndicatorSpec("PM2.5浓度", "46", "微克/立方米", "<=", "52", "1-6月"),  # at most: a level
        IndicatorSpec("增长", "7.8", "%", ">=", "1", "1-6月"),  # a rate, not a quantity
        IndicatorSpec("完成投资", "90", "亿元", ">=", "", "1-6月"),  # no figure yet
        IndicatorSpec("完成投资", "90", "亿元", ">=", "30", "目前"),  # no day named
        IndicatorSpec("完成投资", "90", "亿元", ">=", "30", "2020年度"),  # another year
        IndicatorSpec("完成投资", "90", "亿元", ">=", "30", "1-12月"),  # the period is over
    ],
)
def test_pace_does_not_apply(ind):
    assert pace_of(ind) is None


def test_a_target_with_an_earlier_deadline_has_a_shorter_period():
    ind = IndicatorSpec("改造", "90", "户", ">=", "30", "1-3月")
    assert not behind(pace_of(ind))  # a year-long target: 25% expected
    assert behind(pace_of(ind, period_end=d("2021-06-30")))  # due in June: 50% expected


def _investment(actual: str, as_of: str = "1-6月"):
    from bot.domain.ledger import DeadlineSpec, TargetSpec

    return TargetSpec(
        number=19,
        title="省重点项目",
        category="经济发展",
        target_text="完成投资90亿元。",
        indicators=(IndicatorSpec("完成投资", "90", "亿元", ">=", actual, as_of),),
        deadlines=(DeadlineSpec(d("2021-12-31"), "年底前"),),
    )


def test_the_issue_example_30_of_90_by_june_seen_in_july_is_behind():
    from bot.domain.status import compute_status, status_note

    july = d("2021-07-15")
    assert compute_status(_investment("30"), july) == "滞后"
    assert status_note(_investment("30"), july) == "完成投资低于序时进度（应达50%，实际33%）"
    assert compute_status(_investment("60"), july) == "推进中"
    assert status_note(_investment("60"), july) == ""
    # before the figure's own date the calendar has nothing to say about it
    assert compute_status(_investment("30"), d("2021-06-01")) == "推进中"


def test_a_reply_shows_the_calendar_share_beside_the_figure():
    from zoneinfo import ZoneInfo

    from bot.render.replies import render_target

    card = render_target(_investment("30"), d("2021-07-15"), ZoneInfo("Asia/Shanghai"))
    assert "第19项 省重点项目：🔴滞后" in card
    assert "完成投资：序时进度 50%，实际 33%" in card


def test_every_character_cn2an_reads_as_a_number_makes_as_of_words_go_through_cn2an():
    from cn2an.conf import NUMBER_CN2AN, UNIT_CN2AN

    from bot.domain.pace import NUMERAL_CHARACTERS

    # Text without any of them skips cn2an, so none of cn2an's own may be missing.
    assert set(NUMBER_CN2AN) | set(UNIT_CN2AN) | set("廿半") <= NUMERAL_CHARACTERS


@pytest.mark.parametrize(
    "words", ["截止12月底", "1-9月", "截至10月20日", "年底", "上半年", "二〇二〇年十月"]
)
def test_as_of_words_read_the_same_with_and_without_the_numeral_shortcut(words):
    import cn2an

    from bot.domain.pace import NUMERAL_CHARACTERS

    read = as_of_day(words, 2020)
    if NUMERAL_CHARACTERS.isdisjoint(words):
        assert cn2an.transform(words, "cn2an") == words
    assert read == as_of_day(str(cn2an.transform(words, "cn2an")), 2020)


def test_a_tolerance_of_10_points_turns_a_target_behind_by_7_into_one_on_pace():
    import dataclasses

    from bot.domain.status import compute_status, status_note
    from bot.domain.status_rules import StatusRules

    # 38 of 90 by "1-6月" is 42.2% against 49.6% of the year: 7.4 points short
    july = d("2021-07-15")
    target = _investment("38")
    assert target.rules == StatusRules(pace_tolerance=Decimal(5))  # the default
    assert compute_status(target, july) == "滞后"
    lenient = dataclasses.replace(target, rules=StatusRules(pace_tolerance=Decimal(10)))
    assert compute_status(lenient, july) == "推进中"
    assert status_note(lenient, july) == ""
    strict = dataclasses.replace(target, rules=StatusRules(pace_tolerance=Decimal(0)))
    assert compute_status(strict, july) == "滞后"
    with pytest.raises(ValueError, match="pace_tolerance"):
        StatusRules(pace_tolerance=Decimal(-1))
