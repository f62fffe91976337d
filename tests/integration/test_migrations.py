"""Alembic migrations: an empty database upgraded to head matches the models exactly, on
SQLite and on PostgreSQL; a database made by `create_all` before migrations is adopted."""

from __future__ import annotations

import ast

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlmodel import Session, SQLModel, select

from bot.database import alembic_config, create_schema, make_engine
from bot.migrations import BASELINE_REVISION, head_revision, revision_files
from bot.models import Target


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


def test_a_create_all_database_is_stamped_and_keeps_its_rows(empty_engine):
    SQLModel.metadata.create_all(empty_engine)  # as every start did before migrations
    with Session(empty_engine) as session, session.begin():
        session.add(Target(number=1, title="旧库", category="c", target_text="t"))
    create_schema(empty_engine)
    assert revisions(empty_engine) == [head_revision()]
    assert differences(empty_engine) == []
    with Session(empty_engine) as session:
        assert session.exec(select(Target.title)).all() == ["旧库"]


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
