"""Routing questions by year changes nothing on a one-year database: over the training and
blind question sets, every answer equals the bare core's, except for questions naming a year
the database does not hold, which now say so."""

from __future__ import annotations

import json
from pathlib import Path

from bot.bootstrap import build_answerer
from bot.ledger_years import LedgerYears, parse_year_phrase

DATA = Path(__file__).resolve().parents[1] / "data"
QUESTION_SETS = (DATA / "questions.jsonl", DATA / "blind" / "questions_2020.jsonl")


def test_a_one_year_database_answers_as_before_except_years_not_held(engine, config):
    answerer = build_answerer(engine, config)
    years = LedgerYears(engine, config, lambda: answerer)
    questions = [
        json.loads(line)["q"]
        for path in QUESTION_SETS
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    changed, not_held = [], []
    for question in questions:
        before, after = answerer.ask(question), years.ask(question)
        if (before.intent, before.targets, before.reply) != (
            after.intent,
            after.targets,
            after.reply,
        ):
            changed.append(question)
            if after.reply.startswith("数据库中没有") and after.intent == "unknown":
                not_held.append(question)
    assert len(questions) > 1000
    assert changed == not_held  # nothing else changed
    assert {parse_year_phrase(q, 2020).year for q in not_held} == {2019, 2021}


def test_a_comparison_with_a_year_not_held_says_so_under_the_answer(engine, config):
    answerer = build_answerer(engine, config)
    years = LedgerYears(engine, config, lambda: answerer)
    compared = years.ask("新增贷款和去年比怎么样")
    assert compared.targets == answerer.ask("新增贷款怎么样").targets
    assert compared.reply.endswith("同比：数据库中没有2019年的台账，无法与上年相比。")
    # A figure's own change on last year is in this year's texts: no such line.
    assert "同比：" not in years.ask("新增贷款比上年增长多少").reply
