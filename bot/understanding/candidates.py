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


def candidate(
    number: int, title: str, score: float, reasons: tuple[Reason, ...], coverage: float
) -> Candidate:
    """`Candidate(...)`, the same object, without the frozen dataclass's `__init__` (one
    `object.__setattr__` call per field): a question builds several."""
    made = object.__new__(Candidate)
    fields = made.__dict__
    fields["number"], fields["title"], fields["score"] = number, title, score
    fields["reasons"], fields["coverage"] = reasons, coverage
    return made
