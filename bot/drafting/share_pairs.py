"""Shares the pairing leaves apart: a share target and the one coverage share left, and a
part's share done of a target another part's share answers.

Percentages never pair on their unit alone (too many figures are percentages). But when, after
pairing, an item has exactly one share target without a figure ("普惠授信农户占全部农户比例达到
65%") and exactly one share figure left over that names no measure of its own but coverage
("覆盖面82.83%", "覆盖率", "占比"), that figure is the target's; and "宫颈癌筛查完成100.33%" after
"乳腺癌筛查完成全年任务数的104.48%" is the second part's share of the same "两癌筛查0.8万人".
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.drafting.pairing import Pairing

# A share of a whole, named as what it covers or how much of the whole it is.
_SHARE_TARGET = re.compile(r"(?:比例|比重|占比|覆盖率|覆盖面|普及率)$")
_COVERAGE = re.compile(r"^(?:覆盖面|覆盖率|占比|比例|比重)$")


def pair_left_shares(pairings: list[Pairing]) -> list[Pairing]:
    """`pairings` with the one unpaired share target given the one coverage share left."""
    open_targets = [
        k
        for k, p in enumerate(pairings)
        if p.indicator.unit == "%"
        and p.indicator.target
        and not p.indicator.actual
        and _SHARE_TARGET.search(p.indicator.name)
    ]
    left = [
        k
        for k, p in enumerate(pairings)
        if p.indicator.unit == "%" and not p.indicator.target and p.indicator.actual
    ]
    coverage = [k for k in left if _COVERAGE.match(pairings[k].indicator.name)]
    if len(open_targets) != 1 or len(left) != 1 or len(coverage) != 1:
        return pairings
    (ti,), (ai,) = open_targets, coverage
    target, share = pairings[ti], pairings[ai].indicator
    why = f"“{target.indicator.name}”配“{share.name}{share.actual}%”（唯一剩余的占比）"
    paired = Pairing(replace(target.indicator, actual=share.actual), 0.5, why)
    return [paired if k == ti else p for k, p in enumerate(pairings) if k != ai]


def shares_of_one_target(pairings: list[Pairing], text: str) -> list[Pairing]:
    """`pairings` with a share done of a part ("宫颈癌筛查完成100.33%") paired with the target
    another part's share already answers ("乳腺癌筛查完成全年任务数的104.48%" of "两癌筛查0.8万
    人"): the same target, one share a part, when the part's name ends with the target's."""
    answered = [
        p.indicator
        for p in pairings
        if p.indicator.target and p.indicator.actual and p.indicator.actual_unit == "%"
    ]
    if len(answered) != 1:
        return pairings
    (whole,) = answered
    result = []
    for p in pairings:
        ind = p.indicator
        done_share = (
            re.search(rf"完成\s*{re.escape(ind.actual)}\s*%", text) if ind.actual else None
        )
        if (
            ind.unit == "%"
            and not ind.target
            and done_share
            and len(whole.name) >= 2
            and ind.name.endswith(whole.name)
            and ind.name != whole.name
        ):
            why = f"“{whole.name}{whole.target}{whole.unit}”也配“{ind.name}完成{ind.actual}%”"
            p = Pairing(replace(whole, name=ind.name, actual=ind.actual), 0.5, why)
        result.append(p)
    return result
