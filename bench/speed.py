"""Speed against BM25 in the same run, index build and refresh, cold start, the unmatched log."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from bench.baselines import bigram_bm25
from bench.core import MAIN, build_core, write_config
from bench.report import NA, Figures, SpeedRow, ms, percentile, table, times
from bench.sets import BLIND_2020, TRAINING
from bench.synthetic import synthetic_ledger, synthetic_questions
from bot.config import DEFAULT_LEDGER_FILE, PROJECT_ROOT
from bot.domain.ledger import LedgerSpec
from bot.render.ledger_toml import load_ledger_file
from bot.understanding.evaluation import load_eval_set

SAMPLES = {1_000: 600, 10_000: 300}  # questions timed per synthetic ledger size
WARM_UP = 20
REFRESH_ALIAS = "鹊桥驿站工程"  # a made-up alias in no ledger: the change must show at once
REFRESH_FIGURE = "4321"
COLD_QUESTION = "新增贷款完成了吗"
MARK = "getppid"  # a syscall nothing else makes: brackets the traced part of the log run


def cpu_call(call: Callable[[], object]) -> float:
    """CPU milliseconds of one call (this process, all its threads)."""
    start = time.process_time_ns()
    call()
    return (time.process_time_ns() - start) / 1e6


def measure_speed(label: str, ledger: LedgerSpec, questions: list[str], workdir: Path):
    """Index both, then time every question on this project and on BM25, alternately."""
    wall, cpu = time.perf_counter(), time.process_time()
    core = build_core(ledger, workdir)
    build_s, build_wall_s = time.process_time() - cpu, time.perf_counter() - wall
    cpu = time.process_time()
    bm25 = bigram_bm25(ledger)
    bm25_build_s = time.process_time() - cpu
    for q in questions[:WARM_UP]:  # warm caches so the first questions don't skew p99
        core.ask(q)
        bm25.retrieve(q)
    ours, theirs = [], []
    for n, q in enumerate(questions):
        # Alternate who goes first, so neither always finds the other's warm caches.
        if n % 2:
            theirs.append(cpu_call(lambda q=q: bm25.retrieve(q)))
            ours.append(cpu_call(lambda q=q: core.ask(q)))
        else:
            ours.append(cpu_call(lambda q=q: core.ask(q)))
            theirs.append(cpu_call(lambda q=q: bm25.retrieve(q)))
    row = SpeedRow(label, len(ledger.targets), ours, theirs, build_s, build_wall_s, bm25_build_s)
    return row, core


def changed(ledger: LedgerSpec, number: int, **fields) -> LedgerSpec:
    """The ledger after an admin change to one target, as the store hands it to `refresh`."""
    now = dt.datetime.now(dt.UTC)
    targets = tuple(
        dataclasses.replace(t, updated_at=now, updated_by="bench", **fields)
        if t.number == number
        else t
        for t in ledger.targets
    )
    return dataclasses.replace(ledger, targets=targets)


def measure_refresh(figures: Figures, core, ledger: LedgerSpec, number: int) -> list[list]:
    """CPU time of `Answerer.refresh` after one alias is added, then one figure is set."""
    target = ledger.by_number()[number]
    size = len(ledger.targets)
    rows = []

    def record(change: str, spent: float, seen: bool) -> None:
        figures.refresh_ms[(size, change)] = spent
        figures.refresh_visible[(size, change)] = seen
        rows.append([f"{size:,}", f"{change} (target {number})", ms(spent), yes(seen)])

    with_alias = changed(ledger, number, aliases=(*target.aliases, REFRESH_ALIAS))
    spent = cpu_call(lambda: core.refresh(with_alias))
    record(
        "alias added", spent, list(core.ask(f"{REFRESH_ALIAS}怎么样了").targets[:1]) == [number]
    )
    if target.indicators:
        first = dataclasses.replace(target.indicators[0], actual=REFRESH_FIGURE)
        with_figure = changed(with_alias, number, indicators=(first, *target.indicators[1:]))
        spent = cpu_call(lambda: core.refresh(with_figure))
        record("figure set", spent, REFRESH_FIGURE in core.ask(f"第{number}项").reply)
    return rows


def yes(flag: bool) -> str:
    return "yes" if flag else "**no**"


def speed(figures: Figures, workdir: Path) -> None:
    real = [i["q"] for i in load_eval_set(TRAINING) + load_eval_set(BLIND_2020)]
    rng = random.Random(3)
    runs = [("2020 ledger", load_ledger_file(DEFAULT_LEDGER_FILE), real)]
    for size, count in SAMPLES.items():
        big = synthetic_ledger(size)
        # Half about the synthetic targets, half real questions (mostly about nothing there).
        mixed = synthetic_questions(big, count // 2) + rng.sample(real, count - count // 2)
        rng.shuffle(mixed)
        runs.append((f"synthetic {size:,}", big, mixed))
    rows, builds, refreshes = [], [], []
    for n, (label, ledger, questions) in enumerate(runs):
        row, core = measure_speed(label, ledger, questions, workdir / f"speed{n}")
        figures.speed[label] = row
        rows.append(
            [
                label,
                f"{row.targets:,}",
                len(questions),
                f"{ms(statistics.median(row.ours_ms))} / {ms(percentile(row.ours_ms, 0.99))}",
                f"{ms(statistics.median(row.bm25_ms))} / {ms(percentile(row.bm25_ms, 0.99))}",
                f"{times(row.ratio(0.5))} / {times(row.ratio(0.99))}",
            ]
        )
        builds.append(
            [label, f"{row.build_s:.2f} s ({row.build_wall_s:.2f} s wall)",
             f"{row.bm25_build_s:.2f} s"]
        )  # fmt: skip
        if len(ledger.targets) != 1_000:  # the real ledger and the largest one
            try:
                refreshes.extend(measure_refresh(figures, core, ledger, len(ledger.targets) // 2))
            except Exception as exc:  # noqa: BLE001 - a changed refresh API shows as n/a
                reason = traceback.format_exception_only(exc)[-1].strip()
                refreshes.append([f"{len(ledger.targets):,}", f"{NA} ({reason})", NA, NA])
        del core
    print(
        "CPU time per question in this process (`time.process_time_ns`): this project's "
        "`Answerer.ask` and BM25 over character bigrams (bm25s's scores, the best three), "
        f"timed alternately on the same questions after {WARM_UP} warm-up questions. The 2020 "
        "ledger gets every training and blind question; the synthetic ledgers "
        "(`bench/synthetic.py`: places, topics, measures, figures and units combined from the "
        "bench's own vocabulary) get a sample, half about their targets and half real 2020 "
        "questions.\n"
    )
    print(
        table(
            ["ledger", "targets", "questions", "this project median / p99 ms",
             "BM25 median / p99 ms", "ratio median / p99"],
            rows,
        )
    )  # fmt: skip
    print()
    print(table(["ledger", "this project index build, CPU", "BM25 index build, CPU"], builds))
    print()
    print(
        table(
            ["targets", "one admin change", "`Answerer.refresh` CPU ms", "seen by the next ask"],
            refreshes,
        )
    )


# --- cold start ----------------------------------------------------------------------------


def timed_process(command: list[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and exit status of one fresh process."""
    start = time.perf_counter()
    child = subprocess.Popen(
        command, cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, child.returncode


# A small parent, so the child's high-water mark is its own and not the bench's (fork, vfork).
_PEAK_CHILD = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(os.wait4(child.pid, 0)[2].ru_maxrss)
"""


def peak_resident_mib(command: list[str]) -> float | None:
    """Peak resident memory of one run of `command`, measured from a small parent process."""
    done = subprocess.run(
        [sys.executable, "-c", _PEAK_CHILD, *command],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    text = done.stdout.strip()
    return int(text) / 1024 if done.returncode == 0 and text.isdigit() else None


def import_report(command: list[str]) -> str:
    """The heaviest top-level imports (`python -X importtime`), and whether jieba loads."""
    done = subprocess.run(
        [command[0], "-X", "importtime", *command[1:]],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    found, names = [], set()
    for line in done.stderr.splitlines():
        parts = line.removeprefix("import time:").split("|")
        if len(parts) != 3:
            continue
        name = parts[2].strip()
        names.add(name)
        if not parts[2].startswith("  "):  # top level: one space after the bar
            try:
                found.append((int(parts[1]) / 1e6, name))
            except ValueError:
                continue
    found.sort(reverse=True)
    heaviest = ", ".join(f"{name} {s:.2f} s" for s, name in found[:3] if s >= 0.01) or NA
    loaded = ", ".join(f"{m} {'yes' if m in names else 'no'}" for m in ("jieba", "pkg_resources"))
    return f"heaviest top-level imports: {heaviest}; imported: {loaded}"


def cold_start(figures: Figures, workdir: Path) -> None:
    config = write_config(workdir / "cold", DEFAULT_LEDGER_FILE)
    command = [sys.executable, str(MAIN), "ask", COLD_QUESTION, "--config", str(config)]
    if timed_process(command)[-1] != 0:  # this first run creates and seeds the database
        raise RuntimeError("`main.py ask` failed on a new database")
    runs = [timed_process(command) for _ in range(3)]
    if any(run[-1] != 0 for run in runs):
        raise RuntimeError("`main.py ask` failed on an existing database")
    figures.cold_start_s = statistics.median(run[0] for run in runs)
    peak = peak_resident_mib(command)
    print(
        f'Wall time of a fresh `python main.py ask "{COLD_QUESTION}"` on an existing SQLite '
        "database: 3 runs after one that created and seeded it (the goal is judged on the "
        "median wall time; CPU time shows how much of it is the process's own work).\n"
    )
    print(
        table(
            ["runs, wall s", "median wall", "runs, CPU s", "peak resident (one more run)"],
            [[", ".join(f"{run[0]:.2f}" for run in runs), f"{figures.cold_start_s:.2f} s",
              ", ".join(f"{run[1]:.2f}" for run in runs),
              NA if peak is None else f"{peak:.0f} MiB"]],
        )
    )  # fmt: skip
    print(f"\nOne more run with `-X importtime`: {import_report(command)}")


# --- the unmatched log ---------------------------------------------------------------------


def fsync_ms(folder: Path, count: int = 20) -> float:
    """Median wall milliseconds of writing 200 bytes and `os.fsync` in `folder`."""
    spent = []
    with (folder / "fsync.probe").open("ab") as handle:
        for _ in range(count):
            start = time.perf_counter()
            handle.write(b"x" * 200)
            handle.flush()
            os.fsync(handle.fileno())
            spent.append((time.perf_counter() - start) * 1000)
    return statistics.median(spent)


# Run under strace without -f, which follows only the main thread: the asker's own thread.
_LOG_CHILD = """
import os, sys
from bot.app.services import build_answerer, open_engine
from bot.config import load_config
from bot.app.unmatched import record_unmatched
from bot.store.unmatched_log import UnmatchedLog
config = load_config(sys.argv[1], environ={})
engine = open_engine(config)
answerer = build_answerer(engine, config)
log = UnmatchedLog(engine)
answers = [a for a in map(answerer.ask, sys.argv[2:]) if a.intent == "unknown"]
record_unmatched(log, answers[0])
log.flush()
os.getppid()
for answer in answers:
    record_unmatched(log, answer)
os.getppid()
log.flush()
print(len(answers))
"""


def syncs_on_asker_thread(config: Path, questions: list[str]) -> float | None:
    """Disk syncs (fsync, fdatasync) the asking thread makes per logged question; None: unknown."""
    strace = shutil.which("strace")
    if strace is None:
        return None
    with tempfile.NamedTemporaryFile("r", suffix=".strace") as trace:
        done = subprocess.run(
            [strace, "-o", trace.name, "-e", f"trace=fsync,fdatasync,{MARK}",
             sys.executable, "-c", _LOG_CHILD, str(config), *questions],
            cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
        lines = trace.read().splitlines()
    marks = [n for n, line in enumerate(lines) if line.startswith(MARK + "(")]
    if done.returncode != 0 or len(marks) != 2 or not done.stdout.strip().isdigit():
        return None
    logged = int(done.stdout.strip())
    inside = lines[marks[0] + 1 : marks[1]]
    syncs = sum(line.startswith(("fsync(", "fdatasync(")) for line in inside)
    return syncs / max(logged, 1)


def unmatched_log(figures: Figures, workdir: Path) -> None:
    from bot.app.services import build_answerer, open_engine
    from bot.app.unmatched import record_unmatched
    from bot.config import load_config
    from bot.store.unmatched_log import UnmatchedLog

    folder = workdir / "unmatched"
    config_path = write_config(folder, DEFAULT_LEDGER_FILE)
    config = load_config(config_path, environ={})
    engine = open_engine(config)
    answerer = build_answerer(engine, config)
    questions = [i["q"] for i in load_eval_set(BLIND_2020) if i["intent"] == "unknown"]
    asked, answers = [], []
    for q in questions:
        start = time.perf_counter()
        answer = answerer.ask(q)
        asked.append((time.perf_counter() - start) * 1000)
        if answer.intent == "unknown":
            answers.append(answer)
    if not answers:
        raise RuntimeError("no out-of-scope question was answered 'unknown': nothing to log")
    log = UnmatchedLog(engine)
    record_unmatched(log, answers[0])  # the first write creates the table's pages
    log.flush()
    logged = []
    for answer in (answers * 3)[:60]:
        start = time.perf_counter()
        record_unmatched(log, answer)
        logged.append((time.perf_counter() - start) * 1000)
    log.flush()
    engine.dispose()
    figures.log_ms = statistics.median(logged)
    figures.fsync_ms = fsync_ms(folder)
    figures.log_syncs = syncs_on_asker_thread(config_path, questions)
    ask_ms = statistics.median(asked)
    print(
        "Wall time of `UnmatchedLog.record` (what the chat and the CLI call after an "
        "unmatched answer; a background thread writes) on a SQLite file, against answering "
        "the same out-of-scope "
        "questions; one `os.fsync` of a small write in the same folder; and the disk syncs "
        "the asking thread itself makes per logged question (strace, main thread only).\n"
    )
    syncs = NA if figures.log_syncs is None else f"{figures.log_syncs:.2f}"
    print(
        table(
            ["log median / p99 ms", "answer median ms", "log ÷ answer", "one fsync ms",
             "syncs on the asker's thread per log"],
            [[f"{ms(figures.log_ms)} / {ms(percentile(logged, 0.99))}", ms(ask_ms),
              times(figures.log_ms / max(ask_ms, 1e-9)), ms(figures.fsync_ms), syncs]],
        )
    )  # fmt: skip
