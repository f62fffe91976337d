"""Unmatched questions in the store, on SQLite and PostgreSQL."""

from __future__ import annotations

from bot.store.unmatched import UnmatchedRow, list_unmatched, log_unmatched_many
from bot.store.uow import reading


def test_a_batch_is_stored_without_control_characters_and_with_its_year(engine):
    # PostgreSQL refuses a NUL in text: one bad question must not lose the batch.
    log_unmatched_many(
        engine,
        [
            UnmatchedRow("今天\x00天气\x01怎么样", None, 0.0, 7, 2020),
            UnmatchedRow("放贷那块", 12, 1.5, 8, 2020),
        ],
    )
    with reading(engine) as session:
        rows = list_unmatched(session)
    assert [(r.question, r.best_target, r.asked_by, r.year) for r in rows] == [
        ("放贷那块", 12, 8, 2020),
        ("今天天气怎么样", None, 7, 2020),
    ]
