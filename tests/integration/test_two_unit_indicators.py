"""One measure, one indicator: an actual in another unit of the target's measure, carried by
the database (migration 0003), the TOML, `show --json` and `import-report`."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from alembic import command
from sqlalchemy import inspect, text

from bot.domain.ledger import IndicatorSpec
from bot.render.ledger_toml import LedgerFileError, dump_ledger, load_ledger_file, parse_ledger
from bot.store.database import alembic_config, create_schema, make_engine
from bot.store.migrations import previous_revision


def test_show_json_pairs_the_two_units_with_the_completion(run_cli):
    code, out, _ = run_cli("show", "35", "--json")
    assert code == 0
    # The screening's figures live in one indicator: no second one holds the 79891.
    screening = [
        i
        for i in json.loads(out)["indicators"]
        if "6.63" in (i["target"], i["actual"]) or "79891" in (i["target"], i["actual"])
    ]
    assert len(screening) == 1
    one = screening[0]
    assert (one["target"], one["unit"], one["actual"], one["actual_unit"], one["completion"]) == (
        "6.63",
        "万人次",
        "79891",
        "人",
        "120.5",
    )
    code, out, _ = run_cli("show", "60", "--json")
    debt = next(i for i in json.loads(out)["indicators"] if i["name"] == "化解隐性债务")
    assert (debt["target"], debt["unit"], debt["actual"], debt["actual_unit"]) == (
        "8.75",
        "亿元",
        "104789.64",
        "万元",
    )
    assert debt["completion"] == "119.8"


def test_the_card_shows_the_actual_in_its_own_unit(run_cli):
    code, out, _ = run_cli("show", "35")
    assert code == 0 and "慢阻肺筛查：79891人；目标≥6.63万人次" in out


def test_toml_carries_the_actual_unit_and_refuses_one_that_does_not_convert(ledger_2020):
    again = parse_ledger(dump_ledger(ledger_2020))
    assert again == ledger_2020
    assert again.by_number()[60].indicator("化解隐性债务").actual_unit == "万元"
    broken = dump_ledger(ledger_2020).replace('actual_unit = "万元"', 'actual_unit = "个"', 1)
    refused = r"actual_unit：完成值单位 .个. 与指标单位 unit .+ 无法换算"
    with pytest.raises(LedgerFileError, match=refused):
        parse_ledger(broken, "l.toml")


def _insert(connection, table: str, given: dict) -> None:
    """Insert a row giving `given` and a neutral value for every other required column."""
    neutral = {"INTEGER": 0, "BOOLEAN": 0, "DATETIME": "2020-01-01 00:00:00", "DATE": "2020-12-31"}
    values = {}
    for column in inspect(connection).get_columns(table):
        name = column["name"]
        if name in given:
            values[name] = given[name]
        elif not column["nullable"] and column["default"] is None and name != "id":
            values[name] = neutral.get(str(column["type"]).split("(")[0], "")
    names, marks = ", ".join(values), ", ".join(f":{k}" for k in values)
    connection.execute(text(f"INSERT INTO {table} ({names}) VALUES ({marks})"), values)


def test_migration_0003_adds_the_column_and_keeps_the_rows(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    before = previous_revision("0003")
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection=connection), before)
    columns = {c["name"] for c in inspect(engine).get_columns("indicator")}
    assert "actual_unit" not in columns
    # Whether or not 0002 (years) ran first: every required column of this schema is filled.
    with engine.begin() as connection:
        _insert(connection, "target", {"number": 1, "title": "t", "year": 2020})
        _insert(
            connection,
            "indicator",
            {"year": 2020, "target_number": 1, "name": "n", "actual_value": "7"},
        )
    create_schema(engine)
    columns = {c["name"] for c in inspect(engine).get_columns("indicator")}
    assert "actual_unit" in columns
    with engine.connect() as connection:
        assert connection.execute(text("SELECT title FROM target")).scalars().all() == ["t"]
        rows = connection.execute(text("SELECT actual_value, actual_unit FROM indicator")).all()
        assert [tuple(r) for r in rows] == [("7", "")]
    engine.dispose()


def test_import_report_drafts_a_ledger_that_imports(tmp_path, run_cli):
    from tests.conftest import SEED_REPORT

    draft = tmp_path / "draft.toml"
    code, _, err = run_cli("import-report", str(SEED_REPORT), "-o", str(draft))
    assert code == 0
    assert "指标配对：推测" in err and "请先核对：" in err and "台账年份：2020" in err
    written = draft.read_text(encoding="utf-8")
    assert "# 推测置信度：" in written and "# 待核：" in written
    ledger = load_ledger_file(draft)
    screening = [
        i for i in ledger.by_number()[35].indicators if i.target == "6.63" and i.actual == "79891"
    ]
    assert screening == [
        IndicatorSpec(
            name=screening[0].name,
            target="6.63",
            unit="万人次",
            comparator=">=",
            actual="79891",
            actual_unit="人",
        )
    ]
    assert ledger.by_number()[61].status_override == "暂无数据"
    assert "暂未出数" in ledger.by_number()[61].status_reason
    assert all(len(t.title) <= 8 for t in ledger.targets)


def test_a_set_in_the_targets_unit_is_stored_audited_and_undone(engine):
    from sqlmodel import Session

    from bot.domain.admin_commands import propose
    from bot.domain.status import completion_ratio
    from bot.store.ledger_changes import apply_changes, undo_last
    from bot.store.ledger_store import read_target

    with Session(engine) as session:
        before = read_target(session, 35)

    def lookup(number):
        with Session(engine) as session:
            return read_target(session, number)

    proposal = propose("set", "35 慢阻肺筛查 8万人次", lookup, today=dt.date(2020, 12, 1))
    apply_changes(engine, proposal.changes, actor="admin:1")
    with Session(engine) as session:
        screening = read_target(session, 35).indicator("慢阻肺筛查")
    assert (screening.actual, screening.actual_unit, screening.shown_actual_unit) == (
        "8",
        "",
        "万人次",
    )
    assert completion_ratio(screening) == Decimal("120.7")
    undo_last(engine, actor="admin:1")
    with Session(engine) as session:
        assert read_target(session, 35).indicators == before.indicators
