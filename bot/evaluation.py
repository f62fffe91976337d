"""Scoring an answering function against the labelled question set (tests and bench)."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

EVAL_SET = Path(__file__).resolve().parent.parent / "tests" / "data" / "questions.jsonl"


def load_eval_set(path: Path = EVAL_SET) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@dataclass
class EvalReport:
    target_total: int = 0
    top1: int = 0
    top3: int = 0
    oos_total: int = 0
    oos_rejected: int = 0
    intent_total: int = 0
    intent_right: int = 0
    latencies_ms: list[float] = field(default_factory=list)
    misses: list[tuple[str, list[int], str, list[int]]] = field(default_factory=list)

    @property
    def top1_rate(self) -> float:
        return self.top1 / max(self.target_total, 1)

    @property
    def top3_rate(self) -> float:
        return self.top3 / max(self.target_total, 1)

    @property
    def oos_rate(self) -> float:
        return self.oos_rejected / max(self.oos_total, 1)

    @property
    def intent_rate(self) -> float:
        return self.intent_right / max(self.intent_total, 1)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.latencies_ms) if self.latencies_ms else 0.0

    @property
    def p99_ms(self) -> float:
        if not self.latencies_ms:
            return 0.0
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def evaluate(ask: Callable[[str], tuple[str, list[int]]], items: list[dict]) -> EvalReport:
    """`ask` returns (intent, ranked targets); target items score top-1/top-3 on the set."""
    report = EvalReport()
    for item in items:
        start = time.perf_counter()
        intent, targets = ask(item["q"])
        report.latencies_ms.append((time.perf_counter() - start) * 1000)
        expected = item["intent"]
        if expected == "target":
            report.target_total += 1
            wanted = set(item["targets"])
            hit1 = intent == "target" and bool(targets) and targets[0] in wanted
            hit3 = intent == "target" and bool(wanted & set(targets[:3]))
            report.top1 += hit1
            report.top3 += hit3
            if not hit1:
                report.misses.append((item["q"], item["targets"], intent, targets[:3]))
        else:
            report.intent_total += 1
            report.intent_right += intent == expected
            if intent != expected:
                report.misses.append((item["q"], [], f"{intent}≠{expected}", targets[:3]))
            if expected == "unknown":
                report.oos_total += 1
                report.oos_rejected += intent == "unknown"
    return report
