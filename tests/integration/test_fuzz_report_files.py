"""Odd files given to `import-report`: generated corruptions of a Word report and of text.

Reading a report either gives its text or raises ReportFileError with a Chinese reason; through
the CLI a refusal is one line "错误：FILE: …", exit status 2, no traceback, no draft written.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.render.report_files import ReportFileError, read_report_text

SETTINGS = {
    "deadline": None,
    "database": None,
    "derandomize": True,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}
# An invented report: a preamble, then numbered targets with their progress.
REPORT = [
    "某县2023年重点工作目标任务进展情况",
    "1. 新增贷款15亿元。截至10月底新增贷款12.6亿元。",
    "2. 新建城市书房3个。已建成2个，第3个正在装修。",
    "3. 造林1.2万亩。已完成造林1.3万亩，超额完成。",
]


def word_report(path: Path) -> bytes:
    """An invented report as Word saves it (its size varies with the time it is saved: where
    a corruption falls is drawn as a share of a part's length)."""
    document = docx.Document()
    for line in REPORT:
        document.add_paragraph(line)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "序号", "进展"
    table.cell(1, 0).text, table.cell(1, 1).text = "4", "完成道路硬化20公里"
    document.save(path)
    return path.read_bytes()


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def zipped(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


def check_read(path: Path) -> None:
    try:
        text = read_report_text(path)
    except ReportFileError as exc:
        reason = str(exc)
    else:
        assert isinstance(text, str)
        return
    assert reason.strip() and any("\u4e00" <= c <= "\u9fff" for c in reason), reason


@pytest.fixture(scope="module")
def word(tmp_path_factory) -> tuple[Path, dict[str, bytes]]:
    tmp = tmp_path_factory.mktemp("fuzz_reports")
    return tmp, members(word_report(tmp / "report.docx"))


@settings(max_examples=80, **SETTINGS)
@given(data=st.data())
def test_a_corrupted_word_report_is_read_or_refused_in_chinese(word, data):
    tmp, parts = word
    parts = dict(parts)
    names = sorted(parts)
    name = data.draw(st.sampled_from(names), label="member")
    kind = data.draw(st.sampled_from(["drop", "cut", "flip", "replace", "garbage"]), label="kind")
    content = parts[name]
    if kind == "drop":
        del parts[name]
    elif kind == "cut":
        parts[name] = content[: len(content) * data.draw(st.integers(0, 999), label="at") // 1000]
    elif kind == "flip":
        at = len(content) * data.draw(st.integers(0, 999), label="at") // 1000
        byte = data.draw(st.integers(0, 255), label="byte")
        parts[name] = content[:at] + bytes([byte]) + content[at + 1 :]
    elif kind == "replace":
        parts[name] = data.draw(
            st.sampled_from([b"", b"<x", b"<<<not xml", b"\xff\xfe\x00", "<a>中文</a>".encode()]),
            label="content",
        )
    else:
        parts[name] = data.draw(st.binary(max_size=200), label="content")
    path = tmp / "fuzz.docx"
    raw = zipped(parts)
    if data.draw(st.booleans(), label="truncate file"):
        raw = raw[: len(raw) * data.draw(st.integers(0, 1000), label="file cut") // 1000]
    path.write_bytes(raw)
    check_read(path)


@settings(max_examples=80, **SETTINGS)
@given(
    raw=st.one_of(
        st.binary(max_size=2000),
        st.text(max_size=300).map(lambda t: t.encode("utf-8")),
        st.sampled_from(["gbk", "utf-16", "utf-16-le", "utf-8-sig", "utf-32", "big5"]).map(
            lambda e: "\n".join(REPORT).encode(e, errors="replace")
        ),
        st.builds(lambda b, n: b * n, st.binary(min_size=1, max_size=4), st.integers(1, 5000)),
    ),
    suffix=st.sampled_from([".txt", ".docx", ".md", "", ".pdf", ".doc"]),
)
def test_any_bytes_are_read_or_refused_in_chinese(tmp_path_factory, raw, suffix):
    path = tmp_path_factory.getbasetemp() / f"fuzz-report{suffix}"
    path.write_bytes(raw)
    check_read(path)


def test_a_word_report_whose_text_is_not_xml_is_refused_on_one_line(run_cli, tmp_path):
    """A .docx whose document.xml is cut mid-tag: python-docx's lxml raises XMLSyntaxError, a
    SyntaxError rather than a ValueError, which escaped as a traceback (exit status 1)."""
    parts = members(word_report(tmp_path / "good.docx"))
    parts["word/document.xml"] = parts["word/document.xml"][:200]
    report = tmp_path / "broken.docx"
    report.write_bytes(zipped(parts))
    out = tmp_path / "draft.toml"
    code, _, err = run_cli("import-report", str(report), "-o", str(out))
    assert code == 2, err
    assert err.startswith(f"错误：{report}: 不是有效的Word文档"), err
    assert "Traceback" not in err and not out.exists()


def test_a_word_report_with_a_part_of_the_wrong_shape_is_refused(tmp_path):
    """Well-formed XML where python-docx expects its own elements: AttributeError escaped."""
    parts = members(word_report(tmp_path / "good.docx"))
    parts["[Content_Types].xml"] = "<a>中文</a>".encode()
    report = tmp_path / "odd.docx"
    report.write_bytes(zipped(parts))
    with pytest.raises(ReportFileError, match="不是有效的Word文档"):
        read_report_text(report)
