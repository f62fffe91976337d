"""Chat for 佐证材料 and 销号: files sent with a report, /evidence, /close and /unclose.

A file (photo or document) is attached to a target when it comes
- with a `/report N …` caption: the report is filed as usual and the file goes with it;
- as a reply to one of our reminders (its caption, if any, is the report);
- with an admin's `/evidence N 说明` caption;
- without a caption, from a chat that reported within the last REPORT_WINDOW: it goes with
  that report ("right after its /report").
Anything else is answered with what to send instead; nothing is stored.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from bot.app.closing import ClosingRefused, propose_closing, propose_reopening
from bot.app.evidence import attach, files_of, latest_report
from bot.chat.changes import confirm_buttons
from bot.chat.context import ChatContext, shown
from bot.chat.progress_reports import may_report, units_of
from bot.chat.registry import CommandSpec
from bot.chat.reminders import acknowledge_by_reply, reply_to_reminder
from bot.chat.types import (
    ADMIN,
    VIEWER,
    Reply,
    Sender,
    no_such_target,
    parse_target_number,
    split_typed,
)
from bot.domain.evidence import (
    TYPE_LABELS,
    EvidenceError,
    EvidenceFile,
    check_evidence,
    size_label,
)
from bot.domain.ledger import text_problem
from bot.store.models import OutboxEntry, utc_now
from bot.store.outbox import reminder_of_message
from bot.store.uow import UnitOfWork, reading

REPORT_WINDOW = dt.timedelta(minutes=30)
# A caption that only names the file it comes with ("佐证材料", "见附件", "验收照片"): no progress
# to report, so the file is kept as the target's evidence and nothing waits for approval.
FILE_LABEL = re.compile(
    r"(?:见|详见|附|附上|另附|上传|发送|报送)?(?:相关|有关|现场|验收|整改|工作|活动|会议)?"
    r"(?:佐证|证明|图片|照片)?(?:材料|附件|照片|图片|截图|文件|扫描件|复印件|资料)"
    r"(?:见附件|如下|已上传|请查收|请审核)?[。.!！]*"
)
ATTACH_HELP = (
    "请在照片或文件的说明中写 /report 序号 进展（例如 /report {N} 已完工，见验收照片），"
    "或回复督查提醒发送，或先发 /report 再发文件。"
)
EVIDENCE_USAGE = (
    "用法：/evidence 序号，例如 /evidence {N}（管理员可在文件说明中写 /evidence {N} 说明 来上传）"
)
CLOSE_USAGE = (
    "用法：/close 序号 理由，例如 /close {N} 已完工并经现场核实；确需时 /close {N} 强制 理由"
)
UNCLOSE_USAGE = "用法：/unclose 序号 理由，例如 /unclose {N} 复核发现数据有误"
FORCE_WORDS = ("强制", "--force")


@dataclass(frozen=True)
class IncomingFile:
    """A photo or document a person sent, as the front end downloaded it."""

    name: str
    content: bytes
    telegram_file_id: str = ""
    # The size the chat declared for a file too big to download (content then left empty):
    # what it concerns is decided as for any file, and only then is it refused for its size.
    declared_size: int = 0

    def checked(self) -> EvidenceFile:
        """The file as evidence, or EvidenceError saying what to send instead."""
        return check_evidence(self.name, self.content, declared_size=self.declared_size)


def _report_just_filed(service: ChatContext, sender: Sender, since: dt.datetime):
    with reading(service.engine) as session:
        return latest_report(
            session,
            chat_id=sender.chat_id,
            reporter_id=sender.user_id or 0,
            year=service.year,
            since=since,
        )


def _refused_with_its_report(incoming: IncomingFile, number: int, words: str) -> Reply | None:
    """The answer to a report whose file cannot be kept: neither is received, since its words
    speak of that file ("整改报告见附件"), and the unit is shown what to send again."""
    try:
        incoming.checked()
    except EvidenceError as exc:
        again = f"/report {number} {words}".rstrip()
        return Reply(f"未收到这份报送：{exc}\n请改好文件后，连同说明重新发送：\n{again}")
    return None


def _attach(
    service: ChatContext,
    sender: Sender,
    number: int,
    incoming: IncomingFile,
    note: str,
    report_id: int | None,
) -> Reply:
    try:
        file = incoming.checked()
    except EvidenceError as exc:
        return Reply(f"佐证材料未保存：{exc}")
    row, count = attach(
        service.engine,
        number,
        file,
        actor=sender.actor,
        note=note,
        year=service.year,
        telegram_file_id=incoming.telegram_file_id,
        report_id=report_id,
    )
    if row.duplicate:
        when = row.added_at.astimezone(service.config.tz).strftime("%Y-%m-%d %H:%M")
        return Reply(
            f"这份文件已收到过（第{number}项的佐证材料：{row.name}，{when}保存），"
            f"未重复保存，该项共{count}份。如需补充，请发送其他照片或文件。"
        )
    return Reply(
        f"已保存第{number}项的佐证材料：{row.name}（{TYPE_LABELS[row.type]}，"
        f"{size_label(row.size)}），该项共{count}份。"
    )


def _reply_to_reminder_with_file(
    service: ChatContext,
    sender: Sender,
    incoming: IncomingFile,
    caption: str,
    replied_message_id: int,
    reminder: OutboxEntry,
    started: dt.datetime,
) -> list[Reply]:
    """A file sent as a reply to a reminder; its caption is the report."""
    number = reminder.target_number
    if not may_report(service, sender, number):
        return service.refuse(sender, f"evidence {number}")
    if not caption:
        acknowledge_by_reply(service, sender, reminder)
        return [_attach(service, sender, number, incoming, "", None)]
    refused = _refused_with_its_report(incoming, number, caption)
    if refused is not None:
        return [refused]
    replies = reply_to_reminder(service, sender, replied_message_id, caption) or []
    report = _report_just_filed(service, sender, started)
    if report is None:
        return replies or [Reply(ATTACH_HELP)]
    return [*replies, _attach(service, sender, number, incoming, caption, report.id)]


def receive_file(
    service: ChatContext,
    sender: Sender,
    incoming: IncomingFile,
    caption: str,
    replied_message_id: int | None = None,
) -> list[Reply]:
    """Attach a sent file to the target its caption, reply or recent report names."""
    typed = _as_report(service, sender, (caption or "").strip())  # kept as typed (，stays)
    caption = unicodedata.normalize("NFKC", typed)
    started = utc_now() - dt.timedelta(seconds=1)
    head, _, _ = caption.partition(" ")
    rest = split_typed(typed)[1]
    words = rest.split(maxsplit=1)
    command = head.split("@", 1)[0].lower()
    if command == "/report":
        number = parse_target_number(words[0]) if words else None
        if number is not None and service.target(number) and may_report(service, sender, number):
            note = words[1].strip() if len(words) > 1 else ""
            refused = _refused_with_its_report(incoming, number, note)
            if refused is not None:
                return [refused]
            if not note or FILE_LABEL.fullmatch(note):
                # "/report 35" or "/report 35 佐证材料" under a file: the file is the report
                return [_attach(service, sender, number, incoming, note, None)]
        replies = service.command(sender, "report", rest)
        report = _report_just_filed(service, sender, started)
        if number is None or report is None or report.target_number != number:
            return replies  # the report was refused or malformed: its answer says why
        note = words[1].strip() if len(words) > 1 else ""
        return [*replies, _attach(service, sender, number, incoming, note, report.id)]
    if command == "/evidence":
        if service.role_of(sender) != ADMIN:
            return [Reply("只有管理员可以直接上传佐证材料。" + ATTACH_HELP)]
        number = parse_target_number(words[0]) if words else None
        note = words[1] if len(words) > 1 else ""
        if number is None or service.target(number) is None:
            return [Reply(f"{_missing(service, number)}{EVIDENCE_USAGE}")]
        problem = text_problem(note)
        if problem:
            return [Reply(f"说明{problem}。{EVIDENCE_USAGE}")]
        return [_attach(service, sender, number, incoming, note.strip(), None)]
    if replied_message_id is not None:
        with reading(service.engine) as session:
            reminder = reminder_of_message(session, sender.chat_id, replied_message_id)
        if reminder is not None:
            return _reply_to_reminder_with_file(
                service, sender, incoming, typed, replied_message_id, reminder, started
            )
    if not caption:
        report = _report_just_filed(service, sender, utc_now() - REPORT_WINDOW)
        if report is not None:
            return [_attach(service, sender, report.target_number, incoming, "", report.id)]
    if sender.chat_type != "private":
        return []  # a group's own photos and files are none of the bot's business
    if service.role_of(sender) is None:
        return service.refuse(sender, "file")
    lines = [f"没有收下这个文件：不知道它是哪一项目标的佐证材料。{ATTACH_HELP}"]
    if service.role_of(sender) == ADMIN:  # /report is a unit's: an admin keeps a file so
        lines.append("管理员可在说明中写 /evidence 序号 说明，直接保存为该项的佐证材料。")
    if service.role_of(sender) == ADMIN and incoming.name.lower().endswith((".xlsx", ".csv")):
        # an admin sending the ledger sheet back after editing it: imports are the CLI's
        lines.append(
            "如果这是修改后的台账表格：聊天中不能导入台账，请在服务器上运行 "
            "python main.py import 文件名（xlsx 或 csv），导入前会整表检查，有错不导入。"
        )
    return [Reply("\n".join(lines))]


# A caption that starts by naming a target ("第30项已完工，见照片", "30号：已完工"), or /report
# run into its number ("/report30 已完工").
_NAMED_FIRST = re.compile(r"(?:第\s*(\d{1,6})\s*项|(\d{1,6})\s*号)[\s，,：:。]*(\S.*)", re.S)
_REPORT_RUN_ON = re.compile(r"(/report(?:@\w+)?)(?=\d)", re.I)


def _as_report(service: ChatContext, sender: Sender, typed: str) -> str:
    """A unit's caption written as people write it, read as the /report it means: its words
    after a target of the unit's own, named first, or a number run into /report."""
    normal = unicodedata.normalize("NFKC", typed)
    if run_on := _REPORT_RUN_ON.match(normal):  # NFKC keeps the length of "／ｒｅｐｏｒｔ"
        return f"{typed[: run_on.end()]} {typed[run_on.end() :]}"
    named = _NAMED_FIRST.match(normal)
    if named is None or not (units := units_of(service, sender)):
        return typed
    number = int(named.group(1) or named.group(2))
    target = service.target(number)
    if target is None or not any(u.name in units for u in target.units):
        return typed
    return f"/report {number} {typed[named.start(3) :]}"


def cmd_evidence(service: ChatContext, sender: Sender, args: str) -> list[Reply]:
    """/evidence 序号: list a target's 佐证材料 and send the files back."""
    number = parse_target_number(args.split(" ", 1)[0]) if args else None
    target = service.target(number) if number is not None else None
    if target is None:
        missing = _missing(service, number)
        return [Reply(f"{missing}{EVIDENCE_USAGE}")]
    with reading(service.engine) as session:
        rows, contents = files_of(session, number, year=service.year, limit=10)
    if not rows:
        how = f"单位在照片或文件的说明中写 /report {number} 进展 即可报送"
        none = Reply(f"第{number}项 {target.title} 还没有佐证材料（{how}）。")
        return [shown(service, sender, none, number, service.year)]
    tz = service.config.tz
    lines = [f"第{number}项 {target.title} 的佐证材料（{len(rows)}份）："]
    for row in rows:
        when = row.added_at.astimezone(tz).strftime("%Y-%m-%d %H:%M")
        note = f"，{row.note}" if row.note else ""
        lines.append(
            f"· #{row.id} {row.name}（{size_label(row.size)}，{row.added_by}，{when}{note}）"
        )
    if len(rows) > len(contents):
        lines.append(
            f"以下发送前{len(contents)}份；其余请用命令行 "
            f"python main.py evidence list {number} 查看。"
        )
    replies = [shown(service, sender, Reply("\n".join(lines)), number, service.year)]
    replies += [
        Reply(row.name, document=(row.name, content))
        for row, content in zip(rows, contents, strict=False)
    ]
    return replies


def _number_and_reason(args: str) -> tuple[int | None, bool, str]:
    """(number, forced, reason); the reason keeps its own characters (full-width ，stays)."""
    number_text, _, rest = args.strip().partition(" ")
    rest = rest.strip()
    forced = False
    for word in FORCE_WORDS:
        if unicodedata.normalize("NFKC", rest).startswith(word):
            forced, rest = True, rest[len(word) :].strip()
    return parse_target_number(number_text), forced, rest


def _missing(service: ChatContext, number: int | None) -> str:
    """ "台账中没有第99项目标（共66项）。" before the usage, when a number was written."""
    if number is None:
        return ""
    return no_such_target(service.answerer.ledger, number)


def _parse_closing(service: ChatContext, args: str, usage: str) -> tuple[int, bool, str] | Reply:
    """(number, forced, reason) of /close or /unclose, or the reply that says what to type."""
    number, forced, reason = _number_and_reason(args)
    if number is None or service.target(number) is None:
        return Reply(f"{_missing(service, number)}{usage}")
    problem = text_problem(reason)
    if problem:
        return Reply(f"理由{problem}。{usage}")
    return number, forced, reason


def cmd_close(service: ChatContext, sender: Sender, args: str) -> list[Reply]:
    """/close 序号 [强制] 理由: propose 销号 of a done target with evidence, written on 确认."""
    parsed = _parse_closing(service, args, CLOSE_USAGE)
    if isinstance(parsed, Reply):
        return [parsed]
    number, forced, reason = parsed
    try:
        with UnitOfWork(service.engine) as uow:
            pending = propose_closing(
                uow, number, reason, admin_id=sender.user_id or 0, actor=sender.actor,
                now=service.config.now(), status_day=service.today, forced=forced,
                year=service.year, rules=service.config.status,
            )  # fmt: skip
    except ClosingRefused as exc:
        return [Reply(str(exc))]
    return [confirm_buttons(pending)]


def cmd_unclose(service: ChatContext, sender: Sender, args: str) -> list[Reply]:
    """/unclose 序号 理由: propose reopening a closed target; written on 确认."""
    parsed = _parse_closing(service, args, UNCLOSE_USAGE)
    if isinstance(parsed, Reply):
        return [parsed]
    number, _, reason = parsed
    try:
        with UnitOfWork(service.engine) as uow:
            pending = propose_reopening(
                uow, number, reason, admin_id=sender.user_id or 0, year=service.year
            )
    except ClosingRefused as exc:
        return [Reply(str(exc))]
    return [confirm_buttons(pending)]


COMMANDS = (
    CommandSpec("evidence", VIEWER, "佐证材料：/evidence 序号", cmd_evidence, EVIDENCE_USAGE),
    CommandSpec("close", ADMIN, "销号：/close 序号 理由", cmd_close, CLOSE_USAGE),
    CommandSpec("unclose", ADMIN, "取消销号：/unclose 序号 理由", cmd_unclose, UNCLOSE_USAGE),
)
