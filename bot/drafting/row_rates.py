"""A table row's completion-rate cell kept beside the pair it restates ("一季度目标任务 32.2 |
一季度完成投资 37.1 | 完成一季度目标任务占比 115.2%").

Where the row's target already has its actual, the rate says the same again, so it answers
nothing; but it is a figure the report prints, and staff ask by it ("完成128%的是哪个"). It is
kept as an actual of its own, in %, without a target: it never decides a status. Pure.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.domain.ledger import IndicatorSpec
from bot.drafting.pairing import Pairing

_RATE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[%％]\s*$")


def rate_kept(found: list[Pairing], rate: str, row_name: str) -> list[Pairing]:
    """`found` and, when its one target is answered and the row has a rate cell of a bare
    percent, the rate as an indicator of its own ("开江县完成率" 66%)."""
    figure = _RATE.match(rate)
    targeted = [p for p in found if p.indicator.target]
    if figure is None or len(targeted) != 1 or not targeted[0].indicator.actual:
        return found
    if any(p.indicator.unit == "%" and not p.indicator.target for p in found):
        return found  # the row already holds a share of its own
    # The actual's unit written out: a row's measure ("单位:万人") is not the rate's.
    indicator = IndicatorSpec(
        name=f"{row_name}完成率", actual=figure.group(1), unit="%", actual_unit="%"
    )
    why = f"完成率{rate.strip()}，与同一行的目标和完成值相应"
    return [*found, replace(targeted[0], indicator=indicator, why=why)]
