"""Accuracy per question set, beside plain baselines, and follow-ups in conversations."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.baselines import WRatioBaseline, bigram_bm25, jieba_bm25
from bench.core import ask_of, build_core, run_conversations
from bench.report import CANNOT, NA, Figures, rate, table
from bench.sets import CONVERSATIONS_2020, QuestionSet, question_sets
from bot.config import DEFAULT_LEDGER_FILE, PROJECT_ROOT
from bot.domain.ledger import LedgerSpec
from bot.render.ledger_toml import load_ledger_file
from bot.understanding.evaluation import (
    EvalReport,
    Reply,
    evaluate,
    load_eval_set,
    score_conversations,
)

WRATIO_CUTOFFS = tuple(float(c) for c in range(0, 100, 5))


@dataclass(frozen=True)
class System:
    name: str
    ask: Callable[[str], Reply]
    rejects: bool  # can answer "no target matches"
    intents: bool  # tells lists, summaries and help from target questions


def sweep_wratio(ledger: LedgerSpec, training: list[dict]) -> float:
    """WRatio's cutoff with the most right answers on TRAINING items (target + out of scope)."""
    items = [i for i in training if i["intent"] in ("target", "unknown")]
    baseline = WRatioBaseline(ledger)

    def right(cutoff: float) -> int:
        baseline.cutoff = cutoff
        report = evaluate(baseline.ask, items)
        return report.top1 + report.oos_rejected

    return max(WRATIO_CUTOFFS, key=right)


def baselines(ledger: LedgerSpec, cutoff: float) -> list[System]:
    return [
        System("BM25 bigrams", bigram_bm25(ledger).ask, False, False),
        System("BM25 jieba", jieba_bm25(ledger).ask, False, False),
        System(f"WRatio ≥{cutoff:g}", WRatioBaseline(ledger, cutoff).ask, True, False),
    ]


def score(items: list[dict], systems: list[System]) -> dict[str, EvalReport]:
    return {s.name: evaluate(s.ask, items) for s in systems}


def summary_rows(qset: QuestionSet, reports: dict[str, EvalReport], systems: list[System]):
    """One row per system: top-1, top-3, out of scope rejected, intents right ("—": cannot)."""
    for system in systems:
        r = reports[system.name]
        yield [
            qset.name,
            qset.label,
            system.name,
            rate(r.top1, r.target_total),
            rate(r.top3, r.target_total),
            rate(r.oos_rejected, r.oos_total) if system.rejects else CANNOT,
            rate(r.request_right, r.request_total) if system.intents else CANNOT,
        ]


def kind_table(items: list[dict], reports: dict[str, EvalReport], systems: list[System]) -> str:
    """Rows by kind: top-1 for target kinds, the right intent for the others."""
    intents_of: dict[str, set[str]] = {}
    for item in items:
        intents_of.setdefault(item.get("kind") or item["intent"], set()).add(item["intent"])
    # Target kinds first, out of scope last, each group as the set has them.
    ranked = sorted(
        intents_of, key=lambda k: ("target" not in intents_of[k], "unknown" in intents_of[k])
    )
    rows = []
    for kind in ranked:
        intents = intents_of[kind]
        cells = []
        for system in systems:
            able = (
                "target" in intents
                or system.intents
                or (intents == {"unknown"} and system.rejects)
            )
            cells.append(f"{reports[system.name].kinds[kind].rate:.0%}" if able else CANNOT)
        what = "top-1" if "target" in intents else "/".join(sorted(intents))
        rows.append([kind, what, reports[systems[0].name].kinds[kind].total, *cells])
    return table(["kind", "scored on", "n", *(s.name for s in systems)], rows)


SUMMARY_HEADERS = (
    "set", "label", "system", "top-1", "top-3", "out of scope rejected", "intents right",
)  # fmt: skip


def score_set(
    figures: Figures,
    qset: QuestionSet,
    workdir: Path,
    cutoff: float,
    blocks: list[str],
    show_misses: bool,
) -> list[list]:
    """Score this project and the baselines on one set; its by-kind table goes to `blocks`."""
    items, ledger = qset.items(), qset.ledger()
    systems = [
        System("this project", ask_of(build_core(ledger, workdir)), True, True),
        *baselines(ledger, cutoff),
    ]
    reports = score(items, systems)
    figures.accuracy[qset.name] = reports
    title = f"{qset.name} ({qset.label}, {len(ledger.targets)} targets)"
    blocks.append(f"\n### By kind: {title}\n\n" + kind_table(items, reports, systems))
    if show_misses and (shown := misses_block(qset, reports["this project"], title)):
        blocks.append(shown)
    return list(summary_rows(qset, reports, systems))


def misses_block(qset: QuestionSet, report, title: str) -> str:
    """This project's misses on a set it may be tuned on; a blind set's are never shown."""
    if qset.blind:
        return ""
    lines = [f"\n### This project's misses: {title}\n"]
    for question, wanted, intent, got in report.misses:
        lines.append(f"- {question} — wanted {wanted or '-'}, got {intent} {got}")
    return "\n".join(lines)


def accuracy(
    figures: Figures, workdir: Path, show_misses: bool = False, dev_only: bool = False
) -> None:
    sets = [s for s in question_sets(workdir) if not (dev_only and s.blind)]
    training = sets[0]
    cutoff = sweep_wratio(training.ledger(), training.items())
    print(
        "Top-1 and top-3 over target questions (any listed target counts); out of scope "
        "rejected; intents right over list, summary and help questions. "
        f"{CANNOT} = the baseline cannot do it. WRatio's cutoff ({cutoff:g}) was swept on the "
        "training set only. The report ledgers are drafted from their `report.txt` by "
        "`parse_report` + `draft_ledger` (what `python main.py import-report` does) and loaded "
        "as they come.\n"
    )
    rows, blocks = [], []
    figures.set_names = [qset.name for qset in sets]
    figures.second_ledgers = [qset.name for qset in sets if qset.report is not None and qset.blind]
    for n, qset in enumerate(sets):
        try:
            rows.extend(score_set(figures, qset, workdir / f"set{n}", cutoff, blocks, show_misses))
        except Exception as exc:  # noqa: BLE001 - one set that cannot run must not hide the rest
            reason = traceback.format_exception_only(exc)[-1].strip()
            rows.append([qset.name, qset.label, f"{NA} ({reason})", NA, NA, NA, NA])
    print(table(SUMMARY_HEADERS, rows))
    for block in blocks:
        print(block)


def conversations(figures: Figures, workdir: Path) -> None:
    convs = load_eval_set(CONVERSATIONS_2020)
    run = run_conversations(
        convs,
        DEFAULT_LEDGER_FILE,
        workdir,
        lambda: ask_of(build_core(load_ledger_file(DEFAULT_LEDGER_FILE), workdir / "core")),
    )
    report = score_conversations(convs, run.replies)
    note = "" if run.with_context else " — conversation context not supported"
    figures.followups = (report.followups.right, report.followups.total)
    figures.followups_with_context = run.with_context
    print(
        f"{len(convs)} blind conversations on the 2020 ledger "
        f"(`{CONVERSATIONS_2020.relative_to(PROJECT_ROOT)}`), driven by {run.how}. Every turn "
        'after the first is scored on intent and target; an "ordinal" turn (第二个呢) is right '
        "when it answers the Nth target of the bot's own previous list.\n"
    )
    rows = [["follow-up turns (after the first)", rate(*figures.followups) + note]]
    for kind, tally in sorted(report.kinds.items()):
        rows.append([f"of which {kind}", rate(tally.right, tally.total) + note])
    rows.append(["first turns", rate(report.first.right, report.first.total)])
    print(table(["turns", "right"], rows))
