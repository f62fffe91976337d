"""CLI commands for paperwork: the report (txt, md, docx), the 督查通报 and the charts, built by
bot/app/documents.py (the same use cases the chat calls) and written here."""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import Engine

from bot.adapters.cli_common import (
    CliError,
    as_of_date,
    check_suffix,
    ledger_for,
    no_such_target,
    option_date,
    write_output,
)
from bot.app.documents import (
    NoSuchTarget,
    bulletin_documents,
    chart_png,
    report_docx,
    report_text,
)
from bot.config import Config


def _write_bulletin(config: Config, engine: Engine, ledger, as_of, args) -> int:
    """The 督查通报: text to stdout or a .txt file, Word for a .docx file."""
    from bot.domain.work_calendar import load_work_calendar

    since = option_date("--since", args.since) if args.since else None
    issued = bulletin_documents(
        engine,
        ledger,
        as_of=as_of,
        tz=config.tz,
        actor="cli",
        office=config.office_name,
        issued=config.current_date(),
        since=since,
        calendar=load_work_calendar(config.calendar_dir),
    )
    if args.output and args.output.lower().endswith(".docx"):
        write_output(args.output, issued.docx())
    elif args.output:
        write_output(args.output, (issued.text() + "\n").encode("utf-8"))
    else:
        print(issued.text())
    return 0


def cmd_report(config: Config, engine: Engine, args) -> int:
    """Write the 工作落实情况汇报 from the current ledger (txt, md or docx)."""
    if args.format is None:  # named by the file: "-o 汇报.docx" is the Word report
        suffix = Path(args.output or "").suffix.lower()
        args.format = {".docx": "docx", ".md": "md"}.get(suffix, "txt")
    if args.output:
        allowed = (".txt", ".docx") if args.format == "bulletin" else (f".{args.format}",)
        check_suffix(args.output, *allowed, formats=("txt", "md", "docx"))
    ledger = ledger_for(config, engine, args)
    as_of = as_of_date(config, ledger.year, args.as_of)
    if args.format == "bulletin":
        return _write_bulletin(config, engine, ledger, as_of, args)
    if args.since:
        raise CliError("--since 只用于 --format bulletin（督查通报）")
    if args.format == "docx":
        if not args.output:
            raise CliError("docx 需要 -o 文件名，例如 -o 汇报.docx")
        content = report_docx(
            ledger,
            as_of=as_of,
            tz=config.tz,
            office=config.office_name,
            issued=config.current_date(),
        )
        write_output(args.output, content)
        return 0
    text = report_text(ledger, args.format, as_of=as_of, tz=config.tz)
    if args.output:
        write_output(args.output, text.encode("utf-8"))
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def cmd_chart(config: Config, engine: Engine, args) -> int:
    """Render the completion chart (or one target's) to a PNG file."""
    from bot.render.charts import CJKFontMissing

    check_suffix(args.output, ".png")
    ledger = ledger_for(config, engine, args)
    try:
        png = chart_png(ledger, today=config.status_date(ledger.year), target=args.number)
    except NoSuchTarget:
        raise no_such_target(ledger, args.number) from None
    except CJKFontMissing as exc:
        raise CliError(str(exc)) from None
    write_output(args.output, png, f"已写入 {args.output}（{len(png)}字节）")
    return 0
