"""Who may use the bot: viewer grants (by user id or chat id), added and removed by admins.

Admins come from the config; viewers from the `Grant` table. Each change is one unit of work.
"""

from __future__ import annotations

from sqlmodel import Session, select

from bot.store.models import Grant
from bot.store.uow import UnitOfWork


def granted_ids(session: Session) -> frozenset[int]:
    """Every user or chat id holding viewer rights."""
    return frozenset(session.exec(select(Grant.subject_id)).all())


def grants(session: Session) -> list[Grant]:
    """The viewer grants, oldest first."""
    return list(session.exec(select(Grant).order_by(Grant.id)))


def grant(uow: UnitOfWork, subject: int, *, granted_by: int, note: str = "") -> bool:
    """Give `subject` viewer rights; False when it already had them (nothing changes)."""
    session = uow.session
    if session.exec(select(Grant).where(Grant.subject_id == subject)).first():
        return False
    session.add(Grant(subject_id=subject, granted_by=granted_by, note=note))
    return True


def revoke(uow: UnitOfWork, subject: int) -> bool:
    """Take viewer rights from `subject`; False when it had none."""
    session = uow.session
    row = session.exec(select(Grant).where(Grant.subject_id == subject)).first()
    if row is None:
        return False
    session.delete(row)
    return True
