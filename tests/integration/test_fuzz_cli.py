"""Generated hostile arguments (tests/auxil/odd_text.py) through `python main.py`, in-process.

Every run either works (exit status 0) or is refused with exit status 2 and one Chinese line
"错误：…" last on stderr; no traceback, and the database changes only where the command may
write (a subscription, a bulletin's issue).
"""

from __future__ import annotations

import contextlib
import dataclasses
import re
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.auxil.cli_runs import run_main, seeded_cli_config
from tests.auxil.odd_text import ODD_DATES, SQL_ISH, free_text, odd_words

SETTINGS = {
    "deadline": None,
    "database": None,
    "derandomize": True,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}
WORDS = ["12", "5", "44", "66", "县民政局", "民政局", "滞后", "经济发展", "2020", "2021", "1"]
# What each command may write when it works; every other table must stay as it was.
MAY_WRITE = {
    "subscribe": {"subscription"},
    "unsubscribe": {"subscription"},
    "ask": {"unmatchedquestion"},  # a question that found no target is kept for the office
}
CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclasses.dataclass
class Cli:
    tmp: Path
    config: Path
    db: Path

    def run(self, args: list[str]) -> tuple[int, str, str]:
        return run_main(self.config, *args)


@pytest.fixture(scope="module")
def cli(tmp_path_factory, seeded_sqlite):
    tmp = tmp_path_factory.mktemp("fuzz_cli")
    return Cli(tmp, seeded_cli_config(tmp, seeded_sqlite, "2020-10-23"), tmp / "cli.db")


def snapshot(path: Path) -> dict[str, tuple]:
    with contextlib.closing(sqlite3.connect(path)) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: tuple(db.execute(f'SELECT * FROM "{t}" ORDER BY rowid')) for t in tables}


# A process's arguments hold no NUL and no lone surrogate: the operating system passes neither.
def argument(words: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return words.map(lambda w: w.replace("\0", ""))


odd = argument(odd_words(WORDS))
day = argument(st.one_of(st.sampled_from(ODD_DATES), odd))


def command_lines(out: str) -> st.SearchStrategy[list[str]]:
    """One command line of a command that reads, or writes only what MAY_WRITE allows."""
    return st.one_of(
        st.tuples(st.just("show"), odd),
        st.tuples(st.just("show"), odd, st.just("--year"), odd),
        st.tuples(st.just("show"), odd, st.just("--json")),
        st.tuples(st.just("list"), st.sampled_from(["--unit", "--status", "--category"]), odd),
        st.tuples(st.just("overview"), st.just("--year"), odd),
        st.tuples(st.just("ask"), argument(free_text)),
        st.tuples(st.just("ask"), argument(st.sampled_from(SQL_ISH)), st.just("--year"), odd),
        st.tuples(st.just("reminders"), st.just("--at"), day),
        st.tuples(st.just("calendar"), odd),
        st.tuples(st.just("evidence"), st.just("list"), odd),
        st.tuples(st.sampled_from(["subscribe", "unsubscribe"]), odd, odd),
        st.tuples(st.just("report"), st.just("--as-of"), day, st.just("-o"), st.just(out)),
        st.tuples(st.just("export"), st.just("--format"), odd, st.just("-o"), st.just(out)),
    ).map(list)


def check(cli: Cli, args: list[str]) -> tuple[int, str]:
    """Run `args`: exit status 0, or 2 with a Chinese 错误 line last; only MAY_WRITE moved."""
    before = snapshot(cli.db)
    code, out, err = cli.run(args)
    assert "Traceback" not in out + err, (args, err)
    assert code in (0, 2), (args, code, err)
    if code == 2:
        last = err.strip().splitlines()[-1]
        assert last.startswith("错误：") and CJK.search(last), (args, err)
    changed = {t for t, rows in snapshot(cli.db).items() if before.get(t) != rows}
    assert not changed - MAY_WRITE.get(args[0], set()), (args, changed)
    return code, err


@settings(max_examples=150, **SETTINGS)
@given(data=st.data())
def test_odd_arguments_work_or_are_refused_in_one_chinese_line(cli, data):
    check(cli, data.draw(command_lines(str(cli.tmp / "out.txt")), label="args"))


@pytest.mark.parametrize(
    ("args", "said"),
    [
        # Each was a traceback: a day before 1 January of year 1, or a chat id past 64 bits.
        (["reminders", "--at", "0001-01-01"], "--at '0001-01-01' 的年份应在1900到2200之间"),
        (["reminders", "--at", "0001-01-08T09:00"], "的年份应在1900到2200之间"),
        (["report", "--format", "bulletin", "--since", "0001-01-01"], "--since '0001-01-01'"),
        (["report", "--as-of", "9999-12-31"], "--as-of '9999-12-31' 的年份应在1900到2200之间"),
        (["subscribe", "县民政局", "99999999999999999999999"], "Telegram 的会话 ID 最多16位"),
        (["unsubscribe", "民政局", "-99999999999999999999999"], "Telegram 的会话 ID 最多16位"),
        (["calendar", "1899"], "年份应在1900到2200之间"),
    ],
)
def test_a_day_or_chat_id_out_of_every_range_is_refused_in_chinese(cli, args, said):
    code, err = check(cli, args)
    assert code == 2 and said in err, err
