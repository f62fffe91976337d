"""A decline over a period as a signed growth rate ("同比下降24%" is growth -24%).

A figure with no target of its own, written as a fall against the same period of the last year,
is kept as the rate of change it is: the growth indicator's name and the figure with its sign,
so a list of growth rates reads one way ("同比增长 -24%" beside "同比增长 9.3%"). Pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.domain.ledger import IndicatorSpec
from bot.drafting.mentions import Mention

# A fall against last year ("同比下降", "比上年减少", "较去年同期回落") right before the figure.
_YEAR_ON_YEAR_FALL = re.compile(
    r"(?:同比|(?:比|较)(?:上年|去年)(?:同期)?)(?:下降|减少|回落|下滑)[^\d，,。；;]{0,2}$"
)
_FALL_WORD = re.compile(r"(下降|减少|回落|下滑)[^\d]{0,2}$")


def signed_decline(name: str, value: str, unit: str, context: str) -> tuple[str, str]:
    """(name, value) of a figure: a percent fall against last year becomes growth with a minus
    sign ("同比下降", "24" → "同比增长", "-24"); any other figure is returned as it is."""
    if unit != "%" or value.startswith("-") or not _YEAR_ON_YEAR_FALL.search(context):
        return name, value
    if not _FALL_WORD.search(name):  # the name lost its verb: no name to turn into growth
        return name, value
    return _FALL_WORD.sub("增长", name), f"-{value}"


def actual_indicator(name: str, m: Mention, fresh: Callable[[str], str]) -> IndicatorSpec:
    """The indicator of an actual without a target, named `fresh(name)`: a fall against last
    year as signed growth (`signed_decline`), the words as written in its remark."""
    name, value = signed_decline(name, m.value, m.unit, m.context)
    said = f"报告写作“{m.name}{m.value}{m.unit}”" if value != m.value else ""
    return IndicatorSpec(name=fresh(name), actual=value, unit=m.unit, remark=said)
