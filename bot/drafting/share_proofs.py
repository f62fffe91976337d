"""Which plan an actual answers, proved by the share of the plan printed beside it.

"计划总投资624.4亿元,年内计划投资246.5亿元。…累计完成投资153.7亿元,完成年度计划的62.4%": the
share says the result is over the year's plan (153.7 / 246.5), not over the projects' total
cost; `reseated_by_shares` moves the actual there. "年度计划投资496.37亿元" in a report's lead,
and an item "完成投资585.57亿元,完成年度计划的118.0%": the lead's plan is the item's target
(`lead_plans_answered`). Without a share that fits to half a point, nothing moves.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from bot.domain.ledger import parse_decimal
from bot.domain.units import convert, same_measure
from bot.drafting.mentions import mentions
from bot.drafting.pairing import Pairing

# A share of the year's plan ("完成年度计划的62.4%", "为年度计划的105.4%", "占年度计划的88%").
_SHARE = re.compile(
    r"(?:占|完成|为)[^，,。；;\d%]{0,8}?(?:计划|目标)[^，,。；;\d%]{0,4}?的\s*(\d+(?:\.\d+)?)\s*%"
)
# A plan figure of the lead ("年度计划投资496.37亿元"), not a total cost of several years.
_LEAD_PLAN = re.compile(r"(?:年度|全年|本年|年内)(?:投资)?计划(?:投资|完成投资)?(?:为|是)?\s*$")
_HALF_POINT = Decimal("0.5")


def _shares(text: str) -> list[Decimal]:
    found = (parse_decimal(m.group(1)) for m in _SHARE.finditer(text))
    return [s for s in found if s is not None]


def _fits(actual: str, actual_unit: str, plan: str, unit: str, shares) -> bool:
    """`actual` over `plan` is one of `shares` (percent, to half a point)."""
    done, whole = parse_decimal(actual), parse_decimal(plan)
    if done is None or whole is None or whole <= 0 or not same_measure(actual_unit, unit):
        return False
    done = convert(done, actual_unit, unit)
    return done is not None and any(abs(done / whole * 100 - s) <= _HALF_POINT for s in shares)


def reseated_by_shares(pairings: list[Pairing], text: str) -> list[Pairing]:
    """`pairings` with an actual moved from a target the text's share does not fit to one
    with no actual it does fit, in the same measure."""
    shares = _shares(text)
    if not shares:
        return pairings
    result = list(pairings)
    for k, p in enumerate(result):
        ind = p.indicator
        if not (ind.target and ind.actual):
            continue
        unit = ind.actual_unit or ind.unit
        if _fits(ind.actual, unit, ind.target, ind.unit, shares):
            continue
        for j, q in enumerate(result):
            other = q.indicator
            # A target holding only the share as its actual ("253.9亿元" ← "84.0%") is open.
            held = other.actual and not (other.actual_unit == "%" and other.unit != "%")
            if (
                held
                or not other.target
                or not _fits(ind.actual, unit, other.target, other.unit, shares)
            ):
                continue
            why = f"“{ind.actual}”占计划“{other.target}{other.unit}”的比例与报告所写相符"
            moved = replace(
                other, actual=ind.actual, actual_unit="" if unit == other.unit else unit
            )
            result[j] = Pairing(moved, 0.6, why)
            result[k] = replace(p, indicator=replace(ind, actual="", actual_unit=""))
            break
    return result


def lead_plans_answered(pairings: list[Pairing], text: str, lead: str) -> list[Pairing]:
    """`pairings` with an actual that has no target taking a plan figure of the report's
    `lead` when the share the item's `text` prints is that actual over it."""
    shares = _shares(text)
    if not shares or not lead:
        return pairings
    plans = [m for m in mentions(lead) if m.unit != "%" and _LEAD_PLAN.search(m.context)]
    result = list(pairings)
    for k, p in enumerate(result):
        ind = p.indicator
        if ind.target or not ind.actual:
            continue
        unit = ind.actual_unit or ind.unit
        plan = next((m for m in plans if _fits(ind.actual, unit, m.value, m.unit, shares)), None)
        if plan is None:
            continue
        why = f"报告开头的计划“{plan.value}{plan.unit}”，“{ind.actual}”占其的比例与报告所写相符"
        shown = "" if unit == plan.unit else unit
        filled = replace(ind, target=plan.value, unit=plan.unit, actual_unit=shown)
        result[k] = Pairing(filled, 0.6, why)
    return result


_CLAUSE_BEFORE = re.compile(r"([^，,。；;\n]+)[，,]\s*$")


def shares_of_other_amounts(pairings: list[Pairing], text: str) -> list[Pairing]:
    """`pairings` without a share taken as the actual of a target in another measure when the
    clause before the share gives an amount done in a third ("计划续建项目107个,完成投资375.75
    亿元,完成年度计划的119.1%": the share is the investment's, the count's result is unwritten)."""
    result = list(pairings)
    for k, p in enumerate(result):
        ind = p.indicator
        if ind.actual_unit != "%" or ind.unit in ("%", "") or not ind.target:
            continue
        share = next((m for m in _SHARE.finditer(text) if m.group(1) == ind.actual), None)
        before = _CLAUSE_BEFORE.search(text[: share.start()]) if share else None
        if before is None:
            continue
        amounts = [m for m in mentions(before.group(1)) if m.unit not in ("%", ind.unit)]
        if any(not same_measure(m.unit, ind.unit) for m in amounts):
            result[k] = replace(p, indicator=replace(ind, actual="", actual_unit=""))
    return result
