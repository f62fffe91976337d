"""A figure cell formatted as a percentage in an edited xlsx (0.95 shown as 95%): imported as
the 95 people read where the row's unit is %, and refused by row and column where it is not."""

from __future__ import annotations

import json

from openpyxl import load_workbook

from bot.render.spreadsheet import COLUMNS

ACTUAL = COLUMNS.index("完成值") + 1
UNIT = COLUMNS.index("单位") + 1


def _indicators(run_cli, number: int) -> list[dict]:
    code, out, _ = run_cli("show", str(number), "--json")
    assert code == 0
    return json.loads(out)["indicators"]


def _exported(run_cli, tmp_path):
    path = tmp_path / "ledger.xlsx"
    assert run_cli("export", "--format", "xlsx", "-o", str(path))[0] == 0
    book = load_workbook(path)
    return path, book, book.active


def _row_in(sheet, unit: str) -> tuple[int, int, str]:
    """(sheet row, target number, indicator name) of the first target row in `unit`."""
    for r in range(2, sheet.max_row + 1):
        if sheet.cell(r, UNIT).value == unit and sheet.cell(r, 1).value:
            return r, int(sheet.cell(r, 1).value), sheet.cell(r, COLUMNS.index("指标") + 1).value
    raise AssertionError(f"no row in {unit}")


def test_a_percent_formatted_figure_in_a_percent_column_is_imported_as_shown(run_cli, tmp_path):
    path, book, sheet = _exported(run_cli, tmp_path)
    row, number, name = _row_in(sheet, "%")
    cell = sheet.cell(row, ACTUAL)
    cell.value, cell.number_format = 0.955, "0.0%"  # typed as 95.5% in Excel
    book.save(path)
    code, out, err = run_cli("import", str(path))
    assert code == 0, (out, err)
    [found] = [i for i in _indicators(run_cli, number) if i["name"] == name]
    assert found["actual"] == "95.5"  # was "0.955"


def test_a_percent_formatted_figure_in_another_unit_is_refused_and_nothing_imported(
    run_cli, tmp_path
):
    path, book, sheet = _exported(run_cli, tmp_path)
    row, number, name = _row_in(sheet, "亿元")
    before = _indicators(run_cli, number)
    cell = sheet.cell(row, ACTUAL)
    cell.value, cell.number_format = 0.95, "0%"
    book.save(path)
    code, out, err = run_cli("import", str(path))
    assert code == 2, (out, err)
    assert f"第{row}行" in err and "完成值" in err
    assert "“95%”是百分比，但该指标的单位是“亿元”" in err
    assert _indicators(run_cli, number) == before


def test_a_figure_typed_with_its_rows_unit_is_that_figure(run_cli, tmp_path):
    # Staff editing the export typed "525个" in 完成值 where 单位 says 个: before, "“525个”不是
    # 数字" and nothing imported. A figure in words is still refused, saying how to write it.
    path, book, sheet = _exported(run_cli, tmp_path)
    row, number, name = _row_in(sheet, "个")
    sheet.cell(row, ACTUAL).value = "525个"
    book.save(path)
    code, out, err = run_cli("import", str(path))
    assert code == 0, (out, err)
    [found] = [i for i in _indicators(run_cli, number) if i["name"] == name]
    assert (found["actual"], found["unit"]) == ("525", "个")
    sheet.cell(row, ACTUAL).value = "五百二十六"
    book.save(path)
    code, out, err = run_cli("import", str(path))
    assert code == 2, (out, err)
    assert f"第{row}行“完成值”列：“五百二十六”不是数字，请写阿拉伯数字 526；" in err
