"""PostgreSQL-specific checks: timestamptz round trips, 52-bit Telegram ids, the outbox key
across two processes' engines, and DATABASE_URL choosing PostgreSQL."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text
from sqlmodel import Session, select

from bot.app.reminders import claim, migrate_chat
from bot.app.services import open_engine
from bot.config import load_config
from bot.domain.reminder_policy import Notice
from bot.store.database import create_schema, make_engine
from bot.store.ledger_store import is_empty
from bot.store.models import AuditEntry, Grant, OutboxEntry, UnmatchedQuestion

pytestmark = pytest.mark.postgres

BIG_USER = 2**52 + 12345  # Telegram user ids may need up to 52 bits
BIG_GROUP = -(10**12) - 987654321  # supergroup ids: -100xxxxxxxxxx


@pytest.fixture
def pg_engine(postgres_url):
    engine = make_engine(postgres_url)
    create_schema(engine)
    yield engine
    engine.dispose()


def test_timestamps_are_timestamptz_and_round_trip_aware(pg_engine):
    shanghai = dt.datetime(2020, 12, 31, 23, 59, 30, 123456, tzinfo=ZoneInfo("Asia/Shanghai"))
    with Session(pg_engine) as session, session.begin():
        session.add(AuditEntry(change_id="c", at=shanghai, actor="a", field_name="f"))
    with Session(pg_engine) as session:
        at = session.exec(select(AuditEntry.at)).one()
    assert at == shanghai and at.utcoffset() == dt.timedelta(0)
    assert at.tzinfo is dt.UTC
    with pg_engine.connect() as connection:
        kind = connection.execute(
            text(
                "SELECT data_type FROM information_schema.columns WHERE table_schema ="
                " current_schema() AND table_name = 'auditentry' AND column_name = 'at'"
            )
        ).scalar_one()
        # Stored as the instant: a session in another time zone reads the same moment.
        connection.execute(text("SET TIME ZONE 'America/New_York'"))
        raw = connection.execute(text("SELECT at FROM auditentry")).scalar_one()
    assert kind == "timestamp with time zone"
    assert raw == shanghai


def test_naive_datetimes_are_refused(pg_engine):
    with pytest.raises(Exception, match="naive datetime refused"):  # noqa: PT011
        with Session(pg_engine) as session, session.begin():
            session.add(
                AuditEntry(change_id="c", at=dt.datetime(2020, 1, 1), actor="a", field_name="f")  # noqa: DTZ001
            )


def test_52_bit_ids_in_grants_outbox_and_questions(pg_engine):
    with Session(pg_engine) as session, session.begin():
        session.add(Grant(subject_id=BIG_USER, granted_by=BIG_USER + 1))
        session.add(Grant(subject_id=BIG_GROUP, granted_by=BIG_USER))
        session.add(UnmatchedQuestion(question="?", asked_by=BIG_USER))
    notice = Notice("digest", 0, None, "", dt.date(2020, 12, 28), BIG_GROUP, "", "周报")
    assert claim(pg_engine, notice, worker="w") is not None
    migrate_chat(pg_engine, BIG_GROUP, BIG_GROUP - 1)
    with Session(pg_engine) as session:
        grants = session.exec(select(Grant.subject_id, Grant.granted_by).order_by(Grant.id))
        assert list(grants) == [(BIG_USER, BIG_USER + 1), (BIG_GROUP - 1, BIG_USER)]
        assert session.exec(select(OutboxEntry.chat_key)).one() == BIG_GROUP - 1
        assert session.exec(select(UnmatchedQuestion.asked_by)).one() == BIG_USER


def test_the_outbox_key_refuses_a_second_claim_from_another_engine(pg_engine, postgres_url):
    other = make_engine(postgres_url)  # a second process, with its own connection pool
    notice = Notice(
        "due", 6, dt.date(2020, 12, 31), "年底前", dt.date(2020, 12, 31), -100123, "县某局", "提醒"
    )
    try:
        first = claim(pg_engine, notice, worker="a")
        second = claim(other, notice, worker="b")
        again = claim(pg_engine, notice, worker="a")
    finally:
        other.dispose()
    assert first is not None and second is None and again is None
    with Session(pg_engine) as session:
        rows = session.exec(select(OutboxEntry)).all()
    assert [(r.claimed_by, r.state) for r in rows] == [("a", "sending")]


def test_database_url_in_the_environment_picks_postgresql(tmp_path, postgres_url):
    config_file = tmp_path / "config.toml"
    config_file.write_text(
        f'[database]\nurl = "sqlite:///{tmp_path / "unused.db"}"\n', encoding="utf-8"
    )
    config = load_config(config_file, environ={"DATABASE_URL": postgres_url})
    assert config.database_url == postgres_url
    engine = open_engine(config)
    try:
        assert engine.dialect.name == "postgresql"
        assert not is_empty(engine)  # migrated and seeded from the default ledger
    finally:
        engine.dispose()
    assert not (tmp_path / "unused.db").exists()
