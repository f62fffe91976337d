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


NUMERAL = re.compile(r"(?<![a-z0-9.])(\d+(?:\.\d+)?)(?![a-z])|([零〇一二两三四五六七八九十百千]+)")


# Measure words for things counted one by one: a question may count 3800 学位 in 个 where the
# ledger wrote 位, so any two of them agree.
NUMERAL_CHARS = frozenset("零〇一二两三四五六七八九十百千.")


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
        if not unit and text[m.end() : m.end() + 1] in ("年", "月", "日", "号"):
            continue
        if m.group(2):
            if not unit or m.group(2) in ("一", "二", "两"):
                continue
            number = chinese_number(m.group(2))
            if number is None:
                continue
            raw = str(number)
        else:
            raw = m.group(1)
        key = figure_key(raw, unit)
        if key is not None:
            found.append((key[0], key[1], (m.start(), end)))
    return found
