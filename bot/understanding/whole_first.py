"""The whole before its parts when the question names no part.

A report on works by level or place often gives the whole first ("全市谋划实施百城建设提质工程
项目386个…") and then its parts in the same words ("其中,中心城区…189个", "4个县(市)共实施…").
Asked in those shared words alone ("百城提质", "全市城建项目上半年投了多少钱"), the question is
about the whole: the one close candidate whose texts write the asker's whole place (全市, 全县…)
goes first when the words that found those before it found it too, unless the question writes
a word a candidate before it holds and it does not (中心城区: the question names that part)."""

from __future__ import annotations

import re

from bot.understanding.candidates import Candidate, to_front
from bot.understanding.cues import ALONE_RATIO
from bot.understanding.text import text_tokens

# The asker's whole place as a report writes it, and the rest of its clause.
_WHOLE_PLACE = re.compile(r"全(?:省|市|州|县|区|镇|乡)")
_QUALIFIED = re.compile(r"全(?:省|市|州|县|区|镇|乡)([^，,。；;\n]*)")


# Reasons that are words of the question found in a target's texts.
_FOUND = ("bm25", "phrase", "lexicon", "gap")


def _words_found(c: Candidate) -> set[str]:
    return {r.text for r in c.reasons if r.kind in _FOUND}


class WholeFirst:
    """`Precedence`'s rule for a whole and its parts written alike."""

    def _whole_first(self, candidates: list[Candidate], q: str) -> list[Candidate]:
        """The candidates with the one of the leading three whose texts write the whole place
        first, when it scores `ALONE_RATIO` of the leader or more, explains as much of the
        question as those before it, and the question writes no word only they hold."""
        if len(candidates) < 2:
            return candidates
        lead = candidates[0]
        close = [c for c in candidates[:3] if c.score >= lead.score * ALONE_RATIO]
        wholes = [n for n, c in enumerate(close) if _WHOLE_PLACE.search(self._text_of(c))]
        if len(wholes) != 1 or wholes[0] == 0 or len(close) < 2:
            return candidates
        n = wholes[0]
        whole = self._text_of(close[n])
        before = [self._text_of(c) for c in close[:n]]
        if any(c.coverage > close[n].coverage for c in close[:n]):
            return candidates
        # Written alike: every word that found one before it found the whole too, and the
        # whole place qualifies one of them ("全市谋划实施百城建设…", not "全市建设安置点6个").
        found = _words_found(close[n])
        if any(not _words_found(c) <= found for c in close[:n]):
            return candidates
        qualified = " ".join(m.group(1) for m in _QUALIFIED.finditer(whole))
        if not any(len(w) >= 2 and w in qualified for w in found):
            return candidates
        for token in text_tokens(q):
            if token not in whole and any(token in text for text in before):
                return candidates  # "中心城区…": the question names a part
        return to_front(candidates, n) if self._trusted(close[n]) else candidates
