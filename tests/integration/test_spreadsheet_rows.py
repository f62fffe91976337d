"""A sheet edited by hand and imported through the CLI: a figure keeps every digit typed, and
a target's further row (序号 left empty, as merged cells leave it) has its target cells read,
filling what the first row left empty and refused by row and column where they differ."""

from __future__ import annotations

import csv
import json

from openpyxl import load_workbook

from bot.render.spreadsheet import COLUMNS


def _show(run_cli, number: int) -> dict:
    code, out, _ = run_cli("show", str(number), "--json")
    assert code == 0
    return json.loads(out)


def _actual(run_cli, number: int, name: str) -> str:
    found = _show(run_cli, number)["indicators"]
    return next(i["actual"] for i in found if i["name"] == name)


def test_a_figure_with_more_decimals_than_its_cell_shows_is_imported_as_typed(run_cli, tmp_path):
    path = tmp_path / "ledger.xlsx"
    assert run_cli("export", "--format", "xlsx", "-o", str(path))[0] == 0
    book = load_workbook(path)
    sheet = book.active
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == 12)
    cell = sheet.cell(row, COLUMNS.index("完成值") + 1)
    assert cell.number_format == "0.00"  # the export shows two decimals
    cell.value = 24.435  # typed over it: the cell shows two decimals, the figure has three
    book.save(path)
    code, out, _ = run_cli("import", str(path))
    assert code == 0, out
    assert _actual(run_cli, 12, "新增贷款") == "24.435"  # was cut to the format: "24.43"


def _rows(path) -> list[list[str]]:
    return list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))


def _write(path, rows) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)


def _target_rows(rows, number: int) -> tuple[int, int]:
    """The index of the target's first row and of its second (a further indicator's) row."""
    first = next(i for i, r in enumerate(rows) if r[0] == str(number))
    assert rows[first + 1][0] == ""  # 26 has two indicators: its second row leaves 序号 empty
    return first, first + 1


def test_a_further_rows_target_cell_is_read_not_dropped(run_cli, tmp_path):
    path = tmp_path / "ledger.csv"
    assert run_cli("export", "--format", "csv", "-o", str(path))[0] == 0
    rows = _rows(path)
    first, further = _target_rows(rows, 26)
    progress = COLUMNS.index("完成情况")
    rows[first][progress] = ""
    rows[further][progress] = "6所幼儿园、2所学校均已交付使用。"  # written on the second row
    _write(path, rows)
    code, out, err = run_cli("import", str(path))
    assert code == 0, err
    assert _show(run_cli, 26)["progress_text"] == "6所幼儿园、2所学校均已交付使用。"


def test_a_further_row_that_says_otherwise_is_refused_by_row_and_column(run_cli, tmp_path):
    path = tmp_path / "ledger.csv"
    assert run_cli("export", "--format", "csv", "-o", str(path))[0] == 0
    before = _show(run_cli, 26)
    rows = _rows(path)
    _, further = _target_rows(rows, 26)
    rows[further][COLUMNS.index("完成情况")] = "另写的一段进展"
    _write(path, rows)
    code, out, err = run_cli("import", str(path))
    assert code == 2 and "未导入任何内容" in err
    said = "该行没有序号，属于上面的第26项，但“完成情况”与第"
    assert f"第{further + 1}行“完成情况”列：{said}" in err
    assert "如是另一项目标，请填写它的序号" in err
    assert _show(run_cli, 26) == before


def test_a_negative_count_or_share_is_refused_by_row_and_column_as_set_refuses_it(
    run_cli, tmp_path
):
    # Before, "-500" typed over 新建停车位's 500个 imported, where /set refuses it.
    path = tmp_path / "ledger.csv"
    assert run_cli("export", "--format", "csv", "-o", str(path))[0] == 0
    rows = _rows(path)
    actual, name = rows[0].index("完成值"), rows[0].index("指标")
    parking = next(i for i, r in enumerate(rows) if r[0] == "30")
    land = next(i for i, r in enumerate(rows) if r[name] == "违法占用耕地面积比例")
    rows[parking][actual], rows[land][actual] = "-500", "-5"
    _write(path, rows)
    code, out, err = run_cli("import", str(path))
    assert code == 2 and out == "", out
    assert (
        f"第{parking + 1}行“完成值”列：“-500”是负数，“新建停车位”不会小于0，请填写0或正数" in err
    )
    assert f"第{land + 1}行“完成值”列：“-5”是负数，“违法占用耕地面积比例”不会小于0" in err
    assert _actual(run_cli, 30, "新建停车位") == "500"  # nothing imported
    # a growth rate may fall below zero (a change, not a count)
    growth = next(i for i, r in enumerate(rows) if r[name] == "固定资产投资增速")
    rows[parking][actual], rows[land][actual], rows[growth][actual] = "500", "6.9", "-3"
    _write(path, rows)
    code, out, err = run_cli("import", str(path))
    assert code == 0, err
    assert _actual(run_cli, 1, "固定资产投资增速") == "-3"
