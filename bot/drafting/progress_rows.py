"""The progress text a leader reads of a table row flattened one labelled cell a line
("目标任务:城镇新增就业2450人" / "累计完成:2712" / "累计进度:110.69%", then the next
sub-row's): each sub-row's completion cells under the name of the sub-row they answer, since
"累计完成:6" alone says nothing of what six; and without the lead-unit cell, which the units
hold."""

from __future__ import annotations

import re

from bot.domain.ledger import UnitSpec
from bot.drafting.columns import is_measure_unit, label_kind

_LABELLED = re.compile(r"^\s*([^\s:：,，。；;]{1,10})\s*[:：]\s*(.*)$")
# "牵头单位:县人社局", "责任部门：…": who does the work, not how far it has got.
_LEAD_CELL = re.compile(r"^\s*(?:牵头|责任|主办|承办|配合|协办)(?:单位|部门)\s*[:：]")
# A column of how the row stands ("状态", "完成状态", "是否完成"): the status, not progress.
_STATUS_COLUMN = re.compile(
    r"^\s*(?:完成|进展|目前|当前)?(?:状态|情况判定)\s*$|是否(?:完成|达标|按期)"
)
# Between the names of several units written in one cell ("区城管局 区水投", "民政局、财政局").
_UNIT_SEPARATOR = re.compile(r"[\s、，,；;/]+")
# A unit's name as a county writes it in a unit cell: a county/district office ("区教体局") or
# its investment company, which local government everywhere shortens to X投 ("区城投", "区水投").
_UNIT_NAME = re.compile(
    r"^(?:县|区|市)[\u4e00-\u9fff]{1,6}(?:局|委|办|中心|公司|政府)$|^(?:县|区|市)[\u4e00-\u9fff]{1,2}投$"
)
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


def progress_shown(
    plan: str,
    body: str,
    progress: str,
    row: list[tuple[str, str]],
    units: tuple[UnitSpec, ...],
) -> str:
    """The progress text the draft keeps: the month's plan, then `progress_by_row`, without a
    cell that only names who does the work or how the row stands: a cell under a unit or a
    status column of `row`, or a line of nothing but unit names, the target's named units or
    names shaped as a unit's (a table whose rows do not line up with its header). Those are
    the units' and the status's."""
    cells = {
        v.strip()
        for label, v in row
        if v.strip()
        and (
            (label_kind(label) == "unit" and not is_measure_unit(v))
            or _STATUS_COLUMN.search(label)
        )
    }
    named = {u.name for u in units if u.source == "named"}
    named |= {n.removeprefix("县") for n in named}

    def unit_or_status(line: str) -> bool:
        parts = [p for p in _UNIT_SEPARATOR.split(line.strip()) if p]
        names = bool(parts) and all(p in named or _UNIT_NAME.match(p) for p in parts)
        return line.strip() in cells or names

    kept = [ln for ln in progress_by_row(body, progress).split("\n") if not unit_or_status(ln)]
    return "\n".join(t for t in (plan, "\n".join(kept).strip("\n")) if t)
