"""Ledger abbreviations a question spells out: the ledger writes 经开区 and the leader says
经济技术开发区, the ledger 湘西州 and the leader 湘西自治州. The reverse of a `gap` (the question
abbreviating what the ledger spells out): a bigram some targets write is found in the
question with one to three characters between."""

from __future__ import annotations

import math
from collections import defaultdict

from bot.understanding.candidates import Reason
from bot.understanding.unigrams import FUNCTION_CHARS
from bot.understanding.weights import GAP_COMMON_SHARE, GAP_FACTOR, GAP_MAX_SHARE, GAP_MAX_TARGETS

# At most this many characters between the two an abbreviation keeps (经[济技术]开).
SPELLED_MAX_BETWEEN = 3


def spelled_hits(index, query) -> dict[int, list[tuple[Reason, tuple[int, int]]]]:
    """Targets writing a word of three or more characters the question spells with one to
    three characters between two of them: a bigram it spells apart (its second character
    not already read in a bigram of the question's own) that the same target writes next
    to another the question writes or spells (经开 and 开区 of 经济技术开发区, 湘西 and 西州 of
    湘西自治州). Two characters alone are too easily found apart (提升 in 提档升级). Each pair
    held by a few targets only, of two characters each held by few (as for a `gap`), at
    `GAP_FACTOR` of the pair's IDF, covering the spelled-out word."""
    n = index.count
    cap = min(max(3, int(n * GAP_MAX_SHARE)), GAP_MAX_TARGETS)
    common = max(3, n * GAP_COMMON_SHARE)
    postings, char_docs = index.postings, index.char_docs
    explained: set[int] = set()
    for _, _, own in query.present:
        if own is not None:
            explained.update(own[1])
    masked, own_tokens = query.masked, query.spans
    spelled: list[tuple[str, int, int]] = []  # (pair, i, j)
    for j in range(2, len(masked)):
        second = masked[j]
        if j in explained or not _rare(second, char_docs, common):
            continue
        for i in range(max(0, j - SPELLED_MAX_BETWEEN - 1), j - 1):
            pair = masked[i] + second
            if pair in own_tokens or " " in masked[i:j]:
                continue
            holders = postings.get(pair)
            if not holders or len(holders) > cap or not _rare(masked[i], char_docs, common):
                continue
            spelled.append((pair, i, j))
    if not spelled:
        return {}
    hits: dict[int, list[tuple[Reason, tuple[int, int]]]] = defaultdict(list)
    numbers, seen = index.numbers, set()
    for pair, i, j in spelled:
        # The neighbours a longer word would join it with: a spelled pair or an own bigram
        # ending at its first character or starting at its second.
        beside = [p for p, a, b in spelled if b == i or a == j]
        beside += [t for t in (masked[i - 1 : i + 1], masked[j : j + 2]) if t in own_tokens]
        rows = {r for t in beside for r in postings.get(t, ())} & postings[pair].keys()
        if not rows or pair in seen:
            continue
        seen.add(pair)
        df = len(postings[pair])
        weight = math.log(1 + (n - df + 0.5) / (df + 0.5)) * GAP_FACTOR
        reason = Reason("gap", pair, "text", round(weight, 3))
        for row in rows:
            hits[numbers[row]].append((reason, (i, j + 1)))
    return hits


def _rare(ch: str, char_docs, common: float) -> bool:
    """A Chinese character few targets hold, not one of grammar, asking or numerals."""
    if ch in FUNCTION_CHARS or not "\u4e00" <= ch <= "\u9fff":
        return False
    holders = char_docs.get(ch)
    return bool(holders) and len(holders) <= common
