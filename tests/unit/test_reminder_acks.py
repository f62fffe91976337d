"""Acknowledged 催办 (pure rules): when an unacknowledged reminder is reported to the leaders,
counted in working days of the official calendar, and what the leaders and the digest read."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from bot.ledger import DeadlineSpec, IndicatorSpec, LedgerSpec, TargetSpec, UnitSpec
from bot.reminder_policy import (
    ReminderPolicy,
    SentReminder,
    WorkCalendar,
    ack_deadline,
    digest_text,
    escalation_day,
    escalation_notices,
    notices_on,
    unacknowledged,
    urge_notices,
    working_days_waiting,
)
from bot.work_calendar import YearArrangement

CAL = WorkCalendar()
POLICY = ReminderPolicy()
LEADERS = [900, 901]
UNIT = "县自然资源局"


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def target(number: int = 16, **changes) -> TargetSpec:
    spec = TargetSpec(
        number=number,
        title="耕地保护",
        category="生态环境",
        target_text="补足耕地缺口",
        progress_text="推进中",
        units=(UnitSpec(UNIT, "lead"),),
        deadlines=(DeadlineSpec(d("2020-12-31")),),
        indicators=(IndicatorSpec("补充耕地", "1.2", "万亩", actual="0.5"),),
    )
    return dataclasses.replace(spec, **changes)


def ledger(*targets: TargetSpec) -> LedgerSpec:
    return LedgerSpec(year=2020, title="测试台账", preamble="", targets=targets or (target(),))


def sent(day: str, *, chat: int = 101, acked: bool = False, kind: str = "before", **changes):
    reminder = SentReminder(
        kind=kind,
        target=16,
        when="2020-12-31 年底前",
        occurrence=d(day),
        sent_day=d(day),
        unit=UNIT,
        chat_id=chat,
        acked=acked,
    )
    return dataclasses.replace(reminder, **changes)


def escalations(day: str, reminders, **kwargs) -> list:
    kwargs.setdefault("digest_chats", LEADERS)
    kwargs.setdefault("policy", POLICY)
    kwargs.setdefault("calendar", CAL)
    return escalation_notices(d(day), kwargs.pop("ledger", ledger()), reminders, **kwargs)


# --- working days --------------------------------------------------------------------------


def test_two_working_days_after_a_monday_end_on_wednesday_and_thursday_tells_the_leaders():
    assert ack_deadline(d("2020-12-07"), 2, CAL) == d("2020-12-09")
    assert escalation_day(d("2020-12-07"), 2, CAL) == d("2020-12-10")
    assert escalation_day(d("2020-12-07"), 1, CAL) == d("2020-12-09")


def test_a_weekend_is_not_counted():
    # Thursday 24th: Friday 25th and Monday 28th are the two working days
    assert ack_deadline(d("2020-12-24"), 2, CAL) == d("2020-12-28")
    assert escalation_day(d("2020-12-24"), 2, CAL) == d("2020-12-29")
    # sent on a Friday, the deadline is the Tuesday after
    assert ack_deadline(d("2020-12-25"), 2, CAL) == d("2020-12-29")


def test_a_holiday_is_not_counted_and_a_make_up_saturday_is():
    # 2020-09-30 (Wed): 1–8 October is the National Day holiday, Friday 9th and the make-up
    # Saturday 10th are the two working days; the leaders hear on Monday 12th
    assert ack_deadline(d("2020-09-30"), 2, CAL) == d("2020-10-10")
    assert escalation_day(d("2020-09-30"), 2, CAL) == d("2020-10-12")
    # New Year's Day 2021 (Friday) is a holiday: Thursday 31st → Monday 4th, Tuesday 5th
    assert ack_deadline(d("2020-12-31"), 2, CAL) == d("2021-01-05")


def test_the_office_calendar_file_counts_for_years_the_library_lacks():
    holiday = {d("2031-06-02"): "端午节"}  # a Monday
    calendar = WorkCalendar({2031: YearArrangement(2031, "data/calendar/2031.toml", holiday, {})})
    assert ack_deadline(d("2031-05-30"), 2, calendar) == d("2031-06-04")
    # without the file, 2031 counts Monday to Friday
    assert ack_deadline(d("2031-05-30"), 2, WorkCalendar()) == d("2031-06-03")


def test_working_days_waiting_counts_working_days_after_the_day_sent():
    assert working_days_waiting(d("2020-12-24"), d("2020-12-24"), CAL) == 0
    assert working_days_waiting(d("2020-12-24"), d("2020-12-27"), CAL) == 1  # Fri; Sat, Sun not
    assert working_days_waiting(d("2020-12-24"), d("2020-12-29"), CAL) == 3
    assert working_days_waiting(d("2020-09-30"), d("2020-10-08"), CAL) == 0  # all holiday


# --- escalation ------------------------------------------------------------------------------


def test_an_unacknowledged_reminder_is_escalated_on_its_escalation_day_and_after():
    reminder = sent("2020-12-24")
    assert escalations("2020-12-28", [reminder]) == []  # the last day to acknowledge
    on_day = escalations("2020-12-29", [reminder])
    assert [(n.kind, n.chat_id, n.unit, n.target) for n in on_day] == [
        ("escalate", 900, UNIT, 16),
        ("escalate", 901, UNIT, 16),
    ]
    # a day missed (the bot was down) is made up later, with the same outbox key
    later = escalations("2020-12-30", [reminder])
    assert [n.key for n in later] == [n.key for n in on_day]
    assert on_day[0].key == (
        "escalate",
        16,
        f"before 2020-12-31 年底前 {UNIT}",
        d("2020-12-24"),
        900,
    )


def test_the_leaders_read_the_unit_the_target_and_the_reminders_day():
    [notice, _] = escalations("2020-12-29", [sent("2020-12-24")])
    assert notice.text == (
        "【县督查局·提醒未确认】第16项 耕地保护\n"
        "县自然资源局未确认收到2020-12-24（周四）的督查提醒（截止 2020-12-31 年底前），"
        "已超过2个工作日。\n"
        "请督促该单位在提醒消息上点“收到”，并报送进展。"
    )
    assert not notice.acknowledgeable  # the leaders' notice carries no 收到 button


def test_no_escalation_on_a_non_working_day():
    # Saturday 26th after a Tuesday reminder (escalation day Friday 25th): wait for Monday
    reminder = sent("2020-12-22")
    assert escalation_day(d("2020-12-22"), 2, CAL) == d("2020-12-25")
    assert escalations("2020-12-26", [reminder]) == []
    assert len(escalations("2020-12-28", [reminder])) == 2


def test_an_acknowledged_reminder_is_never_escalated_nor_one_acknowledged_in_another_chat():
    assert escalations("2021-01-30", [sent("2020-12-24", acked=True)]) == []
    both = [sent("2020-12-24", chat=101), sent("2020-12-24", chat=102, acked=True)]
    assert escalations("2020-12-30", both) == []
    # two chats of the unit, neither acknowledged: one escalation per leader, not per chat
    neither = [sent("2020-12-24", chat=101), sent("2020-12-24", chat=102)]
    assert len(escalations("2020-12-30", neither)) == 2
    assert unacknowledged(neither) == [neither[0]]


def test_a_late_catch_up_counts_from_the_day_it_actually_went_out():
    late = sent("2020-12-24", sent_day=d("2020-12-28"))
    assert escalations("2020-12-30", [late]) == []  # Tuesday and Wednesday to acknowledge
    assert escalations("2020-12-31", [late])[0].occurrence == d("2020-12-24")  # the key's day


def test_ack_days_comes_from_the_policy():
    reminder = sent("2020-12-24")
    policy = ReminderPolicy(ack_days=1)
    [notice, _] = escalations("2020-12-28", [reminder], policy=policy)
    assert "已超过1个工作日" in notice.text
    with pytest.raises(ValueError, match="ack_days"):
        ReminderPolicy(ack_days=0)


def test_no_escalation_for_a_done_or_closed_target_another_year_or_without_leaders():
    reminder = sent("2020-12-24")
    done = target(indicators=(IndicatorSpec("补充耕地", "1.2", "万亩", actual="1.3"),))
    assert escalations("2020-12-30", [reminder], ledger=ledger(done)) == []
    other = ledger(target(number=17))
    assert escalations("2020-12-30", [reminder], ledger=other) == []
    last_year = dataclasses.replace(reminder, occurrence=d("2019-12-24"), sent_day=d("2019-12-24"))
    assert escalations("2020-01-08", [last_year]) == []
    assert escalations("2020-12-30", [reminder], digest_chats=[]) == []


def test_the_days_notices_include_escalations_after_the_reminders_of_the_digest():
    found = notices_on(
        d("2020-12-29"),
        ledger(),
        subscriptions={UNIT: [101]},
        digest_chats=LEADERS,
        policy=POLICY,
        calendar=CAL,
        sent=[sent("2020-12-24")],
    )
    assert [n.kind for n in found if n.kind == "escalate"] == ["escalate", "escalate"]


# --- which notices carry 收到 -----------------------------------------------------------------


def test_reminders_to_units_carry_the_button_leaders_copies_and_digests_do_not():
    monday = d("2021-01-04")  # overdue notices for the 2020-12-31 deadline, and the digest
    found = notices_on(
        monday,
        ledger(),
        subscriptions={UNIT: [101]},
        digest_chats=LEADERS,
        policy=POLICY,
        calendar=CAL,
    )
    by_chat = {(n.kind, n.chat_id): n.acknowledgeable for n in found}
    assert by_chat == {
        ("digest", 900): False,
        ("digest", 901): False,
        ("overdue", 101): True,
        ("overdue", 900): False,
        ("overdue", 901): False,
    }
    [urge] = urge_notices(
        target(), d("2020-12-24"), subscriptions={UNIT: [101]}, policy=POLICY, calendar=CAL
    )
    assert urge.acknowledgeable


# --- the digest ------------------------------------------------------------------------------


def test_the_digest_counts_unacknowledged_reminders_by_unit():
    text = digest_text(
        ledger(), d("2020-12-28"), policy=POLICY, unacknowledged={UNIT: 2, "县财政局": 3}
    )
    assert "五、超过2个工作日未确认收到的提醒（5条）：县财政局3条、县自然资源局2条" in text
    empty = digest_text(ledger(), d("2020-12-28"), policy=POLICY)
    assert "五、超过2个工作日未确认收到的提醒（0条）：无" in empty


def test_the_digest_of_the_day_counts_what_was_not_acknowledged_in_time():
    reminders = [
        sent("2020-12-21"),  # Monday: Tuesday and Wednesday were its days to acknowledge
        sent("2020-12-22", kind="urge", when=""),  # its last day was Thursday
        sent("2020-12-23", acked=True),
        sent("2020-12-24"),  # Friday and today: not late yet
        sent("2019-12-24", unit="县财政局"),  # another year's ledger
    ]
    [digest] = notices_on(
        d("2020-12-28"),
        ledger(),
        subscriptions={},
        digest_chats=[900],
        policy=POLICY,
        calendar=CAL,
        sent=reminders,
    )[:1]
    assert digest.kind == "digest"
    assert "五、超过2个工作日未确认收到的提醒（2条）：县自然资源局2条" in digest.text
