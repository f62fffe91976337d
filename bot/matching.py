"""Question matching: which targets a Chinese question is about, with explainable scores.

The index is built once from the ledger (titles, aliases, indicator names, target texts,
progress texts) plus the domain thesaurus, and rebuilt when the ledger changes. A target's
score is the sum of readable parts, each kept as a `Reason`:
- `phrase`: a title, alias or indicator name written in the question (longer and rarer
  phrases weigh more);
- `fuzzy`: a near-miss of such a phrase (miswritings such as 新增待款);
- `word`: a jieba token shared with the target's texts, weighted by its rarity (IDF);
- `synonym`: the same, for words the thesaurus puts in place of the question's own.
"""

from __future__ import annotations

import functools
import gc
import logging
import math
import os
import re
import tempfile
import unicodedata
import warnings
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import jieba
import zhconv
from rapidfuzz import fuzz

from bot.ledger import LedgerSpec, TargetSpec
from bot.thesaurus import Thesaurus

MAX_QUESTION_CHARS = 300
_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)
_CJK_NUMERALS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                 "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
_FIELD_WEIGHTS = {"title": 3.0, "alias": 3.0, "indicator": 2.0, "target_text": 1.0,
                  "progress_text": 0.35}  # fmt: skip


def normalize(text: str) -> str:
    """NFKC (full-width digits), Traditional → Simplified, lower-case, trimmed to a bound."""
    text = unicodedata.normalize("NFKC", text or "")[: MAX_QUESTION_CHARS * 4]
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch in "\n\t")
    return zhconv.convert(text, "zh-cn").lower().strip()[:MAX_QUESTION_CHARS]


def chinese_number(text: str) -> int | None:
    """Parse 一..九百九十九 ("三十五" → 35, "十二" → 12); None when not a numeral."""
    if not text or any(ch not in _CJK_NUMERALS and ch not in "十百" for ch in text):
        return None
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _CJK_NUMERALS[ch]
    return total + current


def has_content(text: str) -> bool:
    """False for empty, punctuation-only or emoji-only text."""
    return any(ch.isalnum() for ch in text)


@dataclass(frozen=True)
class Reason:
    kind: str  # phrase | fuzzy | word | synonym
    text: str
    field: str
    score: float


@dataclass(frozen=True)
class Candidate:
    number: int
    title: str
    score: float
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class _Phrase:
    text: str
    field: str
    numbers: frozenset[int]


class LedgerIndex:
    """Scores targets against a question; immutable once built."""

    def __init__(self, ledger: LedgerSpec, thesaurus: Thesaurus, tokenizer: jieba.Tokenizer):
        self.thesaurus = thesaurus
        self.tokenizer = tokenizer
        self.titles = {t.number: t.title for t in ledger.targets}
        self.count = max(len(ledger.targets), 1)
        phrase_targets: dict[str, set[int]] = defaultdict(set)
        phrase_field: dict[str, str] = {}
        for t in ledger.targets:
            for field, phrase in self._phrases_of(t):
                if len(phrase) >= 2:
                    phrase_targets[phrase].add(t.number)
                    phrase_field.setdefault(phrase, field)
        self.phrases = {
            text: _Phrase(text, phrase_field[text], frozenset(numbers))
            for text, numbers in phrase_targets.items()
        }
        self.max_phrase = max((len(p) for p in self.phrases), default=2)
        # Character bigrams → phrases, so fuzzy matching only looks at plausible phrases.
        self.bigrams: dict[str, set[str]] = defaultdict(set)
        for text in self.phrases:
            if len(text) >= 3:
                for i in range(len(text) - 1):
                    self.bigrams[text[i : i + 2]].add(text)
        for text in self.phrases:
            self.tokenizer.add_word(text, freq=2000)
        for word, values in thesaurus.synonyms.items():
            self.tokenizer.add_word(word, freq=2000)
            for value in values:
                self.tokenizer.add_word(value.lower(), freq=2000)
        # Inverted index of field-weighted token counts, and document frequency for IDF.
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for t in ledger.targets:
            weights: dict[str, float] = defaultdict(float)
            for field, text in self._texts_of(t):
                for token in self.tokens(text):
                    weights[token] += _FIELD_WEIGHTS[field]
            for token, tf in weights.items():
                self.postings[token].append((t.number, tf))
        self.idf = {tok: math.log(1 + self.count / len(p)) for tok, p in self.postings.items()}

    @staticmethod
    def _phrases_of(t: TargetSpec):
        yield "title", t.title.lower()
        for alias in t.aliases:
            yield "alias", alias.lower()
        for ind in t.indicators:
            yield "indicator", ind.name.lower()

    @staticmethod
    def _texts_of(t: TargetSpec):
        yield "title", t.title
        for alias in t.aliases:
            yield "alias", alias
        for ind in t.indicators:
            yield "indicator", ind.name
        yield "target_text", t.target_text
        yield "progress_text", t.progress_text

    def tokens(self, text: str) -> list[str]:
        """Content tokens: jieba words of 2+ characters (or ASCII words), minus stopwords."""
        out = []
        for token in self.tokenizer.lcut(normalize(text)):
            token = token.strip()
            if not token or _PUNCT.fullmatch(token) or token in self.thesaurus.stopwords:
                continue
            if len(token) < 2 and not token.isascii():
                continue
            if token.isdigit():
                continue
            out.append(token)
        return out

    def expansions(self, question: str) -> list[tuple[str, str]]:
        """(question word, ledger word) pairs the thesaurus offers for this question."""
        pairs = []
        for word, values in self.thesaurus.synonyms.items():
            if word in question:
                pairs += [(word, v.lower()) for v in values]
        return pairs

    def score(self, question: str) -> list[Candidate]:
        """All targets with a positive score, best first."""
        q = normalize(question)
        reasons: dict[int, list[Reason]] = defaultdict(list)
        self._score_phrases(q, q, "phrase", 1.0, reasons)
        expansions = self.expansions(q)
        expanded_text = " ".join(v for _, v in expansions)
        if expanded_text:
            self._score_phrases(expanded_text, q, "synonym", 0.8, reasons)
        q_tokens = set(self.tokens(q))
        self._score_words(q_tokens, "word", 1.0, reasons)
        syn_tokens = {tok for _, v in expansions for tok in self.tokens(v)} - q_tokens
        self._score_words(syn_tokens, "synonym", 0.8, reasons)
        candidates = []
        for number, rs in reasons.items():
            total = round(sum(r.score for r in rs), 3)
            if total > 0:
                ordered = tuple(sorted(rs, key=lambda r: -r.score))
                candidates.append(Candidate(number, self.titles[number], total, ordered))
        candidates.sort(key=lambda c: (-c.score, c.number))
        return candidates

    def _phrase_weight(self, phrase: _Phrase, factor: float) -> float:
        rarity = 1.0 / len(phrase.numbers)
        return (1.0 + 0.9 * (len(phrase.text) - 1)) * rarity * factor

    def _score_phrases(self, text: str, original: str, kind: str, factor: float, reasons) -> None:
        found: set[str] = set()
        for i in range(len(text) - 1):
            for length in range(2, min(self.max_phrase, len(text) - i) + 1):
                sub = text[i : i + length]
                if sub in self.phrases and sub not in found:
                    found.add(sub)
        # A phrase inside a longer phrase that also matched adds nothing new (贷款 in 新增贷款).
        kept = [p for p in found if not any(p != q and p in q for q in found)]
        for p in kept:
            phrase = self.phrases[p]
            weight = self._phrase_weight(phrase, factor) * 2.0
            for number in phrase.numbers:
                reasons[number].append(Reason(kind, p, phrase.field, round(weight, 3)))
        if kind != "phrase":
            return
        shared: Counter[str] = Counter()
        for i in range(len(original) - 1):
            for p in self.bigrams.get(original[i : i + 2], ()):
                shared[p] += 1
        for p, _ in shared.most_common(200):
            if p in found or any(p in q for q in found):
                continue
            similarity = fuzz.partial_ratio(p, original)
            if similarity >= 75:
                phrase = self.phrases[p]
                score = self._phrase_weight(phrase, factor) * (similarity - 60) / 40
                for number in phrase.numbers:
                    reasons[number].append(Reason("fuzzy", p, phrase.field, round(score, 3)))

    def _score_words(self, tokens: set[str], kind: str, factor: float, reasons) -> None:
        for token in tokens:
            idf = self.idf.get(token)
            if idf is None:
                continue
            for number, tf in self.postings[token]:
                saturated = tf * 2.2 / (tf + 1.2)
                score = round(idf * saturated * 0.5 * factor, 3)
                reasons[number].append(Reason(kind, token, "text", score))


@functools.cache
def _base_dictionary(cache_dir: Path | None) -> tuple[dict[str, int], int]:
    """jieba's word frequencies, read once per process and cache folder (about 0.6 s).

    Its dictionary cache lives in `cache_dir` (made owner-only), or, without one, in a private
    folder removed at once: never in the shared temporary folder, where jieba looks by default
    and where anyone could leave a cache that changes how questions are cut.
    """
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
    """A private jieba tokenizer, so custom words never leak between indexes."""
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
