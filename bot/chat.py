"""The conversation core shared by the Telegram adapter and the console chat.

Transport-free: a front end turns what a person did into `command`, `question` or `button`
calls with a `Sender`, and renders the returned `Reply` objects (plain text plus buttons).
Rights are checked here on every call, buttons included; usernames and chat titles never
grant anything, and an anonymous group admin has no admin rights.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import re
import time
import unicodedata

from sqlalchemy import Engine
from sqlmodel import Session, select

from bot import chat_documents, chat_evidence, chat_reminders
from bot.admin_commands import ADMIN_PROPOSAL_COMMANDS, USAGE, CommandError, propose
from bot.answering import Answer, Answerer, Conversations
from bot.chat_types import (
    ADMIN,
    VIEWER,
    Button,
    Command,
    Reply,
    Sender,
    _target_buttons,
    parse_target_number,
)
from bot.config import Config
from bot.ledger import CATEGORIES, STATUSES, TargetSpec, UnitSpec, text_problem
from bot.ledger_years import LedgerYears, split_year_argument
from bot.models import Grant, PendingChange, SavedList, UnmatchedQuestion, utc_now
from bot.pending import cancel_pending, confirm_pending, settle_interrupted
from bot.reminder_policy import ReminderPolicy
from bot.reminders import DispatchResult, Send, catch_up, mark_interrupted, run_day
from bot.replies import (
    closed_year_due_text,
    render_candidates,
    render_help,
    render_list,
    render_summary,
    render_target,
)
from bot.status import compute_status, open_deadlines, year_closed
from bot.store import (
    StaleChange,
    history,
    read_field,
    read_ledger,
    read_target,
    undo_last,
)
from bot.store import list_unmatched as store_list_unmatched
from bot.target_view import target_detail_text, unit_label
from bot.text_diff import describe_change
from bot.unit_names import UnitNotFound, resolve_assign_args
from bot.unmatched_log import UnmatchedLog
from bot.work_calendar import WorkCalendar, load_work_calendar

logger = logging.getLogger(__name__)

PAGE_SIZE = 10
GRANT_CACHE_SECONDS = 30
MAX_CALLBACK_BYTES = 64


class ChatService:
    """One per process: holds the engine, the config and the answering core."""

    def __init__(self, engine: Engine, config: Config, answerer: Answerer) -> None:
        self.engine = engine
        self.config = config
        self.answerer = answerer
        # Holidays and 调休 days: the library, plus the office's files for later years.
        self.calendar = load_work_calendar(config.calendar_dir)
        # Questions naming another year are answered from that year's ledger.
        self.years = LedgerYears(engine, config, lambda: self.answerer)
        self.commands: dict[str, Command] = {
            c.name: c
            for c in _COMMANDS
            + chat_reminders.COMMANDS
            + chat_documents.COMMANDS
            + chat_evidence.COMMANDS
        }
        self.buttons = {**_BUTTONS, **chat_reminders.BUTTONS}
        # Buttons anyone may press where they were sent; their handlers check who may.
        self.public_buttons = chat_reminders.PUBLIC_BUTTONS
        # Each chat's short context (last target, indicator, list) for follow-up questions.
        self.conversations = Conversations()
        # Unmatched questions are written in the background: asking never waits for a sync.
        self.unmatched = UnmatchedLog(engine)
        self._grants: frozenset[int] | None = None
        self._grants_loaded = 0.0
        # Messages to other chats (reminders, 催办, report outcomes); set by the front end.
        self.send: Send | None = None
        # Work claimed before this moment is not this process's (see recover_interrupted).
        self.started_at = utc_now()

    # --- rights --------------------------------------------------------------------------

    def role_of(self, sender: Sender) -> str | None:
        """admin, viewer or None; checked on every message and every button press."""
        if sender.fixed_role is not None:
            return sender.fixed_role
        if sender.user_id is not None and not sender.anonymous:
            if sender.user_id in self.config.telegram.admins:
                return ADMIN
        grants = self._granted_ids()
        if sender.chat_id in grants:
            return VIEWER
        if sender.user_id is not None and not sender.anonymous and sender.user_id in grants:
            return VIEWER
        return None

    def _granted_ids(self) -> frozenset[int]:
        # Derived from the database: reloaded after /grant and /revoke here, and at most
        # GRANT_CACHE_SECONDS old, so a grant made by another process takes effect quickly.
        now = time.monotonic()
        if self._grants is None or now - self._grants_loaded > GRANT_CACHE_SECONDS:
            with Session(self.engine) as session:
                self._grants = frozenset(session.exec(select(Grant.subject_id)).all())
            self._grants_loaded = now
        return self._grants

    def forget_grants(self) -> None:
        self._grants = None

    def _refuse(self, sender: Sender, what: str) -> list[Reply]:
        logger.warning("refused %s for user %s in chat %s", what, sender.user_id, sender.chat_id)
        return [Reply("抱歉，您没有使用本助手的权限。如需开通，请联系县督查局管理员。")]

    # --- entry points --------------------------------------------------------------------

    def command(self, sender: Sender, name: str, args: str) -> list[Reply]:
        """Run `/name args` for the sender, after checking rights."""
        command = self.commands.get(name.lower())
        role = self.role_of(sender)
        if role is None and not (command and command.public):
            return self._refuse(sender, f"/{name}")
        if command is None:
            return [Reply(f"没有 /{name} 这个命令。发送 /help 查看可用命令。")]
        if command.admin and role != ADMIN:
            logger.warning("viewer %s tried admin command /%s", sender.user_id, name)
            return [Reply(f"/{name} 仅限管理员使用。")]
        try:
            return command.handler(self, sender, args.strip())
        except OverflowError:  # a number beyond the database's 64-bit integers
            return [Reply(f"/{name} 中的数字超出范围。发送 /help 查看用法。")]

    def question(self, sender: Sender, text: str) -> list[Reply]:
        """Answer free text as a question."""
        if self.role_of(sender) is None:
            return self._refuse(sender, "question")
        answer = self.years.ask(text, self.conversations.of(sender.chat_id))
        self.unmatched.record(answer, asked_by=sender.user_id)
        return [self._answer_reply(answer)]

    def reply_to_bot(self, sender: Sender, replied_message_id: int, text: str) -> list[Reply]:
        """A reply to a reminder reports progress; a reply to anything else is a question."""
        report = chat_reminders.reply_to_reminder(self, sender, replied_message_id, text)
        return report if report is not None else self.question(sender, text)

    def file(
        self,
        sender: Sender,
        incoming: chat_evidence.IncomingFile,
        caption: str = "",
        replied_message_id: int | None = None,
    ) -> list[Reply]:
        """A photo or document: 佐证材料 for the target its caption, reply or report names."""
        return chat_evidence.receive_file(self, sender, incoming, caption, replied_message_id)

    def button(self, sender: Sender, data: str) -> list[Reply]:
        """Handle a button press; rights are checked again, forged data does nothing."""
        role = self.role_of(sender)
        prefix, _, rest = data.partition(":")
        if role is None and prefix not in self.public_buttons:
            logger.warning("refused button %r for user %s", data[:80], sender.user_id)
            return [Reply("", toast="您没有权限")]
        handler = self.buttons.get(prefix) or self.public_buttons.get(prefix)
        if handler is None or len(data.encode()) > MAX_CALLBACK_BYTES:
            return [Reply("", toast="按钮已失效")]
        try:
            return handler(self, sender, role, rest)
        except (ValueError, IndexError, OverflowError):
            return [Reply("", toast="按钮已失效")]

    # --- rendering helpers ---------------------------------------------------------------

    @property
    def year(self) -> int:
        """The current ledger year: what commands and changes use unless a year is named."""
        return self.answerer.ledger.year

    @property
    def today(self):
        return self.config.status_date(self.answerer.ledger.year)

    def _target(self, number: int) -> TargetSpec | None:
        with Session(self.engine) as session:
            return read_target(session, number, year=self.year, rules=self.config.status)

    def _target_reply(self, target: TargetSpec, *, edit: bool = False, lead=None) -> Reply:
        text = render_target(target, self.today, self.config.tz, lead_indicator=lead)
        return Reply(text, _target_buttons(target.number), edit=edit)

    def _answer_reply(self, answer: Answer) -> Reply:
        if answer.filter.get("year") not in (None, self.year):
            return Reply(answer.reply)  # buttons would open the current year's targets
        if answer.intent == "target" and answer.ambiguous:
            candidates = [
                self.answerer.by_number[n] for n in answer.targets[: answer.choices or 3]
            ]
            buttons = tuple(
                (Button(f"第{t.number}项 {t.title}", f"pick:{t.number}"),) for t in candidates
            )
            return Reply(render_candidates(candidates), buttons)
        if answer.intent == "target":
            return Reply(answer.reply, _target_buttons(answer.targets[0]))
        if answer.intent == "list" and len(answer.targets) > PAGE_SIZE:
            title = answer.reply.split("（", 1)[0]
            return self._paged_list(title, list(answer.targets))
        return Reply(answer.reply)

    def _paged_list(self, title: str, numbers: list[int], *, year: int | None = None) -> Reply:
        if len(numbers) <= PAGE_SIZE:
            return Reply(self._list_text(title, numbers, year))
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            saved = SavedList(title=title[:200], year=year, numbers_json=json.dumps(numbers))
            session.add(saved)
        return self._list_page(saved, 0)

    def _list_text(self, title: str, numbers: list[int], year: int | None = None) -> str:
        if year is None or year == self.year:
            by_number, today = self.answerer.by_number, self.today
        else:
            with Session(self.engine) as session:
                by_number = read_ledger(session, year=year, rules=self.config.status).by_number()
            today = self.config.status_date(year)
        targets = [by_number[n] for n in numbers if n in by_number]
        return render_list(title, targets, today)

    def _list_page(self, saved: SavedList, page: int, *, edit: bool = False) -> Reply:
        numbers = json.loads(saved.numbers_json)
        pages = max(1, -(-len(numbers) // PAGE_SIZE))
        page = min(max(page, 0), pages - 1)
        chunk = numbers[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
        text = self._list_text(
            f"{saved.title}（第{page + 1}/{pages}页，共{len(numbers)}项）", chunk, saved.year
        )
        text = text.replace(f"（共{len(chunk)}项）", "", 1)
        nav = []
        if page > 0:
            nav.append(Button("◀ 上一页", f"page:{saved.id}:{page - 1}"))
        if page < pages - 1:
            nav.append(Button("下一页 ▶", f"page:{saved.id}:{page + 1}"))
        return Reply(text, (tuple(nav),) if nav else (), edit=edit)

    def _history_text(self, number: int, year: int | None = None) -> str:
        year = self.year if year is None else year
        label = "" if year == self.year else f"{year}年"
        with Session(self.engine) as session:
            entries = history(session, number, limit=15, year=year)
        if not entries:
            return f"{label}第{number}项暂无变更记录（数据来自{year}年台账导入）。"
        lines = [f"{label}第{number}项变更记录（最近{len(entries)}条）："]
        for e in entries:
            at = e.at.astimezone(self.config.tz).strftime("%Y-%m-%d %H:%M")
            mark = "（撤销）" if e.undoes else ("（已撤销）" if e.undone else "")
            change = describe_change(
                _display(e.field_name, e.old_value), _display(e.field_name, e.new_value)
            )
            lines.append(f"{at} {e.actor} {_field_label(e.field_name)}：{change}{mark}")
        return "\n".join(lines)

    def calendar_warning(self) -> str | None:
        """The start-up and /outbox warning when this year or next has no holiday data."""
        return self.calendar.uncovered_warning(self.config.current_date())

    def reminder_context(self) -> tuple[ReminderPolicy, WorkCalendar]:
        return chat_reminders.policy_of(self), self.calendar

    def run_reminders(self) -> DispatchResult:
        """Send what is due today (the daily job)."""
        policy, calendar = self.reminder_context()
        return run_day(
            self.engine,
            self.answerer.ledger,
            self.today,
            self.send,
            policy=policy,
            calendar=calendar,
            tz=self.config.tz,
        )

    def catch_up_reminders(self) -> DispatchResult:
        """At start-up: mark interrupted sends uncertain and send what was missed."""
        policy, calendar = self.reminder_context()
        return catch_up(
            self.engine,
            self.answerer.ledger,
            self.config.now(),
            self.send,
            policy=policy,
            calendar=calendar,
        )

    def recover_interrupted(self) -> None:
        """At start-up: settle confirms a crash cut off, and list cut-off sends as uncertain."""
        settle_interrupted(self.engine)
        for row in mark_interrupted(self.engine, started_at=self.started_at):
            logger.warning("outbox #%s was cut off while sending: now uncertain", row.id)

    def refresh(self) -> None:
        """Rebuild the answering index after a change, so answers see new figures at once."""
        with Session(self.engine) as session:
            ledger = read_ledger(session, year=self.config.year, rules=self.config.status)
        # The latest year may be a newer one than the core held (an import meanwhile).
        self.answerer.refresh(ledger, today=self.config.status_date(ledger.year))
        self.years.forget()


def _short(value: str, limit: int = 40) -> str:
    value = " ".join(value.split()) or "（空）"
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _display(field: str, value: str) -> str:
    """An audit value as people read it: lists of units, deadlines and aliases decoded."""
    if field in ("units", "deadlines", "aliases") and value.startswith("["):
        items = json.loads(value)
        if field == "units":
            value = "、".join(unit_label(UnitSpec(*item)) for item in items)
        elif field == "deadlines":
            value = "；".join(
                f"{d} {text}{'（已完成）' if done else ''}" for d, text, done in items
            )
        else:
            value = "、".join(items)
    return value


def _field_label(name: str) -> str:
    labels = {
        "progress_text": "进展",
        "status_override": "状态认定",
        "status_reason": "认定理由",
        "units": "责任单位",
        "deadlines": "时限",
        "aliases": "别名",
        "title": "简称",
    }
    if name.startswith("indicator:"):
        parts = name.split(":")
        attr = {
            "actual": "完成值",
            "actual_unit": "完成值单位",
            "as_of": "数据时点",
            "target": "目标值",
        }
        return f"{parts[1]}{attr.get(parts[2], '') if len(parts) > 2 else ''}"
    return labels.get(name, name)


# --- viewer commands ---------------------------------------------------------------------


def cmd_help(service: ChatService, sender: Sender, args: str) -> list[Reply]:
    """Show what can be asked, with examples, and the commands."""
    role = service.role_of(sender)
    lines = [render_help(), "", "命令："]
    for command in service.commands.values():
        if not command.admin or role == ADMIN:
            lines.append(f"/{command.name} {command.description}")
    return [Reply("\n".join(lines))]


def _year_core(service: ChatService, args: str) -> tuple[Answerer | None, str, str]:
    """The core of the year a command's arguments start with (the current one if none), the
    title prefix that names a year other than the current one, and the other arguments."""
    year, rest = split_year_argument(args)
    if year is None or year == service.year:
        return service.answerer, "", rest
    return service.years.answerer(year), f"{year}年", rest


def _not_held(service: ChatService, args: str) -> list[Reply]:
    """The reply to a command naming a year the database does not hold (`args` as given)."""
    year, _ = split_year_argument(args)
    held = "、".join(f"{y}年" for y in service.years.held())
    return [Reply(f"数据库中没有{year}年的台账（现有：{held}）。不写年份即查{service.year}年。")]


def cmd_summary(service: ChatService, sender: Sender, args: str) -> list[Reply]:
    """Show the overview: counts by status and light, and what needs attention."""
    answerer, label, _ = _year_core(service, args)
    if answerer is None:
        return _not_held(service, args)
    text = render_summary(answerer.ledger, answerer.today, answerer.data_date())
    return [Reply(f"【{label}】{text}" if label else text)]


def cmd_list(service: ChatService, sender: Sender, args: str) -> list[Reply]:
    """List targets, by status, unit or category (of another year when it starts with one)."""
    answerer, label, rest = _year_core(service, args)
    if answerer is None:
        return _not_held(service, args)
    args = rest
    targets, year = answerer.ledger.targets, (answerer.ledger.year if label else None)
    if not args:
        return [service._paged_list(f"{label}全部目标", [t.number for t in targets], year=year)]
    if args in STATUSES:
        chosen = [t for t in targets if compute_status(t, answerer.today) == args]
        title = f"{args}的目标"
    elif args in CATEGORIES:
        chosen = [t for t in targets if t.category == args]
        title = f"{args}领域的目标"
    else:
        chosen = [t for t in targets if any(args in u.name for u in t.units)]
        title = f"“{args}”负责的目标"
        if not chosen:
            return [
                Reply(
                    f"没有找到“{args}”。用法：/list [年份] 状态|单位|领域，"
                    "例如 /list 未完成、/list 民政局、/list 2020 生态环境。"
                    f"状态可选：{'、'.join(STATUSES)}"
                )
            ]
    return [service._paged_list(f"{label}{title}", [t.number for t in chosen], year=year)]


def cmd_target(service: ChatService, sender: Sender, args: str) -> list[Reply]:
    """Show one target by its number (of another year with "/target 2020 12")."""
    year, rest = split_year_argument(args)
    if year is not None and rest:
        answerer, label, _ = _year_core(service, args)
        if answerer is None:
            return _not_held(service, args)
        number = parse_target_number(rest)
        target = answerer.by_number.get(number) if number is not None else None
        if target is None:
            count = len(answerer.ledger.targets)
            return [Reply(f"{year}年台账中没有第{rest}项目标（共{count}项）。")]
        if not label:
            return [service._target_reply(target)]
        text = render_target(target, answerer.today, service.config.tz)
        return [Reply(f"【{label}】{text}")]
    number = parse_target_number(args)
    if number is None:
        return [Reply("用法：/target [年份] 序号，例如 /target 12、/target 2020 12")]
    target = service._target(number)
    if target is None:
        return [
            Reply(f"台账中没有第{number}项目标（共{len(service.answerer.ledger.targets)}项）。")
        ]
    return [service._target_reply(target)]


def cmd_due(service: ChatService, sender: Sender, args: str) -> list[Reply]:
    """List open deadlines within N days (default 30)."""
    text = unicodedata.normalize("NFKC", args).strip() or "30"
    if not text.isdigit() or not 1 <= int(text) <= 3660:
        return [Reply("用法：/due [天数]，例如 /due 30（天数为1到3660的整数）")]
    days = int(text)
    if year_closed(service.today, service.answerer.ledger.year):
        return [Reply(closed_year_due_text(service.answerer.ledger.year))]
    end = service.today + dt.timedelta(days=days)
    chosen = [
        t.number
        for t in service.answerer.ledger.targets
        if any(service.today <= d.date <= end for d in open_deadlines(t))
    ]
    title = f"未来{days}天内（至{end.isoformat()}）到期的目标"
    if not chosen:
        return [Reply(f"{title}：没有。")]
    return [service._paged_list(title, chosen)]


def cmd_ask(service: ChatService, sender: Sender, args: str) -> list[Reply]:
    """Answer a question."""
    if not args:
        return [Reply("用法：/ask 问题，例如 /ask 新增贷款完成了吗")]
    return service.question(sender, args)


def cmd_whoami(service: ChatService, sender: Sender, args: str) -> list[Reply]:
    """Show the sender's numeric id and role."""
    role = {ADMIN: "管理员", VIEWER: "查看者"}.get(service.role_of(sender) or "", "无权限")
    return [Reply(f"用户ID：{sender.user_id}\n会话ID：{sender.chat_id}\n角色：{role}")]


def cmd_history(service: ChatService, sender: Sender, args: str) -> list[Reply]:
    """Show a target's audit trail (of another year with "/history 2020 12")."""
    year, rest = split_year_argument(args)
    if year is not None and rest:
        answerer, _, _ = _year_core(service, args)
        if answerer is None:
            return _not_held(service, args)
        number = parse_target_number(rest)
        if number is not None and number in answerer.by_number:
            return [Reply(service._history_text(number, answerer.ledger.year))]
    number = parse_target_number(args)
    if number is None or service._target(number) is None:
        return [
            Reply(
                "用法：/history [年份] 序号，例如 /history 12、/history 2020 12"
                "（序号须是台账中的目标）"
            )
        ]
    return [Reply(service._history_text(number))]


# --- admin commands ----------------------------------------------------------------------


def _proposal_command(name: str):
    def handler(service: ChatService, sender: Sender, args: str) -> list[Reply]:
        note = ""
        # A unit the ledger knows, never a silent new one (control characters are left for
        # propose to refuse with the field named).
        if name == "assign" and text_problem(args, multiline=True) is None:
            names = sorted({u.name for t in service.answerer.ledger.targets for u in t.units})
            try:
                args, note = resolve_assign_args(unicodedata.normalize("NFKC", args), names)
            except UnitNotFound as exc:
                return [Reply(f"{exc}\n用法：{USAGE['assign']}")]
        try:
            proposal = propose(name, args, service._target, today=service.today)
        except CommandError as exc:
            return [Reply(str(exc))]
        if note:
            proposal = dataclasses.replace(proposal, summary=f"{proposal.summary}\n{note}")
        return [_pending_reply(service, sender, proposal)]

    handler.__doc__ = f"Propose a /{name} change and ask the admin to confirm it."
    return handler


def _pending_reply(service: ChatService, sender: Sender, proposal) -> Reply:
    with Session(service.engine) as session:
        changes = [
            [
                c.target,
                c.field,
                c.new_value,
                read_field(session, c.target, c.field, year=service.year),
            ]
            for c in proposal.changes
        ]
    with Session(service.engine, expire_on_commit=False) as session, session.begin():
        pending = PendingChange(
            admin_id=sender.user_id or 0,
            command=proposal.command,
            year=service.year,
            target_number=proposal.target,
            changes_json=json.dumps(changes, ensure_ascii=False),
            summary=proposal.summary,
            reason=proposal.reason,
        )
        session.add(pending)
    buttons = ((Button("确认", f"confirm:{pending.id}"), Button("取消", f"cancel:{pending.id}")),)
    return Reply(f"请确认以下修改：\n{proposal.summary}", buttons)


def cmd_undo(service: ChatService, sender: Sender, args: str) -> list[Reply]:
    """Revert the caller's last change (itself audited)."""
    try:
        applied = undo_last(service.engine, actor=sender.actor)
    except StaleChange as exc:
        return [
            Reply(
                f"无法撤销：{exc}，撤销会覆盖新的修改。"
                "请用 /history 序号 查看，再用 /set 直接改正。"
            )
        ]
    if applied is None or not applied.entries:
        return [Reply("没有可撤销的修改。")]
    service.refresh()
    lines = [
        f"已撤销：第{e.target_number}项 {_field_label(e.field_name)}："
        + describe_change(_display(e.field_name, e.old_value), _display(e.field_name, e.new_value))
        for e in applied.entries
    ]
    return [Reply("\n".join(lines))]


def cmd_grant(service: ChatService, sender: Sender, args: str) -> list[Reply]:
    """Grant viewer rights to a numeric user id or chat id."""
    parts = unicodedata.normalize("NFKC", args).split(maxsplit=1)
    if not parts or not re.fullmatch(r"-?\d{1,16}", parts[0]):
        return [
            Reply(
                "用法：/grant 用户ID或群ID [备注]，例如 /grant 123456789 王科长"
                "（ID须为数字，群ID为负数）"
            )
        ]
    subject = int(parts[0])
    note = parts[1][:100] if len(parts) > 1 else ""
    problem = text_problem(note)
    if problem:
        return [
            Reply(f"备注{problem}。用法：/grant 用户ID或群ID [备注]，例如 /grant 123456789 王科长")
        ]
    with Session(service.engine) as session, session.begin():
        if session.exec(select(Grant).where(Grant.subject_id == subject)).first():
            return [Reply(f"{subject} 已经是查看者。")]
        session.add(
            Grant(
                subject_id=subject,
                granted_by=sender.user_id or 0,
                note=note,
            )
        )
    service.forget_grants()
    logger.info("user %s granted viewer rights to %s", sender.user_id, subject)
    return [Reply(f"已授予 {subject} 查看权限。")]


def cmd_revoke(service: ChatService, sender: Sender, args: str) -> list[Reply]:
    """Revoke viewer rights."""
    text = unicodedata.normalize("NFKC", args).strip()
    if not re.fullmatch(r"-?\d{1,16}", text):
        return [Reply("用法：/revoke 用户ID或群ID，例如 /revoke 123456789")]
    with Session(service.engine) as session, session.begin():
        grant = session.exec(select(Grant).where(Grant.subject_id == int(text))).first()
        if grant is None:
            return [Reply(f"{text} 不是查看者，无需撤销。")]
        session.delete(grant)
    service.forget_grants()
    return [Reply(f"已撤销 {text} 的查看权限。")]


def cmd_users(service: ChatService, sender: Sender, args: str) -> list[Reply]:
    """List admins and viewers."""
    with Session(service.engine) as session:
        grants = list(session.exec(select(Grant).order_by(Grant.id)))
    lines = ["管理员：" + ("、".join(str(a) for a in service.config.telegram.admins) or "（无）")]
    lines.append(f"查看者（{len(grants)}）：")
    lines += [
        f"· {g.subject_id}{'（群）' if g.subject_id < 0 else ''} {g.note}".rstrip() for g in grants
    ]
    return [Reply("\n".join(lines))]


def cmd_unmatched(service: ChatService, sender: Sender, args: str) -> list[Reply]:
    """List questions that found no target, with buttons to turn them into aliases."""
    service.unmatched.flush()  # include the questions still being written
    with Session(service.engine) as session:
        rows = store_list_unmatched(session, limit=10)
    if not rows:
        return [Reply("暂无未匹配的问题。")]
    lines = ["最近未匹配的问题："]
    buttons = []
    for row in rows:
        best = f"（最接近第{row.best_target}项）" if row.best_target else ""
        lines.append(f"· {_short(row.question, 60)}{best}")
        if row.best_target and len(row.question.strip()) <= 20:
            buttons.append(
                (
                    Button(
                        f"“{_short(row.question, 12)}”设为第{row.best_target}项别名",
                        f"unm:{row.id}",
                    ),
                )
            )
    lines.append("其他问题可用 /alias 序号 词 手动添加别名。")
    return [Reply("\n".join(lines), tuple(buttons))]


# --- buttons -----------------------------------------------------------------------------


def btn_pick(service: ChatService, sender: Sender, role: str, rest: str) -> list[Reply]:
    target = service._target(int(rest))
    if target is None:
        return [Reply("", toast="该目标不存在")]
    service.conversations.open_target(sender.chat_id, target.number)
    return [service._target_reply(target, edit=True)]


def btn_detail(service: ChatService, sender: Sender, role: str, rest: str) -> list[Reply]:
    target = service._target(int(rest))
    if target is None:
        return [Reply("", toast="该目标不存在")]
    text = target_detail_text(target, service.today, service.config.tz)
    buttons = (
        (Button("返回", f"pick:{target.number}"), Button("变更记录", f"hist:{target.number}")),
    )
    return [Reply(text, buttons, edit=True)]


def btn_history(service: ChatService, sender: Sender, role: str, rest: str) -> list[Reply]:
    number = int(rest)
    if service._target(number) is None:
        return [Reply("", toast="该目标不存在")]
    buttons = ((Button("返回", f"pick:{number}"),),)
    return [Reply(service._history_text(number), buttons, edit=True)]


def btn_page(service: ChatService, sender: Sender, role: str, rest: str) -> list[Reply]:
    list_id, page = (int(x) for x in rest.split(":"))
    with Session(service.engine) as session:
        saved = session.get(SavedList, list_id)
    if saved is None:
        return [Reply("", toast="列表已过期，请重新查询")]
    return [service._list_page(saved, page, edit=True)]


def _settle_refusal(settled, verb: str) -> list[Reply] | None:
    """The toast for a press that settles nothing: someone else's change, or one settled."""
    if settled.outcome == "refused":
        return [Reply("", toast=f"只有发起修改的管理员可以{verb}")]
    if settled.outcome == "done_before":
        return [Reply("", toast=settled.done_before_text)]
    return None


def btn_confirm(service: ChatService, sender: Sender, role: str, rest: str) -> list[Reply]:
    if role != ADMIN:
        return [Reply("", toast="只有发起修改的管理员可以确认")]
    settled = confirm_pending(
        service.engine, int(rest), admin_id=sender.user_id or 0, actor=sender.actor
    )
    refusal = _settle_refusal(settled, "确认")
    if refusal is not None:
        return refusal
    summary = settled.pending.summary
    if settled.outcome == "stale":
        text = f"未修改：提出这项修改后，数据已有变动。请重新发送命令。\n{summary}"
        return [Reply(text, edit=True, toast="数据已变动")]
    service.refresh()
    if settled.outcome == "unchanged":
        return [Reply(f"没有变化：\n{summary}", edit=True, toast="没有变化")]
    text = f"✅ 已修改：\n{summary}\n（如需撤销，发送 /undo）"
    return [Reply(text, edit=True, toast="已修改")]


def btn_cancel(service: ChatService, sender: Sender, role: str, rest: str) -> list[Reply]:
    if role != ADMIN:
        return [Reply("", toast="只有发起修改的管理员可以取消")]
    settled = cancel_pending(service.engine, int(rest), admin_id=sender.user_id or 0)
    refusal = _settle_refusal(settled, "取消")
    if refusal is not None:
        return refusal
    return [Reply(f"已取消：\n{settled.pending.summary}", edit=True, toast="已取消")]


def btn_unmatched(service: ChatService, sender: Sender, role: str, rest: str) -> list[Reply]:
    if role != ADMIN:
        return [Reply("", toast="仅限管理员")]
    with Session(service.engine) as session:
        row = session.get(UnmatchedQuestion, int(rest))
        if row is None or row.best_target is None or row.resolved:
            return [Reply("", toast="该问题已处理或不存在")]
        number, word = row.best_target, row.question.strip()
    try:
        proposal = propose("alias", f"{number} {word}", service._target, today=service.today)
    except CommandError as exc:
        return [Reply(str(exc), toast="无法添加")]
    reply = _pending_reply(service, sender, proposal)
    with Session(service.engine) as session, session.begin():
        row = session.get(UnmatchedQuestion, int(rest))
        row.resolved = True
        session.add(row)
    return [reply]


_ADMIN_DESCRIPTIONS = {
    "set": "修改完成值：/set 序号 指标 值",
    "status": "认定状态：/status 序号 状态 理由（自动=取消认定）",
    "note": "补充进展：/note 序号 文本",
    "deadline": "增改时限：/deadline 序号 YYYY-MM-DD [说明]",
    "done": "标记时限完成：/done 序号 [里程碑]",
    "reopen": "重新打开时限：/reopen 序号 [里程碑]",
    "assign": "指定责任单位：/assign 序号 单位 [牵头|配合]",
    "unassign": "移除责任单位：/unassign 序号 单位",
    "alias": "添加别名：/alias 序号 词",
}

_COMMANDS = (
    Command("start", "开始使用：能问什么", False, cmd_help),
    Command("help", "帮助：能问什么，有哪些命令", False, cmd_help),
    Command("summary", "总览：/summary [年份]，各状态数量和需关注的目标", False, cmd_summary),
    Command("list", "清单：/list [年份] [状态|单位|领域]", False, cmd_list),
    Command("target", "查看一项目标：/target [年份] 序号", False, cmd_target),
    Command("due", "即将到期：/due [天数]，默认30天", False, cmd_due),
    Command("ask", "提问：/ask 问题", False, cmd_ask),
    Command("history", "变更记录：/history [年份] 序号", False, cmd_history),
    Command("whoami", "我的ID和角色", False, cmd_whoami, public=True),
    *(
        Command(name, _ADMIN_DESCRIPTIONS[name], True, _proposal_command(name))
        for name in ADMIN_PROPOSAL_COMMANDS
    ),
    Command("undo", "撤销我的上一次修改", True, cmd_undo),
    Command("unmatched", "未匹配的问题（可一键设为别名）", True, cmd_unmatched),
    Command("grant", "授予查看权限：/grant ID [备注]", True, cmd_grant),
    Command("revoke", "撤销查看权限：/revoke ID", True, cmd_revoke),
    Command("users", "管理员和查看者名单", True, cmd_users),
)

_BUTTONS = {
    "pick": btn_pick,
    "detail": btn_detail,
    "hist": btn_history,
    "page": btn_page,
    "confirm": btn_confirm,
    "cancel": btn_cancel,
    "unm": btn_unmatched,
}
