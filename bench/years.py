"""Several years in one database: what routing by year costs a question, what a question
naming another year costs (its core built on first use, then cached), importing a new year,
and migration 0002 on a one-year database holding the 2020 ledger (SQLite)."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from bench.core import write_config
from bench.report import Figures, ms, table
from bench.sets import BLIND_2020
from bot.config import DEFAULT_LEDGER_FILE, PROJECT_ROOT
from bot.understanding.evaluation import load_eval_set

LEDGER_2021 = PROJECT_ROOT / "tests" / "data" / "ledger_2021.toml"


def _median_ms(run, items) -> float:
    spent = []
    for item in items:
        start = time.perf_counter()
        run(item)
        spent.append((time.perf_counter() - start) * 1000)
    return statistics.median(spent)


def _migration_ms(folder: Path, runs: int = 3) -> list[float]:
    """Migration 0002 on a revision-0001 copy of a database seeded with the 2020 ledger."""
    from alembic import command
    from sqlalchemy import MetaData, Table
    from sqlmodel import SQLModel

    from bot.render.ledger_toml import load_ledger_file
    from bot.store.database import alembic_config, create_schema, make_engine
    from bot.store.ledger_import import load_ledger

    source = make_engine(f"sqlite:///{folder / 'source.db'}")
    create_schema(source)
    load_ledger(source, load_ledger_file(DEFAULT_LEDGER_FILE))
    spent = []
    for run in range(runs):
        engine = make_engine(f"sqlite:///{folder / f'old{run}.db'}")
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection=connection), "0001")
        with source.connect() as reading, engine.begin() as writing:
            for name in ("ledgermeta", "target", "unitassignment", "milestone", "indicator"):
                old = Table(name, MetaData(), autoload_with=writing)
                rows = reading.execute(SQLModel.metadata.tables[name].select()).mappings()
                writing.execute(
                    old.insert(), [{k: v for k, v in r.items() if k in old.c} for r in rows]
                )
        start = time.perf_counter()
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection=connection), "0002")
        spent.append((time.perf_counter() - start) * 1000)
        engine.dispose()
    source.dispose()
    return spent


def years(figures: Figures, workdir: Path) -> None:
    from bot.app.ledger_years import LedgerYears, parse_year_phrase
    from bot.app.services import build_answerer, open_engine
    from bot.config import load_config
    from bot.render.ledger_toml import load_ledger_file
    from bot.store.ledger_import import load_ledger

    config = load_config(write_config(workdir / "db", DEFAULT_LEDGER_FILE), environ={})
    engine = open_engine(config)
    questions = [item["q"] for item in load_eval_set(BLIND_2020)]
    core = build_answerer(engine, config)
    routed = LedgerYears(engine, config, lambda: core)
    bare_ms = _median_ms(core.ask, questions)
    routed_ms = _median_ms(routed.ask, questions)
    parse_ms = _median_ms(lambda q: parse_year_phrase(q, 2020), questions)

    start = time.perf_counter()
    load_ledger(engine, load_ledger_file(LEDGER_2021), source=LEDGER_2021.name)
    import_ms = (time.perf_counter() - start) * 1000
    core = build_answerer(engine, config)  # 2021 is now the current year
    routed = LedgerYears(engine, config, lambda: core)
    start = time.perf_counter()
    routed.ask("2020年的新增贷款完成了多少")
    first_ms = (time.perf_counter() - start) * 1000
    other_ms = _median_ms(routed.ask, [f"2020年{q}" for q in questions[:200]])
    compare_ms = _median_ms(routed.ask, ["新增贷款和去年比", "造林同比", "同比"] * 20)
    engine.dispose()
    migration = _migration_ms(workdir)

    print(
        "Per question, median wall ms over the 2020 blind set (one process, SQLite). "
        "Routing = `LedgerYears.ask`, which the chat and `ask` call, against the bare core.\n"
    )
    print(
        table(
            ("what", "ms"),
            [
                ("bare core, one-year database", ms(bare_ms)),
                ("routed by year, one-year database", ms(routed_ms)),
                ("`parse_year_phrase` alone", f"{parse_ms:.4f}"),
                ("import of a new year (ledger_2021.toml, 3 targets)", ms(import_ms)),
                ("first question naming 2020 (builds 2020's core)", ms(first_ms)),
                ("questions naming 2020, core cached (200)", ms(other_ms)),
                ("year-over-year questions (60)", ms(compare_ms)),
                (
                    "migration 0001→0002, 2020 ledger (3 runs)",
                    ", ".join(f"{m:.0f}" for m in migration),
                ),
            ],
        )
    )
