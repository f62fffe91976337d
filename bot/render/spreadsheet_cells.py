"""The 责任单位 and 完成时限 cells of an imported sheet's row, read into units and deadlines
(split from `spreadsheet_read.py`): each problem is a `CellProblem` naming row and column."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from bot.domain.echo import echoed
from bot.domain.ledger import ROLE_LABELS, DeadlineSpec, UnitSpec
from bot.domain.unit_names import (
    NEW_UNIT_WORD,
    UnitAmbiguous,
    UnitNotFound,
    close_units,
    resolve_unit_name,
)
from bot.render.spreadsheet_files import CellProblem

_ROLE_BY_LABEL = {label: role for role, label in ROLE_LABELS.items()}


_UNIT_CELL = re.compile(r"^(?P<name>[^()（）]+)[(（](?P<marks>[^()（）]*)[)）]$")
_DEADLINE_CELL = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})(?:[(（](?P<rest>[^()（）]*)[)）])?$")


def split_cell(cell: str) -> list[str]:
    """The parts of a cell that holds several, split at ；or ;."""
    return [p.strip() for p in re.split(r"[；;]", cell) if p.strip()]


def parse_units(
    cell: str,
    row: int,
    problems: list[CellProblem],
    known: Sequence[str],
    unknown_units: list[CellProblem],
) -> tuple[UnitSpec, ...]:
    """The units of a 责任单位 cell, each read as /assign reads one (`resolve_unit_name`: 县
    optional, a unique part, a former name); a unit the ledger does not hold is a problem in
    `unknown_units`, unless its marks say 新单位, as /assign's last word does."""
    units = []
    for part in split_cell(cell):
        m = _UNIT_CELL.match(part)
        name, marks = (m.group("name").strip(), m.group("marks")) if m else (part, "")
        marks = [x.strip() for x in re.split(r"[,，]", marks) if x.strip()]
        role = next((_ROLE_BY_LABEL[x] for x in marks if x in _ROLE_BY_LABEL), "lead")
        unknown = [x for x in marks if x not in (*_ROLE_BY_LABEL, "推定", NEW_UNIT_WORD)]
        if unknown:
            problems.append(
                CellProblem(row, "责任单位", f"无法识别“{unknown[0]}”，应为 牵头/配合/推定")
            )
        if NEW_UNIT_WORD not in marks:
            name = _known_unit(name, ROLE_LABELS[role], row, unknown_units, known)
        source = "inferred" if "推定" in marks or not m else "named"
        units.append(UnitSpec(name=name, role=role, source=source))
    return tuple(units)


def _known_unit(
    name: str, role: str, row: int, problems: list[CellProblem], known: Sequence[str]
) -> str:
    """The ledger's name for the unit `name` means; `name` itself, with a problem, for none."""
    try:
        return resolve_unit_name(name, known).name
    except UnitAmbiguous as exc:
        problems.append(CellProblem(row, "责任单位", str(exc)))
        return name
    except UnitNotFound:
        pass
    shown = echoed(name)
    close = close_units(name, known)
    hint = f"是否是：{'、'.join(close)}？" if close else ""
    new = f"如确需新增，请写成“{shown}({role},{NEW_UNIT_WORD})”"
    problems.append(CellProblem(row, "责任单位", f"台账中没有“{shown}”这个责任单位。{hint}{new}"))
    return name


def parse_deadlines(
    cell: str, row: int, problems: list[CellProblem], year: int
) -> tuple[DeadlineSpec, ...]:
    """The deadlines of a 完成时限 cell ("2020-12-31(年底前,已完成)"); one the cell does not
    write that way is a problem shown as the ledger's own `year` writes it."""
    deadlines = []
    for part in split_cell(cell):
        m = _DEADLINE_CELL.match(part)
        if not m:
            problems.append(CellProblem(row, "完成时限", f"“{part}”应写成 {year}-12-31(年底前)"))
            continue
        try:
            date = dt.date.fromisoformat(m.group("date"))
        except ValueError:
            problems.append(CellProblem(row, "完成时限", f"“{m.group('date')}”不是有效日期"))
            continue
        rest = [x for x in re.split(r"[,，]", m.group("rest") or "")]
        done = "已完成" in rest
        text = ",".join(x for x in rest if x and x != "已完成") or "年底前"
        deadlines.append(DeadlineSpec(date=date, text=text, done=done))
    return tuple(deadlines)
