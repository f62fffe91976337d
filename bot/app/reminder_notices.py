"""The day's notices: the policy's decisions (`bot.domain.reminder_policy`) worded by
`bot.render.reminder_text` and addressed to chats. Pure: no clock, no I/O.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace

from bot.domain.ledger import DeadlineSpec, LedgerSpec, TargetSpec
from bot.domain.reminder_policy import (
    Notice,
    ReminderPolicy,
    SentReminder,
    deadline_kind,
    dedup,
    distinct_units,
    escalation_milestone,
    escalations_due,
    is_digest_day,
    is_done,
    notice_order,
    unacknowledged_by_unit,
    urge_deadline,
)
from bot.domain.status import open_deadlines, year_closed
from bot.domain.work_calendar import WorkCalendar
from bot.render.reminder_text import digest_text, escalation_text, notice_text


def _unit_notices(
    kind: str,
    target: TargetSpec,
    deadline: DeadlineSpec | None,
    day: dt.date,
    subscriptions: Mapping[str, Sequence[int]],
    reported: Callable[[int, str], bool],
    sender: str,
    worded_on: dt.date | None = None,
) -> list[Notice]:
    notices = []
    for unit in distinct_units(target):
        if reported(target.number, unit.name):
            continue
        text = notice_text(kind, target, deadline, worded_on or day, [unit], sender)
        chats: Sequence[int | None] = list(subscriptions.get(unit.name, ())) or [None]
        for chat in chats:
            notices.append(
                Notice(
                    kind=kind,
                    target=target.number,
                    deadline=deadline.date if deadline else None,
                    milestone=deadline.text if deadline else "",
                    occurrence=day,
                    chat_id=chat,
                    unit=unit.name,
                    text=text,
                )
            )
    return notices


def urge_notices(
    target: TargetSpec,
    day: dt.date,
    *,
    subscriptions: Mapping[str, Sequence[int]],
    policy: ReminderPolicy,
    calendar: WorkCalendar,
) -> list[Notice]:
    """A manual 催办 for one target, sent on `day` (not moved) to every responsible unit.

    It refers to the earliest open deadline, or the final one when all are done, or none.
    `policy` names the sender; `calendar` is accepted for a uniform call shape (a manual 催办
    is never moved).
    """
    del calendar
    deadline = urge_deadline(target)
    return dedup(
        _unit_notices(
            "urge", target, deadline, day, subscriptions, lambda _t, _u: False, policy.sender
        )
    )


def escalation_notices(
    day: dt.date,
    ledger: LedgerSpec,
    reminders: Iterable[SentReminder],
    *,
    digest_chats: Sequence[int],
    policy: ReminderPolicy,
    calendar: WorkCalendar,
) -> list[Notice]:
    """The leaders' notices on `day` about reminders of the ledger's year still unacknowledged
    after policy.ack_days working days; none for a target done or closed since.

    Each keeps the reminder's day as its occurrence and "kind milestone unit" as its milestone,
    so its outbox key names the one reminder it is about.
    """
    if not digest_chats:
        return []
    notices = []
    for reminder, target in escalations_due(day, ledger, reminders, policy, calendar):
        text = escalation_text(reminder, target, policy)
        milestone = escalation_milestone(reminder.kind, reminder.when, reminder.unit)
        for chat in dict.fromkeys(digest_chats):
            notices.append(
                Notice(
                    "escalate", reminder.target, None, milestone, reminder.occurrence, chat,
                    reminder.unit, text,
                )
            )  # fmt: skip
    return notices


def notices_on(
    day: dt.date,
    ledger: LedgerSpec,
    *,
    subscriptions: Mapping[str, Sequence[int]],
    digest_chats: Sequence[int],
    policy: ReminderPolicy,
    calendar: WorkCalendar,
    reported: Callable[[int, str], bool] = lambda target, unit: False,
    changes_since_last_digest: Sequence[str] = (),
    sent: Sequence[SentReminder] = (),
    worded_on: dt.date | None = None,
) -> list[Notice]:
    """Everything that should go out on `day` (at policy.send_time), in a stable order.

    `worded_on` is the later day they really go out (a catch-up): the unit notices count the
    days left and judge the status as of that day.

    `sent` is the reminders delivered so far (for the digest's count of unacknowledged ones
    and the leaders' escalations). Order: digests, escalations, overdue, due, before; within
    a kind by target number and deadline, then lead units before assisting ones, chats in
    subscription order, leaders' copies last.
    """
    notices: list[Notice] = []
    if is_digest_day(day, policy) and digest_chats:
        waiting = unacknowledged_by_unit(sent, day, ledger.year, policy, calendar)
        text = digest_text(
            ledger,
            day,
            policy=policy,
            changes_since_last_digest=changes_since_last_digest,
            unacknowledged=waiting,
        )
        for chat in dict.fromkeys(digest_chats):
            notices.append(Notice("digest", 0, None, "", day, chat, "", text))

    for target in ledger.targets:
        if is_done(target, day):
            continue
        for deadline in open_deadlines(target):
            kind = deadline_kind(deadline.date, day, policy, calendar)
            if kind is None:
                continue
            notices += _unit_notices(
                kind, target, deadline, day, subscriptions, reported, policy.sender, worded_on
            )
            if kind != "overdue":
                continue
            text = notice_text(
                "overdue", target, deadline, day, distinct_units(target), policy.sender
            )
            for chat in dict.fromkeys(digest_chats):
                notices.append(
                    Notice(
                        "overdue", target.number, deadline.date, deadline.text, day, chat, "",
                        text,
                    )
                )  # fmt: skip
    notices += escalation_notices(
        day, ledger, sent, digest_chats=digest_chats, policy=policy, calendar=calendar
    )
    note = calendar.fallback_note(day) if policy.working_days_only else ""
    if note:  # the office should know these days were counted Monday to Friday
        notices = [replace(n, text=f"{n.text}\n{note}") for n in notices]
    return dedup(sorted(notices, key=notice_order))


def unassigned_due(
    day: dt.date, ledger: LedgerSpec, policy: ReminderPolicy, calendar: WorkCalendar
) -> list[int]:
    """The targets a unit reminder is due for on `day` that name no unit to send it to (a
    year drafted from a report that names none): a preview says so, not "nothing to send"."""
    if year_closed(day, ledger.year):
        return []
    return [
        target.number
        for target in ledger.targets
        if not target.units
        and not is_done(target, day)
        and any(deadline_kind(d.date, day, policy, calendar) for d in open_deadlines(target))
    ]
