"""A question about a thing a target only qualifies or ends: "万元地区生产总值能耗下降多少"
writes a target's phrase (地区生产总值) as the qualifier of its head word (能耗), the measure it
asks a figure of; "城乡居民人均可支配收入增长多少" shares only 收入, the tail of 可支配收入, with a
target of 预算收入. When that head or whole word is a subject of county work no target writes,
in any of the lexicon's words for it, the question is about a thing the ledger does not hold."""

from __future__ import annotations

import functools
import re

from bot.domain.ledger import TargetSpec
from bot.understanding.text import normalize

# A target's phrase shorter than this is too little of a name to qualify a head word with.
_MIN_QUALIFIER = 3

# A figure asked right after a word ("能耗下降多少", "收入增长多少", "是多少"): the word names
# the measure asked of, not one said in passing ("前期工作进展", "看病条件改善了没").
_FIGURE_ASKED = re.compile(r"[^，,。？?；;]{0,6}?(?:多少|几)")

# A named measure the whole-word check trusts: five characters or more (可支配收入, 工业增加值);
# a four-character word is often a kind of the thing a target holds (技能培训 of its 培训).
_MIN_WHOLE = 5

# Evidence too weak to name a thing: a bigram across two words, one character.
_WEAK = ("gap", "char")


class UnheldHeads:
    """The unheld-head checks of `ScopeChecks` (bot.understanding.scope): read `index`,
    `lexicon`, the official words of `SubjectGaps` and the ledger counts of `ScopeChecks`."""

    def _names_unheld_head(self, q: str, best: TargetSpec | None) -> bool:
        """The leading target is named by a phrase of its own that the question follows at
        once with an official word of the lexicon (its head) that no target writes, nor any
        word the lexicon reads it as: the question asks a figure of another thing."""
        if best is None:
            return False
        found = self._candidate_of(q, best.number)
        if found is None:
            return False
        phrases = {r.text for r in found.reasons if r.kind == "phrase"}
        for phrase in phrases:
            if len(phrase) < _MIN_QUALIFIER or any(phrase in p and phrase != p for p in phrases):
                continue  # a longer phrase of the target's own is the qualifier to look after
            at = q.find(phrase)
            while at >= 0:
                head = self._official_head(q, at + len(phrase))
                if (
                    head
                    and head not in self._change_words
                    and _FIGURE_ASKED.match(q, at + len(phrase) + len(head))
                    and self._unheld(head)
                ):
                    return True
                at = q.find(phrase, at + 1)
        return False

    @functools.cached_property
    def _change_words(self) -> frozenset[str]:
        """Words the lexicon gives beside a word of work (涨 → 增长, 增速, 增幅): they say how a
        thing changes or is measured, not what it is, so they head no other thing."""
        generic = set(self.lexicon.generic)
        return frozenset(
            normalize(w)
            for words in self.lexicon.synonyms.values()
            if any(normalize(w) in generic for w in words)
            for w in words
        )

    def _official_head(self, q: str, start: int) -> str:
        """The longest official word of the lexicon written in `q` from `start`, or ""."""
        if start >= len(q):
            return ""
        rest = q[start:]
        return next(
            (w for w in self._official_by_first.get(q[start], ()) if rest.startswith(w)), ""
        )

    def _unheld(self, word: str) -> bool:
        """No text of the ledger writes `word`, whole or apart, nor any lexicon word for it."""
        if self._ledger_mentions(word) or self._ledger_writes_apart(word):
            return False
        return not any(self._ledger_mentions(w) for w in self.index.lexicon_words(word))

    def _names_unheld_whole(self, q: str, best: TargetSpec | None) -> bool:
        """The leading target is not confident, and all it shares with the question but words
        of work is the tail of a longer official word the question writes and no target holds
        (收入 of 可支配收入, beside a target of 预算收入): the question is about that thing."""
        if best is None:
            return False
        found = self._candidate_of(q, best.number)
        if found is None or self._confident(found) or not found.reasons:
            return False
        wholes = [
            w
            for w in self._official_in(q)
            if len(w) >= _MIN_WHOLE
            and _FIGURE_ASKED.match(q, q.find(w) + len(w))
            and self._unheld(w)
        ]
        if not wholes:
            return False
        spans = [(at, at + len(w)) for w in wholes if (at := q.find(w)) >= 0]
        parts = self._generic_parts
        inside = False
        for r in found.reasons:
            if any(r.text in w for w in wholes):
                inside = True
            elif not (r.text in parts or r.kind in _WEAK or _overlaps(q, r.text, spans)):
                return False
        return inside


def _overlaps(q: str, text: str, spans: list[tuple[int, int]]) -> bool:
    """`text` is written in `q` across the edge of one of `spans` (入增 of 可支配收入增长)."""
    at = q.find(text)
    while at >= 0:
        if any(at < end and at + len(text) > start for start, end in spans):
            return True
        at = q.find(text, at + 1)
    return False
