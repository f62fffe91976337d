"""Chat commands for reminders (催办), digests (通报), subscriptions and 收到.

Transport-free: messages to other chats go through `ctx.send`, which the Telegram adapter
(or the console) provides; the outbox keeps them at most once. Units' progress reports are
in `bot.chat.progress_reports`.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import unicodedata

from bot.app.reminder_notices import unassigned_due, urge_notices
from bot.app.reminders import (
    ACK_BUTTON,
    UnknownUnit,
    acknowledge,
    dispatch,
    plan,
    policy_of_config,
    resolve_unit,
    set_digest,
    subscribe,
    unit_names,
    unsubscribe,
)
from bot.chat import progress_reports
from bot.chat.context import ChatContext, shown
from bot.chat.numbered_reports import numbered_report
from bot.chat.progress_reports import create_report, may_report, units_of
from bot.chat.registry import PUBLIC, ButtonSpec, CommandSpec
from bot.chat.types import ADMIN, VIEWER, Reply, Sender, no_such_target, parse_target_number
from bot.domain.acknowledgements import is_acknowledgement
from bot.domain.admin_grammar import CommandError, parse_date
from bot.domain.echo import echoed
from bot.domain.reminder_policy import ACK_KINDS, escalation_milestone, working_days_waiting
from bot.domain.status import year_closed
from bot.render.reminder_text import HEADINGS, describe_notices
from bot.store.models import OutboxEntry
from bot.store.outbox import (
    escalation_keys,
    recent_reminders,
    reminder_of_message,
    sent_day,
    uncertain_entries,
)
from bot.store.subscriptions import list_subscriptions, subscriptions_map
from bot.store.uow import reading

logger = logging.getLogger(__name__)
_CHAT_ID = re.compile(r"-?\d{1,16}")


def _resolve_unit(ctx: ChatContext, given: str) -> str:
    try:
        return resolve_unit(ctx.answerer.ledger, given)
    except UnknownUnit as exc:
        raise CommandError(str(exc)) from None


def _unit_and_chat(ctx: ChatContext, sender: Sender, args: str, usage: str):
    parts = unicodedata.normalize("NFKC", args).split()
    if not parts or len(parts) > 2 or (len(parts) == 2 and not _CHAT_ID.fullmatch(parts[1])):
        raise CommandError(usage)
    chat_id = int(parts[1]) if len(parts) == 2 else sender.chat_id
    return _resolve_unit(ctx, parts[0]), chat_id


UNSUBSCRIBE_USAGE = "用法：/unsubscribe 单位 [群ID]，例如 /unsubscribe {UNIT}"
DIGEST_USAGE = "用法：/digest on 或 /digest off（每周一9:00推送周报及逾期通报）"
URGE_USAGE = "用法：/urge 序号，例如 /urge {N}（序号须是台账中的目标）"
REMINDERS_USAGE = "用法：/reminders [YYYY-MM-DD]，例如 /reminders {DAY}"
SUBSCRIBE_USAGE = (
    "用法：/subscribe 单位 [群ID]，例如在单位群里发 /subscribe {UNIT}，"
    "或 /subscribe {UNIT} -1001234567"
)


def cmd_subscribe(ctx: ChatContext, sender: Sender, args: str) -> list[Reply]:
    """Subscribe this chat (or the given chat id) to a unit's reminders."""
    try:
        unit, chat_id = _unit_and_chat(ctx, sender, args, SUBSCRIBE_USAGE)
    except CommandError as exc:
        return [Reply(str(exc))]
    named = unicodedata.normalize("NFKC", args).split()
    if len(named) == 1 and sender.chat_type == "private":
        # Sent in private, "this chat" is the admin's own: the unit's reminders would come
        # here, and /subscriptions would no longer list the unit as one nobody receives for.
        return [
            Reply(
                f"在私聊中发送会把{unit}的提醒发到您自己的对话，而不是{unit}的工作群，未订阅。"
                f"请在{unit}的工作群里发送 /subscribe {named[0]}，或写明群ID："
                f"/subscribe {named[0]} 群ID（在该群里发 /whoami 可查看群ID）；"
                f"确要发到本对话，请写 /subscribe {named[0]} {chat_id}"
            )
        ]
    if not subscribe(ctx.engine, unit, chat_id, actor=sender.actor):
        return [Reply(f"{chat_id} 已订阅{unit}的提醒。")]
    return [Reply(f"已订阅：{unit}的到期提醒将发送到 {chat_id}。")]


def cmd_unsubscribe(ctx: ChatContext, sender: Sender, args: str) -> list[Reply]:
    """Stop a unit's reminders for this chat (or the given chat id)."""
    try:
        unit, chat_id = _unit_and_chat(ctx, sender, args, UNSUBSCRIBE_USAGE)
    except CommandError as exc:
        return [Reply(str(exc))]
    if not unsubscribe(ctx.engine, unit, chat_id):
        with reading(ctx.engine) as session:
            chats = [r.chat_id for r in list_subscriptions(session) if r.unit == unit]
        here = "本会话" if chat_id == sender.chat_id else ("该群" if chat_id < 0 else "该用户")
        line = f"{here}（{chat_id}）没有订阅{unit}的提醒，未取消。"
        if not chats:  # e.g. sent in private for the unit's group: say where they do go
            return [Reply(line + f"{unit}的提醒目前没有发往任何群（发送 /subscriptions 查看）。")]
        where = "、".join(str(c) for c in chats)
        return [
            Reply(
                line + f"{unit}的提醒发送到：{where}；要取消，请发送 "
                f"/unsubscribe {unit} {chats[0]}"
            )
        ]
    with reading(ctx.engine) as session:
        left = [r.unit for r in list_subscriptions(session) if r.chat_id == chat_id]
    if left:
        return [Reply(f"已取消：{unit}的提醒不再发送到 {chat_id}。")]
    # A unit's chat may report only while it is subscribed: its members would next be told
    # "没有使用本助手的权限" for a /report, with nothing to warn the admin who did this.
    return [
        Reply(
            f"已取消：{unit}的提醒不再发送到 {chat_id}。该会话已不订阅任何单位，其成员也不能再用 "
            f"/report 报送进展；需要恢复时发送 /subscribe {unit} {chat_id}"
        )
    ]


def cmd_subscriptions(ctx: ChatContext, sender: Sender, args: str) -> list[Reply]:
    """List the unit subscriptions, and the units no chat receives reminders for."""
    with reading(ctx.engine) as session:
        rows = list_subscriptions(session)
    head = f"订阅（{len(rows)}）：" if rows else "订阅：（无；在单位的工作群里发 /subscribe 单位）"
    lines = [head]
    lines += [f"· {r.unit} → {r.chat_id}" for r in rows]
    missing = [u for u in unit_names(ctx.answerer.ledger) if u not in {r.unit for r in rows}]
    if missing:
        lines.append("未订阅的单位（提醒无人接收）：" + "、".join(missing))
    return [Reply("\n".join(lines))]


def cmd_digest(ctx: ChatContext, sender: Sender, args: str) -> list[Reply]:
    """Turn the weekly digest and overdue notices on or off for this chat."""
    choice = args.strip().lower()
    if choice not in ("on", "off", "开", "关"):
        return [Reply(DIGEST_USAGE)]
    on = choice in ("on", "开")
    changed = set_digest(ctx.engine, sender.chat_id, on)
    if on:
        return [Reply("已开启每周通报。" if changed else "每周通报本来就是开启的。")]
    return [Reply("已关闭每周通报。" if changed else "每周通报本来就是关闭的。")]


def _no_transport(ctx: ChatContext) -> list[Reply] | None:
    if ctx.send is None:
        return [Reply("当前前端不能向其他群发送消息。")]
    return None


def cmd_urge(ctx: ChatContext, sender: Sender, args: str) -> list[Reply]:
    """催办: push a reminder for a target to its units' chats now."""
    number = parse_target_number(args)
    target = ctx.target(number) if number is not None else None
    if target is None:
        missing = "" if number is None else no_such_target(ctx.answerer.ledger, number)
        return [Reply(f"{missing}{URGE_USAGE}")]
    refused = _no_transport(ctx)
    if refused:
        return refused
    with reading(ctx.engine) as session:
        subscriptions = subscriptions_map(session)
    notices = urge_notices(
        target,
        ctx.today,
        subscriptions=subscriptions,
        policy=policy_of_config(ctx.config),
        calendar=ctx.calendar,
    )
    result = dispatch(ctx.engine, notices, ctx.send)
    missed = sorted({n.unit for n in notices if n.chat_id is None})
    lines = [f"第{number}项催办：已发送{result.sent}条"]
    if result.skipped:
        lines.append(f"今天已催办过的{result.skipped}个群未重复发送")
    if result.uncertain or result.failed:
        lines.append(f"未确认送达{result.uncertain}条，失败{result.failed}条（见 /outbox）")
    if missed:
        lines.append("未订阅提醒的单位：" + "、".join(missed))
    return [shown(ctx, sender, Reply("\n".join(lines)), target.number, ctx.year)]


def reply_to_reminder(
    ctx: ChatContext, sender: Sender, replied_message_id: int, text: str
) -> list[Reply] | None:
    """A reply to one of our reminders is a progress report; None if it was not a reminder.

    A unit that answers a reminder has plainly received it: the report acknowledges it too.
    """
    with reading(ctx.engine) as session:
        reminder = reminder_of_message(session, sender.chat_id, replied_message_id)
    if reminder is None:
        return None
    # (a reminder sent before units were recorded names none: its chat tells)
    if reminder.kind not in ACK_KINDS or not (reminder.unit or units_of(ctx, sender)):
        # The leaders' copy (an escalation, an overdue notice to a digest chat): a leader's
        # "谁负责" under it asks about its target; it reports no progress.
        ctx.conversations.open_target(sender.chat_id, reminder.target_number, year=ctx.year)
        return None
    if is_acknowledgement(text) and may_report(ctx, sender, reminder.target_number):
        return _acknowledged_by_words(ctx, sender, reminder)
    replies = create_report(ctx, sender, reminder.target_number, text)
    if may_report(ctx, sender, reminder.target_number):
        acknowledge_by_reply(ctx, sender, reminder)
    return replies


def reply_to_receipt(
    ctx: ChatContext, sender: Sender, replied_message_id: int, text: str
) -> list[Reply] | None:
    """A unit's reply under the bot's receipt for one of its targets (a reminder's 已确认收到,
    a report's 已收到…报送) reports that target's progress, as a reply to the reminder does;
    None when the reply is no unit's or the message was about no target it may report on."""
    if ctx.role_of(sender) is not None:
        return None  # an admin's or a leader's reply is a follow-up question
    about = ctx.conversations.pinned(sender.chat_id, replied_message_id)
    if about is None or not about.targets or about.year not in (None, ctx.year):
        return None
    number = about.targets[0]
    if not may_report(ctx, sender, number):
        return None
    if is_acknowledgement(text):
        return []  # "收到" under a receipt: the group's manners, answered by silence
    return numbered_report(ctx, sender, text) or create_report(ctx, sender, number, text)


def _acknowledged_by_words(ctx: ChatContext, sender: Sender, reminder: OutboxEntry) -> list[Reply]:
    """ "收到" under a reminder: its 收到, said the first time (later ones are the group's manners,
    answered by silence); no progress report is filed, so the reminders go on."""
    if sender.user_id is None or reminder.id is None:
        return []
    done = acknowledge(ctx.engine, reminder.id, user_id=sender.user_id, name=_acker(sender))
    if done.row is None or not done.recorded:
        return []
    heading = HEADINGS.get(done.row.kind, "提醒")
    receipt = Reply(
        f"{done.row.acked_by_name}已确认收到第{done.row.target_number}项{heading}"
        f"（{_when(ctx, done.row.acked_at)}）。报送进展请回复提醒消息，写明进展或数值。"
    )
    return [shown(ctx, sender, receipt, done.row.target_number, ctx.year)]


def acknowledge_by_reply(ctx: ChatContext, sender: Sender, reminder: OutboxEntry) -> None:
    """Record a reply to a reminder as its 收到, unless someone acknowledged it already."""
    if sender.user_id is None or reminder.id is None:
        return
    acknowledge(ctx.engine, reminder.id, user_id=sender.user_id, name=_acker(sender))


def _acker(sender: Sender) -> str:
    return " ".join(sender.name.split()) or f"用户{sender.user_id}"


def _when(ctx: ChatContext, at: dt.datetime) -> str:
    return at.astimezone(ctx.config.tz).strftime("%Y-%m-%d %H:%M")


def btn_ack(ctx: ChatContext, sender: Sender, role: str | None, rest: str) -> list[Reply]:
    """收到 on a reminder: anyone in the unit's chat records it once; others are refused."""
    row_id = int(rest)
    with reading(ctx.engine) as session:
        row = session.get(OutboxEntry, row_id)
        units_chats = subscriptions_map(session).get(row.unit, []) if row else []
    if row is None or not row.unit:
        return [Reply("", toast="这条提醒已失效")]
    if sender.chat_id != row.chat_key and sender.chat_id not in units_chats:
        return [Reply("", toast=f"这条提醒是发给{row.unit}的，请由该单位群内人员确认收到")]
    if sender.user_id is None:
        return [Reply("", toast="请以个人身份点击“收到”")]
    done = acknowledge(ctx.engine, row_id, user_id=sender.user_id, name=_acker(sender))
    if done.row is None:
        return [Reply("", toast="这条提醒已失效")]
    who, when = done.row.acked_by_name, _when(ctx, done.row.acked_at)
    if not done.recorded:
        return [Reply("", toast=f"已由{who}于{when}确认收到，无需重复确认")]
    heading = HEADINGS.get(done.row.kind, "提醒")
    text = f"{who}已确认收到第{done.row.target_number}项{heading}（{when}）。"
    return [shown(ctx, sender, Reply(text, toast="已确认收到"), done.row.target_number, ctx.year)]


def _ack_lines(ctx: ChatContext) -> list[str]:
    """The latest reminders to units: 已收到 by whom and when, or 未确认 for N working days."""
    tz, today = ctx.config.tz, ctx.config.current_date()
    with reading(ctx.engine) as session:
        rows = recent_reminders(session)
        told = {(target, when, day) for _, target, when, day, _ in escalation_keys(session)}
    if not rows:
        return []
    lines = [f"提醒确认情况（最近{len(rows)}条）："]
    for row in rows:
        head = (
            f"· #{row.id} {HEADINGS[row.kind]} 第{row.target_number}项 {row.unit} "
            f"{sent_day(row, tz).isoformat()}："
        )
        if row.acked_at is not None:
            lines.append(f"{head}已收到（{row.acked_by_name}，{_when(ctx, row.acked_at)}）")
            continue
        waiting = working_days_waiting(sent_day(row, tz), today, ctx.calendar)
        milestone = escalation_milestone(row.kind, row.milestone, row.unit)
        escalated = (row.target_number, milestone, row.occurrence) in told
        # "未确认 0 个工作日" read as a fault for a reminder sent today (or on a day off)
        state = f"未确认 {waiting} 个工作日" if waiting else "未确认（发出不满1个工作日）"
        lines.append(head + state + ("（已报告领导）" if escalated else ""))
    return lines


def _outbox_subject(row) -> str:
    # A digest is about no one target (target_number 0)
    return f" 第{row.target_number}项" if row.target_number else ""


def cmd_outbox(ctx: ChatContext, sender: Sender, args: str) -> list[Reply]:
    """List reminders that may not have arrived (uncertain) or failed, which are never resent,
    then whether the latest reminders were acknowledged."""
    with reading(ctx.engine) as session:
        rows = uncertain_entries(session)
    warning = ctx.calendar_warning()
    lines = [warning] if warning else []
    if not rows:
        lines.append("没有未确认送达或发送失败的提醒。")
    else:
        lines.append(f"未确认送达或失败的提醒（{len(rows)}）：")
        for row in rows[:30]:
            state = {"uncertain": "未确认", "failed": "失败"}[row.state]
            lines.append(
                f"· #{row.id} {state} {HEADINGS.get(row.kind, '提醒')}{_outbox_subject(row)} "
                f"{row.occurrence} → {row.chat_key}：{row.error[:40]}"
            )
        lines.append("未确认的提醒不会自动重发；如需补发，请核实后用 /urge 序号。")
    acks = _ack_lines(ctx)
    return [Reply("\n".join([*lines, *([""] + acks if acks else [])]))]


def cmd_reminders(ctx: ChatContext, sender: Sender, args: str) -> list[Reply]:
    """Show what would be sent on a day (default today), without sending."""
    text = unicodedata.normalize("NFKC", args).strip()
    # As /deadline reads a day: 2021-09-27, 2021/9/27, 2021.9.27 or 2021年9月27日.
    day = parse_date(text) if text else ctx.today
    if day is None:  # say what was wrong with it: "2020-02-30" looks like a day but is none
        return [Reply(f"“{echoed(text)}”不是有效日期，请写成YYYY-MM-DD。\n{REMINDERS_USAGE}")]
    year = ctx.answerer.ledger.year
    if year_closed(day, year):
        return [Reply(f"{year}年度已结束，{day.isoformat()}没有要发送的提醒。")]
    ledger, policy = ctx.answerer.ledger, policy_of_config(ctx.config)
    notices = plan(ctx.engine, ledger, day, policy, ctx.calendar, ctx.config.tz)
    shown = describe_notices(notices, unassigned_due(day, ledger, policy, ctx.calendar))
    return [Reply(f"{day.isoformat()} 应发送的提醒（预览，不发送）：\n\n{shown}")]


COMMANDS = (
    CommandSpec(
        "subscribe", ADMIN, "订阅单位提醒：/subscribe 单位 [群ID]", cmd_subscribe, SUBSCRIBE_USAGE
    ),
    CommandSpec(
        "unsubscribe",
        ADMIN,
        "取消订阅：/unsubscribe 单位 [群ID]",
        cmd_unsubscribe,
        UNSUBSCRIBE_USAGE,
    ),
    CommandSpec("subscriptions", ADMIN, "订阅清单及无人接收的单位", cmd_subscriptions),
    CommandSpec("digest", VIEWER, "每周通报：/digest on|off", cmd_digest, DIGEST_USAGE),
    CommandSpec("urge", ADMIN, "催办：/urge 序号", cmd_urge, URGE_USAGE),
    *progress_reports.COMMANDS,
    CommandSpec("outbox", ADMIN, "未确认送达或失败的提醒，及提醒是否已确认收到", cmd_outbox),
    CommandSpec(
        "reminders", ADMIN, "预览某天的提醒：/reminders [日期]", cmd_reminders, REMINDERS_USAGE
    ),
)
BUTTONS = (*progress_reports.BUTTONS, ButtonSpec(ACK_BUTTON, PUBLIC, btn_ack))
