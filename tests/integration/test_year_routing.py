"""Routing questions by year changes nothing on a one-year database: over the training and
blind question sets, every answer equals the bare core's, except for questions naming a year
the database does not hold, which now say so."""

from __future__ import annotations

import json
from pathlib import Path

from bot.app.ledger_years import LedgerYears, parse_year_phrase
from bot.app.services import build_answerer
from bot.render.ledger_toml import load_ledger_file
from bot.store.ledger_import import load_ledger

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
    # which years there are, as a named year not held says
    assert compared.reply.endswith(
        "同比：数据库中没有2019年的台账（现有：2020年），无法与上年相比。"
    )
    # A figure's own change on last year is in this year's texts: no such line.
    assert "同比：" not in years.ask("新增贷款比上年增长多少").reply


# A 2022 ledger without 新增贷款: 2021's 造林绿化 and 城市书房, and a target that shares
# only 新增 with it (新增规模以上工业企业), which a bare match of "新增贷款" lands on.
SMALL_FIRMS = """
[[targets]]
number = 3
title = "小升规"
category = "经济发展"
target_text = "新增规模以上工业企业10家。"
progress_text = "已新增规上工业企业6家。"

[[targets.units]]
name = "县工信局"
role = "lead"
source = "inferred"

[[targets.indicators]]
name = "新增规上工业企业"
target = "10"
unit = "家"
actual = "6"
"""


def ledger_2022(tmp_path: Path):
    head, _loans, forest, rooms = (
        (DATA / "ledger_2021.toml").read_text("utf-8").split("[[targets]]")
    )
    forest, rooms = (
        forest.replace("number = 2", "number = 1"),
        rooms.replace("number = 3", "number = 2"),
    )
    text = "[[targets]]".join([head, forest, rooms]).replace("2021", "2022") + SMALL_FIRMS
    path = tmp_path / "ledger_2022.toml"
    path.write_text(text, encoding="utf-8")
    return load_ledger_file(path)


def test_a_comparison_of_a_target_the_year_lacks_says_so_and_answers_no_other(
    engine, config, tmp_path
):
    load_ledger(engine, load_ledger_file(DATA / "ledger_2021.toml"), source="2021")
    load_ledger(engine, ledger_2022(tmp_path), source="2022")
    answerer = build_answerer(engine, config)
    assert answerer.ledger.year == 2022
    years = LedgerYears(engine, config, lambda: answerer)
    for question in ("新增贷款和去年比", "新增贷款同比情况"):
        answer = years.ask(question)
        assert answer.targets == () and "小升规" not in answer.reply, answer.reply
        assert answer.reply.startswith("2022年台账中没有“新增贷款”这项目标"), answer.reply
        assert "可以问“2021年的新增贷款”" in answer.reply
    # Held in 2022 too, or only in 2022: compared (or said missing last year) as before.
    assert "同比（2021年第2项“造林绿化”）" in years.ask("造林和去年比").reply
    assert years.ask("小升规和去年比").reply.endswith(
        "同比：2021年台账中没有与“小升规”相同的目标。"
    )
    # In neither year: no comparison of the two ledgers' counts under "not found".
    missing = years.ask("固投和去年比").reply
    assert "同比：没有找到要比较的目标，无法与2021年相比。" in missing and "共3项" not in missing


def test_naming_the_current_year_asks_about_its_ledger_not_texts_that_mention_it(engine, config):
    answerer = build_answerer(engine, config)
    years = LedgerYears(engine, config, lambda: answerer)
    everything = answerer.ask("有哪些目标")
    assert len(everything.targets) == 66
    for question in ("2020年有哪些目标", "2020年的目标有哪些", "2020年度有哪些目标"):
        answer = years.ask(question)
        assert (answer.intent, answer.targets) == ("list", everything.targets), question
        assert answer.question == question
    # An indicator that names the year keeps its year words.
    assert years.ask("2020年改造户数").targets == answerer.ask("2020年改造户数").targets


def test_air_quality_in_a_year_without_it_is_no_forest_target(engine, config):
    # 2021 holds 造林绿化 ("高质量完成造林"), 新增贷款 and 城市书房, nothing about the air: 质量
    # alone, a third of 空气质量, once let 造林绿化 explain the whole question
    load_ledger(engine, load_ledger_file(DATA / "ledger_2021.toml"), source="2021")
    answerer = build_answerer(engine, config)
    years = LedgerYears(engine, config, lambda: answerer)
    for question in ("空气质量咋样", "空气怎么样", "空气质量好不好"):
        answer = years.ask(question)
        assert (answer.intent, answer.targets) == ("unknown", ()), (question, answer.reply)
        assert "2020年台账中有第56项 大气环境质量" in answer.reply, answer.reply
    assert years.ask("2020年空气质量咋样").targets[:1] == (56,)
    assert years.ask("造林完成了吗").targets[:1] == (2,)


def test_last_year_said_of_work_asked_about_this_year_is_this_year_s(engine, config):
    # "去年就开工今年接着干的" asks of this year's carried-over work; 去年 says when it began
    load_ledger(engine, load_ledger_file(DATA / "ledger_2021.toml"), source="2021")
    answerer = build_answerer(engine, config)
    years = LedgerYears(engine, config, lambda: answerer)
    assert parse_year_phrase("去年就开工今年接着干的", 2021).year == 2021
    assert parse_year_phrase("去年新增贷款多少", 2021).year == 2020
    answer = years.ask("去年就开始造林今年接着干的")
    assert not answer.reply.startswith("【2020年】") and answer.targets[:1] == (2,), answer.reply


def test_another_year_s_closing_list_names_its_year_once(engine, config):
    load_ledger(engine, load_ledger_file(DATA / "ledger_2021.toml"), source="2021")
    answerer = build_answerer(engine, config)
    years = LedgerYears(engine, config, lambda: answerer)
    undone = years.ask("2020年哪些没完成")
    assert undone.intent == "list" and undone.filter["year"] == 2020
    assert undone.reply.startswith("2020年度结束时，没有完成的目标"), undone.reply
    # an answer that does not open with its year is still marked as another year's
    assert years.ask("2020年新增贷款多少").reply.startswith("【2020年】第12项 新增贷款")
