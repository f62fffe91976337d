"""A result written beside the target it came under or over ("实现城镇登记失业率3.56%,低于3.7%的
控制目标", "增长8.2%,高于7.5%的预期目标"): the figure after 低于 or 高于 and before the word
目标 is the target, the figure just before it in the same unit the result.

低于 says the result lies under the target (a ceiling: `<=`), 高于 or 超过 over it (`>=`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.drafting.text_figures import extract_figures

# "，低于3.7%": the comparison opening its clause, its figure right after it.
_AGAINST = re.compile(r"[，,]\s*(低于|高于|超过)\s*(?=\d)")
# "3.7%的控制目标", "7.5%的预期目标", "6%的年度目标": the figure is the target itself.
_TARGET_AFTER = re.compile(r"^\s*的?[\u4e00-\u9fff]{0,4}?(?:目标|指标)")


def _holds(pairing, value: str, unit: str) -> bool:
    """The pairing's only figure is `value` in `unit`, as a target or as a result."""
    ind = pairing.indicator
    figures = [f for f in (ind.target, ind.actual) if f]
    return figures == [value] and (ind.actual_unit or ind.unit) == unit


def targets_beside_results(pairings: list, text: str) -> list:
    """`pairings` with each result paired with the target it is said to be under or over,
    the target's own figure dropped; as they are when the text says no such thing."""
    for m in _AGAINST.finditer(text):
        rest = re.split(r"[，,。；;\n]", text[m.end() :], maxsplit=1)[0]
        after = extract_figures(rest)
        if not after or after[0].start != 0 or not after[0].unit:
            continue
        target = after[0]
        if not _TARGET_AFTER.match(rest[target.end :]):
            continue
        clause = re.split(r"[，,。；;\n]", text[: m.start()])[-1]
        before = [f for f in extract_figures(clause) if f.unit == target.unit]
        if not before:
            continue
        result = before[-1]
        done = [p for p in pairings if _holds(p, result.value, target.unit)]
        told = [p for p in pairings if _holds(p, target.value, target.unit)]
        if len(done) != 1 or len(told) > 1 or done == told:
            continue
        comparator = "<=" if m.group(1) == "低于" else ">="
        paired = replace(
            done[0].indicator,
            target=target.value,
            actual=result.value,
            unit=target.unit,
            actual_unit="",
            comparator=comparator,
        )
        why = f"“{result.value}{target.unit}”{m.group(1)}目标“{target.value}{target.unit}”"
        pairings = [
            replace(p, indicator=paired, why=why) if p is done[0] else p
            for p in pairings
            if p not in told
        ]
    return pairings
