"""The rows a question's candidates are built for: those of the leading first-pass scores,
picked the same way whatever the ledger's size and whatever the CPU (bot.understanding.scoring),
and their candidates, built best bound first until no row left can lead."""

from __future__ import annotations

import heapq
from itertools import compress, repeat
from operator import eq, gt

import numpy as np

from bot.understanding.candidates import Candidate


def leading_rows(scores: list[float], k: int) -> set[int]:
    """The rows of the `k` best positive sums; a tie at the k-th place goes to the rows first
    in the ledger. Every pass over the rows runs in C (filter, map, compress): a question's
    few dozen rows cost no Python loop."""
    # A sum is never negative (every part is), so the positive ones are the true ones.
    values = sorted(filter(None, scores), reverse=True)
    if len(values) <= k:
        return set(compress(range(len(scores)), scores))
    cut = values[k - 1]
    above = list(compress(range(len(scores)), map(gt, scores, repeat(cut))))
    tied = compress(range(len(scores)), map(eq, scores, repeat(cut)))
    return set(above).union(list(tied)[: k - len(above)])


def ordered_leaders(scores: np.ndarray, positive: np.ndarray, k: int) -> set[int]:
    """The rows of the `k` best scores among more than `k` positive ones (`positive` in ledger
    order); a tie at the k-th place goes to the rows first in the ledger. Not left to
    `np.argpartition`: its SIMD select breaks ties differently per CPU (bench/MEASUREMENTS.md),
    and partitioning only the positive rows spares a big ledger a pass over all of them."""
    values = scores[positive]
    m = len(values)
    kth = np.partition(values, m - k)[m - k]
    above = positive[values > kth]
    tied = positive[values == kth][: k - len(above)]
    return set(above.tolist()).union(tied.tolist())


class LeadingCandidates:
    """`_leading` of `IndexScoring` (bot.understanding.scoring): reads its rows' numbers,
    fuzzy caps and bounds, and builds candidates with its `_candidate`."""

    # Up to this many leading rows wanted, a row's fuzzy bound is worked out only when its
    # loose bound comes first (`_leading`): with more, most rows need it anyway and the
    # eager pass is cheaper (callgrind, h11-speed22).
    LAZY_BOUNDS_UP_TO = 1

    def _leading(self, rows, scores, query, phrase_hits, avgdl: float, limit: int):
        """Candidates for `rows`, best bound first, until no row left can reach the leading
        `limit`: a row's full score is at most its first-pass score plus the most a fuzzy
        phrase can add, its lexicon phrases counted once more per question word (a reading
        may reuse one), and the rounding of each reason. Only the phrases whose characters
        pass `_fuzzy_reason`'s first test count: the others never add anything.

        A row's fuzzy part is first bounded by its largest phrase cap (kept per target) and
        worked out only when that loose bound comes first: with one leading row wanted, most
        rows are never built and never need it. The rows are built in the same order, by
        the same bounds, as if every bound were worked out first."""
        readings = len(query.readings)
        fuzzy_applies = query.long_enough
        numbers, tokens, caps = self.numbers, len(query.tokens), self._fuzzy_caps
        lazy = limit <= self.LAZY_BOUNDS_UP_TO
        heap = []
        for row in rows:
            number = numbers[row]
            hits = phrase_hits.get(number, ())
            lexicon = sum([r.score for r, _ in hits if r.kind == "lexicon"]) if hits else 0
            rounding = 0.0005 * (tokens + len(hits) + 2)
            fuzzy, exact = 0.0, True
            if fuzzy_applies and lazy:  # its largest cap: `_fuzzy_bound` never gives more
                known = caps.get(number)
                fuzzy = (known if known is not None else self._fuzzy_caps_of(number))[1]
                exact = not fuzzy  # no cap, no fuzzy part (`_fuzzy_bound` would give 0.0)
            elif fuzzy_applies:  # one test of all its phrases' characters spares most rows
                fuzzy = self._fuzzy_bound(number, query)
            bound = float(scores[row]) + fuzzy + readings * lexicon + rounding
            heap.append((-bound, -row, exact, readings * lexicon, rounding))
        heapq.heapify(heap)  # (bound, row) descending, as a sort of every exact bound would
        candidates: list[Candidate] = []
        leading: list[float] = []  # the best positive scores so far, at most `limit`, best first
        while heap:
            negative, negative_row, exact, lexicon, rounding = heap[0]
            if len(leading) == limit and -negative < leading[-1]:
                break  # this row and every one after it stays below the leading `limit`
            row = -negative_row
            if not exact:  # a loose bound: the exact one is no larger, and may go back lower
                fuzzy = self._fuzzy_bound(numbers[row], query)
                bound = float(scores[row]) + fuzzy + lexicon + rounding
                heapq.heapreplace(heap, (-bound, negative_row, True, lexicon, rounding))
                continue
            heapq.heappop(heap)
            candidate = self._candidate(row, query, phrase_hits, avgdl)
            candidates.append(candidate)
            if candidate.score > 0:
                leading = sorted([*leading, candidate.score], reverse=True)[:limit]
        return candidates
