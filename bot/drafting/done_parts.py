"""Counts done in parts that make up the target ("涉及项目学校13所" / "3所学校周转房已交付使用,
10所已竣工"): together they answer it.

A progress text may tell the work done in pieces, each in the target's unit with its own done
word; when the pieces add up exactly to the target, the target is answered by their sum (the
pieces stay, as written). A piece not yet done ("2所正在建设") or a sum that misses the target
says nothing of the kind. Pure.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from bot.domain.ledger import parse_decimal
from bot.drafting.mentions import clause_at, mentions
from bot.drafting.pairing import Pairing

# Done words for a piece of the works: built, finished, handed over.
_DONE = re.compile(r"已(?:经)?(?:交付|竣工|完工|建成|投用|投入使用|完成)")


def _done_pieces(progress: str, unit: str) -> list[Decimal] | None:
    """The counts in `unit` in `progress`, when there are two or more and each one's clause
    says it is done; None otherwise."""
    found = [m for m in mentions(progress) if m.unit == unit]
    if len(found) < 2 or not all(_DONE.search(clause_at(progress, m.start)) for m in found):
        return None
    values = [parse_decimal(m.value) for m in found]
    return None if any(v is None for v in values) else values


def summed_parts(pairings: list[Pairing], progress: str) -> list[Pairing]:
    """`pairings` with the one target whose unit the done pieces of `progress` are counted in
    answered by their sum, when it equals the target exactly."""
    result = list(pairings)
    for k, p in enumerate(pairings):
        ind = p.indicator
        target = parse_decimal(ind.target)
        if target is None or (ind.actual_unit and ind.actual_unit != ind.unit):
            continue
        pieces = _done_pieces(progress, ind.unit)
        if not pieces or sum(pieces) != target or ind.actual == ind.target:
            continue
        if sum(1 for q in pairings if q.indicator.unit == ind.unit and q.indicator.target) != 1:
            continue  # which target the pieces answer is not plain
        written = "＋".join(f"{v}{ind.unit}" for v in pieces)
        why = f"“{ind.name}{ind.target}{ind.unit}”由各部分已完成数合计：{written}"
        summed = replace(ind, actual=ind.target, actual_unit="", remark=f"完成数为{written}之和")
        result[k] = Pairing(summed, 0.5, why)
    return result
