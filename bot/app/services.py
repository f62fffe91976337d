"""Start-up: build the engine from the config, create the schema, seed on first start."""

from __future__ import annotations

import logging

from sqlalchemy import Engine

from bot.config import Config
from bot.domain.ledger import LedgerSpec
from bot.render.ledger_toml import load_ledger_file
from bot.store.database import create_schema, make_engine
from bot.store.ledger_import import ImportResult, load_ledger
from bot.store.ledger_store import YearNotHeld, held_years, is_empty, read_ledger
from bot.store.uow import reading
from bot.understanding.answering import Answerer
from bot.understanding.lexicon import load_lexicon

logger = logging.getLogger(__name__)


def open_engine(config: Config, *, seed: bool = True) -> Engine:
    """Engine with the schema in place; an empty database is seeded from `[ledger] file`."""
    engine = make_engine(config.database_url)
    create_schema(engine)
    if seed and is_empty(engine):
        result = seed_ledger(engine, config)
        logger.info("seeded %d targets from %s", result.created, config.ledger_file)
    return engine


SEED_WAIT_SECONDS = 600.0  # processes starting together on an empty database seed in turn


def seed_ledger(engine: Engine, config: Config, *, force: bool = False) -> ImportResult:
    ledger = load_ledger_file(config.ledger_file)
    return load_ledger(
        engine, ledger, source=config.ledger_file.name, force=force, wait=SEED_WAIT_SECONDS
    )


def build_answerer(
    engine: Engine, config: Config, *, year: int | None = None, ledger: LedgerSpec | None = None
) -> Answerer:
    """The answering core over a year's ledger as the database holds it now: `year`, else
    `[ledger] year`, else the latest year imported (YearNotHeld when it is not held); or over
    `ledger`, when the caller has just read it."""
    if ledger is not None:
        return Answerer(
            ledger, load_lexicon(), today=config.status_date(ledger.year), tz=config.tz
        )
    with reading(engine) as session:
        try:
            ledger = read_ledger(session, year=year or config.year, rules=config.status)
        except YearNotHeld as exc:
            if year is not None:
                raise
            held = "、".join(f"{y}年" for y in held_years(session))
            raise YearNotHeld(
                exc.year,
                hint=f"（现有：{held}）。请改 {config.source} 的 "
                "[ledger] year，或设为 0 使用最新导入的年度",
            ) from None
    return Answerer(
        ledger,
        load_lexicon(),
        today=config.status_date(ledger.year),
        tz=config.tz,
    )
