"""The Word documents: the report and the 督查通报 in GB/T 9704 form, as county offices
practise it (fonts with fallbacks, A4 margins, fixed line spacing, 落款 and page numbers)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from os import PathLike
from typing import IO

from bot.domain.ledger import LedgerSpec
from bot.domain.status import as_of_label, compute_status, light_for
from bot.render.report_writer import (
    LIGHT_COLOURS,
    SUMMARY_HEADING_SHORT,
    by_category,
    lead_unit_names,
    ordinal,
    progress_with_mark,
    report_summary,
    status_mark,
)

# GB/T 9704-2012 as county offices practise it. Each font is named as the standard names it,
# with the font Word and LibreOffice should use where it is missing (`w:altName` in the
# font table); the commercial 方正 and _GB2312 fonts are rarely installed.
TITLE_FONT, TITLE_FALLBACK = "方正小标宋简体", "宋体"
BODY_FONT, BODY_FALLBACK = "仿宋_GB2312", "仿宋"
HEADING1_FONT, HEADING1_FALLBACK = "黑体", "SimHei"
HEADING2_FONT, HEADING2_FALLBACK = "楷体_GB2312", "楷体"
PAGE_NUMBER_FONT = "宋体"
FONT_FALLBACKS = {
    TITLE_FONT: TITLE_FALLBACK,
    BODY_FONT: BODY_FALLBACK,
    BODY_FALLBACK: "FangSong",
    HEADING1_FONT: HEADING1_FALLBACK,
    HEADING2_FONT: HEADING2_FALLBACK,
    HEADING2_FALLBACK: "KaiTi",
}
PAGE_MM = (210, 297)  # A4
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
TITLE_PT, BODY_PT, PAGE_NUMBER_PT, TABLE_PT = 22, 16, 14, 12  # 2号, 3号, 4号, 小四
LINE_PT = 28  # fixed line spacing: 22 lines to the A4 text block
BLACK = "000000"
EAST_ASIAN_FONT = BODY_FONT
_THEME_FONT_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


def _w(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(f"w:{tag}")


def _set_run_fonts(rpr, name: str) -> None:
    """Name `name` for every script of a run or style (w:eastAsia included), no theme font."""
    fonts = rpr.find(_w("rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(_w("rFonts"), {})
        rpr.insert(0, fonts)
    for attr in _THEME_FONT_ATTRS:
        fonts.attrib.pop(_w(attr), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(_w(attr), name)


def _strip_theme(styles_element) -> None:
    """Remove every theme font and theme colour from styles.xml, so only named ones apply.

    Run colours become black; borders and shading keep their explicit colour values.
    """
    for element in styles_element.iter():
        for attr in list(element.attrib):
            local = attr.rsplit("}", 1)[-1]
            if local.startswith("theme") or local.endswith("Theme") or local == "cstheme":
                del element.attrib[attr]
    for colour in styles_element.iter(_w("color")):
        colour.set(_w("val"), BLACK)
    for border in styles_element.iter(_w("pBdr")):  # the Title style's blue rule
        border.getparent().remove(border)


def _style(document, name: str, font: str, size: float, *, bold: bool = False):
    from docx.shared import Pt, RGBColor

    style = document.styles[name]
    _set_run_fonts(style.element.get_or_add_rPr(), font)
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = RGBColor.from_string(BLACK)
    return style


def _exact_spacing(fmt, line_pt: float = LINE_PT, *, before: float = 0, after: float = 0):
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt

    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(line_pt)
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)


def _add_font_fallbacks(document) -> None:
    """Declare each GB/T font with the font to use where it is missing (w:altName)."""
    from lxml import etree

    part = next(
        p for p in document.part.package.iter_parts() if p.partname == "/word/fontTable.xml"
    )
    root = etree.fromstring(part.blob)
    for name, fallback in FONT_FALLBACKS.items():
        font = etree.SubElement(root, _w("font"), {_w("name"): name})
        etree.SubElement(font, _w("altName"), {_w("val"): fallback})
        etree.SubElement(font, _w("charset"), {_w("val"): "86"})  # GB2312
        etree.SubElement(font, _w("family"), {_w("val"): "auto"})
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _setup_document(document) -> None:
    """A4, GB/T margins, and styles with named fonts, sizes and black text only."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    section = document.sections[0]
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.footer_distance = Mm(MARGINS_MM["bottom"] - 7 - 5)  # "— 1 —" 7 mm under the text
    _strip_theme(document.styles.element)
    defaults = document.styles.element.find(_w("docDefaults"))
    if defaults is not None:
        for rpr in defaults.iter(_w("rPr")):
            _set_run_fonts(rpr, BODY_FONT)
    normal = _style(document, "Normal", BODY_FONT, BODY_PT)
    _exact_spacing(normal.paragraph_format)
    normal.paragraph_format.first_line_indent = Pt(BODY_PT * 2)
    title = _style(document, "Title", TITLE_FONT, TITLE_PT)
    _exact_spacing(title.paragraph_format, TITLE_PT * 1.6, after=LINE_PT)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.first_line_indent = Pt(0)
    for name, font in (("Heading 1", HEADING1_FONT), ("Heading 2", HEADING2_FONT)):
        heading = _style(document, name, font, BODY_PT)
        _exact_spacing(heading.paragraph_format)
        heading.paragraph_format.first_line_indent = Pt(BODY_PT * 2)
    _add_font_fallbacks(document)


def _add_field(paragraph, instruction: str, font: str | None = None, size: float = 0) -> None:
    """Append a simple field (PAGE, NUMPAGES) that Word and LibreOffice fill in."""
    from docx.oxml import OxmlElement
    from docx.shared import Pt

    field = OxmlElement("w:fldSimple")
    field.set(_w("instr"), f" {instruction} ")
    run = OxmlElement("w:r")
    if font:
        rpr = OxmlElement("w:rPr")
        _set_run_fonts(rpr, font)
        for tag in ("sz", "szCs"):
            size_el = OxmlElement(f"w:{tag}")
            size_el.set(_w("val"), str(int(Pt(size).pt * 2)))
            rpr.append(size_el)
        run.append(rpr)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _page_number_footer(section) -> None:
    """ "— 1 —" centred at the foot, 4号 宋体 (GB/T 9704's page number)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.paragraph_format.first_line_indent = Pt(0)
    for text in ("— ", None, " —"):
        if text is None:
            _add_field(footer, "PAGE", PAGE_NUMBER_FONT, PAGE_NUMBER_PT)
            continue
        run = footer.add_run(text)
        _set_run_fonts(run._r.get_or_add_rPr(), PAGE_NUMBER_FONT)
        run.font.size = Pt(PAGE_NUMBER_PT)


def _repeat_on_every_page(row) -> None:
    """Mark a table's header row to be repeated at the top of every page the table runs onto
    (w:tblHeader), as a reader of a long table's second page needs its columns named."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


def _add_table(document, header: Iterable[str], rows: Iterable[Iterable[str]]) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    header, rows = list(header), [list(row) for row in rows]
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.autofit = False
    widths = _column_widths([header, *rows])
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    _repeat_on_every_page(table.rows[0])
    for r, row in enumerate([header, *rows]):
        cells = table.rows[0].cells if r == 0 else table.add_row().cells
        for cell, text, width in zip(cells, row, widths, strict=True):
            cell.width = width  # Word reads each cell's width, LibreOffice the grid's
            cell.text = ""
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.first_line_indent = Pt(0)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if r == 0 else None
            _exact_spacing(paragraph.paragraph_format, TABLE_PT * 1.5)
            run = paragraph.add_run(str(text))
            run.font.size = Pt(TABLE_PT)
            run.bold = r == 0


def _column_widths(rows: list[list[str]]) -> list[int]:
    """Each column's width (EMU) in proportion to its longest text, the whole text width: a
    序号 column of "16" is not as wide as one of targets' titles."""
    from docx.shared import Mm

    longest = [max(2.0, *(_chars(str(row[c])) for row in rows)) for c in range(len(rows[0]))]
    text_mm = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]
    return [Mm(text_mm * n / sum(longest)) for n in longest]


def _chinese_date(day: dt.date) -> str:
    """ "2021年1月15日", as a 成文日期 is written (Arabic numerals, no leading zeros)."""
    return f"{day.year}年{day.month}月{day.day}日"


def _chars(text: str) -> float:
    """Width of `text` in full-width characters (digits and Latin letters are half)."""
    import unicodedata

    return sum(1 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in text)


def _add_signature(document, office: str, issued: dt.date) -> None:
    """The 落款: the office, centred over the date, the date 4 characters from the right."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    date = _chinese_date(issued)
    _keep_with_signature(document)
    blank = document.add_paragraph()
    blank.paragraph_format.first_line_indent = Pt(0)
    blank.paragraph_format.keep_with_next = True
    for text, indent in (
        (office, 4 + max(_chars(date) - _chars(office), 0) / 2),
        (date, 4 + max(_chars(office) - _chars(date), 0) / 2),
    ):
        paragraph = document.add_paragraph(text)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.paragraph_format.first_line_indent = Pt(0)
        paragraph.paragraph_format.right_indent = Pt(BODY_PT * indent)
        paragraph.paragraph_format.keep_with_next = text == office


def _keep_with_signature(document) -> None:
    """The 落款 never stands alone on a page (GB/T 9704 practice): the last paragraph, or the
    last two rows of a closing table, keep with it, so a page break moves them along."""
    from docx.oxml.ns import qn

    body = [e for e in document.element.body if e.tag in (qn("w:p"), qn("w:tbl"))]
    if not body:
        return
    if body[-1].tag == qn("w:p"):
        document.paragraphs[-1].paragraph_format.keep_with_next = True
        return
    for row in document.tables[-1].rows[-2:]:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


def _titled_document(title: str, date_line: str):
    """A new document in the house layout with its title and the centred date line."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = Document()
    _setup_document(document)
    document.core_properties.title = title
    document.add_heading(title, level=0)
    line = document.add_paragraph(date_line)
    line.alignment = WD_ALIGN_PARAGRAPH.CENTER
    line.paragraph_format.first_line_indent = Pt(0)
    _set_run_fonts(line.runs[0]._r.get_or_add_rPr(), HEADING2_FONT)
    return document


def write_report_docx(
    ledger: LedgerSpec,
    path_or_stream: str | PathLike[str] | IO[bytes],
    *,
    as_of: dt.date,
    tz: dt.tzinfo,
    title: str | None = None,
    office: str = "县督查局",
    issued: dt.date | None = None,
) -> None:
    """A Word report in GB/T 9704 form: title, targets by category, summary, 落款 and date.

    `office` signs it (the config's `[office] name`); `issued` is its date (default `as_of`).
    """
    from docx.shared import RGBColor

    summary = report_summary(ledger, as_of=as_of)
    document = _titled_document(
        title or f"{ledger.title}落实情况", f"（数据截至{as_of_label(as_of, ledger.year)}）"
    )
    document.add_paragraph(ledger.preamble)

    groups = by_category(ledger)
    for index, (category, targets) in enumerate(groups):
        document.add_heading(f"{ordinal(index)}、{category}（{len(targets)}项）", level=1)
        for t in targets:
            status = compute_status(t, as_of)
            head = document.add_paragraph()
            head.add_run(f"{t.number}.{t.target_text}")
            mark = head.add_run(f"【{status_mark(t, status)}】")
            mark.bold = True
            mark.font.color.rgb = RGBColor.from_string(LIGHT_COLOURS[light_for(status)])
            lead = lead_unit_names(t)
            if lead != "—":
                head.add_run(f"（牵头：{lead}）")
            progress = progress_with_mark(t, tz)
            for line in progress.split("\n") if progress else ["（暂无进展）"]:
                document.add_paragraph(line)

    document.add_heading(f"{ordinal(len(groups))}、{SUMMARY_HEADING_SHORT}", level=1)
    document.add_paragraph(f"截至{as_of_label(as_of, ledger.year)}，共{summary.total}项目标。")
    document.add_heading("（一）各状态项数", level=2)
    _add_table(
        document,
        ("状态", "项数"),
        [(s, str(n)) for s, n in summary.counts] + [("合计", str(summary.total))],
    )
    if summary.pending:
        document.add_heading(f"（二）尚未完成的目标（{len(summary.pending)}项）", level=2)
        _add_table(
            document,
            ("序号", "目标", "状态", "牵头单位"),
            [(str(p.number), p.title, p.status, p.lead_units) for p in summary.pending],
        )
    else:
        document.add_heading("（二）尚未完成的目标：无", level=2)
    _add_signature(document, office, issued or as_of)
    _page_number_footer(document.sections[0])
    document.save(path_or_stream)


def write_sections_docx(
    path_or_stream: str | PathLike[str] | IO[bytes],
    *,
    title: str,
    date_line: str,
    sections: Iterable[tuple[str, list[str]]],
    office: str,
    issued: dt.date,
) -> None:
    """A short document (the 督查通报) in the report's GB/T 9704 layout: title, date line,
    headed sections of paragraphs, 落款 and page numbers."""
    document = _titled_document(title, date_line)
    for heading, paragraphs in sections:
        document.add_heading(heading, level=1)
        for text in paragraphs:
            document.add_paragraph(text)
    _add_signature(document, office, issued)
    _page_number_footer(document.sections[0])
    document.save(path_or_stream)
