"""Scoring a question against the ledger index: BM25 over bigrams, then the leading
candidates built in full with every `Reason` (phrases, pinyin, fuzzy, lexicon, figures)."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING

import numpy as np
from rapidfuzz import fuzz

from bot.understanding.candidates import Candidate, Reason
from bot.understanding.figures import NUMERAL, NUMERAL_CHARS, figure_token
from bot.understanding.text import (
    is_cjk,
    mask_stopwords,
    normalize,
    pinyin_key,
    text_tokens,
    token_spans,
)
from bot.understanding.unigrams import char_hits
from bot.understanding.weights import (
    BM25_B,
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

if TYPE_CHECKING:
    pass


@dataclass
class _Query:
    text: str
    tokens: dict[str, float]  # token -> query weight (1 for the question's own, less for lexicon)
    spans: dict[str, list[tuple[int, int]]]  # the question's own tokens -> where they are
    weights: dict[int, float]  # informative position -> weight (filler positions have none)
    expansions: list[tuple[str, tuple[int, int], str]] = field(default_factory=list)
    # Worked out once per question, shared by every candidate: the IDF of each token, the
    # question with its filler blanked, and the total informative weight.
    idfs: dict[str, float] = field(default_factory=dict)
    masked: str = ""
    total_weight: float = 1.0
    # Figure tokens ("#70|千米") of figures the question writes that some target holds.
    figures: dict[str, tuple[int, int]] = field(default_factory=dict)
    # Ledger bigrams the question writes as homophones ("梯田" for 提田) -> where.
    homophones: dict[str, tuple[int, int]] = field(default_factory=dict)
    readings: list[list[str]] = field(default_factory=list)  # the expansions' words, by key
    # (token, weight, IDF, the question's own?) for the tokens some target has, in order.
    present: list[tuple[str, float, float, bool]] = field(default_factory=list)
    masked_bits: int = 0  # the characters of `masked`, as `LedgerIndex._char_bits` numbers them
    bits_known: int = 0  # how many characters had bits when `masked_bits` was made
    long_enough: bool = False  # `masked` has 3+ characters besides blanks: fuzzy phrases apply
    weight_items: list[tuple[int, float]] = field(default_factory=list)  # `weights`, listed

    @property
    def own(self):
        return self.spans.keys()


class IndexScoring:
    """The scoring half of `LedgerIndex` (bot.understanding.matching builds and updates it)."""

    def query(self, q: str) -> _Query:
        """The question's weighted tokens: its own bigrams, then the lexicon's words."""
        keys = list(self._lexicon_pattern.finditer(q)) if self._lexicon_pattern else []
        masked = mask_stopwords(q, self.lexicon.stopwords, [m.span() for m in keys])
        spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        weights: dict[int, float] = {}
        unknown: list[int] = []
        char_df, char_weights = self.char_df, self._char_weights
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
        # A question bigram no target writes that sounds like one a target writes, sharing a
        # character (提田 → 梯田): the homophone miswriting of a word of the texts.
        homophones: dict[str, tuple[int, int]] = {}
        # A bigram inside a word the lexicon reads (没工 of 没工作) is that word, not a slip.
        read = [m.span() for m in keys]
        for token, where in spans.items():
            if token in self.postings or len(token) != 2 or not is_cjk(token):
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
        present = [
            (token, weight, idfs[token], token in spans)
            for token, weight in tokens.items()
            if token in self.postings
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
        top = np.argpartition(-scores, k - 1)[:k] if n_rows > k else np.arange(n_rows)
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
        may reuse one), and the rounding of each reason."""
        readings = len(query.readings)
        bounded = []
        for row in rows:
            number = self.numbers[row]
            hits = phrase_hits.get(number, ())
            lexicon = sum(r.score for r, _ in hits if r.kind == "lexicon")
            rounding = 0.0005 * (len(query.tokens) + len(hits) + 2)
            bound = float(scores[row]) + self._fuzzy_cap(number) + readings * lexicon + rounding
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

    def _fuzzy_cap(self, number: int) -> float:
        """The most a fuzzy phrase can add to this target's score (at a similarity of 100)."""
        cap = self._fuzzy_caps.get(number)
        if cap is None:
            cap = max(
                (
                    self._phrase_weight(p) * 0.5 / len(self.phrases[p])
                    for p in self.docs[number].fuzzy
                ),
                default=0.0,
            )
            self._fuzzy_caps[number] = cap
        return cap

    def _gap_hits(self, query: _Query) -> dict[int, list[tuple[Reason, tuple]]]:
        """A question bigram no target writes, found with a character or two between in a few
        targets' texts: abbreviations are made so (国储林 of 国家储备林, 危化 of 危险化学品)."""
        hits: dict[int, list[tuple[Reason, tuple]]] = defaultdict(list)
        cap = min(max(3, int(self.count * GAP_MAX_SHARE)), GAP_MAX_TARGETS)
        # A character most targets use (建, 县) makes a pair anywhere: both must be uncommon.
        common = max(2, self.count * GAP_COMMON_SHARE)
        for token, spans in query.spans.items():
            if token in self.postings or token.isascii() or token[0] == token[1]:
                continue
            first, second = self.char_docs.get(token[0]), self.char_docs.get(token[1])
            if not first or not second or max(len(first), len(second)) > common:
                continue
            if min(len(first), len(second)) > 20 * cap:
                continue  # two characters this frequent are not what an abbreviation keeps
            holders = first & second
            if not holders or len(holders) > cap:
                continue
            pattern = re.compile(re.escape(token[0]) + r"[^\n\s]{1,2}" + re.escape(token[1]))
            found = [n for n in holders if pattern.search(self.docs[n].text)]
            if not found:
                continue
            df, n = len(found), self.count
            weight = math.log(1 + (n - df + 0.5) / (df + 0.5)) * GAP_FACTOR
            for number in found:
                hits[number].append((Reason("gap", token, "text", round(weight, 3)), spans[0]))
        return hits

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
            weight = self._phrase_weight(written) * factor[kind] / len(holders)
            for number, field_name in holders.items():
                hits[number].append((Reason(kind, phrase, field_name, round(weight, 3)), span))
        return hits

    def _best_readings(self, query: _Query, phrases: dict[str, Reason], tokens: dict[str, Reason]):
        """The lexicon's credit for one target: a question word counts once, by the reading
        (看病 → 医院, 医保 …) that this target bears out best, not by all of them summed."""
        used: set[str] = set()
        for words in query.readings:
            best: list[Reason] = []
            for word in words:
                found = [phrases[word]] if word in phrases else []
                found += [
                    tokens[t] for t in self._word_tokens[word] if t in tokens and t not in used
                ]
                if sum(r.score for r in found) > sum(r.score for r in best):
                    best = found
            used.update(r.text for r in best if r.field == "text")
            yield from best

    def _phrase_weight(self, phrase: str) -> float:
        weight = self._phrase_weights.get(phrase)
        if weight is None:
            tokens = set(text_tokens(phrase)) or {phrase}
            weight = self._phrase_weights[phrase] = sum(self.idf(t) for t in tokens)
        return weight

    def _candidate(self, row: int, query: _Query, phrase_hits, avgdl: float) -> Candidate:
        number = self.numbers[row]
        doc = self.docs[number]
        reasons: list[Reason] = []
        covered: set[int] = set()
        lexicon_phrases: dict[str, Reason] = {}
        for reason, span in phrase_hits.get(number, ()):
            if reason.kind == "lexicon":
                lexicon_phrases[reason.text] = reason
            else:
                reasons.append(reason)
            covered.update(range(*span))
        # A Python float: the same double as numpy's, at a fraction of the cost per operation.
        norm = BM25_K1 * (1 - BM25_B + BM25_B * float(self.lengths[row]) / avgdl)
        lexicon_tokens: dict[str, Reason] = {}
        doc_tokens = doc.tokens
        for token, weight, idf, own in query.present:
            tf = doc_tokens.get(token)
            if tf is None:
                continue
            part = weight * idf * tf * (BM25_K1 + 1) / (tf + norm)
            if not own:  # a figure, a homophone or a lexicon word (none is the question's own)
                span = query.figures.get(token)
                if span is not None:
                    written = query.text[span[0] : span[1]]
                    reasons.append(Reason("figure", written, "figures", round(part, 3)))
                    covered.update(range(*span))
                    continue
                span = query.homophones.get(token)
                if span is not None:
                    reasons.append(Reason("pinyin", token, "text", round(part, 3)))
                    covered.update(range(*span))
                    continue
                lexicon_tokens[token] = Reason("lexicon", token, "text", round(part, 3))
                continue
            reasons.append(Reason("bm25", token, "text", round(part, 3)))
            for span in query.spans[token]:
                covered.update(range(*span))
        if query.readings:
            reasons.extend(self._best_readings(query, lexicon_phrases, lexicon_tokens))
        for _, span, word in query.expansions:
            if word in doc.phrases or any(t in doc.tokens for t in self._word_tokens[word]):
                covered.update(range(*span))
        q = query.masked
        if query.long_enough:
            named: set[str] | None = None
            best: tuple[float, str, tuple[int, int]] | None = None
            fuzzy = doc.fuzzy_bits
            if fuzzy is None:
                fuzzy = tuple((p, self._bits_of(p), len(set(p))) for p in doc.fuzzy)
                doc.fuzzy_bits = fuzzy
            if query.bits_known != len(self._char_bits):  # characters numbered since
                bits = 0
                for ch in set(q):
                    bits |= self._char_bits.get(ch, 0)
                query.masked_bits, query.bits_known = bits, len(self._char_bits)
            q_bits = query.masked_bits
            for phrase, phrase_bits, distinct in fuzzy:
                # A partial ratio of 75 needs most of the phrase's characters in the question:
                # a phrase sharing under half of them cannot reach it, so skip the alignment.
                if (phrase_bits & q_bits).bit_count() * 2 < distinct:
                    continue
                if named is None:
                    named = {r.text for r in reasons if r.kind in ("phrase", "pinyin", "lexicon")}
                if phrase in named or any(phrase in p for p in named):
                    continue
                found = fuzz.partial_ratio_alignment(phrase, q, score_cutoff=75)
                if found is not None and (best is None or found.score > best[0]):
                    best = (found.score, phrase, (found.dest_start, found.dest_end))
            if best is not None:
                similarity, phrase, span = best
                weight = self._phrase_weight(phrase) * (similarity - 60) / 40 * 0.5
                weight /= len(self.phrases[phrase])
                reasons.append(Reason("fuzzy", phrase, doc.phrases[phrase], round(weight, 3)))
                covered.update(i for i in range(*span) if q[i] in phrase)
        coverage = sum([w for i, w in query.weight_items if i in covered]) / query.total_weight
        # Highest first; a stable sort keeps equal scores in the order they were found.
        ordered = tuple(sorted(reasons, key=_SCORE, reverse=True))
        total = round(sum([r.score for r in reasons]), 3)
        return Candidate(number, self.titles[number], total, ordered, round(min(coverage, 1.0), 3))


_SCORE = attrgetter("score")


def _median(values) -> float:
    """`statistics.median`, the same float, without its overhead on a short list."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def _overlaps(token: str, phrase: str) -> bool:
    return token in phrase or (len(token) == 2 and (token[0] in phrase and token[1] in phrase))
