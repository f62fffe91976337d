"""The rows a question's candidates are built for: those of the leading first-pass scores,
picked the same way whatever the ledger's size and whatever the CPU (bot.understanding.scoring)."""

from __future__ import annotations

from itertools import compress, repeat
from operator import eq, gt

import numpy as np


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
