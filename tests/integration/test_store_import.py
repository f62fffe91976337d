"""A big ledger import while the bot works, on SQLite and PostgreSQL (the module's name puts it
in POSTGRES_SUITES): `python main.py import` runs as its own process, as an office would run
it, while this process changes a figure and reads it again and again.

The import must leave the bot's reads and writes going (0 errors), a second import at the same
time must wait or say in Chinese that the ledger is busy (exit 2, no traceback), and an invalid
file must still be refused whole, before anything is written.
"""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import threading
import time

import pytest
from sqlalchemy import func
from sqlmodel import Session, select

from bot.adapters.cli import main as cli_main
from bot.config import PROJECT_ROOT
from bot.domain.fields import FieldChange
from bot.domain.ledger import LedgerSpec, UnitSpec
from bot.render.ledger_toml import dump_ledger
from bot.store.database import import_lock
from bot.store.ledger_changes import apply_changes
from bot.store.ledger_import import load_ledger
from bot.store.ledger_store import read_target
from bot.store.models import Target
from tests.auxil.bot_harness import snapshot

FIELD = "indicator:新增贷款:actual"


def big_ledger(base: LedgerSpec, size: int) -> LedgerSpec:
    """`size` targets: the 2020 ledger's 66 repeated, numbered 1..size (1-66 unchanged)."""
    targets = base.targets
    return dataclasses.replace(
        base,
        targets=tuple(
            dataclasses.replace(targets[(n - 1) % len(targets)], number=n)
            for n in range(1, size + 1)
        ),
    )


@pytest.fixture
def import_config(config, tmp_path):
    path = tmp_path / "import.toml"
    path.write_text(
        f'[database]\nurl = "{config.database_url}"\n[ledger]\ntoday = "2021-01-15"\n',
        encoding="utf-8",
    )
    return path


def start_import(ledger_file, config_file, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "main.py", "import", str(ledger_file), "--config", str(config_file)]
        + list(extra),
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def target_count(engine) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(Target)).one()


def test_an_import_of_1500_targets_lets_the_bot_keep_writing(
    engine, ledger_2020, import_config, tmp_path, db_backend
):
    big = tmp_path / "big.toml"
    big.write_text(dump_ledger(big_ledger(ledger_2020, 1500)), encoding="utf-8")
    process = start_import(big, import_config)
    errors: list[Exception] = []
    writes, slowest, value = 0, 0.0, "24.43"
    while process.poll() is None:
        new = f"{writes + 1}.5"
        began = time.monotonic()
        try:
            apply_changes(engine, [FieldChange(12, FIELD, new, value)], actor="tg:42")
            with Session(engine) as session:
                assert read_target(session, 12).indicator("新增贷款").actual == new
        except Exception as exc:  # counted: each one is a 系统繁忙 the bot would show
            errors.append(exc)
        else:
            value, writes = new, writes + 1
            slowest = max(slowest, time.monotonic() - began)
    out, err = process.communicate()
    print(
        f"{db_backend}: {writes} changes during the import, {len(errors)} errors, "
        f"slowest {slowest:.2f}s"
    )
    assert process.returncode == 0, err
    assert "新建1434项" in out
    assert [repr(e)[:200] for e in errors] == []
    # how many of those writes fell inside the import depends on the machine's speed: that
    # they can is shown, batch by batch, by the next test
    assert target_count(engine) == 1500


def test_the_bot_writes_between_an_imports_batches(engine, ledger_2020):
    """The import lets go of the database after each batch: a write waiting meanwhile gets
    in, mid-import, before the next batch. Each gap is handed to this thread by `between`,
    so the overlap is certain, not a matter of timing."""
    gap, resume, done = threading.Event(), threading.Event(), threading.Event()
    handed = [0]

    def between() -> None:
        if handed[0] < 5:
            handed[0] += 1
            gap.set()
            assert resume.wait(60), "the writer never took its turn"
            resume.clear()

    def run() -> None:
        try:
            load_ledger(engine, big_ledger(ledger_2020, 200), batch_seconds=0, between=between)
        finally:
            done.set()
            gap.set()

    importer = threading.Thread(target=run)
    importer.start()
    seen, value = [], "24.43"
    for n in range(1, 6):
        assert gap.wait(60) and not done.is_set()
        gap.clear()
        apply_changes(engine, [FieldChange(12, FIELD, f"{n}.5", value)], actor="tg:42")
        value = f"{n}.5"
        with Session(engine) as session:
            seen.append(read_target(session, 12).indicator("新增贷款").actual)
        resume.set()
    importer.join(120)
    assert not importer.is_alive() and handed[0] == 5
    assert seen == ["1.5", "2.5", "3.5", "4.5", "5.5"]
    assert target_count(engine) == 200


def test_a_second_import_at_the_same_time_waits_for_the_first(
    engine, ledger_2020, import_config, tmp_path
):
    big = tmp_path / "big.toml"
    big.write_text(dump_ledger(big_ledger(ledger_2020, 600)), encoding="utf-8")
    first = start_import(big, import_config)
    second = start_import(big, import_config)
    results = [p.communicate() + (p.returncode,) for p in (first, second)]
    for _out, err, code in results:
        assert "Traceback" not in err, err
        assert code == 0, err
    created = sorted(out.split("，")[0] for out, _, _ in results)
    assert created == ["新建0项", "新建534项"]
    assert target_count(engine) == 600


def test_an_import_that_cannot_get_the_lock_says_the_ledger_is_busy(
    engine, ledger_2020, import_config, tmp_path, capsys
):
    small = tmp_path / "small.toml"
    small.write_text(dump_ledger(big_ledger(ledger_2020, 70)), encoding="utf-8")
    before = snapshot(engine)
    with import_lock(engine):
        code = cli_main(["import", str(small), "--config", str(import_config), "--wait", "0"])
    out, err = capsys.readouterr()
    assert code == 2
    assert err.startswith("错误：另一个导入正在写入台账") and "Traceback" not in err
    assert snapshot(engine) == before
    assert cli_main(["import", str(small), "--config", str(import_config)]) == 0
    assert target_count(engine) == 70


def test_an_invalid_big_ledger_is_refused_whole_before_any_write(
    engine, ledger_2020, import_config, tmp_path, capsys
):
    ledger = big_ledger(ledger_2020, 3000)
    last = ledger.targets[-2]
    twice = dataclasses.replace(last, units=(UnitSpec("县财政局"), UnitSpec("县财政局")))
    ledger = dataclasses.replace(ledger, targets=(*ledger.targets[:-2], twice, ledger.targets[-1]))
    bad = tmp_path / "bad.toml"
    bad.write_text(dump_ledger(ledger), encoding="utf-8")
    before = snapshot(engine)
    code = cli_main(["import", str(bad), "--config", str(import_config)])
    out, err = capsys.readouterr()
    assert code == 2
    assert "第2999项" in err and "县财政局" in err and "未导入任何内容" in err
    assert snapshot(engine) == before
    assert target_count(engine) == 66
