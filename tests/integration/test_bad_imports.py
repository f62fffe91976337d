"""Malformed import files: rejected whole with a clear error, and the database left as it was.

Each bad file goes through `bot.spreadsheet.read_spreadsheet` and through the CLI
(`python main.py import FILE`, in-process via `bot.cli.main`): the error names the file and,
where it applies, the row and column; the exit status is 2; not one byte of the database moves.
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

from bot.bootstrap import open_engine
from bot.config import Config
from bot.spreadsheet import (
    COLUMNS,
    MAX_CELL,
    MAX_ROWS,
    SpreadsheetError,
    ledger_rows,
    read_spreadsheet,
    write_xlsx,
)
from bot.store import read_ledger

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
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
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


BAD_FILES = {
    "truncated xlsx": truncated_xlsx,
    "zip that is not xlsx": zip_not_xlsx,
    "empty xlsx": empty_xlsx,
    "UTF-16 CSV": utf16_csv,
    "random bytes": random_bytes_csv,
    "Big5 CSV": big5_csv,
    "formula in xlsx": formula_xlsx,
    "formula in CSV": formula_csv,
    "huge cell in CSV": huge_cell_csv,
    "huge cell in xlsx": huge_cell_xlsx,
    "field over the csv limit": giant_field_csv,
    "100,000 rows": hundred_thousand_rows_csv,
    "old .xls": wrong_suffix,
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
