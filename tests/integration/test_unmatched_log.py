"""The unmatched-question log is written off the asker's path, and never lost on the way."""

import sqlite3

import pytest
from sqlmodel import Session, select

from bot.app.unmatched import record_unmatched
from bot.store.models import UnmatchedQuestion
from bot.store.unmatched_log import UnmatchedLog
from bot.understanding.conversation import Answer


def unknown(question: str) -> Answer:
    return Answer(question, "unknown", (), "抱歉", confident=False)


def stored(engine) -> list[str]:
    with Session(engine) as session:
        return [row.question for row in session.exec(select(UnmatchedQuestion))]


def test_recording_does_not_wait_for_a_locked_database(engine, config):
    # Another writer holds the database: a synchronous log would wait for it, then fail.
    path = config.database_url.removeprefix("sqlite:///")
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    log = UnmatchedLog(engine)
    try:
        record_unmatched(log, unknown("生猪存栏多少头"), asked_by=42)
        record_unmatched(
            log, unknown("小麦收了多少斤")
        )  # returned: the asker did not wait for the lock
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    log.flush()
    assert stored(engine) == ["生猪存栏多少头", "小麦收了多少斤"]


def test_well_matched_answers_are_not_logged(engine):
    log = UnmatchedLog(engine)
    record_unmatched(log, Answer("新增贷款完成了吗", "target", (12,), "…"))
    record_unmatched(log, Answer("哪些没完成", "list", (16,), "…"))
    log.flush()
    assert stored(engine) == []


def test_a_failed_write_is_dropped_not_raised(engine):
    log = UnmatchedLog(engine)
    engine.dispose()
    record_unmatched(
        log, unknown("x" * 600)
    )  # longer than the column: truncated to 500, still written
    log.flush()
    assert stored(engine) == ["x" * 500]


def test_an_answer_passed_for_a_row_is_refused_on_the_callers_thread(engine):
    # On the writer's thread the mistake would only be logged, and every question lost.
    log = UnmatchedLog(engine)
    with pytest.raises(TypeError, match="UnmatchedRow"):
        log.record(unknown("明天天气怎么样"))
    log.flush()
    assert stored(engine) == []
