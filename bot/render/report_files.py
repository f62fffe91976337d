"""Read a report file for `import-report`: plain text (UTF-8, GBK/GB18030 or UTF-16), or a Word
document (.docx) as the office receives most reports: its paragraphs and tables in order, a
table row one line with its cells split by " | ", Word's own list numbers ("1.", "2、")
written out as the drafter reads typed ones. Any other file is named, with what to save it as.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

MAX_REPORT_BYTES = 20 << 20
# A .docx is a zip: these bound what python-docx may be asked to unpack. A 200-page report
# with pictures is a few hundred members and tens of MB.
DOCX_MAX_MEMBERS = 1000
DOCX_MAX_TOTAL_BYTES = 256 << 20
DOCX_MAX_DOCUMENT_BYTES = 64 << 20
_DTD = re.compile(rb"<!DOCTYPE|<!ENTITY")
_SAVE_AS = "请用Word或WPS打开，另存为Word文档（.docx）或纯文本（.txt）后再导入"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CHINESE_DIGITS = "〇一二三四五六七八九十"


class ReportFileError(Exception):
    """The file cannot be read as a report; str(exc) says why and what to do, in Chinese."""


def read_report_text(path: Path) -> str:
    """The report's text, whatever of the accepted kinds `path` is; ReportFileError otherwise."""
    size = path.stat().st_size
    if size > MAX_REPORT_BYTES:
        raise ReportFileError(f"文件有{size / 1024 / 1024:.1f}MB，超过20MB上限")
    data = path.read_bytes()
    if data.startswith(b"PK\x03\x04"):
        return _docx_text(path)
    if data.startswith(b"%PDF"):
        raise ReportFileError(f"这是PDF文件，无法直接读取文字；{_SAVE_AS}")
    if data.startswith(b"\xd0\xcf\x11\xe0"):  # the OLE container of .doc, .wps and .xls
        raise ReportFileError(f"这是旧版Office文件（.doc、.wps或.xls）；{_SAVE_AS}")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Notepad's "Unicode": UTF-16 with its BOM
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8", "gb18030") if b"\x00" not in data else ():  # NUL: no text
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ReportFileError(f"既不是文本文件（UTF-8或GBK编码），也不是Word文档（.docx）；{_SAVE_AS}")


def _docx_text(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            if "word/document.xml" not in names:
                if any(n.startswith("xl/") for n in names):
                    raise ReportFileError(
                        "这是Excel表格，不是进展报告；台账表格请用 python main.py import 文件名 "
                        "导入，报告请提供Word文档（.docx）或纯文本（.txt）"
                    )
                raise ReportFileError(f"这是压缩文件，不是Word文档；{_SAVE_AS}")
            _check_archive(archive)
        import docx  # python-docx; imported here, as only import-report needs it

        return "\n".join(_body_lines(docx.Document(str(path))))
    except ReportFileError:
        raise
    except Exception as exc:  # any parser failure on an untrusted file is the file's fault
        # python-docx lets through what its parts meet: lxml's XMLSyntaxError (a SyntaxError)
        # for a part cut short, AttributeError for a well-formed part of the wrong shape,
        # KeyError for a missing part, besides the zip's and zlib's own errors.
        raise ReportFileError(
            f"不是有效的Word文档（{type(exc).__name__}），文件可能已损坏；{_SAVE_AS}"
        ) from None


def _check_archive(archive: zipfile.ZipFile) -> None:
    """Refuse a .docx python-docx would unpack without bound, or whose text declares a DTD."""
    members = archive.infolist()
    total = sum(info.file_size for info in members)
    if len(members) > DOCX_MAX_MEMBERS or total > DOCX_MAX_TOTAL_BYTES:
        raise ReportFileError(f"Word文档解压后过大（{len(members)}个部件，共{total >> 20}MB）")
    document = archive.getinfo("word/document.xml")
    if document.file_size > DOCX_MAX_DOCUMENT_BYTES:
        raise ReportFileError(f"Word文档的正文解压后有{document.file_size >> 20}MB，超过上限")
    if _DTD.search(archive.read(document)):
        raise ReportFileError(
            "Word文档的正文含有DTD（<!DOCTYPE>或<!ENTITY>），可能是恶意文件，已拒绝"
        )


def _body_lines(document) -> list[str]:
    """The body's paragraphs and table rows, one a line, in the order they stand."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    numbers = _ListNumbers(document)
    lines = []
    for element in document.element.body.iterchildren():
        if element.tag == f"{_W}p":
            paragraph = Paragraph(element, document)
            text = paragraph.text.strip()
            if text:
                lines.append(numbers.label(paragraph) + text)
        elif element.tag == f"{_W}tbl":
            for row in Table(element, document).rows:
                cells: list[str] = []
                seen = None
                for cell in row.cells:  # a merged cell comes once for every column it spans
                    if cell._tc is not seen:
                        cells.append(" ".join(cell.text.split()))
                    seen = cell._tc
                while cells and not cells[-1]:
                    cells.pop()  # blank columns at the row's end say nothing
                if cells:
                    lines.append(" | ".join(cells))
    return lines


class _ListNumbers:
    """The numbers Word draws before the paragraphs of its numbered lists ("1.", "（二）"),
    counted as Word counts them: per list and level, a level restarting under the one above."""

    def __init__(self, document) -> None:
        self._levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self._counts: dict[str, list[int]] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            # python-docx raises these for a document with no numbering part: a report whose
            # lists are typed, not Word-numbered, so there are no drawn numbers to add.
            return
        abstract = {
            a.get(f"{_W}abstractNumId"): a for a in numbering.iterchildren(f"{_W}abstractNum")
        }
        for num in numbering.iterchildren(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            definition = abstract.get(ref.get(f"{_W}val")) if ref is not None else None
            if definition is None:
                continue
            levels = {}
            for lvl in definition.iterchildren(f"{_W}lvl"):
                fmt, text, start = (
                    lvl.find(f"{_W}{tag}") for tag in ("numFmt", "lvlText", "start")
                )
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = (
                    fmt.get(f"{_W}val") if fmt is not None else "decimal",
                    text.get(f"{_W}val") if text is not None else "",
                    int(start.get(f"{_W}val")) if start is not None else 1,
                )
            self._levels[num.get(f"{_W}numId")] = levels

    def label(self, paragraph) -> str:
        """The number Word shows before `paragraph`, or "" when it is in no list."""
        found = self._num_pr(paragraph)
        if found is None:
            return ""
        num_id, level = found
        levels = self._levels.get(num_id)
        if not levels or level not in levels:
            return ""
        counts = self._counts.setdefault(num_id, [0] * 9)
        counts[level] += 1
        for deeper in range(level + 1, len(counts)):
            counts[deeper] = 0  # "1.1" starts again under every "1."

        def shown(match: re.Match) -> str:
            at = int(match.group(1)) - 1
            fmt, _, start = levels.get(at, ("decimal", "", 1))
            return _formatted(fmt, start - 1 + max(counts[at], 1))

        return re.sub(r"%(\d)", shown, levels[level][1])

    @staticmethod
    def _num_pr(paragraph) -> tuple[str, int] | None:
        """(numId, level) set on the paragraph, else on its style."""
        for holder in (paragraph._p, getattr(paragraph.style, "element", None)):
            ppr = holder.find(f"{_W}pPr") if holder is not None else None
            num_pr = ppr.find(f"{_W}numPr") if ppr is not None else None
            if num_pr is None:
                continue
            num_id, level = num_pr.find(f"{_W}numId"), num_pr.find(f"{_W}ilvl")
            if num_id is None or num_id.get(f"{_W}val") == "0":
                return None  # numbering switched off for this paragraph
            return num_id.get(f"{_W}val"), int(level.get(f"{_W}val")) if level is not None else 0
        return None


def _formatted(fmt: str, n: int) -> str:
    """`n` in Word's number format: 3, 三 (chineseCounting), else as a plain number."""
    if fmt.startswith("chinese") and 0 < n < 100:
        tens, ones = divmod(n, 10)
        head = "" if tens == 0 else ("十" if tens == 1 else _CHINESE_DIGITS[tens] + "十")
        return head + (_CHINESE_DIGITS[ones] if ones else "")
    return str(n)
