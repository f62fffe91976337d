"""The bench's scoring on hand-made items, so `make bench` cannot silently mis-score.

Five questions against a three-target ledger; no timings are asserted.
"""

import datetime as dt
import inspect
from pathlib import Path

import pytest

from bench import core
from bench.accuracy import System, kind_table, summary_rows, sweep_wratio
from bench.baselines import WRatioBaseline, bigram_bm25, char_bigrams, jieba_bm25
from bench.core import replies_by_conversation, run_conversations
from bench.goals import goal_rows
from bench.report import Figures
from bench.sets import QuestionSet, draft_report_ledger, question_sets
from bench.synthetic import synthetic_ledger, synthetic_questions
from bot.adapters import cli
from bot.domain.ledger import LedgerSpec, TargetSpec
from bot.understanding import evaluation
from bot.understanding.evaluation import evaluate, load_eval_set, score_conversations

LEDGER = LedgerSpec(
    year=2020,
    title="三项台账",
    preamble="",
    targets=(
        TargetSpec(1, "新增贷款", "经济发展", "全年新增贷款50亿元。"),
        TargetSpec(2, "耕地保护", "经济发展", "耕地保有量不减少,守住耕地红线。"),
        TargetSpec(3, "空气质量", "生态环境", "PM2.5平均浓度下降到45微克/立方米。"),
    ),
)
ITEMS = [
    {"q": "新增贷款完成多少", "intent": "target", "targets": [1], "kind": "formal"},
    {"q": "耕地保有量", "intent": "target", "targets": [2], "kind": "formal"},
    {"q": "PM2.5浓度", "intent": "target", "targets": [3, 2], "kind": "figure"},
    {"q": "今天天气", "intent": "unknown", "targets": [], "kind": "oos"},
    {"q": "哪些没完成", "intent": "list", "targets": [], "kind": "list"},
]


def fake_system(replies: dict[str, tuple[str, list[int]]]):
    return lambda q: replies[q]


# A system that gets the second target question wrong at top-1 (right at top-3), rejects the
# out-of-scope question and answers the list question as a target.
PARTLY_RIGHT = fake_system(
    {
        "新增贷款完成多少": ("target", [1, 2]),
        "耕地保有量": ("target", [3, 2]),
        "PM2.5浓度": ("target", [2]),
        "今天天气": ("unknown", []),
        "哪些没完成": ("target", [1]),
    }
)


def test_scorer_ships_no_question_file():
    # The package must not reach into tests/: the caller names the question file.
    assert inspect.signature(load_eval_set).parameters["path"].default is inspect.Parameter.empty
    assert not [name for name, value in vars(evaluation).items() if isinstance(value, Path)]


def test_evaluate_counts_top1_top3_rejection_intents_and_kinds():
    report = evaluate(PARTLY_RIGHT, ITEMS)
    assert (report.top1, report.top3, report.target_total) == (2, 3, 3)
    assert (report.oos_rejected, report.oos_total) == (1, 1)
    assert (report.request_right, report.request_total) == (0, 1)
    assert (report.intent_right, report.intent_total) == (1, 2)
    assert {k: (t.right, t.total) for k, t in report.kinds.items()} == {
        "formal": (1, 2),
        "figure": (1, 1),
        "oos": (1, 1),
        "list": (0, 1),
    }
    assert [m[0] for m in report.misses] == ["耕地保有量", "哪些没完成"]


def test_load_eval_set_reads_the_file_it_is_given(tmp_path):
    path = tmp_path / "q.jsonl"
    path.write_text('{"q": "a", "intent": "help"}\n\n{"q": "b", "intent": "help"}\n', "utf-8")
    assert [i["q"] for i in load_eval_set(path)] == ["a", "b"]


def test_out_of_scope_written_either_way_is_scored_as_rejected(tmp_path):
    path = tmp_path / "q.jsonl"
    path.write_text(
        '{"q": "今天天气", "intent": "out_of_scope", "targets": [], "kind": "oos"}\n'
        '{"q": "明天下雨吗", "intent": "unknown", "targets": [], "kind": "oos"}\n',
        "utf-8",
    )
    report = evaluate(lambda q: ("unknown", []), load_eval_set(path))
    assert (report.oos_rejected, report.oos_total) == (2, 2)


@pytest.mark.parametrize("make", [bigram_bm25, jieba_bm25])
def test_bm25_baselines_rank_the_tiny_ledger_and_never_reject(make):
    report = evaluate(make(LEDGER).ask, ITEMS)
    assert (report.top1, report.top3) == (3, 3)
    assert report.oos_rejected == 0  # BM25 always answers a target


def test_bm25_takes_the_best_three_positive_scores_equal_ones_in_ledger_order():
    # Four targets alike but for their numbers: "贷款" scores them all the same.
    alike = LedgerSpec(
        year=2020,
        title="四项",
        preamble="",
        targets=tuple(
            TargetSpec(n, f"第{n}号贷款", "经济发展", f"贷款{n}号。") for n in (4, 2, 9, 7)
        ),
    )
    bm25 = bigram_bm25(alike)
    assert bm25.retrieve("贷款") == [4, 2, 9]
    assert bm25.retrieve("9号贷款")[0] == 9
    assert bm25.retrieve("天气") == []  # no score above zero: nothing, never a zero-score target


def test_char_bigrams_stay_inside_word_runs():
    assert char_bigrams("ＰＭ2.5浓度") == ["pm", "m2", "5浓", "浓度"]
    assert char_bigrams("新增 贷款") == ["新增", "贷款"]
    assert char_bigrams("？") == []


def test_wratio_cutoff_decides_rejection_and_is_swept_on_given_items():
    assert WRatioBaseline(LEDGER, 101).ask("新增贷款") == ("unknown", [])
    assert WRatioBaseline(LEDGER, 0).ask("新增贷款")[1][0] == 1
    assert sweep_wratio(LEDGER, ITEMS) in range(0, 100, 5)


def test_tables_mark_what_a_baseline_cannot_do():
    systems = [
        System("ours", PARTLY_RIGHT, True, True),
        System("BM25", bigram_bm25(LEDGER).ask, False, False),
    ]
    reports = {s.name: evaluate(s.ask, ITEMS) for s in systems}
    qset = QuestionSet("tiny", "blind", Path("unused.jsonl"), Path("unused.toml"))
    ours, bm25 = summary_rows(qset, reports, systems)
    assert ours[3:] == ["66.7% (2/3)", "100.0% (3/3)", "100.0% (1/1)", "0.0% (0/1)"]
    assert bm25[3:] == ["100.0% (3/3)", "100.0% (3/3)", "—", "—"]
    lines = kind_table(ITEMS, reports, systems).splitlines()
    assert lines[2] == "| formal | top-1 | 2 | 50% | 100% |"
    assert lines[-2] == "| list | list | 1 | 0% | — |"
    assert lines[-1] == "| oos | unknown | 1 | 100% | — |"


CONVERSATIONS = [
    {
        "turns": [
            {"q": "新增贷款多少", "intent": "target", "targets": [1]},
            {"q": "那耕地呢", "intent": "target", "targets": [2]},
        ],
        "kind": "followup",
    },
    {
        "turns": [
            {"q": "哪些没完成", "intent": "list", "targets": []},
            {"q": "第二个呢", "intent": "target", "targets": [], "ordinal": 2},
        ],
        "kind": "list_ordinal",
    },
]


def test_followups_score_intent_target_and_ordinal_of_the_previous_list():
    right = [[("target", [1]), ("target", [2])], [("list", [3, 1]), ("target", [1])]]
    report = score_conversations(CONVERSATIONS, right)
    assert (report.followups.right, report.followups.total) == (2, 2)
    assert (report.first.right, report.first.total) == (2, 2)
    wrong = [[("target", [1]), ("target", [1])], [("list", [3, 1]), ("target", [3])]]
    report = score_conversations(CONVERSATIONS, wrong)
    assert report.followups.right == 0
    assert {k: t.total for k, t in report.kinds.items()} == {"followup": 1, "list_ordinal": 1}
    # An ordinal after something that is not a list cannot be right.
    not_a_list = [right[0], [("target", [3, 1]), ("target", [1])]]
    assert score_conversations(CONVERSATIONS, not_a_list).followups.right == 1


def test_followups_refuse_replies_that_do_not_line_up():
    with pytest.raises(ValueError, match="turns"):
        score_conversations(CONVERSATIONS, [[("target", [1])], [("list", []), ("help", [])]])


def test_cli_conversation_replies_are_cut_back_into_conversations():
    answers = [
        {"intent": i, "targets": t}
        for i, t in [("target", [1]), ("target", [2]), ("list", [3, 1]), ("target", [1])]
    ]
    replies = replies_by_conversation(CONVERSATIONS, answers)
    assert score_conversations(CONVERSATIONS, replies).followups.right == 2
    with pytest.raises(ValueError, match="3 JSON replies for 4 turns"):
        replies_by_conversation(CONVERSATIONS, answers[:3])


# A stand-in for `main.py` that keeps the CLI contract: `ask --json --conversation`
# reads turns from stdin, an empty line starts a new conversation, one JSON line per turn.
FAKE_MAIN = """
import json, sys
if "--help" in sys.argv:
    print("usage: main.py ask [--json] [--conversation]")
    sys.exit(0)
known = {"新增贷款多少": ("target", [1]), "那耕地呢": ("target", [2]),
         "哪些没完成": ("list", [3, 1])}
previous = None
for line in sys.stdin:
    q = line.strip()
    if not q:
        previous = None
        continue
    if q == "第二个呢" and previous and previous[0] == "list":
        reply = ("target", [previous[1][1]])
    else:
        reply = known.get(q, ("unknown", []))
    previous = reply
    print(json.dumps({"question": q, "intent": reply[0], "targets": reply[1]}))
"""


def always_nine(question):
    return "target", [9]


def test_conversations_go_through_the_cli_when_it_offers_them(tmp_path, monkeypatch):
    fake = tmp_path / "main.py"
    fake.write_text(FAKE_MAIN, encoding="utf-8")
    monkeypatch.setattr(core, "MAIN", fake)
    run = run_conversations(CONVERSATIONS, Path("ledger.toml"), tmp_path, lambda: None)
    assert run.with_context
    assert score_conversations(CONVERSATIONS, run.replies).followups.right == 2


def test_conversations_fall_back_to_single_questions_without_the_cli_flag(tmp_path, monkeypatch):
    fake = tmp_path / "main.py"
    fake.write_text("print('usage: main.py ask [--json]')\n", encoding="utf-8")
    monkeypatch.setattr(core, "MAIN", fake)
    run = run_conversations(CONVERSATIONS, Path("ledger.toml"), tmp_path, lambda: always_nine)
    assert not run.with_context
    assert run.replies == [[("target", [9]), ("target", [9])], [("target", [9]), ("target", [9])]]


def test_goals_say_na_for_what_was_not_measured_and_judge_what_was():
    figures = Figures()
    rows = goal_rows(figures)
    assert rows and all(row[2] == "n/a" for row in rows)
    figures.accuracy["2020 ledger, blind questions"] = {
        "this project": evaluate(PARTLY_RIGHT, ITEMS),
        "BM25 bigrams": evaluate(bigram_bm25(LEDGER).ask, ITEMS),
    }
    verdicts = {row[0]: (row[1], row[2]) for row in goal_rows(figures)}
    assert verdicts["2020 blind set: top-3 ≥ 98%"] == ("100.0%", "met")
    assert verdicts["2020 blind set: top-1 ≥ 95%"] == ("66.7%", "**not met**")
    below = verdicts["2020 ledger, blind questions: top-1 never below BM25 bigrams"]
    assert below == ("66.7% vs 100.0%", "**not met**")


def test_report_ledger_is_drafted_exactly_as_import_report_does(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(
        "2022年民生实事进度\n1.新建公办幼儿园5所。\n当前进度:80%\n2.改造农村公路70公里。\n"
        "当前进度:60%\n",
        encoding="utf-8",
    )
    config = tmp_path / "config.toml"
    config.write_text(f'[paths]\nvar_dir = "{tmp_path / "var"}"\n', encoding="utf-8")
    by_cli = tmp_path / "cli.toml"
    argv = ["import-report", str(report), "-o", str(by_cli), "--config", str(config)]
    assert cli.main(argv) == 0
    drafted = draft_report_ledger(report, tmp_path / "bench.toml")
    assert drafted.read_text(encoding="utf-8") == by_cli.read_text(encoding="utf-8")


def test_synthetic_ledger_targets_differ_and_repeat_for_a_seed():
    ledger = synthetic_ledger(300)
    assert len(ledger.targets) == 300
    assert len({t.title for t in ledger.targets}) > 250
    assert len({t.target_text for t in ledger.targets}) == 300
    assert len({t.indicators[0].name for t in ledger.targets}) > 30
    assert synthetic_ledger(300) == ledger
    assert all(t.updated_at is None and t.deadlines[0].date.year == 2020 for t in ledger.targets)
    assert len(synthetic_questions(ledger, 40)) == 40
    assert dt.date(2020, 1, 1) <= min(t.deadlines[0].date for t in ledger.targets)


def test_report_folders_give_blind_and_dev_sets_by_file_name(tmp_path):
    reports = tmp_path / "reports"
    for folder, files in (
        ("a-2021", ["questions_blind.jsonl"]),
        ("b-2022", ["questions_dev.jsonl"]),
        ("c-2023", ["questions_blind.jsonl", "questions_dev.jsonl", "questions_dev2.jsonl"]),
        ("d-2024", ["questions_dev3.jsonl"]),
    ):
        (reports / folder).mkdir(parents=True)
        (reports / folder / "report.txt").write_text("1.新增贷款50亿元。\n", encoding="utf-8")
        for name in files:
            (reports / folder / name).write_text("", encoding="utf-8")

    found = {
        s.name: (s.label, s.questions.name, s.report.parent.name)
        for s in question_sets(tmp_path / "work", reports)
        if s.report is not None and s.report.parent.parent == reports
    }

    assert found == {
        "a-2021 drafted ledger, blind": ("blind", "questions_blind.jsonl", "a-2021"),
        "b-2022 drafted ledger, dev": ("dev/tuned", "questions_dev.jsonl", "b-2022"),
        "c-2023 drafted ledger, blind": ("blind", "questions_blind.jsonl", "c-2023"),
        "c-2023 drafted ledger, dev": ("dev/tuned", "questions_dev.jsonl", "c-2023"),
        "c-2023 drafted ledger, dev2": ("dev/tuned", "questions_dev2.jsonl", "c-2023"),
        "d-2024 drafted ledger, dev3": ("dev/tuned", "questions_dev3.jsonl", "d-2024"),
    }
    # A report's blind and dev sets each draft their own ledger file.
    drafts = {s.name: s.ledger_file for s in question_sets(tmp_path / "work", reports)}
    assert drafts["c-2023 drafted ledger, blind"] != drafts["c-2023 drafted ledger, dev"]


def test_misses_are_listed_only_for_sets_that_may_be_tuned_on():
    from bench.accuracy import misses_block

    reports = {s.name: evaluate(s.ask, ITEMS) for s in [System("ours", PARTLY_RIGHT, True, True)]}
    missed = reports["ours"]
    assert missed.misses  # the fake gets some wrong, so a block has something to show
    blind = QuestionSet("tiny", "blind", Path("unused.jsonl"), Path("unused.toml"))
    dev = QuestionSet("tiny", "dev/tuned", Path("unused.jsonl"), Path("unused.toml"))
    assert misses_block(blind, missed, "tiny") == ""
    shown = misses_block(dev, missed, "tiny")
    assert missed.misses[0][0] in shown


class _TinySet(QuestionSet):
    def items(self) -> list[dict]:
        return ITEMS

    def ledger(self) -> LedgerSpec:
        return LEDGER


def test_dev_only_scores_no_blind_set(tmp_path, monkeypatch):
    from bench import accuracy

    scored: list[str] = []
    sets = [
        _TinySet("training", "tuned on", Path("unused.jsonl"), Path("unused.toml")),
        _TinySet("secret", "blind", Path("unused.jsonl"), Path("unused.toml")),
        _TinySet("dev", "dev/tuned", Path("unused.jsonl"), Path("unused.toml")),
    ]
    monkeypatch.setattr(accuracy, "question_sets", lambda workdir: sets)
    monkeypatch.setattr(accuracy, "score_set", lambda f, qset, *a: scored.append(qset.name) or [])
    accuracy.accuracy(Figures(), tmp_path, dev_only=True)
    assert scored == ["training", "dev"]


def test_the_standalone_understanding_bench_runs_its_accuracy_table(capsys):
    """`python -m bench.speed_understanding` had stopped running unnoticed: its accuracy part
    runs here, with the same BM25 baseline as `python -m bench`."""
    from bench.speed_understanding import accuracy

    accuracy()
    out = capsys.readouterr().out
    assert "2020 training set (404)            BM25 bigram        72.6%" in out
    assert "cangnan-2022 dev set (drafted)     this project" in out


def test_every_report_folder_says_in_its_source_whether_it_may_be_tuned_on():
    """cangnan-2022, the first dev folder, says "Use: dev" like the others: SOURCE.md alone
    decides, so nobody has to know a name kept in the bench's code."""
    from bench.drafting import REPORTS, report_folders, tuned_on

    folders = report_folders(REPORTS)
    assert REPORTS / "cangnan-2022" in folders
    for folder in folders:
        says_dev = "Use: dev" in (folder / "SOURCE.md").read_text(encoding="utf-8")
        assert tuned_on(folder) == says_dev, folder.name
    assert tuned_on(REPORTS / "cangnan-2022")
