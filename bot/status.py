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


def indicator_met(ind: IndicatorSpec) -> bool | None:
    """True/False when the indicator has both figures, None when it cannot be judged."""
    target, actual = ind.target_value, ind.actual_value
    if target is None or actual is None:
        return None
    if ind.comparator == "<=":
        return actual <= target
    if ind.comparator == "=":
        return actual == target
    return actual >= target


def indicator_exceeded(ind: IndicatorSpec) -> bool:
    """True when the actual figure is strictly better than the target."""
    target, actual = ind.target_value, ind.actual_value
    if target is None or actual is None or ind.comparator == "=":
        return False
    return actual < target if ind.comparator == "<=" else actual > target


def completion_ratio(ind: IndicatorSpec) -> Decimal | None:
    """Actual as a percentage of target for at-least/exact indicators, rounded to 0.1."""
    target, actual = ind.target_value, ind.actual_value
    if target is None or actual is None or ind.comparator == "<=" or target == 0:
        return None
    return (actual / target * 100).quantize(Decimal("0.1"))


def final_deadline(target: TargetSpec, default: dt.date | None = None) -> dt.date | None:
    dates = [d.date for d in target.deadlines]
    return max(dates) if dates else default


def open_deadlines(target: TargetSpec) -> list[DeadlineSpec]:
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


def light_for(status: str) -> str:
    return LIGHTS.get(status, "⚪")
