"""Understanding against BM25 over character bigrams, measured in one run.

`python -m bench.speed_understanding` prints: top-1/top-3/rejection on the training set and
on the cangnan dev set beside bm25s (character bigrams, best three; the same baseline as
`python -m bench`, bench/baselines.py); per-question time,
median and p99, on the 2020 ledger and on a synthetic 10,000-target ledger beside bm25s;
index build and one incremental refresh at 10k; cold start of `python main.py ask`.
Every figure is measured in this run; nothing is hard-coded.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np

from bench.baselines import bigram_bm25
from bench.drafts import draft_as_imported
from bot.config import DEFAULT_LEDGER_FILE, PROJECT_ROOT
from bot.domain.ledger import LedgerSpec
from bot.render.ledger_toml import load_ledger_file
from bot.understanding.answering import Answerer
from bot.understanding.evaluation import evaluate, load_eval_set
from bot.understanding.lexicon import load_lexicon

TZ = ZoneInfo("Asia/Shanghai")
REPORTS = PROJECT_ROOT / "tests" / "data" / "reports"
DEV_SET = PROJECT_ROOT / "tests" / "data" / "questions_cangnan_dev.jsonl"
TRAINING = PROJECT_ROOT / "tests" / "data" / "questions.jsonl"


def drafted(folder: str) -> LedgerSpec:
    return draft_as_imported(REPORTS / folder / "report.txt").ledger


def accuracy() -> None:
    print("## Accuracy (top-1 / top-3 on target questions; rejection of out-of-scope ones)")
    print(f"{'set':<34} {'system':<16} {'top-1':>7} {'top-3':>7} {'oos-rej':>8} {'intents':>8}")
    sets = [
        ("2020 training set (404)", load_ledger_file(DEFAULT_LEDGER_FILE), load_eval_set(TRAINING),
         dt.date(2020, 10, 20)),
        ("cangnan-2022 dev set (drafted)", drafted("cangnan-2022"), load_eval_set(DEV_SET),
         dt.date(2022, 10, 31)),
    ]  # fmt: skip
    for name, ledger, items, today in sets:
        answerer = Answerer(ledger, load_lexicon(), today=today, tz=TZ)

        def ours(q: str, answerer=answerer):
            answer = answerer.ask(q)
            return answer.intent, list(answer.targets)

        bm25 = bigram_bm25(ledger)
        for system, ask in (("this project", ours), ("BM25 bigram", bm25.ask)):
            report = evaluate(ask, items)
            intents = f"{report.intent_rate:8.1%}" if system == "this project" else f"{'—':>8}"
            rejection = f"{report.oos_rate:8.1%}" if system == "this project" else f"{'—':>8}"
            print(
                f"{name:<34} {system:<16} {report.top1_rate:>7.1%} {report.top3_rate:>7.1%}"
                f" {rejection} {intents}"
            )


def synthetic_ledger(size: int, seed: int = 11) -> LedgerSpec:
    """`size` targets that differ like real ones: clauses, words and figures recombined from
    the 2020 ledger and the drafted reports, numbers redrawn, no two targets alike."""
    rng = random.Random(seed)
    sources = [load_ledger_file(DEFAULT_LEDGER_FILE)] + [
        drafted(p.parent.name) for p in sorted(REPORTS.glob("*/report.txt"))
    ]
    real = [t for ledger in sources for t in ledger.targets]
    clauses = [c for t in real for c in re.split(r"[，,。；;]", t.target_text) if len(c) >= 4]
    progress = [c for t in real for c in re.split(r"[，,。；;]", t.progress_text) if len(c) >= 4]
    words = sorted({w for t in real for w in (t.title, *t.aliases) if 2 <= len(w) <= 8})
    places = ["东关", "西关", "南湖", "北山", "河口", "柳林", "桃园", "杨庄", "新集", "石桥"]
    targets = []
    for number in range(1, size + 1):
        model = real[rng.randrange(len(real))]

        def redraw(text: str) -> str:
            return re.sub(r"\d+(\.\d+)?", lambda _: str(rng.randint(1, 999)), text)

        title = f"{rng.choice(places)}{rng.choice(words)}{rng.choice(words)[:4]}"
        text = "，".join(redraw(rng.choice(clauses)) for _ in range(rng.randint(1, 3))) + "。"
        targets.append(
            dataclasses.replace(
                model,
                number=number,
                title=title[:16],
                aliases=tuple(rng.sample(words, 2)),
                target_text=text,
                progress_text=redraw(rng.choice(progress)) + "。",
            )
        )
    return dataclasses.replace(sources[0], targets=tuple(targets))


def timed(ask, questions: list[str], repeat: int = 1) -> list[float]:
    for q in questions[:20]:
        ask(q)  # warm caches so the first questions don't skew p99
    out = []
    for _ in range(repeat):
        for q in questions:
            t0 = time.perf_counter()
            ask(q)
            out.append((time.perf_counter() - t0) * 1000)
    return out


def figures(ms: list[float]) -> tuple[float, float]:
    ordered = sorted(ms)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def speed() -> None:
    questions = [i["q"] for i in load_eval_set(TRAINING)]
    print("\n## Per question, one process (ms): this project vs bm25s bigrams, best three")
    print(f"{'ledger':<22} {'ours median':>11} {'ours p99':>9} {'bm25 median':>11} "
          f"{'bm25 p99':>9} {'ratio med':>9} {'ratio p99':>9}")  # fmt: skip
    for name, ledger in (
        ("2020 (66 targets)", load_ledger_file(DEFAULT_LEDGER_FILE)),
        ("synthetic 10,000", None),
    ):
        build = 0.0
        if ledger is None:
            ledger = synthetic_ledger(10_000)
            t0 = time.perf_counter()
            answerer = Answerer(ledger, load_lexicon(), today=dt.date(2020, 10, 20), tz=TZ)
            build = time.perf_counter() - t0
        else:
            answerer = Answerer(ledger, load_lexicon(), today=dt.date(2020, 10, 20), tz=TZ)
        bm25 = bigram_bm25(ledger)
        ours_ms = timed(answerer.ask, questions, repeat=3)
        bm25_ms = timed(bm25.ask, questions, repeat=3)
        (om, op), (bmm, bp) = figures(ours_ms), figures(bm25_ms)
        print(
            f"{name:<22} {om:>11.3f} {op:>9.3f} {bmm:>11.3f} {bp:>9.3f} {om / bmm:>8.1f}×"
            f" {op / bp:>8.1f}×"
        )
        if build:
            print(f"  index build at 10,000 targets: {build:.2f} s")
            refresh_ms = []
            for i in range(5):
                changed = list(ledger.targets)
                n = 1 + i * 997
                t = changed[n - 1]
                changed[n - 1] = dataclasses.replace(
                    t, progress_text=t.progress_text + "已完成。", aliases=(*t.aliases, f"别名{i}")
                )
                ledger = dataclasses.replace(ledger, targets=tuple(changed))
                t0 = time.perf_counter()
                answerer.refresh(ledger)
                refresh_ms.append((time.perf_counter() - t0) * 1000)
            print(
                "  refresh after one admin change at 10,000 targets: median "
                f"{statistics.median(refresh_ms):.1f} ms (max {max(refresh_ms):.1f} ms, 5 runs)"
            )


def cold_start() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "config.toml"
        config.write_text(
            f'[database]\nurl = "sqlite:///{Path(tmp) / "cold.db"}"\n', encoding="utf-8"
        )
        command = [sys.executable, "main.py", "ask", "新增贷款完成了吗", "--config", str(config)]
        subprocess.run(command, cwd=PROJECT_ROOT, check=True, capture_output=True)  # seeds
        runs, cpu = [], []
        for _ in range(5):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            subprocess.run(command, cwd=PROJECT_ROOT, check=True, capture_output=True)
            runs.append(time.perf_counter() - t0)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    print("\n## Cold start of `python main.py ask` (seeded SQLite file, 5 runs)")
    print(
        f"wall median {statistics.median(runs):.2f} s ("
        + ", ".join(f"{r:.2f}" for r in runs)
        + f"); CPU median {statistics.median(cpu):.2f} s; load average {os.getloadavg()[0]:.1f}"
    )


def main() -> None:
    np.seterr(all="ignore")
    accuracy()
    speed()
    cold_start()


if __name__ == "__main__":
    main()
