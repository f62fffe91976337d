"""The console chat: the same core as Telegram, with numbered choices instead of buttons."""

from __future__ import annotations

import logging
import unicodedata
from pathlib import Path
from typing import TextIO

from bot.chat.evidence import IncomingFile
from bot.chat.service import ChatService
from bot.chat.types import Button, Reply, Sender
from bot.domain.evidence import MAX_BYTES
from bot.domain.status import as_of_label, year_closed
from bot.store.housekeeping import prune

logger = logging.getLogger(__name__)
CONSOLE_CHAT_ID = 0


def console_sender(role: str) -> Sender:
    return Sender(user_id=0, chat_id=CONSOLE_CHAT_ID, actor="console", fixed_role=role)


PROMPT = "> "


def _numbered(name: str, copy: int) -> str:
    """`photo.png`, then `photo (2).png`, `photo (3).png`…"""
    if copy == 1:
        return name
    suffix = Path(name).suffix
    stem = name[: len(name) - len(suffix)] if suffix else name
    return f"{stem} ({copy}){suffix}"


def _save(folder: Path, name: str, content: bytes, out: TextIO) -> None:
    # Files and pictures cannot be shown in a terminal: save them where the user can open them.
    # Several files may share a name (every phone's `photo.png`): each gets its own file,
    # never one over another; the reply keeps showing the name it was sent with.
    folder.mkdir(parents=True, exist_ok=True)
    copy = 1
    while True:
        path = folder / _numbered(name, copy)
        try:
            with path.open("xb") as file:
                file.write(content)
            break
        except FileExistsError:
            copy += 1
    shown = "文件已保存" if path.name == name else f"“{name}”已保存为"
    out.write(f"（{shown}：{path}）\n")


def _render(replies: list[Reply], out: TextIO, folder: Path) -> list[Button]:
    """Print replies; return the buttons, numbered in the order shown."""
    choices: list[Button] = []
    for reply in replies:
        if reply.document is not None:
            _save(folder, reply.document[0], reply.document[1], out)
        if reply.photo is not None:
            _save(folder, "chart.png", reply.photo, out)
        if reply.toast and not reply.text:
            out.write(f"（{reply.toast}）\n")
        if reply.text:
            out.write(reply.text + "\n")
        labels = []
        for row in reply.buttons:
            for button in row:
                choices.append(button)
                labels.append(f"[{len(choices)}] {button.label}")
        if labels:
            out.write("  ".join(labels) + "  （输入编号选择）\n")
    return choices


FILE_USAGE = (
    "用法：/file 文件路径 [说明]，例如 /file 验收照片.jpg /report 30 已完工"
    "（说明同 Telegram 图片说明）"
)


def send_file(service: ChatService, sender: Sender, args: str) -> list[Reply]:
    """The console's stand-in for sending a photo or file: `/file PATH [caption]`."""
    path_text, _, caption = args.strip().partition(" ")
    if not path_text:
        return [Reply(FILE_USAGE)]
    path = Path(path_text).expanduser()
    if not path.is_file():
        return [Reply(f"找不到文件 {path}。{FILE_USAGE}")]
    if path.stat().st_size > MAX_BYTES:
        return [Reply("文件超过20MB上限，未保存。请压缩或拆分后再发。")]
    return service.file(sender, IncomingFile(path.name, path.read_bytes()), caption.strip())


def printing_send(stdout: TextIO):
    """Messages to other chats (催办, report outcomes) are printed instead of sent."""
    counter = iter(range(1, 1_000_000))

    def send(chat_id: int, text: str, buttons=()) -> int:
        labels = " ".join(f"[{b.label}]" for row in buttons for b in row)
        stdout.write(f"\n[发往 {chat_id}]\n{text}\n" + (f"{labels}\n" if labels else ""))
        return next(counter)

    return send


def first_screen(service: ChatService, role: str) -> str:
    """What the console shows first: which ledger, how big, and which day it is judged on."""
    ledger = service.answerer.ledger
    day = service.today
    judged = as_of_label(day, ledger.year)
    if service.config.today is not None:
        judged += "（配置中固定的日期）"
    lines = [
        f"督查台账助手（控制台，{'管理员' if role == 'admin' else '查看者'}身份）",
        f"台账：{ledger.year}年 {ledger.title}，共{len(ledger.targets)}项目标",
        f"数据：{service.answerer.data_date().split('，')[0]}",
        f"状态计算日：{judged}",
    ]
    if year_closed(day, ledger.year) and service.config.today is None:
        lines.append(f"{ledger.year}年度已结束：各项目标按年末状态显示，不再计算逾期天数。")
    warning = service.calendar_warning()
    if warning and role == "admin":
        lines.append(warning)
    example = service.answerer.examples.target
    lines.append(f"直接输入问题，如“{example}”“哪些没完成”；/help 查看命令；Ctrl-D 退出。")
    return "\n".join(lines)


def _lines(stdin: TextIO, stdout: TextIO):
    """Lines typed after a prompt; `input()` (with readline editing) on a terminal."""
    if stdin.isatty() and stdout.isatty():
        try:
            import readline  # noqa: F401  (importing it is what turns on editing and history)
        except ImportError:  # not every Python build has it
            pass
        while True:
            try:
                yield input(PROMPT)
            except EOFError:
                stdout.write("\n")
                return
    while True:
        stdout.write(PROMPT)
        stdout.flush()
        raw = stdin.readline()
        if not raw:
            stdout.write("\n")
            return
        # Piped input is not echoed by a terminal: echo it, so the transcript reads as typed.
        stdout.write(raw if raw.endswith("\n") else raw + "\n")
        yield raw


def _bare_label(text: str) -> str:
    """A label as one types it: without the page arrows and spaces ("下一页 ▶" → "下一页")."""
    return "".join(unicodedata.normalize("NFKC", text).replace("◀", "").replace("▶", "").split())


def _chosen(line: str, choices: list[Button]) -> Button | None:
    """The button a typed line presses: its number as shown, or its label ("确认", "下一页")."""
    if line.isdigit():
        return choices[int(line) - 1] if 1 <= int(line) <= len(choices) else None
    typed = _bare_label(line)
    return next((b for b in choices if _bare_label(b.label) == typed), None)


def run_console(service: ChatService, role: str, stdin: TextIO, stdout: TextIO) -> int:
    """Read lines until EOF: /commands, numbered choices, or questions."""
    sender = console_sender(role)
    if service.send is None:
        service.send = printing_send(stdout)
    service.recover_interrupted()
    prune(service.engine, service.config.housekeeping)
    folder = service.config.var_dir / "out"
    stdout.write(first_screen(service, role) + "\n\n")
    choices: list[Button] = []
    for raw in _lines(stdin, stdout):
        line = raw.strip()
        if not line:
            continue
        try:
            if (chosen := _chosen(line, choices)) is not None:
                replies = service.button(sender, chosen.data)
            elif line == "/file" or line.startswith("/file "):
                replies = send_file(service, sender, line.removeprefix("/file"))
            elif line.startswith("/"):
                head, args = [*line[1:].split(maxsplit=1), "", ""][:2]  # "/" alone: ("", "")
                replies = service.command(sender, head.split("@")[0], args)
            else:
                replies = service.question(sender, line)
        except Exception:  # one failing line must not end the session
            logger.exception("console: error while handling %r", line[:200])
            replies = [Reply(f"系统繁忙，请稍后再试。（详情见 {service.config.log_file}）")]
        choices = _render(replies, stdout, folder)
        stdout.write("\n")
        stdout.flush()
    return 0
