"""xlsx and CSV export/import: lossless round trip, and bad files rejected whole."""

import csv
import dataclasses
import datetime as dt
import io

import pytest
from openpyxl import Workbook, load_workbook
from sqlmodel import Session

from bot.domain.fields import FieldChange
from bot.domain.ledger import parse_decimal
from bot.render.spreadsheet import (
    COLUMNS,
    LIGHT_FILLS,
    STANDARD_COLUMNS,
    XLSX_FONT,
    write_csv,
    write_xlsx,
)
from bot.render.spreadsheet_files import SpreadsheetError
from bot.render.spreadsheet_read import read_spreadsheet
from bot.store.ledger_changes import apply_changes
from bot.store.ledger_import import load_ledger
from bot.store.ledger_store import read_ledger

TODAY = dt.date(2021, 1, 15)


def current(engine):
    with Session(engine) as session:
        return read_ledger(session)


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_export_import_export_is_lossless(engine, tmp_path, suffix):
    writer = write_xlsx if suffix == "xlsx" else write_csv
    first, second = tmp_path / f"a.{suffix}", tmp_path / f"b.{suffix}"
    before = current(engine)
    writer(before, TODAY, first)
    imported = read_spreadsheet(first, before, TODAY)
    result = load_ledger(engine, imported, source=first.name)
    assert result.updated == [] and result.conflicts == []
    writer(current(engine), TODAY, second)
    if suffix == "csv":
        assert first.read_bytes() == second.read_bytes()
    else:
        rows = [list(load_workbook(p).active.values) for p in (first, second)]
        assert rows[0] == rows[1]


def test_xlsx_is_readable(engine, tmp_path):
    path = tmp_path / "ledger.xlsx"
    write_xlsx(current(engine), TODAY, path)
    sheet = load_workbook(path).active
    header = tuple(c.value for c in sheet[1])
    assert header[:12] == (*STANDARD_COLUMNS[:8], "完成率", "差距", *STANDARD_COLUMNS[8:])
    assert sheet.freeze_panes == "B2"
    assert (
        sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(COLUMNS)).column_letter}{sheet.max_row}"
    )
    assert sheet.column_dimensions["B"].width >= 40
    # 序号 is a number, so a sort by it puts 2 before 10; a further row's stays empty.
    assert (sheet["A2"].value, sheet["A2"].data_type, sheet["A2"].number_format) == (1, "n", "0")
    column = {name: i + 1 for i, name in enumerate(header)}
    loan = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == 12)

    def at(name):
        return sheet.cell(loan, column[name])

    assert (at("目标值").value, at("完成值").value) == (14, 24.43)
    assert at("完成值").number_format == "0.00"
    assert (at("完成率").value, at("完成率").number_format) == (1.745, "0.0%")
    assert at("差距").value == 0
    assert at("状态").fill.start_color.rgb.endswith(LIGHT_FILLS["🟢"])
    fonts = {sheet.cell(r, c).font.name for r in (1, loan) for c in range(1, len(header) + 1)}
    assert fonts == {XLSX_FONT}
    # Widths fit: the short 单位 column is narrow, the long texts are capped and wrap.
    units = sheet.column_dimensions[sheet.cell(1, column["单位"]).column_letter].width
    assert 6 <= units <= 16
    assert sheet.column_dimensions[sheet.cell(1, column["完成情况"]).column_letter].width == 60


def test_xlsx_figures_keep_their_written_decimals_through_import(engine, tmp_path):
    apply_changes(engine, [FieldChange(12, "indicator:新增贷款:actual", "25.10")], actor="tg:1")
    path = tmp_path / "ledger.xlsx"
    write_xlsx(current(engine), TODAY, path)
    imported = read_spreadsheet(path, current(engine), TODAY)
    assert imported.by_number()[12].indicator("新增贷款").actual == "25.10"


def test_an_edit_in_the_sheet_is_imported(engine, tmp_path):
    path = tmp_path / "ledger.csv"
    write_csv(current(engine), TODAY, path)
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    row = next(r for r in rows if r[0] == "12")
    row[COLUMNS.index("完成值")] = "25.1"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    result = load_ledger(engine, read_spreadsheet(path, current(engine), TODAY), source=path.name)
    assert result.updated == [(12, "indicator:新增贷款")]


def test_gbk_csv_is_accepted(engine, tmp_path):
    path = tmp_path / "gbk.csv"
    write_csv(current(engine), TODAY, path)
    text = path.read_text(encoding="utf-8-sig")
    path.write_bytes(text.encode("gb18030"))
    assert len(read_spreadsheet(path, current(engine), TODAY).targets) == 66


def rewrite_csv(engine, tmp_path, mutate):
    path = tmp_path / "bad.csv"
    write_csv(current(engine), TODAY, path)
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    bad_row = mutate(rows)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path, bad_row


def set_cell(number, column, value):
    def mutate(rows):
        index = next(i for i, r in enumerate(rows) if r[0] == str(number))
        rows[index][COLUMNS.index(column)] = value
        return index + 1  # the row number a spreadsheet shows

    return mutate


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (set_cell(12, "序号", "99"), "“序号”列：2020年台账中没有第99项目标（共66项）"),
        (set_cell(12, "完成值", "二十四"), "“完成值”列：“二十四”不是数字"),
        (set_cell(12, "单位", "万无"), "“单位”列：未知单位“万无”"),
        (set_cell(12, "状态", "差不多"), "“状态”列：“差不多”不是有效状态"),
        (set_cell(12, "序号", "11"), "“序号”列：序号11重复"),
        (set_cell(12, "完成时限", "年底"), "“完成时限”列：“年底”应写成 2020-12-31(年底前)"),
        (set_cell(12, "完成值单位", "个"), "“完成值单位”列：“个”无法换算成单位“亿元”"),
        (
            set_cell(12, "责任单位", "县金融工作局(牵头)；县大数据中心(配合)"),
            "“责任单位”列：台账中没有“县大数据中心”这个责任单位",
        ),
        (set_cell(12, "责任单位", "县局(牵头)"), "“责任单位”列：“县局”可能是："),
    ],
)
def test_bad_rows_are_rejected_whole_with_row_and_column(engine, tmp_path, mutate, expected):
    before = current(engine)
    path, bad_row = rewrite_csv(engine, tmp_path, mutate)
    with pytest.raises(SpreadsheetError) as info:
        read_spreadsheet(path, before, TODAY)
    message = str(info.value)
    assert expected in message and f"第{bad_row}行" in message, message
    assert current(engine) == before


def test_empty_and_broken_files(engine, tmp_path):
    base = current(engine)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(SpreadsheetError, match="文件是空的"):
        read_spreadsheet(empty, base, TODAY)
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\xff\xfe\x00\x81\x30\xff" * 50)
    with pytest.raises(SpreadsheetError, match="UTF-8"):
        read_spreadsheet(binary, base, TODAY)
    truncated = tmp_path / "cut.xlsx"
    write_xlsx(base, TODAY, truncated)
    truncated.write_bytes(truncated.read_bytes()[:500])
    with pytest.raises(SpreadsheetError, match="xlsx"):
        read_spreadsheet(truncated, base, TODAY)


def test_formulas_are_refused(engine, tmp_path):
    path = tmp_path / "formula.xlsx"
    book = Workbook()
    book.active.append(list(COLUMNS))
    book.active.append(["12", "目标", "", "", "新增贷款", "14", "亿元", "=1+1", "", ""])
    book.save(path)
    with pytest.raises(SpreadsheetError, match="第2行“完成值”列：单元格是公式"):
        read_spreadsheet(path, current(engine), TODAY)


# Text an admin may type that a spreadsheet would run as a formula, and near misses.
INJECTED = {
    (12, "status_reason"): '=HYPERLINK("http://x.example","x")',
    (12, "progress_text"): "=cmd|' /C calc'!A0",
    (12, "indicator:新增贷款:as_of"): "+1+1",
    (12, "indicator:新增贷款:remark"): "@SUM(1)",
    (56, "progress_text"): "-2+3",
    (56, "status_reason"): "'=already quoted by its author",
    (3, "progress_text"): "\t=1",
    (4, "progress_text"): "''+x",
}


def _raw_cells(path) -> list[str]:
    if path.suffix == ".csv":
        text = path.read_text(encoding="utf-8-sig")
        return [c for row in csv.reader(io.StringIO(text, newline="")) for c in row]
    sheet = load_workbook(path).active
    return [c for row in sheet.iter_rows(values_only=True) for c in row if c is not None]


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_formula_cells_are_neutralised_in_exports_and_round_trip(engine, tmp_path, suffix):
    changes = [FieldChange(n, "status_override", "滞后") for n in (12, 56)]
    changes += [FieldChange(n, name, value) for (n, name), value in INJECTED.items()]
    apply_changes(engine, changes, actor="tg:42")
    before = current(engine)
    path = tmp_path / f"ledger.{suffix}"
    (write_xlsx if suffix == "xlsx" else write_csv)(before, TODAY, path)
    cells = _raw_cells(path)
    texts = [c for c in cells if isinstance(c, str)]  # figures are numbers in an xlsx
    for cell in texts:
        assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell
        assert not cell.startswith("-") or parse_decimal(cell) is not None, cell
    assert '\'=HYPERLINK("http://x.example","x")' in cells
    assert ("-2.6" if suffix == "csv" else -2.6) in cells
    assert "''=already quoted by its author" in cells and "'''+x" in cells
    imported = read_spreadsheet(path, before, TODAY)
    for a, b in zip(imported.targets, before.targets, strict=True):
        assert dataclasses.replace(b, updated_at=None, updated_by="") == a
    result = load_ledger(engine, imported, source=path.name)
    assert result.updated == [] and result.conflicts == []
    assert current(engine) == before


def test_units_in_a_sheet_are_read_as_assign_reads_them(engine, tmp_path):
    """A former or short name is the unit the ledger holds; a new one only when marked 新单位."""
    cell = "金融办(牵头)；卫生局(配合)；县大数据中心(配合,新单位)"
    path, _ = rewrite_csv(engine, tmp_path, set_cell(12, "责任单位", cell))
    imported = read_spreadsheet(path, current(engine), TODAY).by_number()[12]
    assert [(u.name, u.role) for u in imported.units] == [
        ("县金融工作局", "lead"),
        ("县卫健委", "assist"),
        ("县大数据中心", "assist"),
    ]
