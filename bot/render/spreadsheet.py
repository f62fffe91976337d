"""Export the ledger as xlsx or CSV, in the columns such ledgers use (the import reads them back:
bot/render/spreadsheet_files.py, then bot/render/spreadsheet_read.py).

Layout: one row per indicator. A target's first row carries its 序号 and target-level
columns; its further indicator rows leave 序号 empty, as merged cells do on paper.
The ten standard columns come first; the extra columns after them keep the export lossless.

Exports neutralise formula injection: a text cell that a spreadsheet would run as a formula
(starting with =, +, @, a tab, a carriage return, or - when it is not a number) is written with
an apostrophe in front, the OWASP practice. The import strips that apostrophe again; see
`export_cell` for how ours is told apart, so that export → import is lossless.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from bot.domain.ledger import (
    DeadlineSpec,
    LedgerSpec,
    parse_decimal,
)
from bot.domain.status import completion_ratio, compute_status, indicator_gap, light_for
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
# 序号 is a number too, so that a sort or a filter by it orders 2 before 10.
NUMBER_COLUMNS = frozenset({"序号", "目标值", "完成值", "差距"})
# The 状态 cell's fill, by light (light tints, so the black text stays readable).
LIGHT_FILLS = {"🟢": "C8E6C9", "🟡": "FFE0B2", "🔴": "FFCDD2", "⚪": "E0E0E0"}
# A CJK font for every cell, so Chinese text never falls back to a Latin font's boxes.
XLSX_FONT = "宋体"
# Points a wrapped line of the 11-point font takes: 宋体 needs 14.4, but where it is missing
# (LibreOffice on Linux, a Mac) the CJK font taken instead spaces lines at about 1.45 em, 16pt,
# and a row of 14.4 a line cut off the last line of a long 完成情况 in the printed PDF.
LINE_HEIGHT = 16.5
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


def _wrapped_lines(value: str, width: int) -> int:
    """Lines `value` takes wrapped in a column `width` characters wide."""
    if not value:
        return 1
    room = max(width - 1, 1)
    return sum(max(1, -(-_display_width(line) // room)) for line in value.split("\n"))


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
    a frozen header, a CJK font, fitted widths, the 状态 cell coloured by its light, and a
    print layout (`_print_setup`)."""
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
    fitted = [min(width + 2, 60) for width in widths]
    for index, width in enumerate(fitted, start=1):
        # Fit the content, within reason: long texts wrap inside a 60-character column.
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = width
    for r, row in enumerate(rows, start=2):
        # A wrapped cell's row made tall enough for its lines: LibreOffice (and so the PDF
        # it prints) keeps a row one line high, and the lines run into the rows below.
        cells = zip(row, fitted, strict=False)
        lines = max(_wrapped_lines(value, width) for value, width in cells)
        if lines > 1:
            sheet.row_dimensions[r].height = LINE_HEIGHT * lines
    sheet.freeze_panes = "B2"
    _print_setup(sheet, len(rows) + 1)
    sheet.auto_filter.ref = f"A1:{sheet.cell(1, len(COLUMNS)).column_letter}{len(rows) + 1}"
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def _print_setup(sheet, last_row: int) -> None:
    """Printed, the header row repeats on every page and the columns fit the page's width,
    landscape: a ledger runs to dozens of pages, unreadable without its column names."""
    sheet.print_title_rows = "1:1"
    # The columns people read (序号 to 状态); those after it serve filters and re-import, and
    # printed too they would shrink every column past reading.
    last = sheet.cell(1, COLUMNS.index("状态") + 1).column_letter
    sheet.print_area = f"A1:{last}{last_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A3
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as the rows need
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
