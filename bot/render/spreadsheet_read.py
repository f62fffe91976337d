"""Import the ledger from xlsx or CSV in the columns bot/render/spreadsheet.py exports.

A bad file is rejected whole: `SpreadsheetError` lists each (row, column, problem). An xlsx is
checked as a zip archive before openpyxl reads it (`check_xlsx_archive`); every size is
bounded, so a hostile file costs little.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from bot.domain.as_of_words import AS_OF_FORMS, FutureDay, NoSuchDay, NotAsOf, as_of_typed
from bot.domain.echo import echoed
from bot.domain.ledger import (
    CATEGORIES,
    COMPARATORS,
    FIGURE_RULE,
    KNOWN_UNITS,
    ROLE_LABELS,
    STATUSES,
    DeadlineSpec,
    FigureError,
    IndicatorSpec,
    LedgerSpec,
    TargetSpec,
    UnitSpec,
    negative_problem,
    parse_decimal,
    parse_figure,
    shown_figure,
    text_problem,
)
from bot.domain.spelled_figures import spelled_figure
from bot.domain.unit_names import (
    NEW_UNIT_WORD,
    UnitAmbiguous,
    UnitNotFound,
    close_units,
    resolve_unit_name,
)
from bot.domain.units import same_measure
from bot.render.spreadsheet import (
    COLUMNS,
    STANDARD_COLUMNS,
    import_cell,
)
from bot.render.spreadsheet_files import (
    MAX_CELL,
    CellProblem,
    SpreadsheetError,
    UnknownUnits,
    ignored_columns,
    read_csv_rows,
    read_xlsx_rows,
)

logger = logging.getLogger(__name__)

MULTILINE_COLUMNS = frozenset({"目标任务", "完成情况", "备注", "状态说明"})
# A figure typed with a Chinese input method in full-width mode (３００, ２４．４３, －５) is the
# figure /set and /report accept; NFKC turns it into ASCII before it is checked and stored.
FIGURE_COLUMNS = ("目标值", "完成值")
_TARGET_COLUMNS = ("目标任务", "责任单位", "完成时限", "完成情况", "状态", "简称", "领域", "别名",
                   "状态说明", "同行")  # fmt: skip
_ROLE_BY_LABEL = {label: role for role, label in ROLE_LABELS.items()}


_UNIT_CELL = re.compile(r"^(?P<name>[^()（）]+)[(（](?P<marks>[^()（）]*)[)）]$")
_DEADLINE_CELL = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})(?:[(（](?P<rest>[^()（）]*)[)）])?$")


def _split(cell: str) -> list[str]:
    return [p.strip() for p in re.split(r"[；;]", cell) if p.strip()]


def _parse_units(
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
    for part in _split(cell):
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


def _parse_deadlines(cell: str, row: int, problems: list[CellProblem]) -> tuple[DeadlineSpec, ...]:
    deadlines = []
    for part in _split(cell):
        m = _DEADLINE_CELL.match(part)
        if not m:
            problems.append(CellProblem(row, "完成时限", f"“{part}”应写成 2020-12-31(年底前)"))
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


# A row without 序号 continues the target above it: a sort breaks that.
_KEEP_ORDER = "（表格可能被排序过：每行都填写序号，或恢复原来的行序）"


def _percent_figure(
    cells: dict[str, str], column: str, row: int, problems: list[CellProblem]
) -> str:
    """A figure cell shown as a percentage ("95%", a 0.95 formatted as percent): 95 where the
    row's unit for it is %, else a problem saying which unit to write (a unit is never
    guessed from a cell's format). A figure typed with the row's own unit ("3000户" where
    the 单位 column says 户) is that figure: the unit cell already says it."""
    value = cells.get(column, "")
    unit = cells.get("单位", "")
    if column == "完成值":
        unit = cells.get("完成值单位", "") or unit
    figure = value[: -len(unit)].strip() if unit and unit != "%" and value.endswith(unit) else ""
    if figure and parse_decimal(figure) is not None:
        return figure
    if not value.endswith("%"):
        return value
    if unit == "%":
        return value[:-1]
    named = f"是“{unit}”" if unit else "没有填写"
    problems.append(
        CellProblem(
            row,
            column,
            f"“{value}”是百分比，但该指标的单位{named}；如单位是%，请在“单位”列填写 %，"
            f"否则请把单元格格式改为常规数字",
        )
    )
    return value


def _merge_target_cells(first: dict[str, str], cells: dict[str, str]) -> str:
    """Fill the target's cells `first` lacks from a further row of it; the first column whose
    value differs from the first row's, or "" when they agree."""
    for column in _TARGET_COLUMNS:
        value = cells.get(column, "")
        if value and first.get(column) and value != first[column]:
            return column
    for column in _TARGET_COLUMNS:
        if cells.get(column) and not first.get(column):
            first[column] = cells[column]
    return ""


def _moved_here(cells: dict[str, str], above: TargetSpec, owners: dict[str, list]) -> int | None:
    """The number of the target a row without 序号 came from, when a sort or a move put it
    under `above`: its indicator (name, target and unit alike) is another target's and not
    `above`'s (`owners`: indicator name -> (number, target, unit) of the ledger's). None for a
    row that is `above`'s or new."""
    name = cells.get("指标", "")
    if not name or above.indicator(name) is not None:
        return None
    figure = (cells.get("目标值", "").replace(",", ""), cells.get("单位", ""))
    for number, target, unit in owners.get(name, ()):
        if number != above.number and (target, unit) == figure:
            return number
    return None


def rows_to_ledger(
    rows: list[list[str]], base: LedgerSpec, today: dt.date, file: str
) -> LedgerSpec:
    """Validate rows against the ledger in `base` and build the imported ledger; `today` is
    the day as-of words are read on ("昨天"), none after it."""
    problems: list[CellProblem] = []
    if not rows or not any(cell.strip() for row in rows for cell in row):
        raise SpreadsheetError(file, [CellProblem(1, "", "文件是空的")])
    header = [h.strip().lstrip("\ufeff") for h in rows[0]]
    missing = [c for c in STANDARD_COLUMNS if c not in header]
    if missing:
        raise SpreadsheetError(file, [CellProblem(1, missing[0], "表头缺少此列")])
    index = {name: header.index(name) for name in COLUMNS if name in header}
    known = base.by_number()
    owners: dict[str, list[tuple[int, str, str]]] = {}
    for t in base.targets:
        for ind in t.indicators:
            owners.setdefault(ind.name, []).append((t.number, ind.target, ind.unit))
    unit_names = sorted({u.name for t in base.targets for u in t.units})
    unknown_units: list[CellProblem] = []  # raised apart: another year's sheet has others
    groups: list[tuple[int, dict[str, str], list[tuple[int, dict[str, str]]]]] = []
    seen: dict[int, int] = {}
    for r, raw in enumerate(rows[1:], start=2):
        cells = {
            name: import_cell((raw[i] if i < len(raw) else "").strip())
            for name, i in index.items()
        }
        if not any(cells.values()):
            continue
        for name in FIGURE_COLUMNS:
            if name in cells:
                cells[name] = unicodedata.normalize("NFKC", cells[name])
        for name, value in cells.items():
            if len(value) > MAX_CELL:
                problems.append(
                    CellProblem(r, name, f"内容过长（{len(value)}字，上限{MAX_CELL}）")
                )
                value = cells[name] = value[:MAX_CELL]
            multiline = name in MULTILINE_COLUMNS
            if multiline:  # a CSV saved on Windows ends the lines of a cell with CR LF
                value = cells[name] = value.replace("\r\n", "\n")
            problem = text_problem(value, multiline=multiline)
            if problem:
                problems.append(CellProblem(r, name, problem))
        number_text = cells.get("序号", "")
        if not number_text:
            if not groups:
                problems.append(CellProblem(r, "序号", "第一行数据必须填写序号" + _KEEP_ORDER))
                continue
            moved = _moved_here(cells, known[groups[-1][0]], owners)
            if moved is not None:
                name, above = cells.get("指标", ""), groups[-1][0]
                problems.append(
                    CellProblem(
                        r,
                        "指标",
                        f"“{name}”是第{moved}项的指标，却排在第{above}项之下（表格可能被排序过）；"
                        f"请在该行“序号”列填写{moved}，或恢复原来的行序",
                    )
                )
                continue
            # Its target's cells, like a row repeating the 序号: filled in where the first row
            # left them empty, refused where they differ (never dropped unread).
            number, first_row = groups[-1][0], groups[-1][2][0][0]
            clash = _merge_target_cells(groups[-1][1], cells)
            if clash:
                problems.append(
                    CellProblem(
                        r,
                        clash,
                        f"该行没有序号，属于上面的第{number}项，但“{clash}”与第{first_row}行不同；"
                        f"同一目标的其他指标行，{clash}须留空或与第一行相同（如是另一项目标，请填写它的序号）",
                    )
                )
                continue
            groups[-1][2].append((r, cells))
            continue
        if not number_text.isdigit():
            not_one = f"“{number_text}”不是目标序号（应为正整数，如 12）"
            problems.append(CellProblem(r, "序号", not_one))
            continue
        number = int(number_text)
        if number not in known:
            missing = f"{base.year}年台账中没有第{number}项目标（共{len(known)}项）"
            problems.append(CellProblem(r, "序号", missing))
            continue
        if number in seen:
            # Another row of a target already met: its indicator, when its target's cells are
            # empty or the same (序号 filled down, or written on every row so a sort keeps it).
            group = next(g for g in groups if g[0] == number)
            clash = _merge_target_cells(group[1], cells)
            if clash:
                problems.append(
                    CellProblem(
                        r,
                        "序号",
                        f"序号{number}重复（第{seen[number]}行已出现），“{clash}”与该行不同；"
                        "同一目标的其他指标行，目标任务等列须留空或与第一行相同",
                    )
                )
                continue
            group[2].append((r, cells))
            continue
        seen[number] = r
        groups.append((number, dict(cells), [(r, cells)]))

    targets = dict(known)
    for number, first, indicator_rows in groups:
        row = indicator_rows[0][0]
        old = known[number]
        status = first.get("状态", "")
        if status and status not in STATUSES:
            problems.append(
                CellProblem(row, "状态", f"“{status}”不是有效状态，应为 {'/'.join(STATUSES)}")
            )
        category = first.get("领域", "") or old.category
        if category not in CATEGORIES:
            problems.append(
                CellProblem(row, "领域", f"“{category}”不是有效领域，应为 {'/'.join(CATEGORIES)}")
            )
        if not first.get("目标任务"):
            problems.append(CellProblem(row, "目标任务", "目标任务不能为空"))
        indicators = []
        names: set[str] = set()
        held_as_of = {i.name: (i.as_of,) for i in old.indicators}
        for r, cells in indicator_rows:
            name = cells.get("指标", "")
            if not name:
                if any(cells.get(c) for c in ("目标值", "完成值", "单位")):
                    problems.append(CellProblem(r, "指标", "填写了数值但缺少指标名称"))
                continue
            if name in names:
                problems.append(CellProblem(r, "指标", f"第{number}项的指标“{name}”重复"))
            names.add(name)
            unit = cells.get("单位", "")
            for column in ("目标值", "完成值"):
                value = cells[column] = _percent_figure(cells, column, r, problems)
                try:
                    figure = parse_figure(value)
                except FigureError as exc:
                    shown = shown_figure(value)
                    digits = spelled_figure(value)
                    readable = digits is not None and parse_decimal(digits) is not None
                    said = f"，请写阿拉伯数字 {digits}" if readable else ""
                    problems.append(CellProblem(r, column, f"“{shown}”{exc}{said}；{FIGURE_RULE}"))
                    continue
                # as /set refuses it: -500个 of 新建停车位 is no figure any report gives
                shown_unit = (column == "完成值" and cells.get("完成值单位", "")) or unit
                if problem := negative_problem(value, figure, name, shown_unit):
                    problems.append(CellProblem(r, column, problem))
            if unit and unit not in KNOWN_UNITS:
                problems.append(CellProblem(r, "单位", f"未知单位“{unit}”"))
            actual_unit = cells.get("完成值单位", "")
            if actual_unit and actual_unit not in KNOWN_UNITS:
                problems.append(CellProblem(r, "完成值单位", f"未知单位“{actual_unit}”"))
            elif actual_unit and not same_measure(actual_unit, unit):
                problems.append(
                    CellProblem(r, "完成值单位", f"“{actual_unit}”无法换算成单位“{unit}”")
                )
            as_of = cells.get("数据时点", "")
            try:  # a date cell reads "2020-11-30": the ledger's words for it, as /set writes
                if as_of not in held_as_of.get(name, ()):  # what the ledger holds re-imports
                    as_of = as_of_typed(as_of, today)
            except NoSuchDay as exc:
                problems.append(CellProblem(r, "数据时点", f"“{as_of}”中的日期不存在，{exc}"))
            except FutureDay as exc:
                problems.append(CellProblem(r, "数据时点", str(exc)))
            except NotAsOf:
                problems.append(
                    CellProblem(r, "数据时点", f"“{as_of}”不是数据时点（{AS_OF_FORMS}）")
                )
            comparator = cells.get("比较", "") or ">="
            if comparator not in COMPARATORS:
                problems.append(CellProblem(r, "比较", f"“{comparator}”应为 >= 、<= 或 ="))
            indicators.append(
                IndicatorSpec(
                    name=name,
                    target=cells.get("目标值", "").replace(",", ""),
                    unit=unit,
                    comparator=comparator,
                    actual=cells.get("完成值", "").replace(",", ""),
                    actual_unit=actual_unit,
                    as_of=as_of,
                    remark=cells.get("备注", ""),
                )
            )
        reason = first.get("状态说明", "")
        units = _parse_units(first.get("责任单位", ""), row, problems, unit_names, unknown_units)
        deadlines = _parse_deadlines(first.get("完成时限", ""), row, problems) or old.deadlines
        aliases = tuple(_split(first.get("别名", ""))) if "别名" in index else old.aliases
        targets[number] = TargetSpec(
            number=number,
            title=first.get("简称", "") or old.title,
            category=category,
            target_text=first.get("目标任务", ""),
            progress_text=first.get("完成情况", ""),
            same_line=first.get("同行", "") == "是" if "同行" in index else old.same_line,
            units=units,
            deadlines=deadlines,
            indicators=tuple(indicators),
            aliases=aliases,
            status_override=status if reason and status in STATUSES else "",
            status_reason=reason,
        )
    if problems:
        raise SpreadsheetError(file, [*problems, *unknown_units])
    if not groups:
        raise SpreadsheetError(file, [CellProblem(2, "序号", "文件中没有任何目标行")])
    ledger = LedgerSpec(
        year=base.year,
        title=base.title,
        preamble=base.preamble,
        targets=tuple(targets[n] for n in sorted(targets)),
        default_deadline=base.default_deadline,
    )
    if unknown_units:
        raise UnknownUnits(file, unknown_units, ledger)
    return ledger


def read_spreadsheet(path: Path, base: LedgerSpec, today: dt.date) -> LedgerSpec:
    """Read an xlsx or CSV export back into a ledger, or raise SpreadsheetError; `today` as
    for `rows_to_ledger`."""
    return read_spreadsheet_noting(path, base, today)[0]


def read_spreadsheet_noting(
    path: Path, base: LedgerSpec, today: dt.date
) -> tuple[LedgerSpec, list[str]]:
    """`read_spreadsheet`, and the columns it left out (`ignored_columns`), for the importer
    to say: a column staff added beside the ledger's is no reason to refuse the file, but
    what it holds must not seem imported."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        rows, problems = read_xlsx_rows(path)
    elif suffix == ".csv":
        rows, problems = read_csv_rows(path)
    else:
        raise SpreadsheetError(str(path), [CellProblem(1, "", "只支持 .xlsx 和 .csv 文件")])
    if problems:
        raise SpreadsheetError(str(path), problems)
    return rows_to_ledger(rows, base, today, str(path)), ignored_columns(rows)
