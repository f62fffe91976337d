"""Command-line front end: the parser and the entry point. The commands live in
cli_ask.py, cli_ledger.py, cli_reminders.py and cli_documents.py; each parses, calls the
core, prints. A command's module is imported only when that command runs, so that a cold
`python main.py ask` does not pay for the others' imports (documents, spreadsheets, drafts)."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import re
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from bot.adapters.logging_setup import configure_logging
from bot.config import Config, load_config
from bot.domain.ledger import CATEGORIES, STATUSES

if TYPE_CHECKING:
    from sqlalchemy import Engine

logger = logging.getLogger(__name__)

IMPORT_WAIT_SECONDS = 300.0  # how long `import` waits for another import to finish


def cmd_chat(config: Config, engine: Engine, args) -> int:
    """Chat in the console over the same core and database (admin unless --as viewer)."""
    from bot.adapters.console import run_console
    from bot.app.services import build_answerer
    from bot.chat.service import ChatService

    service = ChatService(engine, config, build_answerer(engine, config))
    return run_console(service, args.role, sys.stdin, sys.stdout)


NO_TOKEN_HELP = (
    "没有配置机器人令牌（token）。请在 config.toml 的 [telegram] token 填入 @BotFather 给的令牌，"
    "或设置环境变量 BOT_TOKEN；只想在本机试用，请运行 python main.py chat。"
)


def cmd_run(config: Config, engine: Engine, args) -> int:
    """Start the Telegram bot (long polling or webhook); without a token, say what to set."""
    # Imported for the whole function: both the no-token branch and a failed start raise it.
    from bot.adapters.cli_common import CliError

    if not config.telegram.token:
        if args.or_chat:
            args.role = "admin"
            return cmd_chat(config, engine, args)
        raise CliError(NO_TOKEN_HELP)
    from bot.adapters.run_logging import mask_secrets
    from bot.adapters.telegram_startup import StartupError, run_bot
    from bot.app.services import build_answerer
    from bot.chat.service import ChatService

    mask_secrets((config.telegram.token, config.telegram.webhook_secret))
    try:
        run_bot(config, ChatService(engine, config, build_answerer(engine, config)))
    except StartupError as exc:
        raise CliError(str(exc)) from None
    return 0


_ARGPARSE_ERRORS = (  # argparse's English, as the rest of the CLI speaks: (pattern, Chinese)
    (r"the following arguments are required: (.+)", r"缺少参数：\1"),
    (r"argument (\S+): invalid int value: (.+)", r"参数 \1 应为整数，而不是 \2"),
    (
        r"argument (\S+): invalid choice: (.+?) \(choose from (.+)\)",
        r"参数 \1 不能是 \2，可选：\3",
    ),
    (r"argument (\S+): expected one argument", r"参数 \1 后面缺少取值"),
    (r"unrecognized arguments: (.+)", r"无法识别的参数：\1"),
)


class ChineseArgumentParser(argparse.ArgumentParser):
    """An argument parser whose mistakes read in Chinese, after the usage line, exit 2."""

    def error(self, message: str):
        for pattern, chinese in _ARGPARSE_ERRORS:
            message, found = re.subn(f"^{pattern}$", chinese, message)
            if found:
                break
        self.print_usage(sys.stderr)
        self.exit(2, f"错误：{message}（python {self.prog} --help 查看用法）\n")


# A command's function, or "module:function" of a module in bot/adapters imported when run.
Handler = Callable | str


def build_parser() -> argparse.ArgumentParser:
    config_help = "config file (default: $LEDGER_CONFIG or ./config.toml)"
    parser = ChineseArgumentParser(
        prog="main.py", description="督查台账助手: the county target-ledger bot"
    )
    parser.add_argument("--config", metavar="PATH", help=config_help)
    # Given after the subcommand too; SUPPRESS keeps one given before it ("main.py --config
    # x.toml import …"), which a default of None there would overwrite with the defaults.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS, help=config_help)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def add(name: str, handler: Handler, help_text: str, **kwargs) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[common], help=help_text, description=help_text, **kwargs)
        p.set_defaults(handler=handler)
        return p

    def add_year(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--year",
            type=int,
            metavar="YYYY",
            help="the ledger year (default: [ledger] year, else the latest imported)",
        )

    p = add("show", "cli_ledger:cmd_show", "show one target")
    p.add_argument("number", type=int, help="target number (序号)")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_year(p)

    p = add("list", "cli_ledger:cmd_list", "list targets, optionally filtered")
    p.add_argument("--status", choices=STATUSES, help="only this status")
    p.add_argument("--unit", help="only targets of this responsible unit (substring)")
    p.add_argument("--category", choices=CATEGORIES, help="only this category")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_year(p)

    add_year(add("overview", "cli_ledger:cmd_overview", "print the ledger overview"))

    p = add(
        "years",
        "cli_ledger:cmd_years",
        "list the ledger years the database holds, with target counts",
    )
    p.add_argument("--json", action="store_true", help="print JSON")

    p = add("import", "cli_ledger:cmd_import", "load a ledger file (TOML, xlsx or CSV)")
    p.add_argument("file")
    p.add_argument(
        "--year",
        type=int,
        metavar="YYYY",
        help="xlsx/CSV: the ledger year the sheet updates (default: the current year); "
        "a TOML file names its own year",
    )
    p.add_argument("--force", action="store_true", help="overwrite fields changed by admins")
    p.add_argument(
        "--wait",
        type=float,
        default=IMPORT_WAIT_SECONDS,
        metavar="SECONDS",
        help=f"wait this long for another import to finish (default {IMPORT_WAIT_SECONDS:g})",
    )

    p = add(
        "import-report",
        "cli_ledger:cmd_import_report",
        "turn a report text into a draft ledger TOML",
    )
    p.add_argument("file")
    p.add_argument("-o", "--output", required=True, help="draft TOML to write ('-' for stdout)")
    p.add_argument("--year", type=int, help="the ledger's year (default: guessed from the text)")

    p = add("export", "cli_ledger:cmd_export", "write the ledger as TOML, xlsx or CSV")
    p.add_argument("--format", choices=("toml", "xlsx", "csv"), required=True)
    p.add_argument("-o", "--output", required=True)
    add_year(p)

    p = add("ask", "cli_ask:cmd_ask", "answer a question in Chinese (--json: one per stdin line)")
    p.add_argument("question", nargs="?", help="the question, e.g. 新增贷款完成了吗")
    p.add_argument("--json", action="store_true", help="read stdin lines, write JSON lines")
    p.add_argument(
        "--conversation",
        action="store_true",
        help="with --json: stdin lines are turns of one conversation; an empty line starts anew",
    )
    add_year(p)

    p = add("subscribe", "cli_reminders:cmd_subscribe", "subscribe a chat to a unit's reminders")
    p.add_argument("unit", help="responsible unit, e.g. 县民政局 or 民政局")
    p.add_argument("chat_id", type=int, help="chat id; groups are negative, e.g. -1001234567")

    p = add(
        "unsubscribe", "cli_reminders:cmd_unsubscribe", "remove a chat's subscription to a unit"
    )
    p.add_argument("unit")
    p.add_argument("chat_id", type=int)

    p = add("subscriptions", "cli_reminders:cmd_subscriptions", "list the unit subscriptions")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = add(
        "reminders",
        "cli_reminders:cmd_reminders",
        "dry run: what would be sent at a moment, to whom",
    )
    p.add_argument(
        "--at", required=True, help="local time, e.g. 2020-10-24T09:00 (a day alone: 09:00)"
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    add_year(p)

    p = add(
        "evidence", "cli_ledger:cmd_evidence", "add or list a target's evidence files (佐证材料)"
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    e = actions.add_parser("add", parents=[common], help="attach a file (jpg png pdf docx xlsx)")
    e.add_argument("number", type=int, help="target number (序号)")
    e.add_argument("file", help="the file to attach")
    e.add_argument("--note", help="what the file shows")
    e.add_argument("--year", type=int, help="the ledger year (default: the current year)")
    e = actions.add_parser("list", parents=[common], help="list a target's files")
    e.add_argument("number", type=int, help="target number (序号)")
    e.add_argument("--json", action="store_true", help="print JSON")
    e.add_argument("--year", type=int, help="the ledger year (default: the current year)")

    p = add("close", "cli_ledger:cmd_close", "close (销号) a done target that has evidence")
    p.add_argument("number", type=int, help="target number (序号)")
    p.add_argument("--reason", required=True, help="why it is closed (or reopened)")
    p.add_argument("--force", action="store_true", help="close even if not done or unproven")
    p.add_argument("--reopen", action="store_true", help="reopen a closed target instead")
    p.add_argument("--year", type=int, help="the ledger year (default: the current year)")

    p = add(
        "calendar",
        "cli_reminders:cmd_calendar",
        "holidays and make-up working days known for a year",
    )
    p.add_argument("year", type=int, help="the year, e.g. 2020")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = add(
        "report", "cli_documents:cmd_report", "write the 工作落实情况汇报 from the current ledger"
    )
    p.add_argument(
        "--format",
        choices=("txt", "md", "docx", "bulletin"),
        help="default: by the -o file's extension (.docx, .md), else txt",
    )
    p.add_argument(
        "--since", help="bulletin only: changes since YYYY-MM-DD (default: the week before)"
    )
    p.add_argument("-o", "--output", help="file to write (default: stdout for txt/md)")
    p.add_argument("--as-of", dest="as_of", help="the report's date, YYYY-MM-DD (default today)")
    add_year(p)

    p = add(
        "chart", "cli_documents:cmd_chart", "render the completion chart, or one target's, as PNG"
    )
    p.add_argument("number", nargs="?", type=int, help="target number (default: all targets)")
    p.add_argument("-o", "--output", default="chart.png", help="PNG file (default chart.png)")
    add_year(p)

    p = add("chat", cmd_chat, "chat with the bot in the console (no token or network needed)")
    p.add_argument("--as", dest="role", choices=("admin", "viewer"), default="admin")

    p = add("run", cmd_run, "start the Telegram bot with long polling (or webhook)")
    p.add_argument(
        "--or-chat", action="store_true", help="without a token, start the console chat instead"
    )
    return parser


NO_DATABASE = {"cli_ledger:cmd_import_report", "cli_reminders:cmd_calendar"}
# Commands handed no engine, that open the database themselves: `ask` reads a ready SQLite
# file without SQLAlchemy, and opens the engine (migrating, seeding) only when it must.
OPENS_ITS_DATABASE = {"cli_ask:cmd_ask"}


def _resolve(handler: Handler) -> Callable:
    """A command's function, its module imported now ("cli_ledger:cmd_show")."""
    if callable(handler):
        return handler
    module, name = handler.split(":")
    return getattr(importlib.import_module(f"bot.adapters.{module}"), name)


EXIT_BROKEN_PIPE = 141  # what a shell reports for a writer killed by SIGPIPE (128 + 13)


def _opens_console(config: Config, args) -> bool:
    return args.handler is cmd_chat or (
        args.handler is cmd_run and args.or_chat and not config.telegram.token
    )


def _quiet_stdout() -> None:
    # The reader went away (`show 12 | head -3`): point stdout at /dev/null so that the
    # interpreter's final flush cannot raise a second BrokenPipeError.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


BUSY_HELP = (
    "另一个导入正在写入台账，未导入任何内容。请等它完成后再运行，或加 --wait 秒数 等待它结束"
)


LOCKED_HELP = "台账数据库正忙（另一个程序正在写入），未做任何修改。请稍后再试"


# Everything the bot creates is owner-only: the database and its WAL files, var/, exports,
# reports, charts and jieba's cache (files 0600, folders 0700).
OWNER_ONLY_UMASK = 0o077


def _open_engine(config: Config):
    from bot.app.services import open_engine

    return open_engine(config)


def _user_errors() -> tuple[type[Exception], ...]:
    """What a command raises for a user's mistake: printed as 错误：…, exit status 2. An
    `except` clause evaluates this only when an exception reaches it, so a command that
    succeeds never imports the modules of the others' errors."""
    from bot.adapters.cli_common import CliError
    from bot.config import ConfigError
    from bot.domain.work_calendar import CalendarFileError
    from bot.drafting.report_text import ReportFormatError
    from bot.render.ledger_toml import LedgerFileError
    from bot.render.spreadsheet_files import SpreadsheetError
    from bot.store.ledger_store import StoreError

    return (
        CalendarFileError,
        CliError,
        ConfigError,
        LedgerFileError,
        ReportFormatError,
        SpreadsheetError,
        StoreError,
    )


def _ledger_busy() -> type[Exception]:
    from bot.store.database import LedgerBusy

    return LedgerBusy


def _operational_errors() -> tuple[type[Exception], ...]:
    """A database's operational error, through SQLAlchemy or straight from sqlite3 (a cold
    `ask` reads a SQLite file without SQLAlchemy: bot/store/sqlite_ledger.py)."""
    import sqlite3

    from sqlalchemy.exc import OperationalError

    return OperationalError, sqlite3.OperationalError


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: returns the process exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    previous_umask = os.umask(OWNER_ONLY_UMASK)
    try:
        config = load_config(args.config)
        configure_logging(config.log_file, stderr=not _opens_console(config, args))
        handler = _resolve(args.handler)
        own = args.handler in NO_DATABASE or args.handler in OPENS_ITS_DATABASE
        engine = None if own else _open_engine(config)
        try:
            code = handler(config, engine, args)
            sys.stdout.flush()
            return code
        finally:
            if engine is not None:
                engine.dispose()  # close pooled connections: in-process callers live on
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_BROKEN_PIPE
    # The error classes are imported only when something is raised (see `_user_errors`).
    except _user_errors() as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    except _ledger_busy():
        print(f"错误：{BUSY_HELP}", file=sys.stderr)
        return 2
    except _operational_errors() as exc:
        if "locked" not in str(exc):  # SQLite's busy_timeout ran out; anything else is a bug
            raise
        print(f"错误：{LOCKED_HELP}", file=sys.stderr)
        return 2
    finally:
        os.umask(previous_umask)  # the caller's own, when main runs inside another program
