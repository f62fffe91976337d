"""佐证材料 in the database: attach a checked file to a year's target, list it, read it back."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine, func
from sqlmodel import Session, select

from bot.domain.evidence import EvidenceFile
from bot.store.ledger_store import StoreError, resolve_year
from bot.store.models import Evidence, EvidenceBlob, Target, utc_now
from bot.store.uow import UnitOfWork


@dataclass(frozen=True)
class EvidenceRow:
    id: int
    year: int
    target_number: int
    name: str
    type: str
    size: int
    sha256: str
    added_at: dt.datetime
    added_by: str
    note: str
    telegram_file_id: str
    report_id: int | None
    duplicate: bool = False  # the same bytes were already attached to this target: not added

    def as_json(self) -> dict:
        """The `evidence list --json` object."""
        return {
            "id": self.id,
            "name": self.name,
            "sha256": self.sha256,
            "size": self.size,
            "type": self.type,
            "added_at": self.added_at.isoformat(),
            "added_by": self.added_by,
            "note": self.note,
        }


def _row(e: Evidence) -> EvidenceRow:
    return EvidenceRow(
        e.id, e.year, e.target_number, e.name, e.type, e.size, e.sha256, e.added_at,
        e.added_by, e.note, e.telegram_file_id, e.report_id,
    )  # fmt: skip


def add_evidence(
    engine: Engine,
    number: int,
    file: EvidenceFile,
    *,
    actor: str,
    note: str = "",
    year: int | None = None,
    telegram_file_id: str = "",
    report_id: int | None = None,
) -> EvidenceRow:
    """Attach `file` to target `number` of `year` (default: the current year), in one
    transaction; identical bytes are stored once, and attached to a target once (the row
    returned then is the earlier one, `duplicate`)."""
    with UnitOfWork(engine) as uow:
        session = uow.session
        year = resolve_year(session, year)
        if session.get(Target, (year, number)) is None:
            raise StoreError(f"第{number}项目标不存在")
        # A photo sent twice (a retry, or again with a second report) is one piece of
        # evidence: the earlier row stands and the sender is told it was already received.
        same = session.exec(
            select(Evidence)
            .where(
                Evidence.year == year,
                Evidence.target_number == number,
                Evidence.sha256 == file.sha256,
            )
            .order_by(Evidence.id)
        ).first()
        if same is not None:
            return dataclasses.replace(_row(same), duplicate=True)
        if session.get(EvidenceBlob, file.sha256) is None:
            session.add(EvidenceBlob(sha256=file.sha256, content=file.content))
            session.flush()
        row = Evidence(
            year=year,
            target_number=number,
            name=file.name,
            type=file.type,
            size=file.size,
            sha256=file.sha256,
            added_at=utc_now(),
            added_by=actor,
            note=note,
            telegram_file_id=telegram_file_id,
            report_id=report_id,
        )
        session.add(row)
        session.flush()
        return _row(row)


def list_evidence(session: Session, number: int, *, year: int | None = None) -> list[EvidenceRow]:
    """The files attached to a target, oldest first."""
    year = resolve_year(session, year)
    query = (
        select(Evidence)
        .where(Evidence.year == year, Evidence.target_number == number)
        .order_by(Evidence.id)
    )
    return [_row(e) for e in session.exec(query)]


def evidence_counts(session: Session, *, year: int | None = None) -> dict[int, int]:
    """Target number -> how many files it has, for a year's ledger."""
    year = resolve_year(session, year)
    query = (
        select(Evidence.target_number, func.count())
        .where(Evidence.year == year)
        .group_by(Evidence.target_number)
    )
    return dict(session.exec(query).all())


def evidence_content(session: Session, sha256: str) -> bytes:
    blob = session.get(EvidenceBlob, sha256)
    if blob is None:
        raise StoreError(f"佐证材料的内容缺失（{sha256[:12]}）")
    return blob.content
