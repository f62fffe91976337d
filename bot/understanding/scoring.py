"""Scoring a question against the ledger index: BM25 over bigrams, phrase and gap hits
(bot.understanding.phrase_hits), then the leading candidates built in full
(bot.understanding.explaining) with every `Reason` (phrases, pinyin, fuzzy, lexicon, figures)."""

from __future__ import annotations

import math
from collections import defaultdict
from itertools import accumulate, chain

import numpy as np

from bot.understanding.candidates import Candidate, sort_best_first
from bot.understanding.clipped import clipped_hits
from bot.understanding.explaining import _Query
from bot.understanding.figures import has_numeral, question_figures
from bot.understanding.leaders import LeadingCandidates, leading_rows, ordered_leaders
from bot.understanding.ledger_texts import blank_periods
from bot.understanding.ordinals import number_words
from bot.understanding.phrase_hits import PhraseHits
from bot.understanding.places import level_hits
from bot.understanding.spelled import spelled_hits
from bot.understanding.text import (
    TOKEN_RUN,
    mask_stopwords,
    mask_stopwords_twice,
    normalize,
)
from bot.understanding.unigrams import char_hits
from bot.understanding.weights import (
    BM25_B,
    BM25_K1,
    FIGURE_BARE_FACTOR,
    FIGURE_FACTOR,
    LEXICON_FACTOR,
    PINYIN_FACTOR,
    TOP_K,
    inside_weight,
)

# Up to this many targets the first pass adds in Python (`_sums`), above it with numpy.
SMALL_LEDGER = 300
_K1_PLUS_1 = BM25_K1 + 1


class IndexScoring(PhraseHits, LeadingCandidates):
    """The scoring half of `LedgerIndex` (bot.understanding.matching builds and updates it)."""

    # The BM25 statistics of the index the scores are made of, each kept until it changes.

    @property
    def count(self) -> int:
        return max(len(self.docs), 1)

    def idf(self, token: str) -> float:
        idf = self._idfs.get(token)
        if idf is None:
            idf = self._idfs[token] = _idf(len(self.postings.get(token, ())), self.count)
        return idf

    def _char_weight(self, ch: str) -> float:
        # A character most targets use, or the preamble only, says little; one never used counts.
        weight = self._char_weights.get(ch)
        if weight is None:
            df = self.char_df.get(ch, 0) or (self.count if ch in self.context_chars else 0)
            weight = math.log(1 + self.count / (df + 1))
            self._char_weights[ch] = weight
        return weight

    def _array(self, token: str) -> tuple[np.ndarray, np.ndarray] | None:
        cached = self._arrays.get(token)
        if cached is None:
            posting = self.postings.get(token)
            if not posting:
                return None
            rows = np.fromiter(posting.keys(), dtype=np.int64, count=len(posting))
            tfs = np.fromiter(posting.values(), dtype=np.float64, count=len(posting))
            cached = self._arrays[token] = (rows, tfs)
        return cached

    def _bm25_parts(self, token: str, avgdl: float):
        """(rows, tfs, tf + norm, the BM25 part of each row at query weight 1), or None."""
        parts = self._parts.get(token)
        if parts is None and self._bulk is not None:
            span = self._bulk[0].get(token)
            if span is None:
                return None
            start, end = span
            parts = tuple(array[start:end] for array in self._bulk[1:])
            self._parts[token] = parts
        if parts is None:
            arrays = self._array(token)
            if arrays is None:
                return None
            rows, tfs = arrays
            norm = BM25_K1 * (1 - BM25_B + BM25_B * self.lengths[rows] / avgdl)
            # The same operations in the same order as for any other weight, so the scores
            # are the very floats an uncached sum would give.
            denominator = tfs + norm
            parts = (rows, tfs, denominator, self.idf(token) * tfs * (BM25_K1 + 1) / denominator)
            self._parts[token] = parts
        return parts

    def _work_out_parts(self) -> None:
        """Every token's `_bm25_parts` of a big ledger at once, by numpy over all postings
        together (about 60 ms at 10,000 targets; token by token, a question's first use of
        its tokens costs it about 60 µs); `_bm25_parts` slices them. Dropped by any change
        (`_forget_figures`), after which each token's are worked out on first use again."""
        if len(self.numbers) <= SMALL_LEDGER:
            return  # a small ledger's first pass adds lists (`_listed_parts`)
        tokens = [token for token, posting in self.postings.items() if posting]
        postings = [self.postings[token] for token in tokens]
        sizes = [len(posting) for posting in postings]
        n = self.count
        idfs = self._idfs
        for token, df in zip(tokens, sizes, strict=True):
            if token not in idfs:
                idfs[token] = _idf(df, n)
        rows = np.fromiter(chain.from_iterable(postings), np.int64)
        tfs = np.fromiter(chain.from_iterable(map(dict.values, postings)), np.float64)
        avgdl = self.total_length / self.count or 1.0
        # Element by element the operations `_bm25_parts` makes, in its order: the same floats.
        norm = BM25_K1 * (1 - BM25_B + BM25_B * self.lengths[rows] / avgdl)
        denominator = tfs + norm
        token_idfs = np.repeat(np.array([idfs[token] for token in tokens]), sizes)
        own = token_idfs * tfs * (BM25_K1 + 1) / denominator
        ends = list(accumulate(sizes))
        spans = dict(zip(tokens, zip([0, *ends[:-1]], ends, strict=True), strict=True))
        self._bulk = (spans, rows, tfs, denominator, own)

    def numbers_with(self, word: str) -> list[int] | None:
        """The targets whose texts may hold `word` (every one that does, and maybe others);
        None when that cannot be narrowed down (a word of one character, or not all Chinese)."""
        if len(word) < 2 or not all("\u3400" <= ch <= "\u9fff" for ch in word):
            return None
        grams = sorted({word[i : i + 2] for i in range(len(word) - 1)})
        rows: set[int] = set()
        for table in (self.postings, self._alias_grams):
            having = [table.get(gram) for gram in grams]
            if not all(having):
                continue
            having.sort(key=len)
            found = set(having[0])
            for other in having[1:]:
                found.intersection_update(other)
            rows |= found
        return [self.numbers[row] for row in sorted(rows)]

    def query(self, q: str) -> _Query:
        """The question's weighted tokens: its own bigrams, then the lexicon's words."""
        keys = list(self._lexicon_pattern.finditer(q)) if self._lexicon_pattern else []
        if keys:
            # The question with its filler blanked, sparing lexicon words (找工作), and all of it.
            masked, masked_all = mask_stopwords_twice(
                q, self.lexicon.stopwords, [m.span() for m in keys]
            )
        else:
            masked = masked_all = mask_stopwords(q, self.lexicon.stopwords)
        if periods := self.context_periods:  # the report's own period names no target
            masked, masked_all = blank_periods(masked, periods), blank_periods(masked_all, periods)
        spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        weights: dict[int, float] = {}
        unknown: list[int] = []
        char_df, char_weights, postings = self.char_df, self._char_weights, self.postings
        # `token_spans(masked)` run by run: each position of a CJK run of 2+ characters
        # weighed once, in order, as its bigrams would reach it.
        for match in TOKEN_RUN.finditer(masked):
            run, start = match.group(0), match.start()
            if run.isascii():
                word = run.strip(".&+")
                if word and not word.isdigit():
                    at = start + run.index(word)
                    spans[word].append((at, at + len(word)))
                    share = self.idf(word) / len(word)
                    weights.update({i: share for i in range(at, at + len(word))})
                continue
            if len(run) < 2:
                continue
            for i in range(len(run) - 1):
                spans[run[i : i + 2]].append((start + i, start + i + 2))
            for i in range(start, start + len(run)):
                ch = q[i]
                weight = char_weights.get(ch)
                if weight is not None:
                    weights[i] = weight
                elif char_df.get(ch, 0) > 0:
                    weights[i] = self._char_weight(ch)
                else:
                    unknown.append(i)
        number_words(q, masked, spans)
        # A character the ledger never uses counts as a typical one, not as the rarest: most
        # are filler the lexicon does not list ("来" in 引进来); out-of-scope questions are
        # caught by having nothing at all that matches (the preamble's: `_char_weight`).
        typical = _median(weights.values()) if weights else 1.0
        context, cw = self.context_chars, self._char_weight
        if unknown:
            weights.update({i: cw(q[i]) if q[i] in context else typical for i in unknown})
        figures = question_figures(self, q, weights, typical) if has_numeral(q) else {}
        tokens = dict.fromkeys(spans, 1.0)
        # A bigram cut out of a longer word the lexicon reads (总量 of 经济总量), or across
        # its edge (量增 of 经济总量增长), is part of that word, not a word of its own.
        for m in keys:
            start, end = m.span()
            if not self._expansions.get(m.group(0)):
                continue
            for token, where in spans.items():
                a, b = where[0]
                if b <= start or end <= a:
                    continue  # its first span is outside the word already
                if tokens[token] != 1.0:
                    continue
                for a, b in where:  # each place inside or across the word, not the word itself
                    if not (start < b and a < end) or (a, b) == (start, end):
                        break
                else:
                    tokens[token] = inside_weight(q, (start, end), (a, b))
        # A question bigram no target writes that sounds like one a target writes, sharing a
        # character (提田 → 梯田): the homophone miswriting of a word of the texts.
        homophones: dict[str, tuple[int, int]] = {}
        # A bigram inside a word the lexicon reads (没工 of 没工作) is that word, not a slip.
        read = [m.span() for m in keys]
        slips = self._slips
        for token, where in spans.items():
            if token in postings:
                continue  # a word of the texts is no slip (`_slips_of` gives none)
            others = slips.get(token)
            if others is None:
                if len(slips) > 100_000:
                    slips.clear()  # the bigrams of every question ever asked must not pile up
                others = slips[token] = self._slips_of(token)
            if not others:
                continue
            if read and any(s <= where[0][0] and where[0][1] <= e for s, e in read):
                continue
            for other in others:
                if other not in tokens:
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
        total_weight = sum(weights.values()) or 1.0
        by_key: dict[str, list[str]] = defaultdict(list)
        for key, _, word in expansions:
            by_key[key].append(word)
        # weight × IDF first: a candidate's part is (weight × IDF) × tf × …, that very float.
        kept = self._bm25_reasons
        if len(kept) > 100_000:
            kept.clear()  # the bigrams of every question ever asked must not pile up
        # Only a token some target has is scored (`present`, the first pass).
        idfs: dict[str, float] = {}
        present = []
        for token, weight in tokens.items():
            if token not in postings:
                continue
            idf = idfs[token] = known.get(token) or self.idf(token)
            where = spans.get(token)
            if where is None:
                present.append((token, weight * idf, None))
                continue
            # Its reasons by row are the same for any question that weighs it fully.
            by_row = kept.get(token) if weight == 1.0 else None
            if by_row is None and weight == 1.0:
                by_row = kept[token] = {}
            positions = (
                tuple(range(*where[0]))
                if len(where) == 1
                else tuple(i for span in where for i in range(*span))
            )
            present.append((token, weight * idf, (by_row, positions)))

        return _Query(
            q, tokens, dict(spans), weights, expansions, idfs, masked_all, total_weight,
            figures, homophones, list(by_key.values()), present,
            long_enough=len(masked_all.replace(" ", "")) >= 3, weight_items=list(weights.items()),
            weight_keys=tuple(weights), weight_values=tuple(weights.values()),
            foreign=[self._foreign.get(key) for key in by_key],
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
        avgdl = self.total_length / self.count or 1.0
        small = n_rows <= SMALL_LEDGER
        if small:
            scores = self._sums(query, avgdl, n_rows)
        else:
            scores = self._array_sums(query, avgdl, n_rows)
        phrase_hits = self._phrase_hits(q, query)
        hits = (
            self._gap_hits(query),
            spelled_hits(self, query),
            level_hits(self, query),
            clipped_hits(self, q),
        )
        for found in (*hits, char_hits(self, query)):
            for number, hits in found.items():
                phrase_hits.setdefault(number, []).extend(hits)
        position = self.position
        if small:
            for number, hits in phrase_hits.items():
                scores[position[number]] += sum([r.score for r, _ in hits])
        elif phrase_hits:
            # One numpy addition for all the rows hit (each once: the same single addition
            # per row as one by one, without numpy's cost per item; dozens at 10,000 targets).
            at = np.array([position[number] for number in phrase_hits], dtype=np.intp)
            scores[at] += np.array(
                [sum([r.score for r, _ in hits]) for hits in phrase_hits.values()],
                dtype=np.float64,
            )
        k = min(TOP_K, n_rows)
        if small:
            rows = leading_rows(scores, k)
        else:
            positive = np.flatnonzero(scores > 0)
            if len(positive) <= k:  # every positive row is among the leading k: no partition
                rows = set(positive.tolist())
            else:
                rows = ordered_leaders(scores, positive, k)
        if limit is None or len(rows) <= limit:
            candidates = [self._candidate(row, query, phrase_hits, avgdl) for row in rows]
        else:
            candidates = self._leading(rows, scores, query, phrase_hits, avgdl, limit)
        candidates = [c for c in candidates if c.score > 0]
        sort_best_first(candidates)
        return candidates

    def _array_sums(self, query: _Query, avgdl: float, n_rows: int) -> np.ndarray:
        """Every row's BM25 first-pass part: `np.bincount` adds a row's parts in token order."""
        rows_of, parts_of = [], []
        for token, weight in query.tokens.items():
            parts = self._bm25_parts(token, avgdl)
            if parts is not None:
                rows, tfs, denominator, own = parts
                if weight != 1.0:
                    own = weight * query.idfs[token] * tfs * (BM25_K1 + 1) / denominator
                rows_of.append(rows)
                parts_of.append(own)
        if not rows_of:
            return np.zeros(n_rows, dtype=np.float64)
        return np.bincount(np.concatenate(rows_of), np.concatenate(parts_of), n_rows)

    def _sums(self, query: _Query, avgdl: float, n_rows: int) -> list[float]:
        """`_array_sums` for a small ledger, as a list: the same floats, added in the same
        order, without numpy's cost per operation on a few rows (most of a question's time
        on a ledger of dozens of targets)."""
        scores = [0.0] * n_rows
        postings, listed = self.postings, self._lists  # kept parts read without a call
        for token, weight in query.tokens.items():
            if token not in postings:
                continue
            parts = listed.get(token) or self._listed_parts(token, avgdl)
            if parts is None:
                continue
            rows, tfs, denominator, own = parts
            if weight == 1.0:
                for row, part in zip(rows, own, strict=True):
                    scores[row] += part
            else:
                weighted = weight * query.idfs[token]
                for row, tf, den in zip(rows, tfs, denominator, strict=True):
                    scores[row] += weighted * tf * _K1_PLUS_1 / den
        return scores

    def _listed_parts(self, token: str, avgdl: float):
        """`_bm25_parts` as Python lists, worked out in Python by the same operations in the
        same order (the same floats) without numpy's cost per call on a few rows; kept until
        the ledger changes."""
        listed = self._lists.get(token)
        if listed is None:
            posting = self.postings.get(token)
            if not posting:
                return None
            rows, tfs = list(posting), list(posting.values())
            norms = self._norms
            denominator = []
            for row, tf in zip(rows, tfs, strict=True):
                norm = norms.get(row)
                if norm is None:
                    norm = norms[row] = self._norm(row, avgdl)
                denominator.append(tf + norm)
            idf = self.idf(token)
            own = [idf * tf * _K1_PLUS_1 / den for tf, den in zip(tfs, denominator, strict=True)]
            listed = self._lists[token] = (rows, tfs, denominator, own)
        return listed


def _idf(df: int, n: int) -> float:
    """A token's BM25 IDF in `n` targets, `df` of which hold it."""
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def _median(values) -> float:
    """`statistics.median`, the same float, without its overhead on a short list."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
