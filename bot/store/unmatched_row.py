"""One question to log as unmatched: a plain record, importable without the store, so that
a front end builds rows before (or without) opening the database (bot/store/unmatched.py
writes them)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class UnmatchedRow:
    question: str
    best_target: int | None
    best_score: float
    asked_by: int | None = None
    year: int | None = None  # the ledger year the question was answered in
