"""`import-report` agreement: the draft of every report beside what a person expects of it.

The 2020 report's draft is compared with the curated data/ledger_2020.toml; every folder of
tests/data/reports/ with an expected.json with that hand-made expectation. The 2020 report,
cangnan-2022 and the dev folders (SOURCE.md: "Use: dev") are tuned on; every other folder is
held out and only measured here. Each report is drafted on the day staff would import it
(`bench/drafts.py`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from bench.drafts import draft_as_imported
from bench.report import table, verdict
from bot.config import PROJECT_ROOT
from bot.drafting.agreement import (
    FIELDS,
    Agreement,
    agreement,
    expect_from_ledger,
    load_expected,
    refused,
)
from bot.drafting.report_text import ReportFormatError
from bot.render.ledger_toml import load_ledger_file

SEED_REPORT = PROJECT_ROOT / "data" / "sources" / "report_2020.txt"
SEED_LEDGER = PROJECT_ROOT / "data" / "ledger_2020.toml"
REPORTS = PROJECT_ROOT / "tests" / "data" / "reports"
TUNED_ON = frozenset({"2020 report"})  # not a folder: every folder says so in its SOURCE.md
# The goals of issue 12: on the 2020 draft against the curated ledger, and on held-out reports.
SEED_GOALS = {"pairs": 0.90, "statuses": 0.90, "categories": 0.85, "deadlines": 0.95, "year": 1.0}
HELD_OUT_GOALS = {"pairs": 0.90, "statuses": 0.90}


@dataclass(frozen=True)
class Measured:
    name: str
    agreement: Agreement
    held_out: bool


def measure_seed(today: dt.date) -> Measured:
    drafted = draft_as_imported(SEED_REPORT, today)
    expected = expect_from_ledger(load_ledger_file(SEED_LEDGER))
    return Measured(
        "2020 report", agreement(drafted.ledger, expected, drafted.judging_day), held_out=False
    )


def measure_folder(folder: Path, today: dt.date) -> Measured:
    """One folder's agreement; a report the drafter refuses scores nothing right, and says why."""
    expected = load_expected(folder / "expected.json")
    held_out = not tuned_on(folder)
    try:
        drafted = draft_as_imported(folder / "report.txt", today)
    except ReportFormatError as error:
        return Measured(folder.name, refused(expected, str(error)), held_out=held_out)
    found = agreement(drafted.ledger, expected, drafted.judging_day)
    return Measured(folder.name, found, held_out=held_out)


def tuned_on(folder: Path) -> bool:
    """A folder the drafter may be tuned on: each whose SOURCE.md says "Use: dev"."""
    source = folder / "SOURCE.md"
    return folder.name in TUNED_ON or (
        source.is_file() and "Use: dev" in source.read_text(encoding="utf-8")
    )


def report_folders(root: Path = REPORTS) -> list[Path]:
    """Every report folder with a report.txt and an expected.json, by name."""
    return sorted(
        p
        for p in root.iterdir()
        if (p / "expected.json").is_file() and (p / "report.txt").is_file()
    )


def measure_all(today: dt.date) -> list[Measured]:
    return [measure_seed(today)] + [measure_folder(f, today) for f in report_folders()]


def _met(measured: Measured, goals: dict[str, float]) -> list[str]:
    rows = []
    for key, floor in goals.items():
        rate = measured.agreement.scores[key].rate
        rows.append(
            f"{measured.name}: {key} ≥ {floor:.0%}: "
            + ("n/a" if rate is None else f"{rate:.1%}, {verdict(rate >= floor)}")
        )
    return rows


def agreement_tables(figures, folder: Path, *, show_misses: bool = False) -> None:
    """Print the agreement table, the goals and (optionally) what each draft got wrong."""
    today = dt.datetime.now().astimezone().date()
    found = measure_all(today)
    rows = [
        [m.name, "held out" if m.held_out else "tuned on"]
        + [str(m.agreement.scores[k]) for k in FIELDS]
        + [m.agreement.extra_pairs]
        for m in found
    ]
    print(table(["report", "use", *FIELDS, "unexpected pairs"], rows))
    print(
        "\nEach cell is right/total: a pair is right when one draft indicator holds the expected "
        "target and actual with their units; a status is the draft's (its override from the "
        "words, or the rules on the report's as-of day); deadlines are the set of dates. "
        '"unexpected pairs" counts draft indicators pairing figures nobody expected. Each report '
        "is drafted on its import day (its expected.json `imported_on`, the day it was published; "
        "today where a folder gives none), as staff would import it.\n"
    )
    for m in found:
        goals = SEED_GOALS if m.name == "2020 report" else HELD_OUT_GOALS if m.held_out else {}
        for line in _met(m, goals):
            print(f"- {line}")
    if show_misses:
        for m in found:
            if m.held_out:
                continue  # a held-out report's misses are never shown: nobody may tune on them
            for key in FIELDS:
                if m.agreement.misses[key]:
                    print(f"\n{m.name} {key} misses: " + "; ".join(m.agreement.misses[key]))
