"""The reminder policy: which notices go out on a given day (pure, no clock, no I/O).

Every function takes the date (or aware datetime) it works on. Nothing here reads the clock,
touches the database or talks to a chat front end; the scheduler feeds in the ledger, the
subscriptions and "today", and sends what comes back.

Rules:
- Only open deadlines (done=False) get "before"/"due"/"overdue" notices, and only while the
  target's status (bot.status.compute_status on the day) is not 已完成/超额完成.
- "before" (offset > 0) and "due" (offset 0) go out on reminder_day(deadline, offset): the
  deadline minus the offset, moved back to the previous working day. When several offsets land
  on the same day, only the smallest (closest to the deadline) is sent.
- "overdue" goes out on the first working day after the deadline, then every
  overdue_repeat_days after that first day (each moved forward to the next working day); the
  responsible units and every digest chat (the leaders) get it.
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
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from bot.ledger import STATUSES, DeadlineSpec, IndicatorSpec, LedgerSpec, TargetSpec, UnitSpec
from bot.replies import excerpt, indicator_figure, telegram_length
from bot.status import (
    compute_status,
    indicator_gap,
    indicator_met,
    light_for,
    open_deadlines,
    principal_indicator,
    status_note,
    targeted_indicators,
)
from bot.work_calendar import WorkCalendar

KINDS = ("digest", "escalate", "overdue", "due", "before", "urge")
# The kinds that are reminders to a unit, and so carry a 收到 button.
ACK_KINDS = ("before", "due", "overdue", "urge")
DONE_STATUSES = ("已完成", "超额完成")
WEEKDAYS = "一二三四五六日"
MAX_DIGEST = 4000
DIGEST_CAPS = (15, 10, 6, 3, 1)
DIGEST_LINE_CHARS = 80
REPORT_HINT = "完成情况请回复本消息，或发送 /report {number} 进展或数值（例如 {example}）"
HEADINGS = {
    "before": "督查提醒",
    "due": "到期提醒",
    "overdue": "逾期提醒",
    "urge": "催办",
    "escalate": "提醒未确认",
}
DEFAULT_SENDER = "县督查局"
TARGET_TEXT_CHARS = 80
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


# --- texts -------------------------------------------------------------------------------


def _date_words(day: dt.date) -> str:
    return f"{day.isoformat()}（周{WEEKDAYS[day.weekday()]}）"


def _days_text(deadline: dt.date, day: dt.date) -> str:
    days = (deadline - day).days
    if days > 0:
        return f"距截止还有{days}天"
    if days == 0:
        return "今天到期"
    return f"已逾期{-days}天"


def _shortfall(ind: IndicatorSpec) -> str:
    """ "新增贷款 10亿元 / 目标14亿元，还差4亿元" or "履约率 暂无数据 / 目标90%，请报送"."""
    gap = indicator_gap(ind)
    if ind.actual_value is None:
        return f"{indicator_figure(ind)}，请报送完成数"
    if gap is None:  # a figure in a unit that does not convert to the target's
        return f"{indicator_figure(ind)}，请按{ind.unit}报送完成数"
    return f"{indicator_figure(ind)}，还差{gap.normalize():f}{ind.unit}"


def report_example(target: TargetSpec, day: dt.date) -> str:
    """A `/report` line for this very target: its first indicator still short (or its principal
    one) with a figure in that indicator's unit, else a progress sentence."""
    short = [i for i in targeted_indicators(target) if indicator_met(i) is not True]
    ind = short[0] if short else principal_indicator(target)
    if ind is None:
        return f"/report {target.number} 已完成××，佐证材料已报送"
    figure, unit = (ind.actual, ind.shown_actual_unit) if ind.actual else (ind.target, ind.unit)
    return f"/report {target.number} {ind.name} {figure}{unit} 截至{day.month}月"


def _units_line(target: TargetSpec, receivers: Sequence[UnitSpec]) -> str:
    """Who leads and who assists, in words a unit reads (no internal 推定 marks); a unit that
    only assists is told which unit leads."""
    lead = [u.name for u in target.units if u.role == "lead"]
    assist = [u.name for u in target.units if u.role != "lead"]
    receiver = receivers[0] if len(receivers) == 1 else None
    if receiver is not None and receiver.role != "lead":
        return f"牵头单位：{'、'.join(lead) or '（未定）'}（贵单位为配合单位，请配合牵头单位推进）"
    parts = [f"牵头单位：{'、'.join(lead) or '（未定）'}"]
    if assist:
        parts.append(f"配合单位：{'、'.join(assist)}")
    return "；".join(parts)


def _notice_text(
    kind: str,
    target: TargetSpec,
    deadline: DeadlineSpec | None,
    day: dt.date,
    units: Sequence[UnitSpec],
    sender: str = DEFAULT_SENDER,
) -> str:
    """A notice that helps its unit: the target, what is still short (figure, gap, days left),
    who leads, how to report on this very target, and which office sends it."""
    status = compute_status(target, day)
    lines = [f"【{sender}·{HEADINGS[kind]}】第{target.number}项 {target.title}"]
    lines.append(f"目标：{excerpt(target.target_text, TARGET_TEXT_CHARS)}")
    if deadline is not None:
        lines.append(
            f"截止：{_date_words(deadline.date)} {deadline.text}，{_days_text(deadline.date, day)}"
        )
    note = status_note(target, day)
    lines.append(f"当前状态：{light_for(status)}{status}" + (f"（{note}）" if note else ""))
    short = [i for i in targeted_indicators(target) if indicator_met(i) is not True]
    if short:
        lines.append("尚缺：")
        lines += [f"· {_shortfall(i)}" for i in short]
    if target.units:
        lines.append(_units_line(target, units))
    lines.append(REPORT_HINT.format(number=target.number, example=report_example(target, day)))
    return "\n".join(lines)


# --- audiences ---------------------------------------------------------------------------


def _distinct_units(target: TargetSpec) -> list[UnitSpec]:
    """Lead units first, then assisting ones; a unit named twice counts once."""
    seen: set[str] = set()
    ordered = []
    for unit in sorted(target.units, key=lambda u: 0 if u.role == "lead" else 1):
        if unit.name not in seen:
            seen.add(unit.name)
            ordered.append(unit)
    return ordered


def _unit_notices(
    kind: str,
    target: TargetSpec,
    deadline: DeadlineSpec | None,
    day: dt.date,
    subscriptions: Mapping[str, Sequence[int]],
    reported: Callable[[int, str], bool],
    sender: str = DEFAULT_SENDER,
) -> list[Notice]:
    notices = []
    for unit in _distinct_units(target):
        if reported(target.number, unit.name):
            continue
        text = _notice_text(kind, target, deadline, day, [unit], sender)
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


def _dedup(notices: Sequence[Notice]) -> list[Notice]:
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
    opened = open_deadlines(target)
    if opened:
        deadline: DeadlineSpec | None = opened[0]
    elif target.deadlines:
        deadline = max(target.deadlines, key=lambda d: d.date)
    else:
        deadline = None
    return _dedup(
        _unit_notices(
            "urge", target, deadline, day, subscriptions, lambda _t, _u: False, policy.sender
        )
    )


def _digest_item(target: TargetSpec, deadline: DeadlineSpec, day: dt.date) -> str:
    days = (deadline.date - day).days
    left = f"剩余{days}天" if days >= 0 else f"已逾期{-days}天"
    lead = "、".join(u.name for u in target.lead_units)
    line = (
        f"· 第{target.number}项 {target.title}："
        f"{deadline.date.isoformat()} {deadline.text}（{left}）"
    )
    return excerpt(line + (f"——{lead}" if lead else ""), DIGEST_LINE_CHARS)


def _capped(items: Sequence[str], cap: int) -> list[str]:
    if len(items) <= cap:
        return list(items)
    return list(items[:cap]) + [f"…等{len(items)}项"]


def digest_text(
    ledger: LedgerSpec,
    day: dt.date,
    *,
    policy: ReminderPolicy,
    changes_since_last_digest: Sequence[str] = (),
    unacknowledged: Mapping[str, int] | None = None,
) -> str:
    """The weekly digest: counts by status, changes, what is due soon and what is overdue,
    and the reminders each unit left unacknowledged past policy.ack_days (`unacknowledged`:
    unit -> count)."""
    statuses = {t.number: compute_status(t, day) for t in ledger.targets}
    counts = {s: sum(1 for v in statuses.values() if v == s) for s in STATUSES}
    others = sum(1 for v in statuses.values() if v not in STATUSES)
    horizon = day + dt.timedelta(days=policy.digest_due_days)
    due: list[tuple[dt.date, int, str]] = []
    overdue: list[tuple[dt.date, int, str]] = []
    for target in ledger.targets:
        if statuses[target.number] in DONE_STATUSES:
            continue
        for deadline in open_deadlines(target):
            item = (deadline.date, target.number, _digest_item(target, deadline, day))
            if deadline.date < day:
                overdue.append(item)
            elif deadline.date <= horizon:
                due.append(item)
    due_lines = [line for *_, line in sorted(due)]
    overdue_lines = [line for *_, line in sorted(overdue)]
    changes = [excerpt(c, DIGEST_LINE_CHARS) for c in changes_since_last_digest if c.strip()]

    unacked = {u: n for u, n in (unacknowledged or {}).items() if n > 0}
    unacked_total = sum(unacked.values())
    unacked_line = (
        "、".join(
            f"{u}{n}条" for u, n in sorted(unacked.items(), key=lambda item: (-item[1], item[0]))
        )
        or "无"
    )
    count_line = "、".join(f"{light_for(s)}{s}{counts[s]}项" for s in STATUSES if counts[s])
    if others:
        count_line += f"、其他{others}项"
    text = ""
    for cap in DIGEST_CAPS:
        lines = [
            f"【督查周报】{ledger.title}（{day.isoformat()} 周{WEEKDAYS[day.weekday()]}）",
            f"一、完成情况：共{len(ledger.targets)}项：{count_line or '无'}",
            "二、本周变更：",
            *(["· " + c for c in _capped(changes, cap)] if changes else ["本周无变更"]),
            f"三、{policy.digest_due_days}天内到期（{len(due_lines)}项）：",
            *(_capped(due_lines, cap) or ["无"]),
            f"四、已逾期（{len(overdue_lines)}项）：",
            *(_capped(overdue_lines, cap) or ["无"]),
            f"五、超过{policy.ack_days}个工作日未确认收到的提醒（{unacked_total}条）："
            + unacked_line,
            "报送进展请发送 /report 项目序号 进展或数值。",
        ]
        text = "\n".join(lines)
        if telegram_length(text) < MAX_DIGEST:
            return text
    return text[: MAX_DIGEST - 1]


# --- the day's notices -------------------------------------------------------------------


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


def escalation_text(
    reminder: SentReminder, target: TargetSpec | None, policy: ReminderPolicy
) -> str:
    """What the leaders read: the unit, the target, the reminder's day, and the ask."""
    title = f" {target.title}" if target is not None else ""
    deadline = f"（截止 {reminder.when}）" if reminder.when else ""
    return "\n".join(
        [
            f"【{policy.sender}·{HEADINGS['escalate']}】第{reminder.target}项{title}",
            f"{reminder.unit}未确认收到{_date_words(reminder.sent_day)}的"
            f"{HEADINGS[reminder.kind]}{deadline}，已超过{policy.ack_days}个工作日。",
            "请督促该单位在提醒消息上点“收到”，并报送进展。",
        ]
    )


def escalation_milestone(kind: str, when: str, unit: str) -> str:
    """The outbox milestone of an escalation: which reminder (kind, milestone) of which unit."""
    return " ".join(part for part in (kind, when, unit) if part)


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
    if not digest_chats or not calendar.is_working_day(day):
        return []
    by_number = ledger.by_number()
    notices = []
    for reminder in unacknowledged(reminders):
        target = by_number.get(reminder.target)
        if reminder.occurrence.year != ledger.year or target is None:
            continue
        if target.closed is not None or compute_status(target, day) in DONE_STATUSES:
            continue
        if day < escalation_day(reminder.sent_day, policy.ack_days, calendar):
            continue
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


def _sort_key(notice: Notice) -> tuple:
    return (
        KINDS.index(notice.kind),
        notice.target,
        notice.deadline or dt.date.min,
        notice.milestone,
    )


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
) -> list[Notice]:
    """Everything that should go out on `day` (at policy.send_time), in a stable order.

    `sent` is the reminders delivered so far (for the digest's count of unacknowledged ones
    and the leaders' escalations). Order: digests, escalations, overdue, due, before; within
    a kind by target number and deadline, then lead units before assisting ones, chats in
    subscription order, leaders' copies last.
    """
    notices: list[Notice] = []
    if day.weekday() == policy.digest_weekday and digest_chats:
        # Only reminders past their time to acknowledge: a stable count, whatever was sent
        # this morning before the digest.
        waiting = Counter(
            r.unit
            for r in unacknowledged(sent)
            if r.occurrence.year == ledger.year
            and day > ack_deadline(r.sent_day, policy.ack_days, calendar)
        )
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
        if compute_status(target, day) in DONE_STATUSES:
            continue
        for deadline in open_deadlines(target):
            hits = [
                o
                for o in policy.offsets
                if reminder_day(deadline.date, o, policy, calendar) == day
            ]
            if hits:
                kind = "due" if min(hits) == 0 else "before"
                notices += _unit_notices(
                    kind, target, deadline, day, subscriptions, reported, policy.sender
                )
            elif is_overdue_day(deadline.date, day, policy, calendar):
                notices += _unit_notices(
                    "overdue", target, deadline, day, subscriptions, reported, policy.sender
                )
                text = _notice_text(
                    "overdue", target, deadline, day, _distinct_units(target), policy.sender
                )
                for chat in dict.fromkeys(digest_chats):
                    notices.append(
                        Notice(
                            "overdue", target.number, deadline.date, deadline.text, day,
                            chat, "", text,
                        )
                    )  # fmt: skip
    notices += escalation_notices(
        day, ledger, sent, digest_chats=digest_chats, policy=policy, calendar=calendar
    )
    note = calendar.fallback_note(day) if policy.working_days_only else ""
    if note:  # the office should know these days were counted Monday to Friday
        notices = [replace(n, text=f"{n.text}\n{note}") for n in notices]
    return _dedup(sorted(notices, key=_sort_key))
