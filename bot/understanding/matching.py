"""Question matching: which targets a Chinese question is about, with explainable scores.

The index is built from the ledger (titles, aliases, indicator names, target and progress
texts) plus the field lexicon, and updated in place for the targets that change. A
target's score is the sum of readable parts, each kept as a `Reason`, all in one unit:
the BM25 weight of character bigrams, so that scores compare across ledgers.
- `bm25`: BM25 over character bigrams (and ASCII words such as pm2.5) of the target's texts;
- `phrase`: a title, alias or indicator name written in the question (worth its bigrams'
  IDF again, shared among the targets that hold the phrase or write it in their texts);
- `pinyin`: the same for a homophone miswriting (带款 → 贷款), matched on pinyin;
- `fuzzy`: a near-miss of such a phrase (新增贷 → 新增贷款), for the leading targets only;
- `lexicon`: bigrams and phrases of the words the field lexicon offers for the question's
  own (看病 → 医院), at a lower weight; a question bigram cut out of such a word or across
  its edge (总量 of 经济总量) weighs as much, and is no abbreviation `gap`.
`Candidate.coverage` is the share of the question's informative bigrams the target
explains; the answering core rejects or accepts on it, relative to this ledger.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

import numpy as np

from bot.domain.ledger import LedgerSpec, TargetSpec
from bot.understanding.collector import collector_paused
from bot.understanding.figures import (
    COMMON_UNITS,
    bare_cells,
    common_unit_pattern,
    figure_key,
    figure_token,
    figures_in,
    unit_pattern,
)
from bot.understanding.ledger_texts import context_periods, lead_mention, title_words, unpadded
from bot.understanding.lexicon import FieldLexicon, foreign_keys
from bot.understanding.ordinals import indexed_tokens
from bot.understanding.phrase_hits import MisheardChars
from bot.understanding.places import places_by_level
from bot.understanding.scoring import IndexScoring
from bot.understanding.text import (
    is_cjk,
    normalize_many,
    pinyin_key,
    text_tokens,
    words_pattern,
)
from bot.understanding.weights import FIELD_WEIGHTS, MAX_PHRASE

if TYPE_CHECKING:
    from bot.understanding.candidates import Reason


# The work done on a thing, written after it in a name ("村内道路建设", "城市书房建设工程").
WORK_TAIL = re.compile(r"(?:建设|工程|项目|工作)+$")


@dataclass
class _Doc:
    """What the index holds for one target, to remove it again when it changes."""

    key: tuple
    tokens: dict[str, float]
    phrases: dict[str, str]  # phrase -> field
    chars: frozenset[str]
    length: float
    fuzzy: tuple[str, ...] = ()  # its phrases of 3+ characters
    text: str = ""  # every normalised text of the target, one a line
    written: str = ""  # its normalised title, target text, progress text and indicator names
    names: str = ""  # its normalised title and aliases, one a line
    alias_tokens: frozenset[str] = frozenset()  # bigrams of its aliases (not scored as text)
    own_alias: bool = False  # an alias that says what its texts do not (see `_says_more`)
    # Its normalised texts one by one: title, target text, progress text, indicators, aliases.
    fields: tuple[str, ...] = ()
    indicators: int = 0  # how many of `fields` are indicator names
    # The target as indexed: the same object again is unchanged (`update` skips its key).
    spec: TargetSpec | None = None
    # `fuzzy` with each phrase's characters as bits (`LedgerIndex._char_bits`), how many of
    # them a question must have (`explaining._shares`) and its length; made when the target
    # is first a candidate.
    fuzzy_bits: tuple[tuple[str, int, int, int, int, bool], ...] | None = None
    # With it: the bits of all those phrases' characters, and the fewest any one needs.
    fuzzy_union: tuple[int, int] = (0, 1)
    # (lexicon word, longer keys) -> whether it is written only inside them (`_only_inside`).
    inside: dict[tuple[str, tuple[str, ...]], bool] = field(default_factory=dict)


class LedgerIndex(IndexScoring):
    """Scores targets against a question; `update` re-indexes only the targets that changed."""

    def __init__(self, ledger: LedgerSpec, lexicon: FieldLexicon, tokenizer=None) -> None:
        self.lexicon = lexicon
        self.titles: dict[int, str] = {}
        self.docs: dict[int, _Doc] = {}
        self.position: dict[int, int] = {}  # target number -> row in the arrays
        self.numbers: list[int] = []
        self.lengths = np.zeros(max(len(ledger.targets), 1), dtype=np.float64)
        self.postings: dict[str, dict[int, float]] = defaultdict(dict)  # token -> row -> tf
        self._arrays: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self.phrases: dict[str, dict[int, str]] = defaultdict(dict)  # phrase -> number -> field
        self.pinyin: dict[tuple[str, ...], set[str]] = defaultdict(set)
        self.bigram_pinyin: dict[tuple[str, ...], set[str]] = defaultdict(set)  # of the texts
        # How many phrases start with each two characters (and each two syllables): a question
        # position no phrase starts at is skipped without trying every length.
        self._starts: Counter[str] = Counter()
        self._pinyin_starts: Counter[tuple[str, ...]] = Counter()
        self._misheard_pairs: Counter[tuple[str, str]] = Counter()  # `_count_misheard_pairs`
        # ... and the lengths of those phrases, so that only those lengths are tried.
        self._start_lengths: dict[str, Counter[int]] = defaultdict(Counter)
        self._pinyin_start_lengths: dict[tuple[str, ...], Counter[int]] = defaultdict(Counter)
        self._lengths_from: dict[object, tuple[int, ...]] = {}  # sorted, made on first use
        self._char_bits: dict[str, int] = {}  # character -> a bit of its own, for fuzzy tests
        # Bit numbers handed out one by one (atomically: answers run in worker threads).
        self._bit_numbers = itertools.count()
        # Alias bigram -> rows: with `postings` (which leave aliases out) they tell which
        # targets can hold a word at all, so a word is looked for in those targets only.
        self._alias_grams: dict[str, set[int]] = defaultdict(set)
        self.char_df: Counter[str] = Counter()
        # The characters of the ledger's preamble: its context, which no target need repeat.
        self.context_chars = frozenset("".join(normalize_many([ledger.preamble])))
        self.context_periods = context_periods(ledger.preamble)  # see `query`
        self._places: dict | None = None  # `places_by_level`, made on first use
        self._lead = normalize_many([ledger.preamble])[0]  # for `lead_mention`
        self.char_docs: dict[str, set[int]] = defaultdict(set)  # character -> target numbers
        self.alias_df: Counter[str] = Counter()  # bigram -> how many targets' aliases use it
        self.own_aliases = 0  # targets with an alias of their own (`_says_more`)
        self.total_length = 0.0
        # Per-token figures that depend only on the ledger (IDF, a character's weight, a
        # phrase's weight, each posting's BM25 part), worked out on first use and dropped
        # whenever a target is added or removed: a question then pays for a lookup only.
        self._idfs: dict[str, float] = {}
        self._char_weights: dict[str, float] = {}
        self._phrase_weights: dict[str, float] = {}
        self._phrase_sharers: dict[str, int] = {}  # phrase -> targets holding or writing it
        self._parts: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = {}
        self._lists: dict[str, tuple[list, list, list, list]] = {}  # `_parts` as lists
        # A big ledger's `_parts` of every token as built (`_work_out_parts`): token -> its
        # (start, end) in the four arrays that follow.
        self._bulk: tuple | None = None
        self._norms: dict[int, float] = {}  # row -> BM25 length norm
        # A question's own bigram -> row -> its `bm25` reason there (weight 1: any question's).
        self._bm25_reasons: dict[str, dict[int, Reason]] = {}
        self._fuzzy_caps: dict[int, tuple[dict[str, float], float]] = {}
        # A question bigram no target writes -> its gap reason and the targets (`_gap_of`).
        self._gaps: dict[str, tuple] = {}
        # A question bigram no target writes -> the ledger bigrams it may be a slip of.
        self._slips: dict[str, tuple[str, ...]] = {}
        # (kind, phrase, as written) -> (target, reason) for each target holding the phrase.
        self._phrase_found: dict[tuple[str, str, str], list[tuple[int, Reason]]] = {}
        # Two characters of a question -> `_starts_of` them (phrase lengths to try there).
        self._bigram_starts: dict[str, tuple[tuple[int, ...], tuple[int, ...]]] = {}
        # A lexicon key -> the targets holding any of its words (`_holders_of`).
        self._key_holders: dict[str, frozenset[int]] = {}
        self._long_names: dict[int, tuple] = {}  # `clipped.names_by_ends`, made on first use
        self._misheard_chars = MisheardChars()  # of the characters only: kept across changes
        self.units: Counter[str] = Counter(COMMON_UNITS)  # units a figure may be written in
        self._unit_pattern: re.Pattern[str] | None = None  # made again when a new unit comes
        # At each place the longest key written there, as the keys' alternation longest first.
        self._lexicon_pattern = words_pattern(lexicon.synonyms)
        # Each lexicon word normalised and cut into tokens once, not once per question.
        self._expansions: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {}
        for key, words in lexicon.synonyms.items():
            normalised = normalize_many(list(words))
            self._expansions[key] = tuple((w, tuple(text_tokens(w))) for w in normalised)
        self._word_tokens = {
            w: tokens for pairs in self._expansions.values() for w, tokens in pairs
        }
        # Key -> word -> the longer keys that, written in a target, say something else.
        self._foreign = foreign_keys(
            {key: tuple(w for w, _ in pairs) for key, pairs in self._expansions.items()}
        )
        with collector_paused():
            for t in ledger.targets:
                self._add(t)
            self._work_out_ahead()

    @staticmethod
    def _key(t: TargetSpec) -> tuple:
        return (
            t.title,
            t.aliases,
            t.indicators,  # names and figures (kept objects compare by identity: cheap)
            t.target_text,
            t.progress_text,
        )

    def _forget_figures(self) -> None:
        if self._idfs or self._char_weights or self._phrase_weights or self._parts:
            self._idfs.clear()
            self._char_weights.clear()
            self._phrase_weights.clear()
            self._parts.clear()
            self._lists.clear()
        self._bulk = self._places = None
        self._phrase_sharers.clear()
        self._fuzzy_caps.clear()
        self._norms.clear()
        self._bm25_reasons.clear()
        self._gaps.clear()
        self._slips.clear()
        self._phrase_found.clear()
        self._bigram_starts.clear()
        self._key_holders.clear()
        self._long_names.clear()
        self._lengths_from.clear()

    def _add(self, t: TargetSpec) -> None:
        tokens: dict[str, float] = defaultdict(float)
        fields = ["title", "target_text", "progress_text"] + ["indicator"] * len(t.indicators)
        fields += ["alias"] * len(t.aliases)
        progress = "；".join(filter(None, (t.progress_text, lead_mention(self._lead, t))))
        raw = [t.title, t.target_text, progress, *(i.name for i in t.indicators)]
        raw += list(t.aliases)
        # One normalisation for all of the target's texts: zhconv costs most per call.
        texts = [unpadded(text) for text in normalize_many(raw)]
        texts[0] = title_words(texts[0])
        chars = set("".join(texts))
        phrases: dict[str, str] = {}
        alias_tokens = set()
        for field_name, text in zip(fields, texts, strict=True):
            if field_name == "alias":
                alias_tokens.update(text_tokens(text))
            else:
                weight = FIELD_WEIGHTS[field_name]
                for token in indexed_tokens(text):
                    tokens[token] += weight
            if field_name in ("title", "alias", "indicator"):
                if 2 <= len(text) <= MAX_PHRASE and text not in phrases:
                    phrases[text] = field_name
                # "村内道路建设" names 村内道路 as well: the work word adds nothing to ask by.
                stem = WORK_TAIL.sub("", text)
                if len(stem) >= 4 and stem != text and stem not in phrases:
                    phrases[stem] = field_name
        if t.number in self.position:
            row = self.position[t.number]
        else:
            row = len(self.numbers)
            self.numbers.append(t.number)
            self.position[t.number] = row
            if row >= len(self.lengths):
                self.lengths = np.concatenate([self.lengths, np.zeros(max(row, 16))])
        length = sum(tokens.values())
        # A figure is one token with its kind of unit and one without, scored like a bigram
        # (through the same postings) but not counted in the target's length.
        # The progress text's figures are the target's as much as its target text's: a
        # report's table row is drafted into both ("3.5亿元", "66%" of "完成66%的那个县").
        written = texts[1] + "\n" + texts[2]
        for value, kind in self._target_figures(t, written):
            tokens[figure_token(value, kind)] = tokens[figure_token(value)] = 1.0
        # The common units only, as for `_target_figures`' text.
        for token in bare_cells(written, common_unit_pattern()):
            tokens[token] = 1.0
        self.lengths[row] = length
        self.total_length += length
        postings, arrays = self.postings, self._arrays
        for token, tf in tokens.items():
            if token not in postings and len(token) == 2 and is_cjk(token):
                self.bigram_pinyin[pinyin_key(token)].add(token)
            postings[token][row] = tf
            if arrays:
                arrays.pop(token, None)
        for phrase, field_name in phrases.items():
            if phrase not in self.phrases:
                self._starts[phrase[:2]] += 1
                self._pinyin_starts[pinyin_key(phrase[:2])] += 1
                self._start_lengths[phrase[:2]][len(phrase)] += 1
                self._pinyin_start_lengths[pinyin_key(phrase[:2])][len(phrase)] += 1
                self._count_misheard_pairs(phrase, 1)
            self.phrases[phrase][t.number] = field_name
            self.pinyin[pinyin_key(phrase)].add(phrase)
        frozen = frozenset(chars)
        self.char_df.update(frozen)
        for ch in frozen:
            self.char_docs[ch].add(t.number)

        fuzzy = tuple(p for p in phrases if len(p) >= 3)
        names = "\n".join(
            text for f, text in zip(fields, texts, strict=True) if f in ("title", "alias")
        )
        own_alias = any(
            self._says_more(text, tokens)
            for f, text in zip(fields, texts, strict=True)
            if f == "alias"
        )
        self.docs[t.number] = _Doc(
            self._key(t),
            dict(tokens),
            phrases,
            frozen,
            length,
            fuzzy,
            "\n".join(texts),
            "\n".join(text for f, text in zip(fields, texts, strict=True) if f != "alias"),
            names,
            frozenset(alias_tokens),
            own_alias,
            tuple(texts),
            len(t.indicators),
            spec=t,
        )
        for gram in alias_tokens:
            self._alias_grams[gram].add(row)
        self.alias_df.update(alias_tokens)
        self.own_aliases += self.docs[t.number].own_alias
        self.titles[t.number] = t.title

    def _says_more(self, alias: str, text_tokens_of_target: dict[str, float]) -> bool:
        """An alias of the ledger's own: not one of the lexicon's abbreviations, and at least
        half its bigrams are words the target's texts do not write. What `import-report`
        drafts (abbreviations, short names cut out of the texts) says nothing more."""
        if alias in self.lexicon.abbreviations:
            return False
        tokens = text_tokens(alias)
        return bool(tokens) and sum(t not in text_tokens_of_target for t in tokens) * 2 >= len(
            tokens
        )

    def _target_figures(self, t: TargetSpec, target_text: str) -> set[tuple[Decimal, str]]:
        """The target's figures: its indicators' targets and actuals, and those `target_text`
        (its target and progress texts) writes with a unit ("新增公办幼儿学位1000个")."""
        figures = set()
        for ind in t.indicators:
            for value, unit in ((ind.target, ind.unit), (ind.actual, ind.shown_actual_unit)):
                unit = unit.strip()
                if unit and unit not in self.units:
                    self._unit_pattern = None
                if unit:
                    self.units[unit] += 1
                key = figure_key(value, unit) if value else None
                if key is not None:
                    figures.add(key)
        # The common units only: a ledger's own units would make the pattern again and again
        # while the index is built, and its indicators carry their figures' units anyway.
        for value, kind, _ in figures_in(target_text, common_unit_pattern()):
            if kind:
                figures.add((value, kind))
        return figures

    def figures_in(self, text: str) -> list[tuple[Decimal, str, tuple[int, int]]]:
        """Figures a question writes, in the common units or any unit of this ledger's."""
        if self._unit_pattern is None:
            self._unit_pattern = unit_pattern(self.units)
        return figures_in(text, self._unit_pattern)

    def _bits_of(self, text: str) -> int:
        """The characters of `text` as bits, each character numbered on first sight."""
        bits = 0
        for ch in text:
            bit = self._char_bits.get(ch)
            if bit is None:
                # setdefault: a character numbered meanwhile by another thread keeps its bit.
                bit = self._char_bits.setdefault(ch, 1 << next(self._bit_numbers))
            bits |= bit
        return bits

    def _lengths(self, table: dict, start) -> tuple[int, ...]:
        """The lengths of the phrases that start with `start`, shortest first."""
        lengths = self._lengths_from.get(start)
        if lengths is None:
            counts = table.get(start)
            lengths = tuple(sorted(n for n, c in counts.items() if c > 0)) if counts else ()
            self._lengths_from[start] = lengths
        return lengths

    def _remove(self, number: int) -> None:
        doc = self.docs.pop(number)
        row = self.position[number]
        for token in doc.tokens:
            self.postings[token].pop(row, None)
            if not self.postings[token]:
                del self.postings[token]
                key = pinyin_key(token)
                if token in self.bigram_pinyin.get(key, ()):
                    self.bigram_pinyin[key].discard(token)
                    if not self.bigram_pinyin[key]:
                        del self.bigram_pinyin[key]
            self._arrays.pop(token, None)
        for phrase in doc.phrases:
            holders = self.phrases[phrase]
            holders.pop(number, None)
            if not holders:
                del self.phrases[phrase]
                self._starts[phrase[:2]] -= 1
                self._pinyin_starts[pinyin_key(phrase[:2])] -= 1
                self._start_lengths[phrase[:2]][len(phrase)] -= 1
                self._pinyin_start_lengths[pinyin_key(phrase[:2])][len(phrase)] -= 1
                self._count_misheard_pairs(phrase, -1)
                key = pinyin_key(phrase)
                self.pinyin[key].discard(phrase)
                if not self.pinyin[key]:
                    del self.pinyin[key]
        self.char_df.subtract(doc.chars)
        for gram in doc.alias_tokens:
            rows = self._alias_grams[gram]
            rows.discard(row)
            if not rows:
                del self._alias_grams[gram]
        self.alias_df.subtract(doc.alias_tokens)
        self.own_aliases -= doc.own_alias
        for ch in doc.chars:
            holders = self.char_docs[ch]
            holders.discard(number)
            if not holders:
                del self.char_docs[ch]
        self.total_length -= doc.length
        self.lengths[row] = 0.0
        self.titles.pop(number, None)

    def update(self, ledger: LedgerSpec) -> set[int]:
        """Re-index the targets whose texts changed, were added or removed; returns them."""
        changed: set[int] = set()
        seen = set()
        lead = normalize_many([ledger.preamble])[0]
        same_lead, self._lead = lead == self._lead, lead  # a new lead changes every `_add`
        for t in ledger.targets:
            seen.add(t.number)
            doc = self.docs.get(t.number)
            # A target object handed again is unchanged (specs are frozen); else its key decides.
            if doc is not None and same_lead and (doc.spec is t or doc.key == self._key(t)):
                continue
            if doc is not None:
                self._remove(t.number)
            self._add(t)
            changed.add(t.number)
        for number in [n for n in self.docs if n not in seen]:
            self._remove(number)
            changed.add(number)
        context = frozenset("".join(normalize_many([ledger.preamble])))
        self.context_periods = context_periods(ledger.preamble)
        if changed or context != self.context_chars:
            self.context_chars = context
            self._forget_figures()  # every IDF and length may move with any change
        return changed

    def places_by_level(self) -> dict[str, list[tuple[int, str]]]:
        """`places.places_by_level` of this ledger, kept until it changes."""
        if self._places is None:
            self._places = places_by_level(self.docs)
        return self._places

    def lexicon_words(self, key: str) -> tuple[str, ...]:
        """The lexicon's words for a question word, normalised as the ledger's texts are."""
        return tuple(word for word, _ in self._expansions.get(key, ()))
