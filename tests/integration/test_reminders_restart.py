"""Restart safety of the outbox with a fake clock: a process killed between claiming a notice
and marking it sent leaves a `sending` row; the next start-up's catch-up turns it `uncertain`
(reported by /outbox), never resends it, and sends everything else of the day exactly once.

The fake clock drives the outbox claim times (OutboxEntry.claimed_at); `now` is passed to
catch_up explicitly, as the bot does with config.now().
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import Session

from bot.app.reminders import (
    UNCERTAIN_AFTER,
    catch_up,
    dispatch,
    plan,
    run_day,
    subscribe,
    uncertain_entries,
)
from bot.chat.reminders import policy_of_config
from bot.domain.work_calendar import WorkCalendar
from bot.store.ledger_store import read_ledger
from bot.store.models import OutboxEntry
from tests.auxil.reminder_harness import (
    DyingSend,
    FakeClock,
    Killed,
    RecordingSend,
    duplicates,
    local,
    outbox,
)

DAY = dt.date(2020, 12, 24)  # Thursday: 7-day reminders for the 2020-12-31 deadlines
GROUPS = {"县自然资源局": -1001234567, "县农业农村局": -1001234568, "县财政局": -1001234569}
INTERRUPTED = "进程在发送途中中断，无法确认是否送达"


@pytest.fixture
def clock(monkeypatch):
    """Claim times come from a clock the test sets (09:05 on DAY to begin with)."""
    fake = FakeClock(local(DAY, 9, 5))
    monkeypatch.setattr(OutboxEntry.model_fields["claimed_at"], "default_factory", fake)
    return fake


@pytest.fixture
def setting(config, engine):
    for unit, chat in GROUPS.items():
        subscribe(engine, unit, chat)
    with Session(engine) as session:
        ledger = read_ledger(session)
    policy = policy_of_config(config)
    return ledger, policy, WorkCalendar(), config.tz


def todays(engine, setting) -> list:
    ledger, policy, calendar, tz = setting
    return [n for n in plan(engine, ledger, DAY, policy, calendar, tz) if n.chat_id is not None]


def killed_run(engine, setting):
    """The first process claims the first notice and dies inside the send call."""
    notices = todays(engine, setting)
    assert len(notices) >= 3
    dying = DyingSend(die_on=1)
    with pytest.raises(Killed):
        dispatch(engine, notices, dying, worker="first-process")
    assert dying.sent == []
    [row] = outbox(engine)
    assert (row.state, row.claimed_by) == ("sending", "first-process")
    return notices, row


def test_a_send_killed_midway_is_uncertain_after_restart_and_not_resent(engine, setting, clock):
    ledger, policy, calendar, _ = setting
    notices, row = killed_run(engine, setting)
    assert row.claimed_at == local(DAY, 9, 5)
    killed = notices[0]
    assert (row.target_number, row.chat_key) == (killed.target, killed.chat_id)

    # the restart, 3 minutes later: the claim is older than UNCERTAIN_AFTER
    restart = local(DAY, 9, 5) + dt.timedelta(minutes=3)
    assert restart - row.claimed_at > UNCERTAIN_AFTER
    clock.set(restart)
    after = RecordingSend("restarted")
    result = catch_up(engine, ledger, restart, after, policy=policy, calendar=calendar)

    rows = {r.id: r for r in outbox(engine)}
    assert (rows[row.id].state, rows[row.id].error) == ("uncertain", INTERRUPTED)
    assert rows[row.id].message_id is None
    assert (killed.chat_id, killed.text) not in after.sent
    others = [(n.chat_id, n.text) for n in notices[1:]]
    assert sorted(after.sent) == sorted(others) and duplicates(after) == {}
    assert (result.sent, result.skipped, result.uncertain, result.failed) == (len(others), 1, 0, 0)
    assert sorted(r.state for r in rows.values()) == ["sent"] * len(others) + ["uncertain"]
    with Session(engine) as session:
        assert [e.id for e in uncertain_entries(session)] == [row.id]

    # another restart later that day, and the daily job: nothing more goes out
    clock.set(local(DAY, 15, 0))
    again = RecordingSend("again")
    catch_up(engine, ledger, local(DAY, 15, 0), again, policy=policy, calendar=calendar)
    tz = setting[3]
    run_day(engine, ledger, DAY, again, policy=policy, calendar=calendar, tz=tz)
    assert again.sent == []
    assert [r.state for r in outbox(engine) if r.id == row.id] == ["uncertain"]


def test_a_row_claimed_moments_ago_is_left_to_the_process_sending_it(engine, setting, clock):
    """Within UNCERTAIN_AFTER the claim may belong to a live process: not marked, not resent."""
    ledger, policy, calendar, _ = setting
    notices, row = killed_run(engine, setting)
    soon = local(DAY, 9, 6)
    clock.set(soon)
    after = RecordingSend("restarted")
    result = catch_up(engine, ledger, soon, after, policy=policy, calendar=calendar)
    assert [r.state for r in outbox(engine) if r.id == row.id] == ["sending"]
    assert (notices[0].chat_id, notices[0].text) not in after.sent
    assert result.skipped == 1 and result.sent == len(notices) - 1


def test_a_quick_restart_still_reports_the_interrupted_send_later(engine, setting, clock):
    ledger, policy, calendar, tz = setting
    _, row = killed_run(engine, setting)
    clock.set(local(DAY, 9, 6))
    catch_up(engine, ledger, local(DAY, 9, 6), RecordingSend(), policy=policy, calendar=calendar)
    # the process keeps running: the next day's daily job comes and goes
    next_day = DAY + dt.timedelta(days=1)
    clock.set(local(next_day, 9, 0))
    run_day(engine, ledger, next_day, RecordingSend(), policy=policy, calendar=calendar, tz=tz)
    with Session(engine) as session:
        assert row.id in [e.id for e in uncertain_entries(session)]
