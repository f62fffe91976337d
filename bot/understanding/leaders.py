"""The rows a question's candidates are built for: those of the leading first-pass scores,
picked the same way whatever the ledger's size (bot.understanding.scoring)."""

from __future__ import annotations

from itertools import compress, repeat
from operator import ge

import numpy as np


def leading_rows(scores: list[float], k: int) -> set[int] | None:
    """The rows of the `k` best positive sums, or None when the k-th ties with the next
    (which of them leads is then left to numpy's partition, as for a big ledger). Every
    pass over the rows runs in C (filter, map, compress): a question's few dozen rows
    cost no Python loop."""
    # A sum is never negative (every part is), so the positive ones are the true ones.
    values = sorted(filter(None, scores), reverse=True)
    if len(values) <= k:
        return set(compress(range(len(scores)), scores))
    cut = values[k - 1]
    if values[k] == cut:
        return None
    # Exactly k rows reach the k-th value: the ones before it are at least as high.
    return set(compress(range(len(scores)), map(ge, scores, repeat(cut))))


def clear_leaders(scores: np.ndarray, positive: np.ndarray, k: int) -> set[int] | None:
    """The rows of the `k` best scores, of more than `k` positive ones, when the k-th is
    above the next: then no other `k` rows are the best, whichever way they are picked.
    None at a tie there, which is left to `np.argpartition` over every row. Partitioning the
    positive rows only spares a big ledger's question a pass over all of its rows."""
    values = scores[positive]
    m = len(values)
    parted = np.partition(values, (m - k - 1, m - k))
    kth = parted[m - k]
    if parted[m - k - 1] == kth:
        return None
    return set(positive[values >= kth].tolist())
