"""What a match says about one target: its score as readable parts (`Reason`s) and how
much of the question it explains."""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter
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


def sort_best_first(candidates: list[Candidate]) -> None:
    """Sort by score, best first, then by number: as by the key (-score, number), in two
    stable sorts by an attribute (no call of Python per candidate for its key)."""
    candidates.sort(key=_NUMBER)
    candidates.sort(key=_SCORE, reverse=True)


_NUMBER, _SCORE = attrgetter("number"), attrgetter("score")
