"""Shared fixtures: a fresh seeded SQLite ledger per test, and the curated 2020 ledger."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.bootstrap import open_engine
from bot.config import DEFAULT_LEDGER_FILE, Config
from bot.ledger_toml import load_ledger_file

SEED_REPORT = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "report_2020.txt"


@pytest.fixture(scope="session")
def ledger_2020():
    return load_ledger_file(DEFAULT_LEDGER_FILE)


@pytest.fixture(scope="session")
def seed_report_text() -> str:
    if not SEED_REPORT.exists():
        pytest.fail(f"seed report missing at {SEED_REPORT}")
    return SEED_REPORT.read_text(encoding="utf-8")


@pytest.fixture
def config(tmp_path) -> Config:
    """A config on a fresh SQLite file, with 'today' fixed inside the 2020 ledger year."""
    return Config(
        database_url=f"sqlite:///{tmp_path / 'ledger.db'}",
        today=dt.date(2021, 1, 15),
        source=str(tmp_path / "config.toml"),
    )


@pytest.fixture
def engine(config):
    engine = open_engine(config)
    yield engine
    engine.dispose()
