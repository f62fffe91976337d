"""The pure reminder policy, simulated day by day (all dates are Asia/Shanghai dates)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from zoneinfo import ZoneInfo

import pytest

from bot.app.reminder_notices import notices_on, urge_notices
from bot.domain.ledger import DeadlineSpec, IndicatorSpec, LedgerSpec, TargetSpec, UnitSpec
from bot.domain.reminder_policy import (
    Notice,
    ReminderPolicy,
    is_overdue_day,
    next_send_at,
    overdue_days,
    reminder_day,
)
from bot.domain.work_calendar import WorkCalendar
from bot.render.reminder_text import MAX_DIGEST, digest_text
from bot.render.replies import telegram_length

SHANGHAI = ZoneInfo("Asia/Shanghai")
POLICY = ReminderPolicy()
CAL = WorkCalendar()
REPORT_HINT = "完成情况请回复本消息，或发送 /report {n} 进展或数值（例如 /report {n} "
SUBSCRIPTIONS = {
    "县自然资源局": [101],
    "县工信局": [201, 202],
    "县应急管理局": [301],
    "县发改委": [401],
    "县统计局": [501],
}
LEADERS = [900, 901]


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def days(start: str, end: str):
    first, last = d(start), d(end)
    while first <= last:
        yield first
        first += dt.timedelta(days=1)


def run(day, ledger, **kwargs) -> list[Notice]:
    kwargs.setdefault("subscriptions", SUBSCRIPTIONS)
    kwargs.setdefault("digest_chats", LEADERS)
    kwargs.setdefault("policy", POLICY)
    kwargs.setdefault("calendar", CAL)
    return notices_on(day, ledger, **kwargs)


def only(ledger: LedgerSpec, *numbers: int) -> LedgerSpec:
    return dataclasses.replace(
        ledger, targets=tuple(t for t in ledger.targets if t.number in numbers)
    )


def replace_target(ledger: LedgerSpec, target: TargetSpec) -> LedgerSpec:
    return dataclasses.replace(
        ledger,
        targets=tuple(target if t.number == target.number else t for t in ledger.targets),
    )


YEAR_END = DeadlineSpec(dt.date(2020, 12, 31))
FAGAIWEI = UnitSpec("县发改委", "lead")


def make_target(
    number=1,
    deadlines=(YEAR_END,),
    units=(FAGAIWEI,),
    indicators=(),
    override="",
    title="测试目标",
) -> TargetSpec:
    return TargetSpec(
        number=number,
        title=title,
        category="经济发展",
        target_text="目标",
        progress_text="有进展",
        units=tuple(units),
        deadlines=tuple(deadlines),
        indicators=tuple(indicators),
        status_override=override,
    )


def make_ledger(*targets: TargetSpec) -> LedgerSpec:
    return LedgerSpec(year=2020, title="测试台账", preamble="", targets=tuple(targets))


@pytest.fixture(scope="module")
def reopened_5(ledger_2020) -> LedgerSpec:
    """Target 5 with its 2020-10-31 deadline reopened (no override, no indicators)."""
    target = ledger_2020.by_number()[5]
    assert not target.status_override and not target.indicators
    deadline = dataclasses.replace(target.deadlines[0], done=False)
    return only(replace_target(ledger_2020, dataclasses.replace(target, deadlines=(deadline,))), 5)


# --- the work calendar ---------------------------------------------------------------------


def test_calendar_knows_tiaoxiu_and_holidays():
    assert CAL.is_working_day(d("2020-09-27"))  # a Sunday made a working day (调休)
    assert CAL.is_working_day(d("2020-10-10"))  # a Saturday made a working day
    assert not CAL.is_working_day(d("2020-10-05"))  # a Monday in the National Day holiday
    assert not CAL.is_working_day(d("2021-01-01"))  # New Year's Day, a Friday
    assert not CAL.is_working_day(d("2020-12-26"))  # a plain Saturday
    assert CAL.is_working_day(d("2020-12-24"))  # a plain Thursday
    assert CAL.previous_working_day(d("2020-10-05")) == d("2020-09-30")
    assert CAL.next_working_day(d("2020-10-05")) == d("2020-10-09")
    assert CAL.previous_working_day(d("2020-12-24")) == d("2020-12-24")
    assert CAL.next_working_day(d("2021-01-01")) == d("2021-01-04")


def test_calendar_falls_back_to_monday_to_friday_outside_its_data():
    assert all(CAL.covered(year) for year in range(2004, 2027))
    assert not CAL.covered(2030) and not CAL.covered(2003)
    assert CAL.is_working_day(d("2030-10-01"))  # National Day, but no data: a Tuesday works
    assert not CAL.is_working_day(d("2030-10-05"))  # a Saturday
    assert CAL.previous_working_day(d("2030-10-06")) == d("2030-10-04")
    assert CAL.next_working_day(d("2003-02-01")) == d("2003-02-03")  # before the data too
    # The 2026/2027 seam: the last covered day and the first fallback day.
    assert not CAL.is_working_day(d("2027-01-02"))
    assert CAL.next_working_day(d("2027-01-02")) == d("2027-01-04")


# --- reminder days -------------------------------------------------------------------------


def test_reminder_days_around_a_weekend():
    deadline = d("2020-10-31")  # a Saturday
    assert reminder_day(deadline, 7, POLICY, CAL) == d("2020-10-23")  # Sat 24 -> Fri 23
    assert reminder_day(deadline, 3, POLICY, CAL) == d("2020-10-28")  # a Wednesday
    assert reminder_day(deadline, 1, POLICY, CAL) == d("2020-10-30")  # a Friday
    assert reminder_day(deadline, 0, POLICY, CAL) == d("2020-10-30")  # Sat 31 -> Fri 30
    monday = d("2020-11-02")
    assert reminder_day(monday, 1, POLICY, CAL) == d("2020-10-30")  # Sun 1 -> Fri 30
    assert reminder_day(monday, 3, POLICY, CAL) == d("2020-10-30")  # Fri 30 stays
    assert reminder_day(monday, 0, POLICY, CAL) == monday


def test_reminder_days_follow_tiaoxiu():
    assert reminder_day(d("2020-09-28"), 1, POLICY, CAL) == d("2020-09-27")  # working Sunday
    assert reminder_day(d("2020-10-12"), 7, POLICY, CAL) == d("2020-09-30")  # 10-05 holiday
    assert reminder_day(d("2020-10-08"), 0, POLICY, CAL) == d("2020-09-30")  # holiday deadline


def test_reminder_days_unmoved_when_not_working_days_only():
    policy = ReminderPolicy(working_days_only=False)
    assert reminder_day(d("2020-10-31"), 7, policy, CAL) == d("2020-10-24")
    assert reminder_day(d("2020-10-12"), 7, policy, CAL) == d("2020-10-05")


def test_policy_rejects_nonsense():
    with pytest.raises(ValueError, match="offsets"):
        ReminderPolicy(offsets=(3, -1))
    with pytest.raises(ValueError, match="digest_weekday"):
        ReminderPolicy(digest_weekday=7)
    with pytest.raises(ValueError, match="overdue_repeat_days"):
        ReminderPolicy(overdue_repeat_days=-1)


# --- before/due notices on the real ledger ---------------------------------------------------


def test_target_16_seven_day_reminder_on_2020_12_24(ledger_2020):
    day = d("2020-12-24")
    assert day.weekday() == 3
    notices = [n for n in run(day, ledger_2020) if n.target == 16]
    assert len(notices) == 1
    (notice,) = notices
    assert notice.kind == "before"
    assert notice.deadline == d("2020-12-31") and notice.milestone == "年底前"
    assert notice.occurrence == day
    assert notice.chat_id == 101 and notice.unit == "县自然资源局"
    assert notice.key == ("before", 16, "2020-12-31 年底前", day, 101)
    text = notice.text
    assert text.startswith("【县督查局·督查提醒】第16项 耕地保护\n目标：严格落实耕地保护主体责任")
    assert "2020-12-31" in text and "年底前" in text and "距截止还有7天" in text
    assert "未完成" in text and "县自然资源局" in text
    # its one figure with a target is met: what is short is the 缺口 the report states
    assert "尚缺：\n· 代保后耕地保有量缺口 3.88万亩\n" in text
    assert REPORT_HINT.format(n=16) + "代保后耕地保有量缺口 3.88万亩 截至12月）" in text
    assert "推定" not in text


def test_2020_12_24_lists_only_open_unfinished_targets(ledger_2020):
    notices = run(d("2020-12-24"), ledger_2020)
    numbers = {n.target for n in notices}
    # 62 has two indicators without a figure, so it is not done and is reminded (issue 13).
    assert numbers == {1, 2, 6, 7, 16, 35, 44, 53, 61, 62, 64, 66}
    assert 12 not in numbers  # done
    assert {n.kind for n in notices} == {"before"}
    # Every responsible unit, lead and assist, gets it; 县林业局 has no chat.
    seven = [(n.unit, n.chat_id) for n in notices if n.target == 7]
    assert seven == [("县林业局", None), ("县自然资源局", 101)]
    one = [(n.unit, n.chat_id) for n in notices if n.target == 1]
    assert one == [("县发改委", 401), ("县统计局", 501)]


def test_order_is_stable(ledger_2020):
    first = run(d("2020-12-24"), ledger_2020)
    assert first == run(d("2020-12-24"), ledger_2020)
    assert [n.target for n in first] == sorted(n.target for n in first)


def test_done_deadline_of_target_5_gives_nothing(ledger_2020):
    target_5 = only(ledger_2020, 5)
    for day in days("2020-10-01", "2020-12-31"):
        assert run(day, target_5, digest_chats=[]) == []


def test_reopened_target_5_reminders_move_off_the_weekend(reopened_5):
    sent = {
        day: [(n.kind, n.unit, n.chat_id, n.text) for n in run(day, reopened_5, digest_chats=[])]
        for day in days("2020-10-15", "2020-10-31")
    }
    sent = {day: notices for day, notices in sent.items() if notices}
    assert list(sent) == [d("2020-10-23"), d("2020-10-28"), d("2020-10-30")]
    assert not run(d("2020-10-24"), reopened_5, digest_chats=[])  # the Saturday itself
    friday = sent[d("2020-10-23")]
    assert [(k, u, c) for k, u, c, _ in friday] == [
        ("before", "县工信局", 201),
        ("before", "县工信局", 202),
        ("before", "县应急管理局", 301),
    ]
    assert "距截止还有8天" in friday[0][3] and "10月底之前" in friday[0][3]
    assert "2020-10-31（周六）" in friday[0][3]
    assert {k for k, *_ in sent[d("2020-10-28")]} == {"before"}
    assert "距截止还有3天" in sent[d("2020-10-28")][0][3]


def test_dedup_keeps_the_closest_offset(reopened_5):
    # Offsets 1 and 0 both land on Friday 2020-10-30: one "due" notice per unit chat.
    notices = run(d("2020-10-30"), reopened_5, digest_chats=[])
    assert [(n.kind, n.chat_id) for n in notices] == [("due", 201), ("due", 202), ("due", 301)]
    assert "距截止还有1天" in notices[0].text
    # Offsets 3 and 1 on Friday when the deadline is a Monday: one "before" notice.
    target = make_target(deadlines=(DeadlineSpec(d("2020-11-02"), "11月2日前"),))
    notices = run(d("2020-10-30"), make_ledger(target), digest_chats=[])
    assert [(n.kind, n.chat_id) for n in notices] == [("before", 401)]
    assert "距截止还有3天" in notices[0].text
    assert len({n.key for n in notices}) == len(notices)


def test_due_on_the_day(ledger_2020):
    notices = [n for n in run(d("2020-12-31"), ledger_2020) if n.target == 16]
    assert [(n.kind, n.chat_id) for n in notices] == [("due", 101)]
    assert "今天到期" in notices[0].text
    assert [n.kind for n in run(d("2020-12-30"), only(ledger_2020, 16))] == ["before"]
    assert "距截止还有1天" in run(d("2020-12-30"), only(ledger_2020, 16))[0].text
    assert run(d("2020-12-29"), only(ledger_2020, 16)) == []


def test_tiaoxiu_days_in_a_simulation():
    ledger = make_ledger(
        make_target(1, deadlines=(DeadlineSpec(d("2020-09-28"), "9月28日前"),)),
        make_target(2, deadlines=(DeadlineSpec(d("2020-10-12"), "10月12日前"),)),
    )
    policy = ReminderPolicy(offsets=(7, 1))
    sent = {}
    for day in days("2020-09-15", "2020-10-12"):
        for n in run(day, ledger, policy=policy, digest_chats=[]):
            sent.setdefault(day, []).append((n.target, n.kind))
    assert sent[d("2020-09-27")] == [(1, "before")]  # a working Sunday keeps its reminder
    assert sent[d("2020-09-30")] == [(2, "before")]  # 10-05 is a holiday: back to 09-30
    assert d("2020-10-05") not in sent
    assert sent[d("2020-10-10")] == [(2, "before")]  # 10-11 Sunday -> the working Saturday
    assert sent == {
        d("2020-09-21"): [(1, "before")],
        d("2020-09-27"): [(1, "before")],
        d("2020-09-29"): [(1, "overdue")],
        d("2020-09-30"): [(2, "before")],
        d("2020-10-09"): [(1, "overdue")],  # 10-06 in the holiday -> 10-09
        d("2020-10-10"): [(2, "before")],
    }


def test_fallback_years_use_monday_to_friday():
    target = make_target(deadlines=(DeadlineSpec(d("2030-10-08"), "10月8日前"),))
    ledger = dataclasses.replace(make_ledger(target), year=2030)
    policy = ReminderPolicy(offsets=(7,))
    hits = [
        day
        for day in days("2030-09-20", "2030-10-08")
        if run(day, ledger, policy=policy, digest_chats=[])
    ]
    assert hits == [d("2030-10-01")]  # National Day 2030 unknown: a plain Tuesday


def test_not_working_days_only_sends_on_weekends(reopened_5):
    policy = ReminderPolicy(working_days_only=False)
    notices = run(d("2020-10-24"), reopened_5, policy=policy, digest_chats=[])
    assert {n.kind for n in notices} == {"before"}
    assert "距截止还有7天" in notices[0].text
    assert [n.kind for n in run(d("2020-10-31"), reopened_5, policy=policy, digest_chats=[])][
        0
    ] == "due"


def test_short_indicators_are_named():
    target = make_target(
        indicators=(
            IndicatorSpec("新增贷款", "14", "亿元", ">=", "10", "截至11月"),
            IndicatorSpec("企业上云", "40", "家", ">=", "54"),
            IndicatorSpec("失业率", "4.5", "%", "<=", "5.1"),
            IndicatorSpec("研发投入增幅", "", "%"),
        ),
    )
    (notice,) = run(d("2020-12-24"), make_ledger(target), digest_chats=[])
    assert "尚缺：" in notice.text
    assert "新增贷款 10亿元 / 目标14亿元（71.4%），截至11月，还差4亿元" in notice.text
    assert "失业率 5.1% / 目标≤4.5%（未达标），还差0.6%" in notice.text
    assert "企业上云" not in notice.text and "研发投入增幅" not in notice.text
    assert "牵头单位：县发改委" in notice.text and "推定" not in notice.text
    assert REPORT_HINT.format(n=1) + "新增贷款 10亿元 截至12月）" in notice.text


def test_a_missing_figure_is_asked_for(ledger_2020):
    target = make_target(indicators=(IndicatorSpec("履约率", "90", "%", ">=", ""),))
    (notice,) = run(d("2020-12-24"), make_ledger(target), digest_chats=[])
    assert "· 履约率 暂无数据 / 目标90%，请报送完成数" in notice.text
    assert REPORT_HINT.format(n=1) + "履约率 90% 截至12月）" in notice.text


def test_an_assisting_unit_is_told_which_unit_leads(ledger_2020):
    notices = [n for n in run(d("2020-12-24"), ledger_2020) if n.target == 62]
    assisting = next(n for n in notices if n.unit == "县统计局")
    assert "牵头单位：县发改委（贵单位为配合单位，请配合牵头单位推进）" in assisting.text
    leading = next(n for n in notices if n.unit == "县发改委")
    assert "牵头单位：县发改委；配合单位：县工信局、县统计局" in leading.text


def test_the_sender_is_the_configured_office(ledger_2020):
    policy = dataclasses.replace(POLICY, sender="西平县督查局")
    notices = run(d("2020-12-24"), ledger_2020, policy=policy, digest_chats=[])
    assert notices and all(n.text.startswith("【西平县督查局·") for n in notices)


def test_a_met_indicator_is_not_short_but_a_stated_gap_is(ledger_2020):
    (notice,) = [n for n in run(d("2020-12-24"), ledger_2020) if n.target == 16]
    shortfall = notice.text.split("尚缺：\n", 1)[1].split("\n牵头单位", 1)[0]
    assert shortfall == "· 代保后耕地保有量缺口 3.88万亩"  # 6.9% ≤ 10% is met, not listed


def test_no_short_indicators_no_line(ledger_2020):
    notices = [n for n in run(d("2020-12-24"), ledger_2020) if n.target == 7]
    assert notices and all("尚缺：" in n.text for n in notices)  # figures still to report
    notices = [n for n in run(d("2020-12-24"), ledger_2020) if n.target == 1]
    assert notices and all("尚缺" not in n.text for n in notices)  # a rank alone, no target


# --- who gets what ------------------------------------------------------------------------


def test_units_without_chats_are_listed_with_none(ledger_2020):
    notices = run(d("2020-12-24"), only(ledger_2020, 16), subscriptions={})
    assert [(n.unit, n.chat_id) for n in notices] == [("县自然资源局", None)]
    assert notices[0].key[-1] == 0
    notices = run(d("2020-12-24"), only(ledger_2020, 16), subscriptions={"县自然资源局": []})
    assert [n.chat_id for n in notices] == [None]


def test_reported_units_are_skipped(ledger_2020):
    ledger = only(ledger_2020, 1, 16)
    asked = []

    def reported(target: int, unit: str) -> bool:
        asked.append((target, unit))
        return (target, unit) in {(1, "县统计局"), (16, "县自然资源局")}

    notices = run(d("2020-12-24"), ledger, reported=reported)
    assert [(n.target, n.unit) for n in notices] == [(1, "县发改委")]
    assert set(asked) == {(1, "县发改委"), (1, "县统计局"), (16, "县自然资源局")}


def test_one_notice_per_chat_and_key():
    target = make_target(units=(UnitSpec("县发改委", "lead"), UnitSpec("县统计局", "assist")))
    shared = {"县发改委": [7, 8], "县统计局": [8, 9]}
    notices = run(d("2020-12-24"), make_ledger(target), subscriptions=shared, digest_chats=[])
    assert [(n.unit, n.chat_id) for n in notices] == [
        ("县发改委", 7),
        ("县发改委", 8),
        ("县统计局", 9),
    ]
    assert len({n.key for n in notices}) == 3


def test_lead_units_come_first():
    target = make_target(units=(UnitSpec("县统计局", "assist"), UnitSpec("县发改委", "lead")))
    notices = run(d("2020-12-24"), make_ledger(target), digest_chats=[])
    assert [n.unit for n in notices] == ["县发改委", "县统计局"]


# --- overdue ------------------------------------------------------------------------------


def test_overdue_days_weekly_from_the_first_working_day():
    deadline = d("2020-12-31")
    expected = [
        d("2021-01-04"),  # 01-01 holiday, 01-02/03 weekend
        d("2021-01-11"),
        d("2021-01-18"),
        d("2021-01-25"),
        d("2021-02-01"),
        d("2021-02-08"),
        d("2021-02-18"),  # 02-15 in the Spring Festival holiday
        d("2021-02-22"),
    ]
    assert list(itertools.islice(overdue_days(deadline, POLICY, CAL), 8)) == expected
    simulated = [day for day in days("2020-12-01", "2021-02-22") if is_overdue_day(
        deadline, day, POLICY, CAL
    )]  # fmt: skip
    assert simulated == expected


def test_overdue_first_day_is_the_next_day_when_working():
    deadline = d("2020-11-30")  # a Monday
    assert is_overdue_day(deadline, d("2020-12-01"), POLICY, CAL)
    assert not is_overdue_day(deadline, d("2020-11-30"), POLICY, CAL)
    assert not is_overdue_day(deadline, d("2020-12-02"), POLICY, CAL)
    assert is_overdue_day(deadline, d("2020-12-08"), POLICY, CAL)
    once = ReminderPolicy(overdue_repeat_days=0)
    assert list(overdue_days(deadline, once, CAL)) == [d("2020-12-01")]
    assert not is_overdue_day(deadline, d("2020-12-08"), once, CAL)


def test_overdue_notices_go_to_units_and_leaders(ledger_2020):
    day = d("2021-01-04")
    notices = [n for n in run(day, ledger_2020) if n.target == 16]
    assert [(n.kind, n.unit, n.chat_id) for n in notices] == [
        ("overdue", "县自然资源局", 101),
        ("overdue", "", 900),
        ("overdue", "", 901),
    ]
    for notice in notices:
        assert notice.text.startswith("【县督查局·逾期提醒】第16项 耕地保护")
        assert "已逾期4天" in notice.text and "2020-12-31" in notice.text
        assert notice.deadline == d("2020-12-31") and notice.occurrence == day
    for day in days("2021-01-01", "2021-01-03"):
        assert not [n for n in run(day, ledger_2020) if n.target == 16]
    for day in days("2021-01-05", "2021-01-10"):
        assert not [n for n in run(day, ledger_2020) if n.target == 16]
    later = [n for n in run(d("2021-01-11"), ledger_2020) if n.target == 16]
    assert "已逾期11天" in later[0].text


def test_reported_units_skip_overdue_but_leaders_still_hear(ledger_2020):
    notices = run(d("2021-01-04"), only(ledger_2020, 16), reported=lambda t, u: True)
    assert [(n.unit, n.chat_id) for n in notices if n.kind == "overdue"] == [
        ("", 900),
        ("", 901),
    ]


def test_a_leader_who_is_also_a_unit_chat_gets_one_overdue_notice(ledger_2020):
    notices = run(d("2021-01-04"), only(ledger_2020, 16), digest_chats=[101])
    assert [(n.kind, n.unit, n.chat_id) for n in notices] == [
        ("digest", "", 101),
        ("overdue", "县自然资源局", 101),
    ]


def test_earlier_milestone_overdue_while_final_is_ahead():
    target = make_target(
        deadlines=(
            DeadlineSpec(d("2020-07-31"), "7月底前"),
            DeadlineSpec(d("2020-12-31"), "年底前"),
        ),
    )
    notices = run(d("2020-08-03"), make_ledger(target), digest_chats=[])
    assert [(n.kind, n.deadline, n.milestone) for n in notices] == [
        ("overdue", d("2020-07-31"), "7月底前")
    ]
    assert "已逾期3天" in notices[0].text and "滞后" in notices[0].text


# --- nothing once done or moved -------------------------------------------------------------


def test_nothing_once_done(ledger_2020):
    target = ledger_2020.by_number()[16]
    done = dataclasses.replace(
        target, deadlines=(dataclasses.replace(target.deadlines[0], done=True),)
    )
    ledger = only(replace_target(ledger_2020, done), 16)
    for day in days("2020-12-20", "2021-01-31"):
        assert [n for n in run(day, ledger, digest_chats=[])] == []


def test_nothing_once_the_status_says_finished(ledger_2020):
    target = ledger_2020.by_number()[16]
    finished = dataclasses.replace(target, status_override="已完成")
    ledger = only(replace_target(ledger_2020, finished), 16)
    assert run(d("2020-12-24"), ledger, digest_chats=[]) == []
    assert run(d("2021-01-04"), ledger, digest_chats=[]) == []
    met = make_target(indicators=(IndicatorSpec("新增贷款", "14", "亿元", ">=", "24.43"),))
    assert run(d("2020-12-24"), make_ledger(met), digest_chats=[]) == []


def test_a_moved_deadline_moves_the_reminders(ledger_2020):
    target = ledger_2020.by_number()[16]
    moved = dataclasses.replace(target, deadlines=(DeadlineSpec(d("2021-01-29"), "1月底前"),))
    ledger = only(replace_target(ledger_2020, moved), 16)
    hits = {}
    for day in days("2020-12-20", "2021-02-08"):
        for n in run(day, ledger, digest_chats=[]):
            hits.setdefault(day, set()).add((n.kind, n.deadline))
    assert hits == {
        d("2021-01-22"): {("before", d("2021-01-29"))},
        d("2021-01-26"): {("before", d("2021-01-29"))},
        d("2021-01-28"): {("before", d("2021-01-29"))},
        d("2021-01-29"): {("due", d("2021-01-29"))},
        d("2021-02-01"): {("overdue", d("2021-01-29"))},
        d("2021-02-08"): {("overdue", d("2021-01-29"))},
    }


# --- the digest ---------------------------------------------------------------------------


def test_digest_only_on_mondays(ledger_2020):
    for day in days("2020-12-21", "2021-01-10"):
        digests = [n for n in run(day, ledger_2020) if n.kind == "digest"]
        if day.weekday() == 0:
            assert [n.chat_id for n in digests] == [900, 901]
        else:
            assert digests == []
    friday = ReminderPolicy(digest_weekday=4)
    assert [n.kind for n in run(d("2020-12-25"), only(ledger_2020, 3), policy=friday)] == [
        "digest",
        "digest",
    ]
    assert run(d("2020-12-28"), only(ledger_2020, 3), digest_chats=[]) == []


def test_digest_is_not_moved_off_a_holiday(ledger_2020):
    day = d("2020-10-05")  # a Monday in the National Day holiday
    notices = run(day, only(ledger_2020, 3))
    assert [(n.kind, n.occurrence) for n in notices] == [("digest", day), ("digest", day)]


def test_digest_has_the_four_parts(ledger_2020):
    day = d("2020-12-28")
    notices = [n for n in run(day, ledger_2020) if n.kind == "digest"]
    assert [(n.target, n.deadline, n.milestone, n.unit) for n in notices] == [
        (0, None, "", ""),
        (0, None, "", ""),
    ]
    assert notices[0].key == ("digest", 0, "", day, 900)
    text = notices[0].text
    # 16 and 35 (by override: "筛查补助资金…待拨付") are 未完成 whatever the day.
    assert "共66项" in text and "未完成2项" in text and "暂无数据" in text and "🟢" in text
    assert "本周无变更" in text
    assert text.startswith("【督查周报】2020年县工作责任目标台账（2020-12-28 周一）")
    assert "14天内到期（12项）" in text  # 62 too: two of its figures are missing
    assert "第16项 耕地保护：2020-12-31 年底前（剩余3天）——县自然资源局" in text
    assert "第62项 节能减煤：2020-12-31 年底前（剩余3天）——县发改委" in text
    assert "已逾期（0项）" in text
    assert telegram_length(text) < MAX_DIGEST


def test_digest_lists_changes_and_overdue(ledger_2020):
    changes = ["第12项 新增贷款：24.43亿元（县金融工作局）", "第16项 状态改为未完成"]
    (notice, _) = [
        n
        for n in run(d("2021-01-04"), ledger_2020, changes_since_last_digest=changes)
        if n.kind == "digest"
    ]
    assert "本周无变更" not in notice.text
    assert "· 第12项 新增贷款：24.43亿元（县金融工作局）" in notice.text
    assert "· 第16项 状态改为未完成" in notice.text
    assert "已逾期（12项）" in notice.text and "已逾期4天" in notice.text
    assert "14天内到期（0项）" in notice.text


def test_digest_truncates_long_lists():
    targets = [
        make_target(n, title="很长的目标名称" * 3, deadlines=(DeadlineSpec(d("2020-12-31")),))
        for n in range(1, 81)
    ] + [
        make_target(n, deadlines=(DeadlineSpec(d("2020-12-01"), "11月底前"),))
        for n in range(81, 131)
    ]
    changes = [f"第{n}项 更新了进展：" + "很长的变更说明" * 20 for n in range(1, 200)]
    text = digest_text(
        make_ledger(*targets), d("2020-12-21"), policy=POLICY, changes_since_last_digest=changes
    )
    assert telegram_length(text) < MAX_DIGEST
    assert "…等199项" in text and "…等80项" in text and "…等50项" in text
    assert "14天内到期（80项）" in text and "已逾期（50项）" in text


# --- urge ---------------------------------------------------------------------------------


def test_urge_notices(ledger_2020):
    target = ledger_2020.by_number()[1]
    day = d("2020-12-26")  # a Saturday: a manual 催办 is not moved
    notices = urge_notices(target, day, subscriptions=SUBSCRIPTIONS, policy=POLICY, calendar=CAL)
    assert [(n.kind, n.unit, n.chat_id, n.occurrence) for n in notices] == [
        ("urge", "县发改委", 401, day),
        ("urge", "县统计局", 501, day),
    ]
    text = notices[0].text
    assert text.startswith("【县督查局·催办】第1项 固定资产投资")
    assert "2020-12-31" in text and "年底前" in text and "距截止还有5天" in text
    assert REPORT_HINT.format(n=1) in text
    assert notices[0].key == ("urge", 1, "2020-12-31 年底前", day, 401)


def test_urge_without_chats_and_after_the_deadline(ledger_2020):
    target = ledger_2020.by_number()[7]
    notices = urge_notices(target, d("2021-01-06"), subscriptions={}, policy=POLICY, calendar=CAL)
    assert [(n.unit, n.chat_id) for n in notices] == [("县林业局", None), ("县自然资源局", None)]
    assert "已逾期6天" in notices[0].text
    done = ledger_2020.by_number()[12]
    (notice, _) = urge_notices(
        done, d("2020-12-01"), subscriptions={}, policy=POLICY, calendar=CAL
    )
    assert notice.deadline == d("2020-12-31")
    bare = make_target(deadlines=())
    (notice,) = urge_notices(bare, d("2020-12-01"), subscriptions={}, policy=POLICY, calendar=CAL)
    assert notice.deadline is None and notice.milestone == "" and "截止" not in notice.text
    assert notice.key == ("urge", 1, "", d("2020-12-01"), 0)


# --- next_send_at -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (
            dt.datetime(2020, 12, 24, 8, 59, tzinfo=SHANGHAI),
            dt.datetime(2020, 12, 24, 9, 0, tzinfo=SHANGHAI),
        ),
        (
            dt.datetime(2020, 12, 24, 9, 0, tzinfo=SHANGHAI),
            dt.datetime(2020, 12, 24, 9, 0, tzinfo=SHANGHAI),
        ),
        (
            dt.datetime(2020, 12, 24, 9, 0, 1, tzinfo=SHANGHAI),
            dt.datetime(2020, 12, 25, 9, 0, tzinfo=SHANGHAI),
        ),
        (
            dt.datetime(2020, 12, 31, 23, 30, tzinfo=SHANGHAI),
            dt.datetime(2021, 1, 1, 9, 0, tzinfo=SHANGHAI),
        ),
        (
            dt.datetime(2021, 1, 1, 0, 0, tzinfo=SHANGHAI),
            dt.datetime(2021, 1, 1, 9, 0, tzinfo=SHANGHAI),
        ),
        # UTC inputs: 23:00Z is 07:00 next day in Shanghai; 01:30Z is 09:30 the same day.
        (
            dt.datetime(2020, 12, 23, 23, 0, tzinfo=dt.UTC),
            dt.datetime(2020, 12, 24, 9, 0, tzinfo=SHANGHAI),
        ),
        (
            dt.datetime(2020, 12, 24, 1, 30, tzinfo=dt.UTC),
            dt.datetime(2020, 12, 25, 9, 0, tzinfo=SHANGHAI),
        ),
        (
            dt.datetime(2020, 12, 24, 16, 0, tzinfo=dt.UTC),
            dt.datetime(2020, 12, 25, 9, 0, tzinfo=SHANGHAI),
        ),
        # Summer: Shanghai has no DST, so still +08:00.
        (
            dt.datetime(2020, 7, 1, 20, 0, tzinfo=SHANGHAI),
            dt.datetime(2020, 7, 2, 9, 0, tzinfo=SHANGHAI),
        ),
    ],
)
def test_next_send_at(now, expected):
    result = next_send_at(now, POLICY, SHANGHAI)
    assert result == expected
    assert result.tzinfo is SHANGHAI
    assert result.utcoffset() == dt.timedelta(hours=8)
    assert result >= now


def test_next_send_at_other_time_and_naive_input():
    policy = ReminderPolicy(send_time=dt.time(17, 30))
    now = dt.datetime(2020, 12, 24, 17, 31, tzinfo=SHANGHAI)
    assert next_send_at(now, policy, SHANGHAI) == dt.datetime(
        2020, 12, 25, 17, 30, tzinfo=SHANGHAI
    )
    with pytest.raises(ValueError, match="aware"):
        next_send_at(dt.datetime(2020, 12, 24, 9, 0), POLICY, SHANGHAI)  # noqa: DTZ001
