"""A ledger spreadsheet as an office edits it in Excel before importing it again: sorted by a
column, 序号 filled down every row. A target's further indicator rows leave 序号 empty in the
export, so a sort used to move them under another target, and the import moved 151 indicators
of the 2020 ledger onto target 63 without a word."""

import csv
import datetime as dt

import pytest
from sqlmodel import Session

from bot.render.spreadsheet import COLUMNS, write_csv
from bot.render.spreadsheet_files import SpreadsheetError
from bot.render.spreadsheet_read import read_spreadsheet
from bot.store.ledger_import import load_ledger
from bot.store.ledger_store import read_ledger

TODAY = dt.date(2021, 1, 15)
NUMBER, STATUS = COLUMNS.index("序号"), COLUMNS.index("状态")
TARGET_COLUMNS = [
    COLUMNS.index(c) for c in ("目标任务", "责任单位", "完成时限", "完成情况", "状态")
]


def current(engine):
    with Session(engine) as session:
        return read_ledger(session)


def exported(engine, tmp_path) -> tuple[list[str], list[list[str]]]:
    path = tmp_path / "ledger.csv"
    write_csv(current(engine), TODAY, path)
    header, *rows = csv.reader(path.read_text(encoding="utf-8-sig").splitlines())
    return header, rows


def imported(engine, tmp_path, header, rows):
    path = tmp_path / "edited.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([header, *rows])
    return read_spreadsheet(path, current(engine), TODAY)


def filled_down(rows: list[list[str]], columns: list[int]) -> list[list[str]]:
    """Every further row of a target with the first row's cells copied into `columns`."""
    out, first = [], None
    for row in rows:
        if row[NUMBER]:
            first = row
        out.append([first[i] if i in columns and not cell else cell for i, cell in enumerate(row)])
    return out


def by_status(rows: list[list[str]]) -> list[list[str]]:
    """Sorted on 状态 as Excel sorts: the further rows, with no status, go last."""
    return sorted(rows, key=lambda row: (not row[STATUS], row[STATUS]))


def test_a_sheet_sorted_after_export_is_refused_naming_where_each_row_belongs(engine, tmp_path):
    before = current(engine)
    header, rows = exported(engine, tmp_path)
    with pytest.raises(SpreadsheetError) as refused:
        imported(engine, tmp_path, header, by_status(rows))
    message = str(refused.value)
    assert "第68行“指标”列：“全市排名”是第1项的指标，却排在第63项之下" in message
    assert "（表格可能被排序过）；请在该行“序号”列填写1，或恢复原来的行序" in message
    assert current(engine) == before


def test_a_sheet_with_the_number_on_every_row_imports_sorted_or_not(engine, tmp_path):
    before = current(engine)
    header, rows = exported(engine, tmp_path)
    numbered = filled_down(rows, [NUMBER])
    for edited in (numbered, by_status(numbered), filled_down(rows, [NUMBER, *TARGET_COLUMNS])):
        ledger = imported(engine, tmp_path, header, edited)
        assert load_ledger(engine, ledger, source="edited.csv").updated == []
    assert current(engine) == before


def test_a_number_repeated_on_another_target_is_still_refused(engine, tmp_path):
    header, rows = exported(engine, tmp_path)
    row = next(r for r in rows if r[NUMBER] == "12")
    row[NUMBER] = "11"
    with pytest.raises(SpreadsheetError) as refused:
        imported(engine, tmp_path, header, rows)
    assert "序号11重复" in str(refused.value) and "“目标任务”与该行不同" in str(refused.value)
