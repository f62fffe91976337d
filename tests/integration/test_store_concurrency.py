"""Two writers at the same moment, on SQLite and on PostgreSQL (the module's name puts it in
POSTGRES_SUITES): the check of an old value and the write that depends on it are one atomic
step, so from one old value exactly one change applies and the other is refused as stale.

Each trial starts two threads behind a `threading.Barrier`, so both transactions read the
same committed value; the trials are repeated because one lucky ordering proves nothing.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from functools import partial

import pytest
from sqlmodel import Session, col, select

from bot.app.services import build_answerer
from bot.chat.service import ChatService
from bot.chat.types import Sender
from bot.domain.fields import FieldChange
from bot.store.ledger_changes import AppliedChange, apply_changes
from bot.store.ledger_store import StaleChange, read_target
from bot.store.models import AuditEntry, PendingChange, ProgressReport
from tests.auxil.bot_harness import ADMIN

TRIALS = 100
FIELD = "indicator:新增贷款:actual"
IMPORTED = "24.43"
OTHER_ADMIN = 43
UNIT_CHAT = -100555


def race(workers: list[Callable[[], object]]) -> list[object]:
    """Run the workers at once (a Barrier releases them together); results or exceptions."""
    barrier = threading.Barrier(len(workers))
    results: list[object] = [None] * len(workers)

    def run(index: int) -> None:
        barrier.wait()
        try:
            results[index] = workers[index]()
        except Exception as exc:  # the outcome under test, kept for the assertions
            results[index] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(workers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def audit_of(engine, field: str = FIELD) -> list[AuditEntry]:
    with Session(engine) as session:
        query = select(AuditEntry).where(AuditEntry.field_name == field).order_by(AuditEntry.id)
        return list(session.exec(query))


def test_two_confirms_from_same_old_value_apply_once(engine, db_backend):
    old = IMPORTED
    double_applies = 0
    for trial in range(TRIALS):
        values = (f"{trial}.1", f"{trial}.2")

        def write(value: str, expected: str) -> AppliedChange:
            change = FieldChange(12, FIELD, value, expected_old=expected)
            return apply_changes(engine, [change], actor=f"tg:{value}")

        results = race([partial(write, value, old) for value in values])
        applied = [r for r in results if isinstance(r, AppliedChange)]
        refused = [r for r in results if isinstance(r, StaleChange)]
        assert len(applied) + len(refused) == 2, f"trial {trial}: {results!r}"
        double_applies += len(applied) > 1
        if len(applied) == 1:
            old = applied[0].entries[0].new_value
        else:
            old = audit_of(engine)[-1].new_value
    print(f"{db_backend}: {TRIALS} trials, {double_applies} double applies")
    assert double_applies == 0
    entries = audit_of(engine)
    assert len(entries) == TRIALS
    previous = IMPORTED
    for entry in entries:  # one unbroken chain: every change started from the one before
        assert entry.old_value == previous
        previous = entry.new_value
    with Session(engine) as session:
        assert read_target(session, 12).indicator("新增贷款").actual == previous


# --- the same through the chat core ------------------------------------------------------


@pytest.fixture
def service(config, engine):
    config = dataclasses.replace(
        config, telegram=dataclasses.replace(config.telegram, admins=(ADMIN, OTHER_ADMIN))
    )
    return ChatService(engine, config, build_answerer(engine, config))


def admin(user_id: int) -> Sender:
    return Sender(user_id, user_id, actor=f"tg:{user_id}")


def confirm_data(service: ChatService, user_id: int, value: str) -> str:
    [reply] = service.command(admin(user_id), "set", f"12 新增贷款 {value}亿元")
    assert reply.text.startswith("请确认以下修改"), reply.text
    return reply.buttons[0][0].data


def test_two_admins_confirming_from_the_same_old_value_apply_once(service, engine):
    told = []
    for trial in range(10):
        first = confirm_data(service, ADMIN, f"{30 + trial}")
        second = confirm_data(service, OTHER_ADMIN, f"{60 + trial}")
        results = race(
            [
                partial(service.button, admin(ADMIN), first),
                partial(service.button, admin(OTHER_ADMIN), second),
            ]
        )
        [one], [other] = results
        texts = sorted([one.text.split("：")[0], other.text.split("：")[0]])
        told.append(texts)
        assert texts == ["✅ 已修改", "未修改"], f"trial {trial}: {one.text!r} / {other.text!r}"
    assert len(audit_of(engine)) == 10
    with Session(engine) as session:
        states = sorted(p.state for p in session.exec(select(PendingChange)))
    assert states == ["applied"] * 10 + ["stale"] * 10


def test_a_double_tap_on_confirm_applies_once(service, engine):
    for trial in range(10):
        data = confirm_data(service, ADMIN, f"{40 + trial}")
        results = race([partial(service.button, admin(ADMIN), data)] * 2)
        applied = [r for [r] in results if r.text.startswith("✅ 已修改")]
        assert len(applied) == 1, f"trial {trial}: {results!r}"
        [again] = next(r for r in results if not r[0].text.startswith("✅"))
        assert again.toast.startswith("这项修改已处理过了") and not again.text
    assert len(audit_of(engine)) == 10


def test_two_quick_approvals_of_a_report_apply_and_notify_once(service, engine):
    sent: list[tuple[int, str]] = []
    lock = threading.Lock()

    def send(chat_id: int, text: str, buttons=()) -> int:
        with lock:
            sent.append((chat_id, text))
            return len(sent)

    service.send = send
    reporter = Sender(7, UNIT_CHAT, "supergroup", actor="tg:7", fixed_role="viewer")
    # a progress note, then a figure older than the ledger's (截止12月底): both become notes
    for trial, text in enumerate(["已走访重点企业，信贷投放持续推进", "新增贷款 26亿元 截至11月"]):
        [reply] = service.command(reporter, "report", f"12 {text}")
        assert reply.text.startswith("已收到第12项的"), reply.text
        with Session(engine) as session:
            newest = select(ProgressReport).order_by(col(ProgressReport.id).desc())
            report = session.exec(newest).first()
        data = f"rpt:ok:{report.id}"
        before = len(audit_of(engine, "progress_text")) + len(audit_of(engine))
        results = race([partial(service.button, admin(ADMIN), data)] * 2)
        approved = [r for [r] in results if r.text.startswith("已采纳")]
        refused = [r for [r] in results if r.toast == f"报送#{report.id}已采纳"]
        assert (len(approved), len(refused)) == (1, 1), f"trial {trial}: {results!r}"
        after = len(audit_of(engine, "progress_text")) + len(audit_of(engine))
        assert after == before + 1
        notices = [t for chat, t in sent if chat == UNIT_CHAT and f"报送#{report.id}已采纳" in t]
        assert len(notices) == 1
    with Session(engine) as session:
        target = read_target(session, 12)
    assert target.progress_text.count("已走访重点企业") == 1
    assert target.progress_text.count("新增贷款 26亿元 截至11月") == 1
    assert target.indicator("新增贷款").actual == "24.43"  # never an older figure over a newer


def test_undo_after_another_admins_change_is_refused_and_says_why(service):
    def set_and_confirm(user_id: int, figure: str) -> None:
        [proposal] = service.command(admin(user_id), "set", f"12 新增贷款 {figure}亿元")
        [[confirm, _cancel]] = proposal.buttons
        assert service.button(admin(user_id), confirm.data)[0].text.startswith("✅ 已修改")

    set_and_confirm(ADMIN, "25.1")
    set_and_confirm(OTHER_ADMIN, "26")
    [reply] = service.command(admin(ADMIN), "undo", "")
    assert (
        reply.text.startswith("无法撤销：第12项在这次修改之后又被修改过") and "/set" in reply.text
    )
    with Session(service.engine) as session:
        assert read_target(session, 12).indicator("新增贷款").actual == "26"
