"""Reminders from the database: subscriptions, the outbox, progress reports, catch-up.

Transport-free. Sending goes through a plain `send(chat_id, text, buttons) -> message_id`
callable that the Telegram adapter (or the console) provides. Every notice is claimed in the outbox
under its unique key (kind, target, milestone, occurrence, chat) and committed as `sending`
before the call, then marked `sent` with the message id: two processes can never both claim
it, and a row left `sending` by a crash becomes `uncertain` and is reported, not resent.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import Engine, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from bot.chat_types import Button
from bot.ledger import LedgerSpec
from bot.models import (
    DigestSubscriber,
    Grant,
    OutboxEntry,
    ProgressReport,
    Subscription,
    utc_now,
)
from bot.reminder_policy import (
    ACK_KINDS,
    Notice,
    ReminderPolicy,
    SentReminder,
    WorkCalendar,
    notices_on,
)
from bot.status import year_closed
from bot.store import audit_since

logger = logging.getLogger(__name__)

UNCERTAIN_AFTER = dt.timedelta(minutes=2)
CATCH_UP_DAYS = 7


class RetryLater(Exception):
    """The chat API asked to wait (flood control): retry after `seconds`."""

    def __init__(self, seconds: float):
        super().__init__(f"retry after {seconds}s")
        self.seconds = seconds


class DeliveryUncertain(Exception):
    """The call timed out: the message may have arrived, so it must not be resent."""


class DeliveryFailed(Exception):
    """The chat API refused the message for good (bot removed, chat gone...)."""


# send(chat_id, text, buttons) -> message_id; buttons are rows of chat_types.Button.
Send = Callable[[int, str, tuple[tuple[Button, ...], ...]], int]
# The callback prefix of the 收到 button ("ack:<outbox id>"), registered by bot.chat_reminders.
ACK_BUTTON = "ack"


def ack_buttons(row_id: int) -> tuple[tuple[Button, ...], ...]:
    """The 收到 button of the reminder in outbox row `row_id`."""
    return ((Button("收到", f"{ACK_BUTTON}:{row_id}"),),)


@dataclass(frozen=True)
class DispatchResult:
    sent: int = 0
    skipped: int = 0  # already claimed: sent before, by us or another process
    uncertain: int = 0
    failed: int = 0
    no_chat: int = 0


# --- subscriptions -----------------------------------------------------------------------


class UnknownUnit(Exception):
    """No single responsible unit matches; the message lists the choices."""


def unit_names(ledger: LedgerSpec) -> list[str]:
    return sorted({u.name for t in ledger.targets for u in t.units})


def resolve_unit(ledger: LedgerSpec, given: str) -> str:
    """The unit's full name from an exact or unique partial name ("民政局" → "县民政局")."""
    names = unit_names(ledger)
    if given in names:
        return given
    found = [n for n in names if given in n]
    if len(found) == 1:
        return found[0]
    hint = "、".join(found[:8]) if found else "、".join(names[:8]) + "…"
    raise UnknownUnit(f"台账中没有唯一对应“{given}”的责任单位。可选：{hint}")


def subscribe(engine: Engine, unit: str, chat_id: int, *, actor: str = "") -> bool:
    """Subscribe a chat to a unit's reminders; False when it already was."""
    with Session(engine) as session, session.begin():
        exists = session.exec(
            select(Subscription).where(Subscription.unit == unit, Subscription.chat_id == chat_id)
        ).first()
        if exists:
            return False
        session.add(Subscription(unit=unit, chat_id=chat_id, created_by=actor))
    return True


def unsubscribe(engine: Engine, unit: str, chat_id: int) -> bool:
    with Session(engine) as session, session.begin():
        row = session.exec(
            select(Subscription).where(Subscription.unit == unit, Subscription.chat_id == chat_id)
        ).first()
        if row is None:
            return False
        session.delete(row)
    return True


def list_subscriptions(session: Session) -> list[Subscription]:
    return list(session.exec(select(Subscription).order_by(Subscription.unit, Subscription.id)))


def subscriptions_map(session: Session) -> dict[str, list[int]]:
    found: dict[str, list[int]] = defaultdict(list)
    for row in list_subscriptions(session):
        found[row.unit].append(row.chat_id)
    return dict(found)


def set_digest(engine: Engine, chat_id: int, on: bool) -> bool:
    """Turn the weekly digest on or off for a chat; False when nothing changed."""
    with Session(engine) as session, session.begin():
        row = session.exec(
            select(DigestSubscriber).where(DigestSubscriber.chat_id == chat_id)
        ).first()
        if on and row is None:
            session.add(DigestSubscriber(chat_id=chat_id))
            return True
        if not on and row is not None:
            session.delete(row)
            return True
    return False


def digest_chats(session: Session) -> list[int]:
    return [
        r.chat_id for r in session.exec(select(DigestSubscriber).order_by(DigestSubscriber.id))
    ]


def migrate_chat(engine: Engine, old_id: int, new_id: int) -> None:
    """A group became a supergroup: subscriptions, digests and grants follow the new id."""
    with Session(engine) as session, session.begin():
        session.exec(
            update(Subscription).where(Subscription.chat_id == old_id).values(chat_id=new_id)
        )
        session.exec(
            update(DigestSubscriber)
            .where(DigestSubscriber.chat_id == old_id)
            .values(chat_id=new_id)
        )
        session.exec(update(Grant).where(Grant.subject_id == old_id).values(subject_id=new_id))
        # Past notices move too: their keys keep today's run from resending them to the new id,
        # and replies in the new chat still find the reminder they answer.
        session.exec(
            update(OutboxEntry).where(OutboxEntry.chat_key == old_id).values(chat_key=new_id)
        )
    logger.info("chat %s migrated to %s; subscriptions moved", old_id, new_id)


# --- planning ----------------------------------------------------------------------------


def _reported_checker(session: Session, subscriptions: dict[str, list[int]], year: int):
    """(target, unit) -> has that unit reported on that target of `year` since its last
    reminder?"""
    # A report without a year was filed by a release before years: it is the current one's.
    of_year = (ProgressReport.year == year) | col(ProgressReport.year).is_(None)
    reports = list(session.exec(select(ProgressReport).where(of_year)))
    sent = list(
        session.exec(
            select(OutboxEntry).where(
                col(OutboxEntry.kind).in_(("before", "due", "overdue", "urge"))
            )
        )
    )

    def reported(target: int, unit: str) -> bool:
        chats = set(subscriptions.get(unit, []))
        if not chats:
            return False
        last = max(
            (e.claimed_at for e in sent if e.target_number == target and e.chat_key in chats),
            default=None,
        )
        if last is None:
            return False
        return any(
            r.target_number == target and r.chat_id in chats and r.created_at > last
            for r in reports
        )

    return reported


def _changes_since_last_digest(
    session: Session, day: dt.date, tz: dt.tzinfo, year: int
) -> list[str]:
    last = session.exec(
        select(OutboxEntry)
        .where(OutboxEntry.kind == "digest", OutboxEntry.occurrence < day)
        .order_by(col(OutboxEntry.occurrence).desc())
    ).first()
    since = (
        last.claimed_at
        if last
        else dt.datetime.combine(day - dt.timedelta(days=7), dt.time(0), tzinfo=tz)
    )
    lines = []
    for entry in audit_since(session, since):
        if entry.target_number is None:
            continue
        label = entry.field_name.split(":")[1] if ":" in entry.field_name else entry.field_name
        other = f"{entry.year}年" if entry.year not in (None, year) else ""
        lines.append(f"{other}第{entry.target_number}项 {label} 由{entry.actor}修改")
    return list(dict.fromkeys(lines))


def plan(
    engine: Engine,
    ledger: LedgerSpec,
    day: dt.date,
    policy: ReminderPolicy,
    calendar: WorkCalendar,
    tz: dt.tzinfo,
) -> list[Notice]:
    """What the policy says goes out on `day`, given the database's subscriptions.

    Nothing goes out for a ledger whose year is over on `day`: nothing is left to be due.
    """
    if year_closed(day, ledger.year):
        return []
    with Session(engine) as session:
        subscriptions = subscriptions_map(session)
        notices = notices_on(
            day,
            ledger,
            subscriptions=subscriptions,
            digest_chats=digest_chats(session),
            policy=policy,
            calendar=calendar,
            reported=_reported_checker(session, subscriptions, ledger.year),
            changes_since_last_digest=_changes_since_last_digest(session, day, tz, ledger.year),
            sent=sent_reminders(session, tz),
        )
        escalated = _escalated_keys(session)
    return [n for n in notices if n.kind != "escalate" or n.key not in escalated]


def _escalated_keys(session: Session) -> set[tuple]:
    rows = session.exec(select(OutboxEntry).where(OutboxEntry.kind == "escalate"))
    return {(r.kind, r.target_number, r.milestone, r.occurrence, r.chat_key) for r in rows}


# --- acknowledgements --------------------------------------------------------------------


def _acknowledgeable():
    """The outbox rows that are reminders delivered to a unit (they carry a 收到 button)."""
    return select(OutboxEntry).where(
        col(OutboxEntry.kind).in_(ACK_KINDS), OutboxEntry.unit != "", OutboxEntry.state == "sent"
    )


def sent_day(row: OutboxEntry, tz: dt.tzinfo) -> dt.date:
    """The day a reminder went out: its planned day, or for one caught up late the local day
    it was sent (the planned day counts on time, so a pinned `[ledger] today` works too)."""
    if not row.late or row.sent_at is None:
        return row.occurrence
    return max(row.occurrence, row.sent_at.astimezone(tz).date())


def sent_reminders(session: Session, tz: dt.tzinfo) -> list[SentReminder]:
    """Every reminder delivered to a unit's chat, acknowledged or not."""
    return [
        SentReminder(
            kind=r.kind,
            target=r.target_number,
            when=r.milestone,
            occurrence=r.occurrence,
            sent_day=sent_day(r, tz),
            unit=r.unit,
            chat_id=r.chat_key,
            acked=r.acked_at is not None,
        )
        for r in session.exec(_acknowledgeable().order_by(OutboxEntry.id))
    ]


def recent_reminders(session: Session, limit: int = 20) -> list[OutboxEntry]:
    """The latest reminders delivered to units, newest first (for /outbox)."""
    query = _acknowledgeable().order_by(col(OutboxEntry.id).desc()).limit(limit)
    return list(session.exec(query))


@dataclass(frozen=True)
class Acknowledgement:
    row: OutboxEntry | None  # None: no such reminder (or not one that can be acknowledged)
    recorded: bool  # False: it had been acknowledged before (row says by whom and when)


def acknowledge(
    engine: Engine, row_id: int, *, user_id: int, name: str, at: dt.datetime | None = None
) -> Acknowledgement:
    """Record who pressed 收到 on a reminder, once: a later press changes nothing.

    One conditional UPDATE (only while unacknowledged) is the check and the write in one
    step, so two presses at the same moment record exactly one of them on every engine.
    """
    with Session(engine, expire_on_commit=False) as session, session.begin():
        result = session.exec(
            update(OutboxEntry)
            .where(
                OutboxEntry.id == row_id,
                col(OutboxEntry.acked_at).is_(None),
                col(OutboxEntry.kind).in_(ACK_KINDS),
                OutboxEntry.unit != "",
            )
            .values(acked_by_id=user_id, acked_by_name=name[:100], acked_at=at or utc_now())
        )
        recorded = result.rowcount == 1
    with Session(engine, expire_on_commit=False) as session:
        row = session.get(OutboxEntry, row_id)
    if row is None or row.kind not in ACK_KINDS or not row.unit:
        return Acknowledgement(None, False)
    return Acknowledgement(row, recorded)


# --- the outbox --------------------------------------------------------------------------


def claim(engine: Engine, notice: Notice, *, worker: str, late: bool = False) -> int | None:
    """Insert the outbox row as `sending` and commit; None when its key is already taken."""
    row = OutboxEntry(
        kind=notice.kind,
        target_number=notice.target,
        milestone=notice.when,
        occurrence=notice.occurrence,
        chat_key=notice.chat_id or 0,
        text=notice.text,
        late=late,
        claimed_by=worker,
        unit=notice.unit,
    )
    try:
        with Session(engine, expire_on_commit=False) as session, session.begin():
            session.add(row)
    except IntegrityError:
        return None
    return row.id


def _finish(engine: Engine, row_id: int, **values) -> None:
    with Session(engine) as session, session.begin():
        row = session.get(OutboxEntry, row_id)
        for key, value in values.items():
            setattr(row, key, value)
        session.add(row)


def dispatch(
    engine: Engine,
    notices: Iterable[Notice],
    send: Send,
    *,
    worker: str | None = None,
    late: bool = False,
    sleep: Callable[[float], None] = time.sleep,
    max_retries: int = 3,
) -> DispatchResult:
    """Send each notice at most once: claim, send, mark sent (see the module docstring)."""
    worker = worker or uuid.uuid4().hex[:12]
    counts = defaultdict(int)
    for notice in notices:
        if notice.chat_id is None:
            counts["no_chat"] += 1
            continue
        row_id = claim(engine, notice, worker=worker, late=late)
        if row_id is None:
            counts["skipped"] += 1
            continue
        buttons = ack_buttons(row_id) if notice.acknowledgeable else ()
        for attempt in range(max_retries + 1):
            try:
                message_id = send(notice.chat_id, notice.text, buttons)
            except RetryLater as exc:
                if attempt == max_retries:
                    _finish(engine, row_id, state="failed", error=str(exc))
                    counts["failed"] += 1
                    break
                sleep(exc.seconds)
                continue
            except DeliveryUncertain as exc:
                _finish(engine, row_id, state="uncertain", error=str(exc)[:500])
                counts["uncertain"] += 1
            except DeliveryFailed as exc:
                _finish(engine, row_id, state="failed", error=str(exc)[:500])
                counts["failed"] += 1
            else:
                _finish(engine, row_id, state="sent", message_id=message_id, sent_at=utc_now())
                counts["sent"] += 1
            break
    return DispatchResult(**counts)


def mark_interrupted(
    engine: Engine, *, now: dt.datetime | None = None, started_at: dt.datetime | None = None
) -> list[OutboxEntry]:
    """Rows left `sending` (a crash between claim and sent) become `uncertain`; returned.

    A row is taken as interrupted once it is UNCERTAIN_AFTER old, or at once when it was
    claimed before `started_at` (this process's start: no send of ours is that old). Should
    another live process still be sending it, its result overwrites the mark when it comes.
    """
    cutoff = (now or utc_now()) - UNCERTAIN_AFTER
    if started_at is not None:
        cutoff = max(cutoff, started_at)
    with Session(engine, expire_on_commit=False) as session, session.begin():
        rows = list(
            session.exec(
                select(OutboxEntry).where(
                    OutboxEntry.state == "sending", OutboxEntry.claimed_at < cutoff
                )
            )
        )
        for row in rows:
            row.state = "uncertain"
            row.error = "进程在发送途中中断，无法确认是否送达"
            session.add(row)
    return rows


def uncertain_entries(session: Session) -> list[OutboxEntry]:
    query = select(OutboxEntry).where(col(OutboxEntry.state).in_(("uncertain", "failed")))
    return list(session.exec(query.order_by(OutboxEntry.id)))


def reminder_of_message(session: Session, chat_id: int, message_id: int) -> OutboxEntry | None:
    """The reminder a message of ours in `chat_id` was, if it was one about a target."""
    row = session.exec(
        select(OutboxEntry).where(
            OutboxEntry.chat_key == chat_id, OutboxEntry.message_id == message_id
        )
    ).first()
    return row if row and row.target_number else None


# --- running -----------------------------------------------------------------------------


def run_day(
    engine: Engine,
    ledger: LedgerSpec,
    day: dt.date,
    send: Send,
    *,
    policy: ReminderPolicy,
    calendar: WorkCalendar,
    tz: dt.tzinfo,
    worker: str | None = None,
    now: dt.datetime | None = None,
) -> DispatchResult:
    """Send everything due on `day` (the daily job); interrupted sends become uncertain first."""
    mark_interrupted(engine, now=now)
    notices = plan(engine, ledger, day, policy, calendar, tz)
    return dispatch(engine, notices, send, worker=worker)


def catch_up(
    engine: Engine,
    ledger: LedgerSpec,
    now: dt.datetime,
    send: Send,
    *,
    policy: ReminderPolicy,
    calendar: WorkCalendar,
    worker: str | None = None,
) -> DispatchResult:
    """At start-up: mark interrupted sends uncertain, then send what was missed while down.

    Missed before/due reminders go out late if their deadline has not passed; today's
    notices go out if today's send time has passed. The outbox keys prevent any repeat.
    """
    mark_interrupted(engine, now=now)
    tz = now.tzinfo
    today = now.date()
    totals = defaultdict(int)
    for back in range(CATCH_UP_DAYS, 0, -1):
        day = today - dt.timedelta(days=back)
        notices = [
            n
            for n in plan(engine, ledger, day, policy, calendar, tz)
            if n.kind in ("before", "due") and n.deadline is not None and n.deadline >= today
        ]
        result = dispatch(engine, notices, send, worker=worker, late=True)
        for key, value in result.__dict__.items():
            totals[key] += value
    if now.timetz().replace(tzinfo=None) >= policy.send_time:
        result = dispatch(
            engine, plan(engine, ledger, today, policy, calendar, tz), send, worker=worker
        )
        for key, value in result.__dict__.items():
            totals[key] += value
    return DispatchResult(**totals)
