"""What "差多少" is answered with: what is still short of a target, before what is met.

A leader asking how far a target is from done wants the shortfall. So the line leads with the
indicators not met (and by how much), then the ones with no result yet, then a gap the report
states itself (an indicator named 缺口: "代保后耕地保有量缺口 3.88万亩"), and only then the met
ones. When every figure is met but the target is not done (judged on what the figures leave
out), the line says so rather than "已达标" alone above a 未完成 card.
"""

from __future__ import annotations

import datetime as dt
import re

from bot.domain.ledger import IndicatorSpec, TargetSpec
from bot.domain.status import compute_status, measured

DONE = frozenset({"已完成", "超额完成"})
# An indicator whose name says it is itself a shortfall the report states.
STATED_GAP = re.compile(r"缺口|差距|缺额|尚缺|尚差|还差|未完成")


def stated_gaps(target: TargetSpec) -> list[IndicatorSpec]:
    """The indicators that are a shortfall the report states (a figure, no target of its own)."""
    return [
        i for i in target.indicators if i.actual and not i.target and STATED_GAP.search(i.name)
    ]


def _figure(ind: IndicatorSpec) -> str:
    return f"{ind.actual}{ind.shown_actual_unit}"


def gap_line(target: TargetSpec, today: dt.date) -> str:
    """ "差距：…" for `target` on `today`: the unmet first, the met last."""
    short, met = [], []
    for ind in target.indicators:
        target_value, actual = measured(ind)
        if target_value is None or actual is None:
            continue
        if ind.comparator == "<=":
            bound = f"目标≤{ind.target}{ind.unit}"
            if actual <= target_value:
                met.append(f"{ind.name} {_figure(ind)}（{bound}）")
            else:
                short.append(f"{ind.name} {_figure(ind)}（{bound}，未达标）")
        elif actual >= target_value:
            met.append(f"{ind.name} {_figure(ind)}/{ind.target}{ind.unit}")
        else:
            gap = (target_value - actual).normalize()
            short.append(
                f"{ind.name}还差{gap:f}{ind.unit}（{_figure(ind)}/{ind.target}{ind.unit}）"
            )
    # a target figure with no result yet is a gap too: "已达标" alone would hide it
    missing = [
        f"{i.name}（目标{i.target}{i.unit}）"
        for i in target.indicators
        if i.target and not i.actual
    ]
    if missing:
        short.append("暂无完成数：" + "、".join(missing))
    short.extend(f"{i.name} {_figure(i)}" for i in stated_gaps(target))
    if not short and not met:
        return "差距：台账没有可比的目标值和完成值"
    if short:
        return "差距：" + "；".join([*short, *(["已达标：" + "、".join(met)] if met else [])])
    status = compute_status(target, today)
    if status in DONE:
        return f"差距：各项指标均已达标（{'、'.join(met)}）"
    # every figure met, yet not done: what is short is in words the figures leave out
    why = "，见认定依据" if target.status_override else ""
    return f"差距：有目标值的指标均已达标（{'、'.join(met)}），但本项{status}{why}"
