"""A Markdown report as the plain text `import-report` drafts from: the markup a converter or
an editor adds (headings, quotes, bullets, emphasis, links, escapes, table pipes) taken off,
the words and numbers kept line for line; a table row reads as a Word table row does
("a | b")."""

from __future__ import annotations

import re

_FENCE = re.compile(r"^\s*(```|~~~)")
_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+|\s+#+\s*$")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_BULLET = re.compile(r"^\s*[-*+]\s+")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|~~)(.+?)\1")
_CODE = re.compile(r"`([^`]*)`")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_HTML_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def markdown_plain(text: str) -> str:
    """`text` without its Markdown markup, one output line per input line kept."""
    lines = []
    for line in text.splitlines():
        if _FENCE.match(line) or _RULE.match(line) or _TABLE_RULE.match(line):
            continue
        line = _QUOTE.sub("", _HEADING.sub("", line))
        line = _BULLET.sub("", line)
        if line.strip().startswith("|"):  # a table row: its cells as a Word row reads
            line = " | ".join(cell.strip() for cell in line.strip().strip("|").split("|"))
        line = _IMAGE.sub(r"\1", _LINK.sub(r"\1", line))
        line = _CODE.sub(r"\1", _EMPHASIS.sub(r"\2", _EMPHASIS.sub(r"\2", line)))
        lines.append(_ESCAPE.sub(r"\1", _HTML_BREAK.sub(" ", line)))
    return "\n".join(lines)
