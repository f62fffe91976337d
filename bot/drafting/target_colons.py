"""An item's line that writes its target, a colon, then what was done ("用水总量控制在3.5亿立方米
以内:全年用水量3.1亿立方米"): the colon divides the target from its result."""

from __future__ import annotations

import re

from bot.drafting.text_figures import extract_figures

# The words before the first colon of the line: one clause, no cell or sentence break in it.
_HEAD = re.compile(r"^([^:：|｜\t。；;，,]{2,40}?)[:：]\s*(\S.*)$", re.S)
# Words of doing or of a day in the head: it tells a result or a date ("截至9月底:"), no target.
_NOT_A_TARGET = re.compile(r"已|完成|累计|实现|截至|截止|建成|其中|分别|情况|进展")


def target_then_result(text: str) -> tuple[str, str] | None:
    """(target, result) when `text` opens with a target clause holding a measured figure,
    then a colon and words with a figure; None otherwise."""
    found = _HEAD.match(text.strip())
    if found is None:
        return None
    head, tail = found.group(1).strip(), found.group(2).strip()
    if _NOT_A_TARGET.search(head) or not extract_figures(tail):
        return None
    if not any(f.unit for f in extract_figures(head)):  # "10:30" is a time, not a target
        return None
    return head, tail
