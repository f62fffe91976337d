"""Question matching: which targets a Chinese question is about, with explainable scores.

The index is built from the ledger (titles, aliases, indicator names, target and progress
texts) plus the field lexicon, and updated in place for the targets that change. A
target's score is the sum of readable parts, each kept as a `Reason`, all in one unit:
the BM25 weight of character bigrams, so that scores compare across ledgers.
- `bm25`: BM25 over character bigrams (and ASCII words such as pm2.5) of the target's texts;
- `phrase`: a title, alias or indicator name written in the question (worth its bigrams'
  IDF again, shared among the targets that carry the phrase);
- `pinyin`: the same for a homophone miswriting (带款 → 贷款), matched on pinyin;
- `fuzzy`: a near-miss of such a phrase (新增贷 → 新增贷款), for the leading targets only;
- `lexicon`: bigrams and phrases of the words the field lexicon offers for the question's
  own (看病 → 医院), at a lower weight.
`Candidate.coverage` is the share of the question's informative bigrams the target
explains; the answering core rejects or accepts on it, relative to this ledger.
"""

from __future__ import annotations

import functools
import gc
import itertools
import logging
import math
import os
import re
import sys
import tempfile
import unicodedata
import warnings
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
from rapidfuzz import fuzz

from bot.domain.ledger import LedgerSpec, TargetSpec
from bot.domain.units import MAGNITUDE_BASES, MAGNITUDES, split_unit
from bot.understanding.lexicon import FieldLexicon

if TYPE_CHECKING:
    import jieba

MAX_QUESTION_CHARS = 300
_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)
_CJK_NUMERALS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                 "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
# How much one occurrence of a bigram in each field counts towards the target's BM25 tf.
_FIELD_WEIGHTS = {"title": 2.0, "indicator": 1.0, "target_text": 1.0, "progress_text": 0.4}
_K1, _B = 1.2, 0.75
_RUN = re.compile(r"[a-z0-9][a-z0-9.&+]*|[\u3400-\u9fff]+")
_TOP_K = 8  # candidates examined in full (fuzzy phrases, reasons) beyond the phrase hits
_LEXICON_FACTOR = 0.6
_PINYIN_FACTOR = 0.8
_SLIP_MAX_SHARE = 0.1  # a homophone's miswritten character is in at most this share of targets
_MAX_PHRASE = 16
# A figure the question writes with its unit ("70公里") and a target holds is worth this many
# IDF-weighted bigrams: a figure is as telling as a rare two-character word, or more.
_FIGURE_FACTOR = 2.0
_GAP_FACTOR = 0.5  # a question bigram the ledger writes with a character or two between
_GAP_MAX_SHARE = 0.05  # ... looked for only in targets holding both characters, if this few
_GAP_MAX_TARGETS = 30  # (a pair found in more says little, and costs a search in each)
_GAP_COMMON_SHARE = 0.25  # ... and only for two characters each in at most this share of them
_FIGURE_BARE_FACTOR = 0.5  # the same figure written without a unit counts this much of it
_NUMERAL = re.compile(
    r"(?<![a-z0-9.])(\d+(?:\.\d+)?)(?![a-z])|([零〇一二两三四五六七八九十百千]+)"
)
# Measure words for things counted one by one: a question may count 3800 学位 in 个 where the
# ledger wrote 位, so any two of them agree.
_NUMERAL_CHARS = frozenset("零〇一二两三四五六七八九十百千.")
_COUNTERS = frozenset("个家所座处块位只条项台辆间张套盏栋幢")
# Units any ledger may write beside the ones its indicators use (万 or 亿 may lead any).
_COMMON_UNITS = (*MAGNITUDE_BASES, "%", "名", "米", "公顷", "张", *_COUNTERS)


def _import_zhconv():
    # zhconv reads its dictionary through pkg_resources when that imports (0.1 s of start-up,
    # and deprecated); with the import blocked it opens the file beside its module instead.
    if "pkg_resources" in sys.modules:
        import zhconv

        return zhconv
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import zhconv
    finally:
        del sys.modules["pkg_resources"]
    return zhconv


zhconv = _import_zhconv()


@functools.cache
def _zhconv_ready() -> None:
    with warnings.catch_warnings():
        # zhconv loads its dictionary lazily from a file it never closes; load it here, quietly.
        warnings.simplefilter("ignore", ResourceWarning)
        zhconv.convert("預熱", "zh-cn")  # the file is closed (and warned about) right here


def normalize(text: str) -> str:
    """NFKC (full-width digits), Traditional → Simplified, lower-case, trimmed to a bound."""
    _zhconv_ready()
    text = unicodedata.normalize("NFKC", text or "")[: MAX_QUESTION_CHARS * 4]
    if not text.isprintable():  # fast path: most text has no control characters at all
        text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch in "\n\t")
    return zhconv.convert(text, "zh-cn").lower().strip()[:MAX_QUESTION_CHARS]


def normalize_many(texts: list[str]) -> list[str]:
    """`normalize` for several short texts at once (one line each), unbounded in length."""
    joined = "\n".join(" ".join(text.split()) for text in texts)
    joined = unicodedata.normalize("NFKC", joined)
    if not joined.replace("\n", "").isprintable():
        joined = "".join(ch for ch in joined if unicodedata.category(ch)[0] != "C" or ch in "\n")
    _zhconv_ready()
    lines = zhconv.convert(joined, "zh-cn").lower().split("\n")
    return (
        [line.strip() for line in lines]
        if len(lines) == len(texts)
        else [normalize(text) for text in texts]
    )


_PLACE_VALUES = {"十": 10, "百": 100, "千": 1000}


def _places_fall(text: str) -> bool:
    """Digits and place words alternating, places falling (三千五百, 一百零八, 十二)."""
    last = 10_000
    for i, ch in enumerate(text):
        if ch in _PLACE_VALUES:
            if _PLACE_VALUES[ch] >= last or (i and text[i - 1] in _PLACE_VALUES):
                return False
            last = _PLACE_VALUES[ch]
        elif i and text[i - 1] in _CJK_NUMERALS and text[i - 1] != "零":
            return False
    return True


def chinese_number(text: str) -> int | None:
    """Parse a Chinese numeral ("三十五" → 35, "十二" → 12, "一百零八" → 108); None otherwise."""
    if not text or any(ch not in _CJK_NUMERALS and ch not in "十百千" for ch in text):
        return None
    if text in ("百", "千"):
        return None
    if len(text) == 1 or (text[0] not in "十百千" and text[-1] != "零" and _places_fall(text)):
        # The usual forms read directly: cn2an compiles patterns on every call.
        total = digit = 0
        for ch in text:
            if ch in _CJK_NUMERALS:
                digit = _CJK_NUMERALS[ch]
            else:
                total, digit = total + (digit or 1) * _PLACE_VALUES[ch], 0
        if len(text) > 1 and text[-2] in _PLACE_VALUES:
            digit *= _PLACE_VALUES[text[-2]] // 10  # 二百五 is 250, 三千五 3500
        return total + digit
    import cn2an  # imported on first use: most questions hold no numeral

    try:
        value = cn2an.cn2an(text.replace("〇", "零"), "smart")
    except (ValueError, KeyError, IndexError):
        return None
    return int(value) if float(value).is_integer() and value >= 0 else None


def has_content(text: str) -> bool:
    """False for empty, punctuation-only or emoji-only text."""
    return any(ch.isalnum() for ch in text)


class Reason(NamedTuple):
    """One readable part of a candidate's score (a named tuple: many are made per question)."""

    kind: str  # bm25 | phrase | pinyin | fuzzy | lexicon
    text: str
    field: str
    score: float


@dataclass(frozen=True)
class Candidate:
    number: int
    title: str
    score: float
    reasons: tuple[Reason, ...]
    coverage: float = 0.0  # share of the question's informative bigrams this target explains


def question_tokens(text: str, stopwords: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """Character bigrams of each CJK run and whole ASCII words, filler words cut out first."""
    if stopwords:
        text = mask_stopwords(text, stopwords)
    return text_tokens(text)


def text_tokens(text: str) -> list[str]:
    """Character bigrams of each CJK run and ASCII words (as `token_spans`, without spans)."""
    out: list[str] = []
    for run in _RUN.findall(text):
        if run.isascii():
            word = run.strip(".&+")
            if word and not word.isdigit():
                out.append(word)
        else:
            out.extend([run[i : i + 2] for i in range(len(run) - 1)])
    return out


def token_spans(text: str) -> list[tuple[str, tuple[int, int]]]:
    """(token, (start, end)) for the bigrams of each CJK run and each ASCII word."""
    out: list[tuple[str, tuple[int, int]]] = []
    for match in _RUN.finditer(text):
        run, start = match.group(0), match.start()
        if run.isascii():
            word = run.strip(".&+")
            if word and not word.isdigit():
                offset = run.index(word)
                out.append((word, (start + offset, start + offset + len(word))))
            continue
        out.extend((run[i : i + 2], (start + i, start + i + 2)) for i in range(len(run) - 1))
    return out


@functools.cache
def _stopword_pattern(stopwords: frozenset[str]) -> re.Pattern[str] | None:
    words = sorted(stopwords, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words))) if words else None


def mask_stopwords(text: str, stopwords, keep: list[tuple[int, int]] = ()) -> str:
    """Filler words replaced by spaces of the same length, so positions stay put; filler
    inside a `keep` span (a lexicon word such as 找工作) stays."""
    pattern = _stopword_pattern(frozenset(stopwords))
    if pattern is None:
        return text

    def blank(m: re.Match[str]) -> str:
        if any(start < m.end() and m.start() < end for start, end in keep):
            return m.group(0)
        return " " * len(m.group(0))

    return pattern.sub(blank, text)


@functools.cache
def _pinyin_of(ch: str) -> str:
    # One character at a time needs no phrase dictionary (0.4 s to load): skip it.
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
    from pypinyin import lazy_pinyin

    return lazy_pinyin(ch)[0] if "\u3400" <= ch <= "\u9fff" else ch


def pinyin_key(text: str) -> tuple[str, ...]:
    """Toneless pinyin per character (带款 and 贷款 share one key)."""
    return tuple(map(_pinyin_of, text))


@functools.lru_cache(maxsize=4096)
def _unit_kind(unit: str) -> tuple[Decimal, str]:
    """(scale, kind) of a unit: 万元 → (10^4, 元), 万张 → (10^4, 个); 所, 位 and 个 are one
    kind, things counted one by one."""
    unit = unit.strip()
    scale = Decimal(1)
    if unit[:1] in MAGNITUDES and unit[1:] not in MAGNITUDE_BASES:
        # Only for matching a figure: 0.8万张 is 8000张 (units.py never scales a count).
        scale, unit = MAGNITUDES[unit[:1]], unit[1:]
    more, base = split_unit(unit) if unit else (Decimal(1), "")
    return scale * more, "个" if base in _COUNTERS else base


@functools.lru_cache(maxsize=65536)
def figure_token(value: Decimal, kind: str = "") -> str:
    """The index token of a figure: "#70|千米" with its kind of unit, "#70" without."""
    number = format(value.normalize(), "f")
    return f"#{number}|{kind}" if kind else f"#{number}"


@functools.lru_cache(maxsize=65536)
def _figure_key(value: str, unit: str) -> tuple[Decimal, str] | None:
    """A figure as (value in its base unit, kind of unit), so 0.8万人 and 8000人 agree."""
    try:
        number = Decimal(value.strip().replace(",", ""))
    except (InvalidOperation, ValueError):
        return None
    if not number.is_finite():
        return None
    scale, kind = _unit_kind(unit)
    return number * scale, kind


def _unit_pattern(units) -> re.Pattern[str]:
    ordered = sorted((u for u in units if u), key=len, reverse=True)
    return re.compile(r"\s*([万亿]?(?:" + "|".join(map(re.escape, ordered)) + ")|[万亿])")


@functools.cache
def _common_unit_pattern() -> re.Pattern[str]:
    return _unit_pattern(_COMMON_UNITS)


def _figures_in(text: str, units: re.Pattern[str]) -> list[tuple[Decimal, str, tuple[int, int]]]:
    """Figures written in normalised text: (value in base unit, unit kind or "", span of
    figure and unit). A Chinese numeral counts only with a unit, and not 一 or 两 alone
    (一个, 两家 are mostly words); a number followed by 年, 月 or 号 is a date or a name."""
    found = []
    for m in _NUMERAL.finditer(text):
        unit_match = units.match(text, m.end())
        unit = unit_match.group(1) if unit_match else ""
        end = unit_match.end() if unit_match else m.end()
        if not unit and text[m.end() : m.end() + 1] in ("年", "月", "日", "号"):
            continue
        if m.group(2):
            if not unit or m.group(2) in ("一", "二", "两"):
                continue
            number = chinese_number(m.group(2))
            if number is None:
                continue
            raw = str(number)
        else:
            raw = m.group(1)
        key = _figure_key(raw, unit)
        if key is not None:
            found.append((key[0], key[1], (m.start(), end)))
    return found


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
    names: str = ""  # its normalised title and aliases, one a line
    alias_tokens: frozenset[str] = frozenset()  # bigrams of its aliases (not scored as text)
    own_alias: bool = False  # an alias that says what its texts do not (see `_says_more`)
    # Its normalised texts one by one: title, target text, progress text, indicators, aliases.
    fields: tuple[str, ...] = ()
    indicators: int = 0  # how many of `fields` are indicator names
    # `fuzzy` with each phrase's characters as bits (`LedgerIndex._char_bits`) and how many
    # different characters it has; made when the target is first a candidate.
    fuzzy_bits: tuple[tuple[str, int, int], ...] | None = None


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


class LedgerIndex:
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
        self._parts: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = {}
        self._fuzzy_caps: dict[int, float] = {}
        self.units: Counter[str] = Counter(_COMMON_UNITS)  # units a figure may be written in
        self._unit_pattern: re.Pattern[str] | None = None  # made again when a new unit comes
        keys = sorted(lexicon.synonyms, key=len, reverse=True)
        self._lexicon_pattern = re.compile("|".join(map(re.escape, keys))) if keys else None
        # Each lexicon word normalised and cut into tokens once, not once per question.
        self._expansions: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {}
        for key, words in lexicon.synonyms.items():
            normalised = normalize_many(list(words))
            self._expansions[key] = tuple((w, tuple(text_tokens(w))) for w in normalised)
        self._word_tokens = {
            w: tokens for pairs in self._expansions.values() for w, tokens in pairs
        }
        # The build makes millions of small objects and no cycles: collecting during it
        # would only rescan them, again and again.
        collecting = gc.isenabled()
        gc.disable()
        try:
            for t in ledger.targets:
                self._add(t)
        finally:
            if collecting:
                gc.enable()

    # --- building and updating ----------------------------------------------------------

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
        self._fuzzy_caps.clear()
        self._lengths_from.clear()

    def _add(self, t: TargetSpec) -> None:
        tokens: dict[str, float] = defaultdict(float)
        fields = ["title", "target_text", "progress_text"] + ["indicator"] * len(t.indicators)
        fields += ["alias"] * len(t.aliases)
        raw = [t.title, t.target_text, t.progress_text, *(i.name for i in t.indicators)]
        raw += list(t.aliases)
        # One normalisation for all of the target's texts: zhconv costs most per call.
        texts = normalize_many(raw)
        chars = set("".join(texts))
        phrases: dict[str, str] = {}
        alias_tokens = set()
        for field_name, text in zip(fields, texts, strict=True):
            if field_name == "alias":
                alias_tokens.update(text_tokens(text))
            else:
                weight = _FIELD_WEIGHTS[field_name]
                for token in text_tokens(text):
                    tokens[token] += weight
            if field_name in ("title", "alias", "indicator"):
                if 2 <= len(text) <= _MAX_PHRASE and text not in phrases:
                    phrases[text] = field_name
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
        for value, kind in self._target_figures(t, texts[1]):
            tokens[figure_token(value, kind)] = tokens[figure_token(value)] = 1.0
        self.lengths[row] = length
        self.total_length += length
        postings, arrays = self.postings, self._arrays
        for token, tf in tokens.items():
            if token not in postings and len(token) == 2 and _is_cjk(token):
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
            names,
            frozenset(alias_tokens),
            own_alias,
            tuple(texts),
            len(t.indicators),
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
        """The target's figures: its indicators' targets and actuals, and those its target
        text writes with a unit ("新增公办幼儿学位1000个")."""
        figures = set()
        for ind in t.indicators:
            for value, unit in ((ind.target, ind.unit), (ind.actual, ind.shown_actual_unit)):
                unit = unit.strip()
                if unit and unit not in self.units:
                    self._unit_pattern = None
                if unit:
                    self.units[unit] += 1
                key = _figure_key(value, unit) if value else None
                if key is not None:
                    figures.add(key)
        # The common units only: a ledger's own units would make the pattern again and again
        # while the index is built, and its indicators carry their figures' units anyway.
        for value, kind, _ in _figures_in(target_text, _common_unit_pattern()):
            if kind:
                figures.add((value, kind))
        return figures

    def figures_in(self, text: str) -> list[tuple[Decimal, str, tuple[int, int]]]:
        """Figures a question writes, in the common units or any unit of this ledger's."""
        if self._unit_pattern is None:
            self._unit_pattern = _unit_pattern(self.units)
        return _figures_in(text, self._unit_pattern)

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
        for t in ledger.targets:
            seen.add(t.number)
            doc = self.docs.get(t.number)
            if doc is not None and doc.key == self._key(t):
                continue
            if doc is not None:
                self._remove(t.number)
            self._add(t)
            changed.add(t.number)
        for number in [n for n in self.docs if n not in seen]:
            self._remove(number)
            changed.add(number)
        if changed:
            self._forget_figures()  # every IDF and length may move with any change
        return changed

    @staticmethod
    def _phrases_of(t: TargetSpec):
        yield "title", normalize(t.title)
        for alias in t.aliases:
            yield "alias", normalize(alias)
        for ind in t.indicators:
            yield "indicator", normalize(ind.name)

    def lexicon_words(self, key: str) -> tuple[str, ...]:
        """The lexicon's words for a question word, normalised as the ledger's texts are."""
        return tuple(word for word, _ in self._expansions.get(key, ()))

    # --- scoring -------------------------------------------------------------------------

    @property
    def count(self) -> int:
        return max(len(self.docs), 1)

    def idf(self, token: str) -> float:
        idf = self._idfs.get(token)
        if idf is None:
            df = len(self.postings.get(token, ()))
            n = self.count
            idf = self._idfs[token] = math.log(1 + (n - df + 0.5) / (df + 0.5))
        return idf

    def _char_weight(self, ch: str) -> float:
        # A character most targets use says little; one the ledger never uses counts fully.
        weight = self._char_weights.get(ch)
        if weight is None:
            weight = math.log(1 + self.count / (self.char_df.get(ch, 0) + 1))
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
        if parts is None:
            arrays = self._array(token)
            if arrays is None:
                return None
            rows, tfs = arrays
            norm = _K1 * (1 - _B + _B * self.lengths[rows] / avgdl)
            # The same operations in the same order as for any other weight, so the scores
            # are the very floats an uncached sum would give.
            denominator = tfs + norm
            parts = (rows, tfs, denominator, self.idf(token) * tfs * (_K1 + 1) / denominator)
            self._parts[token] = parts
        return parts

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
        if _NUMERAL.search(q):
            for value, kind, span in self.figures_in(q):
                token = figure_token(value, kind)
                if token not in self.postings or token in figures:
                    continue
                figures[token] = span
                digits = [i for i in range(*span) if q[i].isdigit() or q[i] in _NUMERAL_CHARS]
                weights.update(dict.fromkeys(digits, 2 * typical / max(len(digits), 1)))
        tokens = dict.fromkeys(spans, 1.0)
        # A question bigram no target writes that sounds like one a target writes, sharing a
        # character (提田 → 梯田): the homophone miswriting of a word of the texts.
        homophones: dict[str, tuple[int, int]] = {}
        for token, where in spans.items():
            if token in self.postings or len(token) != 2 or not _is_cjk(token):
                continue
            for other in self.bigram_pinyin.get(pinyin_key(token), ()):
                # The miswritten character is one this ledger seldom uses: a common one (位,
                # 一) next to a word is more often two words than a slip.
                slip = token[1] if other[0] == token[0] else token[0]
                rare = self.char_df.get(slip, 0) <= self.count * _SLIP_MAX_SHARE
                if (other[0] == token[0] or other[1] == token[1]) and rare and other not in tokens:
                    homophones[other] = where[0]
                    tokens[other] = _PINYIN_FACTOR
        for token in figures:
            tokens[token] = (
                _FIGURE_FACTOR if "|" in token else _FIGURE_FACTOR * _FIGURE_BARE_FACTOR
            )
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
                        tokens.setdefault(token, _LEXICON_FACTOR / len(word_tokens))
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
                scores[rows] += weight * query.idfs[token] * tfs * (_K1 + 1) / denominator
        phrase_hits = self._phrase_hits(q, query)
        for number, hits in self._gap_hits(query).items():
            phrase_hits.setdefault(number, []).extend(hits)
        for number, hits in phrase_hits.items():
            scores[self.position[number]] += sum(r.score for r, _ in hits)
        k = min(_TOP_K, n_rows)
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
        cap = min(max(3, int(self.count * _GAP_MAX_SHARE)), _GAP_MAX_TARGETS)
        # A character most targets use (建, 县) makes a pair anywhere: both must be uncommon.
        common = max(2, self.count * _GAP_COMMON_SHARE)
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
            weight = math.log(1 + (n - df + 0.5) / (df + 0.5)) * _GAP_FACTOR
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
        factor = {"phrase": 1.0, "pinyin": _PINYIN_FACTOR, "lexicon": _LEXICON_FACTOR}
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
        norm = _K1 * (1 - _B + _B * float(self.lengths[row]) / avgdl)
        lexicon_tokens: dict[str, Reason] = {}
        doc_tokens = doc.tokens
        for token, weight, idf, own in query.present:
            tf = doc_tokens.get(token)
            if tf is None:
                continue
            part = weight * idf * tf * (_K1 + 1) / (tf + norm)
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


def _is_cjk(text: str) -> bool:
    return all("\u3400" <= ch <= "\u9fff" for ch in text)


def _median(values) -> float:
    """`statistics.median`, the same float, without its overhead on a short list."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def _overlaps(token: str, phrase: str) -> bool:
    return token in phrase or (len(token) == 2 and (token[0] in phrase and token[1] in phrase))


@functools.cache
def _base_dictionary(cache_dir: Path | None) -> tuple[dict[str, int], int]:
    """jieba's word frequencies, read once per process and cache folder (about 0.6 s).

    Its dictionary cache lives in `cache_dir` (made owner-only), or, without one, in a private
    folder removed at once: never in the shared temporary folder, where jieba looks by default
    and where anyone could leave a cache that changes how questions are cut.
    """
    import jieba

    jieba.setLogLevel(logging.WARNING)
    base = jieba.Tokenizer()
    if cache_dir is None:
        with tempfile.TemporaryDirectory(prefix="jieba-") as private:
            base.tmp_dir = private
            base.initialize()
        return base.FREQ, base.total
    cache_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(cache_dir, 0o700)  # also when it existed already, looser
    base.tmp_dir = str(cache_dir)
    base.initialize()
    return base.FREQ, base.total


def make_tokenizer(cache_dir: Path | None = None) -> jieba.Tokenizer:
    """A private jieba tokenizer, so custom words never leak between indexes.

    The matcher itself works on character bigrams; jieba is loaded only by callers that
    still want words (the bench's word-level BM25 baseline).
    """
    import jieba

    with warnings.catch_warnings():
        # zhconv loads its dictionary lazily from a file it never closes; load it here, quietly.
        warnings.simplefilter("ignore", ResourceWarning)
        zhconv.convert("預熱", "zh-cn")
        gc.collect()
    freq, total = _base_dictionary(cache_dir)
    tokenizer = jieba.Tokenizer()
    # A copy of the shared frequencies: this index's own words are added to the copy only.
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = dict(freq), total, True
    return tokenizer
