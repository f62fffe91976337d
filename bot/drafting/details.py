"""Detail sections after a report's list: "(一)适龄女生HPV疫苗接种牵头责任部门:…" over a paragraph
names an item listed above by its own words and tells that item's progress.

A notice may open with the list of its items in one run ("…12项事项:1.…已完成年度任务,2.…、
10.…9项事项正在有序推进…") and then give a section to some of them under "一、进展情况".
"""

from __future__ import annotations

import re

# "(一)", "（二）", "三、": a section's marker.
_MARKER = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)\s*")
# Where an item's own name ends: a joiner, a stop, a figure (its run's count, "…行动2事项").
_NAME_END = re.compile(r"[、，,。；;:：\d]")


def item_name(rest: str) -> str:
    """The words an item's line opens with, up to its first joiner, stop or figure."""
    return _NAME_END.split(rest.strip(), maxsplit=1)[0].strip()


def _named(line: str, names: dict[int, str]) -> int | None:
    """The number of the item whose name opens the section `line` starts, if any."""
    marker = _MARKER.match(line)
    if marker is None:
        return None
    words = line[marker.end() :]
    found = [n for n, name in names.items() if len(name) >= 4 and words.startswith(name)]
    return max(found, key=lambda n: len(names[n])) if found else None


def detail_sections(lines: list[str], start: int, names: dict[int, str]):
    """The lines from `start` on that belong to sections naming an item (by index), and each
    item's sections as one text (by item number; `names`: each item's own name)."""
    used: set[int] = set()
    details: dict[int, str] = {}
    owner = None
    for index in range(start, len(lines)):
        line = lines[index]
        if _MARKER.match(line):
            owner = _named(line, names)
        if owner is not None and line.strip():
            used.add(index)
            details[owner] = f"{details.get(owner, '')}\n{line.strip()}".strip()
    return used, details
