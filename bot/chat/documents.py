"""Chat commands that hand out paperwork and pictures: the report, charts, exports, 红黄绿榜.

They parse the arguments, call the paperwork use cases (bot/app/documents.py, the same ones the
CLI calls) and wrap the result in replies."""

from __future__ import annotations

from bot.app.documents import (
    bulletin_documents,
    chart_png,
    export_bytes,
    export_file_name,
    report_docx,
    report_file_name,
    report_text,
)
from bot.chat.context import ChatContext, shown
from bot.chat.registry import VIEWER, CommandSpec
from bot.chat.types import Reply, Sender, parse_target_number
from bot.chat.years import not_held, year_core
from bot.domain.status import as_of_label
from bot.domain.unit_board import no_units_board, rank_units, render_unit_row
from bot.understanding.answering import Answerer

REPORT_FORMATS = ("docx", "txt", "md", "通报")
CHAT_EXPORT_FORMATS = ("xlsx", "csv")
CHART_USAGE = "用法：/chart [年份] [序号]，例如 /chart、/chart {N} 或 /chart {YEAR} {N}"
UNITS_USAGE = "用法：/units [年份]，例如 /units 或 /units {YEAR}"
EXPORT_USAGE = "用法：/export [年份] xlsx|csv，例如 /export xlsx 或 /export {YEAR} csv"


def cmd_circulated_report(service: ChatContext, sender: Sender, args: str) -> list[Reply]:
    """The 工作落实情况汇报 from the live ledger (of another year with "/report 2020 docx"):
    docx as a file, txt as messages; the 通报 is always the current year's."""
    answerer, label, rest = year_core(service, args)
    if answerer is None:
        return not_held(service, args)
    fmt = rest.strip().lower() or "docx"
    ledger, today, tz = answerer.ledger, answerer.today, service.config.tz
    if fmt == "通报":
        if label:
            return [Reply(f"督查通报只针对当前年度（{service.year}年）：请发送 /report 通报。")]
        return _bulletin(service, sender)
    if fmt == "txt":
        return [Reply(report_text(ledger, "txt", as_of=today, tz=tz))]
    if fmt == "md":
        text = report_text(ledger, "md", as_of=today, tz=tz)
        name = f"{label}{report_file_name(today, 'md', year=ledger.year)}"
        return [Reply(f"{label}汇报（Markdown）", document=(name, text.encode()))]
    config = service.config
    content = report_docx(
        ledger, as_of=today, tz=tz, office=config.office_name, issued=config.current_date()
    )
    name = f"{label}{report_file_name(today, 'docx', year=ledger.year)}"
    return [Reply(f"{ledger.title}工作落实情况汇报", document=(name, content))]


def _bulletin(service: ChatContext, sender: Sender) -> list[Reply]:
    """/report 通报: the next 督查通报 (what changed since the last one), as text and Word."""
    ledger, today, config = service.answerer.ledger, service.today, service.config
    issued = bulletin_documents(
        service.engine,
        ledger,
        as_of=today,
        tz=config.tz,
        actor=sender.actor or "chat",
        office=config.office_name,
        issued=config.current_date(),
        calendar=service.calendar,
    )
    name = issued.file_name(ledger.year, today)
    return [
        Reply(issued.text()),
        Reply(issued.bulletin.title, document=(name, issued.docx())),
    ]


def cmd_chart(service: ChatContext, sender: Sender, args: str) -> list[Reply]:
    """All targets' completion in one picture, or one target's indicators: /chart [序号]."""
    from bot.render.charts import CJKFontMissing

    try:
        return _chart_replies(service, sender, args)
    except CJKFontMissing:
        return [
            Reply("图表暂不可用：服务器缺少中文字体，请管理员运行 scripts/ensure_cjk_font.sh。")
        ]


def _chart_replies(service: ChatContext, sender: Sender, args: str) -> list[Reply]:
    answerer, label, rest = year_core(service, args)
    if answerer is None:
        return not_held(service, args)
    ledger, today = answerer.ledger, answerer.today
    if not rest.strip():
        png = chart_png(ledger, today=today)
        title = "各项目标主要指标完成率（需关注的目标在前，颜色为状态灯）"
        return [Reply(f"{label}{title}", photo=png)]
    number = parse_target_number(rest)
    if number is None:
        return [Reply(CHART_USAGE)]
    target = answerer.by_number.get(number)
    if target is None:
        count = len(ledger.targets)
        return [Reply(f"{ledger.year}年台账中没有第{number}项目标（共{count}项）。{CHART_USAGE}")]
    png = chart_png(ledger, today=today, target=target)
    reply = Reply(f"{label}第{target.number}项 {target.title}：指标完成情况", photo=png)
    return [shown(service, sender, reply, number, ledger.year)]


def cmd_export(service: ChatContext, sender: Sender, args: str) -> list[Reply]:
    """The ledger as a spreadsheet file: /export [年份] xlsx|csv."""
    answerer, label, rest = year_core(service, args)
    if answerer is None:
        return not_held(service, args)
    fmt = rest.strip().lower() or "xlsx"
    if fmt not in CHAT_EXPORT_FORMATS:
        return [Reply(EXPORT_USAGE)]
    content = export_bytes(answerer.ledger, fmt, today=answerer.today)
    name = f"{label}{export_file_name(answerer.today, fmt, year=answerer.ledger.year)}"
    return [Reply(f"{label}台账导出（{fmt}）", document=(name, content))]


def units_board(answerer: Answerer) -> tuple[str, tuple[str, ...]]:
    """红黄绿榜 of one year's core (each unit's targets by light, overdue ones first, worst
    units first), and its units in the order shown."""
    today = answerer.today
    rows = rank_units(answerer.ledger.targets, today)
    if not rows:
        return no_units_board(answerer.ledger.year), ()
    lines = [f"红黄绿榜（{as_of_label(today, answerer.ledger.year)}）"]
    for row in rows:
        lines += render_unit_row(row)
    return "\n".join(lines), tuple(row.name for row in rows)


def cmd_units(service: ChatContext, sender: Sender, args: str) -> list[Reply]:
    """红黄绿榜: every responsible unit's targets by light, overdue first (/units [年份])."""
    answerer, _, rest = year_core(service, args)
    if answerer is None:
        return not_held(service, args)
    if rest.strip():  # "/units abc": say what it takes rather than ignore the word
        return [Reply(f"/units 后只能写年份，没有“{rest.strip()}”这种写法。{UNITS_USAGE}")]
    text, names = units_board(answerer)
    if answerer is service.answerer and names:
        # "第二个呢" next is the board's second unit, as after "哪个单位最差"
        service.conversations.open_units(sender.chat_id, names)
    return [Reply(text)]


COMMANDS = (
    CommandSpec("chart", VIEWER, "图表：/chart [年份] [序号]", cmd_chart, CHART_USAGE),
    CommandSpec("export", VIEWER, "导出台账：/export [年份] xlsx|csv", cmd_export, EXPORT_USAGE),
    CommandSpec(
        "units", VIEWER, "红黄绿榜：/units [年份]，各责任单位的目标", cmd_units, UNITS_USAGE
    ),
)
