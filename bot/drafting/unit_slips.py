"""An actual written without the magnitude its target has ("目标8.65亿元,累计完成投资11.3元").

A report that sets 8.65亿元 and then writes 11.3元 done has most likely dropped the 亿 by a
slip: read as written, the work would be a billionth done. When the figure is of the target's
own order (a hundredth to a hundred times it, as a 亿 figure), the figure stays as written (the
draft never changes a figure) and the pairing goes to review, saying what was likely meant.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from bot.domain.ledger import IndicatorSpec, TargetSpec, parse_decimal
from bot.domain.status import compute_status, indicator_met, missing_figures
from bot.domain.units import MAGNITUDES
from bot.drafting.own_yardstick import restated_task_verdict
from bot.drafting.pairing import Pairing
from bot.drafting.words import Reading

_ORDER = Decimal(100)


def _slipped(target: Decimal, actual: Decimal) -> bool:
    return target > 0 and actual > 0 and target / _ORDER <= actual <= target * _ORDER


def _slip(ind: IndicatorSpec) -> str:
    """The bare unit `ind`'s actual is written in when that is likely a slip for its target's
    unit ("元" for "亿元", of the target's order), else ""."""
    magnitude = next((m for m in MAGNITUDES if ind.unit.startswith(m)), "")
    bare = ind.unit.removeprefix(magnitude) if magnitude else ""
    target, actual = parse_decimal(ind.target), parse_decimal(ind.actual)
    if bare and ind.actual_unit == bare and target is not None and actual is not None:
        return bare if _slipped(target, actual) else ""
    return ""


def status_as_meant(spec: TargetSpec, day: dt.date) -> Reading | None:
    """The status the figures give read as likely meant ("11.3元" as "11.3亿元"), when it is
    not the one they give as written; None when no actual is such a slip. The figures stay
    as written: the reason names the slip, for review."""
    slipped = [i for i in spec.indicators if _slip(i)]
    if not slipped:
        return None
    meant = replace(
        spec,
        indicators=tuple(replace(i, actual_unit="") if _slip(i) else i for i in spec.indicators),
    )
    status = compute_status(meant, day)
    missing = missing_figures(meant)
    if (
        status == "未完成"
        and missing
        and not any(indicator_met(i) is False for i in meant.indicators)
    ):
        # No figure misses: the year's end alone made it 未完成. A figure the report lacks is
        # 暂无数据 in a draft (status rule 1), not a failure.
        status = "暂无数据"
    own = restated_task_verdict(meant, spec.progress_text) if status == "暂无数据" else None
    status = own.value if own else status
    if status == compute_status(spec, day):
        return None
    i = slipped[0]
    why = f"按“{i.actual}{i.unit}”计（报告写“{i.actual}{i.actual_unit}”，疑漏写单位，待核）"
    if own:
        why += "；" + own.words
    elif status == "暂无数据":
        why += "；" + "、".join(m.name for m in missing) + "暂无数据"
    return Reading(status, why, 0.4)


def read_unit_slips(pairings: list[Pairing]) -> list[Pairing]:
    """`pairings` with each actual in the target's unit without its magnitude ("元" for
    "亿元") and of the target's order sent to review as a likely slip."""
    result = []
    for p in pairings:
        ind = p.indicator
        magnitude = next((m for m in MAGNITUDES if ind.unit.startswith(m)), "")
        bare = ind.unit.removeprefix(magnitude) if magnitude else ""
        target, actual = parse_decimal(ind.target), parse_decimal(ind.actual)
        if bare and ind.actual_unit == bare and target is not None and actual is not None:
            if _slipped(target, actual):
                why = (
                    f"报告写“{ind.actual}{bare}”，目标为“{ind.target}{ind.unit}”，"
                    f"疑为“{ind.actual}{ind.unit}”之误，请核对"
                )
                p = Pairing(ind, min(p.confidence, 0.4), why)
        result.append(p)
    return result
