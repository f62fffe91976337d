"""The leading rows of a question's first pass: the rows `np.argpartition` would pick when
there is no tie to break, and at a tie the rows first in the ledger, on every CPU."""

import numpy as np

from bot.understanding.leaders import leading_rows, ordered_leaders


def _argpartition_rows(scores: np.ndarray, k: int) -> set[int]:
    top = np.argpartition(-scores, k - 1)[:k]
    return {int(r) for r in top if scores[r] > 0}


def test_ordered_leaders_are_argpartitions_rows_without_a_tie():
    rng = np.random.default_rng(7)
    for _ in range(300):
        scores = np.zeros(2_000)
        hit = rng.choice(2_000, int(rng.integers(9, 400)), replace=False)
        scores[hit] = rng.random(len(hit)) * 10
        positive = np.flatnonzero(scores > 0)
        rows = ordered_leaders(scores, positive, 8)
        assert rows == _argpartition_rows(scores, 8)
        assert all(type(r) is int for r in rows)
        assert leading_rows(scores.tolist(), 8) == rows


def test_a_tie_at_the_kth_place_goes_to_the_rows_first_in_the_ledger():
    scores = np.zeros(100)
    scores[[3, 10, 20, 30, 40, 50, 60, 70, 80, 90]] = [9, 8, 7, 6, 5, 4, 3, 2, 2, 2]
    expected = {3, 10, 20, 30, 40, 50, 60, 70}
    assert ordered_leaders(scores, np.flatnonzero(scores > 0), 8) == expected
    assert leading_rows(scores.tolist(), 8) == expected
    # Every row tied: the first eight of them.
    flat = np.zeros(50)
    flat[5:40] = 1.5
    assert ordered_leaders(flat, np.flatnonzero(flat > 0), 8) == set(range(5, 13))
    assert leading_rows(flat.tolist(), 8) == set(range(5, 13))


def test_fewer_positive_rows_than_k_are_all_leaders():
    scores = [0.0, 2.0, 0.0, 1.0]
    assert leading_rows(scores, 8) == {1, 3}
