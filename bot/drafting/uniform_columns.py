"""A column of a table that reads the same bare figure on every row ("| 100 |" under "完成工作
进度(%)") while a row's own words say its work is still under way: the column tells nothing
of any row (a planned share, filled in for all), so it is read as no figure at all.

Pure functions over the parsed items; bot.drafting.draft calls `without_uniform_column`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.drafting.columns import is_bare_figure, split_cells
from bot.drafting.words import status_from_words

_BAR = re.compile(r"[|｜]")


def _last_figure(line: str) -> str:
    cells = split_cells(line) if _BAR.search(line) else []
    return cells[-1] if len(cells) >= 3 and is_bare_figure(cells[-1]) else ""


def without_uniform_column(items):
    """`items` with their last cell dropped when it is the same bare figure on every row (three
    rows or more) and some row's words say its work is under way or behind."""
    items = tuple(items)
    figures = {_last_figure(item.target_text) for item in items}
    if len(items) < 3 or len(figures) != 1 or not next(iter(figures)):
        return items
    figure = next(iter(figures))
    going = any(
        (said := status_from_words(" ".join(split_cells(item.target_text)[:-1]))) is not None
        and said.value in ("推进中", "滞后")
        for item in items
    )
    if not going:  # the figure may be each row's progress, all alike ("100" on a list all done)
        return items
    cell = re.compile(rf"[|｜]\s*{re.escape(figure)}\s*(?=[|｜]|$)")
    dropped = []
    for item in items:
        found = list(cell.finditer(item.target_text))
        text = item.target_text
        if found:
            text = f"{text[: found[-1].start()]}{text[found[-1].end() :]}"
        dropped.append(replace(item, target_text=text))
    return tuple(dropped)
