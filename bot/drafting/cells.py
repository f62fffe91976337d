"""A report item written as a table row: labelled cells, one a line ("目标任务:城镇新增就业2450人",
"累计完成:2712", "牵头单位:县人社局"), as a table is flattened under its header.

`read_cells` sorts the cells by their labels into the target's words and the progress words,
and keeps each target cell with the actual cells written after it (a row of the table), so
that a figure is paired with the target of its own row.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from dataclasses import dataclass, replace

from bot.drafting.columns import (
    GROUP_ROW,
    GROUP_TITLE,
    PLACE_WORDS,
    TOTAL_AREA,
    header_labels,
    heading_measure,
    is_bare_figure,
    is_empty_cell,
    is_measure_unit,
    is_place_column,
    is_rate_column,
    is_share_column,
    is_total_row,
    label_kind,
    split_cells,
    with_column_unit,
)
from bot.drafting.merged_rows import aligned_on_due_date
from bot.drafting.text_figures import extract_figures

# A label is a short header before a colon at the start of a line ("1-9月完成:", "备注：").
_LABELLED = re.compile(r"^\s*([^\s:：,，。；;]{1,10})\s*[:：]\s*(.*)$")
_FIGURE = re.compile(r"\d")

__all__ = [
    "GROUP_ROW",
    "GROUP_TITLE",
    "Cells",
    "Row",
    "header_labels",
    "heading_measure",
    "is_bare_figure",
    "is_empty_cell",
    "is_measure_unit",
    "label_kind",
    "read_cells",
    "split_cells",
]


@dataclass(frozen=True)
class Row:
    target: str  # the target cell's words
    actuals: tuple[str, ...]  # the actual cells written after it (empty cells dropped)
    unit: str = ""  # the row's measure, from a "单位:万人" cell above its target cell
    name: str = ""  # the words naming the row: the item's line or a sub-item's line
    rate: str = ""  # its completion-rate cell ("完成率:100%"), a share of its target
    area: str = ""  # the place its first, unlabelled cell names ("全市", "东坡区"), if any
    column: str = ""  # in a table by place, the label of its completion column ("累计开工数")


@dataclass(frozen=True)
class Cells:
    target_text: str  # the item's own line and its target cells
    progress_text: str  # every other line, as written
    rows: tuple[Row, ...]  # empty when the item has no labelled target cells
    plan_text: str = ""  # the month's plan cells ("月度工作计划:4月:…"), as written


def _label_of(line: str) -> str:
    found = _LABELLED.match(line)
    return found.group(1) if found else ""


_DONE_MARK = re.compile(r"已|累计|实际|截至|截止")


def _restates(name: str, cell: str) -> bool:
    """The cell after a row's name restates its task with the unit's own figure ("建设品质县中
    10所(其中甲县4所)" | "建设品质县中4所"): the same first four words or more, nothing done."""
    same = len(os.path.commonprefix([name.strip(), cell.strip()]))
    return same >= 4 and not _FIGURE.search(name.strip()[:same]) and not _DONE_MARK.search(cell)


def _labelled(cells: list[str], header: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """(kind, words, column label) of one line's cells: by the header's columns, by their
    own labels, or, for an unlabelled row, the name first, then the target figure, then the
    actual ones (label "")."""
    if header and len(header) == len(cells) + 1:
        header = header[1:]  # the number column, read as the item's "N."
    elif header and 2 <= len(cells) < len(header) - 1:
        # A sub-row whose merged cells are left out, else one that starts at its name,
        # else one past the filing columns (类别, 序号) its header leads with.
        header = (
            aligned_on_due_date(header, cells)
            or _from_name_column(header, len(cells))
            or _past_filing_columns(header, len(cells))
        )
    if header and len(header) == len(cells):
        return [
            (label_kind(h), with_column_unit(c, h), h) for h, c in zip(header, cells, strict=True)
        ]
    found = [_LABELLED.match(c) for c in cells]
    if any(found) or len(cells) < 2:
        return [
            (label_kind(m.group(1)), m.group(2).strip(), m.group(1)) if m else ("other", c, "")
            for m, c in zip(found, cells, strict=True)
        ]
    kinds, seen_target = [("name", cells[0], "")], bool(_FIGURE.search(cells[0]))
    for k, cell in enumerate(cells[1:]):
        if not _FIGURE.search(cell):
            kinds.append(("other", cell, ""))
        elif k == 0 and _restates(cells[0], cell):
            kinds.append(("target", cell, ""))  # the task as this unit's share of it
            seen_target = True
        elif seen_target:
            kinds.append(("actual", cell, ""))
        else:
            kinds.append(("target", cell, ""))
            seen_target = True
    return kinds


# Columns that file a row rather than tell it: its number and its group ("类别", written once
# as a line above the group's rows).
_FILING_LABEL = re.compile(r"^(?:序号|编号|类别|分类|类型|板块|领域)$")


def _past_filing_columns(header: tuple[str, ...], width: int) -> tuple[str, ...]:
    """The header's last `width` columns, when every column before them only files the row
    ("类别 | 序号 | 重点督办内容 | 牵头单位 | 全年完成情况" over a row of the last three)."""
    lead = header[: len(header) - width]
    if lead and all(_FILING_LABEL.match(h.strip()) for h in lead):
        return header[len(header) - width :]
    return ()


def _from_name_column(header: tuple[str, ...], width: int) -> tuple[str, ...]:
    """The columns of a row shorter than its header, from the name's column on: a table
    grouped by lead unit gives the group's cells ("二 | 区城管局 | 项目(3个)") a row of their
    own, and each project's row starts at its name ("项目名称 | 业主单位 | 进展情况")."""
    names = [k for k, h in enumerate(header) if label_kind(h) == "name"]
    named = [k for k in names if "名称" in header[k]] or names
    for k in named:
        if len(header) - k >= width:
            return header[k : k + width]
    return ()


def _rejoin_row(heading: str, body: str, header: tuple[str, ...]) -> tuple[str, str]:
    """A table row cut at a sentence's end inside one of its cells ("…79个。" | " | 28%"):
    the body's first line is the rest of the row when the row has fewer cells than the
    header and the joined line has no more."""
    if not header or len(split_cells(heading)) < 2:
        return heading, body
    first, _, rest = body.partition("\n")
    joined = heading.rstrip() + first.strip()
    if first.strip() and len(split_cells(heading)) < len(header) - 1:
        if len(split_cells(joined)) <= len(header):
            return joined, rest
    return heading, body


# "目标任务：新增5000人；完成情况：新增4200人": labelled cells run on in one line.
_NEXT_CELL = re.compile(r"(?<=[；;。])\s*(?=[^\s:：,，。；;]{1,10}\s*[:：])")


def _label_runs(line: str) -> list[str]:
    """A line of labelled cells run together, cut at each label after a "；" (every piece
    but the first must open with a label of a kind: target, completion, unit, due…)."""
    pieces = [p for p in _NEXT_CELL.split(line) if p.strip()]
    if len(pieces) < 2 or not _LABELLED.match(pieces[0]):
        return [line]
    if any(label_kind(_label_of(p)) == "other" for p in pieces):
        return [line]
    return pieces


_PERIOD = re.compile(r"(\d{1,2})月")


def _period_month(label: str) -> int:
    found = _PERIOD.findall(label)
    return int(found[-1]) if found else 0


def _latest_only(row: Row, months: list[int]) -> Row:
    """A row with progress columns of several periods ("1-10月推进情况", "1-11月推进情况")
    keeps the latest period's cells as its actuals; the earlier ones are its history."""
    if len(set(months)) < 2 or 0 in months:
        return row
    latest = max(months)
    return replace(
        row, actuals=tuple(a for a, m in zip(row.actuals, months, strict=True) if m == latest)
    )


def _latest_period(body: str) -> str:
    """The progress lines without those a later period's line supersedes ("1-10月推进情况:…"
    under "1-11月推进情况:…")."""
    lines = body.split("\n")
    dated = [
        _period_month(_label_of(ln)) if label_kind(_label_of(ln)) == "actual" else 0
        for ln in lines
    ]
    if len({m for m in dated if m}) < 2:
        return body
    latest = max(dated)
    return "\n".join(ln for ln, m in zip(lines, dated, strict=True) if m in (0, latest))


# A plain progress column ("进度", "累计进度") holds a share when written in % ("累计进度:110.69%")
# and the amount done when its cell is a bare number beside a bare target figure
# ("目标任务:27800 | 进度:52242 | 完成比例(%):187.9"): the target and the progress of one
# measure, as a completion table by area writes them.
_PLAIN_PROGRESS = re.compile(r"^(?:累计|实际)?(?:完成)?进度$")


def _row_of_unit(rows: list[Row], value: str) -> int:
    """The row an actual cell answers: the last one, unless its unit is another row's only
    ("改造道路6条 | 8000万元 | 2100万元 | 完成2条": the 条 answers the first)."""
    units = {f.unit for f in extract_figures(value) if f.unit}
    last = {f.unit for f in extract_figures(rows[-1].target) if f.unit}
    if not units or units & last or len(rows) < 2:
        return len(rows) - 1
    fits = [k for k, r in enumerate(rows) if units & {f.unit for f in extract_figures(r.target)}]
    return fits[-1] if fits else len(rows) - 1


def _counted_amount(value: str) -> bool:
    return any(f.unit and f.unit not in ("%", "％") for f in extract_figures(value))


def _amount_under_progress(column: str, value: str, rows: list[Row]) -> bool:
    return bool(
        _PLAIN_PROGRESS.match(column)
        and is_bare_figure(value)
        and rows
        and is_bare_figure(rows[-1].target)
    )


# A place's name in a row's first cell ("东坡区"); TOTAL_AREA (columns.py) names the whole.
_AREA_CELL = re.compile(r"^[\u4e00-\u9fff]{2,10}$")


# A place's name alone on its line, over its own cells ("全县", "东坡区", "城关镇", "市本级").
_AREA_NAME = re.compile(
    r"^(?:[\u4e00-\u9fff]{1,8}(?:省|市|州|盟|县|区|旗|镇|乡|街道|本级)"
    r"|全(?:省|市|州|盟|县|区|旗)|合计|总计|汇总)$"
)
# A header naming the column of places ("地区", "县区", "单位").
_AREA_COLUMN = re.compile(rf"^(?:县|单位|地方|{PLACE_WORDS})$")


def _area_of(cells: list[tuple[str, str, str]]) -> str:
    """The place a table row's first cell names, when it is words without a figure, unlabelled
    or under a header of places, followed by labelled cells ("全市 | 目标任务:27800 | 进度:52242",
    "地区 | 目标 | 完成" over "全县 | 500 | 620")."""
    if len(cells) < 3 or not _AREA_CELL.match(cells[0][1]):
        return ""
    if cells[0][2] and not _AREA_COLUMN.match(cells[0][2]):
        return ""
    return cells[0][1] if all(label for _k, _v, label in cells[1:]) else ""


def _whole_of_areas(rows: list[Row]) -> list[Row]:
    """A table by area keeps only its total row ("全市"), when it has one and other areas."""
    totals = [r for r in rows if TOTAL_AREA.match(r.area)]
    if len(totals) == 1 and len(rows) > 1 and all(r.area for r in rows):
        return totals
    return rows


_FIGURE_WITH_UNIT = re.compile(r"\d(?:\.\d+)?\s*(?:万|亿)?[\u4e00-\u9fff]")


def _named_target(entries) -> str:
    """The name cell of a row without a target column that holds the target's figure, when
    the row has an amount done beside it ("新增4000张养老床位 | 4385 | 110%"); else ""."""
    kinds = [k for k, *_ in entries]
    if "target" in kinds:
        return ""
    names = [v for k, v, *_ in entries if k == "name" and _FIGURE_WITH_UNIT.search(v)]
    done = [
        v
        for k, v, _f, h in entries
        if k == "actual" and not is_empty_cell(v) and not is_share_column(h) and _FIGURE.search(v)
    ]
    return names[0] if len(names) == 1 and done else ""


def read_cells(heading: str, body: str, header: tuple[str, ...] = ()) -> Cells:
    """The item's target and progress words, and its rows when it has target cells: labelled
    lines ("目标任务:…"), or cells of a table row under `header` (see `header_labels`)."""
    names: list[str] = []
    dues: list[str] = []
    targets: list[str] = []
    progress: list[str] = []
    plans: list[str] = []
    rows: list[Row] = []
    months: dict[int, list[int]] = defaultdict(list)  # each row's actual cells' months
    loose: list[str] = []  # actual cells before any target cell
    heading, body = _rejoin_row(heading, body, header)
    head_cells = split_cells(heading)
    if len(head_cells) > 1:  # the table's total row under its last row is no part of it
        body = "\n".join(ln for ln in body.split("\n") if not is_total_row(ln))
    lines = [("heading", heading)] if len(head_cells) > 1 else []
    lines += [("body", piece) for ln in body.split("\n") for piece in _label_runs(ln)]
    heading_unit = ""
    if not lines[0][0] == "heading":
        named, heading_unit = heading_measure(heading)
        names.append(named)
    # A table flattened one cell a line may hold several sub-items, each an unlabelled line
    # naming it ("提质改造农村公路") over its own cells, its measure in a "单位:" cell.
    measure, sub_name, area_line = heading_unit, "", ""
    for where, line in lines:
        cells = split_cells(line)
        if where == "body" and len(cells) <= 1:
            found = _LABELLED.match(line)
            kind = label_kind(found.group(1)) if found else "other"
            column = found.group(1) if found else ""
            entries = [(kind, found.group(2).strip() if found else line, found, column)]
            if found is None and _AREA_NAME.match(line.strip()):
                # A place over its own cells: a row of the item's table by area.
                measure, sub_name, area_line = heading_unit or measure, "", line.strip()
            elif found is None and line.strip():
                measure, sub_name, area_line = "", line.strip(), ""
        else:
            entries = [(k, c, None, h) for k, c, h in _labelled(cells, header)]
        row_area = _area_of([(k, v, h) for k, v, _f, h in entries]) if where == "body" else ""
        named_target = _named_target(entries)
        by_place = any(k == "name" and is_place_column(h) for k, _v, _f, h in entries)
        area = row_area or area_line
        for kind, value, found, column in entries:
            if kind == "unit" and is_measure_unit(value):
                measure = value.strip()
            if kind == "plan":
                plans.append(line if found is not None or len(entries) == 1 else value)
            elif kind == "due":
                dues.append(value)
            elif kind == "name" and value == named_target:
                # "新增4000张养老床位 | 4385 | 110%": the project's name holds its target.
                targets.append(value)
                rows.append(Row(value, (), measure, value, area=area))
            elif kind == "name" and is_place_column(column) and len(value) <= 8:
                # "渠 县": a short place name spaced out to line up with the longer ones.
                names.append(
                    re.sub(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])", "", value)
                )
            elif kind == "name":
                names.append(value)
            elif kind == "target":
                targets.append(f"{sub_name}{value}" if sub_name else value)
                rows.append(Row(value, (), measure, sub_name, area=area))
                if row_area:  # the area's whole row stays in the progress, as written
                    progress.append(line)
                elif area_line:
                    progress.append(f"{area_line}{line}")
            else:
                if not row_area:
                    progress.append(line if found is not None or len(entries) == 1 else value)
                # Only a completion column answers the row's target; a share column
                # ("累计进度:110.69%", "形象进度(%)") is read for the status.
                if kind == "actual" and is_rate_column(column) and rows:
                    rows[-1] = replace(rows[-1], rate=value)
                amount = (
                    not is_share_column(column)
                    or _amount_under_progress(column, value, rows)
                    or _counted_amount(value)  # "形象进度 | 完成2条": an amount, not a share
                )
                if kind == "actual" and amount and not is_empty_cell(value):
                    if rows:
                        k = _row_of_unit(rows, value)
                        rows[k] = replace(rows[k], actuals=(*rows[k].actuals, value))
                        months[k].append(_period_month(column))
                        if by_place and not rows[k].column:
                            rows[k] = replace(rows[k], column=column)
                    else:
                        loose.append(value)
    plan = "\n".join(plans)
    body = _latest_period(body)
    if plans:
        body = "\n".join(ln for ln in body.split("\n") if label_kind(_label_of(ln)) != "plan")
    if not rows and any(is_bare_figure(a) for a in loose) and _FIGURE.search(heading):
        # "1.城镇新增就业2450人" over "累计完成:2712": the item's own line is the row's target.
        return Cells(heading, body, (Row(heading, tuple(loose), measure),), plan)
    barred = len(re.findall(r"[|｜]", heading)) >= 2  # cells split by a table's bars
    if not rows and not dues and (header or barred) and len(head_cells) > 1 and names and progress:
        # A row of words under a header, or split by bars ("井盖整治项目 | 区城管局 | 已完工"):
        # its name cell is the target, its other cells the progress.
        name = "，".join(n.strip() for n in names if n.strip())
        return Cells(name, "\n".join(p for p in progress if p.strip()), (), plan)
    if not rows and not dues:
        return Cells(heading, body, (), plan)
    if not rows:  # a narrative item with a due cell: the due words join its target's
        body_left = [ln for ln in body.split("\n") if label_kind(_label_of(ln)) != "due"]
        due = "，".join(dues)
        return Cells(
            f"{heading.rstrip().rstrip('。；;')}（{due}）。", "\n".join(body_left), (), plan
        )
    name = "，".join(n.strip().rstrip("。；;，,：:") for n in names if n.strip())
    rows = [_latest_only(r, months[k]) for k, r in enumerate(rows)]
    whole = _whole_of_areas(rows)
    if len(whole) < len(rows):  # the ledger's target is the total's: "全市27800人"
        rows = whole
        targets = [f"{r.area}{r.target}{r.unit if is_bare_figure(r.target) else ''}" for r in rows]
    if dues:  # the due cell dates the row's whole target, full stop or not ("…1000盏。")
        targets = [*targets[:-1], targets[-1].rstrip().rstrip("。；;")] if targets else targets
    target_text = "；".join(targets) + (f"（{'，'.join(dues)}）" if dues else "")
    named = tuple(replace(r, name=r.name or name) for r in rows)
    return Cells(
        target_text=f"{name}：{target_text}" if name else target_text,
        progress_text="\n".join(p for p in progress if p.strip()),
        rows=named,
        plan_text=plan,
    )
