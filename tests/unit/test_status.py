"""Status and traffic-light rules, case by case."""

import datetime as dt
from dataclasses import replace

import pytest

from bot.domain.ledger import DeadlineSpec, IndicatorSpec, TargetSpec
from bot.domain.status import (
    LIGHTS,
    completion_ratio,
    compute_status,
    indicator_exceeded,
    indicator_met,
    light_for,
    next_open_deadline,
    override_in_force,
)

YEAR_END = dt.date(2020, 12, 31)


def make_target(indicators=(), deadlines=None, override="", reason="", progress="有进展"):
    return TargetSpec(
        number=1,
        title="测试",
        category="经济发展",
        target_text="目标",
        progress_text=progress,
        indicators=tuple(indicators),
        deadlines=tuple(deadlines if deadlines is not None else [DeadlineSpec(YEAR_END)]),
        status_override=override,
        status_reason=reason,
    )


def ind(target="", actual="", comparator=">="):
    return IndicatorSpec(
        name="指标", target=target, unit="个", comparator=comparator, actual=actual
    )


@pytest.mark.parametrize(
    ("indicator", "met", "exceeded"),
    [
        (ind("14", "24.43"), True, True),
        (ind("500", "500"), True, False),
        (ind("4", "3"), False, False),
        (ind("49", "43", "<="), True, True),
        (ind("4.5", "4.5", "<="), True, False),
        (ind("4.5", "5.1", "<="), False, False),
        (ind("570", "570", "="), True, False),
        (ind("570", "580", "="), False, False),
        (ind("", "264"), None, False),
        (ind("71.2", ""), None, False),
    ],
)
def test_indicator_met_and_exceeded(indicator, met, exceeded):
    assert indicator_met(indicator) is met
    assert indicator_exceeded(indicator) is exceeded


def test_override_wins_over_figures():
    target = make_target([ind("10", "20")], override="未完成", reason="还存在缺口3.88万亩")
    assert compute_status(target, dt.date(2021, 1, 1)) == "未完成"


def test_a_no_data_override_gives_way_once_every_figure_has_come():
    reason = "报告未给出造林的完成数"
    waiting = make_target([ind("0.71", ""), ind("0.5", "0.6")], override="暂无数据", reason=reason)
    assert compute_status(waiting, dt.date(2020, 6, 1)) == "暂无数据"
    assert override_in_force(waiting) == "暂无数据"
    # the unit reports the missing figure: the rules judge it, the draft's words no longer do
    arrived = replace(waiting, indicators=(ind("0.71", "0.8"), ind("0.5", "0.6")))
    assert override_in_force(arrived) == ""
    assert compute_status(arrived, dt.date(2020, 6, 1)) == "超额完成"
    # a target in words has no figure to wait for: its 暂无数据 stands until an admin acts
    in_words = make_target([], override="暂无数据", reason="未给出全省排名")
    assert compute_status(in_words, dt.date(2020, 6, 1)) == "暂无数据"
    # any other override is an admin's judgement and stands whatever the figures say
    judged = replace(arrived, status_override="未完成", status_reason="还存在缺口")
    assert compute_status(judged, dt.date(2020, 6, 1)) == "未完成"


def test_all_met_with_one_beaten_is_exceeded():
    target = make_target([ind("10", "20"), ind("5", "5")])
    assert compute_status(target, dt.date(2020, 6, 1)) == "超额完成"


def test_all_met_exactly_is_done():
    assert compute_status(make_target([ind("500", "500")]), dt.date(2020, 6, 1)) == "已完成"


def test_unmet_before_deadline_is_in_progress():
    assert compute_status(make_target([ind("10", "3")]), dt.date(2020, 6, 1)) == "推进中"


def test_unmet_after_final_deadline_is_not_done():
    assert compute_status(make_target([ind("10", "3")]), dt.date(2021, 1, 1)) == "未完成"


def test_unmet_with_missed_milestone_is_behind():
    deadlines = [DeadlineSpec(dt.date(2020, 7, 31), "7月底前"), DeadlineSpec(YEAR_END)]
    target = make_target([ind("10", "3")], deadlines)
    assert compute_status(target, dt.date(2020, 8, 15)) == "滞后"


def test_wordy_target_done_when_every_deadline_done():
    target = make_target([], [DeadlineSpec(dt.date(2020, 10, 31), "10月底之前", done=True)])
    assert compute_status(target, dt.date(2021, 1, 1)) == "已完成"


def test_wordy_target_missed_milestone_is_behind_then_not_done():
    deadlines = [DeadlineSpec(dt.date(2020, 8, 31), "8月底前"), DeadlineSpec(YEAR_END)]
    target = make_target([], deadlines)
    assert compute_status(target, dt.date(2020, 9, 1)) == "滞后"
    assert compute_status(target, dt.date(2021, 1, 1)) == "未完成"


def test_nothing_known_is_no_data():
    target = make_target([ind("10", "")], progress="")
    assert compute_status(target, dt.date(2020, 6, 1)) == "暂无数据"


def test_progress_text_without_figures_is_in_progress():
    assert compute_status(make_target([ind("10", "")]), dt.date(2020, 6, 1)) == "推进中"


def test_every_status_has_its_light():
    assert {s: light_for(s) for s in LIGHTS} == {
        "超额完成": "🟢",
        "已完成": "🟢",
        "推进中": "🟡",
        "滞后": "🔴",
        "未完成": "🔴",
        "暂无数据": "⚪",
    }


def test_completion_ratio_is_exact_decimal():
    assert str(completion_ratio(ind("14", "24.43"))) == "174.5"
    assert completion_ratio(ind("49", "43", "<=")) is None


# --- closed years ------------------------------------------------------------------------

from bot.domain.status import (  # noqa: E402
    as_of_label,
    deadline_state,
    overdue_days,
    status_day,
    year_closed,
)


@pytest.mark.parametrize(
    ("today", "pinned", "expected"),
    [
        (dt.date(2020, 10, 23), False, dt.date(2020, 10, 23)),  # inside the year: the day itself
        (YEAR_END, False, YEAR_END),
        (dt.date(2026, 12, 1), False, dt.date(2021, 1, 1)),  # held at the year's close
        (dt.date(2021, 1, 15), True, dt.date(2021, 1, 15)),  # a pinned day is used as it is
    ],
)
def test_status_day_is_held_at_the_close_of_a_past_year(today, pinned, expected):
    assert status_day(today, 2020, pinned=pinned) == expected


def test_a_target_missed_in_a_closed_year_ended_unmet_whatever_the_real_date():
    target = make_target([ind("4", "3")])
    for real in (dt.date(2021, 1, 1), dt.date(2026, 12, 1), dt.date(2040, 6, 1)):
        assert compute_status(target, status_day(real, 2020)) == "未完成"
    assert compute_status(target, status_day(dt.date(2020, 12, 31), 2020)) == "推进中"


def test_closed_year_labels_and_deadline_words():
    closed = status_day(dt.date(2026, 12, 1), 2020)
    assert year_closed(closed, 2020) and not year_closed(YEAR_END, 2020)
    assert as_of_label(closed, 2020) == "2020-12-31，2020年度已结束"
    assert as_of_label(dt.date(2021, 1, 15), 2020) == "2021-01-15，2020年度已结束"
    assert as_of_label(dt.date(2020, 6, 30), 2020) == "2020-06-30"
    deadline = DeadlineSpec(dt.date(2020, 10, 31), "10月底前")
    assert deadline_state(deadline, dt.date(2020, 10, 1)) == "剩余30天"
    assert deadline_state(deadline, dt.date(2020, 11, 3)) == "已逾期3天"
    assert deadline_state(deadline, closed) == "年度已结束"
    assert deadline_state(DeadlineSpec(YEAR_END, done=True), closed) == "已完成"
    assert overdue_days(dt.date(2020, 10, 31), dt.date(2020, 11, 3)) == 3
    assert overdue_days(dt.date(2020, 10, 31), closed) == 0
    assert overdue_days(None, closed) == 0


# --- honest statuses: 已完成 only on evidence --------------------------------------------

from bot.domain.status import indicator_gap, missing_figures, status_note  # noqa: E402


def test_a_met_figure_beside_a_missing_one_is_not_done_before_the_deadline():
    target = make_target([ind("3.67", "2.75", "<="), ind("2", "")])
    assert compute_status(target, dt.date(2020, 6, 1)) == "推进中"
    assert status_note(target, dt.date(2020, 6, 1)) == "部分指标暂无数据：指标"


def test_missing_figures_after_the_deadline_are_not_done_unless_the_office_closed_it():
    open_target = make_target([ind("3.67", "2.75", "<="), ind("2", "")])
    assert compute_status(open_target, dt.date(2021, 1, 1)) == "未完成"
    closed = make_target(
        [ind("3.67", "2.75", "<="), ind("2", "")], [DeadlineSpec(YEAR_END, done=True)]
    )
    assert compute_status(closed, dt.date(2021, 1, 1)) == "暂无数据"
    assert status_note(closed, dt.date(2021, 1, 1)).startswith("部分指标暂无数据")


def test_a_done_deadline_never_makes_a_target_with_a_missing_figure_done():
    target = make_target([ind("90", ""), ind("", "100")], [DeadlineSpec(YEAR_END, done=True)])
    assert compute_status(target, dt.date(2020, 6, 1)) == "推进中"
    assert compute_status(target, dt.date(2021, 1, 1)) == "暂无数据"


def test_missing_figures_with_a_missed_milestone_are_behind():
    deadlines = [DeadlineSpec(dt.date(2020, 7, 31), "7月底前"), DeadlineSpec(YEAR_END)]
    target = make_target([ind("10", "20"), ind("5", "")], deadlines)
    assert compute_status(target, dt.date(2020, 8, 15)) == "滞后"


def test_an_unmet_figure_outranks_a_missing_one():
    target = make_target([ind("10", "3"), ind("5", "")])
    assert compute_status(target, dt.date(2020, 6, 1)) == "推进中"
    assert compute_status(target, dt.date(2021, 1, 1)) == "未完成"
    assert status_note(target, dt.date(2021, 1, 1)) == ""


def test_figures_without_a_target_neither_prove_nor_disprove_completion():
    target = make_target([ind("10", "20"), ind("", "3")])
    assert compute_status(target, dt.date(2020, 6, 1)) == "超额完成"
    assert missing_figures(target) == []


def test_an_override_with_its_reason_wins_over_missing_figures():
    target = make_target([ind("2", "")], override="超额完成", reason="已超额完成改建797路")
    assert compute_status(target, dt.date(2021, 1, 1)) == "超额完成"
    assert status_note(target, dt.date(2021, 1, 1)) == ""


@pytest.mark.parametrize(
    ("indicator", "gap"),
    [
        (ind("14", "24.43"), "0"),
        (ind("14", "10.5"), "3.5"),
        (ind("49", "52", "<="), "3"),
        (ind("49", "43", "<="), "0"),
        (ind("570", "560", "="), "10"),
        (ind("14", ""), None),
    ],
)
def test_indicator_gap(indicator, gap):
    found = indicator_gap(indicator)
    assert (None if found is None else f"{found.normalize():f}") == gap


def test_the_next_open_deadline_is_the_first_after_the_day_with_how_many_fall_due():
    def due(number: int, *days: tuple[dt.date, bool]) -> TargetSpec:
        deadlines = tuple(DeadlineSpec(day, "", done) for day, done in days)
        return TargetSpec(number, f"目标{number}", "经济发展", "", deadlines=deadlines)

    end, mid = dt.date(2020, 12, 31), dt.date(2020, 10, 31)
    targets = [due(1, (mid, True), (end, False)), due(2, (end, False)), due(3, (end, True))]
    assert next_open_deadline(targets, dt.date(2020, 11, 20)) == (end, 2)
    assert next_open_deadline(targets, dt.date(2020, 10, 1)) == (end, 2)  # 31 Oct is done
    assert next_open_deadline(targets, end) is None
