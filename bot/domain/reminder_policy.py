"""The reminder policy: which notices go out on a given day (pure: no clock, no I/O, no words).

Every function takes the date (or aware datetime) it works on. Nothing here reads the clock,
touches the database or talks to a chat front end; `bot.app.reminder_notices` feeds in the
ledger, the subscriptions and "today", and words the notices with `bot.render.reminder_text`.

Rules:
- Only open deadlines (done=False) get "before"/"due"/"overdue" notices, and only while the
  target's status (bot.domain.status.compute_status on the day) is not 已完成/超额完成.
- "before" (offset > 0) and "due" (offset 0) go out on reminder_day(deadline, offset): the
  deadline minus the offset, moved back to the previous working day. When several offsets land
  on the same day, only the smallest (closest to the deadline) is sent.
- "overdue" goes out on the first working day after the deadline, then every
  overdue_repeat_days after that first day (each moved forward to the next working day); the
  responsible units and every digest chat (the leaders) get it.
- A catch-up after downtime sends, of the "before" reminders it missed, only the latest of
  each deadline, unit and chat, and none when that day brings one of its own
  (`latest_missed`): a unit is reminded once, with the days left counted from the day it
  goes out.
- Each unit notice goes to every subscribed chat of every responsible unit (lead and assist);
  a unit without a chat gives one notice with chat_id None so admins see who would be missed.
  A (target, unit) that already reported is skipped (leaders' overdue copies are not).
- "digest" goes to every digest chat on policy.digest_weekday (never moved); it counts the
  reminders units left unacknowledged past policy.ack_days working days.
- Every reminder to a unit (before/due/overdue/urge with a unit) carries a 收到 button. One
  no chat of its unit acknowledged within policy.ack_days working days after the day it went
  out is "escalated" to every digest chat on the first working day after that
  (`escalation_day`), naming the unit, the target and the reminder's day; the outbox key
  (kind "escalate", the reminder's key and unit, leader chat) lets it go out once.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from bot.domain.ledger import DeadlineSpec, LedgerSpec, TargetSpec, UnitSpec
from bot.domain.status import compute_status, open_deadlines
from bot.domain.work_calendar import WorkCalendar

KINDS = ("digest", "escalate", "overdue", "due", "before", "urge")
# The kinds that are reminders to a unit, and so carry a 收到 button.
ACK_KINDS = ("before", "due", "overdue", "urge")
DONE_STATUSES = ("已完成", "超额完成")
DEFAULT_SENDER = "县督查局"
# Long holidays (春节, 国庆) plus weekends never span more than this many days.
_MAX_MOVE_DAYS = 31


@dataclass(frozen=True)
class ReminderPolicy:
    offsets: tuple[int, ...] = (7, 3, 1, 0)  # days before a deadline; 0 = on the day ("due")
    send_time: dt.time = dt.time(9, 0)  # local time in the ledger timezone
    overdue_repeat_days: int = 7  # weekly overdue notices after the first; 0 = only the first
    digest_weekday: int = 0  # datetime.weekday(): Monday
    digest_due_days: int = 14  # the digest lists what is due within this many days
    working_days_only: bool = True  # move reminders off weekends/holidays
    sender: str = DEFAULT_SENDER  # the office named in every notice (`[office] name`)
    ack_days: int = 2  # working days to press 收到 before the leaders are told

    def __post_init__(self) -> None:
        if any(o < 0 for o in self.offsets):
            raise ValueError(f"reminder offsets must be >= 0: {self.offsets}")
        if self.overdue_repeat_days < 0:
            raise ValueError("overdue_repeat_days must be >= 0")
        if not 0 <= self.digest_weekday <= 6:
            raise ValueError("digest_weekday must be 0 (Monday) .. 6 (Sunday)")
        if self.digest_due_days < 0:
            raise ValueError("digest_due_days must be >= 0")
        if self.ack_days < 1:
            raise ValueError("ack_days must be >= 1")
        if self.send_time.tzinfo is not None:
            raise ValueError("send_time is a local wall-clock time; give it without tzinfo")


@dataclass(frozen=True)
class Notice:
    kind: str  # "before" | "due" | "overdue" | "digest" | "urge"
    target: int  # 0 for a digest
    deadline: dt.date | None  # None for a digest
    milestone: str  # the deadline's text ("年底前", "7月底前"), "" for a digest
    occurrence: dt.date  # the day it goes out (after moving off non-working days)
    chat_id: int | None  # None = the unit has no subscribed chat
    unit: str  # the responsible unit it is addressed to; "" for digests/leaders
    text: str  # plain Chinese text

    @property
    def when(self) -> str:
        """The outbox's milestone: "deadline milestone", or the milestone alone without one."""
        return f"{self.deadline.isoformat()} {self.milestone}" if self.deadline else self.milestone

    @property
    def key(self) -> tuple:
        """(kind, target, when, occurrence, chat_id or 0): the outbox's unique key."""
        return (self.kind, self.target, self.when, self.occurrence, self.chat_id or 0)

    @property
    def acknowledgeable(self) -> bool:
        """A reminder addressed to a unit: it carries a 收到 button."""
        return self.kind in ACK_KINDS and bool(self.unit)


def reminder_day(
    deadline: dt.date, offset: int, policy: ReminderPolicy, calendar: WorkCalendar
) -> dt.date:
    """deadline - offset, moved back to the previous working day when working_days_only."""
    day = deadline - dt.timedelta(days=offset)
    return calendar.previous_working_day(day) if policy.working_days_only else day


def _forward(day: dt.date, policy: ReminderPolicy, calendar: WorkCalendar) -> dt.date:
    return calendar.next_working_day(day) if policy.working_days_only else day


def _first_overdue_day(
    deadline: dt.date, policy: ReminderPolicy, calendar: WorkCalendar
) -> dt.date:
    return _forward(deadline + dt.timedelta(days=1), policy, calendar)


def overdue_days(
    deadline: dt.date, policy: ReminderPolicy, calendar: WorkCalendar
) -> Iterator[dt.date]:
    """The overdue notice days, in order (endless unless overdue_repeat_days is 0)."""
    first = _first_overdue_day(deadline, policy, calendar)
    yield first
    if policy.overdue_repeat_days <= 0:
        return
    last = first
    k = 1
    while True:
        day = _forward(first + dt.timedelta(days=k * policy.overdue_repeat_days), policy, calendar)
        if day > last:
            yield day
            last = day
        k += 1


def is_overdue_day(
    deadline: dt.date, day: dt.date, policy: ReminderPolicy, calendar: WorkCalendar
) -> bool:
    """True when an overdue notice for `deadline` goes out on `day`."""
    first = _first_overdue_day(deadline, policy, calendar)
    if day == first:
        return True
    if day < first or policy.overdue_repeat_days <= 0:
        return False
    step = policy.overdue_repeat_days
    k = (day - first).days // step
    while k >= 1:
        nominal = first + dt.timedelta(days=k * step)
        if (day - nominal).days > _MAX_MOVE_DAYS:
            break
        if _forward(nominal, policy, calendar) == day:
            return True
        k -= 1
    return False


def next_send_at(now: dt.datetime, policy: ReminderPolicy, tz: dt.tzinfo) -> dt.datetime:
    """The next policy.send_time at or after `now` (aware), as an aware datetime in `tz`."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("next_send_at needs an aware datetime")
    local = now.astimezone(tz)
    candidate = dt.datetime.combine(local.date(), policy.send_time, tzinfo=tz)
    if candidate.astimezone(dt.UTC) < now.astimezone(dt.UTC):
        candidate = dt.datetime.combine(
            local.date() + dt.timedelta(days=1), policy.send_time, tzinfo=tz
        )
    return candidate


def is_done(target: TargetSpec, day: dt.date) -> bool:
    """Completed (or exceeded) on `day`: such a target gets no reminders."""
    return compute_status(target, day) in DONE_STATUSES


def deadline_kind(
    deadline: dt.date, day: dt.date, policy: ReminderPolicy, calendar: WorkCalendar
) -> str | None:
    """The notice an open deadline gets on `day`: "due" or "before" when one of the offsets lands
    on it (the smallest wins), "overdue" on an overdue day, None on any other day."""
    hits = [o for o in policy.offsets if reminder_day(deadline, o, policy, calendar) == day]
    if hits:
        return "due" if min(hits) == 0 else "before"
    if is_overdue_day(deadline, day, policy, calendar):
        return "overdue"
    return None


def urge_deadline(target: TargetSpec) -> DeadlineSpec | None:
    """The deadline a 催办 refers to: the earliest open one, else the final one, else none."""
    opened = open_deadlines(target)
    if opened:
        return opened[0]
    if target.deadlines:
        return max(target.deadlines, key=lambda d: d.date)
    return None


def is_digest_day(day: dt.date, policy: ReminderPolicy) -> bool:
    """The digest goes out on policy.digest_weekday, never moved off a holiday."""
    return day.weekday() == policy.digest_weekday


def distinct_units(target: TargetSpec) -> list[UnitSpec]:
    """Lead units first, then assisting ones; a unit named twice counts once."""
    seen: set[str] = set()
    ordered = []
    for unit in sorted(target.units, key=lambda u: 0 if u.role == "lead" else 1):
        if unit.name not in seen:
            seen.add(unit.name)
            ordered.append(unit)
    return ordered


def dedup(notices: Sequence[Notice]) -> list[Notice]:
    """One notice per key for real chats (first wins); unsent (chat None) ones are all kept."""
    seen: set[tuple] = set()
    kept = []
    for notice in notices:
        if notice.chat_id is not None:
            if notice.key in seen:
                continue
            seen.add(notice.key)
        kept.append(notice)
    return kept


def latest_missed(missed: Sequence[Notice], today: Sequence[Notice]) -> list[Notice]:
    """Of the reminders missed while down (`missed`, oldest first), the latest of each deadline,
    unit and chat; none whose deadline, unit and chat `today` reminds of anyway."""

    def slot(notice: Notice) -> tuple:
        return (notice.target, notice.when, notice.unit, notice.chat_id)

    reminded_today = {slot(n) for n in today if n.kind in ("before", "due")}
    latest = {slot(n): n for n in missed}
    return [n for key, n in latest.items() if key not in reminded_today]


def notice_order(notice: Notice) -> tuple:
    """Digests, escalations, overdue, due, before, urge; then by target and deadline."""
    return (
        KINDS.index(notice.kind),
        notice.target,
        notice.deadline or dt.date.min,
        notice.milestone,
    )


# --- acknowledgements ---------------------------------------------------------------------


@dataclass(frozen=True)
class SentReminder:
    """A reminder delivered to one chat of a unit, as the outbox holds it."""

    kind: str
    target: int
    when: str  # the outbox milestone: "2020-12-31 年底前", or "" for a 催办 without deadline
    occurrence: dt.date  # the day it was due to go out
    sent_day: dt.date  # the local day it actually went out (later for a late catch-up)
    unit: str
    chat_id: int
    acked: bool


def ack_deadline(sent_day: dt.date, ack_days: int, calendar: WorkCalendar) -> dt.date:
    """The last day to acknowledge: the `ack_days`-th working day after `sent_day`."""
    day, counted = sent_day, 0
    while counted < ack_days:
        day += dt.timedelta(days=1)
        counted += calendar.is_working_day(day)
    return day


def escalation_day(sent_day: dt.date, ack_days: int, calendar: WorkCalendar) -> dt.date:
    """The first working day after the acknowledgement deadline: the leaders are told then."""
    return calendar.next_working_day(
        ack_deadline(sent_day, ack_days, calendar) + dt.timedelta(days=1)
    )


def working_days_waiting(sent_day: dt.date, today: dt.date, calendar: WorkCalendar) -> int:
    """Working days after `sent_day` up to and including `today` (0 on the day itself)."""
    count, day = 0, sent_day
    while day < today:
        day += dt.timedelta(days=1)
        count += calendar.is_working_day(day)
    return count


def unacknowledged(reminders: Iterable[SentReminder]) -> list[SentReminder]:
    """One reminder per (kind, target, milestone, day, unit) that no chat of the unit
    acknowledged, the first sent standing for its unit's other chats."""
    groups: dict[tuple, list[SentReminder]] = {}
    for r in reminders:
        groups.setdefault((r.kind, r.target, r.when, r.occurrence, r.unit), []).append(r)
    found = [
        min(rows, key=lambda r: (r.sent_day, r.chat_id))
        for rows in groups.values()
        if not any(r.acked for r in rows)
    ]
    return sorted(found, key=lambda r: (r.occurrence, r.target, r.unit, KINDS.index(r.kind)))


def escalation_milestone(kind: str, when: str, unit: str) -> str:
    """The outbox milestone of an escalation: which reminder (kind, milestone) of which unit."""
    return " ".join(part for part in (kind, when, unit) if part)


def unacknowledged_by_unit(
    sent: Iterable[SentReminder],
    day: dt.date,
    year: int,
    policy: ReminderPolicy,
    calendar: WorkCalendar,
) -> Counter[str]:
    """Per unit, the reminders of `year` still unacknowledged on `day` past their time to
    acknowledge: a stable count, whatever was sent that morning."""
    return Counter(
        r.unit
        for r in unacknowledged(sent)
        if r.occurrence.year == year and day > ack_deadline(r.sent_day, policy.ack_days, calendar)
    )


def escalations_due(
    day: dt.date,
    ledger: LedgerSpec,
    reminders: Iterable[SentReminder],
    policy: ReminderPolicy,
    calendar: WorkCalendar,
) -> list[tuple[SentReminder, TargetSpec]]:
    """The reminders of the ledger's year to tell the leaders about on `day` (a working day):
    unacknowledged after policy.ack_days working days, for a target neither done nor closed."""
    if not calendar.is_working_day(day):
        return []
    by_number = ledger.by_number()
    due = []
    for reminder in unacknowledged(reminders):
        target = by_number.get(reminder.target)
        if reminder.occurrence.year != ledger.year or target is None:
            continue
        if target.closed is not None or is_done(target, day):
            continue
        if day < escalation_day(reminder.sent_day, policy.ack_days, calendar):
            continue
        due.append((reminder, target))
    return due
