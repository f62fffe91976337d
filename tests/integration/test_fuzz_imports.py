"""Generated corruptions of a valid ledger file, imported as `python main.py import FILE` does.

Each corruption either imports, or is refused with exit status 2, one Chinese error naming the
file and where the mistake is (row and column, or the target and key), no traceback, and not
one byte of the database moved.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import datetime as dt
import io
import json
import math
import re
import shutil
import sqlite3
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from sqlmodel import Session

from bot.app.services import open_engine
from bot.config import Config
from bot.render.ledger_toml import LedgerFileError, dump_ledger, parse_ledger
from bot.render.spreadsheet import COLUMNS, ledger_rows
from bot.store.ledger_store import read_ledger
from tests.auxil.cli_runs import run_main, seeded_cli_config

TODAY = dt.date(2021, 1, 15)
SETTINGS = {
    "deadline": None,
    "database": None,
    "derandomize": True,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}


@dataclasses.dataclass
class Cli:
    tmp: Path
    config: Path
    db: Path
    seeded: Path
    rows: list[list[str]]  # the ledger as a sheet: header first
    toml: dict  # the ledger as its TOML file reads

    def run(self, *args: str) -> tuple[int, str, str]:
        return run_main(self.config, *args)

    def restore(self) -> None:
        shutil.copyfile(self.seeded, self.db)
        for extra in ("-wal", "-shm"):
            Path(f"{self.db}{extra}").unlink(missing_ok=True)


@pytest.fixture(scope="module")
def cli(tmp_path_factory, seeded_sqlite):
    tmp = tmp_path_factory.mktemp("fuzz_imports")
    db = tmp / "cli.db"
    config = seeded_cli_config(tmp, seeded_sqlite, str(TODAY))
    engine = open_engine(Config(database_url=f"sqlite:///{db}", today=TODAY))
    with Session(engine) as session:
        base = read_ledger(session)
    engine.dispose()
    rows = [list(COLUMNS), *ledger_rows(base, TODAY)]
    return Cli(tmp, config, db, seeded_sqlite, rows, tomllib.loads(dump_ledger(base)))


def dump(db_path: Path) -> str:
    with contextlib.closing(sqlite3.connect(db_path)) as db:
        return "\n".join(db.iterdump())


def check_import(cli: Cli, path: Path, where: list[str]) -> tuple[int, str]:
    """Import `path`; a refusal must name one of `where` and leave the database as it was."""
    before = dump(cli.db)
    code, out, err = cli.run("import", str(path))
    assert "Traceback" not in out + err
    if code == 0:
        cli.restore()  # the next example starts from the seeded ledger again
        return code, out
    assert code == 2, (code, out, err)
    assert err.startswith(f"错误：{path}"), err
    assert re.search(r"[\u4e00-\u9fff]", err), err
    assert dump(cli.db) == before, f"a refused import changed the database: {err}"
    if where:
        assert any(w in err for w in where), f"{err!r} names none of {where}"
    return code, err


# --- TOML ---------------------------------------------------------------------------------------

BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def toml_value(value) -> str:
    """`value` written as TOML (inline tables and arrays, one line each)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return (
            "nan"
            if math.isnan(value)
            else ("inf" if value > 0 else "-inf")
            if math.isinf(value)
            else repr(value)
        )
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(type(value))


def toml_key(key: str) -> str:
    return key if BARE_KEY.fullmatch(key) else json.dumps(key, ensure_ascii=False)


def toml_text(doc: dict) -> str:
    """`doc` as a TOML file: plain keys and arrays first, then its tables."""
    lines = []
    for key, value in doc.items():
        if isinstance(value, list):
            items = ",\n".join(f"  {toml_value(v)}" for v in value)
            lines.append(f"{toml_key(key)} = [\n{items}\n]")
        elif not isinstance(value, dict):
            lines.append(f"{toml_key(key)} = {toml_value(value)}")
    for key, value in doc.items():
        if isinstance(value, dict):
            lines.append(f"[{toml_key(key)}]")
            lines += [f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()]
    return "\n".join(lines) + "\n"


def paths_of(value, prefix=()) -> list[tuple]:
    """Every key path into `value` (dict keys and list indexes)."""
    found = []
    items = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for key, inner in items:
        found.append((*prefix, key))
        found += paths_of(inner, (*prefix, key))
    return found


ODD_VALUES = st.one_of(
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.just([]),
    st.just({}),
    st.lists(st.integers(), max_size=3),
    st.just({"x": 1}),
    st.dates(),
    st.sampled_from(
        [
            "",
            " ",
            "很多",
            "NaN",
            "1e309",
            "-1",
            "2020-02-30",
            "2020-13-01",
            "2月30日",
            "光年",
            "平方光年",
            ">>",
            "=>",
            "lead ",
            "boss",
            "推进",
            "\u0001",
            "１２",
            "٣",
            "县不存在局",
            "9" * 40,
            "0.0000001",
        ]
    ),  # fmt: skip
    st.text(max_size=20),
)


def where_of(path: tuple) -> list[str]:
    """What a refusal of a change at `path` must name: the key, or its target."""
    named = [str(k) for k in path if isinstance(k, str)]
    return named[-1:] + (["第"] if path[0] == "targets" else [])


@settings(max_examples=15, **SETTINGS)  # about 2 s an import: the CLI, whole
@given(data=st.data())
def test_a_corrupted_toml_imports_or_is_refused_naming_the_key(cli, data):
    doc = json.loads(json.dumps(cli.toml, default=str))  # a deep copy
    doc["meta"]["year"] = cli.toml["meta"]["year"]
    kind = data.draw(
        st.sampled_from(["drop", "retype", "date", "duplicate", "unit", "truncate"]), label="kind"
    )
    where: list[str] = []
    if kind in ("drop", "retype"):
        paths = [p for p in paths_of(doc) if p != ("meta",) and p != ("targets",)]
        path = data.draw(st.sampled_from(paths), label="path")
        parent = doc
        for key in path[:-1]:
            parent = parent[key]
        if kind == "drop":
            if isinstance(parent, list):
                parent.pop(path[-1])
            else:
                del parent[path[-1]]
        else:
            parent[path[-1]] = data.draw(ODD_VALUES, label="value")
            where = where_of(path)
    elif kind == "date":
        target = data.draw(st.sampled_from(doc["targets"]), label="target")
        if target.get("deadlines"):
            bad = data.draw(
                st.sampled_from(["2020-02-30", "2020-13-01", "2月30日", "", "0000-00-00"])
            )
            target["deadlines"][0]["date"] = bad
            where = ["date", f"第{target['number']}项"]
    elif kind == "duplicate":
        twin = dict(data.draw(st.sampled_from(doc["targets"]), label="twin"))
        doc["targets"].append(twin)
        where = [f"{twin['number']}"]
    elif kind == "unit":
        with_indicators = [t for t in doc["targets"] if t.get("indicators")]
        target = data.draw(st.sampled_from(with_indicators), label="target")
        key = data.draw(st.sampled_from(["unit", "actual_unit"]), label="key")
        target["indicators"][0][key] = data.draw(
            st.sampled_from(["光年", "亿光年", "元/光年", "%%", "个村/人"])
        )
    text = toml_text(doc)
    raw = text.encode("utf-8")
    if kind == "truncate":
        raw = raw[: data.draw(st.integers(0, len(raw) - 1), label="cut")]
    path = cli.tmp / "fuzz.toml"
    path.write_bytes(raw)
    check_import(cli, path, where)


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"deadlines": ["2020-12-31"]}, "第12项目标 deadlines：应为若干个表"),
        ({"units": "县金融工作局"}, "第12项目标 units：应为若干个表"),
        ({"indicators": [[1, 2]]}, "第12项目标 indicators：应为若干个表"),
    ],
)
def test_a_plain_value_where_tables_belong_is_named(cli, change, named):
    """`deadlines = ["2020-12-31"]` for [[targets.deadlines]] sections: AttributeError escaped."""
    doc = json.loads(json.dumps(cli.toml, default=str))
    twelve = next(t for t in doc["targets"] if t["number"] == 12)
    twelve.update(change)
    with pytest.raises(LedgerFileError, match=named):
        parse_ledger(toml_text(doc), "l.toml")


def test_a_target_that_is_no_table_is_named(cli):
    doc = json.loads(json.dumps(cli.toml, default=str))
    doc["targets"][3] = "第4项"
    with pytest.raises(LedgerFileError, match="targets\\[3\\]：每项目标应为一个表"):
        parse_ledger(toml_text(doc), "l.toml")


@pytest.mark.parametrize(
    ("encoding", "named"),
    [("gbk", "UTF-8"), ("utf-16", "UTF-8"), ("utf-8-sig", ""), ("utf-32", "UTF-8")],
)
def test_a_toml_in_another_encoding_imports_or_is_refused(cli, encoding, named):
    path = cli.tmp / f"ledger-{encoding}.toml"
    path.write_bytes(toml_text(cli.toml).encode(encoding))
    check_import(cli, path, [named] if named else [])


# --- CSV and xlsx -------------------------------------------------------------------------------

ODD_CELLS = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "很多",
            "NaN",
            "nan",
            "inf",
            "1e309",
            "-1",
            "-0",
            "2020-02-30",
            "2月30日",
            "2020/13/01",
            "光年",
            "县不存在局",
            "牵头",
            "lead",
            "\u0001",
            "=SUM(1,2)",
            "１２",
            "٣",
            "9" * 40,
            "0.0000001",
            "12",
            "99",
            "0",
            "滞后",
            "暂无",
            "是",
            "否",
            "TRUE",
        ]
    ),  # fmt: skip
    st.text(max_size=20),
    st.integers(-(10**20), 10**20).map(str),
)


def csv_bytes(rows: list[list[str]], encoding: str) -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out).writerows(rows)
    return out.getvalue().encode(encoding, errors="replace")


def xlsx_file(rows: list[list], path: Path) -> None:
    """The rows as an xlsx sheet (without the control characters xlsx cannot hold at all)."""
    book = Workbook()
    for row in rows:
        book.active.append([ILLEGAL_CHARACTERS_RE.sub("", cell) for cell in row])
    book.save(path)


@settings(max_examples=15, **SETTINGS)  # about 2 s an import: the CLI, whole
@given(data=st.data())
def test_a_corrupted_sheet_imports_or_is_refused_naming_row_and_column(cli, data):
    rows = [list(r) for r in cli.rows]
    kind = data.draw(
        st.sampled_from(["cell", "cells", "drop column", "duplicate row", "drop row", "truncate"]),
        label="kind",
    )
    where: list[str] = []
    if kind in ("cell", "cells"):
        for _ in range(1 if kind == "cell" else data.draw(st.integers(2, 6), label="n")):
            r = data.draw(st.integers(1, len(rows) - 1), label="row")
            c = data.draw(st.integers(0, len(COLUMNS) - 1), label="column")
            rows[r][c] = data.draw(ODD_CELLS, label="value")
            where = [f"第{r + 1}行", f"“{COLUMNS[c]}”列"] if kind == "cell" else ["第"]
    elif kind == "drop column":
        c = data.draw(st.integers(0, len(COLUMNS) - 1), label="column")
        rows = [r[:c] + r[c + 1 :] for r in rows]
        where = [COLUMNS[c]]
    elif kind == "duplicate row":
        r = data.draw(st.integers(1, len(rows) - 1), label="row")
        rows.insert(data.draw(st.integers(1, len(rows)), label="at"), list(rows[r]))
    elif kind == "drop row":
        rows.pop(data.draw(st.integers(1, len(rows) - 1), label="row"))
    form = data.draw(
        st.sampled_from(["utf-8", "utf-8-sig", "gbk", "utf-16", "xlsx"]), label="form"
    )
    if form == "xlsx":
        path = cli.tmp / "fuzz.xlsx"
        xlsx_file(rows, path)
        if kind == "truncate":
            raw = path.read_bytes()
            # a share of the length: an xlsx's size varies with the time it was saved
            path.write_bytes(raw[: len(raw) * data.draw(st.integers(0, 999), label="cut") // 1000])
    else:
        path = cli.tmp / "fuzz.csv"
        raw = csv_bytes(rows, form)
        if kind == "truncate":
            raw = raw[: len(raw) * data.draw(st.integers(0, 999), label="cut") // 1000]
        path.write_bytes(raw)
    if form == "utf-16" or kind == "truncate":
        where = []  # the whole file is what is wrong
    check_import(cli, path, where)


def test_a_target_number_beyond_the_column_is_refused_naming_the_file(cli):
    """number = 10**20 passed the TOML checks and was refused by the store, in a message that
    named neither the file nor the key."""
    doc = json.loads(json.dumps(cli.toml, default=str))
    doc["targets"][0]["number"] = 10**20
    path = cli.tmp / "huge-number.toml"
    path.write_text(toml_text(doc), encoding="utf-8")
    code, err = check_import(cli, path, ["number"])
    assert code == 2 and "序号最大为2147483647" in err, err
