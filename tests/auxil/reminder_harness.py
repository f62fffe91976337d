"""Helpers for the reminder tests: the bot started with its Application exposed, the outbox as
the tests read it, recording `send` callables and a fake clock for claim times.

`running_reminder_bot` starts the production Application exactly like
`tests.auxil.bot_harness.running_bot` (initialize, post_init - which connects sending, runs the
start-up catch-up and schedules the daily job - start, start_polling) and yields a driver that
also holds the Application. `read_timeout` gives it an HTTP client with a short read timeout,
so a "timeout" fault from the fake does not have to outlast PTB's default 5 s. `answerer`
lets a restart reuse the search index of the previous run (building it takes ~0.6 s); the
ChatService, the Application, its HTTP client, job queue and catch-up are all new. Pass it only
when the ledger did not change in between: reminders are planned from `answerer.ledger`.
"""

from __future__ import annotations

import datetime as dt
import itertools
import threading
from collections import Counter
from zoneinfo import ZoneInfo

from sqlalchemy import Engine
from sqlmodel import Session, select

from bot.models import AuditEntry, OutboxEntry, ProgressReport
from bot.reminders import list_subscriptions
from tests.auxil.bot_harness import BotDriver, running_bot
from tests.auxil.fake_bot_api import Call, FakeBotApi

SHANGHAI = ZoneInfo("Asia/Shanghai")


# The reminder tests drive the same harness as the chat tests.
ReminderBotDriver = BotDriver
running_reminder_bot = running_bot


# --- what the fake delivered ----------------------------------------------------------------


def delivered(fake: FakeBotApi, chat_id: int) -> list[Call]:
    """Successful sendMessage calls to one chat, in order."""
    return fake.sent_messages(chat_id)


def delivered_texts(fake: FakeBotApi, chat_id: int) -> list[str]:
    """What the members of `chat_id` see (the fake renders the HTML)."""
    return [c.result["text"] for c in fake.sent_messages(chat_id)]


REMINDER_KINDS = ("督查提醒", "到期提醒", "逾期提醒")  # headed "【县督查局·督查提醒】"


def reminders_for(fake: FakeBotApi, chat_id: int, number: int) -> list[Call]:
    """Reminders (not 催办) about target `number` delivered to a chat."""
    head = f"第{number}项 "
    return [
        c
        for c in fake.sent_messages(chat_id)
        if any(f"·{kind}】" in c.result["text"].split("\n", 1)[0] for kind in REMINDER_KINDS)
        and head in c.result["text"].splitlines()[0]
    ]


# --- the database ---------------------------------------------------------------------------


def outbox(engine: Engine) -> list[OutboxEntry]:
    with Session(engine) as session:
        return list(session.exec(select(OutboxEntry).order_by(OutboxEntry.id)))


def outbox_row(engine: Engine, number: int, *, kind: str | None = None) -> OutboxEntry:
    rows = [r for r in outbox(engine) if r.target_number == number and kind in (None, r.kind)]
    assert len(rows) == 1, rows
    return rows[0]


def reports(engine: Engine) -> list[ProgressReport]:
    with Session(engine) as session:
        return list(session.exec(select(ProgressReport).order_by(ProgressReport.id)))


def audit_for(engine: Engine, number: int) -> list[AuditEntry]:
    with Session(engine) as session:
        query = select(AuditEntry).where(AuditEntry.target_number == number)
        return list(session.exec(query.order_by(AuditEntry.id)))


def subscription_pairs(engine: Engine) -> list[tuple[str, int]]:
    with Session(engine) as session:
        return [(s.unit, s.chat_id) for s in list_subscriptions(session)]


# --- send callables and a clock ----------------------------------------------------------------


class RecordingSend:
    """A thread-safe `send(chat_id, text, buttons) -> message_id` that records every delivery
    (`sent`: chat and text; `buttons`: the callback data under each, in the same order)."""

    def __init__(self, name: str = "", *, ids: itertools.count | None = None) -> None:
        self.name = name
        self.sent: list[tuple[int, str]] = []
        self.buttons: list[list[str]] = []
        self._ids = ids or itertools.count(1)
        self._lock = threading.Lock()

    def __call__(self, chat_id: int, text: str, buttons=()) -> int:
        with self._lock:
            self.sent.append((chat_id, text))
            self.buttons.append([b.data for row in buttons for b in row])
            return next(self._ids)


def duplicates(*senders: RecordingSend) -> dict[tuple[int, str], int]:
    """(chat, text) pairs delivered more than once across all the senders."""
    counts = Counter(pair for s in senders for pair in s.sent)
    return {pair: n for pair, n in counts.items() if n > 1}


class Killed(BaseException):
    """The process dies (SIGKILL, OOM) in the middle of a send: nothing after it runs."""


class DyingSend(RecordingSend):
    """Records like RecordingSend, but the process 'dies' on call number `die_on` (1-based)."""

    def __init__(self, die_on: int = 1) -> None:
        super().__init__("dying")
        self.die_on = die_on
        self.calls = 0

    def __call__(self, chat_id: int, text: str, buttons=()) -> int:
        self.calls += 1
        if self.calls == self.die_on:
            raise Killed(f"killed while sending to {chat_id}")
        return super().__call__(chat_id, text, buttons)


class FakeClock:
    """An aware UTC 'now' the test moves by hand (used for outbox claim times)."""

    def __init__(self, start: dt.datetime) -> None:
        self.now = start.astimezone(dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now

    def set(self, when: dt.datetime) -> None:
        self.now = when.astimezone(dt.UTC)


def local(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    """`day` at hour:minute in the ledger's timezone (Asia/Shanghai)."""
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=SHANGHAI)
