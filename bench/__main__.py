"""`make bench`: answering accuracy and latency against two baselines, scale and cold start.

Every number printed is measured in this run; nothing is hard-coded.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

from bench.baselines import BM25Baseline, WRatioBaseline
from bot.answering import Answerer
from bot.config import DEFAULT_LEDGER_FILE, PROJECT_ROOT
from bot.evaluation import evaluate, load_eval_set
from bot.ledger import LedgerSpec
from bot.ledger_toml import load_ledger_file
from bot.thesaurus import load_thesaurus

TZ = ZoneInfo("Asia/Shanghai")
TODAY = dt.date(2021, 1, 15)


def row(name: str, report) -> str:
    return (
        f"{name:<22} {report.top1_rate:>7.1%} {report.top3_rate:>7.1%} {report.oos_rate:>9.1%}"
        f" {report.median_ms:>9.3f} {report.p99_ms:>9.3f}"
    )


def accuracy(ledger: LedgerSpec) -> None:
    items = load_eval_set()
    answerer = Answerer(ledger, load_thesaurus(), today=TODAY, tz=TZ)

    def ours(q: str):
        answer = answerer.ask(q)
        return answer.intent, list(answer.targets)

    wratio = WRatioBaseline(ledger)
    bm25 = BM25Baseline(ledger)
    # Give each baseline its best rejection cutoff on this very set (a generous comparison).
    wratio.cutoff = best_cutoff(wratio, items, [float(c) for c in range(0, 100, 5)])
    bm25.cutoff = best_cutoff(bm25, items, [c / 2 for c in range(0, 21)])
    systems = {
        "this project": ours,
        f"WRatio (cutoff {wratio.cutoff:g})": wratio.ask,
        f"BM25 (cutoff {bm25.cutoff:g})": bm25.ask,
    }
    target_items = sum(1 for i in items if i["intent"] == "target")
    oos_items = sum(1 for i in items if i["intent"] == "unknown")
    print(
        f"## Answering accuracy: {len(items)} questions ({target_items} about targets, "
        f"{oos_items} out of scope), {dt.datetime.now(TZ).date().isoformat()}"
    )
    print(
        f"{'system':<22} {'top-1':>7} {'top-3':>7} {'oos-rej':>9} {'median ms':>9} {'p99 ms':>9}"
    )
    for name, ask in systems.items():
        for item in items[:20]:  # warm caches so the first questions don't skew p99
            ask(item["q"])
        print(row(name, evaluate(ask, items)))
    report = evaluate(ours, items)
    print(
        f"this project, non-target intents (list/summary/help/unknown): {report.intent_rate:.1%}"
    )


def best_cutoff(baseline, items, cutoffs) -> float:
    """The cutoff that gets the most target and out-of-scope questions right."""

    def right(cutoff: float) -> int:
        baseline.cutoff = cutoff
        report = evaluate(baseline.ask, [i for i in items if i["intent"] in ("target", "unknown")])
        return report.top1 + report.oos_rejected

    return max(cutoffs, key=right)


def synthetic_ledger(base: LedgerSpec, size: int, seed: int = 7) -> LedgerSpec:
    """A ledger of `size` targets made by recombining the real ones' words and figures."""
    rng = random.Random(seed)
    words = [w for t in base.targets for w in (t.title, *t.aliases)]
    targets = []
    for number in range(1, size + 1):
        model = base.targets[(number - 1) % len(base.targets)]
        extra = "".join(rng.sample(words, 2))
        targets.append(
            dataclasses.replace(
                model,
                number=number,
                title=f"{model.title}{number}",
                aliases=tuple(f"{a}{rng.randint(1, 999)}" for a in model.aliases[:3]),
                target_text=f"{extra}。{model.target_text}",
            )
        )
    return dataclasses.replace(base, targets=tuple(targets))


def scale(ledger: LedgerSpec, size: int = 10_000) -> None:
    big = synthetic_ledger(ledger, size)
    start = time.perf_counter()
    answerer = Answerer(big, load_thesaurus(), today=TODAY, tz=TZ)
    build_s = time.perf_counter() - start
    questions = [i["q"] for i in load_eval_set()]
    latencies = []
    for q in questions:
        t0 = time.perf_counter()
        answerer.ask(q)
        latencies.append((time.perf_counter() - t0) * 1000)
    latencies.sort()
    print(f"\n## Synthetic {size:,}-target ledger")
    print(
        f"index build {build_s:.2f} s; per question median {statistics.median(latencies):.2f} ms,"
        f" p99 {latencies[int(len(latencies) * 0.99)]:.2f} ms over {len(questions)} questions"
    )


def cold_start() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "config.toml"
        config.write_text(
            f'[database]\nurl = "sqlite:///{Path(tmp) / "cold.db"}"\n', encoding="utf-8"
        )
        runs = []
        for _ in range(3):
            t0 = time.perf_counter()
            subprocess.run(
                [sys.executable, "main.py", "ask", "新增贷款完成了吗", "--config", str(config)],
                cwd=PROJECT_ROOT,
                check=True,
                capture_output=True,
            )
            runs.append(time.perf_counter() - t0)
    print("\n## Cold start of `python main.py ask` (first run seeds a new SQLite file)")
    print("runs: " + ", ".join(f"{r:.2f} s" for r in runs))


def main() -> None:
    ledger = load_ledger_file(DEFAULT_LEDGER_FILE)
    accuracy(ledger)
    scale(ledger)
    cold_start()
    from bench import flood, load

    load.main()
    flood.main()


if __name__ == "__main__":
    main()
