"""督查通报 issues in the store, on SQLite and PostgreSQL: numbered per year, each reporting
what changed since the one before."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from bot.app.bulletins import issue_bulletin
from bot.domain.fields import FieldChange
from bot.render.bulletin import date_line, render_bulletin_txt
from bot.store.ledger_changes import apply_changes
from bot.store.ledger_store import read_ledger
from bot.store.models import BulletinIssue

SHANGHAI = ZoneInfo("Asia/Shanghai")
AS_OF = dt.date(2020, 12, 1)


def at(day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(2020, 12, day, hour, 0, tzinfo=SHANGHAI)


def change(engine, number: int, text: str, now: dt.datetime) -> None:
    apply_changes(engine, [FieldChange(number, "progress_text", text)], actor="tg:9", now=now)


def issue(engine, now: dt.datetime, **kw):
    with Session(engine) as session:
        ledger = read_ledger(session)
    return issue_bulletin(engine, ledger, as_of=AS_OF, tz=SHANGHAI, actor="tg:42", now=now, **kw)


def test_each_bulletin_reports_what_changed_since_the_one_before(engine):
    change(engine, 12, "十一月进展。", at(1))
    first = issue(engine, at(2))
    assert first.number == 1
    # the year's first looks back a week from the day it is written (12-02), not from its
    # data's day (as_of 12-01), which a closed year's bulletin puts years back
    assert first.since == dt.date(2020, 11, 25)
    assert [c.startswith("第12项") for c in first.changes] == [True]

    change(engine, 30, "已验收。", at(5))
    second = issue(engine, at(9))
    assert second.number == 2
    assert second.since == dt.date(2020, 12, 2)  # the day the first was issued
    assert [c[:4] for c in second.changes] == ["第30项"]  # 12 was in the first already
    assert date_line(second).startswith("第2期（数据截至")
    assert "\n第2期（数据截至" in render_bulletin_txt(second, "西平县督查局")


def test_issuing_again_the_same_day_rewrites_that_days_issue(engine):
    issue(engine, at(2))
    change(engine, 12, "补充。", at(3, 8))
    morning = issue(engine, at(3, 9))
    evening = issue(engine, at(3, 18))
    assert (morning.number, evening.number) == (2, 2)
    assert evening.since == morning.since == dt.date(2020, 12, 2)
    with Session(engine) as session:
        rows = session.exec(select(BulletinIssue).order_by(BulletinIssue.number)).all()
    assert [(r.number, r.issued_on) for r in rows] == [
        (1, dt.date(2020, 12, 2)),
        (2, dt.date(2020, 12, 3)),
    ]
    assert rows[1].issued_at == at(3, 18) and rows[1].issued_by == "tg:42"


def test_an_explicit_since_sets_the_period(engine):
    change(engine, 12, "十月。", at(1))
    issue(engine, at(2))
    again = issue(engine, at(9), since=dt.date(2020, 11, 1))
    assert again.number == 2 and again.since == dt.date(2020, 11, 1)
    assert [c[:4] for c in again.changes] == ["第12项"]


def test_a_change_undone_is_no_progress_to_report(engine):
    from bot.store.ledger_changes import undo_last

    change(engine, 12, "误填。", at(1))
    undo_last(engine, actor="tg:9")
    change(engine, 30, "已验收。", at(1, 10))
    change(engine, 30, "已验收并交付。", at(1, 11))
    bulletin = issue(engine, at(2))
    assert bulletin.changes == ("第30项 新建停车位（2处更新）",)  # 12's pair cancels out
