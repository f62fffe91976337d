"""Whether a question is about this ledger at all, and how sure a match is: topics,
subjects and abbreviations the ledger does or does not hold, coverage and ambiguity."""

from __future__ import annotations

import functools

from bot.domain.ledger import TargetSpec
from bot.render.replies import render_guesses
from bot.understanding.asker_cues import FINISHED_BY_A_COMING_YEAR
from bot.understanding.candidates import Candidate
from bot.understanding.compounds import UnheldCompounds
from bot.understanding.conversation import Answer
from bot.understanding.cues import (
    ACCEPT_COVERAGE,
    ALONE_RATIO,
    CLAUSE,
    CONFIDENT_COVERAGE,
    ERRAND,
    GUESSES,
    MAYBE_COVERAGE,
    PHRASE_COVERAGE,
    PROGRESS_CUE,
    RANK_ASKED,
    RANK_NAMED,
    RANK_STATED,
    SUMMARY,
    TOPIC_ONE_TARGET,
    WEATHER,
    WHOLE_COUNT,
    YEAR,
    asks_unstated_price,
    blank_unwritten_periods,
    blank_written_cues,
    lexicon_and_characters,
    names_phrase,
    one_character,
    one_common_word,
    only_characters,
)
from bot.understanding.figures import figure_token
from bot.understanding.reading_bounds import only_across_words
from bot.understanding.subject_gaps import SubjectGaps
from bot.understanding.text import (
    ascii_word_in,
    blank_words,
    has_content,
    mask_stopwords,
    normalize,
    text_tokens,
    written_apart,
)
from bot.understanding.topic_answers import TopicAnswers
from bot.understanding.unheld_heads import UnheldHeads
from bot.understanding.whole_asks import points_at_one_item
from bot.understanding.word_bounds import is_one_word, written_as_word


class ScopeChecks(TopicAnswers, SubjectGaps, UnheldCompounds, UnheldHeads):
    """The scope and confidence checks of `Answerer` (bot.understanding.answering)."""

    def _names_nothing(self, q: str) -> bool:
        """A progress question made only of filler and words for the whole ledger."""
        if not PROGRESS_CUE.search(q):
            return False
        rest = blank_unwritten_periods(WHOLE_COUNT.sub(" ", q), self._ledger_mentions)
        return not has_content(mask_stopwords(rest, self._filler))

    def _one_target_explains(self, q: str) -> bool:
        """One target explains the question well and no other explains even half as much."""
        candidates = self._scored(q)
        if not candidates or candidates[0].coverage < TOPIC_ONE_TARGET:
            return False
        rest = [c.coverage for c in candidates[1:3]]
        return not rest or max(rest) < candidates[0].coverage / 2

    def _specific_topic(self, q: str, leading: int = 5) -> bool:
        """A target's phrase of 3+ chars in the question, or it explained well by most of one of
        4+ (河流治理项目总体) or, by 总体, one in 2+ non-preamble words; `leading=1`: best only."""
        best, *rest = self._scored(q, leading) or [None]
        if best is None or not self._trusted(best):
            return False
        beyond = {r.text for r in best.reasons if len(r.text) > 1 and r.text not in self._preamble}
        alone = len(beyond) > 1 and leading > 1 and bool(SUMMARY.search(q))  # the next is known
        alone = alone and (not rest or rest[0].score < best.score * ALONE_RATIO / 2)
        if best.coverage >= CONFIDENT_COVERAGE and (alone or names_phrase(best, 4, ("fuzzy",))):
            return True
        return names_phrase(best, 3, ("phrase", "pinyin"))

    def _asks_of_items(self, q: str) -> bool:
        """A summary cue in `q` describes items, not the whole: a target's phrase or one
        explained well (`_specific_topic`), or items pointed at or set against the whole
        ("…那条", "哪些低于总体进度": `points_at_one_item`)."""
        return self._specific_topic(q) or points_at_one_item(q)

    def _topic_text(self, number: int) -> str:
        """What puts a target in a topic: its title, target text, first 8 aliases and its
        indicator names, normalised text by text (as the index holds them)."""
        doc = self.index.docs[number]
        fields, count = doc.fields, doc.indicators
        indicators, aliases = fields[3 : 3 + count], fields[3 + count :]
        return "\n".join((fields[0], fields[1], *aliases[:8], *indicators))

    def _topics_of(self, number: int) -> frozenset[str]:
        """The names of the topics a target belongs to."""
        text, topics = self._topic_text(number), self.lexicon.topics
        return frozenset(other.name for other in topics if any(w in text for w in other.words))

    def _counts(self, word: str) -> list[int]:
        counts = self._word_counts.get(word)
        if counts is None:
            numbers = self.index.numbers_with(word)
            docs = self.index.docs
            docs = docs.values() if numbers is None else [docs[n] for n in numbers]
            counts = [sum(word in d.text for d in docs), sum(word in d.names for d in docs)]
            self._word_counts[word] = counts
        return counts

    def _recount_words(self, changed: set[int], before: dict) -> None:
        """Keep the counted words' counts right for the targets that changed (not a rescan)."""
        for number in changed:
            old, new = before.get(number), self.index.docs.get(number)
            for word, counts in self._word_counts.items():
                for i, attribute in enumerate(("text", "names")):
                    counts[i] -= bool(old and word in getattr(old, attribute))
                    counts[i] += bool(new and word in getattr(new, attribute))

    def _ledger_mentions(self, word: str) -> bool:
        """True when any of the ledger's texts (the preamble, titles, aliases too) has `word`.

        The index's bigrams decide it where they can (a word with a bigram in no target's
        texts or aliases is not there; a word that is one bigram is), sparing a count over
        every target."""
        if word in self._preamble:
            return True
        index = self.index
        tokens = text_tokens(word)
        if not all(t in index.postings or index.alias_df[t] > 0 for t in tokens):
            return False
        if tokens == [word]:
            return True
        return self._counts(word)[0] > 0

    def _ledger_names(self, word: str) -> bool:
        """True when a title or alias of the ledger's targets has `word`."""
        return self._counts(word)[1] > 0

    def _names_absent_subject(self, q: str) -> bool:
        """The question names a subject of county work this ledger never mentions, in any of
        the lexicon's words for it (防汛 is held by a ledger of 防洪 or 海塘 works; 就业, a
        topic, by one of 失业 or 创业, the words that put a target in it). Kept per question."""
        if (known := self._absent_subject) is not None and known[0] == q:
            return known[1]  # `_out_of_scope` asks again of the same text
        if found := self._any_subject is not None and self._any_subject.search(q) is not None:
            topics = {t.name: t.words for t in self.lexicon.topics}
            absent = [
                subject
                for subject in self.lexicon.subjects
                if subject in q
                and not self._ledger_mentions(subject)
                and not any(
                    self._ledger_mentions(w)
                    for w in (*self.lexicon.synonyms.get(subject, ()), *topics.get(subject, ()))
                )
                and not self._ledger_writes_apart(subject)
                # not 人口 of "城里人口袋里的钱" (城里人 + 口袋): a subject is named as a word
                and not only_across_words(q, subject)
            ]
            found = bool(absent) and not self._named_besides(q, absent)
        self._absent_subject = (q, found)
        return found

    def _named_besides(
        self, q: str, words: list[str], kinds: tuple[str, ...] = ("phrase", "pinyin", "fuzzy")
    ) -> bool:
        """Without `words`, a target named by a phrase of its own (of `kinds`) explains the
        question well ("高铁站那个客运枢纽": 高铁 is the asker's word for the 铁路 it writes)."""
        best = self._scored(blank_words(q, words), leading=1)  # (a text of its own)
        if not (
            best and best[0].coverage >= CONFIDENT_COVERAGE and names_phrase(best[0], 3, kinds)
        ):
            return False
        # Not when a word is the head the phrase qualifies ("地区生产总值能耗": the 能耗 of it)
        phrases = [r.text for r in best[0].reasons if r.kind == "phrase" and len(r.text) >= 2]
        return not any(q[: q.find(w)].endswith(p) for w in words if w in q for p in phrases)

    def _ledger_writes_apart(self, word: str) -> bool:
        """A subject of four characters or more that a target writes with a word or two
        between its halves: 食品安全 in "食品药品安全", 财政收入 in "财政一般预算收入"."""
        if len(word) < 4:
            return False
        head, tail = word[:2], word[2:]
        numbers = self.index.numbers_with(head)
        docs = self.index.docs
        found = docs.values() if numbers is None else (docs[n] for n in numbers if n in docs)
        return any(written_apart(doc.text, head, tail) for doc in found)

    def _names_absent_abbreviation(self, q: str) -> bool:
        """The question uses a government abbreviation (GDP, 两癌) that this ledger neither
        writes nor means in any of the lexicon's words for it: a subject it does not hold."""
        if self._any_abbreviation is None or not self._any_abbreviation.search(q):
            return False  # no abbreviation in the question at all
        for key in self.lexicon.abbreviations:
            if key not in q or (key.isascii() and not ascii_word_in(q, key)):
                continue
            if not any(self._ledger_mentions(w) for w in (key, *self.index.lexicon_words(key))):
                # Not when the rest of the question names a target well in everyday words the
                # lexicon reads as its own ("农村改厕清垃圾村容村貌那块": 村容村貌 → 环境整治); a
                # phrase of the ledger's may be the abbreviation's ("医保财政补助标准").
                return not (
                    self._initials_of_a_name(key) or self._named_besides(q, [key], ("lexicon",))
                )
        return False

    def _without_phrases(self, q: str, best: TargetSpec | None) -> str:
        """The question with the leading target's own phrases of 3+ characters written in it
        blanked: a cue inside one (县长 in an indicator 市县长项目落地率) is the ledger's word;
        so is one its texts write with the question's next character (明星 of 明星村)."""
        if best is None or best.number not in self.index.docs:
            return q
        doc = self.index.docs[best.number]
        for phrase in doc.phrases:
            if len(phrase) >= 3 and phrase in q:
                q = q.replace(phrase, " ")
        return blank_written_cues(q, self._any_cue, doc.text)

    def _own_text(self, q: str, best: TargetSpec | None) -> str:
        """The leading target's texts when it explains the question confidently, else ""."""
        if best is None or best.number not in self.index.docs:
            return ""
        candidates = self._scored(q)
        if candidates and candidates[0].number == best.number and self._confident(candidates[0]):
            return self.index.docs[best.number].text
        return ""

    def _names_cue(self, q: str, own: str = "") -> bool:
        """An out-of-scope cue this ledger does not name: not one a title or alias has (报销比例,
        股市), nor one the leading target's texts write when it explains the question confidently
        (`own`: 收费 of "农民浇地用水收费那个改革"), as the cue or as a lexicon word for it (股市:
        上市); nor one a title or alias has as a long lexicon word (税收: 财政收入; not 上市)."""
        if self._any_cue is None or not self._any_cue.search(q):
            return False
        # A cue inside a longer lexicon word the question writes is that word ("收费便宜的
        # 幼儿园": 普惠), not a price asked after.
        q = blank_words(q, [key for key in self._keys_holding_cues if key in q])
        return any(
            cue in q
            and not self._ledger_names(cue)
            and cue not in own
            and not any(
                word in own or (len(word) > 3 and self._ledger_names(word))
                for word in self.index.lexicon_words(cue)
            )
            # not 行情 of "执行情况" (last: it may load jieba); a phrase cue is as written
            and (written_as_word(q, cue) or not is_one_word(cue))
            for cue in self.lexicon.out_of_scope_cues
        )

    @functools.cached_property
    def _keys_holding_cues(self) -> tuple[str, ...]:
        """The lexicon's question words that hold an out-of-scope cue and say more (收费便宜)."""
        cues = self.lexicon.out_of_scope_cues
        return tuple(k for k in self.lexicon.synonyms if any(c in k and c != k for c in cues))

    def _out_of_scope(self, q: str, best: TargetSpec | None) -> bool:
        # No cue in the question, none in it with phrases blanked out either (a cue has no
        # blank): the leading target's phrases and texts are looked at only for a cue.
        cued = self._any_cue is not None and self._any_cue.search(q)
        if cued and best is not None:
            q = FINISHED_BY_A_COMING_YEAR.sub(" ", q)  # 明年 of "明年能不能开学" is no cue
        if cued and self._names_cue(self._without_phrases(q, best), self._own_text(q, best)):
            return True
        places = self._any_place is not None and self._any_place.search(q)
        if places and any(
            place in q and not self._ledger_mentions(place) and not only_across_words(q, place)
            for place in self.lexicon.other_places
        ):
            return True
        if self._names_absent_subject(q) or self._names_absent_abbreviation(q):
            return True
        if self._beyond_ledger(q, best and self._candidate_of(q, best.number)):
            return True
        if asks_unstated_price(q, best) or ERRAND.search(q) or WEATHER.search(q):
            return True
        if self._asks_unstated_rank(q, best) or self._names_unheld_compound(q, best):
            return True
        if self._names_unheld_head(q, best) or self._names_unheld_whole(q, best):
            return True
        for year in YEAR.findall(q):
            if int(year) != self.ledger.year and (
                best is None or year not in best.target_text + best.progress_text
            ):
                return True
        return False

    def _figure_alone(self, q: str) -> bool:
        """Nothing but one figure with its unit ("3.57%"), which one target alone holds: asked
        after that target, not a turn without words."""
        found = self.index.figures_in(q)
        if len(found) != 1 or not found[0][1] or q.strip("0123456789.%％ "):
            return False
        rows = self.index.postings.get(figure_token(found[0][0], found[0][1]), {})
        return len(rows) == 1

    def _candidate_of(self, q: str, number: int) -> Candidate | None:
        """The scored candidate of target `number` among the leading ones, if there."""
        return next((c for c in self._scored(q) if c.number == number), None)

    def _asks_unstated_rank(self, q: str, best: TargetSpec | None) -> bool:
        """The question asks where something ranks, and the leading target holds no rank of
        it: no indicator of a rank (位, 排名) and no clause of its texts stating a rank beside
        every word the question asks it of, or the lexicon's word for it (GDP: 生产总值), as in
        "咸宁今年GDP排全省第几" where the ledger ranks only its cultural firms. The county's own
        name, in the preamble, is not such a word."""
        if best is None or not RANK_ASKED.search(q):
            return False
        if any(i.unit == "位" or RANK_NAMED.search(i.name) for i in best.indicators):
            return False
        rest = mask_stopwords(RANK_ASKED.sub(" ", q), self._filler)
        asked = [t for t in text_tokens(rest) if t not in self._preamble]
        if not asked:
            return False
        texts = normalize(f"{best.target_text}。{best.progress_text}")
        # What names the target itself (固投 of 固定资产投资) is what its stated rank is of.
        names = normalize(" ".join((best.title, *best.aliases)))
        words = [(t, *self.index.lexicon_words(t)) for t in asked]
        words = [forms for forms in words if not any(w in names for w in forms)]
        clauses = CLAUSE.split(texts)
        for n, clause in enumerate(clauses):
            if RANK_STATED.search(clause):
                window = clause if n == 0 else f"{clauses[n - 1]} {clause}"
                if all(any(w in window for w in forms) for forms in words):
                    return False
        return True

    def _trusted(self, best: Candidate) -> bool:
        """Enough of the question explained, or one of the target's phrases written out; never
        by single characters alone ("你几岁了" shares only 岁 with a target of 80岁以上), nor by
        bigrams cut out of the lexicon's words alone (养老 → 养老服务 → 服务 in a target about
        public cultural services: the target writes none of the words)."""
        if only_characters(best) or self._only_fragments(best):
            return False
        if best.coverage >= ACCEPT_COVERAGE:
            return True
        named = names_phrase(best, 2, ("phrase", "pinyin")) or names_phrase(best, 3)
        return named and best.coverage >= PHRASE_COVERAGE

    def _warm_lexicon(self) -> None:
        """Make the lexicon's tables that some questions read (milliseconds each) now: each
        depends on the lexicon alone, so made on first use it lands on whichever question
        first needs it, a one-off that sits in the slowest percent of a run of questions."""
        for table in (
            "_lexicon_words", "_official_by_first", "_readings", "_keys_holding_cues",
            "_change_words", "_topics_by_first", "_topic_words", "_generic_parts",
            "_generic_by_first", "_longer_words_by_bigram",
        ):  # fmt: skip
            getattr(self, table)

    @functools.cached_property
    def _lexicon_words(self) -> frozenset[str]:
        """Every word the lexicon reads a question word as, normalised."""
        return frozenset(normalize(w) for ws in self.lexicon.synonyms.values() for w in ws)

    def _only_fragments(self, best: Candidate) -> bool:
        """Nothing but bigrams of the lexicon's longer words (and rare characters) explains
        the target, and its texts write none of those words whole."""
        reasons = best.reasons
        if not lexicon_and_characters(best):
            return False
        words = self._lexicon_words
        tokens = {r.text for r in reasons if r.kind == "lexicon"}
        if tokens & words or best.number not in self.index.docs:
            return False
        text = self.index.docs[best.number].text
        # The longer words holding a token, looked up by the token (a bigram almost always),
        # not every word of the lexicon tested against every token for each candidate.
        by_bigram, held = self._longer_words_by_bigram, set()
        for t in tokens:
            held.update(
                by_bigram.get(t, ())
                if len(t) == 2
                else [w for w in words if len(w) > 2 and t in w]
            )
        return not any(w in text for w in held)

    @functools.cached_property
    def _longer_words_by_bigram(self) -> dict[str, tuple[str, ...]]:
        """`_lexicon_words` of three characters or more by each bigram they write."""
        found: dict[str, set[str]] = {}
        for w in self._lexicon_words:
            if len(w) > 2:
                for i in range(len(w) - 1):
                    found.setdefault(w[i : i + 2], set()).add(w)
        return {bigram: tuple(words) for bigram, words in found.items()}

    @staticmethod
    def _confident(best: Candidate) -> bool:
        return best.coverage >= CONFIDENT_COVERAGE or (
            names_phrase(best, 3) and best.coverage >= ACCEPT_COVERAGE
        )

    def _guesses(self, question: str, candidates: list[Candidate]) -> Answer:
        """Several weak candidates offered to choose from, said to be guesses: an everyday
        question about a target rarely shares the report's words, and a choice of three
        answers it more often than "no target matches" does."""
        shown = candidates[:GUESSES]
        specs = [self.by_number[c.number] for c in shown]
        return Answer(
            question,
            "target",
            tuple(c.number for c in shown),
            render_guesses(specs),
            candidates=tuple(candidates[:5]),
            ambiguous=True,
            confident=False,
            choices=len(shown),
        )

    def _may_be(self, candidates: list[Candidate], q: str) -> bool:
        """Not trusted, but explaining as much as a guess needs on this ledger, by words and
        not by single characters alone: worth offering as choices rather than rejecting."""
        best = candidates[0] if candidates else None
        if best is None or best.coverage < MAYBE_COVERAGE or one_character(best, q):
            return False
        if self._only_fragments(best):
            return False
        # Alike by one word they all share (the county's name, 企业) is no evidence for any.
        shown = candidates[:GUESSES]
        return len(shown) < 2 or not one_common_word(shown)

    def _leads_alone(self, candidates: list[Candidate], q: str) -> bool:
        """Under the usual bar, but over this ledger's, with no other target close: the best
        guess BM25 would give, offered as "可能是…" rather than "no target matches"."""
        best = candidates[0]
        if best.coverage < self.accept_coverage or one_character(best, q):
            return False
        if self._only_fragments(best):
            return False
        if len(candidates) < 2:
            return True
        # Alone: no other scores half as much, or explains half as much of the question.
        runner_up = candidates[1]
        return runner_up.score < best.score * ALONE_RATIO or (
            runner_up.coverage < best.coverage * ALONE_RATIO
        )
