"""What a `LedgerIndex` holds, declared once for the halves that read it (explaining,
phrase hits, scoring): compiled by mypyc, each attribute is then a typed slot, not a lookup."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from decimal import Decimal
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from bot.understanding.candidates import Reason
    from bot.understanding.lexicon import FieldLexicon
    from bot.understanding.matching import _Doc


class IndexState:
    """The attributes `LedgerIndex.__init__` sets (bot.understanding.matching says what each
    is), and the methods of one half that another half calls."""

    lexicon: FieldLexicon
    titles: dict[int, str]
    docs: dict[int, _Doc]
    position: dict[int, int]
    numbers: list[int]
    lengths: np.ndarray
    postings: dict[str, dict[int, float]]
    _arrays: dict[str, tuple[np.ndarray, np.ndarray]]
    phrases: dict[str, dict[int, str]]
    pinyin: dict[tuple[str, ...], set[str]]
    bigram_pinyin: dict[tuple[str, ...], set[str]]
    _starts: Counter[str]
    _pinyin_starts: Counter[tuple[str, ...]]
    _start_lengths: dict[str, Counter[int]]
    _pinyin_start_lengths: dict[tuple[str, ...], Counter[int]]
    _lengths_from: dict[object, tuple[int, ...]]
    _char_bits: dict[str, int]
    _bit_numbers: itertools.count[int]
    _alias_grams: dict[str, set[int]]
    char_df: Counter[str]
    char_docs: dict[str, set[int]]
    alias_df: Counter[str]
    own_aliases: int
    total_length: float
    _idfs: dict[str, float]
    _char_weights: dict[str, float]
    _phrase_weights: dict[str, float]
    _phrase_sharers: dict[str, int]
    _parts: dict[str, tuple]
    _lists: dict[str, tuple[list, list, list, list]]
    _bulk: tuple | None
    _norms: dict[int, float]
    _bm25_reasons: dict[str, dict[int, Reason]]
    _fuzzy_caps: dict[int, tuple[dict[str, float], float]]
    _gaps: dict[str, tuple]
    _slips: dict[str, tuple[str, ...]]
    _phrase_found: dict[tuple[str, str, str], list[tuple[int, Reason]]]
    _bigram_starts: dict[str, tuple[tuple[int, ...], tuple[int, ...]]]
    _key_holders: dict[str, frozenset[int]]
    units: Counter[str]
    _unit_pattern: re.Pattern[str] | None
    _lexicon_pattern: re.Pattern[str] | None
    _expansions: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]
    _word_tokens: dict[str, tuple[str, ...]]

    @property
    def count(self) -> int:
        raise NotImplementedError

    def idf(self, token: str) -> float:
        raise NotImplementedError

    def _char_weight(self, ch: str) -> float:
        raise NotImplementedError

    def _listed_parts(self, token: str, avgdl: float) -> tuple[list, list, list, list] | None:
        raise NotImplementedError

    def _work_out_parts(self) -> None:
        raise NotImplementedError

    def figures_in(self, text: str) -> list[tuple[Decimal, str, tuple[int, int]]]:
        raise NotImplementedError

    def _bits_of(self, text: str) -> int:
        raise NotImplementedError

    def _lengths(self, table: dict, start: object) -> tuple[int, ...]:
        raise NotImplementedError

    def lexicon_words(self, key: str) -> tuple[str, ...]:
        raise NotImplementedError
