"""Engine creation (SQLite with WAL and busy_timeout per connection, or PostgreSQL), the
schema, which Alembic migrations in bot/migrations bring to their head revision, and a lock
that lets one ledger import run at a time.

On SQLite a transaction opened with `session.begin()` (or `engine.begin()`) writes, so it
starts with BEGIN IMMEDIATE and waits (busy_timeout) for the one write lock. A Session used
without `begin()` only reads: it starts with a deferred BEGIN, which in WAL mode never waits
for a writer, so reads go on while an import or a change holds the write lock.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, event, inspect, text
from sqlalchemy.orm import SessionTransaction, SessionTransactionOrigin
from sqlmodel import Session, create_engine

from bot.store import models  # noqa: F401  (registers the tables on SQLModel.metadata)
from bot.store.migrations import BASELINE_REVISION, MIGRATIONS_DIR, head_revision
from bot.store.sqlite_ledger import BUSY_TIMEOUT_MS

logger = logging.getLogger(__name__)

# pg_advisory_xact_lock key that serialises concurrent start-ups migrating one database.
_PG_MIGRATION_LOCK = 0x6C656467  # "ledg"
# pg_try_advisory_lock key held by the one ledger import allowed to run at a time.
_PG_IMPORT_LOCK = 0x6C656469
# Execution option naming how a SQLite transaction begins (IMMEDIATE unless it only reads).
SQLITE_BEGIN = "ledger_sqlite_begin"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # Pragmas are per connection, so they must be set on every new one.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_begin(conn) -> None:
    # Read-then-write transactions must wait for the write lock instead of failing midway;
    # read-only ones (marked DEFERRED by _mark_read_only) must not take it at all.
    mode = conn.get_execution_options().get(SQLITE_BEGIN, "IMMEDIATE")
    conn.exec_driver_sql(f"BEGIN {mode}")


def _mark_read_only(session: Session, transaction: SessionTransaction) -> None:
    """Tell _sqlite_begin whether a Session's transaction writes: only `session.begin()` does."""
    if transaction.parent is None:
        autobegun = transaction.origin is SessionTransactionOrigin.AUTOBEGIN
        mode = "DEFERRED" if autobegun else "IMMEDIATE"
        session.execution_options = session.execution_options.union({SQLITE_BEGIN: mode})


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """Create the engine for `url`, creating a SQLite file's folder when needed."""
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            # Owner-only, as everything the entry point creates (the CLI's main sets the umask).
            Path(path).parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        engine = create_engine(
            url,
            echo=echo,
            connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        # Take over transaction start from pysqlite so BEGIN IMMEDIATE is used.
        event.listen(
            engine,
            "connect",
            lambda dbapi_conn, _rec: setattr(dbapi_conn, "isolation_level", None),
        )
        event.listen(engine, "begin", _sqlite_begin)
        if not event.contains(Session, "after_transaction_create", _mark_read_only):
            event.listen(Session, "after_transaction_create", _mark_read_only)
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
    with engine.connect().execution_options(**{SQLITE_BEGIN: "DEFERRED"}) as connection:
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


class LedgerBusy(Exception):
    """Another ledger import holds the import lock; nothing was written."""


def _sqlite_path(engine: Engine) -> Path | None:
    database = engine.url.database
    return Path(database) if database and database != ":memory:" else None


@contextmanager
def import_lock(engine: Engine, *, wait: float = 0.0, poll: float = 0.1) -> Iterator[None]:
    """Hold the ledger's import lock for the block: one import at a time per database.

    Waits up to `wait` seconds, then raises LedgerBusy. The lock dies with its holder: a
    PostgreSQL advisory lock on a connection of its own, or on SQLite an flock on a file
    next to the database (none for an in-memory database, which one process owns anyway).
    """
    deadline = time.monotonic() + wait
    if engine.dialect.name == "postgresql":
        connection = engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        try:
            query = text("SELECT pg_try_advisory_lock(:key)")
            while not connection.execute(query, {"key": _PG_IMPORT_LOCK}).scalar_one():
                if time.monotonic() >= deadline:
                    raise LedgerBusy("another import is writing the ledger")
                time.sleep(poll)
            try:
                yield
            finally:
                unlock = text("SELECT pg_advisory_unlock(:key)")
                connection.execute(unlock, {"key": _PG_IMPORT_LOCK})
        finally:
            connection.close()
        return
    path = _sqlite_path(engine)
    if path is None:
        yield
        return
    import fcntl  # POSIX: the SQLite deployments this bot runs on

    with open(path.with_name(path.name + ".import-lock"), "a+b") as handle:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LedgerBusy("another import is writing the ledger") from None
                time.sleep(poll)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
