"""What every CLI command shares: the user error, the ledger `--year` names, JSON output,
and writing an output file with its note on stderr."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from bot.app.queries import YearMissing, ledger_of
from bot.config import Config

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from bot.store.ledger_source import LedgerSource


class CliError(Exception):
    """A user error: printed to stderr, exit status 2."""


def years_text(years) -> str:
    return "、".join(f"{y}年" for y in years) or "无"


def ledger_for(config: Config, engine: Engine | LedgerSource, args):
    """The ledger of `--year`, else of `[ledger] year`, else the latest year imported (read
    through the engine, or through a LedgerSource)."""
    year = getattr(args, "year", None) or config.year
    try:
        return ledger_of(engine, year=year, rules=config.status)
    except YearMissing as exc:
        held = exc.held
    where = "换一个年份" if getattr(args, "year", None) else f"改 {config.source} 的 [ledger] year"
    raise CliError(
        f"数据库中没有{year}年的台账（现有：{years_text(held)}）。"
        f"请{where}，或先用 python main.py import 文件 导入{year}年的台账"
    )


def print_json(value) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def as_of_date(config: Config, year: int, text: str | None) -> dt.date:
    """`--as-of` as a date; without it, the status day of `year`."""
    if not text:
        return config.status_date(year)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CliError(f"--as-of 应为 YYYY-MM-DD，而不是 {text!r}") from None


def write_output(output: str, content: bytes) -> None:
    """Write `-o` and say so on stderr, keeping stdout for the content itself."""
    Path(output).write_bytes(content)
    print(f"已写入 {output}", file=sys.stderr)
