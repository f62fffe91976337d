"""Malformed import files: rejected whole with a clear error, and the database left as it was.

Each bad file goes through `bot.render.spreadsheet_read.read_spreadsheet` and through the CLI
(`python main.py import FILE`, in-process via `bot.adapters.cli.main`): the error names the file
and, where it applies, the row and column; the exit status is 2; not one byte of the database
moves.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import sqlite3
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlmodel import Session

from bot.app.services import open_engine
from bot.config import Config
from bot.render.ledger_toml import MAX_LEDGER_FILE_BYTES, dump_ledger
from bot.render.spreadsheet import COLUMNS, ledger_rows, write_xlsx
from bot.render.spreadsheet_files import (
    MAX_CELL,
    MAX_FILE_BYTES,
    MAX_ROWS,
    XLSX_MAX_CELLS,
    XLSX_MAX_MEMBERS,
    XLSX_MAX_SHARED_STRINGS_BYTES,
    SpreadsheetError,
)
from bot.render.spreadsheet_read import read_spreadsheet
from bot.store.ledger_store import read_ledger

TODAY = dt.date(2021, 1, 15)


# --- the bad files ----------------------------------------------------------------------------


def good_rows(base) -> list[list[str]]:
    return [list(COLUMNS), *ledger_rows(base, TODAY)]


def csv_text(rows: list[list[str]]) -> str:
    out = io.StringIO(newline="")
    csv.writer(out).writerows(rows)
    return out.getvalue()


def row_of(rows: list[list[str]], number: int) -> int:
    """The 1-based spreadsheet row of target `number`'s first line."""
    return next(i for i, r in enumerate(rows, start=1) if r[0] == str(number))


def xlsx_of(rows: list[list], path: Path) -> None:
    """Writes `rows` as the first sheet of a new workbook at `path`."""
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)


def truncated_xlsx(tmp: Path, base):
    path = tmp / "truncated.xlsx"
    write_xlsx(base, TODAY, path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])
    return path, "不是有效的xlsx文件", 1, ""


def zip_not_xlsx(tmp: Path, base):
    path = tmp / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "这不是台账")
        archive.writestr("data/ledger.csv", csv_text(good_rows(base)))
    return path, "不是有效的xlsx文件", 1, ""


def empty_xlsx(tmp: Path, base):
    path = tmp / "empty.xlsx"
    path.write_bytes(b"")
    return path, "不是有效的xlsx文件", 1, ""


def utf16_csv(tmp: Path, base):
    path = tmp / "utf16.csv"
    path.write_bytes(csv_text(good_rows(base)).encode("utf-16"))
    return path, "既不是UTF-8也不是GBK编码", 1, ""


def random_bytes_csv(tmp: Path, base):
    path = tmp / "random.csv"
    path.write_bytes(random.Random(7).randbytes(50_000))
    return path, "既不是UTF-8也不是GBK编码", 1, ""


def big5_csv(tmp: Path, base):
    path = tmp / "big5.csv"
    text = csv_text(good_rows(base))
    path.write_bytes(text.encode("big5", errors="replace"))
    # Big5 bytes decode as (garbled) GB18030, so the header is what gives it away
    return path, "表头缺少此列", 1, "序号"


def formula_xlsx(tmp: Path, base):
    rows = good_rows(base)
    path = tmp / "formula.xlsx"
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    target_row = row_of(rows, 12)
    sheet.cell(target_row, COLUMNS.index("完成值") + 1).value = "=SUM(1,2)"
    book.save(path)
    return path, "单元格是公式", target_row, "完成值"


def formula_csv(tmp: Path, base):
    rows = good_rows(base)
    target_row = row_of(rows, 12)
    rows[target_row - 1][COLUMNS.index("完成值")] = '=HYPERLINK("http://x","1")'
    path = tmp / "formula.csv"
    path.write_text(csv_text(rows), encoding="utf-8-sig")
    return path, "不是数字", target_row, "完成值"


def huge_cell_csv(tmp: Path, base):
    rows = good_rows(base)
    target_row = row_of(rows, 12)
    rows[target_row - 1][COLUMNS.index("完成情况")] = "进" * (MAX_CELL + 5_000)
    path = tmp / "huge_cell.csv"
    path.write_text(csv_text(rows), encoding="utf-8-sig")
    return path, "内容过长", target_row, "完成情况"


def huge_cell_xlsx(tmp: Path, base):
    rows = good_rows(base)
    target_row = row_of(rows, 3)
    rows[target_row - 1][COLUMNS.index("目标任务")] = "任" * (MAX_CELL + 1)
    path = tmp / "huge_cell.xlsx"
    xlsx_of(rows, path)
    return path, "内容过长", target_row, "目标任务"


def giant_field_csv(tmp: Path, base):
    """Beyond the csv module's own field limit (131,072 characters)."""
    rows = good_rows(base)
    rows[1][COLUMNS.index("备注")] = "x" * 200_000
    path = tmp / "giant_field.csv"
    path.write_text(csv_text(rows), encoding="utf-8")
    return path, "CSV格式错误", 2, ""


def hundred_thousand_rows_csv(tmp: Path, base):
    """A header, target 12's row and 100,000 further indicator rows for it."""
    rows = good_rows(base)
    first = rows[row_of(rows, 12) - 1]
    path = tmp / "100k.csv"
    width = len(COLUMNS)
    name, target, unit, actual = (COLUMNS.index(c) for c in ("指标", "目标值", "单位", "完成值"))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerow(first)
        for i in range(100_000):
            row = [""] * width
            row[name], row[target], row[unit], row[actual] = f"指标{i}", "1", "亿元", str(i)
            writer.writerow(row)
    return path, f"行数超过上限{MAX_ROWS}行", MAX_ROWS + 2, ""


def wrong_suffix(tmp: Path, base):
    path = tmp / "ledger.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 1000)
    return path, "只支持", None, None


def csv_with(tmp: Path, base, name: str, number: int, column: str, value: str):
    rows = good_rows(base)
    target_row = row_of(rows, number)
    rows[target_row - 1][COLUMNS.index(column)] = value
    path = tmp / name
    path.write_text(csv_text(rows), encoding="utf-8-sig")
    return path, target_row


def forty_digit_figure_csv(tmp: Path, base):
    path, row = csv_with(tmp, base, "forty_digits.csv", 12, "完成值", "1" * 40)
    return path, "整数部分有40位", row, "完成值"


def unknown_unit_csv(tmp: Path, base):
    """A unit the ledger does not hold is refused as /assign refuses it, not created."""
    path, row = csv_with(tmp, base, "unknown_unit.csv", 12, "责任单位", "县大数据中心(牵头)")
    return path, "台账中没有“县大数据中心”这个责任单位", row, "责任单位"


def seven_decimals_csv(tmp: Path, base):
    path, row = csv_with(tmp, base, "seven_decimals.csv", 56, "目标值", "49.1234567")
    return path, "小数部分有7位", row, "目标值"


def exponent_figure_xlsx(tmp: Path, base):
    rows = good_rows(base)
    target_row = row_of(rows, 12)
    rows[target_row - 1][COLUMNS.index("目标值")] = "1e999999999"
    path = tmp / "exponent.xlsx"
    xlsx_of(rows, path)
    return path, "科学计数法", target_row, "目标值"


def negative_number_xlsx(tmp: Path, base):
    # "-12" is a whole number: the refusal says a target number is a positive one
    rows = good_rows(base)
    target_row = row_of(rows, 12)
    rows[target_row - 1][COLUMNS.index("序号")] = -12
    path = tmp / "negative_number.xlsx"
    xlsx_of(rows, path)
    return path, "“-12”不是目标序号（应为正整数，如 12）", target_row, "序号"


def control_character_csv(tmp: Path, base):
    path, row = csv_with(tmp, base, "control.csv", 12, "简称", "贷款\x01")
    return path, "U+0001", row, "简称"


def nul_csv(tmp: Path, base):
    path, row = csv_with(tmp, base, "nul.csv", 12, "完成情况", "进展\x00良好")
    return path, "U+0000", row, "完成情况"


def newline_in_one_line_field_csv(tmp: Path, base):
    path, row = csv_with(tmp, base, "newline.csv", 12, "指标", "新增\n贷款")
    return path, "U+000A", row, "指标"


def c1_control_xlsx(tmp: Path, base):
    rows = good_rows(base)
    target_row = row_of(rows, 5)
    rows[target_row - 1][COLUMNS.index("别名")] = "别名\x9b31m"
    path = tmp / "c1.xlsx"
    xlsx_of(rows, path)
    return path, "U+009B", target_row, "别名"


def rewrite_member(source: Path, path: Path, replace: dict[str, bytes], extra=()) -> None:
    """Copy the xlsx at `source` to `path`, with some members' bytes replaced or added."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, replace.get(info.filename, old.read(info.filename)))
        for name, data in extra:
            new.writestr(name, data)


SHARED_STRINGS = "xl/sharedStrings.xml"
SHARED_STRINGS_TYPE = (
    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
)


def with_shared_strings(source: Path, path: Path, strings: bytes) -> None:
    """Add a shared-string table that openpyxl loads when it opens the workbook."""
    with zipfile.ZipFile(source) as archive:
        types = archive.read("[Content_Types].xml")
    types = types.replace(b"</Types>", SHARED_STRINGS_TYPE + b"</Types>")
    rewrite_member(source, path, {"[Content_Types].xml": types}, extra=[(SHARED_STRINGS, strings)])


def exported(tmp: Path, base) -> Path:
    source = tmp / "export.xlsx"
    if not source.exists():
        write_xlsx(base, TODAY, source)
    return source


SHEET = "xl/worksheets/sheet1.xml"
SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)


def raw_control_byte_xlsx(tmp: Path, base):
    """A raw \\x01 inside the sheet's XML: not well-formed XML at all."""
    source = exported(tmp, base)
    with zipfile.ZipFile(source) as archive:
        sheet = archive.read(SHEET)
    path = tmp / "raw_control.xlsx"
    rewrite_member(source, path, {SHEET: sheet.replace(b"<t>", b"<t>\x01", 1)})
    return path, "xlsx文件读取失败", None, None


def zip_bomb_xlsx(tmp: Path, base):
    """A sheet of 200 MiB of blanks that packs into about 200 KiB."""
    source = exported(tmp, base)
    path = tmp / "bomb.xlsx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename != SHEET:
                new.writestr(info.filename, old.read(info.filename))
        with new.open(SHEET, "w", force_zip64=True) as sheet:
            sheet.write(SHEET_HEAD)
            block = b" " * (1 << 20)
            for _ in range(200):
                sheet.write(block)
            sheet.write(b"<sheetData/></worksheet>")
    return path, "解压后", None, None


def compression_ratio_xlsx(tmp: Path, base):
    """Under every size limit, but packed 1000:1 as no real sheet is."""
    source = exported(tmp, base)
    path = tmp / "ratio.xlsx"
    padding = b" " * (20 << 20)
    rewrite_member(source, path, {SHEET: SHEET_HEAD + padding + b"<sheetData/></worksheet>"})
    return path, "压缩比", None, None


def huge_shared_string_xlsx(tmp: Path, base):
    source = exported(tmp, base)
    path = tmp / "shared.xlsx"
    text = "字" * ((XLSX_MAX_SHARED_STRINGS_BYTES + (1 << 20)) // 3)
    strings = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
        f'uniqueCount="1"><si><t>{text}</t></si></sst>'
    ).encode()
    with_shared_strings(source, path, strings)
    return path, "sharedStrings", None, None


def many_members_xlsx(tmp: Path, base):
    source = exported(tmp, base)
    path = tmp / "members.xlsx"
    extra = [(f"xl/media/empty{i}.bin", b"") for i in range(XLSX_MAX_MEMBERS + 1)]
    rewrite_member(source, path, {}, extra=extra)
    return path, "部件", None, None


def wide_sheet_xlsx(tmp: Path, base):
    """Rows of 16,384 empty cells with no <dimension>, past the cell budget."""
    source = exported(tmp, base)
    path = tmp / "wide.xlsx"
    columns = [
        "".join(chr(65 + d) for d in digits) for digits in (_letters(i) for i in range(16_384))
    ]
    rows_needed = XLSX_MAX_CELLS // len(columns) + 1
    body = b"".join(
        b'<row r="%d">' % r + "".join(f'<c r="{c}{r}"/>' for c in columns).encode() + b"</row>"
        for r in range(1, rows_needed + 1)
    )
    rewrite_member(
        source, path, {SHEET: SHEET_HEAD + b"<sheetData>" + body + b"</sheetData></worksheet>"}
    )
    return path, "单元格", None, None


def _letters(index: int) -> list[int]:
    digits = []
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        digits.append(rest)
    return digits[::-1]


def lying_dimension_xlsx(tmp: Path, base):
    """A small sheet whose <dimension> claims all 16,384 columns and a million rows."""
    source = exported(tmp, base)
    with zipfile.ZipFile(source) as archive:
        sheet = archive.read(SHEET)
    head, _, tail = sheet.partition(b"<dimension ref=")
    tail = tail.split(b"/>", 1)[1]
    path = tmp / "dimension.xlsx"
    rewrite_member(source, path, {SHEET: head + b'<dimension ref="A1:XFD1048576"/>' + tail})
    return path, "1048576行×16384列", None, None


BILLION_LAUGHS = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">
<si><t>&lol9;</t></si></sst>"""


def billion_laughs_xlsx(tmp: Path, base):
    source = exported(tmp, base)
    path = tmp / "laughs.xlsx"
    with_shared_strings(source, path, BILLION_LAUGHS)
    return path, "DTD", None, None


def xxe_xlsx(tmp: Path, base):
    """An external entity in the sheet that would read a local file into a cell."""
    source = exported(tmp, base)
    with zipfile.ZipFile(source) as archive:
        sheet = archive.read(SHEET)
    doctype = b'<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    sheet = sheet.replace(b"<worksheet", doctype + b"<worksheet", 1)
    sheet = sheet.replace(b"<t>", b"<t>&xxe;", 1)
    path = tmp / "xxe.xlsx"
    rewrite_member(source, path, {SHEET: sheet})
    return path, "DTD", None, None


def oversized_csv(tmp: Path, base):
    path = tmp / "oversized.csv"
    rows = good_rows(base)
    text = csv_text(rows)
    with path.open("w", encoding="utf-8") as handle:
        handle.write(text)
        filler = ("," * (len(COLUMNS) - 1) + "\n") * 10_000
        while handle.tell() <= MAX_FILE_BYTES:
            handle.write(filler)
    return path, "超过上限", None, None


BAD_FILES = {
    "truncated xlsx": truncated_xlsx,
    "zip that is not xlsx": zip_not_xlsx,
    "empty xlsx": empty_xlsx,
    "UTF-16 CSV": utf16_csv,
    "random bytes": random_bytes_csv,
    "Big5 CSV": big5_csv,
    "negative target number in xlsx": negative_number_xlsx,
    "formula in xlsx": formula_xlsx,
    "formula in CSV": formula_csv,
    "huge cell in CSV": huge_cell_csv,
    "huge cell in xlsx": huge_cell_xlsx,
    "field over the csv limit": giant_field_csv,
    "100,000 rows": hundred_thousand_rows_csv,
    "old .xls": wrong_suffix,
    "40-digit figure in CSV": forty_digit_figure_csv,
    "7 decimals in CSV": seven_decimals_csv,
    "unknown unit in CSV": unknown_unit_csv,
    "exponent figure in xlsx": exponent_figure_xlsx,
    "control character in CSV": control_character_csv,
    "NUL in CSV": nul_csv,
    "newline in a one-line CSV field": newline_in_one_line_field_csv,
    "C1 control in xlsx": c1_control_xlsx,
    "raw control byte in xlsx XML": raw_control_byte_xlsx,
    "zip bomb xlsx": zip_bomb_xlsx,
    "1000:1 compression xlsx": compression_ratio_xlsx,
    "huge shared string xlsx": huge_shared_string_xlsx,
    "too many zip members xlsx": many_members_xlsx,
    "16,384-column rows xlsx": wide_sheet_xlsx,
    "lying dimension xlsx": lying_dimension_xlsx,
    "billion laughs xlsx": billion_laughs_xlsx,
    "XXE xlsx": xxe_xlsx,
    "CSV over the size limit": oversized_csv,
}


# --- the database, byte for byte ---------------------------------------------------------------


def dump(db_path: Path) -> str:
    with sqlite3.connect(db_path) as db:
        text = "\n".join(db.iterdump())
    db.close()
    return text


@pytest.fixture
def cli(tmp_path, cli_config_path, run_cli):
    config = cli_config_path
    invoke = run_cli

    engine = open_engine(
        Config(database_url=f"sqlite:///{tmp_path / 'cli.db'}", today=TODAY, source=str(config))
    )
    with Session(engine) as session:
        base = read_ledger(session)
    engine.dispose()
    invoke.base = base
    invoke.db = tmp_path / "cli.db"
    return invoke


def check_problem(exc: SpreadsheetError, path: Path, text: str, row, column) -> None:
    assert exc.file == str(path)
    assert str(exc).startswith(f"{path}: 文件有误，未导入任何内容")
    assert exc.problems, "a rejection must say what is wrong"
    if text:
        assert any(text in p.message for p in exc.problems), exc.problems
    if row is not None:
        assert exc.problems[0].row == row, exc.problems
    if column is not None:
        assert exc.problems[0].column == column, exc.problems


@pytest.mark.parametrize("make", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_read_spreadsheet_rejects_with_file_row_and_column(tmp_path, engine, make):
    with Session(engine) as session:
        base = read_ledger(session)
    path, text, row, column = make(tmp_path, base)
    with pytest.raises(SpreadsheetError) as caught:
        read_spreadsheet(path, base, TODAY)
    check_problem(caught.value, path, text, row, column)


@pytest.mark.parametrize("make", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_cli_import_rejects_and_leaves_the_database_unchanged(tmp_path, cli, make):
    path, text, row, column = make(tmp_path, cli.base)
    before = dump(cli.db)
    code, out, err = cli("import", str(path))
    assert code == 2, (out, err)
    assert out == ""
    assert err.startswith(f"错误：{path}: "), err
    assert "Traceback" not in err
    if text:
        assert text in err
    if row is not None:
        assert f"第{row}行" in err
    if column:
        assert f"“{column}”列" in err
    assert dump(cli.db) == before
    # and the same file with --force is rejected just the same
    code, _, _ = cli("import", str(path), "--force")
    assert code == 2 and dump(cli.db) == before


def test_cli_import_names_the_columns_it_left_out(tmp_path, cli):
    # Before, a column staff added beside the ledger's ("联系人") was dropped without a word:
    # what they typed there seemed imported. The file is no worse for it, so it is imported,
    # and the importer says which columns it did not read, by name and letter.
    rows = good_rows(cli.base)
    # a column with no header over a note, then 联系人
    rows = [[*rows[0], "", "联系人"], *([*r, "另记一笔", "张三"] for r in rows[1:])]
    path = tmp_path / "extra.xlsx"
    xlsx_of(rows, path)
    code, out, err = cli("import", str(path))
    assert code == 0, (out, err)
    letter = chr(ord("A") + len(COLUMNS))
    after = chr(ord(letter) + 1)
    assert (
        f"注意：以下列不是台账的列，其内容没有导入：无表头的一列（{letter}列）、“联系人”（{after}列）。"
    ) in out


def test_20000_rows_is_the_limit_not_a_crash(tmp_path, engine):
    """Exactly at the limit the file is read (and rejected only for what is in it)."""
    with Session(engine) as session:
        base = read_ledger(session)
    rows = good_rows(base)
    filler = [[""] * len(COLUMNS) for _ in range(MAX_ROWS + 1 - len(rows))]
    path = tmp_path / "at_limit.csv"
    path.write_text(csv_text(rows + filler), encoding="utf-8")
    ledger = read_spreadsheet(path, base, TODAY)  # blank rows are skipped
    assert len(ledger.targets) == len(base.targets)
    path.write_text(csv_text([*rows, *filler, [""] * len(COLUMNS)]), encoding="utf-8")
    with pytest.raises(SpreadsheetError, match="行数超过上限"):
        read_spreadsheet(path, base, TODAY)


# --- TOML ledger files -------------------------------------------------------------------------


def toml_with(tmp: Path, base, name: str, old: str, new: str) -> Path:
    text = dump_ledger(base)
    assert old in text
    path = tmp / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def forty_digit_figure_toml(tmp: Path, base):
    old = 'actual = "24.43"'
    return toml_with(tmp, base, "digits.toml", old, f'actual = "{"1" * 40}"'), (
        "第12项目标 indicators[0].actual：数值无效，“1111"
    )


def exponent_figure_toml(tmp: Path, base):
    old = 'target = "14"'
    return toml_with(tmp, base, "exponent.toml", old, 'target = "1e999999999"'), (
        "第12项目标 indicators[0].target：数值无效，“1e999999999”不能用科学计数法"
    )


def control_character_toml(tmp: Path, base):
    old = 'title = "新增贷款"'
    return toml_with(tmp, base, "control.toml", old, 'title = "新增贷款\\u0001"'), (
        "第12项目标 title：含有不可见的控制字符U+0001"
    )


def nul_in_progress_toml(tmp: Path, base):
    old = 'progress_text = "截止12月底'
    return toml_with(tmp, base, "nul.toml", old, 'progress_text = "\\u0000截止12月底'), (
        "第12项目标 progress_text：含有不可见的控制字符U+0000"
    )


def year_out_of_range_toml(tmp: Path, base):
    # a year such as 20210 (a typo of 2021) was imported beside 2020 as "新增20210年台账"
    return toml_with(tmp, base, "year.toml", "year = 2020", "year = 20210"), (
        "meta.year：应为1900到2200之间的台账年份，而不是 20210，未导入任何内容"
    )


def deep_array_toml(tmp: Path, base):
    path = tmp / "deep.toml"
    path.write_text("deep = " + "[" * 50_000 + "]" * 50_000 + "\n" + dump_ledger(base))
    return path, "数组或表嵌套"


def oversized_toml(tmp: Path, base):
    path = tmp / "big.toml"
    text = dump_ledger(base)
    path.write_text(text + "# " + "x" * MAX_LEDGER_FILE_BYTES + "\n", encoding="utf-8")
    return path, "文件超过8 MiB"


BAD_TOML = {
    "40-digit figure": forty_digit_figure_toml,
    "exponent figure": exponent_figure_toml,
    "control character in a title": control_character_toml,
    "NUL in a progress text": nul_in_progress_toml,
    "year out of range": year_out_of_range_toml,
    "50,000-deep array": deep_array_toml,
    "over the size limit": oversized_toml,
}


@pytest.mark.parametrize("make", BAD_TOML.values(), ids=BAD_TOML.keys())
def test_cli_import_of_a_bad_toml_names_the_file_and_field(tmp_path, cli, make):
    path, where = make(tmp_path, cli.base)
    before = dump(cli.db)
    code, out, err = cli("import", str(path))
    assert code == 2, (out, err)
    assert err.startswith(f"错误：{path}: "), err
    assert where in err and "Traceback" not in err
    assert dump(cli.db) == before


def test_openpyxl_parses_sheets_with_defusedxml():
    """The dependency is what makes openpyxl refuse entities in any part our scan misses."""
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML
