"""A leader found by words of work and place alone yields to a runner-up found by a subject.

The lexicon's `[generic]` words (改造, 升级, 建设, 项目, 投资…) are in every ledger's texts: a
target that writes "升级改造" matches "工厂换新设备升级改造的项目" by them as well as any other
would, while the target it is about is found by the question's subject (工厂 → 企业). A leader
nearly all of whose score is such words, or bigrams cut across two of them as the question
writes them (级改 of 升级改造), is no better than a runner-up at half its score that explains a
word of the subject the leader does not ("村里的路改造得咋样": 改造 alone names 棚户区改造, the
村级公路 target reads 村里的路)."""

from __future__ import annotations

import re

from bot.understanding.candidates import Candidate, to_front
from bot.understanding.cues import ALONE_RATIO

# A leader whose subject words make less than this share of its score was found by words of
# work and place.
GENERIC_LEAD = 0.2
# Kinds of reason that never name a subject by themselves' words (see `_subject_score`).
_ALWAYS_SUBJECT = ("figure", "pinyin", "gap")


# A word of place (城区, 乡镇, 全县): where a ledger's parts differ ("中心城区" is one part of a
# 全市 whole), so it may be the very subject asked after, unlike a word of work.
_PLACE = re.compile(r"[区镇乡县市城村]$")


def words_mask(q: str, words) -> list[bool]:
    """Which characters of `q` belong to one of `words` written in it (words of one character
    never count: they are parts of too many others)."""
    mask = [False] * len(q)
    for word in words:
        if len(word) < 2:
            continue
        at = q.find(word)
        while at >= 0:
            mask[at : at + len(word)] = [True] * len(word)
            at = q.find(word, at + 1)
    return mask


def generic_mask(q: str, words: tuple[str, ...]) -> list[bool]:
    """Which characters of `q` belong to one of the lexicon's words of work (not of place)."""
    return words_mask(q, (word for word in words if not _PLACE.search(word)))


def _covered(text: str, q: str, mask: list[bool]) -> bool:
    """`text` is written in `q` and every time inside words of work and place."""
    at = q.find(text)
    if at < 0:
        return False
    while at >= 0:
        if not all(mask[at : at + len(text)]):
            return False
        at = q.find(text, at + 1)
    return True


class GenericLead:
    """`Precedence`'s rule for a leader found by words of work and place alone."""

    def _subject_score(self, c: Candidate, q: str, mask: list[bool]) -> float:
        """The part of `c`'s score its reasons that are no word of work or place make."""
        total = 0.0
        parts = self._generic_parts
        for r in c.reasons:
            text = r.text
            if r.kind in _ALWAYS_SUBJECT:
                total += r.score
            elif r.kind == "char":
                if not _covered(text, q, mask):
                    total += r.score
            elif r.kind == "fuzzy":
                rest = self._besides_generic(text)
                if any(rest[i : i + 2] in q for i in range(len(rest) - 1)):
                    total += r.score
            elif text not in parts and not _covered(text, q, mask):
                total += r.score
        return total

    def _subject_first(self, candidates: list[Candidate], q: str) -> list[Candidate]:
        """The candidates with a trusted runner-up first (of the next two, at `ALONE_RATIO` of
        the leader's score or more) whose subject words outweigh the leader's twice over, when
        the leader's are under `GENERIC_LEAD` of its score; else as they were."""
        if len(candidates) < 2 or not self.lexicon.generic:
            return candidates
        lead = candidates[0]
        mask = generic_mask(q, self.lexicon.generic)
        if not any(mask):
            return candidates
        own = self._subject_score(lead, q, mask)
        if own >= lead.score * GENERIC_LEAD:
            return candidates
        for n, c in enumerate(candidates[1:3], 1):
            if c.score < lead.score * ALONE_RATIO:
                break
            if self._subject_score(c, q, mask) > 2 * own and self._trusted(c):
                return to_front(candidates, n)
        return candidates
