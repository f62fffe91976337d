"""Issuing the 督查通报: number it per year, record it, and read what changed since the last
issue from the audit trail, in one transaction. The content itself is bot/render/bulletin.py."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from bot.domain.ledger import LedgerSpec
from bot.render.bulletin import Bulletin, build_bulletin
from bot.store.ledger_store import changes_by_target
from bot.store.models import BulletinIssue, utc_now
from bot.store.uow import UnitOfWork

if TYPE_CHECKING:
    from bot.domain.work_calendar import WorkCalendar

DEFAULT_PERIOD_DAYS = 7  # without --since, a bulletin covers the week before it


def issue_bulletin(
    engine: Engine,
    ledger: LedgerSpec,
    *,
    as_of: dt.date,
    tz: dt.tzinfo,
    actor: str,
    since: dt.date | None = None,
    now: dt.datetime | None = None,
    issued: dt.date | None = None,
    calendar: WorkCalendar | None = None,
) -> Bulletin:
    """Issue the next 督查通报 of the ledger's year and record it, in one transaction.

    Its changes run from the last issue's moment (or the start of `since`, or a week back for
    the year's first); a second issue on the same local day rewrites that day's issue, keeping
    its 期数 and its period, so previews never inflate the numbering. `issued` is the day it is
    written and signed, which numbers it and names its period (the config's pinned day in a
    demonstration), `now`'s local day by default; `now` is the machine's moment. The units'
    reply is due on a working day of `calendar` (the library's calendar when None).
    """
    now = now or utc_now()
    if calendar is None:
        from bot.domain.work_calendar import WorkCalendar  # chinesecalendar: only when issued

        calendar = WorkCalendar()
    try:
        return _issue(engine, ledger, as_of=as_of, tz=tz, actor=actor, since=since, now=now,
                      issued=issued, calendar=calendar)  # fmt: skip
    except IntegrityError:
        # Another process numbered the same issue a moment before: number after it.
        return _issue(engine, ledger, as_of=as_of, tz=tz, actor=actor, since=since, now=now,
                      issued=issued, calendar=calendar)  # fmt: skip


def _issue(engine, ledger, *, as_of, tz, actor, since, now, issued, calendar) -> Bulletin:
    # The day it is written numbers it (the config's pinned day in a demonstration); the
    # moments bound the changes counted, on the machine's clock, as audit entries are stamped.
    today = issued or now.astimezone(tz).date()
    with UnitOfWork(engine) as uow:
        session = uow.session
        last = session.exec(
            select(BulletinIssue)
            .where(BulletinIssue.year == ledger.year)
            .order_by(col(BulletinIssue.number).desc())
            .with_for_update()
        ).first()
        if last is not None and last.issued_on == today:
            row = last
        else:
            number = last.number + 1 if last is not None else 1
            start = last.issued_at if last is not None else None
            if start is None:  # the week before the day it is written, on a closed year too
                start = dt.datetime.combine(
                    today - dt.timedelta(days=DEFAULT_PERIOD_DAYS), dt.time(0), tzinfo=tz
                )
            row = BulletinIssue(
                year=ledger.year, number=number, since_at=start, as_of=as_of, issued_on=today
            )
        if since is not None:
            row.since_at = dt.datetime.combine(since, dt.time(0), tzinfo=tz)
        row.as_of, row.issued_at, row.issued_by = as_of, now, actor
        session.add(row)
        changed = {
            n: count
            for n, (count, _) in changes_by_target(session, ledger.year, row.since_at).items()
        }
        previous = session.exec(
            select(BulletinIssue).where(
                BulletinIssue.year == ledger.year, BulletinIssue.number == row.number - 1
            )
        ).first()
        # "X月X日以来" names the day the previous issue was written (a pinned day too).
        shown_since = row.since_at.astimezone(tz).date()
        if previous is not None and previous.issued_at == row.since_at:  # aware, any zone
            shown_since = previous.issued_on
    bulletin = build_bulletin(
        ledger,
        as_of=as_of,
        since=shown_since,
        changed=changed,
        issued=today,
        working_day=calendar.next_working_day,
    )
    return dataclasses.replace(bulletin, number=row.number)
