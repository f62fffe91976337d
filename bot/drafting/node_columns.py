"""A table's target for a part of the year (a node: "一季度目标任务", "上半年目标", "1-6月计划")
beside the amount done in that part.

A table of key projects by area may set, beside the year's plan, the target of the quarter it
reports on. When the report's day has reached the end of that period, the node is due: a row
short of it is behind (滞后), however little of the year's plan that is; a row that meets it
only keeps pace, the year's plan still ahead. Pure functions over a row's cells and the
header's labels (bot.drafting.draft calls `missed_node`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from bot.drafting.columns import is_bare_figure, is_share_column, label_kind, split_cells
from bot.drafting.words import Reading

# The period a label names and the month it ends in.
_PERIODS = (
    (re.compile(r"(?:第)?[一1]季度"), 3),
    (re.compile(r"(?:第)?[二2]季度|上半年|半年"), 6),
    (re.compile(r"前三季度|(?:第)?[三3]季度"), 9),
    (re.compile(r"(?:1|一)\s*[-—至~]\s*(\d{1,2})月"), 0),
)


def period_end(label: str, year: int) -> dt.date | None:
    """The last day of the part of `year` a column's label names ("一季度目标任务" → 31 March),
    or None when it names none (the year's plan)."""
    for pattern, month in _PERIODS:
        found = pattern.search(label)
        if found is None:
            continue
        month = month or int(found.group(1))
        if 1 <= month < 12:
            return dt.date(year, month, calendar.monthrange(year, month)[1])
    return None


def _figure(cell: str) -> float | None:
    cell = cell.strip()
    return float(cell.replace(",", "")) if is_bare_figure(cell) else None


def missed_node(row_text: str, header: tuple[str, ...], day: dt.date) -> Reading | None:
    """滞后, quoting the row's cells from the amount done on, when the row's target for a part
    of the year that has ended by `day` is above the amount done in that part; else None."""
    cells = split_cells(row_text)
    if not header or len(cells) != len(header):
        return None
    for k, label in enumerate(header):
        end = period_end(label, day.year)
        if end is None or end > day or label_kind(label) != "target":
            continue
        done = [
            j
            for j, other in enumerate(header)
            if j != k
            and label_kind(other) == "actual"
            and not is_share_column(other)
            and period_end(other, day.year) == end
        ]
        if len(done) != 1:
            continue
        target, actual = _figure(cells[k]), _figure(cells[done[0]])
        if target is not None and actual is not None and actual < target:
            return Reading("滞后", " | ".join(cells[done[0] :]), 0.7)
    return None
