"""A weak match on words of work or place alone, for a question whose subject this ledger
never writes: "市区集中供热面积新增多少" shares only 新增 and 市区 with a target of parking
spaces, and 供热 is a subject of county work no target of this ledger mentions."""

from __future__ import annotations

import functools
import re

from bot.understanding.candidates import Candidate
from bot.understanding.text import normalize

# The digits, decimal points and percent signs of a figure a fuzzy phrase took in (新增2).
_FIGURE_CHARS = re.compile(r"[0-9.%]+")


class SubjectGaps:
    """Part of `ScopeChecks` (bot.understanding.scope): reads `lexicon`, `index` and the
    ledger's word counts of `Answerer`."""

    @functools.cached_property
    def _official_words(self) -> tuple[str, ...]:
        """The lexicon's words for the subjects of county work, as ledgers write them (the
        words its everyday words are read as, topic words and subjects), not its words of work
        or place; longest first."""
        lexicon = self.lexicon
        generic = set(lexicon.generic)
        words = {normalize(w) for ws in lexicon.synonyms.values() for w in ws}
        for topic in lexicon.topics:
            words.update(topic.words)
            words.update(topic.asked)
        words.update(lexicon.subjects)
        kept = (w for w in words if len(w) >= 2 and w not in generic and not w.isascii())
        return tuple(sorted(kept, key=len, reverse=True))

    def _only_generic_evidence(self, best: Candidate) -> bool:
        """Nothing but the lexicon's words of work and place (or parts of them) explains the
        target: no figure, no rare character, no word of a subject."""
        generic = self.lexicon.generic
        if not generic or not best.reasons:
            return False
        for r in best.reasons:
            if r.kind in ("char", "figure"):
                return False
            text = _FIGURE_CHARS.sub("", r.text)
            if text and not any(text in word for word in generic):
                return False
        return True

    def _names_unheld_subject(self, q: str, best: Candidate | None) -> bool:
        """The leading target is no confident match and shares only words of work or place
        with the question, which names a subject of county work (an official word of the
        lexicon, no part of it explained) that this ledger never writes, nor any of the
        lexicon's words for it."""
        if best is None or self._confident(best) or not self._only_generic_evidence(best):
            return False
        explained = [_FIGURE_CHARS.sub("", r.text) for r in best.reasons]
        topics = {t.name: t.words for t in self.lexicon.topics}
        synonyms = self.lexicon.synonyms
        for word in self._official_words:
            if word not in q or any(e and e in word for e in explained):
                continue
            if self._ledger_mentions(word) or self._ledger_writes_apart(word):
                continue
            others = (*synonyms.get(word, ()), *topics.get(word, ()))
            if not any(self._ledger_mentions(normalize(w)) for w in others):
                return True
        return False
