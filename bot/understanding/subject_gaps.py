"""Questions beyond the ledger that share words with a target: a weak match on words of work
or place alone, for a question whose subject this ledger never writes ("市区集中供热面积新增多少"
shares only 新增 and 市区 with a target of parking spaces; no target mentions 供热); one on the
ledger's own place name alone ("恩平温泉周末人多吗"); forecasts, the asker's meals and the ledger
of a year still to come (`asker_cues`)."""

from __future__ import annotations

import functools
import re

from bot.understanding.asker_cues import FORECAST, OWN_MEAL, coming_year_words, without
from bot.understanding.candidates import Candidate
from bot.understanding.dictionary_cut import jieba_dictionary, word_spans
from bot.understanding.generic_lead import words_mask
from bot.understanding.text import normalize, text_tokens

# The digits, decimal points and percent signs of a figure a fuzzy phrase took in (新增2).
_FIGURE_CHARS = re.compile(r"[0-9.%]+")

# jieba's dictionary tags for the names of bodies, events and other things and abbreviations,
# of three characters or more (大运会, 冬奥会); not of places or people, which it gives common
# words too (东西 ns, 上岗 ns, 敬老院 nr), nor shorter words (换灯 nz).
_NAME_TAGS = frozenset(("nt", "nz", "j"))

# The level a ledger's own place is named with in its preamble (恩平市, 苍南县, 涪陵区).
_LEVELS = "市县区州旗"
_OWN_PLACE_NAMED = f"[{_LEVELS}](?:[0-9]{{4}}年|人民政府|政府|委|人大|党委)"


class SubjectGaps:
    """Part of `ScopeChecks` (bot.understanding.scope): reads `lexicon`, `index` and the
    ledger's word counts of `Answerer`."""

    def _beyond_ledger(self, q: str, best: Candidate | None) -> bool:
        """A forecast, the asker's meal, the ledger of a year to come, or a weak match that
        shares no word of a subject with the question (see the module's docstring)."""
        if FORECAST.search(q) or OWN_MEAL.search(q):
            return True
        coming = coming_year_words(q)
        if coming and not self.names_something(without(q, coming)):
            return True  # "明年的十件实事有哪些": words for the whole ledger, of another year
        return (
            self._names_unheld_subject(q, best)
            or self._only_own_place(q, best)
            or self._names_unheld_name(q, best)
        )

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

    @functools.cached_property
    def _official_by_first(self) -> dict[str, tuple[str, ...]]:
        """`_official_words` by their first character, longest first: a question is looked
        up by its own characters, not every word by the question."""
        found: dict[str, list[str]] = {}
        for word in self._official_words:
            found.setdefault(word[0], []).append(word)
        return {ch: tuple(words) for ch, words in found.items()}

    def _official_in(self, q: str) -> list[str]:
        """The official words `q` writes."""
        by_first = self._official_by_first
        return [w for ch in set(q) for w in by_first.get(ch, ()) if w in q]

    @functools.cached_property
    def _generic_parts(self) -> frozenset[str]:
        """Every word of work or place of the lexicon and every part of one (设 of 建设)."""
        return frozenset(
            w[i:j]
            for w in self.lexicon.generic
            for i in range(len(w))
            for j in range(i + 1, len(w) + 1)
        )

    def _only_generic_evidence(self, q: str, best: Candidate, places: bool = False) -> bool:
        """Nothing but the lexicon's words of work and place (or parts of them) explains the
        target, and with `places` the ledger's own place name: no figure, no rare character
        but one of such a word in the question, no word of a subject."""
        parts = self._generic_parts
        if not parts or not best.reasons:
            return False
        runs = self._generic_runs(q)  # 质改 of 提质改造: across two words of work, one of neither
        # Most targets fail on their first reason: the text is tested before any work on it.
        for r in best.reasons:
            text = r.text
            if r.kind == "figure":
                return False
            if r.kind == "char":
                # a character of a word of work or place the question writes (市 of 市区)
                if any(text in word and word in q for word in self.lexicon.generic):
                    continue
                return False
            if text in parts or _within_runs(q, text, runs):
                continue
            if _FIGURE_CHARS.search(text):
                text = _FIGURE_CHARS.sub("", text)
                if not text or text in parts:
                    continue
            if not (places and self._own_place(text)):
                return False
        return True

    def _generic_runs(self, q: str) -> list[tuple[int, int]]:
        """The spans of `q` that words of work or place written one after another cover."""
        covered = words_mask(q, self.lexicon.generic)
        runs, start = [], None
        for i, on in enumerate((*covered, False)):
            if on and start is None:
                start = i
            elif not on and start is not None:
                runs.append((start, i))
                start = None
        return runs

    def _own_place(self, text: str) -> bool:
        """`text` is the ledger's own place, as its preamble names it with a level (恩平 or
        恩平市 of "关于恩平市2024年十件民生实事"): no more one target's than another's."""
        base = text[:-1] if text[-1] in _LEVELS else text
        if len(base) < 2 or base not in self._preamble:
            return False
        # Named as the ledger's place is: before its year or its government ("恩平市2024年",
        # "泰顺县人民政府"), not a word ending in a level character (老旧小区改造).
        return re.search(re.escape(base) + _OWN_PLACE_NAMED, self._preamble) is not None

    def _only_own_place(self, q: str, best: Candidate | None) -> bool:
        """A weak match by the ledger's own place name and words of work or place alone."""
        if best is None or self._confident(best):
            return False
        if not self._only_generic_evidence(q, best, places=True):
            return False
        return any(self._own_place(_FIGURE_CHARS.sub("", r.text) or "。") for r in best.reasons)

    def _names_unheld_subject(self, q: str, best: Candidate | None) -> bool:
        """The leading target is named by no phrase of three characters or more and shares
        only words of work or place with the question, which names a subject of county work
        (an official word of the lexicon, no part of it explained) that no target writes, nor
        any of the lexicon's words for it."""
        if best is None or _names_phrase(best) or not self._only_generic_evidence(q, best):
            return False
        explained = [_FIGURE_CHARS.sub("", r.text) for r in best.reasons]
        for word in self._official_in(q):
            if any(e and e in word and e not in self._generic_parts for e in explained):
                continue
            if self._targets_write(word) or self._ledger_writes_apart(word):
                continue
            if not any(self._targets_write(w) for w in self._readings[word]):
                return True
        return False

    def _names_unheld_name(self, q: str, best: Candidate | None) -> bool:
        """A match on nothing but words of work or place (or the name's own characters)
        beside a proper name no text of the ledger writes: a word of three characters or more
        jieba's dictionary tags a body, event or abbreviation (`_NAME_TAGS`: 大运会, 冬奥会)
        that the lexicon does not read as its own. The name is all the question asks about."""
        if best is None or not self._little_evidence(best):
            return False  # most matches: no need to cut the question into words
        dictionary = jieba_dictionary()
        spans = [
            (start, end)
            for start, end in word_spans(q)
            if end - start >= 3
            and dictionary.tag(word := q[start:end]) in _NAME_TAGS
            and word not in self._lexicon_words
            and word not in self.lexicon.synonyms
            and not self._ledger_mentions(word)
        ]
        # A name holding a word the lexicon reads as the target's ("外商投资": 外商 → 外资) is
        # that word said more fully, not a name the ledger never writes.
        read = {r.text for r in best.reasons if r.kind == "lexicon"}
        spans = [
            (start, end) for start, end in spans if not self._reads_inside(q[start:end], read)
        ]
        if not spans:
            return False
        names = [q[start:end] for start, end in spans]
        for r in best.reasons:
            if r.kind == "lexicon":
                continue  # a reading of a word beside the name (场馆 → 健身) asks nothing more
            text = self._besides_generic(r.text)
            if len(text) == 1 and any(text in name for name in names):
                continue  # a character of the name (运 of 大运会); a word of it is evidence
            if len(text) > 1 and not _straddles(q, text, spans):
                return False  # 会场 of 大运会场馆 is half the name's, no word of the question
        return True

    def _reads_inside(self, name: str, read: set[str]) -> bool:
        """Whether a word of two characters or more inside `name` is a lexicon key read as
        one of `read`."""
        synonyms = self.lexicon.synonyms
        return any(
            read.intersection(synonyms.get(name[i:j], ()))
            for i in range(len(name) - 1)
            for j in range(i + 2, len(name) + 1)
        )

    def _little_evidence(self, best: Candidate) -> bool:
        """No figure and nothing longer than two characters besides words of work or place
        explains `best`, and two such bigrams at most (one on each edge of a name)."""
        bigrams = 0
        for r in best.reasons:
            if r.kind == "figure":
                return False
            rest = len(self._besides_generic(r.text))
            if rest > 2:
                return False
            bigrams += rest == 2
        return bigrams <= 2

    def _besides_generic(self, text: str) -> str:
        """A reason's text without figures and words of work or place (建设类 → 类); "" when
        it is one of them or a part of one."""
        memo = self._besides_memo  # reasons' texts repeat across questions; the lexicon stays
        found = memo.get(text)
        if found is None:
            if len(memo) > 8192:
                memo.clear()
            found = memo[text] = self._strip_generic(text)
        return found

    @functools.cached_property
    def _besides_memo(self) -> dict[str, str]:
        return {}

    def _strip_generic(self, text: str) -> str:
        text = _FIGURE_CHARS.sub("", text)
        if text in self._generic_parts:
            return ""
        # The words of two characters or more, in the lexicon's order, that start with a
        # character of the text: taking words out never brings a character in, so no other
        # word can be there at any step (its `replace` would change nothing).
        words, by_first = self._generic_by_first
        for at in sorted([at for ch in set(text) for at in by_first.get(ch, ())]):
            text = text.replace(words[at], "")
        return text

    @functools.cached_property
    def _generic_by_first(self) -> tuple[tuple[str, ...], dict[str, list[int]]]:
        """The lexicon's words of work or place of two characters or more, and where each
        first character starts them."""
        words = tuple(word for word in self.lexicon.generic if len(word) >= 2)
        by_first: dict[str, list[int]] = {}
        for at, word in enumerate(words):
            by_first.setdefault(word[0], []).append(at)
        return words, by_first

    @functools.cached_property
    def _readings(self) -> dict[str, tuple[str, ...]]:
        """Each official word's lexicon words (its synonyms, a topic's words), normalised,
        each also without its words of work or place when two characters or more are left
        (交通建设 is written by a target of 交通)."""
        lexicon = self.lexicon
        topics = {t.name: t.words for t in lexicon.topics}
        readings: dict[str, tuple[str, ...]] = {}
        for word in self._official_words:
            found: list[str] = []
            for other in (*lexicon.synonyms.get(word, ()), *topics.get(word, ())):
                other = normalize(other)
                core = other
                for generic in lexicon.generic:
                    core = core.replace(generic, "")
                found += [other, core] if len(core) >= 2 and core != other else [other]
            readings[word] = tuple(found)
        return readings

    def _initials_of_a_name(self, key: str) -> bool:
        """Some target's title or alias starts with the abbreviation's first character and
        holds the others further on, in order, apart (社保 of 社会保障惠民工程): the question's
        initials of that name, not the subject the lexicon reads the abbreviation as."""
        holders = [self.index.char_docs.get(ch, set()) for ch in key]
        if len(key) < 2 or key.isascii() or not all(holders):
            return False
        spelled = re.compile("".join(re.escape(ch) + ".+?" for ch in key[:-1]) + key[-1])
        docs = self.index.docs
        for number in set.intersection(*holders):
            names = docs[number].names.split("\n") if number in docs else ()
            if any(name.startswith(key[0]) and spelled.match(name) for name in names):
                return True
        return False

    def _targets_write(self, word: str) -> bool:
        """Some target's texts or aliases write `word`: its preamble's news ("外贸进出口稳中
        有进") is no target of the ledger. The index's bigrams decide it where they can."""
        index = self.index
        tokens = text_tokens(word)
        if not all(t in index.postings or index.alias_df[t] > 0 for t in tokens):
            return False
        return tokens == [word] or self._counts(word)[0] > 0


def _within_runs(q: str, text: str, runs: list[tuple[int, int]]) -> bool:
    """Every place `q` writes `text` lies inside one of `runs`."""
    at = q.find(text)
    if at < 0 or not runs:
        return False
    while at >= 0:
        if not any(start <= at and at + len(text) <= end for start, end in runs):
            return False
        at = q.find(text, at + 1)
    return True


def _straddles(q: str, text: str, spans: list[tuple[int, int]]) -> bool:
    """Every place `q` writes `text` runs across the edge of one of the `spans`."""
    at = q.find(text)
    if at < 0:
        return False
    while at >= 0:
        end = at + len(text)
        if not any(at < edge < end for span in spans for edge in span):
            return False
        at = q.find(text, at + 1)
    return True


def _names_phrase(best: Candidate) -> bool:
    """One of the target's phrases of three characters or more, figures aside, is written in
    the question: evidence however weak the coverage (新增2 of a figure is no such phrase)."""
    for r in best.reasons:
        if r.kind in ("phrase", "pinyin", "fuzzy") and len(r.text) >= 3:
            if len(_FIGURE_CHARS.sub("", r.text)) >= 3:
                return True
    return False
