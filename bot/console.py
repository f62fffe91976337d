"""The console chat: the same core as Telegram, with numbered choices instead of buttons."""

from __future__ import annotations

import logging
from typing import TextIO

from bot.chat import Button, ChatService, Reply, Sender
from bot.config import PROJECT_ROOT
from bot.housekeeping import prune

logger = logging.getLogger(__name__)
CONSOLE_CHAT_ID = 0


def console_sender(role: str) -> Sender:
    return Sender(user_id=0, chat_id=CONSOLE_CHAT_ID, actor="console", fixed_role=role)


def _save(name: str, content: bytes, out: TextIO) -> None:
    # Files and pictures cannot be shown in a terminal: save them where the user can open them.
    folder = PROJECT_ROOT / "var" / "out"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(content)
    out.write(f"（文件已保存：{path}）\n")


def _render(replies: list[Reply], out: TextIO) -> list[Button]:
    """Print replies; return the buttons, numbered in the order shown."""
    choices: list[Button] = []
    for reply in replies:
        if reply.document is not None:
            _save(reply.document[0], reply.document[1], out)
        if reply.photo is not None:
            _save("chart.png", reply.photo, out)
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


def printing_send(stdout: TextIO):
    """Messages to other chats (催办, report outcomes) are printed instead of sent."""
    counter = iter(range(1, 1_000_000))

    def send(chat_id: int, text: str) -> int:
        stdout.write(f"\n[发往 {chat_id}]\n{text}\n")
        return next(counter)

    return send


def run_console(service: ChatService, role: str, stdin: TextIO, stdout: TextIO) -> int:
    """Read lines until EOF: /commands, numbered choices, or questions."""
    sender = console_sender(role)
    if service.send is None:
        service.send = printing_send(stdout)
    service.recover_interrupted()
    prune(service.engine, service.config.housekeeping)
    stdout.write("督查台账助手（控制台）。直接输入问题，/help 查看命令，Ctrl-D 退出。\n")
    choices: list[Button] = []
    for raw in stdin:
        line = raw.strip()
        if not line:
            continue
        try:
            if line.isdigit() and choices and 1 <= int(line) <= len(choices):
                replies = service.button(sender, choices[int(line) - 1].data)
            elif line.startswith("/"):
                head, _, args = line[1:].partition(" ")
                replies = service.command(sender, head.split("@")[0], args)
            else:
                replies = service.question(sender, line)
        except Exception:  # one failing line must not end the session
            logger.exception("console: error while handling %r", line[:200])
            replies = [Reply("系统繁忙，请稍后再试。")]
        stdout.write("\n")
        choices = _render(replies, stdout)
        stdout.write("\n")
        stdout.flush()
    return 0
