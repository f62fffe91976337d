"""Shared fixtures: a fresh seeded ledger per test, and the curated 2020 ledger.

The ledger database is SQLite by default. The store-involving integration suites
(POSTGRES_SUITES) run every test twice, on SQLite and on the local PostgreSQL: each
PostgreSQL test gets its own schema (via search_path in the URL) inside a database made for
this pytest session and dropped at its end, so parallel runs never meet. Without a reachable
server the PostgreSQL variants are skipped and the rest runs. TEST_POSTGRES_URL overrides
the server (default postgresql+psycopg://postgres@127.0.0.1:5432/test).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import sqlite3
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest

from bot.app.services import open_engine
from bot.config import DEFAULT_LEDGER_FILE, Config
from bot.render.ledger_toml import load_ledger_file
from tests.auxil.cli_runs import seeded_cli_config

# The report the 2020 ledger was curated from; the repository carries its own copy.
SEED_REPORT = Path(__file__).resolve().parents[1] / "data" / "sources" / "report_2020.txt"

POSTGRES_ADMIN_URL = os.environ.get(
    "TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
# Test modules (integration and reminder suites) whose name starts with one of these also run
# on PostgreSQL: every suite where the store is involved and the database does the work.
POSTGRES_SUITES = (
    "test_store",
    "test_reminders_store",
    "test_reminders_restart",
    "test_reminders_over_http",
    "test_spreadsheet",
    "test_authorization",
    "test_telegram_handlers",
    "test_untrusted_text",
)
TESTS_DIR = Path(__file__).resolve().parent
POSTGRES_DIRS = (TESTS_DIR / "integration", TESTS_DIR / "e2e")


def _runs_on_postgres(path: Path) -> bool:
    return path.parent in POSTGRES_DIRS and path.name.startswith(POSTGRES_SUITES)


def pytest_generate_tests(metafunc):
    if "db_backend" in metafunc.fixturenames and _runs_on_postgres(metafunc.definition.path):
        metafunc.parametrize(
            "db_backend",
            ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
            indirect=True,
        )


@pytest.fixture
def db_backend(request) -> str:
    """ "sqlite", or "postgres" in the suites parametrized by pytest_generate_tests."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def postgres_server():
    """The admin URL of a reachable PostgreSQL server; skips the test when there is none."""
    from sqlalchemy import create_engine, make_url, text
    from sqlalchemy.exc import OperationalError

    url = make_url(POSTGRES_ADMIN_URL)
    engine = create_engine(POSTGRES_ADMIN_URL, connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except OperationalError as exc:
        reason = str(exc.orig or exc).strip().splitlines()[0]
        where = f"{url.host or 'localhost'}:{url.port or 5432}"
        pytest.skip(f"PostgreSQL at {where} not reachable: {reason}")
    finally:
        engine.dispose()
    return POSTGRES_ADMIN_URL


@pytest.fixture(scope="session")
def postgres_database(postgres_server):
    """URL of a database made for this test session (random name), dropped at its end."""
    from sqlalchemy import create_engine, make_url, text

    name = f"ledger_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(postgres_server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def postgres_url(postgres_database):
    """URL of a fresh empty schema of its own, reached through search_path; dropped after."""
    from sqlalchemy import create_engine, text

    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_database, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in postgres_database else "?"
    yield f"{postgres_database}{separator}options={quote(f'-csearch_path={schema}')}"
    with admin.connect() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture(scope="session")
def postgres_seeded_template(postgres_server):
    """Name of a database migrated and seeded from the 2020 ledger once per test process."""
    from sqlalchemy import create_engine, make_url, text

    name = f"ledger_tpl_{uuid.uuid4().hex[:10]}"
    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(postgres_server).set(database=name).render_as_string(hide_password=False)
    open_engine(Config(database_url=url, today=dt.date(2021, 1, 15))).dispose()
    try:
        yield name
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def postgres_seeded_url(postgres_server, postgres_seeded_template):
    """URL of a database of this test's own, cloned from the seeded template (~50 ms)."""
    from sqlalchemy import create_engine, make_url, text

    name = f"ledger_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{postgres_seeded_template}"'))
    yield make_url(postgres_server).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def database_url(request, db_backend, tmp_path) -> str:
    """A seeded ledger database of this test's own, on the test's engine."""
    if db_backend == "postgres":
        return request.getfixturevalue("postgres_seeded_url")
    return f"sqlite:///{tmp_path / 'ledger.db'}"


@pytest.fixture(scope="session")
def ledger_2020():
    return load_ledger_file(DEFAULT_LEDGER_FILE)


@pytest.fixture(scope="session")
def seed_report_text() -> str:
    if not SEED_REPORT.exists():
        pytest.fail(f"seed report missing at {SEED_REPORT}")
    return SEED_REPORT.read_text(encoding="utf-8")


@pytest.fixture
def config(tmp_path, database_url) -> Config:
    """A config on a fresh database, with 'today' fixed inside the 2020 ledger year."""
    return Config(
        database_url=database_url,
        today=dt.date(2021, 1, 15),
        var_dir=tmp_path / "var",  # the log and jieba's cache: never under the repository
        source=str(tmp_path / "config.toml"),
    )


@pytest.fixture(scope="session")
def seeded_sqlite(tmp_path_factory) -> Path:
    """A SQLite file seeded from the 2020 ledger once per test process, to copy per test.

    Seeding takes about a second; copying the file takes milliseconds.
    """
    path = tmp_path_factory.mktemp("template") / "seeded.db"
    template = open_engine(Config(database_url=f"sqlite:///{path}", today=dt.date(2021, 1, 15)))
    template.dispose()
    with contextlib.closing(sqlite3.connect(path)) as db:  # fold the WAL into the file
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def copy_seeded(seeded: Path, url: str) -> None:
    """Put the seeded template at a sqlite URL's path, unless a database is already there."""
    target = Path(url.removeprefix("sqlite:///"))
    if url.startswith("sqlite:///") and not target.exists():
        shutil.copyfile(seeded, target)


@pytest.fixture
def engine(config, seeded_sqlite):
    copy_seeded(seeded_sqlite, config.database_url)
    engine = open_engine(config)
    yield engine
    engine.dispose()


@pytest.fixture
def cli_today() -> str:
    """The fixed "today" of the CLI tests' config; a module overrides it where it matters."""
    return "2021-01-15"


@pytest.fixture
def cli_config_path(tmp_path, cli_today, seeded_sqlite):
    return seeded_cli_config(tmp_path, seeded_sqlite, cli_today)


@pytest.fixture
def run_cli(cli_config_path, capsys):
    """Run `python main.py ARGS --config <tmp config>` in-process: (exit code, stdout, stderr)."""
    from bot.adapters.cli import main

    def invoke(*args: str) -> tuple[int, str, str]:
        code = main([*args, "--config", str(cli_config_path)])
        out, err = capsys.readouterr()
        return code, out, err

    return invoke
