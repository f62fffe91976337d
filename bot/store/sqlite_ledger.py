"""Reading a SQLite ledger with the standard library's sqlite3, without SQLAlchemy or SQLModel.

A cold `python main.py ask` spends more time importing SQLAlchemy and SQLModel than answering;
on a SQLite file that is migrated and holds a ledger it reads the ledger here instead, into
the same `LedgerSpec` (the rows go through `ledger_rows`, as the SQLModel store's do). The
database stays the one source of truth: nothing is cached. Anything else (PostgreSQL, an
in-memory or missing database, an empty one to seed, one whose migrations are behind) is
left to the SQLAlchemy path: `open_sqlite_ledgers` returns None for it.

The columns read are declared once below, as the SQLModel tables name and type them;
tests/integration/test_sqlite_ledger.py fails when they drift from bot/store/models.py.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections import namedtuple
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.domain.ledger import LedgerSpec
from bot.domain.status_rules import DEFAULT_STATUS_RULES, StatusRules
from bot.store.errors import NO_LEDGER_YET, StoreError, YearNotHeld
from bot.store.ledger_rows import (
    LIVE_FIELD,
    LIVE_FIELD_PREFIX,
    assemble_targets,
    by_target,
    live_changes,
)
from bot.store.migrations import head_revision

BUSY_TIMEOUT_MS = 5000  # how long a connection waits for a lock (the engine's too)

# Every column of the tables a ledger is read from, with the Python type SQLModel gives it
# (bot/store/models.py): table name -> {column: type}.
LEDGER_COLUMNS: dict[str, dict[str, type]] = {
    "ledgermeta": {
        "id": int,
        "year": int,
        "title": str,
        "preamble": str,
        "default_deadline": dt.date,
        "source_file": str,
        "loaded_at": dt.datetime,
    },
    "target": {
        "year": int,
        "number": int,
        "title": str,
        "category": str,
        "target_text": str,
        "progress_text": str,
        "same_line": bool,
        "status_override": str,
        "status_reason": str,
        "closed": str,
        "updated_at": dt.datetime,
        "updated_by": str,
    },
    "unitassignment": {
        "id": int,
        "year": int,
        "target_number": int,
        "position": int,
        "unit": str,
        "role": str,
        "source": str,
    },
    "milestone": {
        "id": int,
        "year": int,
        "target_number": int,
        "position": int,
        "due": dt.date,
        "text": str,
        "done": bool,
    },
    "indicator": {
        "id": int,
        "year": int,
        "target_number": int,
        "position": int,
        "name": str,
        "target_value": str,
        "unit": str,
        "comparator": str,
        "actual_value": str,
        "actual_unit": str,
        "as_of": str,
        "remark": str,
    },
    "alias": {"id": int, "year": int, "target_number": int, "word": str},
    "auditentry": {
        "id": int,
        "change_id": str,
        "at": dt.datetime,
        "actor": str,
        "year": int,
        "target_number": int,
        "field_name": str,
        "old_value": str,
        "new_value": str,
        "reason": str,
        "undoes": str,
        "undone": bool,
    },
}


def _utc(text: str) -> dt.datetime:
    # SQLAlchemy keeps naive UTC in SQLite; bot.store.models.UTCDateTime makes it aware.
    value = dt.datetime.fromisoformat(text)
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


# How a stored value becomes the Python value SQLAlchemy would give (None stays None).
_DECODERS: dict[type, Callable | None] = {
    int: None,
    str: None,
    bool: bool,
    dt.date: dt.date.fromisoformat,
    dt.datetime: _utc,
}


class _Table:
    """One table's declared columns: its SELECT list and its rows as named tuples."""

    def __init__(self, name: str, columns: dict[str, type]) -> None:
        self.name = name
        self.select = f'SELECT {", ".join(columns)} FROM "{name}"'
        self.row = namedtuple(name, columns)
        self.decoders = [_DECODERS[kind] for kind in columns.values()]

    def rows(self, connection: sqlite3.Connection, where: str = "", *params) -> list:
        found = []
        for values in connection.execute(f"{self.select} {where}", params):
            found.append(
                self.row(
                    *(
                        value if decode is None or value is None else decode(value)
                        for decode, value in zip(self.decoders, values, strict=True)
                    )
                )
            )
        return found


_TABLES = {name: _Table(name, columns) for name, columns in LEDGER_COLUMNS.items()}

# The SQLite URLs SQLAlchemy opens as a file ("sqlite:///var/ledger.db", "sqlite:////abs"),
# without query options; anything else is not read here.
_FILE_URL = re.compile(r"^sqlite(?:\+pysqlite)?:///(?P<path>[^?%]+)$")


def sqlite_file(url: str) -> Path | None:
    """The file a plain SQLite URL names; None for any other URL or an in-memory database."""
    found = _FILE_URL.match(url)
    if found is None or found.group("path") == ":memory:":
        return None
    return Path(found.group("path"))


class SqliteLedgers:
    """The ledger years of one SQLite file, each read in one read transaction of its own
    connection (safe from any thread; it never writes)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._uri = path.absolute().as_uri() + "?mode=rw"  # never creates a missing file

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        connection = sqlite3.connect(
            self._uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
        )
        try:
            connection.execute("BEGIN")  # deferred: in WAL mode it never waits for a writer
            yield connection
        finally:
            connection.close()  # rolls the read transaction back

    def ready(self) -> bool:
        """True when the file is migrated to the head revision and holds some target: what
        start-up (`open_engine`) would leave as it is."""
        try:
            with self._reading() as connection:
                versions = connection.execute("SELECT version_num FROM alembic_version")
                if {row[0] for row in versions} != {head_revision()}:
                    return False
                held = connection.execute('SELECT EXISTS (SELECT 1 FROM "target")').fetchone()
                return bool(held[0])
        except sqlite3.DatabaseError:  # not a database, no tables yet, or locked: full path
            return False

    def held_years(self) -> dict[int, int]:
        with self._reading() as connection:
            return _held_years(connection)

    def read_ledger(
        self, *, year: int | None = None, rules: StatusRules = DEFAULT_STATUS_RULES
    ) -> LedgerSpec:
        """As `ledger_store.read_ledger`: the same queries, orders and errors."""
        with self._reading() as connection:
            wanted = _latest_year(connection) if year is None else year
            metas = _TABLES["ledgermeta"].rows(connection, "WHERE year = ? LIMIT 1", wanted)
            if not metas:
                if year is not None and _latest_year(connection) is not None:
                    raise YearNotHeld(year)
                raise StoreError(NO_LEDGER_YET)
            meta = metas[0]
            return LedgerSpec(
                year=meta.year,
                title=meta.title,
                preamble=meta.preamble,
                targets=tuple(_read_targets(connection, meta.year, rules)),
                default_deadline=meta.default_deadline,
            )


def _held_years(connection: sqlite3.Connection) -> dict[int, int]:
    counts = dict(connection.execute('SELECT year, count(*) FROM "target" GROUP BY year'))
    years = {row[0] for row in connection.execute('SELECT year FROM "ledgermeta"')}
    return {year: counts.get(year, 0) for year in sorted(years | set(counts))}


def _latest_year(connection: sqlite3.Connection) -> int | None:
    return (
        connection.execute('SELECT max(year) FROM "ledgermeta"').fetchone()[0]
        or connection.execute('SELECT max(year) FROM "target"').fetchone()[0]
    )


def _children(connection: sqlite3.Connection, table: str, year: int) -> dict[int, list]:
    order = "id, id" if table == "alias" else "position, id"
    rows = _TABLES[table].rows(connection, f"WHERE year = ? ORDER BY {order}", year)
    return by_target(rows, by_word=table == "alias")


def _read_targets(connection: sqlite3.Connection, year: int, rules: StatusRules) -> list:
    audit = _TABLES["auditentry"].rows(
        connection,
        "WHERE year = ? AND (field_name = ? OR field_name LIKE ?) ORDER BY id",
        year,
        LIVE_FIELD,
        LIVE_FIELD_PREFIX,
    )
    return assemble_targets(
        _TABLES["target"].rows(connection, "WHERE year = ? ORDER BY number", year),
        units=_children(connection, "unitassignment", year),
        milestones=_children(connection, "milestone", year),
        indicators=_children(connection, "indicator", year),
        aliases=_children(connection, "alias", year),
        changes=live_changes(audit),
        rules=rules,
    )


def open_sqlite_ledgers(url: str) -> SqliteLedgers | None:
    """A reader of the ledger at `url` that needs no SQLAlchemy, when `url` is a SQLite file
    migrated to the head revision that holds a ledger; None otherwise (the caller opens the
    engine, which migrates or seeds as start-up always has)."""
    path = sqlite_file(url)
    if path is None or not path.is_file():
        return None
    ledgers = SqliteLedgers(path)
    return ledgers if ledgers.ready() else None
