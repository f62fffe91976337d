"""`python main.py ask` on a ready SQLite file reads it without SQLAlchemy (the fast path) and
answers exactly as through the engine (the full path): on the seeded 2020 ledger, after admin
changes, with two years held; a new, empty or un-migrated database still takes the full path,
which migrates and seeds it as before."""

from __future__ import annotations

import io
import json
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from bot.adapters import cli_ask
from bot.config import PROJECT_ROOT
from bot.store.sqlite_ledger import open_sqlite_ledgers

QUESTIONS = Path(__file__).resolve().parents[1] / "data" / "questions.jsonl"
LEDGER_2021 = Path(__file__).resolve().parents[1] / "data" / "ledger_2021.toml"
# Questions that name a year, compare years, or match nothing (logged as unmatched).
ABOUT_YEARS = [
    "2020年的新增贷款完成了多少",
    "去年的固投怎么样",
    "新增贷款和去年比怎么样",
    "同比",
    "2019年的造林完成了吗",
    "今天天气怎么样",
    "哪些没完成",
]


def dev_questions(every: int = 1) -> list[str]:
    lines = QUESTIONS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["q"] for line in lines[::every] if line.strip()]


@pytest.fixture
def ask_both(run_cli, monkeypatch):
    """Ask the same questions (`ask --json`, one per stdin line) through the fast path and then
    through the full path: (fast stdout, full stdout)."""

    def ask(questions: list[str], *options: str) -> tuple[str, str]:
        taken = []

        def spy(url: str):
            taken.append(open_sqlite_ledgers(url))
            return taken[-1]

        outputs = []
        for reader in (spy, lambda url: None):
            monkeypatch.setattr(cli_ask, "open_sqlite_ledgers", reader)
            monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(questions) + "\n"))
            code, out, err = run_cli("ask", "--json", *options)
            assert (code, err) == (0, "")
            outputs.append(out)
        assert taken and taken[0] is not None  # the first run did take the fast path
        return outputs[0], outputs[1]

    return ask


def test_the_seeded_ledger_answers_the_same_on_both_paths(ask_both):
    fast, full = ask_both(dev_questions() + ABOUT_YEARS)
    assert fast == full
    assert len(fast.splitlines()) == len(dev_questions()) + len(ABOUT_YEARS)


def test_a_conversation_answers_the_same_on_both_paths(ask_both):
    turns = ["耕地保护怎么样", "谁负责", "啥时候到期", "", "超额完成的有哪些", "第二个呢"]
    fast, full = ask_both(turns, "--conversation")
    assert fast == full and len(fast.splitlines()) == 5


def test_admin_changes_answer_the_same_on_both_paths(ask_both, run_cli, cli_config_path):
    from bot.app.services import open_engine
    from bot.config import load_config
    from bot.domain.fields import FieldChange
    from bot.store.ledger_changes import apply_changes

    engine = open_engine(load_config(cli_config_path))
    try:
        apply_changes(engine, [FieldChange(12, "aliases", '["放款"]')], actor="tg:42")
        apply_changes(engine, [FieldChange(12, "indicator:新增贷款:actual", "9")], actor="tg:42")
    finally:
        engine.dispose()
    questions = ["放款怎么样了", "新增贷款完成了吗", *dev_questions(every=8)]
    fast, full = ask_both(questions)
    assert fast == full
    first, second = (json.loads(line) for line in fast.splitlines()[:2])
    assert first["targets"][:1] == [12]
    assert "9亿元" in second["reply"]


def test_two_years_answer_the_same_on_both_paths(ask_both, run_cli):
    assert run_cli("import", str(LEDGER_2021))[0] == 0
    questions = [*ABOUT_YEARS, *dev_questions(every=8)]
    fast, full = ask_both(questions)
    assert fast == full
    assert json.loads(fast.splitlines()[0])["year"] == 2020  # "2020年的…" in a 2021 database
    fast, full = ask_both(questions, "--year", "2020")
    assert fast == full
    assert {json.loads(line)["year"] for line in fast.splitlines()} >= {2020}


def test_a_year_not_held_is_the_same_error_on_both_paths(run_cli, monkeypatch):
    fast = run_cli("ask", "造林完成了吗", "--year", "2019")
    monkeypatch.setattr(cli_ask, "open_sqlite_ledgers", lambda url: None)
    assert run_cli("ask", "造林完成了吗", "--year", "2019") == fast
    assert fast[0] == 2 and "数据库中没有2019年的台账（现有：2020年）" in fast[2]


def test_an_unmatched_question_is_logged_on_the_fast_path(run_cli, cli_config_path, tmp_path):
    code, _, _ = run_cli("ask", "今天天气怎么样")
    assert code == 0
    with closing(sqlite3.connect(tmp_path / "cli.db")) as db:
        logged = db.execute("SELECT question, year FROM unmatchedquestion").fetchall()
    assert logged == [("今天天气怎么样", 2020)]


@pytest.mark.postgres
def test_postgresql_takes_the_full_path_and_answers_the_same(
    run_cli, capsys, monkeypatch, tmp_path, postgres_seeded_url
):
    questions = dev_questions(every=8)
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(questions) + "\n"))
    _, on_sqlite, _ = run_cli("ask", "--json")

    taken = []

    def spy(url: str):
        taken.append(open_sqlite_ledgers(url))
        return taken[-1]

    monkeypatch.setattr(cli_ask, "open_sqlite_ledgers", spy)
    config = tmp_path / "postgres.toml"
    config.write_text(
        f'[database]\nurl = "{postgres_seeded_url}"\n[ledger]\ntoday = "2021-01-15"\n'
        f'[paths]\nvar_dir = "{tmp_path / "var"}"\n',
        encoding="utf-8",
    )
    from bot.adapters.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(questions) + "\n"))
    assert main(["ask", "--json", "--config", str(config)]) == 0
    assert taken == [None]  # not a SQLite file: the engine reads it
    assert capsys.readouterr().out == on_sqlite


# --- in a fresh process: whether SQLAlchemy was imported at all ---------------------------

_ASK = """
import sys
from bot.adapters.cli import main
code = main(["ask", "--json", sys.argv[1], "--config", sys.argv[2]])
print(sorted({m.split(".")[0] for m in sys.modules} & {"sqlalchemy", "sqlmodel", "alembic"}))
sys.exit(code)
"""


def _ask_in_a_new_process(config_path: Path, question: str) -> tuple[dict, list[str]]:
    done = subprocess.run(
        [sys.executable, "-c", _ASK, question, str(config_path)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    answer, imported = done.stdout.splitlines()
    return json.loads(answer), json.loads(imported.replace("'", '"'))


def _config(tmp_path: Path, database: Path) -> Path:
    path = tmp_path / "fresh.toml"
    path.write_text(
        f'[database]\nurl = "sqlite:///{database}"\n[ledger]\ntoday = "2021-01-15"\n'
        f'[paths]\nvar_dir = "{tmp_path / "var"}"\n',
        encoding="utf-8",
    )
    return path


def test_a_new_database_is_seeded_by_the_full_path_then_read_by_the_fast_one(tmp_path):
    config = _config(tmp_path, tmp_path / "new" / "ledger.db")
    seeded, imported = _ask_in_a_new_process(config, "新增贷款完成了吗")
    assert imported == ["alembic", "sqlalchemy", "sqlmodel"]  # migrated and seeded
    again, imported = _ask_in_a_new_process(config, "新增贷款完成了吗")
    assert imported == []
    assert again == seeded and again["targets"][0] == 12


def test_a_database_behind_the_migrations_takes_the_full_path(tmp_path, seeded_sqlite):
    from alembic import command

    from bot.store.database import alembic_config, make_engine
    from bot.store.migrations import head_revision, previous_revision

    database = tmp_path / "behind.db"
    database.write_bytes(seeded_sqlite.read_bytes())
    engine = make_engine(f"sqlite:///{database}")
    with engine.begin() as connection:
        command.downgrade(
            alembic_config(connection=connection), previous_revision(head_revision())
        )
    engine.dispose()
    config = _config(tmp_path, database)

    answer, imported = _ask_in_a_new_process(config, "新增贷款完成了吗")
    assert imported == ["alembic", "sqlalchemy", "sqlmodel"]  # upgraded to the head
    assert answer["targets"][0] == 12
    again, imported = _ask_in_a_new_process(config, "新增贷款完成了吗")
    assert imported == [] and again == answer
