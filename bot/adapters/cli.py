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
from bot.domain.ledger import CATEGORIES, LEDGER_YEARS, STATUSES

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
    (r"argument (\S+): (.+)", r"参数 \1 \2"),  # a type's own message (ledger_year)
)


def ledger_year(text: str) -> int:
    """A --year argument: a ledger's year, never a typo that would import a year-202 ledger."""
    try:
        year = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"应为年份，而不是 '{text}'") from None
    if year not in LEDGER_YEARS:
        raise argparse.ArgumentTypeError(
            f"应为{LEDGER_YEARS[0]}到{LEDGER_YEARS[-1]}之间的年份，例如 2021，而不是 {year}"
        )
    return year


class _ChineseHelpFormatter(argparse.HelpFormatter):
    """argparse's help layout with its one English heading, the usage prefix, in Chinese."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class ChineseArgumentParser(argparse.ArgumentParser):
    """An argument parser whose help and mistakes read in Chinese (mistakes: after the usage
    line, exit 2): the office's staff run it, as they chat with the bot."""

    def __init__(self, *args, add_help: bool = True, **kwargs):
        kwargs.setdefault("formatter_class", _ChineseHelpFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        if add_help:
            self.add_argument(
                "-h", "--help", action="help", default=argparse.SUPPRESS, help="显示本帮助并退出"
            )

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
    config_help = "配置文件（默认：$LEDGER_CONFIG 或 ./config.toml）"
    parser = ChineseArgumentParser(
        prog="main.py", description="督查台账助手：县督查局的目标台账机器人"
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
            type=ledger_year,
            metavar="YYYY",
            help="台账年度（默认：配置 [ledger] year，否则最近导入的年度）",
        )

    p = add("show", "cli_ledger:cmd_show", "查看一项目标")
    p.add_argument("number", type=int, help="目标序号")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    add_year(p)

    p = add("list", "cli_ledger:cmd_list", "列出目标，可按状态、单位、类别筛选")
    p.add_argument("--status", choices=STATUSES, help="只列此状态")
    p.add_argument("--unit", help="只列此责任单位的目标（可写部分名称）")
    p.add_argument("--category", choices=CATEGORIES, help="只列此类别")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    add_year(p)

    add_year(add("overview", "cli_ledger:cmd_overview", "台账总体情况"))

    p = add(
        "years",
        "cli_ledger:cmd_years",
        "列出数据库中的台账年度及各年目标数",
    )
    p.add_argument("--json", action="store_true", help="输出 JSON")

    p = add("import", "cli_ledger:cmd_import", "导入台账文件（TOML、xlsx 或 CSV）")
    p.add_argument("file", help="台账文件")
    p.add_argument(
        "--year",
        type=ledger_year,
        metavar="YYYY",
        help="xlsx/CSV：表格更新的台账年度（默认：当前年度）；TOML 文件自带年度",
    )
    p.add_argument("--force", action="store_true", help="覆盖管理员改过的字段")
    p.add_argument(
        "--wait",
        type=float,
        default=IMPORT_WAIT_SECONDS,
        metavar="SECONDS",
        help=f"另一个导入未完成时最多等待的秒数（默认 {IMPORT_WAIT_SECONDS:g}）",
    )

    p = add(
        "import-report",
        "cli_ledger:cmd_import_report",
        "把进展报告文本整理成台账草稿（TOML）",
    )
    p.add_argument("file", help="报告：纯文本（.txt）或Word文档（.docx），本系统生成的汇报亦可")
    p.add_argument("-o", "--output", required=True, help="写出的草稿 TOML（'-' 为标准输出）")
    p.add_argument("--year", type=ledger_year, help="台账年度（默认：从文本推断，并标注待核）")

    p = add("export", "cli_ledger:cmd_export", "导出台账为 TOML、xlsx 或 CSV")
    p.add_argument("--format", choices=("toml", "xlsx", "csv"), required=True, help="文件格式")
    p.add_argument("-o", "--output", required=True, help="写出的文件")
    add_year(p)

    p = add("ask", "cli_ask:cmd_ask", "用中文提问（--json：从标准输入逐行读问题）")
    p.add_argument("question", nargs="?", help="问题，如：新增贷款完成了吗")
    p.add_argument("--json", action="store_true", help="逐行读标准输入，逐行输出 JSON")
    p.add_argument(
        "--conversation",
        action="store_true",
        help="与 --json 同用：各行是同一段对话的连续提问，空行开始新对话",
    )
    add_year(p)

    p = add("subscribe", "cli_reminders:cmd_subscribe", "为某群订阅某单位的提醒")
    p.add_argument("unit", help="责任单位，如 县民政局 或 民政局")
    p.add_argument("chat_id", type=int, help="会话 ID；群为负数，如 -1001234567")

    p = add("unsubscribe", "cli_reminders:cmd_unsubscribe", "取消某群对某单位提醒的订阅")
    p.add_argument("unit", help="责任单位")
    p.add_argument("chat_id", type=int, help="会话 ID")

    p = add("subscriptions", "cli_reminders:cmd_subscriptions", "列出各单位的提醒订阅")
    p.add_argument("--json", action="store_true", help="输出 JSON")

    p = add(
        "reminders",
        "cli_reminders:cmd_reminders",
        "预演：某一时刻会向谁发送哪些提醒（不实际发送）",
    )
    p.add_argument(
        "--at", required=True, help="北京时间，如 2020-10-24T09:00（只写日期则为 09:00）"
    )
    p.add_argument("--json", action="store_true", help="输出 JSON")
    add_year(p)

    p = add("evidence", "cli_ledger:cmd_evidence", "添加或查看目标的佐证材料")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    e = actions.add_parser("add", parents=[common], help="附加文件（jpg png pdf docx xlsx）")
    e.add_argument("number", type=int, help="目标序号")
    e.add_argument("file", help="要附加的文件")
    e.add_argument("--note", help="材料说明")
    e.add_argument("--year", type=ledger_year, help="台账年度（默认：当前年度）")
    e = actions.add_parser("list", parents=[common], help="列出目标的佐证材料")
    e.add_argument("number", type=int, help="目标序号")
    e.add_argument("--json", action="store_true", help="输出 JSON")
    e.add_argument("--year", type=ledger_year, help="台账年度（默认：当前年度）")

    p = add("close", "cli_ledger:cmd_close", "为已完成且有佐证材料的目标销号")
    p.add_argument("number", type=int, help="目标序号")
    p.add_argument("--reason", required=True, help="销号（或撤销销号）的理由")
    p.add_argument("--force", action="store_true", help="未完成或无佐证材料也强制销号")
    p.add_argument("--reopen", action="store_true", help="撤销销号")
    p.add_argument("--year", type=ledger_year, help="台账年度（默认：当前年度）")

    p = add(
        "calendar",
        "cli_reminders:cmd_calendar",
        "某年的法定节假日和调休工作日",
    )
    p.add_argument("year", type=int, help="年份，如 2020")
    p.add_argument("--json", action="store_true", help="输出 JSON")

    p = add("report", "cli_documents:cmd_report", "按当前台账生成工作落实情况汇报或督查通报")
    p.add_argument(
        "--format",
        choices=("txt", "md", "docx", "bulletin"),
        help="默认按 -o 文件扩展名（.docx、.md），否则为 txt；bulletin 为督查通报",
    )
    p.add_argument("--since", help="仅通报：统计自 YYYY-MM-DD 以来的变化（默认：前一周）")
    p.add_argument("-o", "--output", help="写出的文件（txt/md 默认输出到屏幕）")
    p.add_argument("--as-of", dest="as_of", help="汇报日期 YYYY-MM-DD（默认今天）")
    add_year(p)

    p = add("chart", "cli_documents:cmd_chart", "生成完成情况图表（全部或一项目标），PNG")
    p.add_argument("number", nargs="?", type=int, help="目标序号（默认：全部目标）")
    p.add_argument("-o", "--output", default="chart.png", help="PNG 文件（默认 chart.png）")
    add_year(p)

    p = add("chat", cmd_chat, "在终端里与机器人对话（无需令牌和网络）")
    p.add_argument(
        "--as",
        dest="role",
        choices=("admin", "viewer"),
        default="admin",
        help="身份（默认 admin）",
    )

    p = add("run", cmd_run, "启动 Telegram 机器人（长轮询或 webhook）")
    p.add_argument("--or-chat", action="store_true", help="未配置令牌时改为启动终端对话")
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
        configure_logging(config.log_file, config.tz, stderr=not _opens_console(config, args))
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
