"""Evidence and 销号 in the store, on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlmodel import Session, select

from bot.app.closing import ClosingRefused, close_target, reopen_target
from bot.app.reminder_notices import notices_on
from bot.domain.evidence import check_evidence
from bot.domain.reminder_policy import ReminderPolicy
from bot.domain.work_calendar import WorkCalendar
from bot.store.evidence_store import add_evidence, evidence_content, evidence_counts, list_evidence
from bot.store.ledger_changes import undo_last
from bot.store.ledger_store import read_ledger, read_target
from bot.store.models import AuditEntry, EvidenceBlob

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(64))
NOW = dt.datetime(2021, 1, 15, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
DONE_DAY = dt.date(2021, 1, 1)


def test_files_are_kept_once_and_listed_per_target(engine):
    first = add_evidence(engine, 30, check_evidence("验收.png", PNG), actor="tg:501", note="现场")
    again = add_evidence(engine, 12, check_evidence("同一张.png", PNG), actor="tg:42")
    with Session(engine) as session:
        assert len(session.exec(select(EvidenceBlob)).all()) == 1  # the same bytes, stored once
        [row] = list_evidence(session, 30)
        assert evidence_content(session, row.sha256) == PNG
        assert evidence_counts(session) == {12: 1, 30: 1}
    assert (row.id, row.name, row.type, row.size, row.note) == (
        first.id,
        "验收.png",
        "png",
        72,
        "现场",
    )
    assert row.year == 2020 and row.added_by == "tg:501" and row.added_at.tzinfo is not None
    assert again.target_number == 12


def test_evidence_for_a_target_that_does_not_exist_is_refused(engine):
    from bot.store.ledger_store import StoreError

    with pytest.raises(StoreError, match="第99项目标不存在"):
        add_evidence(engine, 99, check_evidence("x.png", PNG), actor="cli")


def test_closing_needs_done_and_evidence_unless_forced(engine):
    with pytest.raises(ClosingRefused, match="还没有佐证材料"):
        close_target(engine, 30, "已完工", actor="tg:42", now=NOW, status_day=DONE_DAY)
    add_evidence(engine, 30, check_evidence("验收.png", PNG), actor="tg:501")
    closure = close_target(engine, 30, "已完工", actor="tg:42", now=NOW, status_day=DONE_DAY)
    assert closure.label == "已销号（2021-01-15）"
    with Session(engine) as session:
        assert read_target(session, 30).closed == closure
    with pytest.raises(ClosingRefused, match="已销号"):
        close_target(engine, 30, "再来", actor="tg:42", now=NOW, status_day=DONE_DAY)
    with pytest.raises(ClosingRefused, match="状态为“未完成”"):
        close_target(engine, 16, "想销号", actor="tg:42", now=NOW, status_day=DONE_DAY)
    forced = close_target(
        engine, 16, "上级同意调整", actor="tg:42", now=NOW, status_day=DONE_DAY, forced=True
    )
    assert forced.forced and forced.reason == "上级同意调整"


def test_closing_is_audited_and_undone_like_any_change(engine):
    add_evidence(engine, 30, check_evidence("验收.png", PNG), actor="tg:501")
    close_target(engine, 30, "已完工", actor="tg:42", now=NOW, status_day=DONE_DAY)
    with Session(engine) as session:
        [entry] = session.exec(select(AuditEntry).where(AuditEntry.field_name == "closed")).all()
        assert entry.old_value == "" and '"reason": "已完工"' in entry.new_value
        assert entry.reason == "已完工" and entry.actor == "tg:42"
    undo_last(engine, actor="tg:42")
    with Session(engine) as session:
        assert read_target(session, 30).closed is None


def test_reopening_needs_a_closed_target(engine):
    with pytest.raises(ClosingRefused, match="没有销号"):
        reopen_target(engine, 30, "复核", actor="tg:42")
    close_target(engine, 16, "调整", actor="tg:42", now=NOW, status_day=DONE_DAY, forced=True)
    assert reopen_target(engine, 16, "复核发现有误", actor="tg:42").reason == "调整"
    with Session(engine) as session:
        assert read_target(session, 16).closed is None


def test_a_closed_target_leaves_the_reminders(engine):
    day = dt.date(2020, 12, 24)  # 7 days before 16's deadline: it is reminded
    subscriptions = {"县自然资源局": [-100]}

    def reminded() -> set[int]:
        with Session(engine) as session:
            ledger = read_ledger(session)
        found = notices_on(
            day, ledger, subscriptions=subscriptions, digest_chats=[],
            policy=ReminderPolicy(), calendar=WorkCalendar(),
        )  # fmt: skip
        return {n.target for n in found}

    assert 16 in reminded()
    close_target(engine, 16, "调整", actor="tg:42", now=NOW, status_day=day, forced=True)
    assert 16 not in reminded()


def test_reimporting_the_ledger_keeps_a_closing(engine, ledger_2020):
    from bot.store.ledger_import import load_ledger

    close_target(engine, 16, "调整", actor="tg:42", now=NOW, status_day=DONE_DAY, forced=True)
    with Session(engine) as session:
        closed = read_target(session, 16).closed
    assert closed is not None and closed.reason == "调整"
    load_ledger(engine, dataclasses.replace(ledger_2020), source="again.toml")
    with Session(engine) as session:
        assert read_target(session, 16).closed == closed  # the same closing, not just one
