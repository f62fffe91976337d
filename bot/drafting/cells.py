"""A report item written as a table row: labelled cells, one a line ("目标任务:城镇新增就业2450人",
"累计完成:2712", "牵头单位:县人社局"), as a table is flattened under its header.

`read_cells` sorts the cells by their labels into the target's words and the progress words,
and keeps each target cell with the actual cells written after it (a row of the table), so
that a figure is paired with the target of its own row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A label is a short header before a colon at the start of a line ("1-9月完成:", "备注：").
_LABELLED = re.compile(r"^\s*([^\s:：,，。；;]{1,10})\s*[:：]\s*(.*)$")
# Header words: the actual columns name completion or progress; the target columns name a
# target, task, plan or content. The actual words are tried first ("目标完成情况" is progress).
_ACTUAL_LABEL = re.compile(r"完成|进度|进展|实际|累计|截至|截止|情况|成效|落实")
_TARGET_LABEL = re.compile(r"目标|任务|计划|内容|指标|要求|规模")
_UNIT_LABEL = re.compile(r"单位|部门")
# A cell with nothing in it: "—", "-", "/", "无".
_EMPTY_CELL = re.compile(r"^[\s—\-－/／无]*$")
_BARE_FIGURE = re.compile(r"^\s*-?\d[\d,]*(?:\.\d+)?\s*$")


@dataclass(frozen=True)
class Row:
    target: str  # the target cell's words
    actuals: tuple[str, ...]  # the actual cells written after it (empty cells dropped)


@dataclass(frozen=True)
class Cells:
    target_text: str  # the item's own line and its target cells
    progress_text: str  # every other line, as written
    rows: tuple[Row, ...]  # empty when the item has no labelled target cells


def label_kind(label: str) -> str:
    """ "actual", "target", "unit" or "other" for a cell's header word."""
    if _UNIT_LABEL.search(label):
        return "unit"
    if _ACTUAL_LABEL.search(label):
        return "actual"
    if _TARGET_LABEL.search(label):
        return "target"
    return "other"


def is_empty_cell(text: str) -> bool:
    return bool(_EMPTY_CELL.match(text))


def is_bare_figure(text: str) -> bool:
    """A cell holding a number without its unit ("2712"): the unit is its target's."""
    return bool(_BARE_FIGURE.match(text))


def read_cells(heading: str, body: str) -> Cells:
    """The item's target and progress words, and its rows when it has labelled target cells."""
    targets: list[str] = []
    progress: list[str] = []
    rows: list[tuple[str, list[str]]] = []
    for line in body.split("\n"):
        found = _LABELLED.match(line)
        kind = label_kind(found.group(1)) if found else "other"
        value = found.group(2).strip() if found else ""
        if kind == "target":
            targets.append(value)
            rows.append((value, []))
            continue
        progress.append(line)
        # Only a completion column answers the row's target; a progress column
        # ("累计进度:110.69%") is a share or words, read for the status.
        if kind == "actual" and rows and "进度" not in found.group(1):
            if not is_empty_cell(value):
                rows[-1][1].append(value)
    if not rows:
        return Cells(heading, body, ())
    target_text = "；".join(targets)
    if heading.strip():
        target_text = f"{heading.strip().rstrip('。；;，,：:')}：{target_text}"
    return Cells(
        target_text=target_text,
        progress_text="\n".join(progress),
        rows=tuple(Row(t, tuple(a)) for t, a in rows),
    )
