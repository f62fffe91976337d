"""The leading candidates built in full: every `Reason` of a target's score (bigrams,
phrases, pinyin, figures, lexicon readings, a fuzzy phrase) and how much of the question
it explains. `IndexScoring` (bot.understanding.scoring) picks the rows; this explains them."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from itertools import compress
from operator import attrgetter

from rapidfuzz import fuzz

from bot.understanding.candidates import Candidate, Reason, candidate
from bot.understanding.fuzzy_bounds import PassingBounds
from bot.understanding.ordinals import other_ordinal
from bot.understanding.reading_bounds import places as word_places
from bot.understanding.text import LEVELS, names_level, text_tokens
from bot.understanding.weights import BM25_B, BM25_K1


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
    # (token, weight × IDF, for the question's own tokens (the `bm25` reasons kept for it
    # by row when it weighs 1, else None; the positions it covers), else None) for the
    # tokens some target has, in order.
    present: list[tuple[str, float, tuple | None]] = field(default_factory=list)
    masked_bits: int = 0  # the characters of `masked`, as `LedgerIndex._char_bits` numbers them
    bits_known: int = 0  # how many characters had bits when `masked_bits` was made
    long_enough: bool = False  # `masked` has 3+ characters besides blanks: fuzzy phrases apply
    weight_items: list[tuple[int, float]] = field(default_factory=list)  # `weights`, listed
    # `weights`' positions and weights apart, in its order: a coverage is summed in C.
    weight_keys: tuple[int, ...] = ()
    weight_values: tuple[float, ...] = ()
    passing: dict[int, tuple[str, ...]] = field(default_factory=dict)  # `_passing`, by target
    read_spans: list[tuple[str, tuple[int, int]]] | None = None  # the expansions' (key, span)
    # Per reading: its word -> the longer keys that say something else (`foreign_keys`).
    foreign: list[dict[str, tuple[str, ...]] | None] = field(default_factory=list)

    @property
    def own(self):
        return self.spans.keys()


class CandidateExplaining(PassingBounds):
    """The candidate half of `IndexScoring`: a row's full score with its reasons."""

    def _fuzzy_caps_of(
        self, number: int, known: dict[str, float] | None = None
    ) -> tuple[dict[str, float], float]:
        """The most each fuzzy phrase of the target can add as a fuzzy reason (at a
        similarity of 100), and the largest of them; kept until the ledger changes.
        `known`: phrase -> cap, shared by the targets of one build (any ledger state's)."""
        caps = self._fuzzy_caps.get(number)
        if caps is None:
            known = {} if known is None else known
            each = {}
            for p in self.docs[number].fuzzy:
                cap = known.get(p)
                if cap is None:
                    cap = known[p] = self._phrase_weight(p) * 0.5 / len(self.phrases[p])
                each[p] = cap
            caps = self._fuzzy_caps[number] = (each, max(each.values(), default=0.0))
        return caps

    def _fuzzy_bound(self, number: int, query: _Query) -> float:
        """The most the target's fuzzy reason can add for this question. First one test of
        all its fuzzy phrases' characters: 0 when the question holds too few of them for
        any one phrase. Then its passing phrases' caps (`_fuzzy_caps_of`), each at the
        highest similarity the question's characters allow it (a phrase shorter than the
        question with no character twice, c of whose characters the question holds,
        aligns at most 2c / (len + c): see `_shares`), else at 100."""
        passing = query.passing.get(number)
        if passing is None:
            return self._passing_bound(number, query)  # (the first row asked: most are)
        if not passing:
            return 0.0
        # Each row of `_leading` asks: the kept caps and bits are read here, not by a call.
        known = self._fuzzy_caps.get(number)
        caps, largest = known if known is not None else self._fuzzy_caps_of(number)
        if not largest:
            return 0.0
        current = query.bits_known == len(self._char_bits)
        q_bits = query.masked_bits if current else self._masked_bits(query)
        size = len(query.masked)
        most = 0.0
        for phrase, bits, _, _, length, unique in passing:
            cap = caps[phrase]
            if unique and length < size:
                shared = (bits & q_bits).bit_count()
                similarity = min(100.0, 200.0 * shared / (length + shared))
                cap *= (similarity - 60) / 40
            if cap > most:
                most = cap
        return most

    def _passing(self, number: int, query: _Query) -> tuple[tuple, ...]:
        """The target's fuzzy phrases (as `_fuzzy_bits` lists them), in order, with enough
        of their characters in the question to reach a partial ratio of 75 (`_shares`): the
        only ones worth aligning. Worked out once per question and target (the bound and
        the candidate both ask)."""
        passing = query.passing.get(number)
        if passing is None:
            # The phrase's characters are numbered before the question's are read: a
            # character numbered later would be missing from the question's bits.
            # (What `_fuzzy_bits` and `_masked_bits` keep is read here without a call each.)
            doc = self.docs[number]
            fuzzy = doc.fuzzy_bits
            if fuzzy is None:
                fuzzy = self._fuzzy_bits(doc)
            current = query.bits_known == len(self._char_bits)
            q_bits = query.masked_bits if current else self._masked_bits(query)
            every, fewest = doc.fuzzy_union
            if (every & q_bits).bit_count() < fewest:
                passing = ()  # too few of all its phrases' characters for any one of them
            else:
                size = len(query.masked)
                passing = tuple(
                    [
                        entry
                        for entry in fuzzy
                        if (entry[1] & q_bits).bit_count()
                        >= (entry[3] if entry[4] < size else entry[2])
                    ]
                )
            query.passing[number] = passing
        return passing

    def _fuzzy_bits(self, doc, known: dict | None = None) -> tuple[tuple, ...]:
        """The target's fuzzy phrases, each with its characters' bits, how many of its
        different characters a question must have for a partial ratio of 75 (`_shares`),
        its length, and whether no character comes twice in it. `known`: phrase -> that
        entry, shared by the targets of one build (an entry depends on the phrase only)."""
        fuzzy = doc.fuzzy_bits
        if fuzzy is None:
            known = {} if known is None else known
            entries = []
            for p in doc.fuzzy:
                entry = known.get(p)
                if entry is None:
                    entry = (p, self._bits_of(p), *_shares(p), len(p), len(set(p)) == len(p))
                    known[p] = entry
                entries.append(entry)
            fuzzy = tuple(entries)
            every = 0
            for _, bits, *_ in fuzzy:
                every |= bits
            doc.fuzzy_union = (every, min([entry[2] for entry in fuzzy], default=1))
            doc.fuzzy_bits = fuzzy
        return fuzzy

    def _masked_bits(self, query: _Query) -> int:
        """The characters of the question's `masked` text as bits, made again whenever
        characters have been numbered since."""
        if query.bits_known != len(self._char_bits):
            bits = 0
            for ch in set(query.masked):
                bits |= self._char_bits.get(ch, 0)
            query.masked_bits, query.bits_known = bits, len(self._char_bits)
        return query.masked_bits

    def _holders_of(self, key: str) -> frozenset[int]:
        """The targets holding any of the lexicon's words for a question word, as a phrase
        or by one of its bigrams (`_key_tokens`); depends on the ledger only, kept until it
        changes."""
        holders = self._key_holders.get(key)
        if holders is None:
            found: set[int] = set()
            numbers, postings = self.numbers, self.postings
            foreign = self._foreign.get(key, {})
            for word in self.lexicon_words(key):
                these = set(self.phrases.get(word, ()))
                for token in _key_tokens(key, word, self._word_tokens[word]):
                    these.update(map(numbers.__getitem__, postings.get(token, ())))
                longers = foreign.get(word)
                if longers:
                    these = {n for n in these if not self._only_inside(word, longers, n)}
                found |= these
            holders = self._key_holders[key] = frozenset(found)
        return holders

    def _holds_key(self, key: str, number: int) -> bool:
        """Whether the target is one of `_holders_of(key)`, worked out for it alone: on a big
        ledger a key's holders are thousands of targets, and a question asks of a few."""
        tokens, phrases = self.docs[number].tokens, self.phrases
        foreign = self._foreign.get(key, {})
        for word in self.lexicon_words(key):
            own = _key_tokens(key, word, self._word_tokens[word])
            if number in phrases.get(word, ()) or any(token in tokens for token in own):
                longers = foreign.get(word)
                if not longers or not self._only_inside(word, longers, number):
                    return True
        return False

    def _only_inside(self, word: str, longers: tuple[str, ...], number: int) -> bool:
        """Whether the target writes a lexicon word only inside longer keys that read
        otherwise (大学 only in 大学生, `foreign_keys`): there it is that key, as a question's
        longest key is. Kept with the target's index entry."""
        doc = self.docs[number]
        inside = doc.inside.get((word, longers))
        if inside is None:
            text = doc.written
            for longer in longers:
                if longer in text:
                    break
            else:  # no longer key in the text (most targets holding the word): not inside one
                doc.inside[(word, longers)] = False
                return False
            spans = [
                (at, at + len(longer)) for longer in longers for at in word_places(text, longer)
            ]
            places = word_places(text, word)
            inside = bool(places) and all(
                any(a <= at and at + len(word) <= b for a, b in spans) for at in places
            )
            doc.inside[(word, longers)] = inside
        return inside

    def _norm(self, row: int, avgdl: float) -> float:
        """The row's BM25 length norm as a Python float: the same double as numpy's, by the
        same operations in the same order, at a fraction of the cost per operation."""
        return BM25_K1 * (1 - BM25_B + BM25_B * float(self.lengths[row]) / avgdl)

    def _best_readings(
        self, query: _Query, phrases: dict[str, Reason], tokens: dict[str, Reason], number: int
    ):
        """The lexicon's credit for one target: a question word counts once, by the reading
        (看病 → 医院, 医保 …) that this target bears out best, not by all of them summed; a
        word it writes only inside a key that reads otherwise (大学 in 大学生) is no reading."""
        chosen: list[Reason] = []
        used: set[str] = set()
        word_tokens = self._word_tokens
        for words, foreign in zip(query.readings, query.foreign, strict=True):
            best: list[Reason] = []
            best_sum = 0  # sum(r.score for r in best), as `sum` adds them
            for word in words:
                longers = foreign.get(word) if foreign else None
                if longers and self._only_inside(word, longers, number):
                    continue
                found = [phrases[word]] if word in phrases else []
                for t in word_tokens[word]:
                    if t in tokens and t not in used:
                        found.append(tokens[t])
                if not found:
                    continue  # sums to 0, never more than `best`
                found_sum = sum([r.score for r in found])
                if found_sum > best_sum:
                    best, best_sum = found, found_sum
            for r in best:
                if r.field == "text":
                    used.add(r.text)
            chosen += best
        return chosen

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
        norm = self._norms.get(row)
        if norm is None:
            norm = self._norms[row] = self._norm(row, avgdl)
        lexicon_tokens: dict[str, Reason] = {}
        doc_tokens = doc.tokens
        for token, weighted, own in query.present:
            tf = doc_tokens.get(token)
            if tf is None:
                continue
            if own is not None:  # the question's own bigram (its reason by row, if kept)
                known, positions = own
                reason = None if known is None else known.get(row)
                if reason is None:
                    part = weighted * tf * _K1_PLUS_1 / (tf + norm)
                    reason = _reason(("bm25", token, "text", round(part, 3)))
                    if known is not None:
                        known[row] = reason
                reasons.append(reason)
                covered.update(positions)
                continue
            part = weighted * tf * _K1_PLUS_1 / (tf + norm)
            # A figure, a homophone or a lexicon word (none is the question's own).
            span = query.figures.get(token)
            if span is not None:
                written = query.text[span[0] : span[1]]
                reasons.append(_reason(("figure", written, "figures", round(part, 3))))
                covered.update(range(*span))
                continue
            span = query.homophones.get(token)
            if span is not None:
                reasons.append(_reason(("pinyin", token, "text", round(part, 3))))
                covered.update(range(*span))
                continue
            lexicon_tokens[token] = _reason(("lexicon", token, "text", round(part, 3)))
        if query.readings and (lexicon_phrases or lexicon_tokens):
            reasons.extend(self._best_readings(query, lexicon_phrases, lexicon_tokens, number))
        if query.expansions:
            # A question word the lexicon reads is explained where the target holds any of
            # its words, as a phrase or by a bigram.
            if query.read_spans is None:
                query.read_spans = list(dict.fromkeys((k, s) for k, s, _ in query.expansions))
            key_holders = self._key_holders
            for key, span in query.read_spans:
                holders = key_holders.get(key)  # all of them, worked out ahead on a small ledger
                if number in holders if holders is not None else self._holds_key(key, number):
                    covered.update(range(*span))
        if query.long_enough:
            passing = query.passing.get(number)
            if passing is None:
                passing = self._passing(number, query)
            if passing:
                self._fuzzy_reason(number, doc, query, reasons, covered)
        # The weights of the covered positions, added in `weights`' order (the same float).
        explained = compress(query.weight_values, map(covered.__contains__, query.weight_keys))
        coverage = sum(explained) / query.total_weight
        if len(reasons) == 1:
            # Half the candidates have one reason: nothing to sort, and its score is rounded
            # already (rounding it again gives the same float; `round` costs a µs).
            ordered, total = (reasons[0],), reasons[0].score
        else:
            # Highest first; a stable sort keeps equal scores in the order they were found.
            ordered = tuple(sorted(reasons, key=_SCORE, reverse=True))
            total = round(sum([r.score for r in reasons]), 3)
        share = 1.0 if coverage >= 1.0 else round(coverage, 3)  # round(1.0, 3) is 1.0
        return candidate(number, self.titles[number], total, ordered, share)

    def _fuzzy_reason(
        self, number: int, doc, query: _Query, reasons: list[Reason], covered: set[int]
    ):
        """The best near-miss of one of the target's phrases (新增贷 → 新增贷款), if any."""
        q = query.masked
        named: str | None = None  # the phrases found already, one a line
        best: tuple[float, str, tuple[int, int]] | None = None
        for entry in query.passing[number]:  # `_candidate` has worked them out
            phrase = entry[0]
            if named is None:
                named = "\n".join(
                    [r.text for r in reasons if r.kind in ("phrase", "pinyin", "lexicon")]
                )
            # Inside a phrase found already, or that phrase itself (no phrase holds a "\n").
            if phrase in named:
                continue
            if phrase[0] in LEVELS and phrase[1:] in q and not names_level(query.text, phrase[0]):
                continue  # the rest of a part's title (重点项目 of 县重点项目), not its level
            found = fuzz.partial_ratio_alignment(phrase, q, score_cutoff=75)
            if found is None:
                continue
            similarity = found.score
            window = q[found.dest_start : found.dest_end]
            if _other_number(phrase, window) or other_ordinal(phrase, window):
                continue  # 第三次常务会 is not the 第六次 one: a number names one thing only
            if found.src_end - found.src_start < len(phrase):
                # A question shorter than the phrase matched a piece of it: "常务会" is all
                # of "第六次常务会"'s last half, not a near-miss of it. The piece is compared
                # with the whole phrase, or a part's qualifier (第六次, 县, 市) it never names
                # would outweigh the whole target that the bare words name.
                similarity = fuzz.ratio(phrase, window)
                if similarity < 75:
                    continue
                holders = self.phrases.get(window)
                if holders and number not in holders:
                    # The piece is another target's phrase written in full (村内道路 of
                    # 村内道路边沟): that target is named, this one only half-named.
                    continue
            if best is None or similarity > best[0]:
                best = (similarity, phrase, (found.dest_start, found.dest_end))
        if best is not None:
            similarity, phrase, span = best
            weight = self._phrase_weight(phrase) * (similarity - 60) / 40 * 0.5
            weight /= len(self.phrases[phrase])
            reasons.append(Reason("fuzzy", phrase, doc.phrases[phrase], round(weight, 3)))
            covered.update([i for i in range(*span) if q[i] in phrase])


def _other_number(phrase: str, window: str) -> bool:
    """Whether `window` is `phrase` with other digits or numerals in its place (第三次 for
    第六次, 2号线 for 1号线) and no other change."""
    if len(phrase) != len(window) or phrase == window:
        return False
    return all(
        a == b or (a in _DIGITS and b in _DIGITS) for a, b in zip(phrase, window, strict=True)
    )


def _shares(phrase: str) -> tuple[int, int]:
    """How many of the phrase's different characters a question must have for
    `fuzz.partial_ratio(phrase, question)` to reach 75: half of them whatever the lengths;
    and when the phrase is the shorter (it is the one slid along the question) and has no
    character twice, three fifths. A window's similarity is 2·LCS / (len(phrase) + len(window))
    and the LCS is at most the c characters of the phrase found in the question, so it is at
    most 2c / (len(phrase) + c), under 0.75 for c < 0.6·len(phrase)."""
    distinct = len(set(phrase))
    loose = (distinct + 1) // 2
    strict = max(loose, -(-3 * len(phrase) // 5)) if distinct == len(phrase) else loose
    return loose, strict


_DIGITS = frozenset("0123456789零〇一二两三四五六七八九十百千")
_SCORE = attrgetter("score")
_K1_PLUS_1 = BM25_K1 + 1
# `Reason` from a tuple without the named tuple's keyword-handling constructor, nor the
# call of Python that `Reason._make` is (tuple.__new__ is what it calls).
_reason = partial(tuple.__new__, Reason)


def _key_tokens(key: str, word: str, tokens) -> list[str]:
    """The bigrams of a lexicon word that speak for the question's key: all of them, but of a
    word that writes the key out and more (空气质量 for 空气) only those at the key's own
    characters; 质量 alone is 高质量 in a target of trees, not the air asked after."""
    at = word.find(key) if key != word else -1
    if at < 0:
        return tokens
    end = at + len(key)
    own = {word[i : i + 2] for i in range(max(at - 1, 0), min(end, len(word) - 1))}
    return [token for token in tokens if token in own]
