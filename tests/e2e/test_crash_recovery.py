"""A bot process killed with SIGKILL at random moments while an admin changes a figure.

tests/auxil/crash_bot.py runs the production Application (run_polling) against FakeBotApi
over a SQLite file. The test pushes a stream of `/set 12 新增贷款 N亿元` and presses 确认 on
each proposal, and kills the process at a random moment (random.Random(seed)), 20 times,
restarting it each time. After every kill, and at the end:

- every change acknowledged to the admin (the fake recorded the "✅ 已修改" edit for it) is in
  the database with its AuditEntry;
- nothing is half-applied: the audit entries of the figure form one unbroken chain from the
  imported value (each old value is the previous new value) and the figure equals the chain's
  last new value, which is the last acknowledged value or one applied after it;
- `PRAGMA integrity_check` says ok.
"""

from __future__ import annotations

import dataclasses
import html
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from bot.app.reminders import subscribe
from bot.app.services import open_engine
from tests.auxil.bot_harness import ADMIN
from tests.auxil.fake_bot_api import Call, FakeBotApi

CRASH_BOT = Path(__file__).resolve().parents[1] / "auxil" / "crash_bot.py"
SEED = 20201215
KILLS = 20
FIELD = "indicator:新增贷款:actual"
IMPORTED = "24.43"


def start_bot(fake: FakeBotApi, db: Path, log) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(CRASH_BOT), fake.base_url, fake.base_file_url, str(db), str(ADMIN)],
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
    )


def value_of(i: int) -> str:
    return f"{30 + i}.{i % 100:02d}"


def proposal_for(value: str):
    def matches(c: Call) -> bool:
        return (
            c.method == "sendMessage"
            and c.ok
            and c.get("chat_id") == ADMIN
            and f"→ {value}亿元" in c.get("text", "")
            and "请确认" in c.get("text", "")
        )

    return matches


def acknowledged_values(fake: FakeBotApi) -> list[str]:
    """Values whose "✅ 已修改" edit reached the admin, in the order acknowledged."""
    values = []
    for c in fake.calls("editMessageText"):
        text = c.get("text", "")
        if c.ok and text.startswith("✅ 已修改"):
            values.append(re.search(r"→ ([\d.]+)亿元", text).group(1))
    return values


def check_database(db: Path, acknowledged: list[str]) -> str:
    """The invariants after a crash; returns the figure's current value."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        entries = conn.execute(
            "SELECT id, change_id, old_value, new_value FROM auditentry "
            "WHERE field_name = ? ORDER BY id",
            (FIELD,),
        ).fetchall()
        (actual,) = conn.execute(
            "SELECT actual_value FROM indicator WHERE target_number = 12 AND name = '新增贷款'"
        ).fetchone()
        foreign = conn.execute(
            "SELECT COUNT(*) FROM auditentry WHERE field_name != ? OR target_number != 12",
            (FIELD,),
        ).fetchone()[0]
    finally:
        conn.close()
    assert foreign == 0, "only the figure was changed"
    # one unbroken chain from the imported value to the current figure
    previous = IMPORTED
    for _, change_id, old, new in entries:
        assert old == previous, f"audit chain broken at {change_id}: {old} after {previous}"
        previous = new
    assert actual == previous, f"figure {actual} but the audit trail ends at {previous}"
    # every acknowledged change is there, each once, in order
    applied = [new for _, _, _, new in entries]
    for value in acknowledged:
        assert applied.count(value) == 1, f"acknowledged {value} applied {applied.count(value)}x"
    positions = [applied.index(v) for v in acknowledged]
    assert positions == sorted(positions)
    if acknowledged:
        assert applied.index(acknowledged[-1]) <= len(applied) - 1
        assert actual in applied[applied.index(acknowledged[-1]) :]
    return actual


def one_change(fake: FakeBotApi, value: str, deadline: float) -> bool:
    """/set and 确认 for one value; True once the press was answered by an edit."""
    fake.push_message(ADMIN, ADMIN, f"/set 12 新增贷款 {value}亿元 截止12月底")
    try:
        proposal = fake.wait_for(proposal_for(value), max(0.01, deadline - time.monotonic()))
    except TimeoutError:
        return False
    message_id = proposal.result["message_id"]
    button = proposal.params["reply_markup"]["inline_keyboard"][0][0]
    assert button["text"] == "确认"
    fake.push_callback(ADMIN, ADMIN, message_id, button["callback_data"])

    def edited(c: Call) -> bool:
        return c.method == "editMessageText" and c.ok and c.get("message_id") == message_id

    try:
        fake.wait_for(edited, max(0.01, deadline - time.monotonic()))
    except TimeoutError:
        return False
    return True


def drive_until(fake: FakeBotApi, deadline: float, counter: list[int]) -> bool:
    """Push /set and 确认 one after another until the deadline (the bot may die meanwhile).

    True when the deadline fell in the middle of a change (the kill then hits work in flight).
    """
    while time.monotonic() < deadline:
        counter[0] += 1
        if not one_change(fake, value_of(counter[0]), deadline):
            return True
    return False


def wait_until_polling(fake: FakeBotApi, bot: subprocess.Popen, log_path: Path) -> None:
    polls = fake.get_updates_count
    start = time.monotonic()
    while fake.get_updates_count == polls and bot.poll() is None:
        assert time.monotonic() - start < 30, "the bot did not start"
        time.sleep(0.02)
    assert bot.poll() is None, log_path.read_text(errors="replace")


def stop_bot(bot: subprocess.Popen) -> None:
    """Stop the bot as Ctrl-C would, and kill it if it does not end within 15 s."""
    bot.send_signal(signal.SIGINT)
    try:
        bot.wait(15)
    except subprocess.TimeoutExpired:
        bot.kill()
        bot.wait(5)


def test_sigkill_at_random_moments_loses_no_acknowledged_change(config, fake, tmp_path):
    db = tmp_path / "ledger.db"
    open_engine(dataclasses.replace(config, database_url=f"sqlite:///{db}")).dispose()
    rng = random.Random(SEED)
    counter = [0]
    log_path = tmp_path / "bot.log"
    kills_mid_change = 0
    with log_path.open("wb") as log:
        for round_ in range(KILLS):
            bot = start_bot(fake, db, log)
            try:
                wait_until_polling(fake, bot, log_path)
                deadline = time.monotonic() + rng.uniform(0.05, 1.5)
                kills_mid_change += drive_until(fake, deadline, counter)
            finally:
                os.kill(bot.pid, signal.SIGKILL)
                bot.wait(10)
            assert bot.returncode == -signal.SIGKILL, f"round {round_}: {bot.returncode}"
            check_database(db, acknowledged_values(fake))

        # a last start: what was queued is handled, and the bot takes a change again
        bot = start_bot(fake, db, log)
        try:
            wait_until_polling(fake, bot, log_path)
            counter[0] += 1
            last = value_of(counter[0])
            assert one_change(fake, last, time.monotonic() + 30)
        finally:
            stop_bot(bot)
    acknowledged = acknowledged_values(fake)
    assert acknowledged[-1] == last
    assert check_database(db, acknowledged) == last
    assert len(acknowledged) >= KILLS // 2, f"too few changes went through: {acknowledged}"
    log_text = log_path.read_text(errors="replace")
    assert "Traceback" not in log_text, log_text[-3000:]
    assert kills_mid_change >= KILLS // 2
    print(f"{len(acknowledged)} acknowledged; {kills_mid_change}/{KILLS} kills mid-change")


# --- a kill just after 确认, and a kill in the middle of a send ----------------------------

CONFIRM_KILLS = 20
UNIT = "县自然资源局"  # a unit of target 16
UNIT_GROUP = -100161616


def db_rows(db: Path, query: str, *args) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(query, args).fetchall()
    finally:
        conn.close()


def answer_to(fake: FakeBotApi, update: dict, timeout: float = 30) -> Call:
    query_id = update["callback_query"]["id"]

    def answered(c: Call) -> bool:
        return c.method == "answerCallbackQuery" and c.get("callback_query_id") == query_id

    return fake.wait_for(answered, timeout)


def test_sigkill_just_after_confirm_never_leaves_a_change_applying(config, fake, tmp_path):
    """Kill 4–20 ms after 确认: the change is either untouched or applied, never `applying`;
    after the restart a second press applies it or says it was applied."""
    db = tmp_path / "ledger.db"
    open_engine(dataclasses.replace(config, database_url=f"sqlite:///{db}")).dispose()
    rng = random.Random(SEED + 1)
    landed = {"pending": 0, "applied": 0}
    answers = {}
    log_path = tmp_path / "bot.log"
    with log_path.open("wb") as log:
        bot = start_bot(fake, db, log)
        try:
            wait_until_polling(fake, bot, log_path)
            for round_ in range(CONFIRM_KILLS):
                value = value_of(100 + round_)
                fake.push_message(ADMIN, ADMIN, f"/set 12 新增贷款 {value}亿元 截止12月底")
                proposal = fake.wait_for(proposal_for(value), 30)
                message_id = proposal.result["message_id"]
                data = proposal.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
                pending_id = int(data.removeprefix("confirm:"))
                fake.push_callback(ADMIN, ADMIN, message_id, data)
                time.sleep(rng.uniform(0.004, 0.020))
                os.kill(bot.pid, signal.SIGKILL)
                bot.wait(10)

                [(state,)] = db_rows(
                    db, "SELECT state FROM pendingchange WHERE id = ?", pending_id
                )
                written = db_rows(
                    db,
                    "SELECT id FROM auditentry WHERE field_name = ? AND new_value = ?",
                    FIELD,
                    value,
                )
                assert state in landed, f"round {round_}: left {state!r}"
                assert (state == "applied") == bool(written), f"round {round_}: {state}"
                landed[state] += 1
                check_database(db, acknowledged_values(fake))

                bot = start_bot(fake, db, log)
                wait_until_polling(fake, bot, log_path)
                again = fake.push_callback(ADMIN, ADMIN, message_id, data)
                text = answer_to(fake, again).get("text")
                answers[text] = answers.get(text, 0) + 1
                assert text in ("已修改", "这项修改已处理过了：已生效"), f"round {round_}: {text}"
                assert db_rows(db, "SELECT state FROM pendingchange WHERE id = ?", pending_id) == [
                    ("applied",)
                ]
                applied = db_rows(
                    db,
                    "SELECT id FROM auditentry WHERE field_name = ? AND new_value = ?",
                    FIELD,
                    value,
                )
                assert len(applied) == 1, f"round {round_}: applied {len(applied)}x"
        finally:
            stop_bot(bot)
    check_database(db, acknowledged_values(fake))
    assert "Traceback" not in log_path.read_text(errors="replace")
    print(f"{CONFIRM_KILLS} kills after 确认: {landed}; second press answered {answers}")


def test_sigkill_while_sending_lists_the_notice_uncertain_right_after_restart(
    config, fake, tmp_path
):
    """A /urge notice cut by SIGKILL mid-send is listed by /outbox at once after the restart,
    not two minutes later, and is not sent again."""
    db = tmp_path / "ledger.db"
    engine = open_engine(dataclasses.replace(config, database_url=f"sqlite:///{db}"))
    subscribe(engine, UNIT, UNIT_GROUP)
    engine.dispose()
    log_path = tmp_path / "bot.log"
    with log_path.open("wb") as log:
        bot = start_bot(fake, db, log)
        try:
            wait_until_polling(fake, bot, log_path)
            fake.fail_next("sendMessage", "timeout", delay=30)  # the send hangs in flight
            fake.push_message(ADMIN, ADMIN, "/urge 16")
            deadline = time.monotonic() + 30
            query = "SELECT id, state FROM outboxentry WHERE kind = 'urge'"
            while not db_rows(db, query):
                assert time.monotonic() < deadline, "the 催办 was never claimed"
                time.sleep(0.01)
        finally:
            os.kill(bot.pid, signal.SIGKILL)
            bot.wait(10)
        [(row_id, state)] = db_rows(db, query)
        assert state == "sending"
        fake.clear_faults()

        bot = start_bot(fake, db, log)
        try:
            wait_until_polling(fake, bot, log_path)
            fake.push_message(ADMIN, ADMIN, "/outbox")

            def outbox_reply(c: Call) -> bool:
                text = c.get("text", "")
                return c.method == "sendMessage" and c.ok and "未确认送达或失败的提醒" in text

            reply = fake.wait_for(outbox_reply, 30)
        finally:
            stop_bot(bot)
    assert f"#{row_id} 未确认 催办 第16项" in reply.get("text")
    assert db_rows(db, "SELECT state FROM outboxentry WHERE id = ?", row_id) == [("uncertain",)]
    [(notice,)] = db_rows(db, "SELECT text FROM outboxentry WHERE id = ?", row_id)
    urged = [
        c
        for c in fake.calls("sendMessage")
        if c.get("chat_id") == UNIT_GROUP and html.unescape(c.get("text", "")) == notice
    ]
    assert len(urged) <= 1  # the hung call itself, if the fake got to record it; no resend
