"""What a table report's lead paragraph says of its rows: the unit of a column its header
leaves out, read from the lead's figure for the column's total ("开工改造小区1500个" over a
"全省 | 1500" row), and the rows it names as behind ("湘西州、衡阳市…全省排名靠后")."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from bot.domain.ledger import parse_decimal
from bot.domain.status import compute_status
from bot.domain.units import MAGNITUDES, SHARE_OF_TARGET
from bot.drafting.columns import (
    is_bare_figure,
    is_measure_unit,
    is_share_column,
    is_total_row,
    label_kind,
    split_cells,
)
from bot.drafting.mentions import mentions
from bot.drafting.review import Guess
from bot.drafting.words import Reading, status_from_words

_UNIT_NAMED = re.compile(r"[(（][^()（）]{1,6}[)）]\s*$")


def _lead_units(lead: str) -> dict[Decimal, set[str]]:
    units: dict[Decimal, set[str]] = {}
    for m in mentions(lead):
        value = parse_decimal(m.value)
        if value is not None and m.unit not in MAGNITUDES and m.unit != SHARE_OF_TARGET:
            units.setdefault(value, set()).add(m.unit)
    return units


def header_with_lead_units(header: tuple[str, ...], lead: str, lines: list[str]):
    """`header` with the unit the lead gives each column whose header names none: the lead
    writes the column's total, as the table's total row has it, with its unit."""
    total = next((split_cells(ln) for ln in lines if is_total_row(ln)), None)
    if not header or total is None:
        return header
    columns = header[1:] if len(header) == len(total) + 1 else header
    if len(columns) != len(total):
        return header
    units = _lead_units(lead)
    named = list(columns)
    for k, (label, cell) in enumerate(zip(columns, total, strict=True)):
        value = parse_decimal(cell.strip()) if is_bare_figure(cell) else None
        found = units.get(value, set()) if value is not None else set()
        if len(found) == 1 and not _UNIT_NAMED.search(label):
            named[k] = f"{label}({found.pop()})"
    return (*header[: len(header) - len(columns)], *named)


# A table's note of its unit ("单位:亿元", "（单位：万元）", "…完成情况表 单位:亿元"), on a line of
# its own or closing the table's title.
_TABLE_UNIT = re.compile(
    r"(?:^|\s)[(（]?\s*(?:计量)?单位\s*[:：]\s*([^\s()（）:：,，。]{1,4})\s*[)）]?\s*$"
)


def header_with_table_unit(header: tuple[str, ...], preamble: str):
    """`header` with the unit the table's note names ("单位:亿元") on each column of figures,
    target or amount done, whose header names none; shares and names keep theirs."""
    notes = [_TABLE_UNIT.search(ln) for ln in preamble.split("\n")]
    units = [m.group(1) for m in notes if m and is_measure_unit(m.group(1))]
    if not header or len(units) != 1:
        return header
    return tuple(
        f"{label}({units[0]})"
        if label_kind(label) in ("target", "actual")
        and not is_share_column(label)
        and not _UNIT_NAMED.search(label)
        else label
        for label in header
    )


# The verdicts a lead gives the rows it names: lagging behind the others.
_BEHIND = ("滞后",)


def named_as_behind(lead: str, names: dict[int, str]) -> dict[int, Reading]:
    """The rows (by number) a sentence of the lead names, each by its whole name, in words
    saying they lag ("邵阳市…全省排名靠后"): that sentence is their status's reason."""
    found: dict[int, Reading] = {}
    for sentence in re.split(r"[。；;\n]", lead):
        said = status_from_words(sentence)
        if said is None or said.value not in _BEHIND:
            continue
        for number, name in names.items():
            if len(name) >= 2 and name in sentence:
                found[number] = Reading(said.value, sentence.strip(), 0.6)
    return found


def row_names(items) -> dict[int, str]:
    """Each table row's name, its first cell ("衡阳市 | 146 | 58" → "衡阳市"), by number."""
    names = {}
    for item in items:
        cells = split_cells(item.target_text)
        if len(cells) > 1 and not is_bare_figure(cells[0]):
            names[item.number] = cells[0]
    return names


def behind_as_named(spec, guesses: tuple, reading: Reading | None, day):
    """The target and its guesses with the lead's verdict of lagging, when its own figures
    say only that the work goes on: the office's ranking says how far ("排名靠后")."""
    if reading is None or compute_status(spec, day) != "推进中":
        return spec, guesses
    spec = replace(spec, status_override=reading.value, status_reason=reading.words)
    status = Guess("status", reading.value, reading.confidence, f"报告开头称“{reading.words}”")
    return spec, tuple(status if g.field == "status" else g for g in guesses)


# The rate a lead sets every row ("投资完成率达到50%及以上"): each row's own rate of that money
# or count is judged against it, not its whole plan.
_LEAD_RATE = re.compile(
    r"([\u4e00-\u9fff]{1,8}率)(?:达到|达|不低于)\s*(\d+(?:\.\d+)?)\s*[%％]\s*(?:及以上|以上)?"
)


def rate_floors(lead: str) -> list[tuple[str, Decimal]]:
    """The rates the lead sets as a floor ("投资完成率达到50%及以上" → ("投资完成率", 50)), with
    the words, in the order written."""
    found = []
    for m in _LEAD_RATE.finditer(lead):
        value = parse_decimal(m.group(2))
        if value is not None:
            found.append((m.group(0), value))
    return found


def _rate_of(pair, rate) -> bool:
    # "5952 | … | 87.17%" beside "6828": the rate is the pair's actual over its target.
    target, actual, share = (parse_decimal(x) for x in (pair.target, pair.actual, rate.actual))
    if (
        not target
        or actual is None
        or share is None
        or pair.unit != (pair.actual_unit or pair.unit)
    ):
        return False
    return abs(actual / target * 100 - share) <= Decimal("0.5")


def met_by_lead_rate(spec, guesses: tuple, floors: list[tuple[str, Decimal]], day):
    """The target and its guesses judged with the lead's rate floor standing for the plan of the
    pair the row's rate measures ("48 | 48 | 100.00% | 6828 | 5952 | 87.17%" under "投资完成率达到
    50%及以上"), when that says more than its figures as written: met, or beyond it."""
    if len(floors) != 1 or spec.status_override:
        return spec, guesses
    words, floor = floors[0]
    rates = [i for i in spec.indicators if i.unit == SHARE_OF_TARGET and i.actual and not i.target]
    pairs = [i for i in spec.indicators if i.comparable and i.unit != SHARE_OF_TARGET]
    measured = [(p, r) for r in rates for p in pairs if _rate_of(p, r)]
    if len(measured) != 1:
        return spec, guesses
    pair, rate = measured[0]
    meant = replace(
        spec,
        indicators=tuple(
            replace(i, target=str(floor), unit=SHARE_OF_TARGET, actual=rate.actual, actual_unit="")
            if i == pair
            else i
            for i in spec.indicators
            if i != rate
        ),
    )
    status = compute_status(meant, day)
    if status not in ("已完成", "超额完成") or status == compute_status(spec, day):
        return spec, guesses
    reason = f"按开头所定“{words}”计，{rate.name}{rate.actual}%"
    spec = replace(spec, status_override=status, status_reason=reason)
    guess = Guess("status", status, 0.5, reason)
    return spec, tuple(guess if g.field == "status" else g for g in guesses)
