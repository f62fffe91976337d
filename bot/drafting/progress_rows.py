"""The progress text a leader reads of a table row flattened one labelled cell a line
("目标任务:城镇新增就业2450人" / "累计完成:2712" / "累计进度:110.69%", then the next
sub-row's): each sub-row's completion cells under the name of the sub-row they answer, since
"累计完成:6" alone says nothing of what six; and without the lead-unit cell, which the units
hold."""

from __future__ import annotations

import re

from bot.drafting.columns import label_kind

_LABELLED = re.compile(r"^\s*([^\s:：,，。；;]{1,10})\s*[:：]\s*(.*)$")
# "牵头单位:县人社局", "责任部门：…": who does the work, not how far it has got.
_LEAD_CELL = re.compile(r"^\s*(?:牵头|责任|主办|承办|配合|协办)(?:单位|部门)\s*[:：]")
# A sub-row's name: its target cell up to its first figure or bracket ("最低生活保障 农村标准").
_NAME_END = re.compile(r"[\d（(]|按")


def _row_name(cell: str) -> str:
    name = _NAME_END.split(cell, maxsplit=1)[0].strip(" ，,：:；;")
    return name if len(re.findall(r"[\u4e00-\u9fff]", name)) >= 2 else ""


def progress_by_row(body: str, progress: str) -> str:
    """The progress text of an item whose `body` (the lines under its heading) is a row
    flattened one labelled cell a line: `progress` (its progress cells, as `read_cells` keeps
    them) without the lead-unit cell, or, when the body holds two target cells or more, each
    run of its progress lines under the name of the target cell written last before it.
    Any other `progress` (a table with bars, prose) is returned as it is."""
    lines = [ln for ln in body.split("\n") if ln.strip()]
    labels = [_LABELLED.match(ln) for ln in lines]
    targets = [m for m in labels if m and label_kind(m.group(1)) == "target"]
    if not targets or any("|" in ln or "｜" in ln for ln in lines):
        return progress
    # Sub-rows named on lines of their own ("提高农村低保标准" over "工作目标:不低于…") are named.
    if len(targets) < 2 or not all(labels):
        kept = [ln for ln in progress.split("\n") if not _LEAD_CELL.match(ln)]
        return "\n".join(kept) if any(ln.strip() for ln in kept) else progress
    shown: list[str] = []
    name = ""
    for line, found in zip(lines, labels, strict=True):
        if _LEAD_CELL.match(line) or (found and label_kind(found.group(1)) in ("plan", "due")):
            continue  # the units, the plan and the due date are drafted on their own
        if found and label_kind(found.group(1)) == "target":
            name = _row_name(found.group(2))
            continue
        if name:
            shown.append(f"{name}：")
            name = ""
        shown.append(line)
    return "\n".join(shown)
