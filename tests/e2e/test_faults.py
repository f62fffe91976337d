"""Faults around the running bot (real polling over HTTP against FakeBotApi).

- The Bot API fails for a while (HTTP 500, flood control, a request that times out, polls
  failing): the person is told "系统繁忙，请稍后再试。" where a reply was lost, and the bot keeps
  running and answers the next questions normally.
- The database is locked beyond the busy timeout (5 s) by another connection, or gone (its
  folder moved away): the person gets "系统繁忙，请稍后再试。", the error is logged with its cause,
  nothing is half-written, and the bot answers normally once the database is back.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import sqlite3
from pathlib import Path

from bot.app.services import open_engine
from tests.auxil.bot_harness import (
    ADMIN,
    BUSY_TEXT,
    actual,
    bot_config,
    running_bot,
    snapshot,
)

VIEWER = 77
LOAN_FIGURE = "新增贷款 24.43亿元 / 目标14亿元（174.5%）"
QUESTION = "新增贷款完成了吗"


def logged_errors(caplog) -> list[logging.LogRecord]:
    return [
        r
        for r in caplog.records
        if r.name == "bot.adapters.telegram" and r.levelno >= logging.ERROR and r.exc_info
    ]


async def test_bot_api_failures_for_a_while(config, engine, fake, caplog, monkeypatch):
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        assert (await bot.say(ADMIN, ADMIN, f"/grant {VIEWER}")).text.startswith("已授予")

        # HTTP 500 for the reply and for the busy notice too: logged, nothing else breaks
        fake.fail_next("sendMessage", "500", count=2)
        reply = await bot.say(VIEWER, VIEWER, QUESTION)
        assert [c.fault for c in reply.failed] == ["500", "500"] and reply.sent == []
        assert LOAN_FIGURE in (await bot.say(VIEWER, VIEWER, QUESTION)).text

        # flood control without the rate limiter: the person is told to try again later
        fake.fail_next("sendMessage", "retry_after", retry_after=1)
        reply = await bot.say(VIEWER, VIEWER, QUESTION)
        assert [c.fault for c in reply.failed] == ["retry_after"]
        assert reply.texts == [BUSY_TEXT]

        # button answers fail too
        answer = await bot.say(VIEWER, VIEWER, QUESTION)
        fake.fail_next("answerCallbackQuery", "500")
        press = await bot.press(VIEWER, VIEWER, answer.message_id, "detail:12")
        assert [c.fault for c in press.failed] == ["500"]
        assert press.texts == [BUSY_TEXT] and press.edits == []

        # getUpdates fails for a while: polling backs off and resumes, nothing is lost
        fake.fail_next("getUpdates", "500", count=2)
        fake.fail_next("getUpdates", "retry_after", retry_after=1)
        await asyncio.to_thread(
            fake.wait_for, lambda c: c.method == "getUpdates" and not c.ok, 15, count=3
        )
        faulted = [c.fault for c in fake.calls("getUpdates") if not c.ok]
        assert faulted == ["500", "500", "retry_after"]
        assert LOAN_FIGURE in (await bot.say(VIEWER, VIEWER, QUESTION)).text

        # a reply that times out (the fake answers after PTB's 5 s read timeout): the person
        # is told the system is busy; Telegram may still deliver the late reply
        fake.fail_next("sendMessage", "timeout", delay=5.5)
        reply = await bot.say(VIEWER, VIEWER, QUESTION)
        assert BUSY_TEXT in reply.texts

        # and afterwards everything works as before
        reply = await bot.say(VIEWER, VIEWER, QUESTION)
        assert LOAN_FIGURE in reply.text
        press = await bot.press(VIEWER, VIEWER, reply.message_id, "detail:12")
        assert len(press.edits) == 1 and len(press.answers) == 1 and press.failed == []
    kinds = [type(r.exc_info[1]).__name__ for r in logged_errors(caplog)]
    assert kinds == ["NetworkError", "RetryAfter", "NetworkError", "TimedOut"]


async def test_a_locked_database_gets_busy_and_recovers(config, engine, fake, caplog):
    db_path = config.database_url.split("///", 1)[1]
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        assert (await bot.say(ADMIN, ADMIN, f"/grant {VIEWER}")).text.startswith("已授予")
        before = snapshot(engine)
        holder = sqlite3.connect(db_path, isolation_level=None, timeout=0)
        try:
            holder.execute("BEGIN EXCLUSIVE")
            holder.execute("UPDATE indicator SET remark = remark WHERE id = 1")
            # a write waits out busy_timeout (5 s), then the person is told the system is busy
            reply = await bot.say(ADMIN, ADMIN, "/set 12 新增贷款 30亿元")
            assert reply.texts == [BUSY_TEXT]
            # (reads wait too: every transaction starts with BEGIN IMMEDIATE; not re-tested
            # here, to pay the 5 s busy timeout only once)
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        errors = logged_errors(caplog)
        assert errors and "database is locked" in str(errors[-1].exc_info[1])
        assert snapshot(engine) == before

        # once the lock is gone the same command works end to end
        proposal = await bot.say(ADMIN, ADMIN, "/set 12 新增贷款 30亿元")
        assert proposal.text.startswith("请确认以下修改")
        confirm = proposal.sent[0]["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
        press = await bot.press(ADMIN, ADMIN, proposal.message_id, confirm)
        assert bot.shown(ADMIN, proposal.message_id).startswith("✅ 已修改")
        assert press.failed == []
    assert actual(engine, 12, "新增贷款") == "30"


async def test_a_database_that_is_gone_gets_busy_and_recovers(config, fake, tmp_path, caplog):
    folder = tmp_path / "data"
    db_path = folder / "ledger.db"
    config = dataclasses.replace(config, database_url=f"sqlite:///{db_path}")
    engine = open_engine(config)
    try:
        async with running_bot(bot_config(config, fake), engine, fake) as bot:
            assert (await bot.say(ADMIN, ADMIN, f"/grant {VIEWER}")).text.startswith("已授予")
            away = tmp_path / "moved-away"
            folder.rename(away)
            # pooled connections still hold the old file open; new ones find nothing
            engine.dispose()
            reply = await bot.say(VIEWER, VIEWER, QUESTION)
            assert reply.texts == [BUSY_TEXT]
            reply = await bot.say(ADMIN, ADMIN, "/set 12 新增贷款 30亿元")
            assert reply.texts == [BUSY_TEXT]
            assert not Path(folder).exists(), "the bot must not recreate an empty database"
            errors = logged_errors(caplog)
            assert errors and "unable to open database file" in str(errors[-1].exc_info[1])

            away.rename(folder)
            engine.dispose()
            assert LOAN_FIGURE in (await bot.say(VIEWER, VIEWER, QUESTION)).text
            reply = await bot.say(ADMIN, ADMIN, "/set 12 新增贷款 30亿元")
            assert reply.text.startswith("请确认以下修改")
    finally:
        engine.dispose()
