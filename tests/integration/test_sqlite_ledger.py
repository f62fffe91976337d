"""The SQLAlchemy-free reader of a SQLite ledger (bot/store/sqlite_ledger.py): it declares the
columns it reads exactly as the SQLModel tables do, reads the same LedgerSpec as the store,
and is offered only for a SQLite file that start-up would leave as it is."""

from __future__ import annotations

import contextlib
import sqlite3

import pytest
from sqlalchemy import TypeDecorator
from sqlmodel import SQLModel

from bot.domain.fields import FieldChange
from bot.store.errors import StoreError, YearNotHeld
from bot.store.ledger_import import load_ledger
from bot.store.ledger_store import EngineLedgers
from bot.store.models import (
    Alias,
    AuditEntry,
    Indicator,
    LedgerMeta,
    Milestone,
    Target,
    UnitAssignment,
)
from bot.store.sqlite_ledger import (
    LEDGER_COLUMNS,
    SqliteLedgers,
    open_sqlite_ledgers,
    sqlite_file,
)
from tests.auxil.ledgers import small_ledger


def _python_type(column) -> type:
    kind = column.type
    while isinstance(kind, TypeDecorator):  # UTCDateTime, SQLModel's AutoString
        kind = kind.impl_instance
    return kind.python_type


def test_the_columns_read_are_the_models_columns_with_their_types():
    read_by_the_store = (Alias, AuditEntry, Indicator, LedgerMeta, Milestone, Target)
    tables = {model.__tablename__ for model in (*read_by_the_store, UnitAssignment)}
    assert set(LEDGER_COLUMNS) == tables
    for name, columns in LEDGER_COLUMNS.items():
        table = SQLModel.metadata.tables[name]
        assert {c.name: _python_type(c) for c in table.columns} == columns, name


def test_a_column_added_to_a_model_would_fail_the_drift_check():
    table = SQLModel.metadata.tables["indicator"]
    declared = {c.name: _python_type(c) for c in table.columns}
    assert declared == LEDGER_COLUMNS["indicator"]
    assert {**declared, "weight": int} != LEDGER_COLUMNS["indicator"]
    assert {**declared, "position": str} != LEDGER_COLUMNS["indicator"]


def _path(engine):
    return sqlite_file(str(engine.url))


def test_the_seeded_ledger_reads_the_same_as_through_the_store(engine):
    fast = SqliteLedgers(_path(engine))
    full = EngineLedgers(engine)
    assert fast.read_ledger(year=2020) == full.read_ledger(year=2020)
    assert fast.read_ledger() == full.read_ledger()
    assert fast.held_years() == full.held_years() == {2020: 66}


def test_admin_changes_read_the_same_as_through_the_store(engine, config):
    from bot.store.ledger_changes import apply_changes

    apply_changes(engine, [FieldChange(12, "aliases", '["放贷", "信贷"]')], actor="tg:42")
    apply_changes(engine, [FieldChange(12, "indicator:新增贷款:actual", "25.1")], actor="tg:42")
    apply_changes(engine, [FieldChange(3, "progress_text", "十二月进展。")], actor="tg:7")
    fast = SqliteLedgers(_path(engine)).read_ledger(year=2020, rules=config.status)
    full = EngineLedgers(engine).read_ledger(year=2020, rules=config.status)
    assert fast == full
    target = fast.targets[11]
    assert target.aliases == ("信贷", "放贷")
    assert target.indicators[0].changed_by == "tg:42" and target.indicators[0].changed_at
    assert fast.targets[2].progress_changed_at == full.targets[2].progress_changed_at


def test_two_years_and_a_missing_one(engine, ledger_2020):
    from bot.domain.ledger import TargetSpec

    load_ledger(
        engine,
        small_ledger(
            2021, TargetSpec(number=1, title="新增贷款", category="经济发展", target_text="x")
        ),
    )
    fast, full = SqliteLedgers(_path(engine)), EngineLedgers(engine)
    assert fast.held_years() == full.held_years() == {2020: 66, 2021: 1}
    assert fast.read_ledger() == full.read_ledger()
    assert fast.read_ledger().year == 2021
    assert fast.read_ledger(year=2020) == full.read_ledger(year=2020)
    with pytest.raises(YearNotHeld) as raised:
        fast.read_ledger(year=2019)
    assert str(raised.value) == "数据库中没有2019年的台账"


def test_a_change_to_one_year_is_not_read_as_a_change_to_the_same_number_of_another(
    engine, config
):
    from bot.domain.ledger import IndicatorSpec, TargetSpec
    from bot.store.ledger_changes import apply_changes

    indicator = IndicatorSpec(name="新增贷款", target="10", unit="亿元", actual="2")
    load_ledger(
        engine,
        small_ledger(
            2021,
            TargetSpec(
                number=12,
                title="新增贷款",
                category="经济发展",
                target_text="新增贷款10亿元",
                indicators=(indicator,),
            ),
        ),
    )
    apply_changes(
        engine, [FieldChange(12, "indicator:新增贷款:actual", "3")], actor="tg:42", year=2021
    )
    apply_changes(
        engine, [FieldChange(12, "progress_text", "二一年进展。")], actor="tg:42", year=2021
    )
    for reader in (SqliteLedgers(_path(engine)), EngineLedgers(engine)):
        older = reader.read_ledger(year=2020, rules=config.status).targets[11]
        assert older.indicators[0].changed_at is None and older.indicators[0].changed_by == ""
        assert older.progress_changed_at is None
        newer = reader.read_ledger(year=2021, rules=config.status).targets[0]
        assert newer.indicators[0].changed_by == "tg:42" and newer.progress_changed_at


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("sqlite:///var/ledger.db", "var/ledger.db"),
        ("sqlite:////srv/bot/ledger.db", "/srv/bot/ledger.db"),
        ("sqlite+pysqlite:///ledger.db", "ledger.db"),
        ("sqlite://", None),
        ("sqlite:///:memory:", None),
        ("sqlite:///ledger.db?mode=ro", None),
        ("postgresql+psycopg://bot:secret@localhost/ledger", None),
        ("postgresql://localhost/sqlite:///x.db", None),
    ],
)
def test_only_a_plain_sqlite_file_url_is_read_without_sqlalchemy(url, path):
    found = sqlite_file(url)
    assert (str(found) if found else None) == path
    if path is None:
        assert open_sqlite_ledgers(url) is None


def test_no_reader_for_a_missing_empty_or_unmigrated_file(tmp_path, engine):
    missing = tmp_path / "missing.db"
    assert open_sqlite_ledgers(f"sqlite:///{missing}") is None
    assert not missing.exists()  # looking did not create it

    not_a_database = tmp_path / "notes.db"
    not_a_database.write_text("not a database", encoding="utf-8")
    assert open_sqlite_ledgers(f"sqlite:///{not_a_database}") is None

    blank = tmp_path / "blank.db"  # an empty file is an empty SQLite database
    blank.touch()
    assert open_sqlite_ledgers(f"sqlite:///{blank}") is None

    url = str(engine.url)
    assert open_sqlite_ledgers(url) is not None
    with contextlib.closing(sqlite3.connect(_path(engine))) as db, db:
        db.execute("UPDATE alembic_version SET version_num = '0001'")
    assert open_sqlite_ledgers(url) is None  # behind the head: the engine migrates it


def test_no_reader_for_a_migrated_database_that_holds_no_target(tmp_path):
    from bot.store.database import create_schema, make_engine

    url = f"sqlite:///{tmp_path / 'empty.db'}"
    engine = make_engine(url)
    create_schema(engine)
    engine.dispose()
    assert open_sqlite_ledgers(url) is None  # empty: the engine seeds it
    with pytest.raises(StoreError):
        SqliteLedgers(sqlite_file(url)).read_ledger()
