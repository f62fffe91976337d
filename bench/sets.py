"""The question sets `make bench` scores, and the ledgers they are asked about.

Training and dev sets (the matcher is tuned on them; the dev sets were written from the
report or the drafted ledger before tuning) and blind sets (frozen before tuning, written by a
helper who never saw the matcher) are kept apart: nothing here is ever tuned on a blind set.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bench.drafts import draft_as_imported
from bot.config import DEFAULT_LEDGER_FILE, PROJECT_ROOT
from bot.domain.ledger import LedgerSpec
from bot.drafting.review import draft_toml
from bot.render.ledger_toml import load_ledger_file
from bot.understanding.evaluation import load_eval_set

DATA = PROJECT_ROOT / "tests" / "data"
TRAINING = DATA / "questions.jsonl"
DEV_2020 = DATA / "questions_dev_2020.jsonl"  # written from the report, tuned on (dev)
DEV2_2020 = DATA / "questions_dev2_2020.jsonl"  # indirect and out-of-scope heavy (DEV2.md)
DEV_CANGNAN = DATA / "questions_cangnan_dev.jsonl"
BLIND_2020 = DATA / "blind" / "questions_2020.jsonl"
CONVERSATIONS_2020 = DATA / "blind" / "conversations_2020.jsonl"
REPORTS = DATA / "reports"


@dataclass(frozen=True)
class QuestionSet:
    name: str
    label: str  # "tuned on", "dev/tuned" or "blind"
    questions: Path
    ledger_file: Path  # a TOML ledger: the curated 2020 one, or where a report's draft goes
    report: Path | None = None  # drafted into `ledger_file` when first needed

    @property
    def blind(self) -> bool:
        return self.label == "blind"

    def items(self) -> list[dict]:
        return load_eval_set(self.questions)

    def ledger(self) -> LedgerSpec:
        if self.report is not None and not self.ledger_file.exists():
            draft_report_ledger(self.report, self.ledger_file)
        return load_ledger_file(self.ledger_file)


def draft_report_ledger(report: Path, output: Path) -> Path:
    """Draft a ledger TOML from a report exactly as `python main.py import-report` does, on
    the report's import day (`bench/drafts.py`)."""
    output.write_text(draft_toml(draft_as_imported(report)), encoding="utf-8")
    return output


def question_sets(workdir: Path, reports: Path = REPORTS) -> list[QuestionSet]:
    """Every set, in print order; report ledgers are drafted into `workdir` when needed."""
    sets = [
        QuestionSet("2020 ledger, training questions", "tuned on", TRAINING, DEFAULT_LEDGER_FILE),
        QuestionSet("2020 ledger, dev questions", "dev/tuned", DEV_2020, DEFAULT_LEDGER_FILE),
        QuestionSet("2020 ledger, dev2 questions", "dev/tuned", DEV2_2020, DEFAULT_LEDGER_FILE),
        QuestionSet("2020 ledger, blind questions", "blind", BLIND_2020, DEFAULT_LEDGER_FILE),
        # Issue 12: the draft of the same report, as it comes, on the same blind questions.
        QuestionSet(
            "2020 drafted ledger, blind questions",
            "blind",
            BLIND_2020,
            workdir / "report_2020.toml",
            PROJECT_ROOT / "data" / "sources" / "report_2020.txt",
        ),
        # The dev questions on that draft: how the matcher does on a ledger without aliases.
        QuestionSet(
            "2020 drafted ledger, dev questions",
            "dev/tuned",
            DEV_2020,
            workdir / "report_2020.toml",
            PROJECT_ROOT / "data" / "sources" / "report_2020.txt",
        ),
        QuestionSet(
            "2020 drafted ledger, dev2 questions",
            "dev/tuned",
            DEV2_2020,
            workdir / "report_2020.toml",
            PROJECT_ROOT / "data" / "sources" / "report_2020.txt",
        ),
    ]
    # Every other place's report with questions: blind ones as "blind", dev ones (written
    # for tuning, SOURCE.md says "dev") as "dev/tuned"; a new folder is measured as it lands.
    for folder in sorted(p for p in reports.iterdir() if p.is_dir()):
        report = folder / "report.txt"
        for file, label, suffix in (
            ("questions_blind.jsonl", "blind", "blind"),
            ("questions_dev.jsonl", "dev/tuned", "dev"),
            ("questions_dev2.jsonl", "dev/tuned", "dev2"),
            ("questions_dev3.jsonl", "dev/tuned", "dev3"),
        ):
            questions = folder / file
            if questions.exists():
                draft = workdir / f"{folder.name}-{suffix}.toml"
                name = f"{folder.name} drafted ledger, {suffix}"
                sets.append(QuestionSet(name, label, questions, draft, report))
    cangnan = REPORTS / "cangnan-2022"  # the first dev set, kept where its tests read it
    sets.append(
        QuestionSet(
            "cangnan-2022 drafted ledger, first dev set",
            "dev/tuned",
            DEV_CANGNAN,
            workdir / "cangnan-2022-dev.toml",
            cangnan / "report.txt",
        )
    )
    return sets
