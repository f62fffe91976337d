"""What every CLI command shares: the user error, the ledger `--year` names, JSON output,
and writing an output file with its note on stderr."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from bot.app.queries import YearMissing, ledger_of
from bot.config import Config
from bot.domain.ledger import LEDGER_YEARS, year_not_held

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from bot.store.ledger_source import LedgerSource


class CliError(Exception):
    """A user error: printed to stderr, exit status 2."""


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
        f"{year_not_held(year, held)}。"
        f"请{where}，或先用 python main.py import 文件 导入{year}年的台账"
    )


def not_a_file(path: Path) -> CliError:
    """The error for an input path that is no file to read: missing, or a folder."""
    if path.is_dir():
        return CliError(f"{path}: 这是一个文件夹，请写其中文件的路径")
    return CliError(f"{path}: 文件不存在")


def no_such_target(ledger, number: int) -> CliError:
    """The one wording of every command for a number the year's ledger does not hold."""
    return CliError(
        f"{ledger.year}年台账中没有第{number}项目标（共{len(ledger.targets)}项），"
        "序号可用 python main.py list 查看"
    )


def print_json(value) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def option_date(option: str, text: str) -> dt.date:
    """A YYYY-MM-DD option's date; a day in that shape that does not exist (2020-02-30) is
    called so, not a bad format (as `reminders --at` says it), and so is a year no ledger
    can be of (0020-12-31)."""
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        shaped = re.fullmatch(r"\s*\d{4}-\d{2}-\d{2}\s*", text)
        what = "不是存在的日期" if shaped else "格式不对"
        raise CliError(f"{option} {text!r} {what}：应为 YYYY-MM-DD，例如 2020-12-31") from None
    if day.year not in LEDGER_YEARS:
        first, last = LEDGER_YEARS[0], LEDGER_YEARS[-1]
        raise CliError(f"{option} {text!r} 的年份应在{first}到{last}之间，例如 2020-12-31")
    return day


def as_of_date(config: Config, year: int, text: str | None) -> dt.date:
    """`--as-of` as a date; without it, the status day of `year`."""
    if not text:
        return config.status_date(year)
    return option_date("--as-of", text)


# The file each extension opens as, and the --format that writes it (where one does).
KINDS = {
    ".txt": ("文本", "txt"),
    ".md": ("Markdown", "md"),
    ".docx": ("Word", "docx"),
    ".xlsx": ("Excel", "xlsx"),
    ".csv": ("CSV", "csv"),
    ".toml": ("TOML", "toml"),
    ".png": ("PNG", ""),
}


def check_suffix(output: str, *expected: str, formats: tuple[str, ...] = ()) -> None:
    """Refuse an `-o` whose extension names another kind of file than the one written (CSV
    in "台账.xlsx" is a file Excel refuses to open); a name without an extension is taken."""
    path = Path(output)
    suffix = path.suffix.lower()
    if not suffix or suffix in expected:
        return
    kinds = "或".join(f"{KINDS.get(e, ('', ''))[0]}文件（{e}）" for e in expected)
    hint = "请改为 -o " + " 或 ".join(str(path.with_suffix(e)) for e in expected)
    other = KINDS.get(suffix, ("", ""))[1]
    if other in formats:
        hint += f"，或用 --format {other}"
    raise CliError(f"-o {output} 的扩展名是 {suffix}，但要写的是{kinds}；{hint}")


def write_output(output: str, content: bytes, note: str | None = None) -> None:
    """Write `-o` and say so on stderr (`note`, else "已写入 …"), keeping stdout for the
    content itself; a file that cannot be written is a user error, not a traceback."""
    path = Path(output)
    try:
        path.write_bytes(content)
    except FileNotFoundError:
        if path.parent.is_dir():  # a folder that takes no new files (/proc)
            raise CliError(f"无法写入 {output}，请换一个路径") from None
        folder = f"文件夹 {path.parent} 不存在"
        raise CliError(f"无法写入 {output}：{folder}，请先建好它或换一个路径") from None
    except IsADirectoryError:
        raise CliError(f"无法写入 {output}：这是一个文件夹，请在 -o 后写文件名") from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise CliError(f"无法写入 {output}（{reason}），请换一个路径") from None
    print(note or f"已写入 {output}", file=sys.stderr)
