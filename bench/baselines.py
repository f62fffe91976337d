"""Plain baselines on the same questions: BM25 (bm25s) over character bigrams and over jieba
words, and rapidfuzz WRatio with a rejection cutoff.

They read each target as its title and target text, and share no code with the answering
core (not even its `normalize`), so a change to the core cannot move a baseline.
"""

from __future__ import annotations

import logging
import re
import unicodedata

import bm25s
import jieba
import numpy as np
from rapidfuzz import fuzz, process

from bot.domain.ledger import LedgerSpec

_WORD_RUNS = re.compile(r"\w+", re.UNICODE)


def plain_text(text: str) -> str:
    """NFKC (full-width digits and letters) and lower case: all a textbook baseline does."""
    return unicodedata.normalize("NFKC", text or "").lower()


def target_lines(ledger: LedgerSpec) -> dict[int, str]:
    return {t.number: f"{t.title} {t.target_text}" for t in ledger.targets}


def char_bigrams(text: str) -> list[str]:
    """Overlapping character pairs inside each run of word characters (a lone one stays)."""
    grams = []
    for run in _WORD_RUNS.findall(plain_text(text)):
        grams.extend([run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)])
    return grams


class BM25Baseline:
    """bm25s over the target lines, the best three; it always answers (it cannot reject)."""

    can_reject = False

    def __init__(self, ledger: LedgerSpec, tokens) -> None:
        lines = target_lines(ledger)
        self.numbers = list(lines)
        self.tokens = tokens
        self.retriever = bm25s.BM25()
        self.retriever.index([tokens(text) for text in lines.values()], show_progress=False)
        self.k = min(3, len(self.numbers))

    def retrieve(self, question: str) -> list[int]:
        """The best three targets with a score above zero, best first, equal scores in ledger
        order: bm25s's scores, `retrieve(k=3)`'s choice with a fixed tie-break."""
        query = self.tokens(question)
        if not query or not self.k:
            return []
        # Not bm25s's `retrieve`: its `np.argpartition` over every document's score takes
        # numpy's SIMD path on AVX2 and AVX-512 CPUs, slow on scores that are nearly all zero
        # (2 ms at 10,000 targets, 0.03 ms without it) and breaking ties per CPU, so the
        # baseline's time and answers moved with the machine (bench/MEASUREMENTS.md).
        scores = self.retriever.get_scores(query)
        hits = np.flatnonzero(scores > 0)
        found = scores[hits]
        if len(hits) > self.k:  # every document tied with the k-th best stays, for the order
            keep = found >= np.partition(found, -self.k)[-self.k]
            hits, found = hits[keep], found[keep]
        best = hits[np.argsort(-found, kind="stable")[: self.k]]
        return [self.numbers[d] for d in best]

    def ask(self, question: str) -> tuple[str, list[int]]:
        return "target", self.retrieve(question)


def bigram_bm25(ledger: LedgerSpec) -> BM25Baseline:
    return BM25Baseline(ledger, char_bigrams)


def jieba_bm25(ledger: LedgerSpec) -> BM25Baseline:
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()

    def words(text: str) -> list[str]:
        return [w for w in tokenizer.lcut(plain_text(text)) if _WORD_RUNS.fullmatch(w)]

    return BM25Baseline(ledger, words)


class WRatioBaseline:
    """`rapidfuzz.process.extract` with WRatio; below `cutoff` it answers "unknown"."""

    can_reject = True

    def __init__(self, ledger: LedgerSpec, cutoff: float = 0.0) -> None:
        self.lines = {n: plain_text(line) for n, line in target_lines(ledger).items()}
        self.cutoff = cutoff

    def ask(self, question: str) -> tuple[str, list[int]]:
        q = plain_text(question).strip()
        if not q:
            return "unknown", []
        found = process.extract(q, self.lines, scorer=fuzz.WRatio, limit=3)
        if not found or found[0][1] < self.cutoff:
            return "unknown", []
        return "target", [key for _, _, key in found]
