"""Viewer commands and buttons: help, overview, lists, one target, deadlines, history."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable

from bot.app.ledger_years import split_year_argument
from bot.app.queries import (
    TargetFilter,
    filter_of_word,
    filter_of_words,
    list_words,
    select_targets,
)
from bot.chat.context import ChatContext, shown
from bot.chat.registry import PUBLIC, ButtonSpec, CommandSpec
from bot.chat.types import (
    ADMIN,
    VIEWER,
    Button,
    Reply,
    Sender,
    no_such_target,
    parse_target_number,
)
from bot.chat.years import not_held, year_core
from bot.domain.echo import echoed
from bot.domain.ledger import STATUSES, TargetSpec
from bot.domain.status import DONE_STATUSES, deadline_state, open_deadlines, year_closed
from bot.render.replies import (
    closed_year_due_text,
    list_title,
    render_help,
    render_summary,
    render_target,
)
from bot.render.target_view import target_detail_text
from bot.store.models import SavedList
from bot.store.uow import reading
from bot.understanding.answering import Answerer


def cmd_help(service: ChatContext, sender: Sender, args: str) -> list[Reply]:
    """Show what can be asked, with examples, and the commands."""
    role = service.role_of(sender)
    lines = [render_help(service.answerer.examples), "", "命令："]
    lines += [f"/{c.name} {c.help}" for c in service.registry.menu(role)]
    return [Reply("\n".join(lines))]


def _numbered_in_year(
    service: ChatContext, args: str
) -> tuple[Answerer, str, int | None] | list[Reply]:
    """For "/target 2020 12": the named year's core, its title prefix and the number asked
    (None when it is not one); the refusal when the database does not hold that year."""
    answerer, label, rest = year_core(service, args)
    if answerer is None:
        return not_held(service, args)
    return answerer, label, parse_target_number(rest)


def cmd_summary(service: ChatContext, sender: Sender, args: str) -> list[Reply]:
    """Show the overview: counts by status and light, and what needs attention."""
    answerer, label, rest = year_core(service, args)
    if answerer is None:
        return not_held(service, args)
    if rest.strip():  # "/summary abc": say what it takes rather than ignore the word
        return [Reply(f"/summary 后只能写年份，没有“{rest.strip()}”这种写法。{SUMMARY_USAGE}")]
    text = render_summary(answerer.ledger, answerer.today, answerer.data_date())
    return [Reply(f"【{label}】{text}" if label else text)]


def cmd_list(service: ChatContext, sender: Sender, args: str) -> list[Reply]:
    """List targets, by status, unit or category (of another year when one is named among
    the words: "/list 2020 未完成", "/list 未完成 2020", "/list 未完成 2020 民政局")."""
    answerer, label, rest = year_core(service, args, anywhere=True)
    if answerer is None:
        return not_held(service, args)
    args = rest
    targets, year = answerer.ledger.targets, (answerer.ledger.year if label else None)
    if not list_words(args):
        return [service.paged_list(f"{label}全部目标", [t.number for t in targets], year=year)]
    wanted = filter_of_words(args)
    if isinstance(wanted, str):  # "/list 民政局 财政局": one unit and one category at most
        if (unknown := _unknown_unit_word(args, targets)) is not None:
            # "/list 民政局 xyz": the word that names nothing, not a second unit too many
            return [_nothing_found(unknown)]
        return [
            Reply(
                f"/list 只能写一个单位、一个领域（状态可写几个），“{echoed(wanted)}”多了。"
                + LIST_USAGE
            )
        ]
    chosen = [row.target for row in select_targets(targets, answerer.today, wanted)]
    title = _list_heading(wanted)
    if not chosen and len(args.split()) == 1 and not (wanted.status or wanted.category):
        topic = answerer.ask(f"{args}方面")
        if topic.intent == "list" and topic.targets:
            # "/list 养老": no unit or status, but a topic a leader may list by, as asked.
            title = list_title(topic.reply)
            chosen = [answerer.by_number[n] for n in topic.targets]
    if not chosen and (unknown := _unknown_unit_word(args, targets)) is not None:
        return [_nothing_found(unknown)]
    return [service.paged_list(f"{label}{title}", [t.number for t in chosen], year=year)]


def _unknown_unit_word(args: str, targets: Iterable[TargetSpec]) -> str | None:
    """The first /list word that is no status or category and is part of no unit's name."""
    names = {u.name for t in targets for u in t.units}
    for word in list_words(args):
        unit = filter_of_word(word).unit
        if unit and not any(unit in name for name in names):
            return word
    return None


def _nothing_found(word: str) -> Reply:
    """ "没有找到“xyz”。" and how /list is written, with the statuses it takes."""
    return Reply(f"没有找到“{echoed(word)}”。{LIST_USAGE}状态可选：{'、'.join(STATUSES)}")


def _list_heading(wanted: TargetFilter) -> str:
    """ "民政局负责的未完成、滞后的目标": what a /list kept, in the order a leader says it."""
    parts = [f"“{wanted.unit}”负责"] if wanted.unit else []
    parts += [f"{wanted.category}领域"] if wanted.category else []
    statuses = wanted.statuses or ((wanted.status,) if wanted.status else ())
    parts += ["、".join(statuses)] if statuses else []
    return "的".join(parts) + "的目标"


def cmd_target(service: ChatContext, sender: Sender, args: str) -> list[Reply]:
    """Show one target by its number (of another year with "/target 2020 12")."""
    year, rest = split_year_argument(args)
    if year is not None and rest:
        found = _numbered_in_year(service, args)
        if isinstance(found, list):
            return found
        answerer, label, number = found
        if number is None:  # "/target 2020 5 6"
            return [Reply(TARGET_USAGE)]
        target = answerer.by_number.get(number)
        if target is None:
            return [Reply(no_such_target(answerer.ledger, number))]
        if not label:
            return [shown(service, sender, service.target_reply(target), number, service.year)]
        text = render_target(target, answerer.today, service.config.tz)
        return [shown(service, sender, Reply(f"【{label}】{text}"), number, answerer.ledger.year)]
    number = parse_target_number(args)
    if number is None:
        return [Reply(TARGET_USAGE)]
    target = service.target(number)
    if target is None:
        return [Reply(no_such_target(service.answerer.ledger, number))]
    return [shown(service, sender, service.target_reply(target), number, service.year)]


def cmd_due(service: ChatContext, sender: Sender, args: str) -> list[Reply]:
    """List open deadlines within N days (default 30)."""
    text = unicodedata.normalize("NFKC", args).strip().removesuffix("天").strip() or "30"  # "7天"
    if not text.isdigit() or not 1 <= int(text) <= 3660:
        return [Reply(DUE_USAGE)]
    days = int(text)
    if year_closed(service.today, service.answerer.ledger.year):
        return [Reply(closed_year_due_text(service.answerer.ledger.year))]
    end = service.today + dt.timedelta(days=days)
    # Soonest first, each line with the deadline that falls due and the days left to it, as
    # "这个月到期的" asked in words lists them.
    due, notes = [], {}
    for t in service.answerer.ledger.targets:
        inside = [d for d in open_deadlines(t) if service.today <= d.date <= end]
        if inside:
            first = min(inside, key=lambda d: d.date)
            due.append((first.date, t.number))
            # a done target's open deadline is a date, not days left to do it in
            done = service.answerer.status(t) in DONE_STATUSES
            state = "到期" if done else f"（{deadline_state(first, service.today)}）"
            notes[t.number] = f"{first.date.isoformat()}{state}"
    title = f"未来{days}天内（至{end.isoformat()}）到期的目标"
    if not due:
        return [Reply(f"{title}：没有。")]
    return [service.paged_list(title, [number for _, number in sorted(due)], notes=notes)]


def cmd_ask(service: ChatContext, sender: Sender, args: str) -> list[Reply]:
    """Answer a question."""
    if not args:
        return [Reply(ASK_USAGE)]
    return service.question(sender, args)


def cmd_whoami(service: ChatContext, sender: Sender, args: str) -> list[Reply]:
    """Show the sender's numeric id and role."""
    role = {ADMIN: "管理员", VIEWER: "查看者"}.get(service.role_of(sender) or "", "无权限")
    return [Reply(f"用户ID：{sender.user_id}\n会话ID：{sender.chat_id}\n角色：{role}")]


def cmd_history(service: ChatContext, sender: Sender, args: str) -> list[Reply]:
    """Show a target's audit trail (of another year with "/history 2020 12")."""
    year, rest = split_year_argument(args)
    if year is not None and rest:
        found = _numbered_in_year(service, args)
        if isinstance(found, list):
            return found
        answerer, _, number = found
        if number is not None and number in answerer.by_number:
            year = answerer.ledger.year
            return [
                shown(service, sender, Reply(service.history_text(number, year)), number, year)
            ]
    number = parse_target_number(args)
    if number is None:
        return [Reply(HISTORY_USAGE)]
    if service.target(number) is None:
        return [Reply(no_such_target(service.answerer.ledger, number) + HISTORY_USAGE)]
    return [shown(service, sender, Reply(service.history_text(number)), number, service.year)]


# --- buttons -----------------------------------------------------------------------------


def btn_pick(service: ChatContext, sender: Sender, role: str, rest: str) -> list[Reply]:
    target = service.target(int(rest))
    if target is None:
        return [Reply("", toast="该目标不存在")]
    return [
        shown(
            service, sender, service.target_reply(target, edit=True), target.number, service.year
        )
    ]


def btn_detail(service: ChatContext, sender: Sender, role: str, rest: str) -> list[Reply]:
    target = service.target(int(rest))
    if target is None:
        return [Reply("", toast="该目标不存在")]
    text = target_detail_text(target, service.today, service.config.tz)
    buttons = (
        (Button("返回", f"pick:{target.number}"), Button("变更记录", f"hist:{target.number}")),
    )
    return [Reply(text, buttons, edit=True)]


def btn_history(service: ChatContext, sender: Sender, role: str, rest: str) -> list[Reply]:
    number = int(rest)
    if service.target(number) is None:
        return [Reply("", toast="该目标不存在")]
    buttons = ((Button("返回", f"pick:{number}"),),)
    return [Reply(service.history_text(number), buttons, edit=True)]


def btn_page(service: ChatContext, sender: Sender, role: str, rest: str) -> list[Reply]:
    list_id, page = (int(x) for x in rest.split(":"))
    with reading(service.engine) as session:
        saved = session.get(SavedList, list_id)
    if saved is None:
        return [Reply("", toast="列表已过期，请重新查询")]
    return [service.list_page(saved, page, edit=True)]


SUMMARY_USAGE = "用法：/summary [年份]，例如 /summary 或 /summary {YEAR}"
TARGET_USAGE = "用法：/target [年份] 序号，例如 /target {N}、/target {YEAR} {N}"
DUE_USAGE = "用法：/due [天数]，例如 /due 30（天数为1到3660的整数）"
ASK_USAGE = "用法：/ask 问题，例如 /ask {ASK}"
HISTORY_USAGE = (
    "用法：/history [年份] 序号，例如 /history {N}、/history {YEAR} {N}（序号须是台账中的目标）"
)

LIST_USAGE = (
    "用法：/list [年份] 状态|单位|领域，可组合（同时满足；几个状态任一即可），"
    "例如 /list 未完成、/list {UNIT}、/list {YEAR} {CAT}、/list {UNIT} 未完成 滞后。"
)

COMMANDS = (
    CommandSpec("start", VIEWER, "开始使用：能问什么", cmd_help),
    CommandSpec("help", VIEWER, "帮助：能问什么，有哪些命令", cmd_help),
    CommandSpec(
        "summary",
        VIEWER,
        "总览：/summary [年份]，各状态数量和需关注的目标",
        cmd_summary,
        SUMMARY_USAGE,
    ),
    CommandSpec(
        "list",
        VIEWER,
        "清单：/list [年份] [状态|单位|领域…]，可组合，年份也可写在最后",
        cmd_list,
        LIST_USAGE,
    ),
    CommandSpec("target", VIEWER, "查看一项目标：/target [年份] 序号", cmd_target, TARGET_USAGE),
    CommandSpec("due", VIEWER, "即将到期：/due [天数]，默认30天", cmd_due, DUE_USAGE),
    CommandSpec("ask", VIEWER, "提问：/ask 问题", cmd_ask, ASK_USAGE),
    CommandSpec("history", VIEWER, "变更记录：/history [年份] 序号", cmd_history, HISTORY_USAGE),
    CommandSpec("whoami", PUBLIC, "我的ID和角色", cmd_whoami),
)

BUTTONS = (
    ButtonSpec("pick", VIEWER, btn_pick),
    ButtonSpec("detail", VIEWER, btn_detail),
    ButtonSpec("hist", VIEWER, btn_history),
    ButtonSpec("page", VIEWER, btn_page),
)
