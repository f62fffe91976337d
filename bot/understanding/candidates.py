"""What a match says about one target: its score as readable parts (`Reason`s) and how
much of the question it explains."""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter
from typing import NamedTuple

from bot.understanding.text import pinyin_key


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


def holds_own_figure(candidates: list[Candidate]) -> bool:
    """The leading candidate alone, of those scored, holds a figure the question writes: a
    figure one target holds names it as its own phrase does ("39项" of 确定事项39项). Not a
    share: "不到50%的" sets a threshold, whoever holds 50%."""
    if not candidates:
        return False
    figures = {
        r.text for r in candidates[0].reasons if r.kind == "figure" and not r.text.endswith("%")
    }
    if not figures:
        return False
    for other in candidates[1:]:
        figures.difference_update(r.text for r in other.reasons if r.kind == "figure")
    return bool(figures)


def sort_best_first(candidates: list[Candidate]) -> None:
    """Sort by score, best first, then by number: as by the key (-score, number), in two
    stable sorts by an attribute (no call of Python per candidate for its key)."""
    candidates.sort(key=_NUMBER)
    candidates.sort(key=_SCORE, reverse=True)


_NUMBER, _SCORE = attrgetter("number"), attrgetter("score")


def to_front(candidates: list[Candidate], n: int) -> list[Candidate]:
    """The candidates with the `n`-th moved first, the others in their order."""
    return [candidates[n], *candidates[:n], *candidates[n + 1 :]]


def only_heard_in(found: Candidate, said) -> bool:
    """Every reason of `found` is a homophone of what the question says for something else
    (`said`: matches; 滞后 heard as a target's 之后 in "有没有滞后的"): no name of the target."""
    keys = [f" {' '.join(pinyin_key(m.group()))} " for m in said]
    return bool(found.reasons and keys) and all(
        r.kind == "pinyin" and any(f" {' '.join(pinyin_key(r.text))} " in k for k in keys)
        for r in found.reasons
    )


def named_by_own_words(candidate: Candidate, postings, confident: bool) -> bool:
    """Whether a candidate is named by a name or word of its own (a phrase, the lexicon's, a
    homophone or a figure) and answered confidently, or by a word of its title no other
    target writes (海塘 of 提标加固海塘; none when `postings` is None); not only by bigrams
    every target may write (完成)."""
    own = ("phrase", "lexicon", "pinyin", "figure") if confident else ()
    alone = [r.text for r in candidate.reasons if r.kind == "bm25" and r.text in candidate.title]
    return any(r.kind in own for r in candidate.reasons) or (
        postings is not None and any(len(postings.get(t, ())) == 1 for t in alone)
    )
