"""As-of words (数据时点) as people type them, checked and put in the ledger's own words
before they are stored: by `/set`, by a unit's `/report` and by a spreadsheet import."""

from __future__ import annotations

import datetime as dt
import re

_MONTH_OR_DAY = re.compile(r"(\d{1,2})月(?:份)?(?:(\d{1,2})日)?")

# A day typed in figures, as /deadline takes it and as a spreadsheet's date cell reads
# ("2020-11-30", "2020/11/30", "截至2020.11.30", "2020-11"): the 序时进度 rules and the age
# of a report read the ledger's words for it ("截至2020年11月30日"), not the figures.
_FIGURES_DAY = re.compile(r"(?:截至|截止)?((?:19|20)\d{2})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?")

# What to write instead of a day no calendar has, for either way of writing it.
IN_WORDS_FORMS = "请写成 截至11月、1-11月 或 截至11月30日"
IN_FIGURES_FORMS = "请写成 2020-11-30 或 截至11月30日"


class NoSuchDay(ValueError):
    """As-of words naming a month or a day no calendar has; its text says what to write."""


def _exists(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def as_of_in_words(words: str) -> str:
    """`words` as the ledger writes them: a day in figures becomes "截至2020年11月30日" (a month,
    "截至2020年11月"); other words stay as they are. NoSuchDay for "13月", "2月30日",
    "2020-02-30"."""
    m = _FIGURES_DAY.fullmatch(words.replace(" ", ""))
    if m is not None:
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3) or 1)
        if not _exists(year, month, day):
            raise NoSuchDay(IN_FIGURES_FORMS)
        return f"截至{year}年{month}月" + (f"{day}日" if m.group(3) else "")
    for found in _MONTH_OR_DAY.finditer(words):
        # a leap year: 2月29日 exists
        if not _exists(2000, int(found.group(1)), int(found.group(2) or 1)):
            raise NoSuchDay(IN_WORDS_FORMS)
    return words
