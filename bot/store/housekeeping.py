"""Pruning of the tables that grow with use: saved list pages and the unmatched-question log.

Transport-free. The front ends call `prune` at start-up and once a day (`[housekeeping]` in the
config sets the limits). A pruned list's ◀ ▶ buttons answer "列表已过期，请重新查询".
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import Engine, delete, func
from sqlmodel import Session, col, select

from bot.config import HousekeepingConfig
from bot.store.models import SavedList, UnmatchedQuestion, utc_now
from bot.store.uow import UnitOfWork

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Pruned:
    saved_lists: int = 0
    unmatched: int = 0


def _prune(session: Session, model, stamp, *, days: int, keep: int, now: dt.datetime) -> int:
    """Delete rows older than `days` and beyond the newest `keep` (ids grow with time)."""
    removed = 0
    if days:
        cutoff = now - dt.timedelta(days=days)
        removed += session.exec(delete(model).where(stamp < cutoff)).rowcount
    if keep:
        total = session.exec(select(func.count()).select_from(model)).one()
        if total > keep:
            newest_dropped = session.exec(
                select(model.id).order_by(col(model.id).desc()).offset(keep).limit(1)
            ).one()
            removed += session.exec(delete(model).where(model.id <= newest_dropped)).rowcount
    return removed


def prune(
    engine: Engine, settings: HousekeepingConfig, *, now: dt.datetime | None = None
) -> Pruned:
    """Delete saved lists and unmatched questions beyond the configured age and count."""
    now = now or utc_now()
    with UnitOfWork(engine) as uow:
        lists = _prune(
            uow.session,
            SavedList,
            SavedList.created_at,
            days=settings.saved_list_days,
            keep=settings.saved_list_max,
            now=now,
        )
        questions = _prune(
            uow.session,
            UnmatchedQuestion,
            UnmatchedQuestion.at,
            days=settings.unmatched_days,
            keep=settings.unmatched_max,
            now=now,
        )
    if lists or questions:
        logger.info("pruned %d saved lists and %d unmatched questions", lists, questions)
    return Pruned(saved_lists=lists, unmatched=questions)
