"""Chat commands that hand out paperwork and pictures: the report, charts, exports, 红黄绿榜."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from bot.chat_types import Command, Reply, Sender, parse_target_number
from bot.spreadsheet import write_csv, write_xlsx
from bot.status import as_of_label
from bot.unit_board import rank_units, render_unit_row

if TYPE_CHECKING:
    from bot.chat import ChatService

REPORT_FORMATS = ("docx", "txt", "md", "通报")


def cmd_circulated_report(service: ChatService, sender: Sender, args: str) -> list[Reply]:
    """The 工作落实情况汇报 from the live ledger: docx as a file, txt as messages."""
    from bot.report_writer import render_report_md, render_report_txt, write_report_docx

    fmt = args.strip().lower() or "docx"
    ledger, today, tz = service.answerer.ledger, service.today, service.config.tz
    stem = f"工作落实情况汇报_{today.isoformat()}"
    if fmt == "通报":
        return _bulletin(service, sender)
    if fmt == "txt":
        return [Reply(render_report_txt(ledger, as_of=today, tz=tz))]
    if fmt == "md":
        text = render_report_md(ledger, as_of=today, tz=tz)
        return [Reply("汇报（Markdown）", document=(f"{stem}.md", text.encode("utf-8")))]
    stream = io.BytesIO()
    config = service.config
    write_report_docx(
        ledger,
        stream,
        as_of=today,
        tz=tz,
        office=config.office_name,
        issued=config.current_date(),
    )
    return [Reply(f"{ledger.title}工作落实情况汇报", document=(f"{stem}.docx", stream.getvalue()))]


def _bulletin(service: ChatService, sender: Sender) -> list[Reply]:
    """/report 通报: the next 督查通报 (what changed since the last one), as text and Word."""
    from bot.bulletin import issue_bulletin, render_bulletin_txt, write_bulletin_docx

    ledger, today, config = service.answerer.ledger, service.today, service.config
    bulletin = issue_bulletin(
        service.engine, ledger, as_of=today, tz=config.tz, actor=sender.actor or "chat"
    )
    stream = io.BytesIO()
    write_bulletin_docx(stream, bulletin, config.office_name, config.current_date())
    name = f"督查通报_{ledger.year}年第{bulletin.number}期_{today.isoformat()}.docx"
    return [
        Reply(render_bulletin_txt(bulletin, config.office_name, config.current_date())),
        Reply(bulletin.title, document=(name, stream.getvalue())),
    ]


def cmd_chart(service: ChatService, sender: Sender, args: str) -> list[Reply]:
    """All targets' completion in one picture, or one target's indicators: /chart [序号]."""
    from bot.charts import CJKFontMissing, completion_chart, target_chart

    try:
        return _chart_replies(service, args, completion_chart, target_chart)
    except CJKFontMissing:
        return [
            Reply("图表暂不可用：服务器缺少中文字体，请管理员运行 scripts/ensure_cjk_font.sh。")
        ]


def _chart_replies(service: ChatService, args: str, completion_chart, target_chart):
    if not args.strip():
        png = completion_chart(service.answerer.ledger, today=service.today)
        return [Reply("各项目标主要指标完成率（需关注的目标在前，颜色为状态灯）", photo=png)]
    number = parse_target_number(args)
    target = service._target(number) if number is not None else None
    if target is None:
        return [Reply("用法：/chart [序号]，例如 /chart 或 /chart 56")]
    png = target_chart(target, today=service.today, year=service.answerer.ledger.year)
    return [Reply(f"第{target.number}项 {target.title}：指标完成情况", photo=png)]


def cmd_export(service: ChatService, sender: Sender, args: str) -> list[Reply]:
    """The ledger as a spreadsheet file: /export xlsx|csv."""
    fmt = args.strip().lower() or "xlsx"
    if fmt not in ("xlsx", "csv"):
        return [Reply("用法：/export xlsx 或 /export csv")]
    writer = write_xlsx if fmt == "xlsx" else write_csv
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"ledger.{fmt}"
        writer(service.answerer.ledger, service.today, path)
        content = path.read_bytes()
    name = f"台账_{service.today.isoformat()}.{fmt}"
    return [Reply(f"台账导出（{fmt}）", document=(name, content))]


def units_board(service: ChatService) -> str:
    """红黄绿榜: each unit's targets by light, overdue ones first, worst units first."""
    today = service.today
    lines = [f"红黄绿榜（{as_of_label(today, service.answerer.ledger.year)}）"]
    for row in rank_units(service.answerer.ledger.targets, today):
        lines += render_unit_row(row)
    return "\n".join(lines)


def cmd_units(service: ChatService, sender: Sender, args: str) -> list[Reply]:
    """红黄绿榜: every responsible unit's targets by light, overdue first."""
    return [Reply(units_board(service))]


COMMANDS = (
    Command("chart", "图表：/chart [序号]", False, cmd_chart),
    Command("export", "导出台账：/export xlsx|csv", False, cmd_export),
    Command("units", "红黄绿榜：各责任单位的目标", False, cmd_units),
)
