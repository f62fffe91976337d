"""The conversation core shared by the Telegram adapter and the console chat.

Transport-free: a front end turns what a person did into `command`, `question`, `button` or
`file` calls with a `Sender`, and renders the returned `Reply` objects (plain text plus
buttons). Rights are checked here on every call, buttons included, from the command registry;
usernames and chat titles never grant anything, and an anonymous group admin has no admin
rights. The commands themselves live in the modules listed in COMMAND_MODULES.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import time
import unicodedata

from sqlalchemy import Engine

from bot.app.access import granted_ids
from bot.app.ledger_years import LedgerYears
from bot.app.reminders import (
    DispatchResult,
    Send,
    catch_up,
    mark_interrupted,
    policy_of_config,
    run_day,
)
from bot.app.unmatched import record_unmatched
from bot.chat import access as chat_access
from bot.chat import changes as chat_changes
from bot.chat import documents as chat_documents
from bot.chat import evidence as chat_evidence
from bot.chat import progress_reports as chat_progress_reports
from bot.chat import queries as chat_queries
from bot.chat import reminders as chat_reminders
from bot.chat.audit_text import history_text, units_now
from bot.chat.change_words import change_hint, history_reply
from bot.chat.document_words import document_request
from bot.chat.numbered_reports import numbered_report
from bot.chat.page_turns import PAGE_SIZE, listed_numbers, note_pages, saved_numbers, turn_page
from bot.chat.registry import PUBLIC, VIEWER, Registry
from bot.chat.supervision import workflow_reply
from bot.chat.types import (
    ADMIN,
    Button,
    Reply,
    Sender,
    ask_the_office,
    split_typed,
    target_buttons,
    without_unseen,
)
from bot.chat.waiting_changes import typed_settlement, with_waiting_note
from bot.config import Config
from bot.domain.ledger import TargetSpec
from bot.domain.reminder_policy import ReminderPolicy
from bot.domain.usage_examples import filled, usage_examples
from bot.domain.work_calendar import WorkCalendar, load_work_calendar
from bot.render.replies import list_title, render_candidates, render_list, render_target
from bot.store.ledger_store import history, read_ledger, read_target
from bot.store.models import SavedList, utc_now
from bot.store.pending import settle_interrupted
from bot.store.unmatched_log import UnmatchedLog
from bot.store.uow import UnitOfWork, reading
from bot.understanding.answering import Answerer
from bot.understanding.conversation import Answer, Conversations

logger = logging.getLogger(__name__)


def admin_only(office: str) -> str:
    """A viewer's admin command: whom to ask, and /help for the commands the asker may use."""
    return f"仅限管理员使用。需要办理的，{ask_the_office(office)}；发送 /help 查看您可用的命令。"


# A confirmation typed as text where no button waits: it is not a question about a target.
BARE_CONFIRMATIONS = frozenset({"确认", "确定", "取消", "好的确认", "确认修改"})
NOTHING_TO_CONFIRM = (
    "现在没有等待确认的操作。修改数据请用命令（如 /set {N} {IND} {FIG}），"
    "确认时点消息下的“确认”按钮；提问请直接输入问题。"
)
GRANT_CACHE_SECONDS = 30
GLUED_NUMBER = re.compile(r"([A-Za-z_]+?)(\d{1,6})")
MAX_CALLBACK_BYTES = 64

# Where commands and buttons are declared (each module's COMMANDS and BUTTONS), in the order
# /help and the Telegram menu list them.
COMMAND_MODULES = (
    chat_queries,
    chat_changes,
    chat_access,
    chat_reminders,
    chat_documents,
    chat_evidence,
)


def build_registry() -> Registry:
    """The registry of every declared command and button."""
    return Registry.of(
        (c for module in COMMAND_MODULES for c in module.COMMANDS),
        (b for module in COMMAND_MODULES for b in getattr(module, "BUTTONS", ())),
    )


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
        self.registry = build_registry()
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
            with reading(self.engine) as session:
                self._grants = granted_ids(session)
            self._grants_loaded = now
        return self._grants

    def forget_grants(self) -> None:
        self._grants = None

    def refuse(self, sender: Sender, what: str) -> list[Reply]:
        """No rights: one polite refusal; a unit's chat is told what it can send instead."""
        logger.warning("refused %s for user %s in chat %s", what, sender.user_id, sender.chat_id)
        unit_reply = chat_progress_reports.unit_chat_reply(self, sender)
        if unit_reply is not None:
            return [unit_reply]
        ask = ask_the_office(self.config.office_name)
        return [Reply(f"抱歉，您没有使用本助手的权限。如需开通，{ask}。")]

    # --- entry points --------------------------------------------------------------------

    def command(self, sender: Sender, name: str, args: str) -> list[Reply]:
        """Run `/name args` for the sender, after checking rights."""
        name, args = without_unseen(name), without_unseen(args)
        # "/set　12 …" typed with a full-width space: the words after the name are arguments.
        name, _, more = unicodedata.normalize("NFKC", name).strip().partition(" ")
        args = f"{more} {args}" if more else args
        glued = GLUED_NUMBER.fullmatch(name)
        if glued and self.registry.command(name) is None and self.registry.command(glued[1]):
            # "/target12", "/report16 已完工": the number typed without its space
            name, args = glued[1], f"{glued[2]} {args}".strip()
        command = self.registry.command(name)
        role = self.role_of(sender)
        if role is None and not (command and command.rights == PUBLIC):
            return self.refuse(sender, f"/{name}")
        if command is None:
            return [Reply(f"没有 /{name} 这个命令。发送 /help 查看可用命令。")]
        if not command.allows(role):
            logger.warning("viewer %s tried admin command /%s", sender.user_id, name)
            return [Reply(f"/{name} {admin_only(self.config.office_name)}")]
        try:
            replies = self._with_examples(command.handler(self, sender, args.strip()))
            note_pages(self, sender, replies)  # "/list" then "下一页" typed
            return with_waiting_note(self, sender, replies)
        except OverflowError:  # a number beyond the database's 64-bit integers
            return [Reply(f"/{name} 中的数字超出范围。发送 /help 查看用法。")]

    def question(self, sender: Sender, text: str) -> list[Reply]:
        """Answer free text as a question (a command typed with a full-width slash, "／set 12
        …" as Chinese input methods write it, runs as that command); "确认" typed settles the
        sender's change waiting for it, and a change still waiting is said under the answer."""
        word = without_unseen(text).strip(" 。.!！")
        if word in BARE_CONFIRMATIONS and self.role_of(sender) is not None:
            settled = typed_settlement(self, sender, word) or [Reply(NOTHING_TO_CONFIRM)]
            return self._with_examples(settled)
        return with_waiting_note(self, sender, self._with_examples(self._question(sender, text)))

    def _with_examples(self, replies: list[Reply]) -> list[Reply]:
        """The replies with their usage lines' examples drawn from the live ledger."""
        if not any("{" in r.text for r in replies):
            return replies
        ledger = self.answerer.ledger
        examples = dataclasses.replace(
            usage_examples(ledger.targets, ledger.year), question=self.answerer.examples.target
        )
        return [dataclasses.replace(r, text=filled(r.text, examples)) for r in replies]

    def _question(self, sender: Sender, text: str) -> list[Reply]:
        pasted, text = text, without_unseen(text)  # a paste's "\u200b/target 12" is a command
        typed = unicodedata.normalize("NFKC", text).lstrip()
        if typed.startswith("/") and not pasted.lstrip().startswith("/"):
            head, args = split_typed(text)  # the arguments as typed: a note keeps its ，。
            head = head[1:]
            if self.registry.command(head.split("@")[0]) is not None:
                return self.command(sender, head.split("@")[0], args)
        if self.role_of(sender) is None:  # a unit's "30号已完工" is its /report 30
            return numbered_report(self, sender, text) or self.refuse(sender, "question")
        # "下一页" typed: the last long list's page; "给我发个报告": the report itself
        made = turn_page(self, sender, text) or document_request(self, sender, text)
        if made is not None:
            return made
        answer = self.years.ask(text, self.conversations.of(sender.chat_id))
        record_unmatched(self.unmatched, answer, sender.user_id, year=self.year)
        reply = workflow_reply(self, answer) or self._answer_reply(answer)
        if answer.intent == "list":  # a new list: its pages, or none to turn
            self.conversations.of(sender.chat_id).drop_pages()
        note_pages(self, sender, [reply])  # a target opened from it keeps the list's pages
        trail = history_reply(self, text, answer)  # "新增贷款的变更记录": its /history
        if trail is not None:
            return [Reply(trail)]
        hint = change_hint(self, sender, text, answer)  # "把新增贷款改成26亿元": nothing changed
        if hint is not None:
            reply = dataclasses.replace(reply, text=f"{hint}\n{reply.text}")
        if answer.intent in ("target", "list") and answer.targets:
            reply = dataclasses.replace(reply, context=self.conversations.snapshot(sender.chat_id))
        return [reply]

    def reply_to_bot(self, sender: Sender, replied_message_id: int, text: str) -> list[Reply]:
        """A reply to a reminder reports progress; a reply to anything else is a question,
        a follow-up on what the replied answer was about."""
        text = without_unseen(text)
        report = chat_reminders.reply_to_reminder(self, sender, replied_message_id, text)
        if report is None:  # under a receipt of the bot's for one of the unit's targets
            report = chat_reminders.reply_to_receipt(self, sender, replied_message_id, text)
        if report is not None:
            return report
        self.conversations.resume(sender.chat_id, replied_message_id)
        return self.question(sender, text)

    def file(
        self,
        sender: Sender,
        incoming: chat_evidence.IncomingFile,
        caption: str = "",
        replied_message_id: int | None = None,
    ) -> list[Reply]:
        """A photo or document: 佐证材料 for the target its caption, reply or report names."""
        caption = without_unseen(caption)
        return chat_evidence.receive_file(self, sender, incoming, caption, replied_message_id)

    def button(self, sender: Sender, data: str) -> list[Reply]:
        """Handle a button press; rights are checked again, forged data does nothing."""
        role = self.role_of(sender)
        prefix, _, rest = data.partition(":")
        spec = self.registry.button(prefix)
        if role is None and not (spec and spec.rights == PUBLIC):
            logger.warning("refused button %r for user %s", data[:80], sender.user_id)
            return [Reply("", toast="您没有权限")]
        if spec is None or len(data.encode()) > MAX_CALLBACK_BYTES:
            return [Reply("", toast="按钮已失效")]
        if not spec.allows(role):
            return [Reply("", toast=spec.refused)]
        try:
            replies = spec.handler(self, sender, role, rest)
            note_pages(self, sender, replies)  # ▶ pressed, then "下一页" typed
            return with_waiting_note(self, sender, replies)
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

    def target(self, number: int) -> TargetSpec | None:
        """Target `number` of the current year as the database holds it now, or None."""
        with reading(self.engine) as session:
            return read_target(session, number, year=self.year, rules=self.config.status)

    def target_reply(self, target: TargetSpec, *, edit: bool = False, lead=None) -> Reply:
        text = render_target(target, self.today, self.config.tz, lead_indicator=lead)
        return Reply(text, target_buttons(target.number), edit=edit)

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
            return Reply(answer.reply, target_buttons(answer.targets[0]))
        # The unit board ("哪个单位最差") names units, not a list of targets to page through:
        # its pages would list the first unit's targets without naming the unit.
        board = str(answer.filter.get("rank", "")).startswith("units")
        # Nor is one line of each listed target's units or deadlines ("这几个谁负责"): its
        # pages would be the targets' status lines, without what was asked.
        own_lines = "aspect" in answer.filter
        if (
            answer.intent == "list"
            and len(answer.targets) > PAGE_SIZE
            and not (board or own_lines)
        ):
            title = list_title(answer.reply)
            return self.paged_list(title, list(answer.targets), notes=answer.notes)
        return Reply(answer.reply)

    def paged_list(
        self, title: str, numbers: list[int], *, year: int | None = None, notes=None
    ) -> Reply:
        """A list reply, ◀ ▶ paged when long; `notes` (number → "逾期") stay on every page."""
        if len(numbers) <= PAGE_SIZE:
            return Reply(self._list_text(title, numbers, year, notes))
        saved = SavedList(title=title[:200], year=year, numbers_json=saved_numbers(numbers, notes))
        with UnitOfWork(self.engine) as uow:
            uow.session.add(saved)
        return self.list_page(saved, 0)

    def _list_text(
        self, title: str, numbers: list[int], year: int | None = None, notes=None
    ) -> str:
        if year is None or year == self.year:
            by_number, today = self.answerer.by_number, self.today
        else:
            with reading(self.engine) as session:
                by_number = read_ledger(session, year=year, rules=self.config.status).by_number()
            today = self.config.status_date(year)
        targets = [by_number[n] for n in numbers if n in by_number]
        return render_list(title, targets, today, notes=notes)

    def list_page(self, saved: SavedList, page: int, *, edit: bool = False) -> Reply:
        numbers, notes = listed_numbers(saved.numbers_json)
        pages = max(1, -(-len(numbers) // PAGE_SIZE))
        page = min(max(page, 0), pages - 1)
        chunk = numbers[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
        text = self._list_text(
            f"{saved.title}（第{page + 1}/{pages}页，共{len(numbers)}项）",
            chunk,
            saved.year,
            notes,
        )
        text = text.replace(f"（共{len(chunk)}项）", "", 1)
        nav = []
        if page > 0:
            nav.append(Button("◀ 上一页", f"page:{saved.id}:{page - 1}"))
        if page < pages - 1:
            nav.append(Button("下一页 ▶", f"page:{saved.id}:{page + 1}"))
        return Reply(text, (tuple(nav),) if nav else (), edit=edit)

    def history_text(self, number: int, year: int | None = None) -> str:
        """A target's audit trail (of `year`, the current one when None)."""
        year = self.year if year is None else year
        with reading(self.engine) as session:
            entries = history(session, number, limit=15, year=year)
        label = "" if year == self.year else f"{year}年"
        core = self.years.answerer(year)
        target = core.by_number.get(number) if core is not None else None
        units = units_now(target.indicators if target is not None else ())
        return history_text(
            entries, number, year=year, year_label=label, tz=self.config.tz, units=units
        )

    def calendar_warning(self) -> str | None:
        """The start-up and /outbox warning when this year or next has no holiday data."""
        return self.calendar.uncovered_warning(self.config.current_date())

    def reminder_context(self) -> tuple[ReminderPolicy, WorkCalendar]:
        return policy_of_config(self.config), self.calendar

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
        with reading(self.engine) as session:
            ledger = read_ledger(session, year=self.config.year, rules=self.config.status)
        # The latest year may be a newer one than the core held (an import meanwhile).
        self.answerer.refresh(ledger, today=self.config.status_date(ledger.year))
        self.years.forget()
