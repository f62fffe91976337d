"""Scoring a question against the ledger index: BM25 over bigrams, phrase and gap hits,
then the leading candidates built in full (bot.understanding.explaining) with every
`Reason` (phrases, pinyin, fuzzy, lexicon, figures)."""

from __future__ import annotations

import math
from collections import defaultdict

import numpy as np

from bot.understanding.candidates import Candidate, Reason
from bot.understanding.explaining import CandidateExplaining, _Query
from bot.understanding.figures import NUMERAL, NUMERAL_CHARS, figure_token
from bot.understanding.text import (
    mask_stopwords,
    normalize,
    pinyin_key,
    text_tokens,
    token_spans,
)
from bot.understanding.unigrams import char_hits
from bot.understanding.weights import (
    BM25_K1,
    FIGURE_BARE_FACTOR,
    FIGURE_FACTOR,
    GAP_COMMON_SHARE,
    GAP_FACTOR,
    GAP_MAX_SHARE,
    GAP_MAX_TARGETS,
    LEXICON_FACTOR,
    PINYIN_FACTOR,
    SLIP_MAX_SHARE,
    TOP_K,
)


class IndexScoring(CandidateExplaining):
    """The scoring half of `LedgerIndex` (bot.understanding.matching builds and updates it)."""

    def query(self, q: str) -> _Query:
        """The question's weighted tokens: its own bigrams, then the lexicon's words."""
        keys = list(self._lexicon_pattern.finditer(q)) if self._lexicon_pattern else []
        masked = mask_stopwords(q, self.lexicon.stopwords, [m.span() for m in keys])
        spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        weights: dict[int, float] = {}
        unknown: list[int] = []
        char_df, char_weights, postings = self.char_df, self._char_weights, self.postings
        for token, span in token_spans(masked):
            spans[token].append(span)
            if token.isascii():
                share = self.idf(token) / (span[1] - span[0])
                weights.update({i: share for i in range(*span)})
                continue
            for i in range(*span):
                ch = q[i]
                if char_df.get(ch, 0) > 0:
                    weight = char_weights.get(ch)
                    weights[i] = self._char_weight(ch) if weight is None else weight
                else:
                    unknown.append(i)
        # A character the ledger never uses counts as a typical one, not as the rarest: most
        # are filler the lexicon does not list ("来" in 引进来); out-of-scope questions are
        # caught by having nothing at all that matches.
        typical = _median(weights.values()) if weights else 1.0
        weights.update(dict.fromkeys(unknown, typical))
        # A figure some target holds is as informative as a two-character word: the target
        # holding it explains that part of the question, the others do not.
        figures: dict[str, tuple[int, int]] = {}
        if NUMERAL.search(q):
            for value, kind, span in self.figures_in(q):
                token = figure_token(value, kind)
                if token not in self.postings or token in figures:
                    continue
                figures[token] = span
                digits = [i for i in range(*span) if q[i].isdigit() or q[i] in NUMERAL_CHARS]
                weights.update(dict.fromkeys(digits, 2 * typical / max(len(digits), 1)))
        tokens = dict.fromkeys(spans, 1.0)
        # A bigram cut out of a longer word the lexicon reads (总量 of 经济总量), or across
        # its edge (量增 of 经济总量增长), is part of that word, not a word of its own.
        for m in keys:
            start, end = m.span()
            if not self._expansions.get(m.group(0)):
                continue
            for token, where in spans.items():
                if tokens[token] == 1.0 and all(
                    (start < b and a < end) and (a, b) != (start, end) for a, b in where
                ):
                    tokens[token] = LEXICON_FACTOR
        # A question bigram no target writes that sounds like one a target writes, sharing a
        # character (提田 → 梯田): the homophone miswriting of a word of the texts.
        homophones: dict[str, tuple[int, int]] = {}
        # A bigram inside a word the lexicon reads (没工 of 没工作) is that word, not a slip.
        read = [m.span() for m in keys]
        for token, where in spans.items():
            if token in postings or len(token) != 2 or not _cjk_pair(token):
                continue
            if read and any(s <= where[0][0] and where[0][1] <= e for s, e in read):
                continue
            for other in self.bigram_pinyin.get(pinyin_key(token), ()):
                # The miswritten character is one this ledger seldom uses: a common one (位,
                # 一) next to a word is more often two words than a slip.
                slip = token[1] if other[0] == token[0] else token[0]
                rare = self.char_df.get(slip, 0) <= self.count * SLIP_MAX_SHARE
                if (other[0] == token[0] or other[1] == token[1]) and rare and other not in tokens:
                    homophones[other] = where[0]
                    tokens[other] = PINYIN_FACTOR
        for token in figures:
            tokens[token] = FIGURE_FACTOR if "|" in token else FIGURE_FACTOR * FIGURE_BARE_FACTOR
        expansions: list[tuple[str, tuple[int, int], str]] = []
        if keys:
            seen = set()
            for m in keys:
                if m.group(0) in seen:
                    continue
                seen.add(m.group(0))
                for word, word_tokens in self._expansions[m.group(0)]:
                    expansions.append((m.group(0), m.span(), word))
                    # A long official word weighs about one bigram: the question said less.
                    for token in word_tokens:
                        tokens.setdefault(token, LEXICON_FACTOR / len(word_tokens))
        known = self._idfs
        idfs = {token: known.get(token) or self.idf(token) for token in tokens}
        masked_all = mask_stopwords(q, self.lexicon.stopwords) if keys else masked
        total_weight = sum(weights.values()) or 1.0
        by_key: dict[str, list[str]] = defaultdict(list)
        for key, _, word in expansions:
            by_key[key].append(word)
        # weight × IDF first: a candidate's part is then (weight × IDF) × tf × …, the very
        # float the product in that order gives.
        present = [
            (token, weight * idfs[token], token in spans)
            for token, weight in tokens.items()
            if token in postings
        ]

        return _Query(
            q, tokens, dict(spans), weights, expansions, idfs, masked_all, total_weight,
            figures, homophones, list(by_key.values()), present,
            long_enough=len(masked_all.replace(" ", "")) >= 3, weight_items=list(weights.items()),
        )  # fmt: skip

    def score(
        self, question: str, *, normalized: bool = False, limit: int | None = None
    ) -> list[Candidate]:
        """Targets with a positive score, best first, each with every reason; with `limit`,
        only the leading `limit` are sure to be there (others may be left out)."""
        q = question if normalized else normalize(question)
        query = self.query(q)
        n_rows = len(self.numbers)
        if n_rows == 0 or not query.weights and not query.expansions:
            return []
        scores = np.zeros(n_rows, dtype=np.float64)
        avgdl = self.total_length / self.count or 1.0
        for token, weight in query.tokens.items():
            parts = self._bm25_parts(token, avgdl)
            if parts is None:
                continue
            rows, tfs, denominator, own = parts
            if weight == 1.0:
                scores[rows] += own
            else:
                scores[rows] += weight * query.idfs[token] * tfs * (BM25_K1 + 1) / denominator
        phrase_hits = self._phrase_hits(q, query)
        for found in (self._gap_hits(query), char_hits(self, query)):
            for number, hits in found.items():
                phrase_hits.setdefault(number, []).extend(hits)
        for number, hits in phrase_hits.items():
            scores[self.position[number]] += sum(r.score for r, _ in hits)
        k = min(TOP_K, n_rows)
        positive = np.flatnonzero(scores > 0)
        if len(positive) <= k:  # every positive row is among the leading k: no partition
            rows = set(positive.tolist())
        else:
            top = np.argpartition(-scores, k - 1)[:k]
            rows = {int(r) for r in top if scores[r] > 0}
        if limit is None or len(rows) <= limit:
            candidates = [self._candidate(row, query, phrase_hits, avgdl) for row in rows]
        else:
            candidates = self._leading(rows, scores, query, phrase_hits, avgdl, limit)
        candidates = [c for c in candidates if c.score > 0]
        candidates.sort(key=lambda c: (-c.score, c.number))
        return candidates

    def _leading(self, rows, scores, query: _Query, phrase_hits, avgdl: float, limit: int):
        """Candidates for `rows`, best bound first, until no row left can reach the leading
        `limit`: a row's full score is at most its first-pass score plus the most a fuzzy
        phrase can add, its lexicon phrases counted once more per question word (a reading
        may reuse one), and the rounding of each reason. Only the phrases whose characters
        pass `_fuzzy_reason`'s first test count: the others never add anything."""
        readings = len(query.readings)
        numbers = [self.numbers[row] for row in rows]
        # Every phrase's characters numbered before the question's are read: a character
        # numbered later would be missing from the question's bits.
        caps = [self._fuzzy_caps_of(number) for number in numbers] if query.long_enough else []
        q_bits = self._masked_bits(query) if caps else 0
        bounded = []
        for n, row in enumerate(rows):
            number = numbers[n]
            hits = phrase_hits.get(number, ())
            lexicon = sum(r.score for r, _ in hits if r.kind == "lexicon")
            rounding = 0.0005 * (len(query.tokens) + len(hits) + 2)
            fuzzy = 0.0
            for cap, phrase_bits, distinct in caps[n] if caps else ():
                if (phrase_bits & q_bits).bit_count() * 2 >= distinct:
                    fuzzy = cap  # the largest that can apply: they come largest first
                    break
            bound = float(scores[row]) + fuzzy + readings * lexicon + rounding
            bounded.append((bound, row))
        bounded.sort(reverse=True)
        candidates: list[Candidate] = []
        leading: list[float] = []  # the best positive scores so far, at most `limit`, best first
        for bound, row in bounded:
            if len(leading) == limit and bound < leading[-1]:
                break  # this row and every one after it stays below the leading `limit`
            candidate = self._candidate(row, query, phrase_hits, avgdl)
            candidates.append(candidate)
            if candidate.score > 0:
                leading = sorted([*leading, candidate.score], reverse=True)[:limit]
        return candidates

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
            if token in postings or token.isascii() or token[0] == token[1]:
                continue
            if read and all(any(s < b and a < e for s, e in read) for a, b in spans):
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
        cap = min(max(3, int(self.count * GAP_MAX_SHARE)), GAP_MAX_TARGETS)
        # A character most targets use (建, 县) makes a pair anywhere: both must be uncommon.
        common = max(2, self.count * GAP_COMMON_SHARE)
        first, second = self.char_docs.get(token[0]), self.char_docs.get(token[1])
        if not first or not second or max(len(first), len(second)) > common:
            return ()
        if min(len(first), len(second)) > 20 * cap:
            return ()  # two characters this frequent are not what an abbreviation keeps
        holders = first & second
        if not holders or len(holders) > cap:
            return ()
        first_char, second_char = token
        found = tuple(n for n in holders if _gapped(self.docs[n].text, first_char, second_char))
        if not found:
            return ()
        df, n = len(found), self.count
        weight = math.log(1 + (n - df + 0.5) / (df + 0.5)) * GAP_FACTOR
        return Reason("gap", token, "text", round(weight, 3)), found

    def _phrase_hits(self, q: str, query: _Query) -> dict[int, list[tuple[Reason, tuple]]]:
        """Ledger phrases written in the question, literally, by homophone or via the lexicon."""
        found: dict[str, tuple[str, tuple[int, int]]] = {}  # phrase -> (kind, span in q)
        n = len(q)
        starts, pinyin_starts = self._starts, self._pinyin_starts
        for i in range(n - 1):
            start = q[i : i + 2]
            if starts.get(start, 0) <= 0:
                continue
            for length in self._lengths(self._start_lengths, start):
                if length > n - i:
                    break
                sub = q[i : i + length]
                if sub in self.phrases and sub not in found:
                    found[sub] = ("phrase", (i, i + length))
        syllables = pinyin_key(q)
        # cjk_run[i]: how many CJK characters start at i (a homophone window never leaves one).
        cjk_run = [0] * (n + 1)
        for i in range(n - 1, -1, -1):
            cjk_run[i] = cjk_run[i + 1] + 1 if "\u3400" <= q[i] <= "\u9fff" else 0
        for i in range(n - 1):
            if cjk_run[i] < 2 or pinyin_starts.get(syllables[i : i + 2], 0) <= 0:
                continue
            for length in self._lengths(self._pinyin_start_lengths, syllables[i : i + 2]):
                if length > cjk_run[i]:
                    break
                window = q[i : i + length]
                for phrase in self.pinyin.get(syllables[i : i + length], ()):
                    if phrase in found:
                        continue
                    same = sum(a == b for a, b in zip(phrase, window, strict=True))
                    if same * 2 >= length:
                        found[phrase] = ("pinyin", (i, i + length))
        for _, span, word in query.expansions:
            if word in self.phrases and word not in found:
                found[word] = ("lexicon", span)
        # A phrase inside a longer phrase that also matched adds nothing new (贷款 in 新增贷款).
        # One line each: a phrase found again is inside another one (no phrase holds a "\n").
        every = "\n".join(found)
        kept = [p for p in found if every.count(p) == 1]
        hits: dict[int, list[tuple[Reason, tuple]]] = defaultdict(list)
        factor = {"phrase": 1.0, "pinyin": PINYIN_FACTOR, "lexicon": LEXICON_FACTOR}
        for phrase in kept:
            kind, span = found[phrase]
            holders = self.phrases[phrase]
            # Worth what the question wrote: a lexicon word counts as the question's own key.
            written = q[span[0] : span[1]] if kind == "lexicon" else phrase
            # A lexicon word is the lexicon's reading, meant as the phrase: its holders only.
            shared = len(holders) if kind == "lexicon" else self._sharers(phrase)
            weight = self._phrase_weight(written) * factor[kind] / shared
            for number, field_name in holders.items():
                hits[number].append((Reason(kind, phrase, field_name, round(weight, 3)), span))
        return hits

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
                first, others = postings[0], postings[1:]
                for row in first:
                    if any(row not in other for other in others):
                        continue
                    number = self.numbers[row]
                    if number not in writers and (bigram or phrase in self.docs[number].written):
                        writers.add(number)
            shared = self._phrase_sharers[phrase] = max(len(writers), 1)
        return shared


def _median(values) -> float:
    """`statistics.median`, the same float, without its overhead on a short list."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


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


def _cjk_pair(token: str) -> bool:
    """`is_cjk` for a bigram, without a generator per call."""
    return "\u3400" <= token[0] <= "\u9fff" and "\u3400" <= token[1] <= "\u9fff"


def _overlaps(token: str, phrase: str) -> bool:
    return token in phrase or (len(token) == 2 and (token[0] in phrase and token[1] in phrase))
