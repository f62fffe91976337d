"""Evidence files are judged by their bytes, and their names made safe."""

from __future__ import annotations

import hashlib
import io
import zipfile

import pytest

from bot.domain.evidence import MAX_BYTES, EvidenceError, check_evidence, detect_type, safe_name

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPG = b"\xff\xd8\xff\xe0" + b"\x00" * 32
PDF = b"%PDF-1.7\n%\xe2\xe3\n"


def ooxml(main_part: str) -> bytes:
    """A minimal Office package; fixed timestamps keep the bytes (and the test ids) the same
    in every pytest-xdist worker."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in (("[Content_Types].xml", "<Types/>"), (main_part, "<x/>")):
            archive.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), text)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (PNG, "png"),
        (JPG, "jpg"),
        (PDF, "pdf"),
        (ooxml("word/document.xml"), "docx"),
        (ooxml("xl/workbook.xml"), "xlsx"),
        (ooxml("ppt/presentation.xml"), None),
        (b"PK\x03\x04 not a zip at all", None),
        (b"MZ\x90\x00", None),
        (b"<html>", None),
    ],
    ids=["png", "jpg", "pdf", "docx", "xlsx", "pptx", "broken-zip", "exe", "html"],
)
def test_the_type_comes_from_the_bytes(content, kind):
    assert detect_type(content) == kind


def test_an_accepted_file_carries_its_hash_size_and_real_extension():
    evidence = check_evidence("现场照片.pdf", PNG)  # named pdf, but it is a png
    assert evidence.type == "png" and evidence.name == "现场照片.png"
    assert evidence.size == len(PNG) and evidence.sha256 == hashlib.sha256(PNG).hexdigest()
    assert evidence.mime == "image/png"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd.jpg", "passwd.jpg"),
        ("C:\\Users\\张三\\验收单.jpg", "验收单.jpg"),
        ("进度\u202egpj.exe", "进度gpj.jpg"),
        ('a<b>c:d"e|f?g*h.jpg', "a_b_c_d_e_f_g_h.jpg"),
        ("", "佐证材料.jpg"),
        ("...", "佐证材料.jpg"),
        ("报告\x00\x07.jpg", "报告.jpg"),
        ("长" * 200 + ".jpg", "长" * 76 + ".jpg"),
    ],
)
def test_names_are_made_safe(name, expected):
    assert safe_name(name, "jpg") == expected


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "文件是空的"),
        (b"MZ\x90\x00" * 10, "不是认可的格式"),
        (PNG + b"\x00" * MAX_BYTES, "超过20MB上限"),
    ],
    ids=["empty", "exe", "too-big"],
)
def test_refusals_say_what_to_send_instead(content, words):
    with pytest.raises(EvidenceError, match=words):
        check_evidence("x.exe", content)
