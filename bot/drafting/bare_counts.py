"""Counts that name no measure ("指标12个", "涉及指标12个"): how many figures an item has,
not a figure of its work, so no indicator of the draft (which would be titled 指标); nor is
the count of a remark pointing back over items ("上述6项实事均超额完成…")."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.drafting.numbered_notices import ITEM_COUNTERS
from bot.drafting.pairing import Pairing

# Nothing but the word for "a figure", with a word of counting or listing before it.
_NO_MEASURE = re.compile(
    r"^(?:涉及|包括|包含|含|共|共计|计|合计|总计|其中|各项|主要)?(?:指标|指标数)\d*$"
)


# A name that only points back ("上述", "以上"): the count after it is of the items above.
_POINTER = re.compile(r"^\s*(?:上述|以上|前述|这)\s*$")
_COUNTERS = frozenset(ITEM_COUNTERS.split("|"))


def names_no_measure(name: str) -> bool:
    """The figure's name says only that it counts figures (or nothing: the drafter's 指标)."""
    return bool(_NO_MEASURE.match(name.strip()))


def without_bare_counts(pairings: list[Pairing], text: str) -> list[Pairing]:
    """The pairings without target figures that `text` writes after the word 指标 alone
    ("涉及指标12个") and that answer nothing, while the item has other figures."""

    def bare(p: Pairing) -> bool:
        ind = p.indicator
        if _POINTER.match(ind.name) and ind.unit in _COUNTERS and not (ind.target and ind.actual):
            return True  # "上述6项": how many items a remark speaks of
        if ind.actual or not ind.target or not names_no_measure(ind.name):
            return False
        figure = rf"指标数?\s*{re.escape(ind.target)}\s*{re.escape(ind.unit)}"
        return re.search(figure, text) is not None

    kept = [p for p in pairings if not bare(p)]
    return kept if kept else pairings


# The measure word of an age left at a name's front when its number was read as a figure
# ("为65岁以上老年人…" → "岁以上老年人…"): the age goes whole, its number already gone.
_CUT_AGE = re.compile(r"^周?岁(?:及|或)?(?:以上|以下|以内|之间)?的?(?=[\u4e00-\u9fff]{2})")


def without_cut_ages(pairings: list[Pairing]) -> list[Pairing]:
    """The pairings with no name opening on an age's measure word cut from its number."""
    return [
        replace(p, indicator=replace(p.indicator, name=_CUT_AGE.sub("", p.indicator.name)))
        if _CUT_AGE.match(p.indicator.name)
        else p
        for p in pairings
    ]
