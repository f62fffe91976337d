"""Start-up recovery of work a crash cut off, on SQLite and PostgreSQL (the module's name puts
it in POSTGRES_SUITES): confirms left `applying` by releases that claimed, applied and marked
in three transactions, and outbox rows left `sending`.

The crashed process is simulated by writing exactly what it had committed when it died; the
restart is a new ChatService whose `recover_interrupted` runs as the front ends' start-up does.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from sqlmodel import Session, select

from bot.app.reminders import claim
from bot.app.services import build_answerer
from bot.chat.reminders import cmd_outbox
from bot.chat.service import ChatService
from bot.chat.types import Sender
from bot.domain.fields import FieldChange
from bot.domain.reminder_policy import Notice
from bot.store.ledger_changes import apply_changes
from bot.store.ledger_store import read_target
from bot.store.models import AuditEntry, OutboxEntry, PendingChange, utc_now
from bot.store.outbox import uncertain_entries
from tests.auxil.bot_harness import ADMIN

FIELD = "indicator:新增贷款:actual"
SENDER = Sender(ADMIN, ADMIN, actor=f"tg:{ADMIN}")


def start(config, engine) -> ChatService:
    """A bot process starting on the database: the service, then its start-up recovery."""
    config = dataclasses.replace(
        config, telegram=dataclasses.replace(config.telegram, admins=(ADMIN,))
    )
    service = ChatService(engine, config, build_answerer(engine, config))
    service.recover_interrupted()
    return service


def proposed(service: ChatService, value: str) -> tuple[int, str]:
    [reply] = service.command(SENDER, "set", f"12 新增贷款 {value}亿元")
    data = reply.buttons[0][0].data
    return int(data.removeprefix("confirm:")), data


def crash_while_applying(engine, pending_id: int, *, written: bool) -> None:
    """What the three-transaction confirm had committed when a kill hit it."""
    with Session(engine) as session, session.begin():
        pending = session.get(PendingChange, pending_id)
        pending.state = "applying"
        session.add(pending)
        rows = json.loads(pending.changes_json)
    if written:
        changes = [FieldChange(int(t), f, new, expected_old=old) for t, f, new, old in rows]
        apply_changes(engine, changes, actor=SENDER.actor)


def state_of(engine, pending_id: int) -> str:
    with Session(engine) as session:
        return session.get(PendingChange, pending_id).state


def figures(engine) -> tuple[str, int]:
    with Session(engine) as session:
        actual = read_target(session, 12).indicator("新增贷款").actual
        entries = session.exec(select(AuditEntry).where(AuditEntry.field_name == FIELD)).all()
    return actual, len(entries)


def test_a_confirm_cut_before_its_write_is_pending_again_and_a_press_applies_it(config, engine):
    service = start(config, engine)
    pending_id, data = proposed(service, "30")
    crash_while_applying(engine, pending_id, written=False)

    service = start(config, engine)
    assert state_of(engine, pending_id) == "pending"
    assert figures(engine) == ("24.43", 0)
    [reply] = service.button(SENDER, data)
    assert reply.text.startswith("✅ 已修改：\n第12项 新增贷款 完成值：24.43亿元 → 30亿元")
    assert figures(engine) == ("30", 1)
    assert state_of(engine, pending_id) == "applied"


def test_a_confirm_cut_after_its_write_is_applied_and_a_press_says_so(config, engine):
    service = start(config, engine)
    pending_id, data = proposed(service, "31")
    crash_while_applying(engine, pending_id, written=True)

    service = start(config, engine)
    assert state_of(engine, pending_id) == "applied"
    [reply] = service.button(SENDER, data)
    assert reply.toast == "这项修改已处理过了：已生效" and not reply.text
    assert figures(engine) == ("31", 1)


def test_a_confirm_cut_before_its_write_is_refused_if_the_value_moved_since(config, engine):
    service = start(config, engine)
    pending_id, data = proposed(service, "32")
    crash_while_applying(engine, pending_id, written=False)
    apply_changes(engine, [FieldChange(12, FIELD, "33")], actor="tg:43")

    service = start(config, engine)
    [reply] = service.button(SENDER, data)
    assert reply.text.startswith("未修改：提出这项修改后，数据已有变动")
    assert figures(engine) == ("33", 1)
    [again] = service.button(SENDER, data)
    assert again.toast == "这项修改已处理过了：数据已变动，未生效，请重新发送命令"


@pytest.mark.parametrize("verb", ["confirm", "cancel"])
def test_a_press_on_a_cancelled_change_says_it_was_cancelled(config, engine, verb):
    service = start(config, engine)
    pending_id, data = proposed(service, "34")
    [cancelled] = service.button(SENDER, f"cancel:{pending_id}")
    assert cancelled.toast == "已取消"
    [reply] = service.button(SENDER, f"{verb}:{pending_id}")
    assert reply.toast == "这项修改已处理过了：已取消，未生效"
    assert figures(engine) == ("24.43", 0)


def test_a_send_cut_before_start_up_is_listed_uncertain_at_once(config, engine):
    notice = Notice(
        "urge",
        16,
        dt.date(2020, 12, 31),
        "年底前",
        dt.date(2021, 1, 15),
        -100777,
        "县某局",
        "催办",
    )
    row_id = claim(engine, notice, worker="killed-process")  # then SIGKILL, moments ago
    with Session(engine) as session:
        claimed_at = session.get(OutboxEntry, row_id).claimed_at
    assert utc_now() - claimed_at < dt.timedelta(minutes=1)

    service = start(config, engine)
    with Session(engine) as session:
        assert [(r.id, r.state) for r in uncertain_entries(session)] == [(row_id, "uncertain")]
    [listing] = cmd_outbox(service, SENDER, "")
    assert f"#{row_id} 未确认 催办 第16项" in listing.text


def test_a_send_claimed_after_start_up_is_left_to_its_process(config, engine):
    service = start(config, engine)
    notice = Notice("urge", 16, None, "", dt.date(2021, 1, 15), -100778, "县某局", "催办")
    row_id = claim(engine, notice, worker="live-process")
    service.recover_interrupted()  # a second call (e.g. the daily job) must not touch it
    with Session(engine) as session:
        assert session.get(OutboxEntry, row_id).state == "sending"
