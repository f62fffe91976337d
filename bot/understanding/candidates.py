"""What a match says about one target: its score as readable parts (`Reason`s) and how
much of the question it explains."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


class Reason(NamedTuple):
    """One readable part of a candidate's score (a named tuple: many are made per question)."""

    kind: str  # bm25 | phrase | pinyin | fuzzy | lexicon | figure | gap | char
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
