"""Status and traffic-light rules for a target (pure functions).

A target is 已完成 or 超额完成 only on evidence: every indicator that has a target figure must
have an actual figure that meets it. The rules, in order (`compute_status`):
1. A manual override (with its reason) wins, with one exception: an override of 暂无数据
   (figures missing: what a draft says of a report without them) gives way to the rules
   below once every indicator with a target has a figure, so figures entered later count
   (`override_in_force`).
2. Some indicator with a target has a figure that misses it: 未完成 after the final deadline,
   滞后 when an earlier milestone is past due and open or a figure is behind its 序时进度
   (`behind_pace`: below the share of its period passed at its as-of day by more than
   `[status] pace_tolerance` points, 5 by default, carried by `target.rules`; the rule is in
   bot/domain/pace.py, reason "低于序时进度（应达50%，实际33%）"), else 推进中.
3. Every indicator with a target has a figure, and all meet it: 超额完成 when at least one
   strictly beats its target, else 已完成.
4. Otherwise (no indicator with a target, or some without a figure; `missing_figures`):
   - no indicator with a target and every deadline done: 已完成 (a target in words, closed);
   - after the final deadline: 暂无数据 when every deadline is marked done (closed, but the
     figures that would prove it are missing), else 未完成;
   - an earlier milestone past due and open: 滞后;
   - some actual figure or progress text: 推进中 ("部分指标暂无数据" when figures are
     missing, `status_note`); nothing at all: 暂无数据.
Lights: 🟢 超额完成/已完成, 🟡 推进中, 🔴 滞后/未完成, ⚪ 暂无数据.

Closed years. A ledger's year is closed once the day it is judged on lies after 31 December
of that year. Statuses are then computed as of the year's close (the first day after it),
not the real date, so a 2020 target read in 2026 says how it ended instead of counting days
overdue into the present; a pinned `[ledger] today` is used as it is, for demonstrations.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from decimal import Decimal

from bot.domain.ledger import DeadlineSpec, IndicatorSpec, TargetSpec
from bot.domain.pace import Pace, behind, target_paces

DONE_STATUSES = ("已完成", "超额完成")  # the statuses that count as done

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


def indicator_gap(ind: IndicatorSpec) -> Decimal | None:
    """How far the actual figure is from meeting the target (0 when met), in the target's unit.

    None when either figure is missing. The one place a gap is computed, beside
    `completion_ratio`, so unit conversion has one place to go.
    """
    target, actual = measured(ind)
    if target is None or actual is None:
        return None
    if ind.comparator == "<=":
        return max(actual - target, Decimal(0))
    if ind.comparator == "=":
        return abs(actual - target)
    return max(target - actual, Decimal(0))


def final_deadline(target: TargetSpec, default: dt.date | None = None) -> dt.date | None:
    dates = [d.date for d in target.deadlines]
    return max(dates) if dates else default


def open_deadlines(target: TargetSpec) -> list[DeadlineSpec]:
    """Deadlines not yet done, by date; none once the target is closed (销号), so a closed
    target leaves reminders, digests and due lists in this one place."""
    if target.closed is not None:
        return []
    return sorted((d for d in target.deadlines if not d.done), key=lambda d: d.date)


def next_open_deadline(
    targets: Sequence[TargetSpec], after: dt.date
) -> tuple[dt.date, int] | None:
    """The first day after `after` on which an open deadline of `targets` falls, and how many
    of them fall due that day; None when none is left."""
    days = [d.date for t in targets for d in open_deadlines(t) if d.date > after]
    if not days:
        return None
    first = min(days)
    return first, sum(1 for t in targets if any(d.date == first for d in open_deadlines(t)))


def targeted_indicators(target: TargetSpec) -> list[IndicatorSpec]:
    """The indicators that carry a target figure, the ones a status must be proven on."""
    return [i for i in target.indicators if i.target_value is not None]


def missing_figures(target: TargetSpec) -> list[IndicatorSpec]:
    """Indicators with a target figure but no actual figure yet (or none in a unit that
    converts to the target's)."""
    return [i for i in targeted_indicators(target) if measured(i)[1] is None]


def override_in_force(target: TargetSpec) -> str:
    """The target's status override, or "" when there is none or it no longer holds."""
    override = target.status_override
    if override == "暂无数据":
        targeted = targeted_indicators(target)
        if targeted and all(i.actual_value is not None for i in targeted):
            return ""  # the figures it said were missing have come
    return override


def compute_status(target: TargetSpec, today: dt.date) -> str:
    """The target's status on `today`, following the module's rules."""
    if override := override_in_force(target):
        return override
    final = final_deadline(target)
    past_final = final is not None and today > final
    overdue_milestone = any(d.date < today for d in open_deadlines(target))
    targeted = targeted_indicators(target)
    verdicts = [indicator_met(i) for i in targeted]
    if any(v is False for v in verdicts):
        if past_final:
            return "未完成"
        return "滞后" if overdue_milestone or behind_pace(target, today) else "推进中"
    if targeted and all(verdicts):
        return "超额完成" if any(indicator_exceeded(i) for i in targeted) else "已完成"
    all_done = bool(target.deadlines) and all(d.done for d in target.deadlines)
    if not targeted and all_done:
        return "已完成"
    if past_final:
        return "暂无数据" if all_done else "未完成"
    if overdue_milestone:
        return "滞后"
    has_data = any(i.actual_value is not None for i in target.indicators) or bool(
        target.progress_text.strip()
    )
    return "推进中" if has_data else "暂无数据"


def _stated_at(text: str, figure: str) -> int:
    """Where `figure` is written in `text` as a whole number (not inside "2020"), or -1."""
    found = re.search(rf"(?<![0-9.]){re.escape(figure)}(?![0-9])", text) if figure else None
    return found.start() if found else -1


def principal_indicator(target: TargetSpec) -> IndicatorSpec | None:
    """The indicator the target's title names, the one a one-bar overview shows.

    Among indicators with a target figure: the one whose name shares most characters with the
    title; then one whose target figure the target text states, the later stated first (the
    text names the scope, then what is to be completed: "抓好5个省重点项目建设,完成投资
    26.4亿元"); then the first listed. None when no indicator has a target figure.
    """
    targeted = targeted_indicators(target)
    if not targeted:
        return None
    title = set(target.title)

    def rank(item: tuple[int, IndicatorSpec]) -> tuple[int, bool, int, int]:
        index, ind = item
        stated = _stated_at(target.target_text, ind.target)
        return (len(title & set(ind.name)), stated >= 0, stated, -index)

    return max(enumerate(targeted), key=rank)[1]


def paces(target: TargetSpec, today: dt.date) -> list[Pace]:
    """序时进度 of each indicator it applies to (bot.domain.pace), on figures dated by `today`.

    The period runs from the first day of the final deadline's year (today's year without
    one) to the final deadline (that year's end without one).
    """
    final = final_deadline(target)
    year = final.year if final is not None else today.year
    period_end = final if final is not None else year_end(year)
    found = target_paces(target, year, period_end, completion_ratio)
    return [p for p in found if p.as_of <= today]


def behind_pace(target: TargetSpec, today: dt.date) -> Pace | None:
    """The first indicator behind its 序时进度 by more than the target's rules tolerate."""
    tolerance = target.rules.pace_tolerance
    return next((p for p in paces(target, today) if behind(p, tolerance)), None)


def status_note(target: TargetSpec, today: dt.date) -> str:
    """Why a computed status is not 已完成 although nothing misses its target, or "".

    "部分指标暂无数据：单位GDP能耗下降、全社会能源消费总量增长" when figures are missing;
    "完成投资低于序时进度（应达50%，实际33%）" when a figure is behind the calendar.
    """
    if override_in_force(target):
        return ""
    if compute_status(target, today) == "滞后" and (lag := behind_pace(target, today)):
        return lag.reason
    missing = missing_figures(target)
    if not missing or compute_status(target, today) in DONE_STATUSES:
        return ""
    if any(indicator_met(i) is False for i in target.indicators):
        return ""
    names = "、".join(i.name for i in missing)
    return f"部分指标暂无数据：{names}"


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


def shown_day(day: dt.date, year: int) -> dt.date:
    """The day users are told the data stand at: the year's last day for the day after it."""
    return year_end(year) if day == year_end(year) + dt.timedelta(days=1) else day


def as_of_label(day: dt.date, year: int) -> str:
    """The date shown to users: "2020-12-31，2020年度已结束" for a closed year."""
    if year_closed(day, year):
        return f"{shown_day(day, year).isoformat()}，{year}年度已结束"
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
