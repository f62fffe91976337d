"""Pruning of saved list pages and unmatched questions by age and count, on SQLite and
PostgreSQL (the module's name puts it in POSTGRES_SUITES); the bot prunes at start-up and in
its daily job."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from sqlmodel import Session, select

from bot.app.services import build_answerer
from bot.chat.service import ChatService
from bot.chat.types import Sender
from bot.config import ConfigError, HousekeepingConfig, load_config
from bot.store.housekeeping import Pruned, prune
from bot.store.models import SavedList, UnmatchedQuestion, utc_now
from tests.auxil.bot_harness import TOKEN, bot_config, running_bot
from tests.auxil.fake_bot_api import FakeBotApi

NOW = dt.datetime(2021, 1, 15, 1, 0, tzinfo=dt.UTC)


def add_lists(engine, ages_in_days: list[float], *, now: dt.datetime = NOW) -> list[int]:
    with Session(engine, expire_on_commit=False) as session, session.begin():
        rows = [
            SavedList(
                title=f"清单{i}",
                numbers_json=json.dumps(list(range(1, 13))),
                created_at=now - dt.timedelta(days=age),
            )
            for i, age in enumerate(ages_in_days)
        ]
        session.add_all(rows)
    return [r.id for r in rows]


def add_questions(engine, count: int, *, age_in_days: float = 0, now: dt.datetime = NOW) -> None:
    with Session(engine) as session, session.begin():
        session.add_all(
            UnmatchedQuestion(question=f"问题{i}", at=now - dt.timedelta(days=age_in_days))
            for i in range(count)
        )


def ids(engine, model) -> list[int]:
    with Session(engine) as session:
        return list(session.exec(select(model.id).order_by(model.id)))


def test_saved_lists_older_than_the_limit_are_pruned(engine):
    old, _, new = add_lists(engine, [8, 6.9, 0])
    pruned = prune(engine, HousekeepingConfig(saved_list_days=7), now=NOW)
    assert pruned == Pruned(saved_lists=1, unmatched=0)
    assert old not in ids(engine, SavedList) and new in ids(engine, SavedList)


def test_beyond_the_count_only_the_newest_are_kept(engine):
    kept = add_lists(engine, [1, 1, 1, 1, 1])[-2:]
    add_questions(engine, 12)
    settings = HousekeepingConfig(saved_list_max=2, unmatched_max=5)
    assert prune(engine, settings, now=NOW) == Pruned(saved_lists=3, unmatched=7)
    assert ids(engine, SavedList) == kept
    with Session(engine) as session:
        questions = session.exec(select(UnmatchedQuestion.question).order_by(UnmatchedQuestion.id))
        assert list(questions) == [f"问题{i}" for i in range(7, 12)]
    assert prune(engine, settings, now=NOW) == Pruned()


def test_old_unmatched_questions_are_pruned_by_age(engine):
    add_questions(engine, 3, age_in_days=400)
    add_questions(engine, 2, age_in_days=10)
    assert prune(engine, HousekeepingConfig(), now=NOW).unmatched == 3
    assert len(ids(engine, UnmatchedQuestion)) == 2


def test_a_zero_limit_keeps_everything(engine):
    add_lists(engine, [3000, 1])
    add_questions(engine, 4, age_in_days=3000)
    off = HousekeepingConfig(
        saved_list_days=0, saved_list_max=0, unmatched_days=0, unmatched_max=0
    )
    assert prune(engine, off, now=NOW) == Pruned()
    assert len(ids(engine, SavedList)) == 2 and len(ids(engine, UnmatchedQuestion)) == 4


def test_a_pruned_lists_page_buttons_say_it_expired(config, engine):
    service = ChatService(engine, config, build_answerer(engine, config))
    viewer = Sender(7, 7, actor="tg:7", fixed_role="viewer")
    [reply] = service.command(viewer, "list", "")
    next_page = reply.buttons[0][-1].data
    assert next_page.startswith("page:")
    [turned] = service.button(viewer, next_page)
    assert turned.text.startswith("全部目标（第2/")
    prune(engine, HousekeepingConfig(saved_list_days=7), now=utc_now() + dt.timedelta(days=8))
    [expired] = service.button(viewer, next_page)
    assert expired.toast == "列表已过期，请重新查询"


async def test_the_bot_prunes_at_start_up_and_in_its_daily_job(config, engine):
    old, new = add_lists(engine, [400, 0], now=utc_now())  # start-up prunes by the real clock
    add_questions(engine, 3, age_in_days=3000, now=utc_now())
    settings = dataclasses.replace(config.housekeeping, saved_list_days=7)
    config = dataclasses.replace(config, housekeeping=settings)
    with FakeBotApi(TOKEN) as fake:
        async with running_bot(bot_config(config, fake), engine, fake) as bot:
            assert ids(engine, SavedList) == [new]
            assert ids(engine, UnmatchedQuestion) == []
            # a day later: the daily job prunes what has aged meanwhile
            add_lists(engine, [8], now=utc_now())
            [daily] = bot.app.job_queue.get_jobs_by_name("reminders:daily")
            await daily.run(bot.app)
            assert ids(engine, SavedList) == [new]
    assert fake.server_errors == []


def test_housekeeping_limits_come_from_the_config(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(
        "[housekeeping]\nsaved_list_days = 3\nunmatched_max = 100\n",
        encoding="utf-8",
    )
    settings = load_config(path, environ={}).housekeeping
    assert (settings.saved_list_days, settings.unmatched_max) == (3, 100)
    assert (settings.saved_list_max, settings.unmatched_days) == (10000, 365)
    path.write_text("[housekeeping]\nunmatched_max = -1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\[housekeeping\] unmatched_max 应为 0 或更大的整数"):
        load_config(path, environ={})
