"""A plan the progress states beside the target, proved the actual's base by its share.

"…年度计划投资58.4亿元。1-11月份完成投资93.1亿元,占年度投资计划的159.3%": the target's words set
one figure (26.4亿元), the progress another plan in the same measure, and the share printed after
the result is the result over that plan. The result then answers both: the plan is one more
target, paired with the same actual. Without a share that fits, a plan figure is left alone.
"""

from __future__ import annotations

import re
from decimal import Decimal

from bot.domain.ledger import IndicatorSpec, parse_decimal
from bot.domain.units import convert, same_measure
from bot.drafting.mentions import mentions
from bot.drafting.pairing import Pairing

# The words before a plan figure: "年度计划投资", "2020年计划投资", "全年目标".
_PLAN_BEFORE = re.compile(
    r"(?:年度|全年|本年|\d{4}年)(?:投资)?(?:计划|目标)(?:投资|完成投资|完成)?(?:为|是|[:：])?\s*$"
)
# A share of the plan or the year's target ("占年度投资计划的159.3%", "占年度目标的167.6%").
_SHARE_OF_PLAN = re.compile(
    r"占[^，,。；;\d%]{0,8}?(?:计划|目标)[^，,。；;\d%]{0,4}?的\s*(\d+(?:\.\d+)?)\s*%"
)
_HALF_POINT = Decimal("0.5")


def plans_answered_by_shares(pairings: list[Pairing], progress: str) -> list[Pairing]:
    """`pairings` and, for each plan figure of `progress` that no pairing holds as its target,
    a pairing of that plan with an actual a share of the plan in `progress` is (to half a
    point) the actual over."""
    shares = [parse_decimal(m.group(1)) for m in _SHARE_OF_PLAN.finditer(progress)]
    shares = [s for s in shares if s is not None]
    if not shares:
        return pairings
    held = {(p.indicator.target, p.indicator.unit) for p in pairings if p.indicator.target}
    names = {p.indicator.name for p in pairings}
    added: list[Pairing] = []
    for plan in mentions(progress):
        if plan.unit == "%" or not _PLAN_BEFORE.search(plan.context):
            continue
        if (plan.value, plan.unit) in held:
            continue
        found = _answering(pairings, plan.value, plan.unit, shares)
        if found is None:
            continue
        name = plan.name if plan.name and plan.name not in names else f"{found.name}（计划）"
        indicator = IndicatorSpec(
            name=name,
            target=plan.value,
            unit=plan.unit,
            comparator=">=",
            actual=found.actual,
            actual_unit=found.actual_unit,
        )
        why = f"进展写明计划“{plan.value}{plan.unit}”，“{found.actual}”占其的比例与报告所写相符"
        added.append(Pairing(indicator, 0.6, why))
        held.add((plan.value, plan.unit))
        names.add(name)
    return pairings + added


def _answering(pairings: list[Pairing], value: str, unit: str, shares: list[Decimal]):
    """The indicator whose actual, over the plan `value` `unit`, is one of `shares`."""
    plan = parse_decimal(value)
    if plan is None or plan <= 0:
        return None
    for p in pairings:
        ind = p.indicator
        actual_unit = ind.actual_unit or ind.unit
        actual = parse_decimal(ind.actual) if ind.actual else None
        if actual is None or not same_measure(actual_unit, unit):
            continue
        actual = convert(actual, actual_unit, unit)
        if actual is None:
            continue
        ratio = actual / plan * 100
        if any(abs(ratio - share) <= _HALF_POINT for share in shares):
            return ind
    return None
