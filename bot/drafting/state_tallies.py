"""Counts of an item's projects by how they stand ("达到序时进度的项目7个,未达到序时进度项目6个",
"进展缓慢项目4项"): a tally of the items' states, which the status reads, not an amount of
work done. Drafted as indicators they read as "达到序时进度: 7个", a figure without a target
that a leader would take for the work itself.
"""

from __future__ import annotations

import re

from bot.drafting.pairing import Pairing

# The name of a count closes on a state: on or off the time's pace, going well or slowly.
_STATE = re.compile(
    r"(?:(?:未|没有|尚未)?(?:达到?|超过?|快于|慢于|落后于?|低于|高于)序时(?:进度)?"
    r"|进展(?:缓慢|顺利|较好|较慢|偏慢|滞后|正常)|进度(?:缓慢|滞后|偏慢|较慢))"
    r"(?:的)?(?:项目|任务|事项|工程)?(?:有|为|共)?$"
)
_COUNTERS = frozenset({"个", "项", "件", "宗"})


def is_state_tally(pairing: Pairing) -> bool:
    """`pairing` counts the items in one state, with no target of its own."""
    ind = pairing.indicator
    return (
        not ind.target
        and bool(ind.actual)
        and (ind.actual_unit or ind.unit) in _COUNTERS
        and bool(_STATE.search(ind.name))
    )


def without_state_tallies(pairings: list[Pairing]) -> list[Pairing]:
    """`pairings` without the counts of items by state (`is_state_tally`)."""
    return [p for p in pairings if not is_state_tally(p)]
