"""The question's ledger phrases and abbreviations, found before BM25 ranks the targets.

`PhraseHits` finds the ledger phrases a question writes (literally, by homophone or via a
lexicon reading) and the question bigrams no target writes that some targets spell with a
character or two between (abbreviations such as 国储林); each hit is a `Reason` for the
targets holding it. `IndexScoring` (bot.understanding.scoring) adds them to its scores.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from itertools import compress, pairwise

from bot.understanding.candidates import Reason
from bot.understanding.dictionary_cut import jieba_dictionary
from bot.understanding.explaining import CandidateExplaining, _Query
from bot.understanding.text import LEVELS, own_place_at, pinyin_key, readings, text_tokens
from bot.understanding.unigrams import FUNCTION_CHARS
from bot.understanding.weights import (
    AHEAD_MAX,
    GAP_COMMON_SHARE,
    GAP_FACTOR,
    GAP_MAX_SHARE,
    GAP_MAX_TARGETS,
    LEXICON_FACTOR,
    MAX_PHRASE,
    PINYIN_FACTOR,
    SLIP_MAX_SHARE,
    SLIP_WORD_MAX,
)

_PHRASE_FACTORS = {"phrase": 1.0, "pinyin": PINYIN_FACTOR, "lexicon": LEXICON_FACTOR}
_CJK_RUN = re.compile(r"[\u3400-\u9fff]{2,}")
_PLACE_ENDINGS = frozenset("州洲省市县区镇乡村")  # what a place's name usually ends with
# A phrase heard through another reading has this many characters at least: a shorter one
# is too easily made by a rare reading (事 read zi: 事项目 would sound like 子项目).
_MIN_MISHEARD = 4
_LEVEL_WORD = re.compile(r"重点|属|管")  # after a level character: that level's own
# A level character (`LEVELS`) followed by one of those words: one search, not one per place.
_LEVEL_BEFORE = re.compile(f"[{''.join(sorted(LEVELS))}](?={_LEVEL_WORD.pattern})")


class PhraseHits(CandidateExplaining):
    """The phrase and gap hits of `LedgerIndex`; the index's tables and caches are built by
    bot.understanding.matching."""

    def _work_out_ahead(self) -> None:
        """When the index of a ledger of up to `AHEAD_MAX` targets is built, work out what
        depends on the ledger only and would otherwise cost the first questions that need
        it (about 40 ms at 66 targets): each phrase's reasons as a question writes it, each
        target's fuzzy phrases with their caps, the targets holding each lexicon key's
        words, and the tables of the first pass (bm25s, the baseline, works out every score
        of its index when it is built).
        A change drops them with the rest (`_forget_figures`), and they are worked out on
        first use again, as they are on a bigger ledger: a refresh stays a few ms. A bigger
        ledger's build works out its first pass's BM25 parts (`_work_out_parts`) and its
        fuzzy phrases only: the questions about its thousands of targets would each work
        out a few targets' for the first time."""
        if len(self.docs) > AHEAD_MAX:
            self._work_out_parts()
            self._work_out_fuzzy()
            return
        for phrase in self.phrases:
            self._phrase_reasons("phrase", phrase, phrase)
        self._work_out_fuzzy()
        for key in self._expansions:
            self._holders_of(key)
        # Each token's BM25 parts by row, each character's weight, and the phrase lengths to
        # try where a question writes a bigram of the texts: what the first pass over any
        # question looks up (about 15 ms more at 66 targets).
        avgdl = self.total_length / self.count or 1.0
        for token in self.postings:
            self._listed_parts(token, avgdl)
            if len(token) == 2:
                self._bigram_starts[token] = self._starts_of(token)
        for ch, count in self.char_df.items():
            if count > 0:  # a character no target holds any more weighs as typical, unlisted
                self._char_weight(ch)

    def _work_out_fuzzy(self) -> None:
        """Each target's fuzzy phrases with their bits and caps, which the first question
        it leads in would otherwise work out (about 10 ms per 1,000 targets at build)."""
        entries: dict[str, tuple] = {}  # many targets share a phrase (an indicator's name)
        caps: dict[str, float] = {}
        for number, doc in self.docs.items():
            self._fuzzy_bits(doc, entries)
            self._fuzzy_caps_of(number, caps)

    def _slips_of(self, token: str) -> tuple[str, ...]:
        """The ledger bigrams a question bigram no target writes (nor a whole-ledger word: 实事
        is no 实施; nor a common word of jieba's dictionary: 滞后 is no 之后) may be a homophone
        slip of: the same pinyin, one character the same, the other (the slip) one this ledger
        seldom uses (位 or 一 by a word is rather two words)."""
        if token in self.postings or token in self.lexicon.whole_ledger:
            return ()
        if len(token) != 2 or not _cjk_pair(token):
            return ()
        found = []
        for other in self.bigram_pinyin.get(pinyin_key(token), ()):
            slip, kept = (token[1], token[0]) if other[0] == token[0] else token
            rare = self.char_df.get(slip, 0) <= self.count * SLIP_MAX_SHARE
            # ... or a place's name ending as so many do (株州 for 株洲), the other character
            # its own, found nowhere else.
            own = self.char_df.get(kept, 0) <= min(2, len(self.postings[other]))
            rare = rare or (slip in _PLACE_ENDINGS and own)
            if (other[0] == token[0] or other[1] == token[1]) and rare:
                found.append(other)
        if found and (jieba_dictionary().entry(token) or 0) >= SLIP_WORD_MAX:
            return ()  # a common word as written, not a slip
        return tuple(found)

    def _gap_hits(self, query: _Query) -> dict[int, list[tuple[Reason, tuple]]]:
        """A question bigram no target writes, found with a character or two between in a few
        targets' texts: abbreviations are made so (国储林 of 国家储备林, 危化 of 危险化学品)."""
        hits: dict[int, list[tuple[Reason, tuple]]] = defaultdict(list)
        postings, known = self.postings, self._gaps
        # A bigram inside a word the lexicon reads (产值, read as 生产总值) is that word, read
        # once by the lexicon, not an abbreviation of whatever spells it apart; one across
        # the word's edge (村困 of 农村困难户) is no word at all.
        read = {span for _, span, _ in query.expansions}
        for token, spans in query.spans.items():
            if token in postings or token.isascii() or len(token) != 2 or token[0] == token[1]:
                continue
            if read and _each_overlaps(spans, read):
                continue
            gap = known.get(token)
            if gap is None:
                if len(known) > 100_000:
                    known.clear()  # the bigrams of every question ever asked must not pile up
                gap = known[token] = self._gap_of(token)
            if gap:
                reason, found = gap
                for number in found:
                    hits[number].append((reason, spans[0]))
        return hits

    def _gap_of(self, token: str) -> tuple[Reason, tuple[int, ...]] | tuple[()]:
        """The gap reason of a question bigram no target writes, and the targets that write
        it with a character or two between; () for none. Depends on the ledger only."""
        first, second = self.char_docs.get(token[0]), self.char_docs.get(token[1])
        if not first or not second:
            return ()  # a character no target holds (most question bigrams no target writes)
        cap = min(max(3, int(self.count * GAP_MAX_SHARE)), GAP_MAX_TARGETS)
        # A character most targets use (建, 县) makes a pair anywhere: both must be uncommon.
        # Three targets are few on any ledger (户 of 户用, 用户 and 困难户 among eight), as
        # for the cap above.
        common = max(3, self.count * GAP_COMMON_SHARE)
        if max(len(first), len(second)) > common:
            return ()
        if min(len(first), len(second)) > 20 * cap:
            return ()  # two characters this frequent are not what an abbreviation keeps
        holders = first & second
        if not holders or len(holders) > cap:
            return ()
        first_char, second_char = token
        docs = self.docs
        found = tuple(
            n
            for n in holders
            if _gapped(docs[n].text, first_char, second_char)
            or _initials(docs[n], first_char, second_char)
        )
        if not found:
            return ()
        df, n = len(found), self.count
        weight = math.log(1 + (n - df + 0.5) / (df + 0.5)) * GAP_FACTOR
        return Reason("gap", token, "text", round(weight, 3)), found

    def _phrase_hits(self, q: str, query: _Query) -> dict[int, list[tuple[Reason, tuple]]]:
        """Ledger phrases written in the question, literally, by homophone or via the lexicon."""
        found: dict[str, tuple[str, tuple[int, int]]] = {}  # phrase -> (kind, span in q)
        n = len(q)
        known = self._bigram_starts
        if len(known) > 100_000:
            known.clear()  # the bigrams of every question ever asked must not pile up
        lengths_at = []  # per position: the lengths of the phrases, then homophones, there
        for i in range(n - 1):
            start = q[i : i + 2]
            lengths = known.get(start)
            if lengths is None:
                lengths = known[start] = self._starts_of(start)
            lengths_at.append(lengths)
            for length in lengths[0]:
                if length > n - i:
                    break
                sub = q[i : i + length]
                if sub in self.phrases and sub not in found:
                    if sub[0] in LEVELS and own_place_at(q, i):
                        continue  # 全县重点项目 is all of them, not the 县重点项目
                    found[sub] = ("phrase", (i, i + length))
        syllables = None
        # A homophone window never leaves a run of CJK characters.
        for run in _CJK_RUN.finditer(q):
            end = run.end()
            for i in range(run.start(), end - 1):
                if not lengths_at[i][1]:
                    continue
                if syllables is None:
                    syllables = pinyin_key(q)
                for length in lengths_at[i][1]:
                    if length > end - i:
                        break
                    window = q[i : i + length]
                    if window[0] in LEVELS and own_place_at(q, i):
                        continue  # as for a literal phrase
                    for phrase in self.pinyin.get(syllables[i : i + length], ()):
                        if phrase in found:
                            continue
                        same = sum(a == b for a, b in zip(phrase, window, strict=True))
                        if same * 2 >= length:
                            found[phrase] = ("pinyin", (i, i + length))
        self._polyphone_hits(q, found, syllables)
        for _, span, word in query.expansions:
            if word in self.phrases and word not in found:
                found[word] = ("lexicon", span)
        # A level said by its character before 重点, 属 or 管 (县重点, 市属) names the part a
        # ledger calls by that level (县级 beside 省级 and 市级); never the asker's whole place
        # (全县), nor 县里, which is as often the county itself ("县里所有项目加起来").
        for m in _LEVEL_BEFORE.finditer(q):  # each level character before such a word
            i, ch = m.start(), m.group()
            if not own_place_at(q, i):
                level = ch + "级"
                if level in self.phrases and level not in found:
                    found[level] = ("phrase", (i, i + 1))
        # A phrase inside a longer phrase that also matched adds nothing new (贷款 in 新增贷款).
        # One line each: a phrase found again is inside another one (no phrase holds a "\n").
        if len(found) > 1:
            every = "\n".join(found)
            kept = [p for p in found if every.count(p) == 1]
        else:
            kept = list(found)
        hits: dict[int, list[tuple[Reason, tuple]]] = defaultdict(list)
        for phrase in kept:
            kind, span = found[phrase]
            # Worth what the question wrote: a lexicon word counts as the question's own key.
            written = q[span[0] : span[1]] if kind == "lexicon" else phrase
            for number, reason in self._phrase_reasons(kind, phrase, written):
                hits[number].append((reason, span))
        return hits

    def _polyphone_hits(
        self, q: str, found: dict[str, tuple[str, tuple[int, int]]], syllables=None
    ) -> None:
        """Homophone phrases heard through a character's other reading: the index keys a
        character by its first (长 as zhang), but 长务会议 is 常务会议 misheard as chang. A
        phrase of `_MIN_MISHEARD` characters or more that sounds like a window of the question
        with one character read otherwise, and differs from it in that character only, is
        found as `pinyin`. `syllables`: `pinyin_key(q)`, when worked out already."""
        misheard = self._misheard_chars
        # Each character looked up (and worked out on first sight) in C, in order.
        several = list(compress(range(len(q)), map(misheard.__getitem__, q)))
        if not several:
            return
        if syllables is None:
            syllables = pinyin_key(q)
        starts, start_lengths = self._pinyin_starts, self._pinyin_start_lengths
        pairs = self._misheard_pairs
        for run in _CJK_RUN.finditer(q):
            start, end = run.span()
            for p in several:
                if not start <= p < end:
                    continue
                for other in readings(q[p])[1:]:
                    # A window holding p holds its neighbour before or after it too: no phrase
                    # with `other` beside that neighbour's syllable is heard in any window.
                    if not (
                        (p > start and pairs.get((syllables[p - 1], other), 0) > 0)
                        or (p + 1 < end and pairs.get((other, syllables[p + 1]), 0) > 0)
                    ):
                        continue
                    heard = (*syllables[:p], other, *syllables[p + 1 :])
                    for i in range(max(start, p - MAX_PHRASE + 1), min(p + 1, end - 1)):
                        pair = heard[i : i + 2]
                        if starts.get(pair, 0) <= 0:
                            continue
                        for length in self._lengths(start_lengths, pair):
                            if length > end - i:
                                break
                            if length < _MIN_MISHEARD or i + length <= p:
                                continue
                            window = q[i : i + length]
                            if window[0] in LEVELS and own_place_at(q, i):
                                continue
                            for phrase in self.pinyin.get(heard[i : i + length], ()):
                                same = phrase[: p - i] + phrase[p - i + 1 :]
                                if (
                                    phrase not in found
                                    and same == window[: p - i] + window[p - i + 1 :]
                                ):
                                    found[phrase] = ("pinyin", (i, i + length))

    def _count_misheard_pairs(self, phrase: str, step: int) -> None:
        """`_misheard_pairs` (each two syllables side by side in a phrase of `_MIN_MISHEARD`
        characters or more) as a phrase comes into the index (step 1) or leaves it (-1)."""
        if len(phrase) >= _MIN_MISHEARD:
            key = pinyin_key(phrase)
            for pair in pairwise(key):
                self._misheard_pairs[pair] += step

    def _starts_of(self, start: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """The lengths of the ledger's phrases that start with these two characters, and of
        those whose first two syllables they sound like: what `_phrase_hits` tries at a
        question position. Depends on the ledger only; kept until it changes."""
        literal = ()
        if self._starts.get(start, 0) > 0:
            literal = self._lengths(self._start_lengths, start)
        pair = pinyin_key(start)
        sounding = ()
        if self._pinyin_starts.get(pair, 0) > 0:
            sounding = self._lengths(self._pinyin_start_lengths, pair)
        return literal, sounding

    def _phrase_reasons(self, kind: str, phrase: str, written: str) -> list[tuple[int, Reason]]:
        """(target, reason) for each target holding a phrase found in a question (by `kind`,
        as `written` there); depends on the ledger only, kept until it changes."""
        key = (kind, phrase, written)
        reasons = self._phrase_found.get(key)
        if reasons is None:
            if len(self._phrase_found) > 100_000:
                self._phrase_found.clear()  # what every question ever asked found
            holders = self.phrases[phrase]
            # A lexicon word is the lexicon's reading, meant as the phrase: its holders only.
            shared = len(holders) if kind == "lexicon" else self._sharers(phrase)
            weight = round(self._phrase_weight(written) * _PHRASE_FACTORS[kind] / shared, 3)
            # One reason per field it is held as, shared by its holders (thousands may hold
            # an indicator's name): the same values, without a `Reason` and a `round` each.
            by_field: dict[str, Reason] = {}
            reasons = self._phrase_found[key] = []
            for number, field_name in holders.items():
                reason = by_field.get(field_name)
                if reason is None:
                    reason = by_field[field_name] = Reason(kind, phrase, field_name, weight)
                reasons.append((number, reason))
        return reasons

    def _sharers(self, phrase: str) -> int:
        """How many targets a phrase names: those holding it as a title, alias or indicator
        name, and those whose texts write it. A phrase several targets write ("筛查" as one
        target's indicator, written by two more) names none of them in particular."""
        shared = self._phrase_sharers.get(phrase)
        if shared is None:
            writers = set(self.phrases.get(phrase, {}))
            tokens = list(dict.fromkeys(text_tokens(phrase)))
            postings = sorted((self.postings.get(t) or {} for t in tokens), key=len)
            # A phrase that is one bigram is written wherever that bigram is (aliases, which
            # are not texts, have no postings).
            bigram = tokens == [phrase]
            if postings and postings[0]:
                # The rows holding every token, by set intersection in C (only how many
                # writers there are counts, not in which order they are found).
                rows = postings[0].keys()
                for other in postings[1:]:
                    rows = rows & other.keys()
                numbers, docs = self.numbers, self.docs
                for row in rows:
                    number = numbers[row]
                    if number not in writers and (bigram or phrase in docs[number].written):
                        writers.add(number)
            shared = self._phrase_sharers[phrase] = max(len(writers), 1)
        return shared


def _each_overlaps(spans, read) -> bool:
    """`all(any(s < b and a < e for s, e in read) for a, b in spans)`, without two generators
    for each question bigram no target writes."""
    for a, b in spans:
        for s, e in read:
            if s < b and a < e:
                break
        else:
            return False
    return True


def _gapped(text: str, first: str, second: str) -> bool:
    r"""`re.search(first + r"[^\n\s]{1,2}" + second, text)`, without compiling a pattern
    for every new pair (a compile costs more than the rest of a question, and crowds the
    `re` module's cache of other patterns out)."""
    at = text.find(first)
    while at >= 0:
        between = text[at + 1 : at + 3]
        if between and not between[0].isspace():
            if text[at + 2 : at + 3] == second:
                return True
            if len(between) == 2 and not between[1].isspace() and text[at + 3 : at + 4] == second:
                return True
        at = text.find(first, at + 1)
    return False


def _initials(doc, first: str, second: str) -> bool:
    """Whether one of the target's names (title, aliases, indicator names) starts with
    `first` and holds `second` further on, at any distance: a name is abbreviated by its
    first character and one of a later word's (孕检 of 孕前优生健康检查)."""
    names = doc.names.split("\n")
    if doc.indicators:
        names += doc.fields[3 : 3 + doc.indicators]
    return any(name[:1] == first and second in name[2:] for name in names)


def _cjk_pair(token: str) -> bool:
    """`is_cjk` for a bigram, without a generator per call."""
    return "\u3400" <= token[0] <= "\u9fff" and "\u3400" <= token[1] <= "\u9fff"


class MisheardChars(dict):
    """Character -> whether a question may mishear it (`_polyphone_hits`): it has a second
    reading and is no grammar or asking word (了, 的, 还, 会… read several ways too, but are
    never misheard). Worked out on a character's first sight: a question pays one lookup."""

    def __missing__(self, ch: str) -> bool:
        several = self[ch] = ch not in FUNCTION_CHARS and len(readings(ch)) > 1
        return several
