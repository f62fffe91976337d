"""Read a spreadsheet file into rows of strings, within bounds: the file's size, an xlsx's
zip archive (members, ratios, DTDs, cells: `check_xlsx_archive`), rows, columns and cells.
What the rows mean is bot/render/spreadsheet_read.py's business."""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import re
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from bot.domain.echo import echoed
from bot.render.spreadsheet import COLUMNS

logger = logging.getLogger(__name__)

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
        # top to bottom, as a clerk goes through the sheet (checks run by kind, not by row)
        self.problems = sorted(problems, key=lambda p: p.row)
        shown = "\n".join(f"  {p}" for p in self.problems[:20])
        more = f"\n  …另有{len(self.problems) - 20}处" if len(self.problems) > 20 else ""
        super().__init__(f"{file}: 文件有误，未导入任何内容：\n{shown}{more}")


class UnknownUnits(SpreadsheetError):
    """The file's only problems are units the ledger does not hold; `ledger` is the sheet as
    read, so a caller can first tell whether it is another year's sheet (whose units differ)."""

    def __init__(self, file: str, problems: Sequence[CellProblem], ledger):
        super().__init__(file, problems)
        self.ledger = ledger


# --- reading ---------------------------------------------------------------------------


def _mib(size: int) -> str:
    return f"{size / (1 << 20):.1f}MiB"


def too_big(path: Path) -> list[CellProblem]:
    size = path.stat().st_size
    if size <= MAX_FILE_BYTES:
        return []
    return [
        CellProblem(1, "", f"文件有{_mib(size)}，超过上限{_mib(MAX_FILE_BYTES)}；请只保留台账内容")
    ]


def read_csv_rows(path: Path) -> tuple[list[list[str]], list[CellProblem]]:
    oversize = too_big(path)
    if oversize:
        return [], oversize
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
    # zipfile raises NotImplementedError for a compression method it cannot read (a damaged or
    # hand-made archive): the same "not an xlsx" answer as any other broken zip.
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, ValueError,
            NotImplementedError) as exc:  # fmt: skip
        return problem(_NOT_XLSX.format(type(exc).__name__))
    return []


_DECIMALS_IN_FORMAT = re.compile(r"\.(0+)")
# Quoted text, an escaped character and a [colour] or [condition] in a number format: a %
# among them is printed as it is; any other % shows the cell times 100 ("0%", "0.00%").
_PLAIN_FORMAT = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def _percent(cell) -> bool:
    number_format = str(getattr(cell, "number_format", "") or "")
    return "%" in _PLAIN_FORMAT.sub("", number_format)


def _cell_text(cell) -> str:
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool) and _percent(cell):
        # 0.95 shown as 95%: the figure people read and typed is 95, in %; the % sign stays
        # for the row's unit to confirm (bot.render.spreadsheet_read).
        shown = Decimal(repr(value)) * 100
        return f"{shown.normalize():f}%" if shown else "0%"
    if isinstance(value, float):
        # The number as typed: a double's shortest form is the digits written (24.435 stays
        # 24.435, never rounded to the cell's format), without an exponent.
        text = f"{Decimal(repr(value)):f}"
        if text.endswith(".0"):
            text = text[:-2]
        # Our export writes "0.50" as 0.5 with the format "0.00": the format keeps the written
        # decimals, so trailing zeros it shows come back; it never cuts a digit off.
        number_format = str(getattr(cell, "number_format", "") or "")
        found = _DECIMALS_IN_FORMAT.search(number_format)
        if found and not number_format.endswith("%"):
            whole, _, decimals = text.partition(".")
            decimals = decimals.ljust(len(found.group(1)), "0")
            text = f"{whole}.{decimals}" if decimals else whole
        return text
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value)


_SHEET_YEAR = re.compile(r"((?:19|20)\d{2})年?台账")


def xlsx_sheet_year(path: Path) -> int | None:
    """The ledger year an xlsx names in its first sheet's title ("2020台账", as `export` writes
    it), or None (no such title, or a file the full read will refuse and say why)."""
    from openpyxl import load_workbook

    if too_big(path) or check_xlsx_archive(path):
        return None
    try:
        book = load_workbook(path, read_only=True)
        try:
            found = _SHEET_YEAR.fullmatch(book.worksheets[0].title.strip())
        finally:
            book.close()
    except Exception:  # the full read says what is wrong with the file
        return None
    return int(found.group(1)) if found else None


def read_xlsx_rows(path: Path) -> tuple[list[list[str]], list[CellProblem]]:
    from openpyxl import load_workbook

    problems = too_big(path) or check_xlsx_archive(path)
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


def ignored_columns(rows: list[list[str]]) -> list[str]:
    """The columns no ledger field is read from, as "“联系人”（F列）": a header the export
    does not write, or no header over cells that hold something."""
    if not rows:
        return []
    ignored = []
    header = [h.strip().lstrip("\ufeff") for h in rows[0]]
    width = max(len(row) for row in rows)
    for i, name in enumerate(header + [""] * (width - len(header))):
        if name in COLUMNS:
            continue
        if name or any(i < len(row) and row[i].strip() for row in rows[1:]):
            shown = f"“{echoed(name)}”" if name else "无表头的一列"
            ignored.append(f"{shown}（{_column_letter(i)}列）")
    return ignored


def _column_letter(index: int) -> str:
    """Excel's name of the column at 0-based `index`: A, …, Z, AA, …"""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
