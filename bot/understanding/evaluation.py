"""Scoring an answering function against labelled questions and conversations.

Pure scoring, no data of its own: the caller (tests, `bench/`) names the question file.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

# What a scored system returns for one question: its intent and its ranked targets.
Reply = tuple[str, list[int]]
REQUEST_INTENTS = ("list", "summary", "help")  # the intents besides a target and "unknown"


def load_eval_set(path: Path) -> list[dict]:
    """The JSON objects of a JSON-lines file, one per non-empty line; an out-of-scope
    question's intent, written "out_of_scope" by some sets, is read as "unknown" (the bot's)."""
    with Path(path).open(encoding="utf-8") as handle:
        items = [json.loads(line) for line in handle if line.strip()]
    for item in items:
        if item.get("intent") == "out_of_scope":
            item["intent"] = "unknown"
    return items


@dataclass
class Tally:
    total: int = 0
    right: int = 0

    @property
    def rate(self) -> float:
        return self.right / max(self.total, 1)

    def add(self, right: bool) -> None:
        self.total += 1
        self.right += bool(right)


@dataclass
class EvalReport:
    target_total: int = 0
    top1: int = 0
    top3: int = 0
    oos_total: int = 0
    oos_rejected: int = 0
    # Every non-target question (list, summary, help and out of scope).
    intent_total: int = 0
    intent_right: int = 0
    # Only list, summary and help questions: out of scope has its own figure.
    request_total: int = 0
    request_right: int = 0
    # By the item's "kind": top-1 for target questions, the right intent for the others.
    kinds: dict[str, Tally] = field(default_factory=dict)
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
    def request_rate(self) -> float:
        return self.request_right / max(self.request_total, 1)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.latencies_ms) if self.latencies_ms else 0.0

    @property
    def p99_ms(self) -> float:
        if not self.latencies_ms:
            return 0.0
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def target_hits(item: dict, intent: str, targets: Sequence[int]) -> tuple[bool, bool]:
    """(top-1, top-3) for a target question: any of its listed targets is acceptable."""
    wanted = set(item["targets"])
    hit1 = intent == "target" and bool(targets) and targets[0] in wanted
    hit3 = intent == "target" and bool(wanted & set(targets[:3]))
    return hit1, hit3


def evaluate(ask: Callable[[str], Reply], items: list[dict]) -> EvalReport:
    """`ask` returns (intent, ranked targets); target items score top-1/top-3 on the set."""
    report = EvalReport()
    for item in items:
        start = time.perf_counter()
        intent, targets = ask(item["q"])
        report.latencies_ms.append((time.perf_counter() - start) * 1000)
        expected = item["intent"]
        kind = report.kinds.setdefault(item.get("kind") or expected, Tally())
        if expected == "target":
            report.target_total += 1
            hit1, hit3 = target_hits(item, intent, targets)
            report.top1 += hit1
            report.top3 += hit3
            kind.add(hit1)
            if not hit1:
                report.misses.append((item["q"], item["targets"], intent, targets[:3]))
            continue
        right = intent == expected
        kind.add(right)
        report.intent_total += 1
        report.intent_right += right
        if expected in REQUEST_INTENTS:
            report.request_total += 1
            report.request_right += right
        if not right:
            report.misses.append((item["q"], [], f"{intent}≠{expected}", targets[:3]))
        if expected == "unknown":
            report.oos_total += 1
            report.oos_rejected += right
    return report


@dataclass
class ConversationReport:
    first: Tally = field(default_factory=Tally)  # each conversation's opening question
    followups: Tally = field(default_factory=Tally)  # every later turn
    kinds: dict[str, Tally] = field(default_factory=dict)  # follow-ups by conversation kind
    misses: list[tuple[str, str, str, list[int]]] = field(default_factory=list)


def turn_right(turn: dict, reply: Reply, previous: Reply | None) -> bool:
    """One turn: the intent, the target (any listed one), or for "ordinal" the Nth listed."""
    intent, targets = reply
    if intent != turn["intent"]:
        return False
    if turn.get("ordinal"):
        # "第二个呢" must open the second entry of the list the bot itself gave just before.
        if previous is None or previous[0] != "list":
            return False
        listed = previous[1]
        n = int(turn["ordinal"])
        return 1 <= n <= len(listed) and bool(targets) and targets[0] == listed[n - 1]
    if intent == "target":
        return bool(targets) and targets[0] in set(turn["targets"])
    return True


def score_conversations(
    conversations: list[dict], replies: list[list[Reply]]
) -> ConversationReport:
    """Score each conversation's replies (one per turn, in order) against its turns."""
    report = ConversationReport()
    for conversation, answers in zip(conversations, replies, strict=True):
        turns = conversation["turns"]
        if len(answers) != len(turns):
            raise ValueError(f"{len(turns)} turns but {len(answers)} replies")
        kind = report.kinds.setdefault(conversation.get("kind", "followup"), Tally())
        previous: Reply | None = None
        for position, (turn, reply) in enumerate(zip(turns, answers, strict=True)):
            right = turn_right(turn, reply, previous)
            if position == 0:
                report.first.add(right)
            else:
                report.followups.add(right)
                kind.add(right)
                if not right:
                    report.misses.append((turns[position - 1]["q"], turn["q"], *reply))
            previous = reply
    return report
