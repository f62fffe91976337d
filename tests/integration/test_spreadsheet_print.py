"""The xlsx export printed: header row on every page, columns fitted to a landscape page, wrapped
rows tall enough for their lines (before, the 2020 ledger printed 55 pages, headed once)."""

import datetime as dt
import shutil
import subprocess
import zipfile

import pytest
from openpyxl import load_workbook

from bot.render.spreadsheet import COLUMNS, write_xlsx

TODAY = dt.date(2021, 1, 15)


@pytest.fixture
def sheet(ledger_2020, tmp_path):
    path = tmp_path / "ledger.xlsx"
    write_xlsx(ledger_2020, TODAY, path)
    return load_workbook(path).active


def test_header_repeats_and_columns_fit_a_landscape_page(sheet):
    setup = sheet.page_setup
    assert sheet.print_title_rows == "$1:$1"
    assert (setup.orientation, setup.fitToWidth, setup.fitToHeight) == ("landscape", 1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage


def test_prints_the_columns_people_read(sheet):
    last = sheet.cell(1, COLUMNS.index("状态") + 1).column_letter
    assert sheet.print_area == f"'{sheet.title}'!$A$1:${last}${sheet.max_row}"


def test_a_wrapped_row_is_tall_enough_for_its_lines(sheet):
    long_row = next(
        r for r in range(2, sheet.max_row + 1) if len(str(sheet.cell(r, 2).value or "")) > 80
    )
    # 16 points a line: the spacing of the CJK fonts that stand in for 宋体 where it is not
    # installed (Noto Sans CJK, 1.45 em); at 14.4 the PDF cut a wrapped cell's last line.
    assert sheet.row_dimensions[long_row].height >= 2 * 16
    assert sheet.row_dimensions[1].height is None  # the header stays one line


def test_pdf_pages_each_carry_the_header(ledger_2020, tmp_path):
    soffice, pdftotext = shutil.which("soffice"), shutil.which("pdftotext")
    if soffice is None or pdftotext is None:
        pytest.skip("LibreOffice (soffice) or pdftotext is not installed")
    source = tmp_path / "ledger.xlsx"
    write_xlsx(ledger_2020, TODAY, source)
    assert zipfile.is_zipfile(source)
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    if not (tmp_path / "ledger.pdf").exists():
        # LibreOffice Writer alone (scripts/ensure_libreoffice.sh installs no Calc) converts
        # no spreadsheet: it exits 0 and writes nothing.
        pytest.skip("LibreOffice has no spreadsheet component (Calc) to print the xlsx")
    text = subprocess.run(
        [pdftotext, "-layout", str(tmp_path / "ledger.pdf"), "-"],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    pages = [page for page in text.split("\f") if page.strip()]
    assert 1 < len(pages) < 10
    assert all("目标任务" in page and "完成情况" in page for page in pages)
