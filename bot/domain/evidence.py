"""佐证材料 (evidence files): what a unit or an admin may attach to a target (pure rules).

A file is accepted by what its bytes are, never by the name it was sent with: jpg, png, pdf,
docx and xlsx, at most 20 MB (what a Telegram bot may download). Its name is made safe to
show and to save: no folders, no control or bidi characters, no characters Windows refuses,
at most 80 characters, and the extension of its real type.
"""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath

MAX_BYTES = 20 * 1024 * 1024
MAX_NAME_CHARS = 80
TYPES = ("jpg", "png", "pdf", "docx", "xlsx")
MIME = {
    "jpg": "image/jpeg",
    "png": "image/png",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
TYPE_LABELS = {"jpg": "照片", "png": "图片", "pdf": "PDF", "docx": "Word文档", "xlsx": "Excel表格"}
ACCEPTED_HELP = "可接受的格式：jpg、png照片，pdf、docx、xlsx文件，单个不超过20MB"
SHOWN_NAME_CHARS = 40  # of a refused file's name quoted back
_UNSAFE_NAME_CHARS = re.compile(r'[\\/:*?"<>|]')
# An OOXML package names its main part in [Content_Types].xml; this is how docx and xlsx differ.
_OOXML_MAIN_PART = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}


class EvidenceError(Exception):
    """The file cannot be kept as evidence; the message says why, in Chinese, and what to send."""


@dataclass(frozen=True)
class EvidenceFile:
    name: str  # safe to show and to save
    type: str  # one of TYPES
    size: int
    sha256: str
    content: bytes

    @property
    def mime(self) -> str:
        return MIME[self.type]


def _ooxml_type(content: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    for kind, part in _OOXML_MAIN_PART.items():
        if part in names:
            return kind
    return None


def detect_type(content: bytes) -> str | None:
    """The file's real type from its first bytes (and, for Office files, its parts), or None."""
    if content.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if content.startswith(b"%PDF-"):
        return "pdf"
    if content.startswith(b"PK\x03\x04"):
        return _ooxml_type(content)
    return None


def _clean_name(name: str) -> str:
    """`name` without folders, control, bidi or reserved characters."""
    base = PureWindowsPath(PurePosixPath(name or "").name).name
    base = unicodedata.normalize("NFC", base)
    return "".join(
        "_" if _UNSAFE_NAME_CHARS.match(ch) else ch
        for ch in base
        if unicodedata.category(ch) not in ("Cc", "Cf", "Co", "Cs")
    ).strip(" .")


def shown_name(name: str) -> str:
    """The whole file name as a reply quotes it, extension and all ("fake.exe"); a long one
    is cut in its middle, the extension kept."""
    base = _clean_name(name) or "（无名文件）"
    if len(base) <= SHOWN_NAME_CHARS:
        return base
    stem, dot, suffix = base.rpartition(".")
    if not dot or len(suffix) > 8:
        return base[: SHOWN_NAME_CHARS - 1] + "…"
    return stem[: SHOWN_NAME_CHARS - len(suffix) - 2] + "…." + suffix


def safe_name(name: str, kind: str) -> str:
    """`name` without folders, control, bidi or reserved characters, ending in `.kind`."""
    base = _clean_name(name)
    stem = base.rsplit(".", 1)[0] if "." in base else base
    stem = stem.strip(" .") or "佐证材料"
    suffix = f".{kind}"
    return stem[: MAX_NAME_CHARS - len(suffix)] + suffix


def check_evidence(name: str, content: bytes, *, declared_size: int = 0) -> EvidenceFile:
    """Accept `content` as evidence or raise EvidenceError naming what to send instead.

    `declared_size` is the size a chat declared for a file too big to fetch (content empty).
    """
    if max(declared_size, len(content)) > MAX_BYTES:
        size = max(declared_size, len(content)) / 1024 / 1024
        raise EvidenceError(f"文件有{size:.1f}MB，超过20MB上限。请压缩或拆分后再发。")
    if not content:
        raise EvidenceError(f"文件是空的。{ACCEPTED_HELP}。")
    kind = detect_type(content)
    if kind is None:
        raise EvidenceError(f"“{shown_name(name)}”不是认可的格式。{ACCEPTED_HELP}。")
    return EvidenceFile(
        name=safe_name(name, kind),
        type=kind,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
    )


def size_label(size: int) -> str:
    """A size as people read it: 512B, 38KB, 2.4MB."""
    if size < 1024:
        return f"{size}B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f}KB"
    return f"{size / 1024 / 1024:.1f}MB"
