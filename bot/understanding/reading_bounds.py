"""Whether a text writes a word only across two words (人口 in "城里人口袋": 城里人 + 口袋), where
it is not that word; jieba's dictionary cut decides, as in `word_bounds`."""

from __future__ import annotations

from bot.understanding.dictionary_cut import word_spans

# Characters either side of a place that its cut is worked out on: enough for the words
# around it, not the whole text.
_AROUND = 6


def places(text: str, word: str) -> list[int]:
    """Where `word` starts in `text`, overlapping places included."""
    found, at = [], text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found


def only_across_words(text: str, word: str) -> bool:
    """`text` writes `word`, and every time across two words: its start ends a word that
    begins before it and its end begins one that goes on after it (城里人 + 口袋). A word cut
    off on one side only is no such case: the cut's own slips make those (妇幼保健 + 院)."""
    found = places(text, word)
    for at in found:
        start = max(at - _AROUND, 0)
        window = text[start : at + len(word) + _AROUND]
        if not _split(window, at - start, at - start + len(word)):
            return False
    return bool(found)


def _split(window: str, start: int, end: int) -> bool:
    """Whether `window[start:end]` starts inside one word and ends inside the next."""
    if not (0 < start and end < len(window)):
        return False
    spans = word_spans(window)
    head = next((a, b) for a, b in spans if a <= start < b)
    tail = next((a, b) for a, b in spans if a < end <= b)
    return head[0] < start and start < head[1] < end and start < tail[0] and tail[1] > end
