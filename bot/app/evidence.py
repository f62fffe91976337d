"""佐证材料: attach a checked file to a target, find the report a file goes with, list files."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine
from sqlmodel import Session, select

from bot.domain.evidence import EvidenceFile
from bot.store.evidence_store import EvidenceRow, add_evidence, evidence_content, list_evidence
from bot.store.models import ProgressReport
from bot.store.uow import reading


def attach(
    engine: Engine,
    number: int,
    file: EvidenceFile,
    *,
    actor: str,
    year: int,
    note: str = "",
    telegram_file_id: str = "",
    report_id: int | None = None,
) -> tuple[EvidenceRow, int]:
    """Attach `file` to target `number` (one transaction); the row and the target's count."""
    row = add_evidence(
        engine, number, file, actor=actor, note=note, year=year,
        telegram_file_id=telegram_file_id, report_id=report_id,
    )  # fmt: skip
    with reading(engine) as session:
        return row, len(list_evidence(session, number, year=year))


def latest_report(
    session: Session, *, chat_id: int, reporter_id: int, year: int, since: dt.datetime
) -> ProgressReport | None:
    """The newest progress report this person filed from this chat since `since`."""
    return session.exec(
        select(ProgressReport)
        .where(
            ProgressReport.chat_id == chat_id,
            ProgressReport.reporter_id == reporter_id,
            ProgressReport.year == year,
            ProgressReport.created_at >= since,
        )
        .order_by(ProgressReport.id.desc())
    ).first()


def files_of(
    session: Session, number: int, *, year: int, limit: int
) -> tuple[list[EvidenceRow], list[bytes]]:
    """A target's evidence rows, and the contents of the first `limit` of them."""
    rows = list_evidence(session, number, year=year)
    return rows, [evidence_content(session, row.sha256) for row in rows[:limit]]
