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
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from bot.bootstrap import open_engine
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
    fake.push_message(ADMIN, ADMIN, f"/set 12 新增贷款 {value}亿元")
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
            bot.send_signal(signal.SIGINT)
            try:
                bot.wait(15)
            except subprocess.TimeoutExpired:
                bot.kill()
                bot.wait(5)
    acknowledged = acknowledged_values(fake)
    assert acknowledged[-1] == last
    assert check_database(db, acknowledged) == last
    assert len(acknowledged) >= KILLS // 2, f"too few changes went through: {acknowledged}"
    log_text = log_path.read_text(errors="replace")
    assert "Traceback" not in log_text, log_text[-3000:]
    assert kills_mid_change >= KILLS // 2
    print(f"{len(acknowledged)} acknowledged; {kills_mid_change}/{KILLS} kills mid-change")
