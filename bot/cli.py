"""Command-line front end: parse arguments, call the core, print. No logic of its own."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from bot.answering import Conversation
from bot.bootstrap import build_answerer, open_engine
from bot.config import Config, ConfigError, load_config
from bot.database import LedgerBusy
from bot.ledger import CATEGORIES, STATUSES, text_problem
from bot.ledger_toml import LedgerFileError, dump_ledger, load_ledger_file
from bot.logging_setup import configure_logging
from bot.report_text import ReportFormatError, parse_report
from bot.report_text import draft as draft_report_ledger
from bot.spreadsheet import SpreadsheetError, read_spreadsheet, write_csv, write_xlsx
from bot.status import compute_status, light_for
from bot.store import (
    ImportResult,
    StoreError,
    YearNotHeld,
    held_years,
    load_ledger,
    read_ledger,
)
from bot.target_view import list_item_json, overview_text, target_detail_text, target_json
from bot.unmatched_log import UnmatchedLog
from bot.work_calendar import CalendarFileError

logger = logging.getLogger(__name__)


IMPORT_WAIT_SECONDS = 300.0  # how long `import` waits for another import to finish
BUSY_HELP = "另一个导入正在写入台账，未导入任何内容。请等它完成后再运行，或加 --wait 秒数 等它结束"
LOCKED_HELP = "台账数据库正忙（另一个程序正在写入），未做任何修改。请稍后再试"


class CliError(Exception):
    """A user error: printed to stderr, exit status 2."""


def _years_text(years) -> str:
    return "、".join(f"{y}年" for y in years) or "无"


def _ledger(config: Config, engine: Engine, args):
    """The ledger of `--year`, else of `[ledger] year`, else the latest year imported."""
    year = getattr(args, "year", None) or config.year
    with Session(engine) as session:
        try:
            return read_ledger(session, year=year, rules=config.status)
        except YearNotHeld:
            held = held_years(session)
    where = "换一个年份" if getattr(args, "year", None) else f"改 {config.source} 的 [ledger] year"
    raise CliError(
        f"数据库中没有{year}年的台账（现有：{_years_text(held)}）。"
        f"请{where}，或先用 python main.py import 文件 导入{year}年的台账"
    )


def _print_json(value) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def _filter_targets(targets, args, today):
    selected = []
    for t in targets:
        status = compute_status(t, today)
        if args.status and status != args.status:
            continue
        if args.unit and not any(args.unit in u.name for u in t.units):
            continue
        if args.category and t.category != args.category:
            continue
        selected.append((t, status))
    return selected


def cmd_show(config: Config, engine: Engine, args) -> int:
    """Print one target."""
    ledger = _ledger(config, engine, args)
    today = config.status_date(ledger.year)
    target = ledger.by_number().get(args.number)
    if target is None:
        raise CliError(
            f"第{args.number}项目标不存在（{ledger.year}年台账共有的序号可用 list 查看）"
        )
    if args.json:
        _print_json({"year": ledger.year, **target_json(target, today)})
    else:
        print(target_detail_text(target, today, config.tz))
    return 0


def cmd_list(config: Config, engine: Engine, args) -> int:
    """Print the targets, optionally filtered."""
    ledger = _ledger(config, engine, args)
    today = config.status_date(ledger.year)
    selected = _filter_targets(ledger.targets, args, today)
    if args.json:
        _print_json([{"year": ledger.year, **list_item_json(t, today)} for t, _ in selected])
        return 0
    for t, status in selected:
        units = "、".join(u.name for u in t.lead_units) or "—"
        print(f"{light_for(status)} {t.number:>2}. {t.title}：{status}（{units}）")
    print(f"共{len(selected)}项")
    return 0


def cmd_overview(config: Config, engine: Engine, args) -> int:
    """Print counts by status and one line per target."""
    ledger = _ledger(config, engine, args)
    print(overview_text(ledger, config.status_date(ledger.year)))
    return 0


def cmd_evidence(config: Config, engine: Engine, args) -> int:
    """evidence add N FILE [--note TEXT] | evidence list N [--json]: a target's 佐证材料."""
    from bot.evidence import MAX_BYTES, EvidenceError, check_evidence, size_label
    from bot.evidence_store import add_evidence, list_evidence

    ledger = _ledger(config, engine, args)
    if args.number not in ledger.by_number():
        raise CliError(f"第{args.number}项目标不存在（{ledger.year}年台账的序号可用 list 查看）")
    if args.action == "add":
        path = Path(args.file)
        if not path.is_file():
            raise CliError(f"找不到文件 {path}")
        if path.stat().st_size > MAX_BYTES:  # refused before reading it into memory
            raise CliError(f"{path.name}：文件超过20MB上限，未保存")
        problem = text_problem(args.note or "")
        if problem:
            raise CliError(f"--note {problem}")
        try:
            file = check_evidence(path.name, path.read_bytes())
        except EvidenceError as exc:
            raise CliError(f"{path.name}：{exc}") from None
        row = add_evidence(
            engine, args.number, file, actor="cli", note=args.note or "", year=ledger.year
        )
        print(f"已保存第{args.number}项的佐证材料 #{row.id}：{row.name}（{size_label(row.size)}）")
        return 0
    with Session(engine) as session:
        rows = list_evidence(session, args.number, year=ledger.year)
    if args.json:
        _print_json([row.as_json() for row in rows])
        return 0
    for row in rows:
        when = row.added_at.astimezone(config.tz).strftime("%Y-%m-%d %H:%M")
        print(f"#{row.id}\t{row.name}\t{size_label(row.size)}\t{row.added_by}\t{when}\t{row.note}")
    print(f"第{args.number}项共{len(rows)}份佐证材料")
    return 0


def cmd_close(config: Config, engine: Engine, args) -> int:
    """close N --reason TEXT [--force]; --reopen reopens a closed target."""
    from bot.closing import ClosingRefused, close_target, reopen_target

    ledger = _ledger(config, engine, args)
    problem = text_problem(args.reason)
    if problem:
        raise CliError(f"--reason {problem}")
    try:
        if args.reopen:
            reopen_target(engine, args.number, args.reason, actor="cli", year=ledger.year)
            print(f"第{args.number}项已重新打开（取消销号）")
            return 0
        closure = close_target(
            engine,
            args.number,
            args.reason,
            actor="cli",
            now=config.now(),
            status_day=config.status_date(ledger.year),
            forced=args.force,
            year=ledger.year,
        )
    except ClosingRefused as exc:
        raise CliError(str(exc).replace(f"/close {args.number} 强制 理由", "--force")) from None
    forced = "（强制）" if closure.forced else ""
    print(f"第{args.number}项{closure.label}{forced}")
    return 0


def cmd_years(config: Config, engine: Engine, args) -> int:
    """Print the ledger years the database holds, with their target counts."""
    with Session(engine) as session:
        years = held_years(session)
    current = config.year or max(years, default=None)
    if args.json:
        _print_json([{"year": y, "targets": n, "current": y == current} for y, n in years.items()])
        return 0
    for year, count in years.items():
        print(f"{year}年：{count}项目标{'（当前年度）' if year == current else ''}")
    print(f"共{len(years)}个年度")
    if current is not None and current not in years:
        print(f"注意：{config.source} 的 [ledger] year = {current}，数据库中没有这一年的台账")
    return 0


def _print_import(result: ImportResult) -> None:
    if result.new_year:
        print(f"新增{result.year}年台账（其他年度的数据未改动）")
    print(
        f"新建{result.created}项，更新{len(result.updated)}个字段，冲突{len(result.conflicts)}个"
    )
    for number, field, file_value, db_value in result.conflicts:
        print(
            f"  冲突：第{number}项 {field}："
            f"文件={file_value!r} 数据库={db_value!r}（保留数据库的值）"
        )
    if result.conflicts and not result.forced:
        print("要用文件中的值覆盖管理员的修改，请加 --force")


def _refuse_another_years_sheet(path: Path, ledger, base) -> None:
    """A sheet whose rows rename and reword most targets it changes is another year's export:
    imported as it is, it would overwrite this year's targets, so it needs --year."""
    known = base.by_number()

    def shown(t):
        return (t.title, t.target_text, t.progress_text, t.indicators)

    changed = [t for t in ledger.targets if shown(t) != shown(known[t.number])]
    renamed = [
        t
        for t in changed
        if t.title != known[t.number].title and t.target_text != known[t.number].target_text
    ]
    if len(renamed) >= 2 and len(renamed) * 2 > len(changed):
        raise CliError(
            f"{path}: {len(renamed)}项的简称和目标任务都与{base.year}年台账不同，"
            "像是另一年的台账，未导入任何内容。请加 --year 年份 指明它属于哪一年"
        )


def cmd_import(config: Config, engine: Engine, args) -> int:
    """Load a ledger file (TOML, xlsx or CSV) into the database."""
    path = Path(args.file)
    if not path.is_file():
        raise CliError(f"{path}: 文件不存在")
    suffix = path.suffix.lower()
    if suffix == ".toml":
        ledger = load_ledger_file(path)
        if args.year and args.year != ledger.year:
            raise CliError(
                f"{path}: 文件是{ledger.year}年的台账，与 --year {args.year} 不符，未导入任何内容"
            )
    elif suffix in (".xlsx", ".csv"):
        base = _ledger(config, engine, args)
        ledger = read_spreadsheet(path, base, config.status_date(base.year))
        if not args.year:
            _refuse_another_years_sheet(path, ledger, base)
    else:
        raise CliError(f"{path}: 只支持 .toml、.xlsx 和 .csv 文件")
    try:
        result = load_ledger(engine, ledger, source=path.name, force=args.force)
    except LedgerBusy:
        if args.wait <= 0:
            raise
        print(f"另一个导入正在写入台账，等待它完成（最多{args.wait:g}秒）……", file=sys.stderr)
        result = load_ledger(engine, ledger, source=path.name, force=args.force, wait=args.wait)
    _print_import(result)
    return 0


def cmd_import_report(config: Config, engine: Engine | None, args) -> int:
    """Turn a report in the seed's format into a draft ledger TOML."""
    path = Path(args.file)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CliError(f"{path}: 文件不存在") from None
    except UnicodeDecodeError:
        try:
            text = path.read_bytes().decode("gb18030")
        except UnicodeDecodeError:
            raise CliError(f"{path}: 既不是UTF-8也不是GBK编码的文本") from None
    # Imported here: the drafting modules cost every other command's start-up 0.03-0.05 s.
    from bot.drafting.draft import draft_toml, review_summary

    report = parse_report(text)
    drafted = draft_report_ledger(report, text, year=args.year, today=config.current_date())
    output = draft_toml(drafted)
    if args.output == "-":
        sys.stdout.write(output)
    else:
        Path(args.output).write_text(output, encoding="utf-8")
        print(f"找到{len(report.targets)}项目标，草稿已写入 {args.output}", file=sys.stderr)
    # The review summary goes to stderr, so `-o -` still writes a clean TOML on stdout.
    print(review_summary(drafted), file=sys.stderr)
    return 0


def cmd_export(config: Config, engine: Engine, args) -> int:
    """Write the ledger as TOML, xlsx or CSV."""
    ledger = _ledger(config, engine, args)
    output = Path(args.output)
    today = config.status_date(ledger.year)
    if args.format == "toml":
        output.write_text(dump_ledger(ledger), encoding="utf-8")
    elif args.format == "xlsx":
        write_xlsx(ledger, today, output)
    else:
        write_csv(ledger, today, output)
    print(f"已导出{len(ledger.targets)}项目标到 {output}", file=sys.stderr)
    return 0


def cmd_ask(config: Config, engine: Engine, args) -> int:
    """Answer a question, or (with --json) one question per stdin line as JSON lines."""
    if args.conversation and not args.json:
        raise CliError(
            "--conversation 需与 --json 一起使用：python main.py ask --json --conversation"
        )
    from bot.ledger_years import LedgerYears

    # The ledger is read once: it names the year and is the one answered over.
    answerer = build_answerer(engine, config, ledger=_ledger(config, engine, args))
    years = LedgerYears(engine, config, lambda: answerer)
    unmatched = UnmatchedLog(engine)
    try:
        return _answer_questions(years, unmatched, args)
    finally:
        unmatched.flush()


def _answer_questions(years, unmatched: UnmatchedLog, args) -> int:
    current = years.current().ledger.year
    if not args.json:
        if args.question is None:
            raise CliError('请给出问题，例如：python main.py ask "新增贷款完成了吗"')
        answer = years.ask(args.question)
        unmatched.record(answer)
        print(answer.reply)
        return 0
    questions = [args.question] if args.question is not None else sys.stdin
    # --conversation: the lines are turns of one conversation; an empty line starts anew.
    conversation = Conversation() if args.conversation else None
    for line in questions:
        question = line.rstrip("\r\n")
        if conversation is not None and not question.strip():
            conversation = Conversation()
            continue
        answer = years.ask(question, conversation)
        unmatched.record(answer)
        shown = {"year": answer.filter.get("year", current), **answer.to_json()}
        print(json.dumps(shown, ensure_ascii=False), flush=True)
    return 0


def cmd_chat(config: Config, engine: Engine, args) -> int:
    """Chat in the console over the same core and database (admin unless --as viewer)."""
    from bot.chat import ChatService
    from bot.console import run_console

    service = ChatService(engine, config, build_answerer(engine, config))
    return run_console(service, args.role, sys.stdin, sys.stdout)


def _unit_name(config: Config, engine: Engine, given: str) -> str:
    from bot.reminders import UnknownUnit, resolve_unit

    # Units of the current year's ledger: `[ledger] year`, else the latest imported.
    with Session(engine) as session:
        ledger = read_ledger(session, year=config.year, rules=config.status)
    try:
        return resolve_unit(ledger, given)
    except UnknownUnit as exc:
        raise CliError(str(exc)) from None


def cmd_subscribe(config: Config, engine: Engine, args) -> int:
    """Subscribe a chat to a unit's reminders."""
    from bot.reminders import subscribe

    unit = _unit_name(config, engine, args.unit)
    created = subscribe(engine, unit, args.chat_id, actor="cli")
    print(f"已订阅：{unit} → {args.chat_id}" if created else f"{args.chat_id} 已订阅{unit}")
    return 0


def cmd_unsubscribe(config: Config, engine: Engine, args) -> int:
    """Remove a chat's subscription to a unit."""
    from bot.reminders import unsubscribe

    unit = _unit_name(config, engine, args.unit)
    if not unsubscribe(engine, unit, args.chat_id):
        raise CliError(f"{args.chat_id} 没有订阅{unit}的提醒")
    print(f"已取消：{unit} → {args.chat_id}")
    return 0


def cmd_subscriptions(config: Config, engine: Engine, args) -> int:
    """List subscriptions."""
    from bot.reminders import list_subscriptions

    with Session(engine) as session:
        rows = list_subscriptions(session)
    if args.json:
        _print_json([{"unit": r.unit, "chat_id": r.chat_id} for r in rows])
    else:
        for r in rows:
            print(f"{r.unit}\t{r.chat_id}")
        print(f"共{len(rows)}个订阅")
    return 0


def cmd_calendar(config: Config, engine: Engine | None, args) -> int:
    """Print the holidays and make-up working days known for a year, each with its source."""
    from bot.work_calendar import load_work_calendar

    if not 1900 <= args.year <= 2200:
        raise CliError(f"年份应在1900到2200之间，例如 calendar 2020，而不是 {args.year}")
    calendar = load_work_calendar(config.calendar_dir)
    days = calendar.days(args.year)
    covered = calendar.covered(args.year)
    if args.json:
        _print_json(
            {
                "year": args.year,
                "covered": covered,
                "source": calendar.source(args.year),
                "days": [
                    {"date": d.day.isoformat(), "kind": d.kind, "name": d.name, "source": d.source}
                    for d in days
                ],
            }
        )
        return 0
    if not covered:
        print(
            f"{args.year}年的节假日安排未知（日历库和 {config.calendar_dir} 都没有）："
            "提醒按周一至周五计算工作日。"
        )
        return 0
    origin = "日历库" if calendar.source(args.year) == "library" else "本地文件"
    print(f"{args.year}年节假日安排（来源：{origin}）")
    for d in days:
        kind = "放假" if d.kind == "holiday" else "调休上班"
        print(f"{d.day.isoformat()} 周{WEEKDAY_NAMES[d.day.weekday()]} {kind} {d.name}")
    print(
        f"共{sum(d.kind == 'holiday' for d in days)}天假日，"
        f"{sum(d.kind == 'workday' for d in days)}天调休上班"
    )
    return 0


WEEKDAY_NAMES = "一二三四五六日"


def cmd_reminders(config: Config, engine: Engine, args) -> int:
    """Dry run: print what would be sent at a moment, and to whom; sends nothing."""
    import datetime as dt

    from bot.chat_reminders import describe_notices, policy_of_config
    from bot.reminders import plan
    from bot.work_calendar import load_work_calendar

    try:
        at = dt.datetime.fromisoformat(args.at)
    except ValueError:
        raise CliError(
            f"--at 应为 YYYY-MM-DDTHH:MM，例如 2020-10-24T09:00，而不是 {args.at!r}"
        ) from None
    at = at if at.tzinfo else at.replace(tzinfo=config.tz)
    policy = policy_of_config(config)
    ledger = _ledger(config, engine, args)
    local = at.astimezone(config.tz)
    notices = []
    if local.time() >= policy.send_time:
        calendar = load_work_calendar(config.calendar_dir)
        notices = plan(engine, ledger, local.date(), policy, calendar, config.tz)
    if args.json:
        _print_json(
            [
                {
                    "year": ledger.year,
                    "kind": n.kind,
                    "target": n.target,
                    "deadline": n.deadline.isoformat() if n.deadline else None,
                    "chat_id": n.chat_id,
                    "text": n.text,
                    "unit": n.unit,
                    "occurrence": n.occurrence.isoformat(),
                }
                for n in notices
            ]
        )
    else:
        print(describe_notices(notices))
    return 0


def _as_of(config: Config, year: int, text: str | None):
    import datetime as dt

    if not text:
        return config.status_date(year)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CliError(f"--as-of 应为 YYYY-MM-DD，而不是 {text!r}") from None


def _write_bulletin(config: Config, engine: Engine, ledger, as_of, args) -> int:
    """The 督查通报: text to stdout or a .txt file, Word for a .docx file."""
    import datetime as dt

    from bot.bulletin import issue_bulletin, write_bulletin_docx
    from bot.bulletin import render_bulletin_txt as render

    since = None
    if args.since:
        try:
            since = dt.date.fromisoformat(args.since)
        except ValueError:
            raise CliError(f"--since 应为 YYYY-MM-DD，而不是 {args.since!r}") from None
    bulletin = issue_bulletin(engine, ledger, as_of=as_of, tz=config.tz, actor="cli", since=since)
    if args.output and args.output.lower().endswith(".docx"):
        write_bulletin_docx(args.output, bulletin, config.office_name, config.current_date())
        print(f"已写入 {args.output}", file=sys.stderr)
        return 0
    text = render(bulletin, config.office_name, config.current_date())
    if args.output:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
        print(f"已写入 {args.output}", file=sys.stderr)
    else:
        print(text)
    return 0


def cmd_report(config: Config, engine: Engine, args) -> int:
    """Write the 工作落实情况汇报 from the current ledger (txt, md or docx)."""
    from bot.report_writer import render_report_md, render_report_txt, write_report_docx

    ledger = _ledger(config, engine, args)
    as_of = _as_of(config, ledger.year, args.as_of)
    if args.format == "bulletin":
        return _write_bulletin(config, engine, ledger, as_of, args)
    if args.since:
        raise CliError("--since 只用于 --format bulletin（督查通报）")
    if args.format == "docx":
        if not args.output:
            raise CliError("docx 需要 -o 文件名，例如 -o 汇报.docx")
        write_report_docx(
            ledger,
            args.output,
            as_of=as_of,
            tz=config.tz,
            office=config.office_name,
            issued=config.current_date(),
        )
        print(f"已写入 {args.output}", file=sys.stderr)
        return 0
    render = render_report_md if args.format == "md" else render_report_txt
    text = render(ledger, as_of=as_of, tz=config.tz)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"已写入 {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def cmd_chart(config: Config, engine: Engine, args) -> int:
    """Render the completion chart (or one target's) to a PNG file."""
    from bot.charts import CJKFontMissing, completion_chart, target_chart

    ledger = _ledger(config, engine, args)
    today = config.status_date(ledger.year)
    try:
        if args.number is None:
            png = completion_chart(ledger, today=today)
        else:
            target = ledger.by_number().get(args.number)
            if target is None:
                raise CliError(f"第{args.number}项目标不存在（{ledger.year}年台账）")
            png = target_chart(target, today=today, year=ledger.year)
    except CJKFontMissing as exc:
        raise CliError(str(exc)) from None
    Path(args.output).write_bytes(png)
    print(f"已写入 {args.output}（{len(png)}字节）", file=sys.stderr)
    return 0


NO_TOKEN_HELP = (
    "没有配置机器人令牌（token）。请在 config.toml 的 [telegram] token 填入 @BotFather 给的令牌，"
    "或设置环境变量 BOT_TOKEN；只想在本机试用，请运行 python main.py chat。"
)


def cmd_run(config: Config, engine: Engine, args) -> int:
    """Start the Telegram bot (long polling or webhook); without a token, say what to set."""
    if not config.telegram.token:
        if args.or_chat:
            args.role = "admin"
            return cmd_chat(config, engine, args)
        raise CliError(NO_TOKEN_HELP)
    from bot.chat import ChatService
    from bot.run_logging import mask_secrets
    from bot.telegram_bot import StartupError, run_bot

    mask_secrets((config.telegram.token, config.telegram.webhook_secret))
    try:
        run_bot(config, ChatService(engine, config, build_answerer(engine, config)))
    except StartupError as exc:
        raise CliError(str(exc)) from None
    return 0


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--config", metavar="PATH", help="config file (default: $LEDGER_CONFIG or ./config.toml)"
    )
    parser = argparse.ArgumentParser(
        prog="main.py", description="督查台账助手: the county target-ledger bot", parents=[common]
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def add(name: str, handler: Callable, help_text: str, **kwargs) -> argparse.ArgumentParser:
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

    p = add("show", cmd_show, "show one target")
    p.add_argument("number", type=int, help="target number (序号)")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_year(p)

    p = add("list", cmd_list, "list targets, optionally filtered")
    p.add_argument("--status", choices=STATUSES, help="only this status")
    p.add_argument("--unit", help="only targets of this responsible unit (substring)")
    p.add_argument("--category", choices=CATEGORIES, help="only this category")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_year(p)

    add_year(add("overview", cmd_overview, "print the ledger overview"))

    p = add("years", cmd_years, "list the ledger years the database holds, with target counts")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = add("import", cmd_import, "load a ledger file (TOML, xlsx or CSV)")
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

    p = add("import-report", cmd_import_report, "turn a report text into a draft ledger TOML")
    p.add_argument("file")
    p.add_argument("-o", "--output", required=True, help="draft TOML to write ('-' for stdout)")
    p.add_argument("--year", type=int, help="the ledger's year (default: guessed from the text)")

    p = add("export", cmd_export, "write the ledger as TOML, xlsx or CSV")
    p.add_argument("--format", choices=("toml", "xlsx", "csv"), required=True)
    p.add_argument("-o", "--output", required=True)
    add_year(p)

    p = add("ask", cmd_ask, "answer a question in Chinese (--json: one per stdin line)")
    p.add_argument("question", nargs="?", help="the question, e.g. 新增贷款完成了吗")
    p.add_argument("--json", action="store_true", help="read stdin lines, write JSON lines")
    p.add_argument(
        "--conversation",
        action="store_true",
        help="with --json: stdin lines are turns of one conversation; an empty line starts anew",
    )
    add_year(p)

    p = add("subscribe", cmd_subscribe, "subscribe a chat to a unit's reminders")
    p.add_argument("unit", help="responsible unit, e.g. 县民政局 or 民政局")
    p.add_argument("chat_id", type=int, help="chat id; groups are negative, e.g. -1001234567")

    p = add("unsubscribe", cmd_unsubscribe, "remove a chat's subscription to a unit")
    p.add_argument("unit")
    p.add_argument("chat_id", type=int)

    p = add("subscriptions", cmd_subscriptions, "list the unit subscriptions")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = add("reminders", cmd_reminders, "dry run: what would be sent at a moment, to whom")
    p.add_argument("--at", required=True, help="local time, e.g. 2020-10-24T09:00")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_year(p)

    p = add("evidence", cmd_evidence, "add or list a target's evidence files (佐证材料)")
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

    p = add("close", cmd_close, "close (销号) a done target that has evidence")
    p.add_argument("number", type=int, help="target number (序号)")
    p.add_argument("--reason", required=True, help="why it is closed (or reopened)")
    p.add_argument("--force", action="store_true", help="close even if not done or unproven")
    p.add_argument("--reopen", action="store_true", help="reopen a closed target instead")
    p.add_argument("--year", type=int, help="the ledger year (default: the current year)")

    p = add("calendar", cmd_calendar, "holidays and make-up working days known for a year")
    p.add_argument("year", type=int, help="the year, e.g. 2020")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = add("report", cmd_report, "write the 工作落实情况汇报 from the current ledger")
    p.add_argument("--format", choices=("txt", "md", "docx", "bulletin"), default="txt")
    p.add_argument(
        "--since", help="bulletin only: changes since YYYY-MM-DD (default: the week before)"
    )
    p.add_argument("-o", "--output", help="file to write (default: stdout for txt/md)")
    p.add_argument("--as-of", dest="as_of", help="the report's date, YYYY-MM-DD (default today)")
    add_year(p)

    p = add("chart", cmd_chart, "render the completion chart, or one target's, as PNG")
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


NO_DATABASE = {cmd_import_report, cmd_calendar}
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


IMPORT_WAIT_SECONDS = 300.0
BUSY_HELP = (
    "另一个导入正在写入台账，未导入任何内容。请等它完成后再运行，或加 --wait 秒数 等待它结束"
)
LOCKED_HELP = "台账数据库正忙（另一个程序正在写入），未做任何修改。请稍后再试"


# Everything the bot creates is owner-only: the database and its WAL files, var/, exports,
# reports, charts and jieba's cache (files 0600, folders 0700).
OWNER_ONLY_UMASK = 0o077


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: returns the process exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    previous_umask = os.umask(OWNER_ONLY_UMASK)
    try:
        config = load_config(args.config)
        configure_logging(config.log_file, stderr=not _opens_console(config, args))
        engine = None if args.handler in NO_DATABASE else open_engine(config)
        try:
            code = args.handler(config, engine, args)
            sys.stdout.flush()
            return code
        finally:
            if engine is not None:
                engine.dispose()  # close pooled connections: in-process callers live on
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_BROKEN_PIPE
    except (
        CalendarFileError,
        CliError,
        ConfigError,
        LedgerFileError,
        ReportFormatError,
        SpreadsheetError,
        StoreError,
    ) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    except LedgerBusy:
        print(f"错误：{BUSY_HELP}", file=sys.stderr)
        return 2
    except OperationalError as exc:
        if "locked" not in str(exc):  # SQLite's busy_timeout ran out; anything else is a bug
            raise
        print(f"错误：{LOCKED_HELP}", file=sys.stderr)
        return 2
    finally:
        os.umask(previous_umask)  # the caller's own, when main runs inside another program
