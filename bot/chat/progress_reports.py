"""Chat commands for units' progress reports: /report 序号 内容 files one, /pending lists
them with 采纳/驳回 buttons, /reject gives the reason; the unit is told the outcome."""

from __future__ import annotations

import logging
import unicodedata

from bot.app.ledger_years import split_year_argument
from bot.app.progress_reports import (
    approve_report,
    count_pending,
    file_report,
    pending_duplicate,
    pending_report,
    pending_reports,
    reject_report,
    report_by_id,
)
from bot.app.report_figures import misdirected_figure, plan_report
from bot.chat.context import ChatContext, shown
from bot.chat.documents import REPORT_FORMATS, cmd_circulated_report
from bot.chat.registry import PUBLIC, ButtonSpec, CommandSpec
from bot.chat.types import (
    ADMIN,
    Button,
    Reply,
    Sender,
    ask_the_office,
    no_such_target,
    parse_target_number,
    split_typed,
)
from bot.domain.admin_grammar import CommandError
from bot.domain.echo import echoed
from bot.domain.ledger import text_problem
from bot.domain.report_states import state_label
from bot.store.subscriptions import subscriptions_map
from bot.store.uow import reading

logger = logging.getLogger(__name__)

REPORT_USAGE = "用法：/report 序号 进展或数值，例如 /report {N} {IND} {FIG} 截至6月底"
# For a chat with no target of its own: no number that would be another unit's target.
UNIT_REPORT_USAGE = "用法：/report 序号 进展或数值，序号是本单位负责的目标在台账中的序号"
DOCUMENT_USAGE = (
    "汇报文档：/report [年份] [docx|txt|md|通报]，例如 /report、/report txt、/report {YEAR} docx"
)
REPORT_MAX_CHARS = 1000  # a progress note, not a document: longer material goes as a file
REJECT_REASON = "数据口径不符，请按12月底数据报送"  # the example reason, in the usage and the ask
REJECT_USAGE = f"用法：/reject 报送编号 理由，例如 /reject 3 {REJECT_REASON}"


def may_report(ctx: ChatContext, sender: Sender, number: int) -> bool:
    """Admins, viewers, and the chats subscribed to one of the target's units may report."""
    if ctx.role_of(sender) is not None:
        return True
    target = ctx.target(number)
    with reading(ctx.engine) as session:
        subscriptions = subscriptions_map(session)
    return target is not None and any(
        sender.chat_id in subscriptions.get(u.name, []) for u in target.units
    )


def units_of(ctx: ChatContext, sender: Sender) -> list[str]:
    """The units whose reminders go to the sender's chat (a unit's group), else none."""
    with reading(ctx.engine) as session:
        subscriptions = subscriptions_map(session)
    return [unit for unit, chats in subscriptions.items() if sender.chat_id in chats]


def _own_targets(ctx: ChatContext, units: list[str]) -> list:
    return [t for t in ctx.answerer.ledger.targets if any(u.name in units for u in t.units)]


def _example(targets: list) -> str:
    """A report on one of `targets` that reads as it is meant: a figure of the first indicator
    with a target figure and a unit (in that unit, so it passes as /set would), else a note."""
    for target in targets:
        for ind in target.indicators:
            if ind.target and ind.unit:
                return f"/report {target.number} {ind.name} {ind.target}{ind.unit} 截至11月"
    return f"/report {targets[0].number} 本月进展情况"


def report_usage(ctx: ChatContext, sender: Sender) -> str:
    """/report's usage for the sender: a unit's example names one of its own targets, never
    another unit's target 12; a chat with no target of its own gets no number at all."""
    if ctx.role_of(sender) is not None:
        return REPORT_USAGE
    own = _own_targets(ctx, units_of(ctx, sender))
    if not own:
        return UNIT_REPORT_USAGE
    return f"用法：/report 序号 进展或数值，例如 {_example(own)}"


def _example_number(ctx: ChatContext, sender: Sender) -> str:
    """ "，例如 12" after "请写数字": one of a unit's own targets, none for no targets."""
    if ctx.role_of(sender) is None:
        own = _own_targets(ctx, units_of(ctx, sender))
        return f"，例如 {own[0].number}" if own else ""
    return "，例如 {N}"


def _own_line(own: list) -> str:
    shown = "、".join(f"第{t.number}项 {t.title}" for t in own[:12])
    more = f"等{len(own)}项" if len(own) > 12 else ""
    return f"本单位负责：{shown}{more}。例如：/report {own[0].number} 进展或数值"


def unit_chat_reply(ctx: ChatContext, sender: Sender) -> Reply | None:
    """What a unit's chat that asks more than it may is told instead of a bare refusal: what
    it can send; None for a chat no unit subscribed."""
    if sender.chat_id == sender.user_id:  # a private chat is never a unit's
        return None
    units = units_of(ctx, sender)
    if not units:
        return None
    own = _own_targets(ctx, units)
    lines = [
        f"本群是{'、'.join(units)}的工作群，只能报送本单位负责目标的进展："
        "发送 /report 序号 进展或数值，或直接回复督查提醒消息；照片和文件可一并发送作为佐证材料。"
    ]
    if own:
        lines.append(_own_line(own))
    lines.append(f"查询台账需要开通权限，{ask_the_office(ctx.config.office_name)}。")
    return Reply("\n".join(lines))


def _not_this_units(ctx: ChatContext, sender: Sender, number: int) -> list[Reply] | None:
    """What a unit's chat is told of a target it may not report on: no such target, or whose
    target it is and the unit's own; None for a chat no unit subscribed (refused as anyone)."""
    units = units_of(ctx, sender)
    if not units:
        return None
    ledger = ctx.answerer.ledger
    target = ctx.target(number)
    if target is None:
        return [Reply(no_such_target(ledger, number) + report_usage(ctx, sender))]
    own = _own_targets(ctx, units)
    whose = "、".join(u.name for u in target.units) or "未明确"
    lines = [
        f"第{number}项 {target.title} 的责任单位是{whose}，本群是{'、'.join(units)}的群，"
        "只能报送本单位负责的目标，请核对序号。"
    ]
    if own:
        lines.append(_own_line(own))
    return [Reply("\n".join(lines))]


def create_report(ctx: ChatContext, sender: Sender, number: int, text: str) -> list[Reply]:
    """Record a unit's progress report for admins to approve or reject."""
    if not may_report(ctx, sender, number):
        return _not_this_units(ctx, sender, number) or ctx.refuse(sender, f"report {number}")
    if ctx.target(number) is None:
        return [Reply(no_such_target(ctx.answerer.ledger, number) + report_usage(ctx, sender))]
    text = " ".join(text.split())  # kept as the unit typed it: ，。（） stay full-width
    if not text:
        return [Reply(report_usage(ctx, sender))]
    if len(text) > REPORT_MAX_CHARS:  # cut silently, the rest of the unit's words would be lost
        return [
            Reply(
                f"报送内容共{len(text)}字，超过{REPORT_MAX_CHARS}字，未收到。请精简后重新发送；"
                f"详细材料可作为文件发送，并在文件说明中写 /report {number} 简要进展。"
            )
        ]
    problem = text_problem(text)
    if problem:
        return [Reply(f"报送内容{problem}。{report_usage(ctx, sender)}")]
    try:  # a figure that cannot be set (bounds, unit) is refused now, not at approval
        plan = plan_report(number, text, ctx.target, today=ctx.config.current_date())
    except CommandError as exc:
        return [Reply(f"{str(exc).splitlines()[0]}\n{report_usage(ctx, sender)}")]
    noted = plan.proposal.command == "note" and not plan.figure
    meant = misdirected_figure(number, text, ctx.answerer.ledger.targets) if noted else None
    if meant is not None:  # "/report 35 产前超声筛查率 60%": a wrong number, not a note on 35
        other, name = meant
        return [
            Reply(
                f"第{number}项 {ctx.target(number).title} 没有“{name}”这个指标，它是"
                f"第{other.number}项 {other.title} 的指标，未收到。请核对序号后重新发送：\n"
                f"/report {other.number} {text}"
            )
        ]
    same = pending_duplicate(
        ctx.engine, year=ctx.year, number=number, chat_id=sender.chat_id, text=text
    )
    if same is not None:  # sent twice (a double tap, a resend): one report waits, not two
        again = Reply(
            f"第{number}项的这条报送已经收到（编号{same.id}），正在等待督查局审核，"
            "无需重复发送。如需补充，请发送新的内容。"
        )
        return [shown(ctx, sender, again, number, ctx.year)]
    report = file_report(
        ctx.engine,
        year=ctx.year,
        number=number,
        reporter_id=sender.user_id or 0,
        chat_id=sender.chat_id,
        text=text,
    )
    planned = plan.figure or plan.proposal
    kind = "数据" if planned.command == "set" else "进展"
    lines = [f"已收到第{number}项的{kind}报送（编号{report.id}），待督查局审核：", planned.summary]
    if plan.older:
        lines.append(f"注意：{plan.older}，审核人确认前不会覆盖。")
    # the receipt is about that target: a reply under it reports more of its progress
    return [shown(ctx, sender, Reply("\n".join(lines)), number, ctx.year)]


def cmd_report(ctx: ChatContext, sender: Sender, args: str) -> list[Reply]:
    """/report [docx|txt|md]: the circulated report; /report 序号 文本: a unit's progress."""
    head, rest = split_typed(args.strip())  # the unit's words, as typed
    args = unicodedata.normalize("NFKC", args).strip()
    year, after_year = split_year_argument(args)
    if (
        not head
        or head.lower() in REPORT_FORMATS
        or (year is not None and after_year.strip().lower() in ("", *REPORT_FORMATS))
    ):  # "/report 2020 docx": a year's report, never target 2020's progress
        if ctx.role_of(sender) is None:
            if not head and units_of(ctx, sender):  # a unit's bare /report: how to report
                return [Reply(report_usage(ctx, sender))]
            return ctx.refuse(sender, "/report")
        return cmd_circulated_report(ctx, sender, head if year is None else args)
    number = parse_target_number(head)
    if number is not None and year is not None and ctx.target(number) is None:
        number = None  # "/report 2020 pdf": a year's report in a format there is not
    documents = ctx.role_of(sender) is not None  # a unit's chat may only report progress
    if number is None and documents and (year is not None or not rest.strip()):
        word = (after_year if year is not None else args).strip()
        return [Reply(f"汇报文档没有“{echoed(word)}”这种格式。{DOCUMENT_USAGE}\n{REPORT_USAGE}")]
    if number is None and rest.strip():
        named = _titled(ctx, head)
        if named is not None:  # "/report 耕地保护 已完成": the target's name for its number
            shown = f"/report {named} {rest.strip()}"
            return [Reply(f"“{echoed(head)}”是第{named}项，请写序号：{shown}")]
        example = _example_number(ctx, sender)
        usage = report_usage(ctx, sender)
        return [Reply(f"“{echoed(head)}”不是目标序号，请写数字{example}。{usage}")]
    if number is None or not rest.strip():
        return [Reply(report_usage(ctx, sender))]
    return create_report(ctx, sender, number, rest)


def _titled(ctx: ChatContext, word: str) -> int | None:
    """The number of the one current target whose short title or an alias is `word`."""
    found = {t.number for t in ctx.answerer.ledger.targets if word == t.title or word in t.aliases}
    return found.pop() if len(found) == 1 else None


def cmd_pending(ctx: ChatContext, sender: Sender, args: str) -> list[Reply]:
    """List pending progress reports with 采纳/驳回 buttons."""
    rows = pending_reports(ctx.engine)
    if not rows:
        return [Reply("暂无待审核的进展报送。")]
    with reading(ctx.engine) as session:
        subscriptions = subscriptions_map(session)
    replies = []
    for row in rows:
        who = _reporter(row, subscriptions)
        text = f"报送#{row.id} 第{row.target_number}项（{who}）：\n{row.text}"
        try:
            plan = plan_report(
                row.target_number, row.text, ctx.target, today=ctx.config.current_date()
            )
        except CommandError as exc:  # stored before today's rules, or the ledger changed since
            text += f"\n无法采纳：{str(exc).splitlines()[0]}"
            replies.append(Reply(text, ((Button("驳回", f"rpt:no:{row.id}"),),)))
            continue
        if plan.older:
            text += f"\n⚠ {plan.older}。\n拟修改：{plan.figure.summary}"
            buttons = (
                (
                    Button("采纳为备注（不覆盖）", f"rpt:ok:{row.id}"),
                    Button("仍按此数覆盖", f"rpt:force:{row.id}"),
                ),
                (Button("驳回", f"rpt:no:{row.id}"),),
            )
        else:
            text += f"\n拟修改：{plan.proposal.summary}"
            buttons = ((Button("采纳", f"rpt:ok:{row.id}"), Button("驳回", f"rpt:no:{row.id}")),)
        replies.append(Reply(text, buttons))
    waiting = count_pending(ctx.engine)
    if waiting > len(rows):  # the rest would otherwise wait unseen
        replies.append(
            Reply(
                f"另有{waiting - len(rows)}条待审核的报送，处理完以上各条后再发送 /pending 查看。"
            )
        )
    return replies


def _reporter(row, subscriptions: dict[str, list[int]]) -> str:
    """ "县财政局群-100123，报送人ID 42": the unit whose chat it came from, when subscribed."""
    units = [unit for unit, chats in subscriptions.items() if row.chat_id in chats]
    chat = f"{'、'.join(units)}群{row.chat_id}" if units else f"会话{row.chat_id}"
    return f"{chat}，报送人ID {row.reporter_id}"


def tell_unit(ctx: ChatContext, chat_id: int, text: str) -> None:
    """Send a unit's chat a message, if the front end can; a failure is logged, not raised."""
    if ctx.send is not None:
        try:
            ctx.send(chat_id, text, ())
        except Exception:  # the decision stands even when the unit's chat is unreachable
            logger.warning("could not notify chat %s", chat_id, exc_info=True)


def decided_state(ctx: ChatContext, report_id: int) -> str:
    """ "报送#3已撤回（采纳已撤销）": why a report can no longer be decided, by its state."""
    report = report_by_id(ctx.engine, report_id)
    if report is None:
        return f"没有待审核的报送#{report_id}"
    return f"报送#{report_id}{state_label(report.state)}"


def approve(ctx: ChatContext, sender: Sender, report_id: int, *, force: bool) -> list[Reply]:
    """Apply a report once (see `approve_report`); only the press that did so tells the unit."""
    done = approve_report(
        ctx.engine,
        report_id,
        actor=sender.actor,
        decided_by=sender.user_id or 0,
        today=ctx.config.current_date(),  # the day a note is dated, even in a closed year
        force=force,
    )
    if done is None:
        return [Reply("", toast=decided_state(ctx, report_id))]
    report = done.report
    if done.proposal is None:
        text = (
            f"无法采纳报送#{report.id}：{done.refused}\n"
            f"请发送 /reject {report.id} 理由 驳回，请单位重新报送。"
        )
        return [Reply(text, toast="无法采纳")]
    ctx.refresh()
    summary = done.proposal.summary + (
        f"\n（{done.kept}，未覆盖，已记入进展）" if done.kept else ""
    )
    tell_unit(
        ctx, report.chat_id, f"第{report.target_number}项进展报送#{report.id}已采纳：\n{summary}"
    )
    return [Reply(f"已采纳报送#{report.id}：\n{summary}", edit=True, toast="已采纳")]


def cmd_reject(ctx: ChatContext, sender: Sender, args: str) -> list[Reply]:
    """Reject a progress report with a reason: /reject 编号 理由."""
    head, _, reason = unicodedata.normalize("NFKC", args).strip().partition(" ")
    if not head.isdigit():
        return [Reply(REJECT_USAGE)]
    if not reason.strip():  # "/reject 3": the unit is told why, so the reason is what is missing
        return [Reply(f"请写明驳回理由，例如 /reject {head} {REJECT_REASON}")]
    problem = text_problem(reason, multiline=True)
    if problem:
        return [Reply(f"理由{problem}。{REJECT_USAGE}")]
    report = reject_report(
        ctx.engine, int(head), reason=reason.strip(), decided_by=sender.user_id or 0
    )
    if report is None:
        decided = "已处理过的报送不能再驳回；发送 /pending 查看待审核的报送。"
        return [Reply(f"{decided_state(ctx, int(head))}。{decided}")]
    number = report.target_number
    tell_unit(  # which report it was, and how to send it again: a group may have sent several
        ctx,
        report.chat_id,
        f"第{number}项进展报送#{report.id}未被采纳。理由：{reason.strip()}\n"
        f"原报送内容：{report.text}\n请按理由修改后重新发送：/report {number} 进展或数值",
    )
    return [Reply(f"已驳回报送#{report.id}，并已通知报送单位。")]


def btn_report(ctx: ChatContext, sender: Sender, role: str | None, rest: str) -> list[Reply]:
    """采纳 (ok), 仍按此数覆盖 (force) or 驳回 (no) under a pending report."""
    verdict, _, report_id = rest.partition(":")
    if verdict in ("ok", "force"):
        return approve(ctx, sender, int(report_id), force=verdict == "force")
    if pending_report(ctx.engine, int(report_id)) is None:
        return [Reply("", toast=decided_state(ctx, int(report_id)))]
    return [Reply(f"请发送 /reject {report_id} 理由 说明驳回原因。", toast="请填写理由")]


COMMANDS = (
    CommandSpec(
        "report",
        PUBLIC,
        "汇报文档：/report [年份] [docx|txt|md|通报]；单位报送进展：/report 序号 内容",
        cmd_report,
        REPORT_USAGE,
    ),
    CommandSpec("pending", ADMIN, "待审核的进展报送", cmd_pending),
    CommandSpec("reject", ADMIN, "驳回报送：/reject 编号 理由", cmd_reject, REJECT_USAGE),
)
BUTTONS = (ButtonSpec("rpt", ADMIN, btn_report, refused="仅限管理员"),)
