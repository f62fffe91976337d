"""An admin drafts next year's ledger from the report as it arrives: a Word document (.docx),
numbered by hand or by Word's own list numbering, with or without a table. Before, every file
but plain text was refused with "既不是UTF-8也不是GBK编码的文本", which told the admin nothing
of what to do; a PDF or an old .doc is still refused, now saying what to save it as."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest

REPORTS = Path(__file__).resolve().parents[1] / "data" / "reports"
GANGU = REPORTS / "gangu-2020" / "report.txt"  # 15 numbered targets, typed "1." to "15."
PINGYANG = REPORTS / "pingyang-2021-07" / "report.txt"  # a table, one row a line, "|" between


def draft(run_cli, report: Path, tmp_path: Path, *year: str) -> tuple[int, str, str]:
    """`import-report REPORT -o draft.toml`: (exit code, the draft, stderr)."""
    out = tmp_path / f"{report.stem}.toml"
    code, _, err = run_cli("import-report", str(report), "-o", str(out), *year)
    return code, out.read_text(encoding="utf-8") if out.exists() else "", err


def test_a_word_report_numbered_by_word_drafts_as_its_text(run_cli, tmp_path):
    document = docx.Document()
    for line in GANGU.read_text(encoding="utf-8").splitlines():
        numbered = re.match(r"\d+[.、．]\s*(.*)", line)
        if numbered:  # Word draws "1." itself: the paragraph's text has no number
            document.add_paragraph(numbered.group(1), style="List Number")
        elif line.strip():
            document.add_paragraph(line)
    word = tmp_path / "甘谷县十五件大事.docx"
    document.save(word)

    code, drafted, err = draft(run_cli, word, tmp_path)
    assert code == 0, err
    assert drafted == draft(run_cli, GANGU, tmp_path)[1]
    assert drafted.count("[[targets]]") == 15


def test_a_table_in_a_word_report_is_read_row_by_row(run_cli, tmp_path):
    rows = [line.split(" | ") for line in PINGYANG.read_text(encoding="utf-8").splitlines()]
    document = docx.Document()
    table = document.add_table(rows=0, cols=max(len(cells) for cells in rows))
    for cells in rows:  # a row the report cut short leaves its last columns blank
        for cell, text in zip(table.add_row().cells, cells, strict=False):
            cell.text = text.strip()
    word = tmp_path / "民生实事进展.docx"
    document.save(word)

    code, drafted, err = draft(run_cli, word, tmp_path, "--year", "2021")
    assert code == 0, err
    assert drafted == draft(run_cli, PINGYANG, tmp_path, "--year", "2021")[1]


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        (
            "通报.pdf",
            b"%PDF-1.7\n" + bytes(64),
            "这是PDF文件，无法直接读取文字；请用Word或WPS打开",
        ),
        ("通报.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), "这是旧版Office文件"),
        (
            "照片.png",
            b"\x89PNG\r\n\x1a\n" + bytes(64),
            "既不是文本文件（UTF-8或GBK编码），也不是Word",
        ),
    ],
)
def test_a_file_that_is_no_report_says_what_to_save_it_as(run_cli, tmp_path, name, content, said):
    path = tmp_path / name
    path.write_bytes(content)
    code, drafted, err = draft(run_cli, path, tmp_path)
    assert (code, drafted) == (2, "")
    assert err.startswith(f"错误：{path}: {said}")
    assert "另存为Word文档（.docx）或纯文本（.txt）后再导入" in err


def test_a_spreadsheet_given_as_a_report_points_to_import(run_cli, tmp_path):
    sheet = tmp_path / "台账.xlsx"
    assert run_cli("export", "--format", "xlsx", "-o", str(sheet))[0] == 0
    code, _, err = draft(run_cli, sheet, tmp_path)
    assert code == 2
    assert "这是Excel表格，不是进展报告；台账表格请用 python main.py import 文件名 导入" in err


def test_a_word_document_declaring_entities_is_refused(run_cli, tmp_path):
    word = tmp_path / "报告.docx"
    docx.Document().save(word)
    with zipfile.ZipFile(word) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    body = parts["word/document.xml"]
    parts["word/document.xml"] = body.replace(
        b"?>", b'?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]>', 1
    )
    with zipfile.ZipFile(word, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    code, _, err = draft(run_cli, word, tmp_path)
    assert code == 2 and "含有DTD" in err


def test_a_report_saved_by_notepad_as_unicode_is_read(run_cli, tmp_path):
    utf16 = tmp_path / "报告.txt"
    utf16.write_bytes(GANGU.read_text(encoding="utf-8").encode("utf-16"))  # with its BOM
    code, drafted, err = draft(run_cli, utf16, tmp_path)
    assert code == 0, err
    assert drafted == draft(run_cli, GANGU, tmp_path)[1]


def test_a_markdown_report_drafts_as_its_text(run_cli, tmp_path):
    # What an editor or a converter writes: a heading over the preamble, each target a
    # heading of its own ("### 1. …"), its progress in bold or a quote, escaped numbers.
    lines = ["# 甘谷县十五件大事落实情况", ""]
    for line in GANGU.read_text(encoding="utf-8").splitlines():
        numbered = re.match(r"(\d+)[.、．]\s*(.*)", line)
        if numbered:
            lines.append(f"### {numbered.group(1)}\\. {numbered.group(2)}")
        elif line.strip():
            lines.append(f"> **{line}**")
        lines.append("")
    markdown = tmp_path / "甘谷县十五件大事.md"
    markdown.write_text("\n".join(lines), encoding="utf-8")

    code, drafted, err = draft(run_cli, markdown, tmp_path)
    assert code == 0, err
    plain = draft(run_cli, GANGU, tmp_path)[1]
    assert "**" not in drafted and "###" not in drafted
    assert (
        re.findall(r"^title = .*$", drafted, re.M)[1:]
        == re.findall(r"^title = .*$", plain, re.M)[1:]
    )


def test_a_refused_file_names_the_formats_accepted(run_cli, tmp_path):
    path = tmp_path / "报告.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    assert (
        "可导入的格式：Word文档（.docx）、纯文本（.txt）、Markdown（.md）"
        in draft(run_cli, path, tmp_path)[2]
    )
