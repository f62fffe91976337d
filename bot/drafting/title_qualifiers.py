"""Figures that are part of a name or qualify it, kept whole or dropped whole in titles.

"PM2.5", "PM10", "5G": the digits belong to the thing's name, they count nothing, so a title
cut at figures must not cut inside it ("PM2.5平均浓度" is no "平均浓度控制在"). "65岁以上老年人":
an age range qualifies who the work is for; a title names the work ("老年人健康体检"), and
never keeps the measure word without its number ("岁以上老年人").
"""

from __future__ import annotations

import re

_MARK = 0xE020  # private-use characters standing for the names, one each

# Latin letters glued to digits, or digits glued to a Latin letter: a name ("PM2.5", "5G").
_LATIN_NAME = re.compile(
    r"(?<![A-Za-z\d.])(?:[A-Za-z]{1,4}\d+(?:\.\d+)?|\d+[A-Za-z]{1,2})(?![A-Za-z\d])"
)
# An age or age range with its bound ("65岁以上", "0-6岁", "60周岁及以上的", "3至6岁").
AGE_RANGE = re.compile(
    r"(?<![\d.])\d+(?:\s*[-—~～至到]\s*\d+)?\s*周?岁(?:及|或)?(?:以上|以下|以内|之间)?的?"
)


def hide_qualifiers(text: str) -> tuple[str, tuple[str, ...]]:
    """`text` with ages dropped whole and each name with digits written as one mark that no
    figure reader takes for a figure (a title counts it as one character); the names."""
    text = AGE_RANGE.sub("", text)
    names: list[str] = []

    def mark(m: re.Match[str]) -> str:
        if m.group(0) not in names:
            names.append(m.group(0))
        return chr(_MARK + names.index(m.group(0)))

    return _LATIN_NAME.sub(mark, text), tuple(names)


def show_names(text: str, names: tuple[str, ...]) -> str:
    """The names written back for their marks."""
    for k, name in enumerate(names):
        text = text.replace(chr(_MARK + k), name)
    return text


# A comparator or bound a title may have kept from its clause ("平均浓度控制在", "…浓度不"):
# it says how the figure is held to the target, not what is measured.
_COMPARATOR_TAIL = re.compile(
    r"(?:(?:控制|保持|稳定|提高|提升|下降|降低|减少|增长)(?:在|到|至)"
    r"|控制|不低于|不高于|不超过|不少于|不多于|不大于|低于|高于|达到|以上|以下|以内|之内|不)$"
)


def without_comparator(title: str) -> str:
    """`title` without a comparator at its end, unless that leaves less than two characters."""
    bare = _COMPARATOR_TAIL.sub("", title)
    return bare if len(bare) >= 2 else title
