"""Which leading candidate goes first when the best score is not the best answer:
- a trusted one close in score goes before a leader explaining too little to be trusted;
- one that explains much more of the question, close enough in score, goes before the
  best-scored one ("低保户每个月财政补多少钱": 低保 alone names the 低保 standard, the
  subsidy target explains 财政补 too);
- a part the question names goes before the whole listing it: a target that lists other
  targets by their names ("重点工程30项,其中省级6项、市级5项、县级16项", then one target
  for each) yields to the part ("省级重点工程投资完成多少"), although the whole explains
  more of the question (it writes the subject the parts leave out);
- of two close targets whose titles differ only in the level they start with (省实事户用厕所,
  市实事户用厕所), the one whose level the question writes ("市里面的实事") goes first;
- of two close targets, one titled with the other's title and more (重点项目, 列入省级重点项目),
  the longer goes first when the question says what its title adds ("省里的重点项目");
- a level the question says ("县重点项目", "市上盯的项目") is no other level's part: a leader
  whose matched words a ledger qualifies by another level (市级重点项目) yields to a runner-up
  at half its score, or explaining as much, that no other level qualifies; a leader no level
  qualifies yields to a close runner-up the question's own level qualifies (`_level_apart`);
- a word a target writes only negated (税收 of 非税收入) is not the word the question says
  plainly ("税收"): the leader it mostly explains yields to a close runner-up that writes it
  plainly (税收收入) (`_plain_first`)."""

from __future__ import annotations

import re

from bot.understanding.candidates import Candidate, to_front
from bot.understanding.cues import ALONE_RATIO, AMBIGUOUS_RATIO, PHRASE_COVERAGE
from bot.understanding.generic_lead import GenericLead
from bot.understanding.text import LEVELS, names_level
from bot.understanding.whole_first import WholeFirst

# A level the question says of the work it asks about: the asker's whole place (全县, 我市)
# or a level before 里, 上, 重点, 级, 属, 直 ("县上项目", "市里盯的"); never the 市 of 城市,
# the 区 of 社区 or 园区, the 镇 of 城镇, the 乡 of 城乡.
_LEVEL_SAID = re.compile(
    r"(?:全|本|我们|咱们|我|咱)([省市县区镇乡])"
    r"|(?<![城社小园景街辖片农山都])([省市县区镇乡])(?=里|上|重点|级|属|直)"
)
# How many characters a level may stand before the words it qualifies: 市级 of 市级重点项目
# qualifies 项目 too.
_QUALIFIES = 4
# Characters that negate the word after them in a name (非税收入, 未成年人).
_NEGATORS = "非未"
# A run of letters (Chinese characters): the clause a level qualifies words in.
_RUN = re.compile(r"[^\W\d_]+")
# Reasons that say which words of a target the question wrote.
_WORDS = ("bm25", "phrase", "pinyin", "fuzzy", "lexicon", "gap")

# A runner-up explaining this much more of the question than the best-scored target (as a
# share of its informative bigrams) is the better answer if its score is at least half.
MORE_COVERAGE = 0.2

# The ways a question may name a part's title (its own words, a homophone or the lexicon's);
# a fuzzy near-miss is too loose to set a whole aside.
_NAMING = ("phrase", "pinyin", "lexicon")


def _only_negated(word: str, text: str) -> bool:
    """Whether `text` writes `word` and every time right after 非 or 未 (税收 in 非税收入)."""
    at = text.find(word)
    if at < 0:
        return False
    while at >= 0:
        if at == 0 or text[at - 1] not in _NEGATORS:
            return False
        at = text.find(word, at + 1)
    return True


class Precedence(GenericLead, WholeFirst):
    """`Answerer`'s order of the leading candidates (bot.understanding.answering)."""

    def _promoted(self, candidates: list[Candidate]) -> list[Candidate]:
        """A leader that explains too little of the question to be trusted yields to a close
        runner-up that does ("瘫在床上…的五保老人有地方住吗": 五保 alone names a low-income
        target, the rest is the care home's): the best score alone is not the best answer."""
        if len(candidates) < 2 or self._trusted(candidates[0]):
            return candidates
        top = candidates[0].score
        for n, candidate in enumerate(candidates[1:], 1):
            if candidate.score >= top * AMBIGUOUS_RATIO and self._trusted(candidate):
                return to_front(candidates, n)
        return candidates

    def _by_evidence(self, candidates: list[Candidate], q: str) -> list[Candidate]:
        """The scored candidates in the order their evidence sets before any rule of level,
        part or wording: trusted first, then explaining more, then named by a subject."""
        ordered = self._subject_first(self._explains_more_first(self._promoted(candidates)), q)
        return self._whole_first(ordered, q)

    def _explains_more_first(self, candidates: list[Candidate]) -> list[Candidate]:
        """The candidates with the leading one whose score times coverage is best
        first, among those explaining `MORE_COVERAGE` more of the question than the leader
        and scoring at least `ALONE_RATIO` of it; else as they were."""
        if len(candidates) < 2:
            return candidates
        lead = candidates[0]
        best, chosen = lead.score * lead.coverage**2, 0
        # Every leading one, not the top three only: several targets alike by one common word
        # (农村) may fill the top three ahead of the one explaining the question.
        for n, c in enumerate(candidates[1:], 1):
            if (
                c.score >= lead.score * ALONE_RATIO
                and c.coverage >= lead.coverage + MORE_COVERAGE
                and c.score * c.coverage**2 > best
                and self._trusted(c)
            ):
                best, chosen = c.score * c.coverage**2, n
        if not chosen:
            return candidates
        return [candidates[chosen], *candidates[:chosen], *candidates[chosen + 1 :]]

    def _longer_named_first(self, candidates: list[Candidate]) -> list[Candidate]:
        """The candidates with a close runner-up first whose title holds the leader's and more,
        when one of its reasons (a word the question writes, or the lexicon's for one) is in
        that more and none of the leader's is; else as they were."""
        if len(candidates) < 2:
            return candidates
        lead = candidates[0]
        for n, c in enumerate(candidates[1:3], 1):
            if c.score < lead.score * AMBIGUOUS_RATIO or len(c.title) <= len(lead.title):
                continue
            more = c.title.replace(lead.title, " ") if lead.title in c.title else ""
            named = {r.text for r in c.reasons if len(r.text) >= 2 and r.text in more}
            if named:  # not a reading of a word the leader's title writes (幼儿园: 公办园)
                shared = [
                    w for k, ws in self.lexicon.synonyms.items() if k in lead.title for w in ws
                ]
                named = {t for t in named if not any(t in w for w in shared)}
            # A word the leader holds too, whole or inside one of its own (公办 of 公办园, read
            # for 幼儿园 in both), tells the two apart no more than the title's shared part.
            held = [r.text for r in lead.reasons]
            if named and not any(word in text for word in named for text in held):
                return to_front(candidates, n)
        return candidates

    def _level_first(self, candidates: list[Candidate], q: str) -> list[Candidate]:
        """The candidates with the leader's level sibling first when the question writes
        the sibling's level and not the leader's (市 in "市里面的实事", not 全市 nor 我市)
        and the two score within `AMBIGUOUS_RATIO`; else as they were."""
        if len(candidates) < 2:
            return candidates
        lead = candidates[0]
        level = lead.title[:1]
        if level not in LEVELS or names_level(q, level):
            return candidates
        for n, c in enumerate(candidates[1:], 1):
            if c.score < lead.score * AMBIGUOUS_RATIO:
                break
            own = c.title[:1]
            if own in LEVELS and c.title[1:] == lead.title[1:] and names_level(q, own):
                return to_front(candidates, n)
        return candidates

    def _level_apart(self, candidates: list[Candidate], q: str) -> list[Candidate]:
        """The candidates with a runner-up first whose level agrees with the one the question
        says (see the module's docstring); else as they were."""
        if len(candidates) < 2:
            return candidates
        said = {m.group(1) or m.group(2) for m in _LEVEL_SAID.finditer(q)}
        if not said:
            return candidates
        lead = candidates[0]
        other = self._levels_of(lead) - said
        if other and not any(names_level(q, level) for level in other):
            for n, c in enumerate(candidates[1:3], 1):
                if c.score < lead.score * ALONE_RATIO and c.coverage < lead.coverage:
                    continue
                if not self._levels_of(c) - said and self._trusted(c):
                    return to_front(candidates, n)
            return candidates
        # Said as a level of its own (县上, 市里), not as the asker's whole place.
        own = {m.group(2) for m in _LEVEL_SAID.finditer(q) if m.group(2)}
        if not own or self._levels_of(lead):
            return candidates
        for n, c in enumerate(candidates[1:3], 1):
            if c.score < lead.score * AMBIGUOUS_RATIO:
                break
            if self._levels_of(c) & own and self._trusted(c):
                return to_front(candidates, n)
        return candidates

    def _plain_first(self, candidates: list[Candidate], q: str) -> list[Candidate]:
        """The candidates with a close runner-up before one of the leading two that writes
        only after 非 or 未 the words that make half its score, when the runner-up writes
        them plainly and the question does not negate them; else as they were."""
        for i, lead in enumerate(candidates[:2]):
            if len(candidates) <= i + 1 or candidates[i + 1].score < lead.score * AMBIGUOUS_RATIO:
                continue  # no runner-up close enough to go first
            text = self._text_of(lead)
            if "非" not in text and "未" not in text:
                continue
            negated = [
                r
                for r in lead.reasons
                if len(r.text) >= 2 and r.kind in _WORDS and _only_negated(r.text, text)
            ]
            if sum(r.score for r in negated) < lead.score * ALONE_RATIO:
                continue
            if any(_only_negated(r.text, q) for r in negated):
                continue  # the question negates them too ("非税收入")
            for n, c in enumerate(candidates[i + 1 : i + 3], i + 1):
                if c.score < lead.score * AMBIGUOUS_RATIO:
                    break
                own = self._text_of(c)
                if all(r.text in own and not _only_negated(r.text, own) for r in negated):
                    return [*candidates[:i], c, *candidates[i:n], *candidates[n + 1 :]]
        return candidates

    def _text_of(self, c: Candidate) -> str:
        doc = self.index.docs.get(c.number)
        return doc.text if doc is not None else ""

    def _levels_of(self, c: Candidate) -> set[str]:
        """The levels the target's texts write right before words the question matched
        (市 of "市级重点项目" when 重点项目 or 重点 matched)."""
        text = self._text_of(c)
        if "级" not in text:
            return set()
        words = [r.text for r in c.reasons if r.kind in _WORDS and len(r.text) >= 2]
        found = set()
        at = text.find("级", 1)
        while at >= 0 and words:
            level = text[at - 1]
            if level in LEVELS and level not in found:
                # The words a few characters on in the same run of characters (市级重点项目
                # 开复工率: 项目 too), never past a digit or a mark.
                run = _RUN.match(text, at + 1)
                head = run.group() if run else ""
                if any(0 <= head.find(w) <= _QUALIFIES for w in words):
                    found.add(level)
            at = text.find("级", at + 1)
        return found

    def _part_first(self, candidates: list[Candidate]) -> tuple[list[Candidate], int | None]:
        """The candidates with a part the question names before the whole leading them, and
        the whole's number (not to be offered as a close second); else as they were."""
        if len(candidates) < 2:
            return candidates, None
        docs = self.index.docs
        whole = docs.get(candidates[0].number)
        if whole is None:
            return candidates, None
        names = whole.names.split("\n")
        named = []
        for n, part in enumerate(candidates[1:], 1):
            doc = docs.get(part.number)
            if doc is None:
                continue
            title = doc.fields[0]
            # A part called within the whole's own names may be the whole the question means.
            if len(title) < 2 or title not in whole.written or any(title in m for m in names):
                continue
            if any(
                r.text == title and r.field == "title" and r.kind in _NAMING for r in part.reasons
            ):
                named.append(n)
        # Two parts named ("省级和市级的加起来") ask about the whole, or both. A title named,
        # by the lexicon's word too ("省里" for 省级), is trusted as a phrase written out is.
        if len(named) != 1:
            return candidates, None
        part = candidates[named[0]]
        if not (self._trusted(part) or part.coverage >= PHRASE_COVERAGE):
            return candidates, None
        if self._parts_listed(candidates[0].number) < 2:
            return candidates, None
        n = named[0]
        return to_front(candidates, n), candidates[0].number

    def _parts_listed(self, number: int) -> int:
        """How many other targets' titles (two characters or more) the target's texts write:
        two or more make it a whole listing its parts. Counted once per version of its doc."""
        doc = self.index.docs[number]
        cached = self._listed.get(number)
        if cached is not None and cached[0] is doc:
            return cached[1]
        count = 0
        for other, other_doc in self.index.docs.items():
            title = other_doc.fields[0] if other_doc.fields else ""
            if other != number and len(title) >= 2 and title in doc.written:
                count += 1
        self._listed[number] = (doc, count)
        return count
