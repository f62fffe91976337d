"""The same target in two years, and the line that compares them ("同比（2020年第12项…）")."""

from __future__ import annotations

from decimal import Decimal

from rapidfuzz import fuzz

from bot.domain.ledger import LedgerSpec, TargetSpec
from bot.domain.status import DONE_STATUSES


def same_target(target: TargetSpec, ledger: LedgerSpec, *, cutoff: float = 60.0):
    """The target of `ledger` that is `target` in another year: the one target titled the
    same (a year's ledger restates a target in new words and figures under its title), else
    the best by title and text (rapidfuzz, 0–100), or None when none reaches `cutoff`."""
    titled = [other for other in ledger.targets if other.title == target.title]
    if len(titled) == 1:
        return titled[0]
    best, best_score = None, cutoff
    for other in ledger.targets:
        score = 0.4 * fuzz.ratio(target.title, other.title) + 0.6 * fuzz.ratio(
            target.target_text, other.target_text
        )
        if score >= best_score:
            best, best_score = other, score
    return best


def _indicator_line(year: int, target: TargetSpec, name: str) -> str | None:
    found = next((i for i in target.indicators if i.name == name), None)
    if found is None:
        return None
    actual = f"{found.actual}{found.unit}" if found.actual else "暂无数据"
    goal = f"（目标{found.target}{found.unit}）" if found.target else ""
    return f"{year}年{actual}{goal}"


def _change(before: TargetSpec, after: TargetSpec, name: str) -> str:
    old = next((i.actual_value for i in before.indicators if i.name == name), None)
    new = next((i.actual_value for i in after.indicators if i.name == name), None)
    if old is None or new is None or old == 0:
        return ""
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
        old = _indicator_line(earlier.year, before, ind.name)
        if old is not None:
            new = _indicator_line(later.year, target, ind.name)
            lines.append(f"{ind.name}：{old}；{new}{_change(before, target, ind.name)}")
    if not lines:
        lines.append(
            f"{earlier.year}年第{before.number}项“{before.title}”{status_of(earlier, before)}；"
            f"{later.year}年{status_of(later, target)}"
        )
    return f"同比（{earlier.year}年第{before.number}项“{before.title}”）：" + "\n".join(lines)
