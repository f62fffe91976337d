"""Questions the bot could not match, kept so admins can turn them into aliases."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.store.unmatched_row import UnmatchedRow
from bot.understanding.conversation import Answer

if TYPE_CHECKING:
    from bot.store.unmatched_log import UnmatchedLog


def unmatched_row(
    answer: Answer, asked_by: int | None = None, *, year: int | None = None
) -> UnmatchedRow | None:
    """The row to log for this answer, or None when it matched well or no alias could answer
    it (a greeting, an item number the ledger lacks); `year` is the current ledger year,
    which an answer from another year's ledger (`filter["year"]`) overrides."""
    weak = answer.intent == "target" and not answer.confident
    if (answer.intent != "unknown" and not weak) or not answer.alias_candidate:
        return None
    best = answer.candidates[0] if answer.candidates else None
    return UnmatchedRow(
        question=answer.question,
        best_target=best.number if best else None,
        best_score=float(best.score) if best else 0.0,
        asked_by=asked_by,
        year=answer.filter.get("year", year),
    )


def record_unmatched(
    log: UnmatchedLog, answer: Answer, asked_by: int | None = None, *, year: int | None = None
) -> None:
    """Queue the answer's question on `log` if it matched nothing or only weakly."""
    row = unmatched_row(answer, asked_by, year=year)
    if row is not None:
        log.record(row)
