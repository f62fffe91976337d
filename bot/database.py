"""Engine creation (SQLite with WAL and busy_timeout per connection, or PostgreSQL) and the
schema, which Alembic migrations in bot/migrations bring to their head revision."""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import Connection, Engine, event, inspect, text
from sqlmodel import create_engine

from bot import models  # noqa: F401  (registers the tables on SQLModel.metadata)
from bot.migrations import BASELINE_REVISION, MIGRATIONS_DIR, head_revision

logger = logging.getLogger(__name__)

# pg_advisory_xact_lock key that serialises concurrent start-ups migrating one database.
_PG_MIGRATION_LOCK = 0x6C656467  # "ledg"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # Pragmas are per connection, so they must be set on every new one.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_begin(conn) -> None:
    # Read-then-write transactions must wait for the write lock instead of failing midway.
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """Create the engine for `url`, creating a SQLite file's folder when needed."""
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            # Owner-only, as everything the entry point creates (bot.cli.main sets the umask).
            Path(path).parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        engine = create_engine(
            url, echo=echo, connect_args={"check_same_thread": False, "timeout": 5}
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        # Take over transaction start from pysqlite so BEGIN IMMEDIATE is used.
        event.listen(
            engine,
            "connect",
            lambda dbapi_conn, _rec: setattr(dbapi_conn, "isolation_level", None),
        )
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True)


def alembic_config(*, connection: Connection | None = None, url: str | None = None):
    """Alembic's Config built in code: bot/migrations, on `connection` or else on `url`."""
    from alembic.config import Config as AlembicConfig

    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("path_separator", "os")
    if url is not None:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def current_revisions(connection: Connection) -> set[str]:
    """The revisions recorded in alembic_version; empty when the table is missing."""
    if not inspect(connection).has_table("alembic_version"):
        return set()
    return set(connection.execute(text("SELECT version_num FROM alembic_version")).scalars())


def create_schema(engine: Engine) -> None:
    """Bring the database to the head migration; a no-op that skips Alembic when it is there."""
    with engine.connect() as connection:
        up_to_date = current_revisions(connection) == {head_revision()}
    if not up_to_date:
        upgrade_schema(engine)


def upgrade_schema(engine: Engine) -> None:
    """Run the migrations to head in one transaction that concurrent start-ups wait for.

    A database made by `create_all` before migrations existed (tables, no alembic_version)
    is stamped at the baseline revision, which matches it, and then upgraded.
    """
    from alembic import command

    with engine.begin() as connection:  # SQLite: BEGIN IMMEDIATE holds the write lock
        if connection.dialect.name == "postgresql":
            connection.execute(
                text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK}
            )
        if current_revisions(connection) == {head_revision()}:
            return  # another process migrated it while we waited
        config = alembic_config(connection=connection)
        inspector = inspect(connection)
        if not inspector.has_table("alembic_version") and inspector.has_table("target"):
            logger.warning(
                "database has the tables but no migration record: stamping revision %s",
                BASELINE_REVISION,
            )
            command.stamp(config, BASELINE_REVISION)
        command.upgrade(config, "head")
