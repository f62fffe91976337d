"""Alembic migrations: an empty database upgraded to head matches the models exactly, on
SQLite and on PostgreSQL; a database made by `create_all` before migrations is adopted."""

from __future__ import annotations

import ast

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import MetaData, Table, inspect, text
from sqlmodel import Session, SQLModel, select

from bot.store.database import alembic_config, create_schema, make_engine
from bot.store.migrations import BASELINE_REVISION, head_revision, revision_files
from bot.store.models import Target


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_url(request, tmp_path) -> str:
    if request.param == "postgres":
        return request.getfixturevalue("postgres_url")
    return f"sqlite:///{tmp_path / 'empty.db'}"


@pytest.fixture
def empty_engine(empty_url):
    engine = make_engine(empty_url)
    yield engine
    engine.dispose()


def differences(engine) -> list:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return compare_metadata(context, SQLModel.metadata)


def revisions(engine) -> list[str]:
    with engine.connect() as connection:
        return list(connection.execute(text("SELECT version_num FROM alembic_version")).scalars())


def test_an_empty_database_upgraded_to_head_matches_the_models(empty_engine):
    create_schema(empty_engine)
    assert revisions(empty_engine) == [head_revision()]
    assert differences(empty_engine) == []
    tables = set(inspect(empty_engine).get_table_names())
    assert tables == set(SQLModel.metadata.tables) | {"alembic_version"}


def test_upgrading_twice_changes_nothing(empty_engine):
    create_schema(empty_engine)
    create_schema(empty_engine)
    assert revisions(empty_engine) == [head_revision()]


def _at_revision(engine, revision: str) -> None:
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(alembic_config(connection=connection), revision)


def test_a_create_all_database_is_stamped_and_keeps_its_rows(empty_engine):
    # The schema every start made with create_all before migrations: 0001's, unrecorded.
    _at_revision(empty_engine, BASELINE_REVISION)
    with empty_engine.begin() as connection:
        connection.execute(text("DROP TABLE alembic_version"))
        connection.execute(
            text(
                "INSERT INTO target (number, title, category, target_text, progress_text, "
                "same_line, status_override, status_reason, updated_at, updated_by) VALUES "
                "(1, '旧库', 'c', 't', '', false, '', '', CURRENT_TIMESTAMP, 'import')"
            )
        )
    create_schema(empty_engine)
    assert revisions(empty_engine) == [head_revision()]
    assert differences(empty_engine) == []
    with Session(empty_engine) as session:
        assert session.exec(select(Target.title)).all() == ["旧库"]


def _rows(engine, table: str, *, drop: tuple[str, ...] = ()) -> list[tuple]:
    """A table's rows as sorted tuples of (column, value), without the columns in `drop`."""
    with engine.connect() as connection:
        result = connection.execute(SQLModel.metadata.tables[table].select()).mappings().all()
    return sorted(
        tuple(sorted((k, str(v)) for k, v in row.items() if k not in drop)) for row in result
    )


# Parents before children: the order rows are copied into a revision-0001 database.
OLD_TABLES = (
    "ledgermeta",
    "target",
    "unitassignment",
    "milestone",
    "indicator",
    "alias",
    "auditentry",
    "pendingchange",
    "savedlist",
    "progressreport",
)


def test_a_one_year_database_moves_forward_with_nothing_lost(empty_url, tmp_path, ledger_2020):
    """The 2020 ledger with admin changes, an undo, a pending change, a saved list and a unit
    report, written as revision 0001 held it, comes out of 0002 whole and marked 2020."""
    from dataclasses import replace

    from bot.domain.fields import FieldChange
    from bot.store.ledger_changes import apply_changes, undo_last
    from bot.store.ledger_import import load_ledger
    from bot.store.models import PendingChange, ProgressReport, SavedList

    # Revision 0001 has no indicator.actual_unit (0003 adds it, empty): the ledger as 0001
    # could hold it writes each actual in its indicator's unit.
    ledger_2020 = replace(
        ledger_2020,
        targets=tuple(
            replace(t, indicators=tuple(replace(i, actual_unit="") for i in t.indicators))
            for t in ledger_2020.targets
        ),
    )
    source = make_engine(f"sqlite:///{tmp_path / 'source.db'}")
    create_schema(source)
    load_ledger(source, ledger_2020, source="ledger_2020.toml")
    apply_changes(source, [FieldChange(12, "progress_text", "新进展")], actor="tg:1")
    apply_changes(source, [FieldChange(3, "aliases", '["乙", "甲"]')], actor="tg:1")
    undo_last(source, actor="tg:1")
    with Session(source) as session, session.begin():
        session.add(
            PendingChange(
                admin_id=1,
                command="set",
                year=2020,
                target_number=5,
                changes_json="[]",
                summary="s",
            )
        )
        session.add(SavedList(title="全部目标", year=2020, numbers_json="[1, 2]"))
        session.add(
            ProgressReport(year=2020, target_number=7, reporter_id=2, chat_id=3, text="完成")
        )

    old = make_engine(empty_url)
    _at_revision(old, BASELINE_REVISION)
    # Columns later revisions add (beside `year`) are not the 0001 data: they are not compared.
    later: dict[str, tuple[str, ...]] = {}
    with source.connect() as reading, old.begin() as writing:
        for table in OLD_TABLES:
            old_table = Table(table, MetaData(), autoload_with=writing)
            columns = set(old_table.columns.keys())
            model_columns = set(SQLModel.metadata.tables[table].columns.keys())
            later[table] = tuple(model_columns - columns - {"year"})
            rows = reading.execute(SQLModel.metadata.tables[table].select()).mappings().all()
            if rows:
                writing.execute(
                    old_table.insert(),
                    [{k: v for k, v in row.items() if k in columns} for row in rows],
                )
    create_schema(old)

    assert revisions(old) == [head_revision()]
    assert differences(old) == []
    for table in OLD_TABLES:
        with old.connect() as connection:
            years = set(connection.execute(text(f'SELECT year FROM "{table}"')).scalars())
        assert years == {2020}, table
        assert _rows(old, table, drop=later[table]) == _rows(source, table, drop=later[table]), (
            table
        )
    assert len(_rows(old, "auditentry")) == 3  # two changes and the undo of the second
    source.dispose()
    old.dispose()


def test_downgrade_to_base_and_back(tmp_path):
    from alembic import command

    engine = make_engine(f"sqlite:///{tmp_path / 'down.db'}")
    create_schema(engine)
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection=connection), "base")
    assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    create_schema(engine)
    assert differences(engine) == []
    engine.dispose()


def test_revision_files_form_one_line_named_by_their_ids():
    """Start-up takes the head from the file names: ids must be the four-digit prefixes."""
    files = revision_files()
    script = ScriptDirectory.from_config(alembic_config())
    assert script.get_heads() == [head_revision()]
    assert sorted(files) == sorted(s.revision for s in script.walk_revisions())
    assert BASELINE_REVISION == min(files)
    ids = sorted(files)
    for rev_id, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        values = {
            node.targets[0].id: ast.literal_eval(node.value)
            for node in tree.body
            if isinstance(node, ast.Assign)
            and isinstance(node.targets[0], ast.Name)
            and node.targets[0].id == "revision"
        }
        assert values["revision"] == rev_id
        # The predecessor is the next lower id present (a helper's 0003 may land before 0002).
        expected_down = None if rev_id == BASELINE_REVISION else ids[ids.index(rev_id) - 1]
        assert script.get_revision(rev_id).down_revision == expected_down
