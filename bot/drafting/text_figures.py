"""Figures in a report's text, each with its unit as written ("24.43亿元", "2500余人次"),
skipping dates, ranges, list markers, ordinals and names: the one figure reader of drafting."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.domain.ledger import KNOWN_UNITS

# Units a magnitude may precede as written ("29.59万座", "3万套"), beside those the list
# names with theirs ("万元", "万亩"): counts and measures, not rates or per-head amounts.
_SCALED = tuple(
    f"{m}{u}"
    for m in ("万", "亿")
    for u in KNOWN_UNITS
    if u[0] not in "万亿%"
    and "/" not in u
    and u not in ("天", "小时", "倍", "位", "次")
    and (u == "个" or u[0] != "个")  # "学位5万个", not "万个村" nor "万个百分点"
)
# Villages are the unit only where the village word closes its clause ("全年任务为282个村,"):
# words after it make 村 part of what is counted ("625个村庄", "3个村卫生室") or of a subject
# ("6个村实现通气接污"), and 个 counts that.
# ("3万个体工商户": 个 opens 个体, so the magnitude stands alone.)
_CLOSING = {"个村": r"(?![\u4e00-\u9fff])", "万个": "(?![体人])", "亿个": "(?![体人])"}


def units_pattern(units) -> str:
    """A regex alternation of `units`, longest first, each as a figure's unit is read."""
    return "|".join(
        re.escape(u) + _CLOSING.get(u, "") for u in sorted(units, key=len, reverse=True)
    )


UNIT_PATTERN = units_pattern(set(KNOWN_UNITS + _SCALED + ("万", "亿")))
# "2500余人次", "30多场": an approximate figure keeps its unit (the figure is as written).
FIGURE_RE = re.compile(
    rf"(?<![\d.])(-?)(\d{{1,3}}(?:,\d{{3}})+|\d+)(\.\d+)?\s*"
    rf"(?:[余多](?=(?:{UNIT_PATTERN})))?({UNIT_PATTERN})?"
)


@dataclass(frozen=True)
class Figure:
    value: str  # thousands separators removed
    unit: str
    start: int
    end: int


# Words after a bare number that make it the number a road, line or route is known by.
_ROUTE_AFTER = re.compile(r"\s*(?:国道|省道|县道|乡道|号线|号公路|路公交|路车|专线|高速公路)")


def _is_not_a_figure(text: str, start: int, end: int, value: str) -> bool:
    # Dates (2020年, 9月28日, 1-11月), ranges (0—6岁), list markers "(1)", document numbers
    # 〔2019〕 and names such as 35千伏 or 1000千伏 carry no ledger figure.
    after, before = text[end : end + 1], text[start - 1 : start]
    if after in ("年", "月", "日", "号", "岁", "千") and "." not in value:
        return True
    if after in ("—", "-", "〕", "、") or before in ("〔", "—", "-"):
        return True
    if before.isascii() and before.isalpha():  # PM2.5, P2实验室: names, not figures
        return True
    if _ROUTE_AFTER.match(text, end):  # "329国道", "104省道", "8号线": a route's number
        return True
    return before in ("(", "（") and after in (")", "）")


# "每户", "每人" right before an amount in 元: the amount is per household or per head.
_PER_ONE = re.compile(r"每(户|人)\s*$")
_ORDINAL_BEFORE = re.compile(r"第(?:\d+[、,，和及])*$")


def extract_figures(text: str) -> list[Figure]:
    """Every figure in the text with its unit, skipping dates, ranges, markers and names."""
    figures = []
    for m in FIGURE_RE.finditer(text):
        sign = m.group(1) if m.start() == 0 or not text[m.start() - 1].isdigit() else ""
        value = sign + m.group(2).replace(",", "") + (m.group(3) or "")
        unit = m.group(4) or ""
        number_start = m.start(2)
        number_end = m.end(3) if m.group(3) else m.end(2)
        if not unit and _is_not_a_figure(text, number_start, number_end, value):
            continue
        if unit not in ("位", "名") and _ORDINAL_BEFORE.search(
            text[max(0, number_start - 12) : number_start]
        ):
            continue  # "第3所", "第17、18件": ordinals, not amounts ("第3位" is a rank)
        if unit == "个" and text[m.end() : m.end() + 1] == "月":
            continue  # "滞后了2个月": a duration
        per = _PER_ONE.search(text, 0, number_start)
        if unit == "元" and per:  # "按照每户800元标准": 800元/户, a rate, not an amount
            unit = f"元/{per.group(1)}"
        figures.append(Figure(value=value, unit=unit, start=m.start(), end=m.end()))
    return figures
