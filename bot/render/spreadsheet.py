"""Export and import the ledger as xlsx or CSV, in the columns such ledgers use.

Layout: one row per indicator. A target's first row carries its 序号 and target-level
columns; its further indicator rows leave 序号 empty, as merged cells do on paper.
The ten standard columns come first; the extra columns after them keep the export lossless.
A bad file is rejected whole: `SpreadsheetError` lists each (row, column, problem).

Exports neutralise formula injection: a text cell that a spreadsheet would run as a formula
(starting with =, +, @, a tab, a carriage return, or - when it is not a number) is written with
an apostrophe in front, the OWASP practice. The import strips that apostrophe again; see
`export_cell` for how ours is told apart, so that export → import is lossless.
An xlsx is checked as a zip archive before openpyxl reads it (`check_xlsx_archive`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

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
    parse_decimal,
    parse_figure,
    text_problem,
)
from bot.domain.status import completion_ratio, compute_status, indicator_gap, light_for
from bot.domain.units import same_measure
from bot.render.target_view import unit_label

logger = logging.getLogger(__name__)

STANDARD_COLUMNS = (
    "序号", "目标任务", "责任单位", "完成时限", "指标",
    "目标值", "单位", "完成值", "完成情况", "状态",
)  # fmt: skip
EXTRA_COLUMNS = (
    "简称", "领域", "比较", "数据时点", "备注", "别名", "状态说明", "同行", "完成值单位",
)  # fmt: skip
# Computed from the figures on export, beside 完成值; an import reads them by name and ignores
# them (the figures are the truth).
DERIVED_COLUMNS = ("完成率", "差距")
COLUMNS = STANDARD_COLUMNS[:8] + DERIVED_COLUMNS + STANDARD_COLUMNS[8:] + EXTRA_COLUMNS
NUMBER_COLUMNS = frozenset({"目标值", "完成值", "差距"})
# The 状态 cell's fill, by light (light tints, so the black text stays readable).
LIGHT_FILLS = {"🟢": "C8E6C9", "🟡": "FFE0B2", "🔴": "FFCDD2", "⚪": "E0E0E0"}
# A CJK font for every cell, so Chinese text never falls back to a Latin font's boxes.
XLSX_FONT = "宋体"
MAX_ROWS = 20_000
MAX_CELL = 20_000
MAX_COLUMNS = 100  # a sheet may carry columns of its own after ours, within reason
MAX_FILE_BYTES = 20 << 20  # Telegram's own limit for a bot's file download is 20 MB
# An xlsx is a zip: these bound what openpyxl may be asked to unpack and parse. Our own export
# of a 20,000-row ledger holds a 19 MB sheet packed 16:1 and 360,000 cells.
XLSX_MAX_MEMBERS = 200
XLSX_MAX_MEMBER_BYTES = 64 << 20
XLSX_MAX_TOTAL_BYTES = 128 << 20
XLSX_MAX_SHARED_STRINGS_BYTES = 32 << 20
XLSX_MAX_RATIO = 200  # uncompressed : compressed, for members of more than 1 MiB
XLSX_MAX_CELLS = 1_000_000  # openpyxl parses about 200,000 cells a second
MULTILINE_COLUMNS = frozenset({"目标任务", "完成情况", "备注", "状态说明"})
_TARGET_COLUMNS = ("目标任务", "责任单位", "完成时限", "完成情况", "状态", "简称", "领域", "别名",
                   "状态说明", "同行")  # fmt: skip
_ROLE_BY_LABEL = {label: role for role, label in ROLE_LABELS.items()}


@dataclass(frozen=True)
class CellProblem:
    row: int  # 1-based, as the spreadsheet shows it
    column: str
    message: str

    def __str__(self) -> str:
        where = f"第{self.row}行" + (f"“{self.column}”列" if self.column else "")
        return f"{where}：{self.message}"


class SpreadsheetError(Exception):
    """The file is rejected whole; `problems` say where and what."""

    def __init__(self, file: str, problems: Sequence[CellProblem]):
        self.file = file
        self.problems = list(problems)
        shown = "\n".join(f"  {p}" for p in self.problems[:20])
        more = f"\n  …另有{len(self.problems) - 20}处" if len(self.problems) > 20 else ""
        super().__init__(f"{file}: 文件有误，未导入任何内容：\n{shown}{more}")


# --- formula injection -----------------------------------------------------------------

_FORMULA_STARTS = ("=", "+", "@", "\t", "\r")


def _runs_as_formula(value: str) -> bool:
    """True when a spreadsheet would read `value`, apostrophes aside, as a formula."""
    rest = value.lstrip("'")
    if rest.startswith(_FORMULA_STARTS):
        return True
    return rest.startswith("-") and parse_decimal(rest) is None


def export_cell(value: str) -> str:
    """`value` as written to a CSV or xlsx export, with a formula neutralised by an apostrophe.

    Ours are told apart by the rule, not by a marker: the apostrophe is added exactly when the
    value without its leading apostrophes would run as a formula, so a value that already
    starts with "'=" gets one more. `import_cell` removes one apostrophe under the same rule,
    which makes import_cell(export_cell(v)) == v for every v.
    """
    return "'" + value if _runs_as_formula(value) else value


def import_cell(value: str) -> str:
    """The inverse of `export_cell`: drop the one apostrophe an export put in front."""
    if value.startswith("'") and _runs_as_formula(value[1:]):
        return value[1:]
    return value


# --- writing ---------------------------------------------------------------------------


def _deadlines_cell(deadlines: Iterable[DeadlineSpec]) -> str:
    return "；".join(
        f"{d.date.isoformat()}({d.text}{',已完成' if d.done else ''})" for d in deadlines
    )


def ledger_rows(ledger: LedgerSpec, today: dt.date) -> list[list[str]]:
    """The ledger as rows of strings under COLUMNS (no header)."""
    rows: list[list[str]] = []
    for t in ledger.targets:
        status = compute_status(t, today)
        first = {
            "序号": str(t.number),
            "目标任务": t.target_text,
            "责任单位": "；".join(unit_label(u) for u in t.units),
            "完成时限": _deadlines_cell(t.deadlines),
            "完成情况": t.progress_text,
            "状态": status,
            "简称": t.title,
            "领域": t.category,
            "别名": "；".join(t.aliases),
            "状态说明": t.status_reason if t.status_override else "",
            "同行": "是" if t.same_line else "",
        }
        indicators = t.indicators or (None,)
        for k, ind in enumerate(indicators):
            row = dict(first) if k == 0 else {}
            if ind is not None:
                ratio, gap = completion_ratio(ind), indicator_gap(ind)
                row.update(
                    {
                        "指标": ind.name,
                        "目标值": ind.target,
                        "单位": ind.unit,
                        "完成值": ind.actual,
                        "完成率": "" if ratio is None else f"{ratio}%",
                        "差距": "" if gap is None else f"{gap.normalize():f}",
                        "完成值单位": ind.actual_unit,
                        "比较": ind.comparator,
                        "数据时点": ind.as_of,
                        "备注": ind.remark,
                    }
                )
            rows.append([row.get(c, "") for c in COLUMNS])
    return rows


def csv_bytes(ledger: LedgerSpec, today: dt.date) -> bytes:
    """The ledger as CSV, UTF-8 with BOM so that Excel on Chinese Windows opens it cleanly."""
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow(COLUMNS)
    writer.writerows([export_cell(v) for v in row] for row in ledger_rows(ledger, today))
    return text.getvalue().encode("utf-8-sig")


def write_csv(ledger: LedgerSpec, today: dt.date, path: Path) -> None:
    path.write_bytes(csv_bytes(ledger, today))


def _display_width(text: str) -> int:
    """Columns a line of `text` takes in a spreadsheet: CJK and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _exact_number(text: str) -> tuple[int | float, str] | None:
    """(number, number format) when `text` survives a trip through a spreadsheet number.

    Up to 15 significant digits (what a double holds exactly) and written the canonical way
    ("0.50" yes, "+5" or "1,000" no); the format keeps the written decimals, so "0.50" shows,
    and reads back, as 0.50.
    """
    value = parse_decimal(text)
    if value is None or f"{value:f}" != text or len(value.as_tuple().digits) > 15:
        return None
    decimals = max(-value.as_tuple().exponent, 0)
    pattern = "0" + ("." + "0" * decimals if decimals else "")
    return (float(value) if decimals else int(value)), pattern


def write_xlsx(ledger: LedgerSpec, today: dt.date, path: Path) -> None:
    path.write_bytes(xlsx_bytes(ledger, today))


def xlsx_bytes(ledger: LedgerSpec, today: dt.date) -> bytes:
    """The ledger as a worksheet for people: figures as numbers, 完成率 and 差距, an autofilter,
    a frozen header, a CJK font, fitted widths and the 状态 cell coloured by its light."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = f"{ledger.year}台账"
    sheet.append(list(COLUMNS))
    header_font = Font(name=XLSX_FONT, bold=True)
    for cell in sheet[1]:
        cell.font = header_font
    body_font = Font(name=XLSX_FONT)
    wrap = Alignment(wrap_text=True, vertical="top")
    fills = {
        light: PatternFill("solid", start_color=rgb, end_color=rgb)
        for light, rgb in LIGHT_FILLS.items()
    }
    numbers = {COLUMNS.index(name) for name in NUMBER_COLUMNS}
    ratio_at, status_at = COLUMNS.index("完成率"), COLUMNS.index("状态")
    widths = [_display_width(name) for name in COLUMNS]
    rows = ledger_rows(ledger, today)
    for r, row in enumerate(rows, start=2):
        # sheet.cell, not sheet[sheet.max_row]: max_row scans every cell, which made a
        # 20,000-row export take minutes.
        for c, value in enumerate(row):
            cell = sheet.cell(r, c + 1)
            exact = _exact_number(value) if c in numbers else None
            if exact is not None:
                cell.value, cell.number_format = exact
            elif c == ratio_at and value:
                cell.value, cell.number_format = float(value[:-1]) / 100, "0.0%"
            else:
                # Text otherwise: "=" must not become a formula, a 27-digit figure not a float.
                cell.value = export_cell(value)
                cell.data_type = "s"
                cell.number_format = "@"
            cell.font = body_font
            cell.alignment = wrap
            if value:
                longest = max(_display_width(line) for line in value.split("\n"))
                widths[c] = max(widths[c], longest)
        light = light_for(row[status_at]) if row[status_at] else ""
        if light in fills:
            sheet.cell(r, status_at + 1).fill = fills[light]
    for index, width in enumerate(widths, start=1):
        # Fit the content, within reason: long texts wrap inside a 60-character column.
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = min(width + 2, 60)
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{sheet.cell(1, len(COLUMNS)).column_letter}{len(rows) + 1}"
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


# --- reading ---------------------------------------------------------------------------


def _mib(size: int) -> str:
    return f"{size / (1 << 20):.1f}MiB"


def _too_big(path: Path) -> list[CellProblem]:
    size = path.stat().st_size
    if size <= MAX_FILE_BYTES:
        return []
    return [
        CellProblem(1, "", f"文件有{_mib(size)}，超过上限{_mib(MAX_FILE_BYTES)}；请只保留台账内容")
    ]


def _read_csv_rows(path: Path) -> tuple[list[list[str]], list[CellProblem]]:
    too_big = _too_big(path)
    if too_big:
        return [], too_big
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            # GBK/GB18030 is what Excel on Chinese Windows writes by default.
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            return [], [
                CellProblem(1, "", "文件既不是UTF-8也不是GBK编码，请另存为“CSV UTF-8”后再导入")
            ]
    rows: list[list[str]] = []
    try:
        for r, row in enumerate(csv.reader(io.StringIO(text, newline="")), start=1):
            if r > MAX_ROWS + 1:  # the same limit as for xlsx
                return rows, [CellProblem(r, "", f"行数超过上限{MAX_ROWS}行")]
            rows.append(row)
    except csv.Error as exc:
        return [], [CellProblem(len(rows) + 1, "", f"CSV格式错误：{exc}")]
    return rows, []


_NOT_XLSX = "不是有效的xlsx文件（{}），文件可能已损坏或被截断"
_DTD_MARKERS = tuple(
    marker.encode(codec)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for codec in ("utf-8", "utf-16-le", "utf-16-be")
)
_SPREADSHEET_NS = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS_PREFIX = re.compile(rb'xmlns:([A-Za-z_][\w.-]*)="' + re.escape(_SPREADSHEET_NS) + rb'"')
_CHUNK = 1 << 20


def _scan_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[bool, int]:
    """(holds a DTD, number of cell elements) for one member, read in 1 MiB chunks."""
    tags = [b"<c ", b"<c>", b"<c/>"]
    cells, tail, first = 0, b"", True
    with archive.open(info) as stream:
        while chunk := stream.read(_CHUNK):
            if first:
                tags += [b"<%s:c%s" % (p, end) for p in _NS_PREFIX.findall(chunk[:4096])
                         for end in (b" ", b">", b"/>")]  # fmt: skip
                first = False
            data = tail + chunk
            if any(marker in data for marker in _DTD_MARKERS):
                return True, cells
            # Counting in tail + chunk finds the tags that span two chunks; those wholly in
            # the tail were counted with the previous chunk.
            cells += sum(data.count(t) - tail.count(t) for t in tags)
            tail = data[-32:]  # longer than any marker or tag, in UTF-16 too
    return False, cells


def check_xlsx_archive(path: Path) -> list[CellProblem]:
    """Refuse an xlsx that would make openpyxl unpack or parse without bound, or read a DTD.

    Checked before openpyxl opens it: the number of members, each member's and the total
    unpacked size (zipfile never yields more than a member's declared size), the sharedStrings
    size, the compression ratio, a DTD in any member (billion laughs, XXE: no real xlsx has
    one) and the number of cells in the sheets.
    """

    def problem(message: str) -> list[CellProblem]:
        return [CellProblem(1, "", message)]

    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > XLSX_MAX_MEMBERS:
                return problem(
                    f"xlsx文件中有{len(members)}个部件，超过上限{XLSX_MAX_MEMBERS}个，"
                    "不像是台账表格；请在Excel中另存为新的xlsx文件后再导入"
                )
            total = 0
            for info in members:
                shared = info.filename.lower().endswith("sharedstrings.xml")
                limit = XLSX_MAX_SHARED_STRINGS_BYTES if shared else XLSX_MAX_MEMBER_BYTES
                if info.file_size > limit:
                    return problem(
                        f"xlsx文件中的{info.filename}解压后有{_mib(info.file_size)}，"
                        f"超过上限{_mib(limit)}；请只保留台账内容"
                    )
                ratio = info.file_size / max(info.compress_size, 1)
                if info.file_size > _CHUNK and ratio > XLSX_MAX_RATIO:
                    return problem(
                        f"xlsx文件中的{info.filename}压缩比为{ratio:.0f}:1，"
                        f"超过上限{XLSX_MAX_RATIO}:1，可能是压缩炸弹，已拒绝"
                    )
                total += info.file_size
            if total > XLSX_MAX_TOTAL_BYTES:
                return problem(
                    f"xlsx文件解压后共{_mib(total)}，超过上限{_mib(XLSX_MAX_TOTAL_BYTES)}"
                )
            cells = 0
            for info in members:
                has_dtd, found = _scan_member(archive, info)
                if has_dtd:
                    return problem(
                        f"xlsx文件中的{info.filename}含有DTD（<!DOCTYPE>或<!ENTITY>），"
                        "正常的表格不会有，可能是恶意文件，已拒绝"
                    )
                cells += found
                if cells > XLSX_MAX_CELLS:
                    return problem(
                        f"xlsx文件中的单元格超过{XLSX_MAX_CELLS}个；"
                        "请只保留台账所在的行和列（删除多余的行列）后再导入"
                    )
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, ValueError,
            NotImplementedError) as exc:  # fmt: skip
        return problem(_NOT_XLSX.format(type(exc).__name__))
    return []


_DECIMALS_IN_FORMAT = re.compile(r"\.(0+)")


def _cell_text(cell) -> str:
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    if isinstance(value, float):
        # Our export writes "0.50" as 0.5 with the format "0.00": the format keeps the decimals.
        found = _DECIMALS_IN_FORMAT.search(getattr(cell, "number_format", "") or "")
        if found and not str(getattr(cell, "number_format", "")).endswith("%"):
            return f"{value:.{len(found.group(1))}f}"
        if value.is_integer():
            return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value)


def _read_xlsx_rows(path: Path) -> tuple[list[list[str]], list[CellProblem]]:
    from openpyxl import load_workbook

    problems = _too_big(path) or check_xlsx_archive(path)
    if problems:
        return [], problems
    try:
        book = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # any parser failure on an untrusted file is the file's fault
        logger.info("xlsx %s refused by openpyxl: %r", path, exc)
        return [], [CellProblem(1, "", _NOT_XLSX.format(type(exc).__name__))]
    rows: list[list[str]] = []
    try:
        sheet = book.worksheets[0]
        declared_rows, declared_columns = sheet.max_row or 0, sheet.max_column or 0
        if declared_rows > MAX_ROWS + 1 or declared_columns > MAX_COLUMNS:
            return [], [
                CellProblem(
                    1,
                    "",
                    f"工作表的范围是{declared_rows}行×{declared_columns}列，超过上限"
                    f"{MAX_ROWS + 1}行×{MAX_COLUMNS}列；请只保留台账所在的行和列"
                    "（删除多余的行列）后再导入",
                )
            ]
        # The declared dimension may also be too small (some writers put "A1"): read by the
        # cells themselves, at most MAX_COLUMNS of them, and after the header no further than
        # its last used column.
        sheet.reset_dimensions()
        width = MAX_COLUMNS
        for r, cells in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS), start=1):
            if r > MAX_ROWS + 1:
                problems.append(CellProblem(r, "", f"行数超过上限{MAX_ROWS}行"))
                break
            row = []
            for c, cell in enumerate(cells[:width]):
                if getattr(cell, "data_type", "") == "f":
                    column = COLUMNS[c] if c < len(COLUMNS) else f"第{c + 1}列"
                    problems.append(CellProblem(r, column, "单元格是公式，请粘贴为数值后再导入"))
                row.append(_cell_text(cell))
            if r == 1:
                width = max((c + 1 for c, text in enumerate(row) if text.strip()), default=0)
                row = row[:width]
            rows.append(row)
    except Exception as exc:  # the same, for what openpyxl meets while reading the sheet
        logger.info("xlsx %s failed while reading: %r", path, exc)
        problems.append(
            CellProblem(
                len(rows) + 1, "", f"xlsx文件读取失败（{type(exc).__name__}），文件可能已损坏"
            )
        )
    finally:
        book.close()
    return rows, problems


_UNIT_CELL = re.compile(r"^(?P<name>[^()（）]+)[(（](?P<marks>[^()（）]*)[)）]$")
_DEADLINE_CELL = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})(?:[(（](?P<rest>[^()（）]*)[)）])?$")


def _split(cell: str) -> list[str]:
    return [p.strip() for p in re.split(r"[；;]", cell) if p.strip()]


def _parse_units(cell: str, row: int, problems: list[CellProblem]) -> tuple[UnitSpec, ...]:
    units = []
    for part in _split(cell):
        m = _UNIT_CELL.match(part)
        if not m:
            units.append(UnitSpec(name=part, role="lead", source="inferred"))
            continue
        marks = [x.strip() for x in re.split(r"[,，]", m.group("marks")) if x.strip()]
        role = next((_ROLE_BY_LABEL[x] for x in marks if x in _ROLE_BY_LABEL), "lead")
        unknown = [x for x in marks if x not in _ROLE_BY_LABEL and x != "推定"]
        if unknown:
            problems.append(
                CellProblem(row, "责任单位", f"无法识别“{unknown[0]}”，应为 牵头/配合/推定")
            )
        source = "inferred" if "推定" in marks else "named"
        units.append(UnitSpec(name=m.group("name").strip(), role=role, source=source))
    return tuple(units)


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


def rows_to_ledger(
    rows: list[list[str]], base: LedgerSpec, today: dt.date, file: str
) -> LedgerSpec:
    """Validate rows against the ledger in `base` and build the imported ledger."""
    problems: list[CellProblem] = []
    if not rows or not any(cell.strip() for row in rows for cell in row):
        raise SpreadsheetError(file, [CellProblem(1, "", "文件是空的")])
    header = [h.strip().lstrip("\ufeff") for h in rows[0]]
    missing = [c for c in STANDARD_COLUMNS if c not in header]
    if missing:
        raise SpreadsheetError(file, [CellProblem(1, missing[0], "表头缺少此列")])
    index = {name: header.index(name) for name in COLUMNS if name in header}
    known = base.by_number()
    groups: list[tuple[int, dict[str, str], list[tuple[int, dict[str, str]]]]] = []
    seen: dict[int, int] = {}
    for r, raw in enumerate(rows[1:], start=2):
        cells = {
            name: import_cell((raw[i] if i < len(raw) else "").strip())
            for name, i in index.items()
        }
        if not any(cells.values()):
            continue
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
                problems.append(CellProblem(r, "序号", "第一行数据必须填写序号"))
                continue
            groups[-1][2].append((r, cells))
            continue
        if not number_text.isdigit():
            problems.append(CellProblem(r, "序号", f"“{number_text}”不是目标序号（应为整数）"))
            continue
        number = int(number_text)
        if number not in known:
            problems.append(CellProblem(r, "序号", f"台账中没有第{number}项目标"))
            continue
        if number in seen:
            problems.append(
                CellProblem(r, "序号", f"序号{number}重复（第{seen[number]}行已出现）")
            )
            continue
        seen[number] = r
        groups.append((number, cells, [(r, cells)]))

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
        for r, cells in indicator_rows:
            name = cells.get("指标", "")
            if not name:
                if any(cells.get(c) for c in ("目标值", "完成值", "单位")):
                    problems.append(CellProblem(r, "指标", "填写了数值但缺少指标名称"))
                continue
            if name in names:
                problems.append(CellProblem(r, "指标", f"第{number}项的指标“{name}”重复"))
            names.add(name)
            for column in ("目标值", "完成值"):
                value = cells.get(column, "")
                try:
                    parse_figure(value)
                except FigureError as exc:
                    shown = value if len(value) <= 30 else value[:29] + "…"
                    problems.append(CellProblem(r, column, f"“{shown}”{exc}；{FIGURE_RULE}"))
            unit = cells.get("单位", "")
            if unit and unit not in KNOWN_UNITS:
                problems.append(CellProblem(r, "单位", f"未知单位“{unit}”"))
            actual_unit = cells.get("完成值单位", "")
            if actual_unit and actual_unit not in KNOWN_UNITS:
                problems.append(CellProblem(r, "完成值单位", f"未知单位“{actual_unit}”"))
            elif actual_unit and not same_measure(actual_unit, unit):
                problems.append(
                    CellProblem(r, "完成值单位", f"“{actual_unit}”无法换算成单位“{unit}”")
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
                    as_of=cells.get("数据时点", ""),
                    remark=cells.get("备注", ""),
                )
            )
        reason = first.get("状态说明", "")
        units = _parse_units(first.get("责任单位", ""), row, problems)
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
        raise SpreadsheetError(file, problems)
    if not groups:
        raise SpreadsheetError(file, [CellProblem(2, "序号", "文件中没有任何目标行")])
    return LedgerSpec(
        year=base.year,
        title=base.title,
        preamble=base.preamble,
        targets=tuple(targets[n] for n in sorted(targets)),
        default_deadline=base.default_deadline,
    )


def read_spreadsheet(path: Path, base: LedgerSpec, today: dt.date) -> LedgerSpec:
    """Read an xlsx or CSV export back into a ledger, or raise SpreadsheetError."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        rows, problems = _read_xlsx_rows(path)
    elif suffix == ".csv":
        rows, problems = _read_csv_rows(path)
    else:
        raise SpreadsheetError(str(path), [CellProblem(1, "", "只支持 .xlsx 和 .csv 文件")])
    if problems:
        raise SpreadsheetError(str(path), problems)
    return rows_to_ledger(rows, base, today, str(path))
