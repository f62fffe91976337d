"""The leading rows of a big ledger's first pass, picked by partitioning its positive rows,
are the rows `np.argpartition` over all of them picks whenever there is no tie to break."""

import numpy as np

from bot.understanding.leaders import clear_leaders


def _argpartition_rows(scores: np.ndarray, k: int) -> set[int]:
    top = np.argpartition(-scores, k - 1)[:k]
    return {int(r) for r in top if scores[r] > 0}


def test_clear_leaders_are_argpartitions_rows_without_a_tie():
    rng = np.random.default_rng(7)
    for _ in range(300):
        scores = np.zeros(2_000)
        hit = rng.choice(2_000, int(rng.integers(9, 400)), replace=False)
        scores[hit] = rng.random(len(hit)) * 10
        positive = np.flatnonzero(scores > 0)
        rows = clear_leaders(scores, positive, 8)
        assert rows == _argpartition_rows(scores, 8)
        assert all(type(r) is int for r in rows)


def test_a_tie_at_the_kth_place_is_left_to_argpartition():
    scores = np.zeros(100)
    scores[[3, 10, 20, 30, 40, 50, 60, 70, 80]] = [9, 8, 7, 6, 5, 4, 3, 2, 2]
    assert clear_leaders(scores, np.flatnonzero(scores > 0), 8) is None
    # A tie above the k-th place picks no row differently.
    scores[80] = 1
    scores[[10, 20]] = 8
    assert clear_leaders(scores, np.flatnonzero(scores > 0), 8) == {3, 10, 20, 30, 40, 50, 60, 70}
