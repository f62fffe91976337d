"""A title cut inside a quoted name ("谋划实施“1+7+N”重点工作" gave "+N重点"): a quoted name is
one word to its readers, so the title takes it whole (1+7+N重点)."""

from __future__ import annotations

import re

from bot.drafting.words import Reading

_QUOTED = re.compile(r"“([^“”]{2,20})”")


def whole_quoted_names(title: Reading, text: str) -> Reading:
    """`title` with a quoted name it begins inside of written whole; as it was otherwise."""
    if not title.value or re.match(r"[\u4e00-\u9fff]", title.value):
        return title
    for m in _QUOTED.finditer(text):
        name = m.group(1)
        for k in range(min(len(name), len(title.value)) - 1, 0, -1):
            if name.endswith(title.value[:k]) and text.startswith(title.value[k:], m.end()):
                return Reading(name + title.value[k:], f"{title.words}；引号中的名称取全", 0.5)
    return title
