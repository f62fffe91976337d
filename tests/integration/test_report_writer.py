"""The report writer: the seed round trip, edit marks, Markdown and the Word report."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import struct
import subprocess
import zipfile
from zoneinfo import ZoneInfo

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm
from sqlmodel import Session

from bot.domain.fields import FieldChange
from bot.domain.ledger import CATEGORIES, STATUSES
from bot.domain.status import compute_status, light_for
from bot.drafting.report_text import parse_report
from bot.render.report_docx import write_report_docx
from bot.render.report_writer import (
    LIGHT_COLOURS,
    PENDING_STATUSES,
    SUMMARY_HEADING,
    render_report_md,
    render_report_txt,
    report_summary,
    split_summary,
)
from bot.store.ledger_changes import apply_changes
from bot.store.ledger_store import read_ledger

TZ = ZoneInfo("Asia/Shanghai")
AS_OF = dt.date(2021, 1, 15)
# 02:00 on 20 December in Beijing is still the 19th in UTC: the mark uses the ledger's zone.
EDITED_AT = dt.datetime(2020, 12, 19, 18, 0, tzinfo=dt.UTC)


def _stored(engine):
    with Session(engine) as session:
        return read_ledger(session)


def test_unmodified_ledger_reproduces_the_seed_line_for_line(ledger_2020, seed_report_text):
    seed_lines = seed_report_text.split("\n")
    assert len(seed_lines) == 1 + 64 * 2 + 2  # preamble, 64 two-line targets, targets 5 and 40
    out_lines = render_report_txt(ledger_2020, as_of=AS_OF, tz=TZ).split("\n")
    for number, (ours, seed) in enumerate(zip(out_lines, seed_lines, strict=False), start=1):
        assert ours == seed, f"line {number} differs"
    assert out_lines[len(seed_lines)] == ""
    assert out_lines[len(seed_lines) + 1].startswith(SUMMARY_HEADING)
    single = [ln for ln in out_lines if ln.startswith(("5.", "40."))]
    assert single == [ln for ln in seed_lines if ln.startswith(("5.", "40."))]
    assert single[0].startswith("5.10月底之前") and "9月28日" in single[0]
    assert out_lines.index(single[0]) + 1 == out_lines.index(
        next(ln for ln in out_lines if ln.startswith("6."))
    )


def test_the_report_part_parses_back_to_the_same_targets(ledger_2020, seed_report_text):
    report, summary = split_summary(render_report_txt(ledger_2020, as_of=AS_OF, tz=TZ))
    assert summary.startswith(SUMMARY_HEADING)
    assert report == seed_report_text
    assert parse_report(report) == parse_report(seed_report_text)


def test_ledger_read_back_from_the_store_still_reproduces_the_seed(engine, seed_report_text):
    ledger = _stored(engine)
    assert all(t.updated_by.startswith("import") for t in ledger.targets)
    report, _ = split_summary(render_report_txt(ledger, as_of=AS_OF, tz=TZ))
    assert report == seed_report_text
    assert "更新）" not in report


def test_summary_counts_and_lists_targets_not_done_with_lead_units(ledger_2020):
    text = render_report_txt(ledger_2020, as_of=AS_OF, tz=TZ)
    _, summary_text = split_summary(text)
    summary = report_summary(ledger_2020, as_of=AS_OF)
    statuses = {t.number: compute_status(t, AS_OF) for t in ledger_2020.targets}
    assert [s for s, _ in summary.counts] == list(STATUSES)
    assert sum(n for _, n in summary.counts) == summary.total == 66
    for status, n in summary.counts:
        assert f"{status}｜{n}" in summary_text.split("\n")
    not_done = sorted(n for n, s in statuses.items() if s in PENDING_STATUSES)
    assert not_done and sorted(p.number for p in summary.pending) == not_done
    order = [PENDING_STATUSES.index(p.status) for p in summary.pending]
    assert order == sorted(order)
    by_number = ledger_2020.by_number()
    for p in summary.pending:
        lead = by_number[p.number].lead_units[0].name
        assert f"{p.number}｜{p.title}｜{p.status}｜{lead}" in summary_text.split("\n")
    # 16 耕地保护 is 未完成 on the curated ledger; its lead unit is named.
    assert "16｜耕地保护｜未完成｜县自然资源局" in summary_text


def test_admin_edits_are_marked_with_their_date_and_nothing_else_changes(engine, seed_report_text):
    apply_changes(
        engine,
        [FieldChange(3, "progress_text", "中心敬老院已投入使用。")],
        actor="tg:1",
        now=EDITED_AT,
    )
    apply_changes(
        engine,
        [FieldChange(40, "progress_text", "参保人数再增加。")],
        actor="tg:2",
        now=EDITED_AT,
    )
    ledger = _stored(engine)
    report, _ = split_summary(render_report_txt(ledger, as_of=AS_OF, tz=TZ))
    ours, seed = report.split("\n"), seed_report_text.split("\n")
    assert len(ours) == len(seed)
    changed = {i for i, (a, b) in enumerate(zip(ours, seed, strict=True)) if a != b}
    three = seed.index(next(ln for ln in seed if ln.startswith("3."))) + 1
    forty = seed.index(next(ln for ln in seed if ln.startswith("40.")))
    assert changed == {three, forty}
    assert ours[three] == "中心敬老院已投入使用。（2020-12-20更新）"
    target_40 = ledger.by_number()[40]
    assert ours[forty] == f"40.{target_40.target_text}参保人数再增加。（2020-12-20更新）"
    assert report.count("更新）") == 2


def test_a_changed_figure_replaces_the_imported_sentence_with_its_as_of_and_date(engine):
    apply_changes(
        engine, [FieldChange(12, "indicator:新增贷款:actual", "25.1")], actor="tg:9", now=EDITED_AT
    )
    ledger = _stored(engine)
    lines = render_report_txt(ledger, as_of=AS_OF, tz=TZ).split("\n")
    twelve = lines.index(next(ln for ln in lines if ln.startswith("12."))) + 1
    assert lines[twelve] == "截止12月底新增贷款25.1亿元，为目标14亿元的179.3%（2020-12-20更新）。"
    assert "24.43" not in "\n".join(lines)


def test_one_changed_figure_keeps_the_other_figures_the_imported_sentence_gave(engine):
    # /set 58 城镇新增就业 9900人 on a target of three measures: the report states the new
    # figure and still the two others, which the replaced sentence was the only place of.
    change = FieldChange(58, "indicator:城镇新增就业:actual", "9900")
    apply_changes(engine, [change], actor="tg:9", now=EDITED_AT)
    lines = render_report_txt(_stored(engine), as_of=AS_OF, tz=TZ).split("\n")
    line = lines[lines.index(next(ln for ln in lines if ln.startswith("58."))) + 1]
    first, *others = line.split("；")
    assert first.startswith("全年城镇新增就业9900人，为目标5600人的176.8%"), line
    assert first.endswith("（2020-12-20更新）"), line
    stated = [o.split("，")[0] for o in others]
    assert stated == ["全年失业人员再就业3182人", "全年就业困难人员实现就业711人"], line
    assert "更新" not in "".join(others)


def test_a_note_is_dated_once(engine):
    # /note 3 … appends "（2020-12-23补充）…" to the imported text: the report printed it with
    # "（2020-12-23更新）" after it as well, the same day said twice.
    imported = _stored(engine).by_number()[3].progress_text
    noted = f"{imported}\n（2020-12-23补充）中心敬老院已投入使用。"
    later = EDITED_AT + dt.timedelta(days=3)
    apply_changes(engine, [FieldChange(3, "progress_text", noted)], actor="tg:9", now=later)
    lines = render_report_txt(_stored(engine), as_of=AS_OF, tz=TZ).split("\n")
    assert "（2020-12-23补充）中心敬老院已投入使用。" in lines
    assert not any("更新）" in line for line in lines)


def test_a_note_added_after_a_figure_change_never_repeats_the_replaced_figure(engine):
    # /set 12 新增贷款 25.1亿元, then /note 12 已通报 (appended to the imported sentence, which
    # states 24.43): the report states the figure once, as it is now, and the dated note.
    apply_changes(
        engine, [FieldChange(12, "indicator:新增贷款:actual", "25.1")], actor="tg:9", now=EDITED_AT
    )
    imported = _stored(engine).by_number()[12].progress_text
    noted = f"{imported}\n（2020-12-23补充）已通报。"
    later = EDITED_AT + dt.timedelta(days=3)
    apply_changes(engine, [FieldChange(12, "progress_text", noted)], actor="tg:9", now=later)
    lines = render_report_txt(_stored(engine), as_of=AS_OF, tz=TZ).split("\n")
    twelve = lines.index(next(ln for ln in lines if ln.startswith("12."))) + 1
    assert lines[twelve : twelve + 2] == [
        "截止12月底新增贷款25.1亿元，为目标14亿元的179.3%（2020-12-20更新）。",
        "（2020-12-23补充）已通报。",
    ]
    assert "24.43" not in "\n".join(lines)


def test_an_undone_figure_change_prints_the_seed_sentence_again(engine, seed_report_text):
    apply_changes(
        engine, [FieldChange(12, "indicator:新增贷款:actual", "25.1")], actor="tg:9", now=EDITED_AT
    )
    apply_changes(
        engine,
        [FieldChange(12, "indicator:新增贷款:actual", "24.43")],
        actor="tg:9",
        now=EDITED_AT,
    )
    report, _ = split_summary(render_report_txt(_stored(engine), as_of=AS_OF, tz=TZ))
    assert "截止12月底新增贷款24.43亿元,完成新增贷款任务。" in report.split("\n")


def test_a_note_after_a_figure_change_follows_the_figure(engine):
    apply_changes(
        engine, [FieldChange(12, "indicator:新增贷款:actual", "25.1")], actor="tg:9", now=EDITED_AT
    )
    later = EDITED_AT + dt.timedelta(days=3)
    apply_changes(engine, [FieldChange(12, "progress_text", "已通报。")], actor="tg:9", now=later)
    lines = render_report_txt(_stored(engine), as_of=AS_OF, tz=TZ).split("\n")
    assert (
        "截止12月底新增贷款25.1亿元，为目标14亿元的179.3%（2020-12-20更新）。已通报。（2020-12-23更新）"
        in lines
    )


def test_preamble_can_be_replaced(ledger_2020):
    text = render_report_txt(ledger_2020, as_of=AS_OF, tz=TZ, preamble="截至年底，落实情况如下:")
    assert text.split("\n")[0] == "截至年底，落实情况如下:"
    assert text.split("\n")[1].startswith("1.全社会固定资产投资")


def test_markdown_has_category_headings_every_target_and_a_summary_table(ledger_2020):
    md = render_report_md(ledger_2020, as_of=AS_OF, tz=TZ)
    lines = md.split("\n")
    assert lines[0] == "# 2020年县工作责任目标台账落实情况"
    headings = [ln for ln in lines if ln.startswith("## ")]
    assert [h.split("、")[1].split("（")[0] for h in headings[:-1]] == list(CATEGORIES)
    assert headings[-1] == f"## {SUMMARY_HEADING}"
    for t in ledger_2020.targets:
        status = compute_status(t, AS_OF)
        (line,) = [ln for ln in lines if ln.startswith(f"**{t.number}\\. ")]
        assert line.endswith(f"{light_for(status)}{status}")
    assert "| 状态 | 项数 |" in lines and "| 合计 | 66 |" in lines
    assert "| 序号 | 目标 | 状态 | 牵头单位 |" in lines
    assert "| 16 | 耕地保护 | 🔴 未完成 | 县自然资源局 |" in lines


def _docx(ledger, tmp_path=None):
    if tmp_path is None:
        stream = io.BytesIO()
        write_report_docx(ledger, stream, as_of=AS_OF, tz=TZ)
        stream.seek(0)
        return Document(stream)
    path = tmp_path / "report.docx"
    write_report_docx(
        ledger,
        path,
        as_of=AS_OF,
        tz=TZ,
        title="2020年目标落实情况报告",
        office="西平县督查局",
        issued=dt.date(2021, 1, 18),
    )
    return Document(str(path))


def test_docx_reads_back_with_title_headings_targets_colours_tables_and_page_field(
    ledger_2020,
):
    document = _docx(ledger_2020)
    paragraphs = document.paragraphs
    assert paragraphs[0].style.name == "Title"
    assert paragraphs[0].text == "2020年县工作责任目标台账落实情况"
    headings = [p.text for p in paragraphs if p.style.name == "Heading 1"]
    assert [h.split("、")[1].split("（")[0] for h in headings[:-1]] == list(CATEGORIES)
    assert headings[-1] == "七、目标落实情况汇总"
    assert [p.text for p in paragraphs if p.style.name == "Heading 2"] == [
        "（一）各状态项数",
        f"（二）尚未完成的目标（{len(report_summary(ledger_2020, as_of=AS_OF).pending)}项）",
    ]

    heads = {}
    for p in paragraphs:
        for t in ledger_2020.targets:
            if p.text.startswith(f"{t.number}.{t.target_text}"):
                heads[t.number] = p
    assert sorted(heads) == list(range(1, 67))
    for number, p in heads.items():
        status = compute_status(ledger_2020.by_number()[number], AS_OF)
        (mark,) = [r for r in p.runs if r.text == f"【{status}】"]
        assert str(mark.font.color.rgb) == LIGHT_COLOURS[light_for(status)]
    texts = [p.text for p in paragraphs]
    assert "1-11月固定资产投资同比增长6.3%,全市第3位。" in texts

    counts, pending = document.tables
    rows = [[c.text for c in row.cells] for row in counts.rows]
    summary = report_summary(ledger_2020, as_of=AS_OF)
    assert rows[0] == ["状态", "项数"]
    assert rows[1:] == [[s, str(n)] for s, n in summary.counts] + [["合计", "66"]]
    rows = [[c.text for c in row.cells] for row in pending.rows]
    assert rows[0] == ["序号", "目标", "状态", "牵头单位"]
    assert ["16", "耕地保护", "未完成", "县自然资源局"] in rows
    assert len(rows) - 1 == len(summary.pending)

    footer = document.sections[0].footer
    instructions = [f.get(qn("w:instr")).strip() for f in footer._element.iter(qn("w:fldSimple"))]
    assert instructions == ["PAGE"]
    # "— 1 —": the PAGE field between the dashes shows 1 until a reader fills it in.
    assert [t.text for t in footer.paragraphs[0]._p.iter(qn("w:t"))] == ["— ", "1", " —"]


def test_docx_follows_gbt_9704_page_fonts_and_signature(ledger_2020, tmp_path):
    document = _docx(ledger_2020, tmp_path)
    assert document.paragraphs[0].text == "2020年目标落实情况报告"
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = [
        section.top_margin,
        section.bottom_margin,
        section.left_margin,
        section.right_margin,
    ]
    assert [round(m.mm) for m in margins] == [37, 35, 28, 26]
    styles = document.styles

    def east_asian(name):
        return styles[name].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))

    assert east_asian("Title") == "方正小标宋简体" and styles["Title"].font.size.pt == 22
    assert east_asian("Normal") == "仿宋_GB2312" and styles["Normal"].font.size.pt == 16
    assert east_asian("Heading 1") == "黑体" and east_asian("Heading 2") == "楷体_GB2312"
    for name in ("Normal", "Title", "Heading 1", "Heading 2"):
        assert str(styles[name].font.color.rgb) == "000000"
    with zipfile.ZipFile(tmp_path / "report.docx") as archive:
        styles_xml = archive.read("word/styles.xml").decode("utf-8")
        fonts_xml = archive.read("word/fontTable.xml").decode("utf-8")
    # Plain booleans: pytest's explanation of a failed `in` on these long texts takes minutes.
    themes = [
        t for t in ("themeColor", "asciiTheme", "eastAsiaTheme", "themeFill") if t in styles_xml
    ]
    assert themes == []
    for name, fallback in (
        ("方正小标宋简体", "宋体"),
        ("仿宋_GB2312", "仿宋"),
        ("仿宋", "FangSong"),
    ):
        declared = f'<w:font w:name="{name}"><w:altName w:val="{fallback}"/>' in fonts_xml
        assert declared, (name, fallback)
    assert [p.text for p in document.paragraphs[-2:]] == ["西平县督查局", "2021年1月18日"]


def test_docx_marks_edited_progress(engine):
    apply_changes(
        engine, [FieldChange(3, "progress_text", "已投入使用。")], actor="tg:1", now=EDITED_AT
    )
    document = _docx(_stored(engine))
    assert "已投入使用。（2020-12-20更新）" in [p.text for p in document.paragraphs]


def test_a_closed_target_reads_closed_and_long_tables_name_their_columns_on_every_page(
    engine,
):
    from bot.domain.fields import CLOSED_FIELD
    from bot.domain.ledger import Closure

    closure = Closure(EDITED_AT.astimezone(TZ), "tg:1", "现场核实")  # as /close stores it
    apply_changes(engine, [FieldChange(30, CLOSED_FIELD, closure.encode())], actor="tg:1")
    ledger = _stored(engine)
    document = _docx(ledger)
    texts = [p.text for p in document.paragraphs]
    assert "30.新建停车位500个。【已完成，已销号（2020-12-20）】（牵头：县住建局）" in texts
    markdown = render_report_md(ledger, as_of=AS_OF, tz=TZ)
    assert "**30\\. 新建停车位500个。** 🟢已完成，已销号（2020-12-20）" in markdown.split("\n")
    for table in document.tables:  # the 21 targets not done run onto a second page
        header = table.rows[0]._tr.trPr
        assert header is not None and header.find(qn("w:tblHeader")) is not None


def test_the_signature_never_stands_alone_on_the_last_page(ledger_2020, tmp_path):
    # 2021's drafted ledger ended its report with a table filling page 3, and the 落款 stood
    # alone on page 4: the table's last rows and the paragraphs before the date keep with it.
    from bot.render.report_docx import write_sections_docx

    document = _docx(ledger_2020, tmp_path)
    *_, blank, office, date = document.paragraphs
    assert [office.text, date.text] == ["西平县督查局", "2021年1月18日"]
    assert blank.paragraph_format.keep_with_next and office.paragraph_format.keep_with_next
    for row in document.tables[-1].rows[-2:]:
        assert all(p.paragraph_format.keep_with_next for c in row.cells for p in c.paragraphs)
    assert not document.tables[-1].rows[-3].cells[0].paragraphs[0].paragraph_format.keep_with_next
    path = tmp_path / "bulletin.docx"
    write_sections_docx(
        path,
        title="督查通报",
        date_line="第1期",
        sections=[("一、总体情况", ["共66项目标。", "已销号0项。"])],
        office="西平县督查局",
        issued=dt.date(2021, 1, 18),
    )
    *_, before, closing, blank, _, _ = Document(str(path)).paragraphs
    assert [before.text, closing.text] == ["共66项目标。", "已销号0项。"]
    assert closing.paragraph_format.keep_with_next and not before.paragraph_format.keep_with_next


def test_docx_renders_with_libreoffice_to_a4_pdf_pages_and_png(ledger_2020, tmp_path):
    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if soffice is None or pdftoppm is None:
        pytest.skip(
            "LibreOffice (soffice) or pdftoppm is not installed: run scripts/ensure_libreoffice.sh"
        )
    source = tmp_path / "report.docx"
    write_report_docx(ledger_2020, source, as_of=AS_OF, tz=TZ, office="西平县督查局")
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = (tmp_path / "report.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    pages = pages or pdf.count(b"/Type/Page") - pdf.count(b"/Type/Pages")
    assert pages > 1
    assert b"/MediaBox[0 0 595" in pdf.replace(b" [", b"[")  # A4: 595 x 842 points
    subprocess.run(
        [
            pdftoppm,
            "-png",
            "-r",
            "40",
            "-f",
            "1",
            "-l",
            "1",
            str(tmp_path / "report.pdf"),
            str(tmp_path / "page"),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    (png,) = tmp_path.glob("page*.png")
    width, height = struct.unpack(">II", png.read_bytes()[16:24])
    assert abs(height / width - 297 / 210) < 0.01  # the page image has A4's proportions


def test_summary_table_columns_are_as_wide_as_what_they_hold(ledger_2020):
    # The columns used to be equal: a 序号 column of "16" as wide as one of titles, and
    # "市生态环境局西平分局" wrapped onto two lines in 牵头单位.
    stream = io.BytesIO()
    write_report_docx(ledger_2020, stream, as_of=AS_OF, tz=TZ, office="西平县督查局")
    pending = Document(io.BytesIO(stream.getvalue())).tables[-1]
    assert [c.text for c in pending.rows[0].cells] == ["序号", "目标", "状态", "牵头单位"]
    number, title, status, unit = (column.width for column in pending.columns)
    assert number < status < title and number < unit
    assert abs(number + title + status + unit - Mm(156)) < Mm(1)  # the whole text width
    for row in pending.rows:  # Word reads the cells' widths, LibreOffice the grid's
        assert [c.width for c in row.cells] == [number, title, status, unit]
