"""序时进度: is a figure where the calendar says it should be by its as-of date (pure rules).

An indicator is judged against the calendar only when it is a quantity that accumulates over
its period: a target figure to reach at least (comparator >=, not a percentage or a rate),
an actual figure, and as-of words that name a day ("1-6月" is the end of June, "截至10月31日",
"前三季度", "11月25日"). Its period runs from the ledger year's first day to the target's
final deadline (the year's end when it has none). The expected share is the part of that
period that has passed at the as-of day, counted in days.

The indicator is *behind* when its share of the target is below the expected share by more
than the tolerance (`[status] pace_tolerance`, 5 points by default): the target is then 滞后,
"低于序时进度（应达50%，实际33%）". An at-most (<=) indicator, a level or a rate is never
judged this way; nor is a figure whose as-of day is unknown ("目前"), in another year, or at
or after the period's end (the deadline rules decide then).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from bot.domain.ledger import IndicatorSpec, TargetSpec
from bot.domain.status_rules import DEFAULT_PACE_TOLERANCE

_HUNDRED = Decimal(100)
# Units that are levels or rates, not quantities that add up over the year.
_NOT_CUMULATIVE_UNITS = ("%", "‰", "个百分点", "名", "位", "天/年")
_DASH = r"[-—–~～至到]"
_QUARTER_END = {1: 3, 2: 6, 3: 9, 4: 12}
_CN_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@dataclass(frozen=True)
class Pace:
    indicator: str
    expected: Decimal  # percent of the target the calendar asks for by `as_of`
    actual: Decimal  # percent of the target reached
    as_of: dt.date

    @property
    def line(self) -> str:
        """ "序时进度 50%，实际 33%", as replies show it."""
        return f"序时进度 {self.expected:.0f}%，实际 {self.actual:.0f}%"

    @property
    def reason(self) -> str:
        return f"{self.indicator}低于序时进度（应达{self.expected:.0f}%，实际{self.actual:.0f}%）"


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


# Every character cn2an's `transform` reads as a number or part of one (its numerals and
# units, 廿 and 半): text with none of them comes back unchanged, so cn2an (a tenth of a
# second to import) is loaded only for text that has one.
NUMERAL_CHARACTERS = frozenset(
    "零〇一壹幺二贰貳两兩三叁參四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億廿半"
)


def _digits(text: str) -> str:
    if NUMERAL_CHARACTERS.isdisjoint(text):
        return text
    import cn2an

    try:  # "一至六月" → "1至6月"; cn2an leaves text it cannot read as it is
        return str(cn2an.transform(text, "cn2an"))
    except (ValueError, KeyError, IndexError, TypeError):
        return text


def as_of_day(words: str, year: int) -> dt.date | None:
    """The day as-of words name within `year`, or None when they name no day of it."""
    text = _digits(words.replace(" ", ""))
    other_year = re.search(r"((?:19|20)\d{2})年", text)
    if other_year and int(other_year.group(1)) != year:
        return None
    try:
        if m := re.search(rf"(\d{{1,2}})月{_DASH}?(\d{{1,2}})日", text):
            return dt.date(year, int(m.group(1)), int(m.group(2)))
        if m := re.search(rf"\d{{1,2}}(?:月份?)?{_DASH}(\d{{1,2}})月", text):
            return _month_end(year, int(m.group(1)))
        if m := re.search(r"(\d{1,2})月(?:底|末|份)", text):
            return _month_end(year, int(m.group(1)))
        if m := re.search(r"截[至止]\D{0,2}(\d{1,2})月", text):
            return _month_end(year, int(m.group(1)))
        if m := re.search(rf"(?:前|第|1{_DASH})?([一二三四1234])季度", text):
            return _month_end(year, _QUARTER_END[_CN_QUARTER[m.group(1)]])
    except ValueError:  # "2月30日": no such day
        return None
    if "上半年" in text:
        return dt.date(year, 6, 30)
    if re.search(r"全年|本年度|(?:19|20)\d{2}年度?$", text):
        return dt.date(year, 12, 31)
    return None


def expected_share(as_of: dt.date, start: dt.date, end: dt.date) -> Decimal:
    """Percent of the period [start, end] that has passed by the end of `as_of`."""
    total = (end - start).days + 1
    passed = min(max((as_of - start).days + 1, 0), total)
    return Decimal(passed) * _HUNDRED / Decimal(total)


def _cumulative(ind: IndicatorSpec) -> bool:
    unit = ind.unit.strip()
    return ind.comparator == ">=" and not any(unit.endswith(u) for u in _NOT_CUMULATIVE_UNITS)


def indicator_pace(
    ind: IndicatorSpec, *, year: int, period_end: dt.date, completion: Decimal | None
) -> Pace | None:
    """The indicator's pace at its as-of day, or None when pace does not apply to it.

    `completion` is the actual as a percent of the target, computed by the caller (which
    knows how to convert between the target's and the actual's units).
    """
    if completion is None or not _cumulative(ind):
        return None
    day = as_of_day(ind.as_of, year)
    start = dt.date(year, 1, 1)
    if day is None or day < start or day >= period_end:
        return None
    return Pace(ind.name, expected_share(day, start, period_end), completion, day)


def behind(pace: Pace | None, tolerance: Decimal = DEFAULT_PACE_TOLERANCE) -> bool:
    """True when the figure is more than `tolerance` points below its expected share."""
    return pace is not None and pace.actual < pace.expected - tolerance


def target_paces(target: TargetSpec, year: int, period_end: dt.date, completion) -> list[Pace]:
    """Every indicator's pace where it applies; `completion(ind)` gives its percent done."""
    found = (
        indicator_pace(i, year=year, period_end=period_end, completion=completion(i))
        for i in target.indicators
    )
    return [p for p in found if p is not None]
