"""Plain types shared by the chat core and its command modules (no transport)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from bot.render.buttons import Button, shown_text
from bot.understanding.conversation import Conversation

ADMIN, VIEWER = "admin", "viewer"


@dataclass(frozen=True)
class Reply:
    text: str  # plain text: front ends escape it for HTML
    buttons: tuple[tuple[Button, ...], ...] = ()
    edit: bool = False  # replace the message whose button was pressed
    toast: str = ""  # the short answer to a button press
    document: tuple[str, bytes] | None = None  # (file name, content) sent as a file
    photo: bytes | None = None  # a PNG picture; `text` is its caption
    # What this answer was about: the front end pins it under the message it sends, so that
    # a reply to that message is a follow-up on it (Conversations.pin / resume).
    context: Conversation | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        # Every reply, from every command, button and answer, passes here: echoed input and
        # ledger text alike lose what could hide or reorder what the reader sees.
        object.__setattr__(self, "text", shown_text(self.text))
        object.__setattr__(self, "toast", shown_text(self.toast))


# A user or chat id as an admin writes it (/grant, /subscribe, the CLI): Telegram's ids fit in
# 52 bits, so 16 digits at most; a longer one is a typo, and one past 64 bits fits no column.
TELEGRAM_ID = re.compile(r"-?\d{1,16}")


@dataclass(frozen=True)
class Sender:
    user_id: int | None  # None for channel posts and updates with no `from`
    chat_id: int
    chat_type: str = "private"
    anonymous: bool = False  # a message sent as the group (anonymous admin)
    actor: str = ""  # how the audit trail names this person, e.g. "tg:42"
    fixed_role: str | None = None  # the console sets the role directly
    name: str = ""  # the display name the chat shows (never grants anything)


def target_buttons(number: int) -> tuple[tuple[Button, ...], ...]:
    return ((Button("详情", f"detail:{number}"), Button("变更记录", f"hist:{number}")),)


def parse_target_number(text: str) -> int | None:
    """ "12", "第12项", "12号" or full-width "１２" → 12; None for anything else."""
    text = unicodedata.normalize("NFKC", text).strip()
    m = re.fullmatch(r"第?\s*(\d{1,6})\s*[项号]?", text)
    return int(m.group(1)) if m else None


def split_typed(text: str) -> tuple[str, str]:
    """A command's first word NFKC-normalised ("／report" → "/report") and the words after it
    as typed, so that a note or a report keeps its full-width ，。（）."""
    words = text.split(maxsplit=1)
    if not words:
        return "", ""
    return unicodedata.normalize("NFKC", words[0]), words[1] if len(words) > 1 else ""


def ask_the_office(office: str) -> str:
    """ "请联系西平县督查局管理员": whom someone without the rights is sent to, as configured."""
    return f"请联系{office}管理员"


def no_such_target(ledger, number: int) -> str:
    """What every command says of a number a year's ledger does not hold."""
    return f"{ledger.year}年台账中没有第{number}项目标（共{len(ledger.targets)}项）。"


# Characters a paste from WeChat, Word or a web page carries unseen (zero-width space, word
# joiner, byte-order mark, soft hyphen): "25.1亿元\u200b" read as typed was "单位不符…你输入的是
# 亿元". The zero-width joiner stays: emoji are made with it.
_UNSEEN = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad"))


def without_unseen(text: str) -> str:
    """`text` without the invisible characters a paste carries, so it reads as it looks."""
    return text.translate(_UNSEEN)
