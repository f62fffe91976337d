"""Questions that found no target (or only weakly), kept for admins to turn into aliases."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from bot.domain.ledger import strip_control_characters
from bot.store.models import UnmatchedQuestion
from bot.store.unmatched_row import UnmatchedRow
from bot.store.uow import UnitOfWork


def log_unmatched(
    engine: Engine,
    question: str,
    *,
    best_target: int | None,
    best_score: float,
    asked_by: int | None = None,
    year: int | None = None,
) -> None:
    """Record one question that matched nothing or only weakly, for admins to turn into aliases."""
    log_unmatched_many(engine, [UnmatchedRow(question, best_target, best_score, asked_by, year)])


def log_unmatched_many(engine: Engine, rows: list[UnmatchedRow]) -> None:
    """Record several unmatched questions in one transaction (one disk sync).

    Questions are stored without control characters (PostgreSQL refuses a NUL in text).
    """
    if not rows:
        return
    with UnitOfWork(engine) as uow:
        uow.session.add_all(
            UnmatchedQuestion(
                question=strip_control_characters(row.question)[:500],
                best_target=row.best_target,
                best_score=row.best_score,
                asked_by=row.asked_by,
                year=row.year,
            )
            for row in rows
        )


def resolve_answered_by(session: Session, year: int, aliases: tuple[str, ...]) -> None:
    """Mark resolved every open unmatched question of `year` that an alias now answers as
    written (the alias a "设为别名" button proposed, once it is confirmed)."""
    words = {a.strip().casefold() for a in aliases}
    open_rows = select(UnmatchedQuestion).where(
        UnmatchedQuestion.resolved == False,  # noqa: E712
        (UnmatchedQuestion.year == year) | (UnmatchedQuestion.year == None),  # noqa: E711
    )
    for row in session.exec(open_rows):
        if row.question.strip().casefold() in words:
            row.resolved = True
            session.add(row)


def list_unmatched(session: Session, limit: int = 20) -> list:
    """Open unmatched questions, newest first."""
    query = (
        select(UnmatchedQuestion)
        .where(UnmatchedQuestion.resolved == False)  # noqa: E712
        .order_by(col(UnmatchedQuestion.id).desc())
        .limit(limit)
    )
    return list(session.exec(query))
