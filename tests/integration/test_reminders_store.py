"""Subscriptions, chat migration, reports and the outbox on a real SQLite database."""

import datetime as dt
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from bot.models import Grant, OutboxEntry, ProgressReport
from bot.reminder_policy import ReminderPolicy, WorkCalendar
from bot.reminders import (
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
