"""Chat commands for reminders (催办), digests (通报) and units' progress reports.

Transport-free like `bot.chat`: messages to other chats go through `service.send`, which the
Telegram adapter (or the console) provides; the outbox keeps them at most once.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import unicodedata
from typing import TYPE_CHECKING

from sqlmodel import Session, select

from bot.admin_commands import CommandError
from bot.chat_documents import REPORT_FORMATS, cmd_circulated_report
from bot.chat_types import ADMIN, Button, Command, Reply, Sender, parse_target_number
from bot.ledger import text_problem
from bot.models import OutboxEntry, ProgressReport, utc_now
from bot.reminder_policy import (
    HEADINGS,
    Notice,
    ReminderPolicy,
    escalation_milestone,
    urge_notices,
    working_days_waiting,
)
from bot.reminders import (
    ACK_BUTTON,
    UnknownUnit,
    acknowledge,
    dispatch,
    list_subscriptions,
    plan,
    recent_reminders,
    reminder_of_message,
    resolve_unit,
    sent_day,
    set_digest,
    subscribe,
    subscriptions_map,
    uncertain_entries,
    unit_names,
    unsubscribe,
)
from bot.report_figures import plan_report
from bot.status import year_closed
from bot.store import FieldChange, apply_changes_in, lock_targets, read_field, read_target

if TYPE_CHECKING:
    from bot.chat import ChatService

logger = logging.getLogger(__name__)
_CHAT_ID = re.compile(r"-?\d{1,16}")


def policy_of(service: ChatService) -> ReminderPolicy:
    return policy_of_config(service.config)


def policy_of_config(config) -> ReminderPolicy:
    """The reminder policy from `[reminders]` in the config."""
    r = config.reminders
    return ReminderPolicy(
        offsets=r.offsets,
        send_time=r.send_time,
        overdue_repeat_days=r.overdue_repeat_days,
        digest_weekday=r.digest_weekday,
        digest_due_days=r.digest_due_days,
        working_days_only=r.working_days_only,
        sender=config.office_name,
        ack_days=r.ack_days,
    )


def _resolve_unit(service: ChatService, given: str) -> str:
    try:
        return resolve_unit(service.answerer.ledger, given)
    except UnknownUnit as exc:
        raise CommandError(str(exc)) from None


def _unit_and_chat(service: ChatService, sender: Sender, args: str, usage: str):
    parts = unicodedata.normalize("NFKC", args).split()
    if not parts or len(parts) > 2 or (len(parts) == 2 and not _CHAT_ID.fullmatch(parts[1])):
        raise CommandError(usage)
    chat_id = int(parts[1]) if len(parts) == 2 else sender.chat_id
    return _resolve_unit(service, parts[0]), chat_id


SUBSCRIBE_USAGE = (
    "用法：/subscribe 单位 [群ID]，例如在单位群里发 /subscribe 民政局，"
    "或 /subscribe 民政局 -1001234567"
)


def cmd_subscribe(service: ChatService, sender: Sender, args: str) -> list[Reply]:
    """Subscribe this chat (or the given chat id) to a unit's reminders."""
    try:
        unit, chat_id = _unit_and_chat(service, sender, args, SUBSCRIBE_USAGE)
    except CommandError as exc:
        return [Reply(str(exc))]
    if not subscribe(service.engine, unit, chat_id, actor=sender.actor):
        return [Reply(f"{chat_id} 已订阅{unit}的提醒。")]
    return [Reply(f"已订阅：{unit}的到期提醒将发送到 {chat_id}。")]


def cmd_unsubscribe(service: ChatService, sender: Sender, args: str) -> list[Reply]:
    """Stop a unit's reminders for this chat (or the given chat id)."""
    usage = "用法：/unsubscribe 单位 [群ID]，例如 /unsubscribe 民政局"
    try:
        unit, chat_id = _unit_and_chat(service, sender, args, usage)
    except CommandError as exc:
        return [Reply(str(exc))]
    if not unsubscribe(service.engine, unit, chat_id):
        return [Reply(f"{chat_id} 没有订阅{unit}的提醒。")]
    return [Reply(f"已取消：{unit}的提醒不再发送到 {chat_id}。")]


def cmd_subscriptions(service: ChatService, sender: Sender, args: str) -> list[Reply]:
    """List the unit subscriptions, and the units no chat receives reminders for."""
    with Session(service.engine) as session:
        rows = list_subscriptions(session)
    lines = [f"订阅（{len(rows)}）："] + [f"· {r.unit} → {r.chat_id}" for r in rows]
    missing = [u for u in unit_names(service.answerer.ledger) if u not in {r.unit for r in rows}]
    if missing:
        lines.append("未订阅的单位（提醒无人接收）：" + "、".join(missing))
    return [Reply("\n".join(lines))]


def cmd_digest(service: ChatService, sender: Sender, args: str) -> list[Reply]:
    """Turn the weekly digest and overdue notices on or off for this chat."""
    choice = args.strip().lower()
    if choice not in ("on", "off", "开", "关"):
        return [Reply("用法：/digest on 或 /digest off（每周一9:00推送周报及逾期通报）")]
    on = choice in ("on", "开")
    changed = set_digest(service.engine, sender.chat_id, on)
    if on:
        return [Reply("已开启每周通报。" if changed else "每周通报本来就是开启的。")]
    return [Reply("已关闭每周通报。" if changed else "每周通报本来就是关闭的。")]


def _no_transport(service: ChatService) -> list[Reply] | None:
    if service.send is None:
        return [Reply("当前前端不能向其他群发送消息。")]
    return None


def cmd_urge(service: ChatService, sender: Sender, args: str) -> list[Reply]:
    """催办: push a reminder for a target to its units' chats now."""
    number = parse_target_number(args)
    target = service._target(number) if number is not None else None
    if target is None:
        return [Reply("用法：/urge 序号，例如 /urge 16（序号须是台账中的目标）")]
    refused = _no_transport(service)
    if refused:
        return refused
    with Session(service.engine) as session:
        subscriptions = subscriptions_map(session)
    notices = urge_notices(
        target,
        service.today,
        subscriptions=subscriptions,
        policy=policy_of(service),
        calendar=service.calendar,
    )
    result = dispatch(service.engine, notices, service.send)
    missed = sorted({n.unit for n in notices if n.chat_id is None})
    lines = [f"第{number}项催办：已发送{result.sent}条"]
    if result.skipped:
        lines.append(f"今天已催办过的{result.skipped}个群未重复发送")
    if result.uncertain or result.failed:
        lines.append(f"未确认送达{result.uncertain}条，失败{result.failed}条（见 /outbox）")
    if missed:
        lines.append("未订阅提醒的单位：" + "、".join(missed))
    return [Reply("\n".join(lines))]


def may_report(service: ChatService, sender: Sender, number: int) -> bool:
    """Admins, viewers, and the chats subscribed to one of the target's units may report."""
    if service.role_of(sender) is not None:
        return True
    target = service._target(number)
    with Session(service.engine) as session:
        subscriptions = subscriptions_map(session)
    return target is not None and any(
        sender.chat_id in subscriptions.get(u.name, []) for u in target.units
    )


REPORT_USAGE = "用法：/report 序号 进展或数值，例如 /report 12 新增贷款 26亿元 截至11月"


def create_report(service: ChatService, sender: Sender, number: int, text: str) -> list[Reply]:
    """Record a unit's progress report for admins to approve or reject."""
    if not may_report(service, sender, number):
        return service._refuse(sender, f"report {number}")
    if service._target(number) is None:
        return [Reply(f"台账中没有第{number}项目标。")]
    text = " ".join(unicodedata.normalize("NFKC", text).split())[:1000]
    if not text:
        return [Reply(REPORT_USAGE)]
    problem = text_problem(text)
    if problem:
        return [Reply(f"报送内容{problem}。{REPORT_USAGE}")]
    try:  # a figure that cannot be set (bounds, unit) is refused now, not at approval
        plan = plan_report(number, text, service._target, today=service.today)
    except CommandError as exc:
        return [Reply(f"{str(exc).splitlines()[0]}\n{REPORT_USAGE}")]
    with Session(service.engine, expire_on_commit=False) as session, session.begin():
        report = ProgressReport(
            year=service.year,
            target_number=number,
            reporter_id=sender.user_id or 0,
            chat_id=sender.chat_id,
            text=text,
        )
        session.add(report)
    shown = plan.figure or plan.proposal
    kind = "数据" if shown.command == "set" else "进展"
    lines = [f"已收到第{number}项的{kind}报送（编号{report.id}），待督查局审核：", shown.summary]
    if plan.older:
        lines.append(f"注意：{plan.older}，审核人确认前不会覆盖。")
    return [Reply("\n".join(lines))]


def cmd_report(service: ChatService, sender: Sender, args: str) -> list[Reply]:
    """/report [docx|txt|md]: the circulated report; /report 序号 文本: a unit's progress."""
    head, _, rest = unicodedata.normalize("NFKC", args).strip().partition(" ")
    if not head or head.lower() in REPORT_FORMATS:
        if service.role_of(sender) is None:
            return service._refuse(sender, "/report")
        return cmd_circulated_report(service, sender, head)
    number = parse_target_number(head)
    if number is None or not rest.strip():
        return [Reply(REPORT_USAGE)]
    return create_report(service, sender, number, rest)


def reply_to_reminder(
    service: ChatService, sender: Sender, replied_message_id: int, text: str
) -> list[Reply] | None:
    """A reply to one of our reminders is a progress report; None if it was not a reminder.

    A unit that answers a reminder has plainly received it: the report acknowledges it too.
    """
    with Session(service.engine) as session:
        reminder = reminder_of_message(session, sender.chat_id, replied_message_id)
    if reminder is None:
        return None
    replies = create_report(service, sender, reminder.target_number, text)
    if may_report(service, sender, reminder.target_number):
        acknowledge_by_reply(service, sender, reminder)
    return replies


def acknowledge_by_reply(service: ChatService, sender: Sender, reminder: OutboxEntry) -> None:
    """Record a reply to a reminder as its 收到, unless someone acknowledged it already."""
    if sender.user_id is None or reminder.id is None:
        return
    acknowledge(service.engine, reminder.id, user_id=sender.user_id, name=_acker(sender))


def _acker(sender: Sender) -> str:
    return " ".join(sender.name.split()) or f"用户{sender.user_id}"


def cmd_pending(service: ChatService, sender: Sender, args: str) -> list[Reply]:
    """List pending progress reports with 采纳/驳回 buttons."""
    with Session(service.engine) as session:
        rows = list(
            session.exec(
                select(ProgressReport)
                .where(ProgressReport.state == "pending")
                .order_by(ProgressReport.id)
                .limit(10)
            )
        )
    if not rows:
        return [Reply("暂无待审核的进展报送。")]
    replies = []
    for row in rows:
        who = f"报送人{row.reporter_id}，群{row.chat_id}"
        text = f"报送#{row.id} 第{row.target_number}项（{who}）：\n{row.text}"
        try:
            plan = plan_report(row.target_number, row.text, service._target, today=service.today)
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
    return replies


def _decide(service: ChatService, report_id: int) -> ProgressReport | None:
    with Session(service.engine, expire_on_commit=False) as session:
        report = session.get(ProgressReport, report_id)
    return report if report is not None and report.state == "pending" else None


def _locked_pending_report(session: Session, report_id: int) -> ProgressReport | None:
    """The report, locked until the transaction ends, if it still waits for a decision."""
    query = select(ProgressReport).where(ProgressReport.id == report_id).with_for_update()
    report = session.exec(query).first()
    return report if report is not None and report.state == "pending" else None


def _mark_decided(session: Session, report: ProgressReport, sender: Sender, **values) -> None:
    report.decided_by = sender.user_id or 0
    report.decided_at = utc_now()
    for key, value in values.items():
        setattr(report, key, value)
    session.add(report)


def _tell_unit(service: ChatService, chat_id: int, text: str) -> None:
    if service.send is not None:
        try:
            service.send(chat_id, text, ())
        except Exception:  # the decision stands even when the unit's chat is unreachable
            logger.warning("could not notify chat %s", chat_id, exc_info=True)


def _report_proposal(service: ChatService, session: Session, report: ProgressReport, force: bool):
    """(proposal, why a figure was not applied) for a report, read from the locked rows: the
    figure as /set, a progress note when it holds none or when its figure is older than the
    ledger's (unless the approver forces it)."""

    def lookup(n: int):
        return read_target(session, n, year=report.year)

    plan = plan_report(report.target_number, report.text, lookup, today=service.today)
    if plan.older and force:
        return plan.figure, ""
    return plan.proposal, plan.older


def approve_report(
    service: ChatService, sender: Sender, report_id: int, *, force: bool = False
) -> list[Reply]:
    """Apply a report like /set (or as a progress note when it holds no figure), once; a
    figure older than the ledger's is filed as a note unless `force`.

    One transaction claims the report (locked, still pending), applies the change with its old
    values checked and marks the report approved; only the press that did so tells the unit.
    """
    with Session(service.engine, expire_on_commit=False) as session, session.begin():
        report = _locked_pending_report(session, report_id)
        if report is None:
            return [Reply("", toast="该报送已处理或不存在")]
        lock_targets(session, [report.target_number], year=report.year)
        try:
            proposal, kept = _report_proposal(service, session, report, force)
        except CommandError as exc:  # stored before today's rules: the admin rejects it instead
            text = (
                f"无法采纳报送#{report.id}：{str(exc).splitlines()[0]}\n"
                f"请发送 /reject {report.id} 理由 驳回，请单位重新报送。"
            )
            return [Reply(text, toast="无法采纳")]
        changes = [
            FieldChange(
                c.target,
                c.field,
                c.new_value,
                read_field(session, c.target, c.field, year=report.year),
            )
            for c in proposal.changes
        ]
        reason = f"采纳单位报送#{report.id}（报送人{report.reporter_id}，审核人{sender.actor}）"
        apply_changes_in(session, changes, actor=sender.actor, reason=reason, year=report.year)
        _mark_decided(session, report, sender, state="approved")
    service.refresh()
    number = report.target_number
    summary = proposal.summary + (f"\n（{kept}，未覆盖，已记入进展）" if kept else "")
    _tell_unit(service, report.chat_id, f"第{number}项进展报送#{report.id}已采纳：\n{summary}")
    return [Reply(f"已采纳报送#{report.id}：\n{summary}", edit=True, toast="已采纳")]


def cmd_reject(service: ChatService, sender: Sender, args: str) -> list[Reply]:
    """Reject a progress report with a reason: /reject 编号 理由."""
    head, _, reason = unicodedata.normalize("NFKC", args).strip().partition(" ")
    usage = "用法：/reject 报送编号 理由，例如 /reject 3 数据口径不符，请按12月底数据报送"
    if not head.isdigit() or not reason.strip():
        return [Reply(usage)]
    problem = text_problem(reason, multiline=True)
    if problem:
        return [Reply(f"理由{problem}。{usage}")]
    with Session(service.engine, expire_on_commit=False) as session, session.begin():
        report = _locked_pending_report(session, int(head))
        if report is None:
            return [Reply(f"没有待审核的报送#{head}。")]
        _mark_decided(session, report, sender, state="rejected", reason=reason.strip()[:500])
    _tell_unit(
        service,
        report.chat_id,
        f"第{report.target_number}项进展报送#{report.id}未被采纳。理由：{reason.strip()}",
    )
    return [Reply(f"已驳回报送#{report.id}，并已通知报送单位。")]


def btn_report(service: ChatService, sender: Sender, role: str, rest: str) -> list[Reply]:
    if role != ADMIN:
        return [Reply("", toast="仅限管理员")]
    verdict, _, report_id = rest.partition(":")
    if verdict in ("ok", "force"):
        return approve_report(service, sender, int(report_id), force=verdict == "force")
    if _decide(service, int(report_id)) is None:
        return [Reply("", toast="该报送已处理或不存在")]
    return [Reply(f"请发送 /reject {report_id} 理由 说明驳回原因。", toast="请填写理由")]


def _when(service: ChatService, at: dt.datetime) -> str:
    return at.astimezone(service.config.tz).strftime("%Y-%m-%d %H:%M")


def btn_ack(service: ChatService, sender: Sender, role: str | None, rest: str) -> list[Reply]:
    """收到 on a reminder: anyone in the unit's chat records it once; others are refused."""
    row_id = int(rest)
    with Session(service.engine) as session:
        row = session.get(OutboxEntry, row_id)
        units_chats = subscriptions_map(session).get(row.unit, []) if row else []
    if row is None or not row.unit:
        return [Reply("", toast="这条提醒已失效")]
    if sender.chat_id != row.chat_key and sender.chat_id not in units_chats:
        return [Reply("", toast=f"这条提醒是发给{row.unit}的，请由该单位群内人员确认收到")]
    if sender.user_id is None:
        return [Reply("", toast="请以个人身份点击“收到”")]
    done = acknowledge(service.engine, row_id, user_id=sender.user_id, name=_acker(sender))
    if done.row is None:
        return [Reply("", toast="这条提醒已失效")]
    who, when = done.row.acked_by_name, _when(service, done.row.acked_at)
    if not done.recorded:
        return [Reply("", toast=f"已由{who}于{when}确认收到，无需重复确认")]
    heading = HEADINGS.get(done.row.kind, "提醒")
    text = f"{who}已确认收到第{done.row.target_number}项{heading}（{when}）。"
    return [Reply(text, toast="已确认收到")]


def _ack_lines(service: ChatService) -> list[str]:
    """The latest reminders to units: 已收到 by whom and when, or 未确认 for N working days."""
    tz, today = service.config.tz, service.config.current_date()
    with Session(service.engine) as session:
        rows = recent_reminders(session)
        told = {
            (r.target_number, r.milestone, r.occurrence)
            for r in session.exec(select(OutboxEntry).where(OutboxEntry.kind == "escalate"))
        }
    if not rows:
        return []
    lines = [f"提醒确认情况（最近{len(rows)}条）："]
    for row in rows:
        head = (
            f"· #{row.id} {HEADINGS[row.kind]} 第{row.target_number}项 {row.unit} "
            f"{sent_day(row, tz).isoformat()}："
        )
        if row.acked_at is not None:
            lines.append(f"{head}已收到（{row.acked_by_name}，{_when(service, row.acked_at)}）")
            continue
        waiting = working_days_waiting(sent_day(row, tz), today, service.calendar)
        milestone = escalation_milestone(row.kind, row.milestone, row.unit)
        escalated = (row.target_number, milestone, row.occurrence) in told
        lines.append(f"{head}未确认 {waiting} 个工作日" + ("（已报告领导）" if escalated else ""))
    return lines


def cmd_outbox(service: ChatService, sender: Sender, args: str) -> list[Reply]:
    """List reminders that may not have arrived (uncertain) or failed, which are never resent,
    then whether the latest reminders were acknowledged."""
    with Session(service.engine) as session:
        rows = uncertain_entries(session)
    warning = service.calendar_warning()
    lines = [warning] if warning else []
    if not rows:
        lines.append("没有未确认送达或发送失败的提醒。")
    else:
        lines.append(f"未确认送达或失败的提醒（{len(rows)}）：")
        for row in rows[:30]:
            state = {"uncertain": "未确认", "failed": "失败"}[row.state]
            lines.append(
                f"· #{row.id} {state} {row.kind} 第{row.target_number}项 {row.occurrence} → "
                f"{row.chat_key}：{row.error[:40]}"
            )
        lines.append("未确认的提醒不会自动重发；如需补发，请核实后用 /urge 序号。")
    acks = _ack_lines(service)
    return [Reply("\n".join([*lines, *([""] + acks if acks else [])]))]


def describe_notices(notices: list[Notice]) -> str:
    if not notices:
        return "这一天没有需要发送的提醒。"
    lines = []
    for n in notices:
        to = n.chat_id if n.chat_id is not None else "（未订阅，无人接收）"
        lines.append(f"【{n.kind}】→ {n.unit or '领导'} {to}\n{n.text}")
    return "\n\n".join(lines)


def cmd_reminders(service: ChatService, sender: Sender, args: str) -> list[Reply]:
    """Show what would be sent on a day (default today), without sending."""
    text = unicodedata.normalize("NFKC", args).strip()
    try:
        day = dt.date.fromisoformat(text) if text else service.today
    except ValueError:
        return [Reply("用法：/reminders [YYYY-MM-DD]，例如 /reminders 2020-12-24")]
    year = service.answerer.ledger.year
    if year_closed(day, year):
        return [Reply(f"{year}年度已结束，{day.isoformat()}没有要发送的提醒。")]
    notices = plan(
        service.engine,
        service.answerer.ledger,
        day,
        policy_of(service),
        service.calendar,
        service.config.tz,
    )
    return [
        Reply(f"{day.isoformat()} 应发送的提醒（预览，不发送）：\n\n{describe_notices(notices)}")
    ]


COMMANDS = (
    Command("subscribe", "订阅单位提醒：/subscribe 单位 [群ID]", True, cmd_subscribe),
    Command("unsubscribe", "取消订阅：/unsubscribe 单位 [群ID]", True, cmd_unsubscribe),
    Command("subscriptions", "订阅清单及无人接收的单位", True, cmd_subscriptions),
    Command("digest", "每周通报：/digest on|off", False, cmd_digest),
    Command("urge", "催办：/urge 序号", True, cmd_urge),
    Command(
        "report",
        "汇报文档：/report [docx|txt]；单位报送进展：/report 序号 内容",
        False,
        cmd_report,
        public=True,
    ),
    Command("pending", "待审核的进展报送", True, cmd_pending),
    Command("reject", "驳回报送：/reject 编号 理由", True, cmd_reject),
    Command("outbox", "未确认送达或失败的提醒，及提醒是否已确认收到", True, cmd_outbox),
    Command("reminders", "预览某天的提醒：/reminders [日期]", True, cmd_reminders),
)
BUTTONS = {"rpt": btn_report}
PUBLIC_BUTTONS = {ACK_BUTTON: btn_ack}
