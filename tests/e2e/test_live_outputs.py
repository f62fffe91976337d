"""Issue 13's "done when": one admin change reaches every output, each a real process."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from zoneinfo import ZoneInfo

from openpyxl import load_workbook
from PIL import Image

from tests.e2e.test_console import blocks, run_main


def _png_description(data: bytes) -> str:
    with Image.open(io.BytesIO(data)) as image:
        return image.text.get("Description", "")


def test_a_confirmed_set_shows_in_ask_report_export_and_chart(tmp_path):
    config_file = tmp_path / "config.toml"
    config_file.write_text(
        f'[database]\nurl = "sqlite:///{tmp_path / "ledger.db"}"\n'
        f'[paths]\nvar_dir = "{tmp_path / "var"}"\n',
        encoding="utf-8",
    )
    chat = run_main(
        "chat", "--config", str(config_file), stdin="/set 12 新增贷款 25.1亿元 截止12月底\n1\n"
    )
    assert chat.returncode == 0, chat.stderr
    assert blocks(chat.stdout)[2].startswith(
        "✅ 已修改：\n第12项 新增贷款 完成值：24.43亿元 → 25.1亿元"
    )

    def cli(*args: str) -> str:
        result = run_main(*args, "--config", str(config_file))
        assert result.returncode == 0, result.stderr
        return result.stdout

    assert "新增贷款 25.1亿元 / 目标14亿元（179.3%）" in cli("ask", "新增贷款完成了吗")

    report = cli("report")
    (line,) = [
        ln for ln in report.split("\n") if "新增贷款" in ln and "亿元" in ln and "12." not in ln
    ]
    assert line.startswith("截止12月底新增贷款25.1亿元，为目标14亿元的179.3%（")
    assert "24.43" not in report

    docx = tmp_path / "report.docx"
    cli("report", "--format", "docx", "-o", str(docx))
    with zipfile.ZipFile(docx) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    assert "截止12月底新增贷款25.1亿元" in body and "24.43" not in body

    xlsx, table = tmp_path / "ledger.xlsx", tmp_path / "ledger.csv"
    cli("export", "--format", "xlsx", "-o", str(xlsx))
    cli("export", "--format", "csv", "-o", str(table))
    sheet = load_workbook(xlsx).active
    header = [c.value for c in sheet[1]]
    (row,) = [r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] == 12]
    assert (row[header.index("完成值")], row[header.index("单位")]) == (25.1, "亿元")
    rows = list(csv.reader(io.StringIO(table.read_text(encoding="utf-8-sig"))))
    (row,) = [r for r in rows if r[0] == "12"]
    assert (row[rows[0].index("完成值")], row[rows[0].index("单位")]) == ("25.1", "亿元")
    assert row[rows[0].index("完成率")] == "179.3%"

    png = tmp_path / "chart.png"
    cli("chart", "-o", str(png))
    assert "新增贷款 25.1亿元 / 目标14亿元 179.3% · 超额完成" in _png_description(
        png.read_bytes()
    ).split("\n")


def test_history_and_undo_of_a_long_text_show_the_words_that_changed(tmp_path):
    config_file = tmp_path / "config.toml"
    config_file.write_text(
        f'[database]\nurl = "sqlite:///{tmp_path / "ledger.db"}"\n'
        f'[paths]\nvar_dir = "{tmp_path / "var"}"\n',
        encoding="utf-8",
    )
    script = "/note 66 四季度数据已出，全年增幅3.6%。\n1\n/history 66\n/undo\n"
    result = run_main("chat", "--config", str(config_file), stdin=script)
    assert result.returncode == 0, result.stderr
    history, undo = blocks(result.stdout)[3:5]
    # dated the day it is written, in the ledger's timezone: not 2021-01-01, the status day
    # of the closed 2020 year
    written = dt.datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat()
    added = f"（{written}补充）四季度数据已出，全年增幅3.6%。”］"
    assert history.split("\n")[1].endswith(f"进展：…四季度数据未出)［加上“ {added}")
    assert undo == f"已撤销：第66项 进展：…四季度数据未出)［删去“ {added}"


def test_assign_resolves_a_former_unit_name_with_a_confirmation_and_never_adds_one_silently(
    tmp_path,
):
    config_file = tmp_path / "config.toml"
    config_file.write_text(
        f'[database]\nurl = "sqlite:///{tmp_path / "ledger.db"}"\n'
        f'[paths]\nvar_dir = "{tmp_path / "var"}"\n',
        encoding="utf-8",
    )
    script = "/assign 35 卫生局 牵头\n1\n/assign 35 县档案馆 配合\n/units\n"
    result = run_main("chat", "--config", str(config_file), stdin=script)
    assert result.returncode == 0, result.stderr
    confirm, done, refused, board = blocks(result.stdout)[1:5]
    assert confirm == (
        "请确认以下修改：\n第35项 责任单位：县卫健委(牵头,推定) → 县卫健委(牵头)\n"
        "“卫生局”即县卫健委（机构改革后的名称）\n[1] 确认  [2] 取消  （输入编号选择）"
    )
    assert done.startswith("✅ 已修改：")
    assert refused.startswith("台账中没有“县档案馆”这个责任单位。")
    assert "卫生局" not in board and "县档案馆" not in board
