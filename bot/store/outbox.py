"""The outbox: one row per notice to one chat, claimed before it is sent so it goes out at
most once, then marked sent, uncertain or failed; reminders to units record their 收到.

Every function works in the caller's session (a `UnitOfWork`'s, or `reading`'s for reads).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

from sqlalchemy import update
from sqlmodel import Session, col, select

from bot.domain.reminder_policy import ACK_KINDS, Notice, SentReminder
from bot.store.models import OutboxEntry, ProgressReport

INTERRUPTED = "进程在发送途中中断，无法确认是否送达"


def claim_row(session: Session, notice: Notice, *, worker: str, late: bool = False) -> OutboxEntry:
    """Add the notice's row as `sending`; its unique key refuses a second claim at commit."""
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
    session.add(row)
    return row


def finish_row(session: Session, row_id: int, **values) -> None:
    """Record how a claimed send ended (state, message id, error...)."""
    row = session.get(OutboxEntry, row_id)
    for key, value in values.items():
        setattr(row, key, value)
    session.add(row)


def mark_sending_uncertain(session: Session, claimed_before: dt.datetime) -> list[OutboxEntry]:
    """Rows still `sending` that were claimed before `claimed_before` become `uncertain`."""
    query = select(OutboxEntry).where(
        OutboxEntry.state == "sending", OutboxEntry.claimed_at < claimed_before
    )
    rows = list(session.exec(query))
    for row in rows:
        row.state = "uncertain"
        row.error = INTERRUPTED
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


# --- acknowledgements --------------------------------------------------------------------


def _acknowledgeable():
    """The outbox rows that are reminders delivered to a unit (they carry a 收到 button)."""
    return select(OutboxEntry).where(
        col(OutboxEntry.kind).in_(ACK_KINDS), OutboxEntry.unit != "", OutboxEntry.state == "sent"
    )


def record_acknowledgement(
    session: Session, row_id: int, *, user_id: int, name: str, at: dt.datetime
) -> bool:
    """Record who pressed 收到, only while nobody has: the check and the write are one
    conditional UPDATE, so of two presses at the same moment exactly one counts."""
    result = session.exec(
        update(OutboxEntry)
        .where(
            OutboxEntry.id == row_id,
            col(OutboxEntry.acked_at).is_(None),
            col(OutboxEntry.kind).in_(ACK_KINDS),
            OutboxEntry.unit != "",
        )
        .values(acked_by_id=user_id, acked_by_name=name[:100], acked_at=at)
    )
    return result.rowcount == 1


def acknowledgeable_reminder(session: Session, row_id: int) -> OutboxEntry | None:
    """The row if it is a reminder to a unit (one that carries a 收到 button)."""
    row = session.get(OutboxEntry, row_id)
    return row if row is not None and row.kind in ACK_KINDS and row.unit else None


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


def escalation_keys(session: Session) -> set[tuple]:
    """The outbox keys of every escalation claimed so far."""
    rows = session.exec(select(OutboxEntry).where(OutboxEntry.kind == "escalate"))
    return {(r.kind, r.target_number, r.milestone, r.occurrence, r.chat_key) for r in rows}


# --- what the planner reads ---------------------------------------------------------------


def reported_checker(
    session: Session, subscriptions: Mapping[str, Sequence[int]], year: int
) -> Callable[[int, str], bool]:
    """(target, unit) -> has that unit reported on that target of `year` since its last
    reminder?"""
    # A report without a year was filed by a release before years: it is the current one's.
    of_year = (ProgressReport.year == year) | col(ProgressReport.year).is_(None)
    reports = list(session.exec(select(ProgressReport).where(of_year)))
    sent = list(session.exec(select(OutboxEntry).where(col(OutboxEntry.kind).in_(ACK_KINDS))))

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


def last_digest_claimed_at(session: Session, day: dt.date) -> dt.datetime | None:
    """When the latest digest before `day` was claimed, if any went out."""
    last = session.exec(
        select(OutboxEntry)
        .where(OutboxEntry.kind == "digest", OutboxEntry.occurrence < day)
        .order_by(col(OutboxEntry.occurrence).desc())
    ).first()
    return last.claimed_at if last else None
