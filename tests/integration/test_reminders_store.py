"""Subscriptions, chat migration, reports and the outbox on a real SQLite database."""

import datetime as dt
import threading
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from bot.models import Grant, OutboxEntry, ProgressReport
from bot.reminder_policy import ReminderPolicy, WorkCalendar
from bot.reminders import (
    acknowledge,
    dispatch,
    list_subscriptions,
    migrate_chat,
    plan,
    set_digest,
    subscribe,
)
from bot.store import read_ledger

TZ = ZoneInfo("Asia/Shanghai")
DAY = dt.date(2020, 12, 24)
GROUP = -1001234567


def ledger(engine):
    with Session(engine) as session:
        return read_ledger(session)


def todays(engine):
    return plan(engine, ledger(engine), DAY, ReminderPolicy(), WorkCalendar(), TZ)


def recorder():
    sent = []

    def send(chat_id, text, buttons=()):
        sent.append((chat_id, text))
        return len(sent)

    return sent, send


def test_migration_moves_subscriptions_digests_and_grants(engine):
    subscribe(engine, "县自然资源局", GROUP)
    set_digest(engine, GROUP, True)
    with Session(engine) as session, session.begin():
        session.add(Grant(subject_id=GROUP, granted_by=42))
    migrate_chat(engine, GROUP, -1009999)
    with Session(engine) as session:
        assert [(s.unit, s.chat_id) for s in list_subscriptions(session)] == [
            ("县自然资源局", -1009999)
        ]
        assert session.exec(select(Grant)).one().subject_id == -1009999


def test_each_notice_is_sent_once_and_recorded(engine):
    subscribe(engine, "县自然资源局", GROUP)
    sent, send = recorder()
    first = dispatch(engine, todays(engine), send)
    again = dispatch(engine, todays(engine), send)
    # 县自然资源局 leads targets 6, 7 and 16, all open and due 2020-12-31
    assert first.sent == 3 and first.no_chat > 0
    assert again.sent == 0 and again.skipped == 3
    assert [chat for chat, _ in sent] == [GROUP] * 3
    with Session(engine) as session:
        rows = session.exec(select(OutboxEntry).order_by(OutboxEntry.target_number)).all()
    assert [(r.state, r.target_number) for r in rows] == [("sent", 6), ("sent", 7), ("sent", 16)]
    assert sorted(r.message_id for r in rows) == [1, 2, 3]


def test_a_unit_that_reported_since_the_last_reminder_is_not_reminded(engine):
    subscribe(engine, "县自然资源局", GROUP)
    sent, send = recorder()
    dispatch(engine, todays(engine), send)
    with Session(engine) as session, session.begin():
        session.add(
            ProgressReport(year=2020, target_number=16, reporter_id=501, chat_id=GROUP, text="x")
        )
    later = plan(
        engine, ledger(engine), dt.date(2020, 12, 28), ReminderPolicy(), WorkCalendar(), TZ
    )
    assert not [n for n in later if n.target == 16 and n.chat_id == GROUP]


def test_leaders_get_the_digest_on_mondays(engine):
    set_digest(engine, 7001, True)
    monday = plan(
        engine, ledger(engine), dt.date(2020, 12, 28), ReminderPolicy(), WorkCalendar(), TZ
    )
    digests = [n for n in monday if n.kind == "digest"]
    assert [n.chat_id for n in digests] == [7001]
    assert "未完成" in digests[0].text


# --- acknowledgements (收到) and escalation ----------------------------------------------------

LEADERS = 7001
THURSDAY, MONDAY, TUESDAY = DAY, dt.date(2020, 12, 28), dt.date(2020, 12, 29)


def buttons_recorder():
    sent = []

    def send(chat_id, text, buttons=()):
        sent.append((chat_id, text, [b.data for row in buttons for b in row]))
        return len(sent)

    return sent, send


def rows(engine, kind=None):
    with Session(engine) as session:
        found = session.exec(select(OutboxEntry).order_by(OutboxEntry.id)).all()
    return [r for r in found if kind in (None, r.kind)]


def plan_on(engine, day, policy=None):
    return plan(engine, ledger(engine), day, policy or ReminderPolicy(), WorkCalendar(), TZ)


def test_each_reminder_to_a_unit_carries_its_own_ack_button(engine):
    subscribe(engine, "县自然资源局", GROUP)
    sent, send = buttons_recorder()
    dispatch(engine, todays(engine), send)
    reminders = rows(engine)
    assert [buttons for *_, buttons in sent] == [[f"ack:{r.id}"] for r in reminders]
    assert {r.unit for r in reminders} == {"县自然资源局"}
    assert all(r.acked_at is None and r.acked_by_id is None for r in reminders)


def test_a_press_is_recorded_once_and_a_second_one_names_the_first(engine):
    subscribe(engine, "县自然资源局", GROUP)
    dispatch(engine, todays(engine), buttons_recorder()[1])
    row = rows(engine)[0]
    at = dt.datetime(2020, 12, 24, 10, 5, tzinfo=TZ)
    first = acknowledge(engine, row.id, user_id=501, name="张三", at=at)
    assert first.recorded
    assert (first.row.acked_by_id, first.row.acked_by_name, first.row.acked_at) == (
        501,
        "张三",
        at,
    )
    second = acknowledge(engine, row.id, user_id=502, name="李四")
    assert not second.recorded
    assert (second.row.acked_by_id, second.row.acked_by_name) == (501, "张三")
    assert acknowledge(engine, 999999, user_id=501, name="张三").row is None


def test_two_presses_at_once_record_exactly_one(engine):
    subscribe(engine, "县自然资源局", GROUP)
    dispatch(engine, todays(engine), buttons_recorder()[1])
    row_id = rows(engine)[0].id
    barrier = threading.Barrier(2)
    results = []

    def press(user_id):
        barrier.wait(5)
        results.append(acknowledge(engine, row_id, user_id=user_id, name=f"用户{user_id}"))

    threads = [threading.Thread(target=press, args=(u,)) for u in (501, 502)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert sorted(r.recorded for r in results) == [False, True]
    winner = next(r for r in results if r.recorded).row.acked_by_id
    assert {r.row.acked_by_id for r in results} == {winner}


def test_an_unacknowledged_reminder_is_escalated_once_to_the_leaders(engine):
    subscribe(engine, "县自然资源局", GROUP)
    set_digest(engine, LEADERS, True)
    dispatch(engine, todays(engine), buttons_recorder()[1])
    [six, seven, sixteen] = rows(engine)
    acknowledge(engine, seven.id, user_id=501, name="张三")

    # Monday is the last day to acknowledge: nothing yet, and the digest counts none
    monday = plan_on(engine, MONDAY)
    assert [n for n in monday if n.kind == "escalate"] == []
    [digest] = [n for n in monday if n.kind == "digest"]
    assert "五、超过2个工作日未确认收到的提醒（0条）：无" in digest.text
    # ...unless a unit has one working day (Friday) to acknowledge
    one_day = ReminderPolicy(ack_days=1)
    [digest] = [n for n in plan_on(engine, MONDAY, one_day) if n.kind == "digest"]
    assert "五、超过1个工作日未确认收到的提醒（2条）：县自然资源局2条" in digest.text

    tuesday = [n for n in plan_on(engine, TUESDAY) if n.kind == "escalate"]
    assert [(n.target, n.chat_id, n.unit) for n in tuesday] == [
        (6, LEADERS, "县自然资源局"),
        (16, LEADERS, "县自然资源局"),
    ]
    assert "县自然资源局未确认收到2020-12-24（周四）的督查提醒" in tuesday[1].text
    sent, send = buttons_recorder()
    assert dispatch(engine, tuesday, send).sent == 2
    assert [(chat, buttons) for chat, _, buttons in sent] == [(LEADERS, []), (LEADERS, [])]

    # derived from the outbox: the next run, a restart or a later day sends nothing again
    assert [n for n in plan_on(engine, TUESDAY) if n.kind == "escalate"] == []
    assert [n for n in plan_on(engine, dt.date(2020, 12, 30)) if n.kind == "escalate"] == []
    assert dispatch(engine, tuesday, send).skipped == 2
    assert len(rows(engine, "escalate")) == 2
    escalated = rows(engine, "escalate")[0]
    assert (escalated.milestone, escalated.occurrence, escalated.chat_key) == (
        "before 2020-12-31 年底前 县自然资源局",
        THURSDAY,
        LEADERS,
    )


def test_ack_days_moves_the_escalation(engine):
    subscribe(engine, "县自然资源局", GROUP)
    set_digest(engine, LEADERS, True)
    dispatch(engine, todays(engine), buttons_recorder()[1])
    patient = ReminderPolicy(ack_days=3)
    assert [n for n in plan_on(engine, TUESDAY, patient) if n.kind == "escalate"] == []
    assert (
        len([n for n in plan_on(engine, dt.date(2020, 12, 30), patient) if n.kind == "escalate"])
        == 3
    )
