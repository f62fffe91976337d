"""Status and traffic-light rules for a target (pure functions).

The rules, in order:
1. A manual override (with its reason) wins.
2. With comparable indicators (both a target and an actual figure):
   - all met: 超额完成 when at least one strictly beats its target, else 已完成;
   - otherwise: 未完成 after the final deadline, 滞后 when an earlier milestone is past due
     and open, else 推进中.
3. Without comparable indicators:
   - every deadline done: 已完成;
   - the final deadline passed: 未完成; an earlier milestone past due and open: 滞后;
   - some actual figure or progress text exists: 推进中; nothing at all: 暂无数据.
Lights: 🟢 超额完成/已完成, 🟡 推进中, 🔴 滞后/未完成, ⚪ 暂无数据.

Closed years. A ledger's year is closed once the day it is judged on lies after 31 December
of that year. Statuses are then computed as of the year's close (the first day after it),
not the real date, so a 2020 target read in 2026 says how it ended instead of counting days
overdue into the present; a pinned `[ledger] today` is used as it is, for demonstrations.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from bot.ledger import DeadlineSpec, IndicatorSpec, TargetSpec

LIGHTS = {
    "超额完成": "🟢",
    "已完成": "🟢",
    "推进中": "🟡",
    "滞后": "🔴",
    "未完成": "🔴",
    "暂无数据": "⚪",
}


def measured(ind: IndicatorSpec) -> tuple[Decimal | None, Decimal | None]:
    """(target, actual) in the target's unit, the actual converted when written in another."""
    return ind.target_value, ind.actual_in_target_unit


def indicator_met(ind: IndicatorSpec) -> bool | None:
    """True/False when the indicator has both figures, None when it cannot be judged."""
    target, actual = measured(ind)
    if target is None or actual is None:
        return None
    if ind.comparator == "<=":
        return actual <= target
    if ind.comparator == "=":
        return actual == target
    return actual >= target


def indicator_exceeded(ind: IndicatorSpec) -> bool:
    """True when the actual figure is strictly better than the target."""
    target, actual = measured(ind)
    if target is None or actual is None or ind.comparator == "=":
        return False
    return actual < target if ind.comparator == "<=" else actual > target


def completion_ratio(ind: IndicatorSpec) -> Decimal | None:
    """Actual as a percentage of target for at-least/exact indicators, rounded to 0.1."""
    target, actual = measured(ind)
    if target is None or actual is None or ind.comparator == "<=" or target == 0:
        return None
    return (actual / target * 100).quantize(Decimal("0.1"))


def final_deadline(target: TargetSpec, default: dt.date | None = None) -> dt.date | None:
    dates = [d.date for d in target.deadlines]
    return max(dates) if dates else default


def open_deadlines(target: TargetSpec) -> list[DeadlineSpec]:
    """Deadlines not yet done, by date; none once the target is closed (销号), so a closed
    target leaves reminders, digests and due lists in this one place."""
    if target.closed is not None:
        return []
    return sorted((d for d in target.deadlines if not d.done), key=lambda d: d.date)


def compute_status(target: TargetSpec, today: dt.date) -> str:
    """The target's status on `today`, following the module's rules."""
    if target.status_override:
        return target.status_override
    final = final_deadline(target)
    past_final = final is not None and today > final
    overdue_milestone = any(d.date < today for d in open_deadlines(target))
    verdicts = [indicator_met(i) for i in target.indicators]
    judged = [v for v in verdicts if v is not None]
    if judged:
        if all(judged):
            return (
                "超额完成" if any(indicator_exceeded(i) for i in target.indicators) else "已完成"
            )
        if past_final:
            return "未完成"
        return "滞后" if overdue_milestone else "推进中"
    if target.deadlines and all(d.done for d in target.deadlines):
        return "已完成"
    if past_final:
        return "未完成"
    if overdue_milestone:
        return "滞后"
    has_data = any(i.actual_value is not None for i in target.indicators) or bool(
        target.progress_text.strip()
    )
    return "推进中" if has_data else "暂无数据"


def year_end(year: int) -> dt.date:
    return dt.date(year, 12, 31)


def status_day(today: dt.date, year: int, *, pinned: bool = False) -> dt.date:
    """The day statuses are computed for: `today`, held at the year's close once it is past.

    A pinned day (the config's `[ledger] today`) is returned as it is.
    """
    if pinned or today <= year_end(year):
        return today
    return year_end(year) + dt.timedelta(days=1)


def year_closed(day: dt.date, year: int) -> bool:
    """True when `day` lies after the ledger year's last day."""
    return day > year_end(year)


def as_of_label(day: dt.date, year: int) -> str:
    """The date shown to users: "2020-12-31，2020年度已结束" for a closed year."""
    if year_closed(day, year) and day == year_end(year) + dt.timedelta(days=1):
        return f"{year_end(year).isoformat()}，{year}年度已结束"
    if year_closed(day, year):
        return f"{day.isoformat()}，{year}年度已结束"
    return day.isoformat()


def deadline_state(deadline: DeadlineSpec, day: dt.date) -> str:
    """How an open or done deadline reads on `day`: days left, days overdue, or how it ended.

    Days overdue are counted only inside the deadline's own year; after it, the deadline
    simply ended unmet.
    """
    if deadline.done:
        return "已完成"
    days = (deadline.date - day).days
    if days >= 0:
        return f"剩余{days}天"
    if day.year > deadline.date.year:
        return "年度已结束"
    return f"已逾期{-days}天"


def overdue_days(deadline_date: dt.date | None, day: dt.date) -> int:
    """Days past `deadline_date` on `day`, within the deadline's year; 0 otherwise."""
    if deadline_date is None or deadline_date >= day or day.year > deadline_date.year:
        return 0
    return (day - deadline_date).days


def light_for(status: str) -> str:
    return LIGHTS.get(status, "⚪")
