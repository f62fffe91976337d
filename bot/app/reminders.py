"""Reminders from the database: subscriptions, planning, the outbox's dispatch, catch-up.

Transport-free. Sending goes through a plain `send(chat_id, text, buttons) -> message_id`
callable that the Telegram adapter (or the console) provides. Every notice is claimed in the
outbox under its unique key (kind, target, milestone, occurrence, chat) and committed as
`sending` before the call, then marked `sent` with the message id: two processes can never
both claim it, and a row left `sending` by a crash becomes `uncertain` and is reported, not
resent. Each step is one `UnitOfWork`.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from bot.app.reminder_notices import notices_on
from bot.domain.echo import echoed
from bot.domain.fields import label as field_label
from bot.domain.ledger import LedgerSpec
from bot.domain.reminder_policy import Notice, ReminderPolicy, latest_missed
from bot.domain.status import year_closed
from bot.domain.unit_names import NO_UNITS, UnitNotFound, close_units, resolve_unit_name
from bot.domain.work_calendar import WorkCalendar
from bot.render.buttons import Button
from bot.store.ledger_store import audit_since
from bot.store.models import OutboxEntry, utc_now
from bot.store.outbox import (
    acknowledgeable_reminder,
    claim_row,
    escalation_keys,
    finish_row,
    last_digest_claimed_at,
    mark_sending_uncertain,
    record_acknowledgement,
    reported_checker,
    sent_reminders,
)
from bot.store.subscriptions import (
    add_subscription,
    digest_chats,
    move_chat,
    remove_subscription,
    subscriptions_map,
    switch_digest,
)
from bot.store.uow import UnitOfWork, reading

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


# send(chat_id, text, buttons) -> message_id; buttons are rows of the reply's buttons.
Send = Callable[[int, str, tuple[tuple[Button, ...], ...]], int]
# The callback prefix of the 收到 button ("ack:<outbox id>"), answered by bot.chat.reminders.
ACK_BUTTON = "ack"


def ack_buttons(row_id: int) -> tuple[tuple[Button, ...], ...]:
    """The 收到 button of the reminder in outbox row `row_id`."""
    return ((Button("收到", f"{ACK_BUTTON}:{row_id}"),),)


def policy_of_config(config) -> ReminderPolicy:
    """The reminder policy from `[reminders]` in the config."""
    r = config.reminders
    return ReminderPolicy(
        offsets=r.offsets,
        send_time=r.send_time,
        overdue_repeat_days=r.overdue_repeat_days,
        digest_weekday=r.digest_weekday,
        digest_due_days=r.digest_due_days,
        working_days_only=r.working_days_only,
        sender=config.office_name,
        ack_days=r.ack_days,
    )


@dataclass(frozen=True)
class DispatchResult:
    sent: int = 0
    skipped: int = 0  # already claimed: sent before, by us or another process
    uncertain: int = 0
    failed: int = 0
    no_chat: int = 0


# --- subscriptions -----------------------------------------------------------------------


class UnknownUnit(Exception):
    """No responsible unit, or several, match; the message says which and lists choices."""


def unit_names(ledger: LedgerSpec) -> list[str]:
    return sorted({u.name for t in ledger.targets for u in t.units})


def resolve_unit(ledger: LedgerSpec, given: str) -> str:
    """The unit's full name from an exact or unique partial name ("民政局" → "县民政局") or a
    name before the reform ("卫生局" → "县卫健委")."""
    names = unit_names(ledger)
    try:  # as /assign reads it: 县 optional, a unique part, a name before the 2018 reform
        return resolve_unit_name(given, names).name
    except UnitNotFound:
        found = [n for n in names if given in n]
    said = echoed(given)
    if len(found) > 1:  # several: which one
        shown = f"{'、'.join(found[:8])}{'…' if len(found) > 8 else ''}"
        raise UnknownUnit(f"台账中有{len(found)}个单位的名称含“{said}”：{shown}，请写出全称。")
    if not names:
        raise UnknownUnit(f"台账中没有“{said}”这个责任单位。{NO_UNITS}。")
    # none: said so (not "no single one"), the names spelled most like it, then the others
    close = close_units(given, names)
    shown = close + [n for n in names if n not in close]
    more = "…" if len(shown) > 8 else ""
    guess = f"是否是：{'、'.join(close)}？" if close else ""
    raise UnknownUnit(f"台账中没有“{said}”这个责任单位。{guess}可选：{'、'.join(shown[:8])}{more}")


def subscribe(engine: Engine, unit: str, chat_id: int, *, actor: str = "") -> bool:
    """Subscribe a chat to a unit's reminders; False when it already was."""
    with UnitOfWork(engine) as uow:
        return add_subscription(uow.session, unit, chat_id, actor=actor)


def unsubscribe(engine: Engine, unit: str, chat_id: int) -> bool:
    """Stop a unit's reminders for a chat; False when it was not subscribed."""
    with UnitOfWork(engine) as uow:
        return remove_subscription(uow.session, unit, chat_id)


def set_digest(engine: Engine, chat_id: int, on: bool) -> bool:
    """Turn the weekly digest on or off for a chat; False when nothing changed."""
    with UnitOfWork(engine) as uow:
        return switch_digest(uow.session, chat_id, on)


def migrate_chat(engine: Engine, old_id: int, new_id: int) -> None:
    """A group became a supergroup: subscriptions, digests and grants follow the new id."""
    with UnitOfWork(engine) as uow:
        move_chat(uow.session, old_id, new_id)
    logger.info("chat %s migrated to %s; subscriptions moved", old_id, new_id)


# --- planning ----------------------------------------------------------------------------


def _changes_since_last_digest(
    session: Session, day: dt.date, tz: dt.tzinfo, year: int
) -> list[str]:
    since = last_digest_claimed_at(session, day) or dt.datetime.combine(
        day - dt.timedelta(days=7), dt.time(0), tzinfo=tz
    )
    lines = []
    for entry in audit_since(session, since):
        if entry.target_number is None:
            continue
        label = field_label(entry.field_name)  # 进展, 时限, 新增贷款完成值: never progress_text
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
    *,
    worded_on: dt.date | None = None,
) -> list[Notice]:
    """What the policy says goes out on `day`, given the database's subscriptions; worded as
    of `worded_on` when they go out later (a catch-up).

    Nothing goes out for a ledger whose year is over on `day`: nothing is left to be due.
    """
    if year_closed(day, ledger.year):
        return []
    with reading(engine) as session:
        subscriptions = subscriptions_map(session)
        notices = notices_on(
            day,
            ledger,
            subscriptions=subscriptions,
            digest_chats=digest_chats(session),
            policy=policy,
            calendar=calendar,
            reported=reported_checker(session, subscriptions, ledger.year),
            changes_since_last_digest=_changes_since_last_digest(session, day, tz, ledger.year),
            sent=sent_reminders(session, tz),
            worded_on=worded_on,
        )
        escalated = escalation_keys(session)
    return [n for n in notices if n.kind != "escalate" or n.key not in escalated]


# --- acknowledgements --------------------------------------------------------------------


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
    with UnitOfWork(engine) as uow:
        recorded = record_acknowledgement(
            uow.session, row_id, user_id=user_id, name=name, at=at or utc_now()
        )
        row = acknowledgeable_reminder(uow.session, row_id)
    return Acknowledgement(row, recorded and row is not None)


# --- the outbox --------------------------------------------------------------------------


def claim(engine: Engine, notice: Notice, *, worker: str, late: bool = False) -> int | None:
    """Insert the outbox row as `sending` and commit; None when its key is already taken."""
    try:
        with UnitOfWork(engine) as uow:
            row = claim_row(uow.session, notice, worker=worker, late=late)
    except IntegrityError:
        return None
    return row.id


def _finish(engine: Engine, row_id: int, **values) -> None:
    with UnitOfWork(engine) as uow:
        finish_row(uow.session, row_id, **values)


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
    with UnitOfWork(engine) as uow:
        return mark_sending_uncertain(uow.session, cutoff)


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

    Missed before/due reminders go out late, worded as of today, if their deadline has not
    passed: the latest of each deadline and chat, and none that today's own reminder
    replaces (`latest_missed`). Today's notices go out if today's send time has passed.
    The outbox keys prevent any repeat.
    """
    mark_interrupted(engine, now=now)
    tz = now.tzinfo
    today = now.date()
    totals = defaultdict(int)
    missed = [
        n
        for back in range(CATCH_UP_DAYS, 0, -1)
        for n in plan(
            engine, ledger, today - dt.timedelta(days=back), policy, calendar, tz, worded_on=today
        )
        if n.kind in ("before", "due") and n.deadline is not None and n.deadline >= today
    ]
    todays = plan(engine, ledger, today, policy, calendar, tz)
    result = dispatch(engine, latest_missed(missed, todays), send, worker=worker, late=True)
    for key, value in result.__dict__.items():
        totals[key] += value
    if now.timetz().replace(tzinfo=None) >= policy.send_time:
        result = dispatch(
            engine, plan(engine, ledger, today, policy, calendar, tz), send, worker=worker
        )
        for key, value in result.__dict__.items():
            totals[key] += value
    return DispatchResult(**totals)
