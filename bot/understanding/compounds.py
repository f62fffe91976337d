"""A question about another kind of a thing a target names: "科技成果登记怎么样" shares only
登记 with 城镇登记失业率. The question's word ends a compound ("科技成果" + "登记") that no
target writes, whose qualifier names a topic the leading target is not in: not its thing."""

from __future__ import annotations

from bot.domain.ledger import TargetSpec
from bot.understanding.candidates import Candidate, to_front
from bot.understanding.cues import AMBIGUOUS_RATIO
from bot.understanding.text import mask_stopwords


class UnheldCompounds:
    """The compound checks of `ScopeChecks` (bot.understanding.scope)."""

    def _qualifier_last(self, candidates: list[Candidate], q: str) -> list[Candidate]:
        """The candidates with a close runner-up first when one of its own phrases is written
        in the question, and the leader holds that phrase only as the qualifier of a longer
        name whose head the question does not write (村内道路 is the roads' own phrase; of
        修建村内道路边沟 it qualifies 边沟, the ditches); else as they were."""
        if len(candidates) < 2:
            return candidates
        lead = candidates[0]
        for n, c in enumerate(candidates[1:3], 1):
            if c.score < lead.score * AMBIGUOUS_RATIO:
                break
            for r in c.reasons:
                if r.kind == "phrase" and len(r.text) >= 3 and _qualifies(lead, r.text, q):
                    return to_front(candidates, n)
        return candidates

    def _names_unheld_compound(self, q: str, best: TargetSpec | None) -> bool:
        """The leading target is not confident and explained by one word of two characters
        alone, which the question writes as the head of a compound (科技成果登记, 土地登记): two
        characters or more of content right before it, none of whose bigrams the target's
        texts write, naming a topic of the lexicon other targets are in and it is not; and no
        target's texts write the compound's last four characters."""
        if best is None or best.number not in self.index.docs:
            return False
        found = next((c for c in self._scored(q) if c.number == best.number), None)
        if found is None or self._confident(found) or not found.reasons:
            return False
        if any(r.kind != "bm25" or r.text != found.reasons[0].text for r in found.reasons):
            return False  # more than one word, or a phrase of its own: its evidence is more
        word = found.reasons[0].text
        masked = mask_stopwords(q, self._filler)
        at = masked.find(word)
        start = at
        while start > 0 and _content(masked[start - 1]):
            start -= 1
        qualifier = masked[start:at]
        if len(word) != 2 or len(qualifier) < 2:
            return False
        text = self.index.docs[best.number].text
        if any(qualifier[i : i + 2] in text for i in range(len(qualifier) - 1)):
            return False  # the target writes its qualifier too: the same thing, said apart
        if self._ledger_mentions(qualifier[-2:] + word):
            return False
        # The qualifier names a topic of county work that other targets of this ledger are in,
        # and the leading one is not (科技成果 of 科技创新, whose targets are 财政科技投入 and
        # 科技型企业入库, beside 城镇登记失业率): the question is about that topic's thing.
        for topic in self.lexicon.topics:
            members = self._topic_members.get(topic.name, ())
            if not members or best.number in members:
                continue
            if any(w in qualifier for w in (*topic.asked, *topic.words) if len(w) >= 2):
                return True
        return False


def _qualifies(lead: Candidate, phrase: str, q: str) -> bool:
    """The leader's names hold `phrase` only with a head after it that `q` does not write,
    and none of its own phrases written in `q` is as long."""
    if any(r.kind == "phrase" and len(r.text) >= len(phrase) for r in lead.reasons):
        return False
    for r in lead.reasons:
        at = r.text.find(phrase) if r.kind == "fuzzy" else -1
        head = r.text[at + len(phrase) :] if at >= 0 else ""
        if len(head) >= 2 and head[:2] not in q:
            return True
    return False


def _content(ch: str) -> bool:
    """A character a compound is written with: a Chinese one, a letter or a digit."""
    return ch.isalnum() and not ch.isspace()
