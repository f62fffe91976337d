"""A ledger's texts as the index reads them: what a table's layout or a draft's placeholder
put there is not the target's words."""

from __future__ import annotations

import re

from bot.understanding.cues import PERIOD
from bot.understanding.text import normalize_many

# A two-character name padded to the width of three ("渠  县", "王  明"), as tables align
# their cells: one character alone, a space, one character alone.
_PADDED_NAME = re.compile(r"(?<![\u3400-\u9fff])([\u3400-\u9fff]) +([\u3400-\u9fff])(?![\u3400-\u9fff])")

# The title a draft gives a target it could not name ("目标7"): a number, not its words.
_PLACEHOLDER_TITLE = re.compile(r"目标\d+")


def unpadded(text: str) -> str:
    """`text` with each padded two-character name written together ("渠 县" → "渠县")."""
    return _PADDED_NAME.sub(r"\1\2", text) if " " in text else text


def title_words(title: str) -> str:
    """The words of a normalised title: none for a draft's placeholder."""
    return "" if _PLACEHOLDER_TITLE.fullmatch(title) else title


def context_periods(preamble: str) -> tuple[str, ...]:
    """The parts of the year a ledger's preamble writes ("上半年", "一季度"): the period the
    whole report is about, which a target that happens to repeat it is not named by."""
    return tuple(sorted(set(PERIOD.findall(normalize_many([preamble])[0]))))


def blank_periods(text: str, periods: tuple[str, ...]) -> str:
    """`text` with each of `periods` blanked (as filler is: spaces, positions kept)."""
    for period in periods:
        if period in text:
            text = text.replace(period, " " * len(period))
    return text
