"""The 数据时点 column of an edited sheet: a date cell (Excel makes one of "2020-11-30" typed
there) is stored in the ledger's words, as /set writes it, so the 序时进度 rules read it; a
month or day no calendar has is refused by row and column, and nothing is imported."""

from __future__ import annotations

import datetime as dt
import json

from openpyxl import load_workbook

from bot.render.spreadsheet import COLUMNS

AS_OF = COLUMNS.index("数据时点") + 1
NAME = COLUMNS.index("指标") + 1


def _exported(run_cli, tmp_path):
    path = tmp_path / "ledger.xlsx"
    assert run_cli("export", "--format", "xlsx", "-o", str(path))[0] == 0
    book = load_workbook(path)
    return path, book, book.active


def _as_of(run_cli, number: int, name: str) -> str:
    _, out, _ = run_cli("show", str(number), "--json")
    return next(i["as_of"] for i in json.loads(out)["indicators"] if i["name"] == name)


def test_a_date_cell_in_the_as_of_column_is_stored_in_the_ledgers_words(run_cli, tmp_path):
    # Before, it was stored as "2020-11-30", words no 序时进度 rule reads as a day.
    path, book, sheet = _exported(run_cli, tmp_path)
    cell = sheet.cell(2, AS_OF)
    cell.value, cell.number_format = dt.date(2020, 11, 30), "yyyy-mm-dd"
    name = sheet.cell(2, NAME).value
    book.save(path)

    code, out, err = run_cli("import", str(path))

    assert (code, err) == (0, ""), out
    assert _as_of(run_cli, 1, name) == "截至2020年11月30日"


def test_a_day_no_calendar_has_is_refused_by_row_and_column(run_cli, tmp_path):
    # Before, "截至13月" was imported as it stood, though /set refuses it.
    path, book, sheet = _exported(run_cli, tmp_path)
    name = sheet.cell(3, NAME).value
    before = _as_of(run_cli, 1, name)
    sheet.cell(3, AS_OF).value = "截至13月"
    book.save(path)

    code, out, err = run_cli("import", str(path))

    assert (code, out) == (2, "")
    assert err == (
        f"错误：{path}: 文件有误，未导入任何内容：\n"
        "  第3行“数据时点”列：“截至13月”中的日期不存在，请写成 截至11月、1-11月 或 截至11月30日\n"
    )
    assert _as_of(run_cli, 1, name) == before


def test_a_day_named_from_today_is_read_as_that_day_and_none_after_today(
    run_cli, tmp_path, cli_today
):
    # Before, "昨天" and "明天" were imported as the words typed (another day by tomorrow),
    # and "已全部完工" as the day a figure was counted to.
    path, book, sheet = _exported(run_cli, tmp_path)
    name = sheet.cell(2, NAME).value
    sheet.cell(2, AS_OF).value = "昨天"
    book.save(path)
    assert run_cli("import", str(path))[0] == 0
    day = dt.date.fromisoformat(cli_today) - dt.timedelta(days=1)
    assert _as_of(run_cli, 1, name) == f"截至{day.year}年{day.month}月{day.day}日"

    for words, problem in (
        ("明天", "在今天（" + cli_today + "）之后，还没有这一天的数据"),
        ("已全部完工", "“已全部完工”不是数据时点（数据时点写数值统计到的时间"),
    ):
        sheet.cell(2, AS_OF).value = words
        book.save(path)
        code, out, err = run_cli("import", str(path))
        assert (code, out) == (2, ""), words
        assert err.startswith(
            f"错误：{path}: 文件有误，未导入任何内容：\n  第2行“数据时点”列："
        ), err
        assert problem in err, err
        assert _as_of(run_cli, 1, name) == f"截至{day.year}年{day.month}月{day.day}日"
