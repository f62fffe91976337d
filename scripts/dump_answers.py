"""Every answer of the answering core on the tuned and dev question sets, one JSON line each.

Used to prove that a change (a speed-up, a refactor) changes no answer: run it before and
after, then diff the two files. It writes the whole `Answer` (intent, targets, reply, filter,
flags) and each candidate's number, score, coverage and reasons, so a changed tie order or
score shows too. Blind sets and held-out report folders are never read.

    PYTHONPATH=. .venv/bin/python scripts/dump_answers.py > /tmp/before.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from bench.core import judged_on
from bench.sets import question_sets
from bench.synthetic import synthetic_ledger, synthetic_questions
from bot.understanding.answering import Answerer
from bot.understanding.lexicon import load_lexicon


def as_record(answer) -> dict:
    return {
        "q": answer.question,
        "intent": answer.intent,
        "targets": list(answer.targets),
        "reply": answer.reply,
        "filter": answer.filter,
        "confident": answer.confident,
        "ambiguous": answer.ambiguous,
        "choices": answer.choices,
        "candidates": [
            [c.number, c.score, c.coverage, [list(r) for r in c.reasons]]
            for c in answer.candidates
        ],
    }


def dump(label: str, ledger, questions: list[str], out) -> None:
    config, today = judged_on(ledger)
    answerer = Answerer(ledger, load_lexicon(), today=today, tz=config.tz)
    for q in questions:
        record = as_record(answerer.ask(q))
        record["set"] = label
        out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")


def held_out(question_file: Path) -> bool:
    source = question_file.parent / "SOURCE.md"
    return source.exists() and "use: held out" in source.read_text(encoding="utf-8").lower()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic", type=int, default=1000, help="synthetic size (0: none)")
    args = parser.parse_args()
    out = sys.stdout
    real: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for qs in question_sets(Path(tmp)):
            if qs.blind or held_out(qs.questions):
                continue
            questions = [i["q"] for i in qs.items()]
            real += questions
            dump(qs.name, qs.ledger(), questions, out)
    if args.synthetic:
        big = synthetic_ledger(args.synthetic)
        dump(f"synthetic {args.synthetic}", big, synthetic_questions(big, 300) + real[:300], out)


if __name__ == "__main__":
    main()
