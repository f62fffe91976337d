"""Figures with their units, as the matcher indexes and reads them ("70公里", "0.8万张"):
one token per value and kind of unit, so 8000张 and 0.8万张 meet."""

from __future__ import annotations

import functools
import re
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from bot.domain.units import MAGNITUDE_BASES, MAGNITUDES, split_unit
from bot.understanding.text import chinese_number

if TYPE_CHECKING:
    pass


NUMERAL = re.compile(
    r"(?<![a-z0-9.])(\d+(?:\.\d+)?)(?![a-z])"
    r"|([零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?)"
)

# Spoken, a measure word may stand before the magnitude: "五个亿" is 5亿, "三个万" 3万.
_SPOKEN_MAGNITUDE = re.compile(r"个([万亿])")
_DIGITS = {ch: str(i) for i, ch in enumerate("零一二三四五六七八九")} | {"〇": "0"}


# Measure words for things counted one by one: a question may count 3800 学位 in 个 where the
# ledger wrote 位, so any two of them agree.
NUMERAL_CHARS = frozenset("零〇一二两三四五六七八九十百千.")
# A character every match of NUMERAL holds one of: searched first, a class costs a fraction
# of NUMERAL's search, whose lookbehind is tried at every place of a question with none.
NUMERAL_GATE = re.compile(r"[\d零〇一二两三四五六七八九十百千]")


def has_numeral(q: str) -> bool:
    """Whether the question writes a number NUMERAL reads (the cheap class tried first)."""
    return NUMERAL_GATE.search(q) is not None and NUMERAL.search(q) is not None


_COUNTERS = frozenset("个家所座处块位只条项台辆间张套盏栋幢")


# Units any ledger may write beside the ones its indicators use (万 or 亿 may lead any).
COMMON_UNITS = (*MAGNITUDE_BASES, "%", "名", "米", "公顷", "张", *_COUNTERS)


@functools.lru_cache(maxsize=4096)
def _unit_kind(unit: str) -> tuple[Decimal, str]:
    """(scale, kind) of a unit: 万元 → (10^4, 元), 万张 → (10^4, 个); 所, 位 and 个 are one
    kind, things counted one by one."""
    unit = unit.strip()
    scale = Decimal(1)
    if unit[:1] in MAGNITUDES and unit[1:] not in MAGNITUDE_BASES:
        # Only for matching a figure: 0.8万张 is 8000张 (units.py never scales a count).
        scale, unit = MAGNITUDES[unit[:1]], unit[1:]
    more, base = split_unit(unit) if unit else (Decimal(1), "")
    return scale * more, "个" if base in _COUNTERS else base


@functools.lru_cache(maxsize=65536)
def figure_token(value: Decimal, kind: str = "") -> str:
    """The index token of a figure: "#70|千米" with its kind of unit, "#70" without."""
    number = format(value.normalize(), "f")
    return f"#{number}|{kind}" if kind else f"#{number}"


@functools.lru_cache(maxsize=65536)
def figure_key(value: str, unit: str) -> tuple[Decimal, str] | None:
    """A figure as (value in its base unit, kind of unit), so 0.8万人 and 8000人 agree."""
    try:
        number = Decimal(value.strip().replace(",", ""))
    except (InvalidOperation, ValueError):
        return None
    if not number.is_finite():
        return None
    scale, kind = _unit_kind(unit)
    return number * scale, kind


def unit_pattern(units) -> re.Pattern[str]:
    ordered = sorted((u for u in units if u), key=len, reverse=True)
    return re.compile(r"\s*([万亿]?(?:" + "|".join(map(re.escape, ordered)) + ")|[万亿])")


@functools.cache
def common_unit_pattern() -> re.Pattern[str]:
    return unit_pattern(COMMON_UNITS)


def figures_in(text: str, units: re.Pattern[str]) -> list[tuple[Decimal, str, tuple[int, int]]]:
    """Figures written in normalised text: (value in base unit, unit kind or "", span of
    figure and unit). A Chinese numeral counts only with a unit, and not 一 or 两 alone
    (一个, 两家 are mostly words); a number followed by 年, 月 or 号 is a date or a name."""
    found = []
    for m in NUMERAL.finditer(text):
        unit_match = units.match(text, m.end())
        unit = unit_match.group(1) if unit_match else ""
        end = unit_match.end() if unit_match else m.end()
        spoken = _SPOKEN_MAGNITUDE.match(text, m.end())
        if spoken:
            unit_match = units.match(text, spoken.start(1))
            unit = unit_match.group(1) if unit_match else spoken.group(1)
            end = unit_match.end() if unit_match else spoken.end()
        if not unit and text[m.end() : m.end() + 1] in ("年", "月", "日", "号"):
            continue
        if m.group(2):
            if not unit or (m.group(2) in ("一", "二", "两") and not spoken):
                continue
            raw = _chinese_decimal(m.group(2))
            if raw is None:
                continue
        else:
            raw = m.group(1)
        key = figure_key(raw, unit)
        if key is not None:
            found.append((key[0], key[1], (m.start(), end)))
    return found


def _chinese_decimal(text: str) -> str | None:
    """A Chinese numeral as digits, a spoken decimal too ("五点三" → "5.3"); None if not one."""
    whole, _, fraction = text.partition("点")
    number = chinese_number(whole)
    if number is None:
        return None
    return f"{number}.{''.join(_DIGITS[ch] for ch in fraction)}" if fraction else str(number)


_BARE_CELL = re.compile(r"(?<![a-z0-9.第])(\d+(?:\.\d+)?)(?![a-z0-9.%])")


def written_token(number: str) -> str:
    """The index token of a number as written, unit aside: "#=5.3" (5.30 and 5.3 agree)."""
    try:
        value = Decimal(number)
    except InvalidOperation:
        return "#=" + number
    return "#=" + format(value.normalize(), "f")


def bare_cells(text: str, units: re.Pattern[str]) -> set[str]:
    """`written_token`s of the numbers a text writes with no unit after them: a table row's
    cells, whose unit the table's head says once ("单位:亿元 … 开江县 | 22.3 | 5.3")."""
    found = set()
    for m in _BARE_CELL.finditer(text):
        after = text[m.end() : m.end() + 1]
        if after in ("年", "月", "日", "号", "-", "—", "~") or units.match(text, m.end()):
            continue
        found.add(written_token(m.group(1)))
    return found


def as_written(text: str, span: tuple[int, int]) -> str | None:
    """The `written_token` of the figure a `figures_in` span starts with, its unit aside."""
    m = NUMERAL.match(text, span[0])
    if m is None:
        return None
    raw = m.group(1) or _chinese_decimal(m.group(2))
    return written_token(raw) if raw else None


def question_figures(index, q: str, weights: dict[int, float], typical: float):
    """The figure tokens of the figures `q` writes that some target of `index` holds, with
    where each is written; their digits weigh two typical characters in `weights`.

    A figure some target holds is as informative as a two-character word: the target
    holding it explains that part of the question, the others do not."""
    figures: dict[str, tuple[int, int]] = {}
    postings = index.postings
    for value, kind, span in index.figures_in(q):
        token = figure_token(value, kind)
        if token not in postings:
            # Held by no target with its unit: maybe a table cell, written bare.
            token = as_written(q, span) or token
        if token not in postings or token in figures:
            continue
        figures[token] = span
        digits = [i for i in range(*span) if q[i].isdigit() or q[i] in NUMERAL_CHARS]
        weights.update(dict.fromkeys(digits, 2 * typical / max(len(digits), 1)))
    for m in _ABOUT.finditer(q) if "多" in q else ():
        for token in _held_about(postings, m):
            figures.setdefault(token, m.span())
    return figures


# A sum said roughly: "19个多亿", "十多万元" (more than 19亿, under 20亿; 10万 to 20万).
_ABOUT = re.compile(r"(\d+|[一二三四五六七八九十百]+)个?多([万亿])元?")


def _held_about(postings, m: re.Match[str]) -> list[str]:
    """The amounts in 元 some target holds within the rough sum `m` says, if any."""
    number = int(m.group(1)) if m.group(1).isdigit() else chinese_number(m.group(1))
    if not number:
        return []
    step = 10 ** (len(str(number)) - len(str(number).rstrip("0")))  # 十多: by tens
    scale = MAGNITUDES[m.group(2)]
    low, high = number * scale, (number + step) * scale
    found = []
    for token in postings:
        if token.startswith("#") and token.endswith("|元"):
            try:
                value = Decimal(token[1:-2])
            except InvalidOperation:
                continue
            if low < value < high:
                found.append(token)
    return found
