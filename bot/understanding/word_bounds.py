"""Whether a word found inside a text is written there as that word, or only as the end of one
word and the start of the next: 行情 (market prices) is not written in "执行情况" (执行 + 情况),
nor 10 in "2010年" or "104%". jieba's dictionary cut decides (bot.understanding.dictionary_cut,
which reads jieba's dictionary without jieba), looked at only when a character stands on either
side of the word."""

from __future__ import annotations

import re

from bot.understanding.dictionary_cut import word_spans
from bot.understanding.text import is_cjk

_DIGIT = re.compile(r"[\d.]")
_RUNS = re.compile(r"\d+(?:\.\d+)?%?|\D+")


def search_words(phrase: str) -> list[str]:
    """The words a phrase is looked for by in texts: itself up to three characters, else its
    characters two by two, a number (with its %) kept whole ("增长超过10%": 增长, 超过, 10%)."""
    if len(phrase) <= 3:
        return [phrase]
    words = []
    for run in _RUNS.findall(phrase) if any(c.isdigit() for c in phrase) else [phrase]:
        if run[0].isdigit():
            words.append(run)
        else:
            words += [run[i : i + 2] for i in range(0, len(run) - 1, 2)]
    return words


def written_counts(found: list[tuple[int, object, str]], words: list[str]) -> list[tuple]:
    """(how many `words` each text writes as words, its item), in order, from (how many it holds
    at all, item, text): a text is cut into words only while it could still reach the best."""
    counts = [0] * len(found)
    best = 0
    for i in sorted(range(len(found)), key=lambda i: -found[i][0]):
        hits, _, text = found[i]
        if hits < best:
            break  # the rest hold fewer, so write fewer: none of them is kept
        counts[i] = sum(w in text and written_as_word(text, w) for w in words)
        best = max(best, counts[i])
    return [(n, item) for n, (_, item, _) in zip(counts, found, strict=True)]


def written_as_word(text: str, word: str) -> bool:
    """True when `word` occurs in `text` at least once where no word of the text holds only its
    start or only its end; a number only as the whole number."""
    start = text.find(word)
    tokens = None
    while start >= 0:
        end = start + len(word)
        if word[0].isdigit() or word[-1].isdigit():
            if not _cuts_a_number(text, start, end, word):
                return True
        elif not _flanked(text, start, end):
            return True
        else:
            if tokens is None:
                tokens = word_spans(text)
            # A word holding it whole (股市行情) is fine; one holding only its start or its end
            # is another word's.
            if not any(a < start < b < end or start < a < end < b for a, b in tokens):
                return True
        start = text.find(word, start + 1)
    return False


def _flanked(text: str, start: int, end: int) -> bool:
    return (start > 0 and is_cjk(text[start - 1])) or (end < len(text) and is_cjk(text[end]))


def _cuts_a_number(text: str, start: int, end: int, word: str) -> bool:
    before = start > 0 and word[0].isdigit() and _DIGIT.match(text[start - 1])
    after = end < len(text) and word[-1].isdigit() and _DIGIT.match(text[end])
    return bool(before or after)


def is_one_word(word: str) -> bool:
    """True when jieba's dictionary reads `word` as one word (行情), not as a phrase of several
    that may start inside a word on purpose ("费怎么收" of 停车费怎么收)."""
    return len(word_spans(word)) == 1
