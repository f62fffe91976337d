"""Alembic environment: run by `bot.store.database.upgrade_schema` and by
`python -m bot.store.migrations`.

The caller passes an open connection in `config.attributes["connection"]` (start-up does, so
the migration runs inside its locked transaction); otherwise an engine is made from the
`sqlalchemy.url` option with the same settings as the bot's.
"""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel
from sqlmodel.sql.sqltypes import AutoString

from bot.store import models  # registers the tables on SQLModel.metadata

config = context.config
target_metadata = SQLModel.metadata


def render_item(type_, obj, autogen_context):
    """Render types as plain SQLAlchemy ones, so migrations import neither sqlmodel nor bot:
    AutoString is sa.String, UTCDateTime is the timezone-aware sa.DateTime it stores as."""
    if type_ != "type":
        return False
    if isinstance(obj, AutoString):
        return f"sa.String(length={obj.length!r})" if obj.length else "sa.String()"
    if isinstance(obj, models.UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_item=render_item,
        compare_type=True,
        # SQLite cannot ALTER most things: autogenerate writes batch (copy-and-move) operations.
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        return
    from bot.store.database import make_engine

    engine = make_engine(config.get_main_option("sqlalchemy.url"))
    try:
        with engine.connect() as connection:
            _configure(connection)
            connection.commit()
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (--sql) mode is not supported: run against a database")
run_migrations_online()
