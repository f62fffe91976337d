"""The same target in two years, and the line that compares them ("同比（2020年第12项…）")."""

from __future__ import annotations

from decimal import Decimal

from rapidfuzz import fuzz

from bot.domain.ledger import IndicatorSpec, LedgerSpec, TargetSpec
from bot.domain.status import DONE_STATUSES
from bot.domain.units import convert


def same_target(target: TargetSpec, ledger: LedgerSpec, *, cutoff: float = 60.0):
    """The target of `ledger` that is `target` in another year: the one target titled the
    same (a year's ledger restates a target in new words and figures under its title), else
    the best by title and by text or measures (rapidfuzz, 0–100), or None when none reaches
    `cutoff`. A measure is an indicator with a target and one of the other's in the same
    unit, scored by name: "新增各项贷款16亿元" is 2020's "加大信贷投放力度,…新增贷款完成14亿元"."""
    titled = [other for other in ledger.targets if other.title == target.title]
    if len(titled) == 1:
        return titled[0]
    best, best_score = None, cutoff
    for other in ledger.targets:
        words = max(fuzz.ratio(target.target_text, other.target_text), _measures(target, other))
        score = 0.4 * fuzz.ratio(target.title, other.title) + 0.6 * words
        if score >= best_score:
            best, best_score = other, score
    return best


def _same_measure(one: IndicatorSpec, other: IndicatorSpec) -> bool:
    return one.unit == other.unit or (
        bool(one.unit and other.unit) and convert(Decimal(1), one.unit, other.unit) is not None
    )


def _measures(target: TargetSpec, other: TargetSpec) -> float:
    """How alike the names of the two targets' closest measures are (0–100)."""
    return max(
        (
            fuzz.ratio(mine.name, theirs.name)
            for mine in target.indicators
            if mine.target
            for theirs in other.indicators
            if _same_measure(mine, theirs)
        ),
        default=0.0,
    )


def _counterpart(ind: IndicatorSpec, other: TargetSpec) -> IndicatorSpec | None:
    """`ind`'s indicator in the other year's target: the one named the same, else the closest
    name of the same measure ("新增各项贷款" for "新增贷款"), or None."""
    named = next((i for i in other.indicators if i.name == ind.name), None)
    if named is not None:
        return named
    scored = [(fuzz.ratio(ind.name, i.name), i) for i in other.indicators if _same_measure(ind, i)]
    score, best = max(scored, key=lambda pair: pair[0], default=(0.0, None))
    return best if score >= SAME_MEASURE_NAME else None


# How alike (rapidfuzz ratio) two names of one measure must be to be paired across years.
SAME_MEASURE_NAME = 60.0


def _indicator_line(year: int, found: IndicatorSpec) -> str:
    actual = f"{found.actual}{found.shown_actual_unit}" if found.actual else "暂无数据"
    goal = f"（目标{found.target}{found.unit}）" if found.target else ""
    return f"{year}年{actual}{goal}"


def _change(before: IndicatorSpec, after: IndicatorSpec) -> str:
    # Each in its target's unit (79891人 of a measure in 万人次 is 7.9891), then in one unit.
    old, new = before.actual_in_target_unit, after.actual_in_target_unit
    if old is None or new is None or old == 0:
        return ""
    if before.unit != after.unit:
        old = convert(old, before.unit, after.unit)
        if old is None or old == 0:
            return ""
    if after.unit == "%":  # a rate changes by points: 6.3% → 9.2% is 2.9 points, not 46%
        points = new - old
        return f"，{'提高' if points >= 0 else '下降'}{abs(points).normalize():f}个百分点"
    change = (new - old) / abs(old) * Decimal(100)
    return f"，{'增长' if change >= 0 else '下降'}{abs(change):.1f}%"


def comparison_line(
    earlier: LedgerSpec, later: LedgerSpec, target: TargetSpec | None, status_of
) -> str:
    """The year-over-year line: the target in both years, or the ledgers' completion counts."""
    if target is None:
        counts = []
        for ledger in (earlier, later):
            done = sum(status_of(ledger, t) in DONE_STATUSES for t in ledger.targets)
            counts.append(f"{ledger.year}年共{len(ledger.targets)}项，完成{done}项")
        return "同比：" + "；".join(counts) + "。"
    before = same_target(target, earlier)
    if before is None:
        return f"同比：{earlier.year}年台账中没有与“{target.title}”相同的目标。"
    lines = []
    for ind in target.indicators:
        then = _counterpart(ind, before)
        if then is not None:
            old, new = _indicator_line(earlier.year, then), _indicator_line(later.year, ind)
            lines.append(f"{ind.name}：{old}；{new}{_change(then, ind)}")
    if not lines:
        lines.append(
            f"{earlier.year}年第{before.number}项“{before.title}”{status_of(earlier, before)}；"
            f"{later.year}年{status_of(later, target)}"
        )
    return f"同比（{earlier.year}年第{before.number}项“{before.title}”）：" + "\n".join(lines)
