"""Start-up: build the engine from the config, create the schema, seed on first start; and
the answering core over a ledger.

The store (SQLAlchemy, SQLModel, Alembic) is imported when an engine is opened or read, not
with this module: a cold `python main.py ask` on a ready SQLite file reads it without them
(bot/store/sqlite_ledger.py).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from bot.config import Config
from bot.domain.ledger import LedgerSpec
from bot.store.errors import YearNotHeld
from bot.store.ledger_source import LedgerSource, ledger_source
from bot.understanding.answering import Answerer
from bot.understanding.lexicon import load_lexicon

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from bot.store.ledger_import import ImportResult

logger = logging.getLogger(__name__)


def open_engine(config: Config, *, seed: bool = True) -> Engine:
    """Engine with the schema in place; an empty database is seeded from `[ledger] file`."""
    from bot.store.database import create_schema, make_engine
    from bot.store.ledger_store import is_empty

    engine = make_engine(config.database_url)
    create_schema(engine)
    if seed and is_empty(engine):
        result = seed_ledger(engine, config)
        logger.info("seeded %d targets from %s", result.created, config.ledger_file)
    return engine


SEED_WAIT_SECONDS = 600.0  # processes starting together on an empty database seed in turn


def seed_ledger(engine: Engine, config: Config, *, force: bool = False) -> ImportResult:
    from bot.render.ledger_toml import load_ledger_file
    from bot.store.ledger_import import load_ledger

    ledger = load_ledger_file(config.ledger_file)
    return load_ledger(
        engine, ledger, source=config.ledger_file.name, force=force, wait=SEED_WAIT_SECONDS
    )


def answerer_over(ledger: LedgerSpec, config: Config) -> Answerer:
    """The answering core over `ledger`, judged on the config's status day of its year."""
    return Answerer(ledger, load_lexicon(), today=config.status_date(ledger.year), tz=config.tz)


def build_answerer(
    engine: Engine | LedgerSource,
    config: Config,
    *,
    year: int | None = None,
    ledger: LedgerSpec | None = None,
) -> Answerer:
    """The answering core over a year's ledger as the database holds it now: `year`, else
    `[ledger] year`, else the latest year imported (YearNotHeld when it is not held); or over
    `ledger`, when the caller has just read it. `engine` may be a LedgerSource instead."""
    if ledger is not None:
        return answerer_over(ledger, config)
    ledgers = ledger_source(engine)
    try:
        ledger = ledgers.read_ledger(year=year or config.year, rules=config.status)
    except YearNotHeld as exc:
        if year is not None:
            raise
        raise YearNotHeld(
            exc.year,
            held=ledgers.held_years(),
            hint=f"。请改 {config.source} 的 [ledger] year，或设为 0 使用最新导入的年度",
        ) from None
    return answerer_over(ledger, config)
