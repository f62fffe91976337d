"""A reply that only says a notice was received ("收到", "好的，马上落实", "👍"), as members of a
Chinese work group answer every notice: an acknowledgement, not a report of progress.

Pure words: `is_acknowledgement` reads nothing but the text.
"""

from __future__ import annotations

import re
import unicodedata

# The words a member answers a notice with, and promises that carry no progress of their own.
_ACK = re.compile(
    r"(?:已?收到(?:了)?|收悉|好(?:的)?|明白(?:了)?|已阅|已知悉|知悉|知道(?:了)?|了解|嗯+|OK|ok|Ok"
    r"|谢谢|感谢|(?:马上|立即|立刻|尽快|抓紧|坚决|按要求)(?:落实|办理|办|执行|推进|处理)"
    r"|遵照执行|照办|一定落实|请放心)+"
)
ACK_MAX_CHARS = 20  # a longer reply says something besides "收到"
# A CJK ideograph none of the words above writes: NFKC leaves every ideograph of this block
# as it is, and none is punctuation, so a text holding one says more than "收到". One search
# settles most texts (the bot asks it of every question) before the character-by-character
# pass below.
_OTHER_IDEOGRAPH = re.compile(
    "(?![" + "".join(sorted({ch for ch in _ACK.pattern if "\u4e00" <= ch <= "\u9fff"})) + "])"
    "[\u4e00-\u9fff]"
)


def is_acknowledgement(text: str) -> bool:
    """Whether `text` says nothing but that the notice was received (an emoji alone too)."""
    if len(text) > ACK_MAX_CHARS or _OTHER_IDEOGRAPH.search(text):
        return False
    words = "".join(
        ch
        for ch in unicodedata.normalize("NFKC", text)
        if not unicodedata.category(ch).startswith(("P", "Z", "S", "C"))  # punctuation, emoji
    )
    return not words or _ACK.fullmatch(words) is not None
