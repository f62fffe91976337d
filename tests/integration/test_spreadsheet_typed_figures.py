"""An admin exports the ledger, types figures into Excel with a Chinese input method left in
full-width mode (２６．５, １，２００), and imports the sheet: the figures are read as /set reads
them. Before, the import refused the whole sheet: "“２６．５”不是数字"."""

from __future__ import annotations

from openpyxl import load_workbook


def type_into(path, number: int, values: dict[str, str]) -> None:
    """Type `values` (column → text) into the first row of target `number`, as text cells."""
    book = load_workbook(path)
    sheet = book.active
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == number)
    for column, value in values.items():
        row[header.index(column)].value = value
    book.save(path)


def test_full_width_figures_typed_in_excel_are_imported(run_cli, tmp_path):
    sheet = tmp_path / "台账.xlsx"
    assert run_cli("export", "--format", "xlsx", "-o", str(sheet))[0] == 0
    type_into(sheet, 12, {"完成值": "２６．５"})
    type_into(sheet, 58, {"目标值": "２，４５０"})

    code, out, err = run_cli("import", str(sheet))
    assert (code, err) == (0, "")
    assert out.startswith("新建0项，更新2个字段，冲突0个")
    assert "新增贷款：26.5亿元；目标≥14亿元" in run_cli("show", "12")[1]
    assert "目标≥2450人" in run_cli("show", "58")[1]


def test_a_figure_that_is_no_number_in_any_width_is_still_refused(run_cli, tmp_path):
    sheet = tmp_path / "台账.xlsx"
    run_cli("export", "--format", "xlsx", "-o", str(sheet))
    type_into(sheet, 12, {"完成值": "约２６亿"})
    code, _, err = run_cli("import", str(sheet))
    assert code == 2
    assert "“约26亿”不是数字" in err
