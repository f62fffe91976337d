"""Two baselines on the same questions: rapidfuzz WRatio and BM25 over jieba tokens."""

from __future__ import annotations

import logging

import bm25s
import jieba
import numpy as np
from rapidfuzz import fuzz, process

from bot.ledger import LedgerSpec
from bot.matching import normalize


def target_lines(ledger: LedgerSpec) -> dict[int, str]:
    return {t.number: f"{t.title} {t.target_text}" for t in ledger.targets}


class WRatioBaseline:
    """Plain `rapidfuzz.process.extract` with WRatio over the target lines."""

    def __init__(self, ledger: LedgerSpec, cutoff: float = 60.0):
        self.lines = target_lines(ledger)
        self.cutoff = cutoff

    def ask(self, question: str) -> tuple[str, list[int]]:
        q = normalize(question)
        if not q:
            return "unknown", []
        found = process.extract(q, self.lines, scorer=fuzz.WRatio, limit=3)
        if not found or found[0][1] < self.cutoff:
            return "unknown", []
        return "target", [key for _, _, key in found]


class BM25Baseline:
    """BM25 (bm25s) over jieba tokens of the target lines."""

    def __init__(self, ledger: LedgerSpec, cutoff: float = 1.0):
        jieba.setLogLevel(logging.WARNING)
        self.tokenizer = jieba.Tokenizer()
        self.tokenizer.initialize()
        lines = target_lines(ledger)
        self.numbers = list(lines)
        corpus = [self._tokens(text) for text in lines.values()]
        self.retriever = bm25s.BM25()
        self.retriever.index(corpus, show_progress=False)
        self.cutoff = cutoff

    def _tokens(self, text: str) -> list[str]:
        return [t for t in self.tokenizer.lcut(normalize(text)) if t.strip() and len(t) > 1]

    def ask(self, question: str) -> tuple[str, list[int]]:
        tokens = self._tokens(question)
        if not tokens:
            return "unknown", []
        scores = self.retriever.get_scores(tokens)
        order = np.argsort(-scores)[:3]
        if scores[order[0]] < self.cutoff:
            return "unknown", []
        return "target", [self.numbers[i] for i in order if scores[i] > 0]
