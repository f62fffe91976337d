"""The shared grammar of admin commands: errors, proposals, limits and the pieces every
command's parser uses (target numbers, dates, words), and the `Grammar` declaration."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from types import MappingProxyType

from bot.domain.echo import echoed
from bot.domain.fields import FieldChange
from bot.domain.ledger import TargetSpec

AUTO_STATUS = "自动"
NEW_DEADLINE_TEXT = "补充时限"
NOTE_MAX_CHARS = 2000
REASON_MAX_CHARS = 500
AS_OF_MAX_CHARS = 50
DEADLINE_TEXT_MAX_CHARS = 50
UNIT_NAME_MAX_CHARS = 40
ALIAS_MAX_CHARS = 20
VALUE_MAX_CHARS = 30
MAX_TARGET_NUMBER = 99999
EMPTY = "—"

ROLE_WORDS = MappingProxyType(
    {"牵头": "lead", "配合": "assist", "lead": "lead", "assist": "assist"}
)

TARGET_RE = re.compile(r"第?([0-9]+)[项号]?")  # 12, 第12项, 12号
NUMBER_RE = re.compile(r"(-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?)(.*)", re.DOTALL)
# Written in exponent form ("1e5"): refused with the figure rule's own reason.
EXPONENT_RE = re.compile(r"(-?[0-9.,]+[eE][+-]?[0-9]+)(.*)", re.DOTALL)
NUMBERISH_RE = re.compile(r"[0-9A-Za-z.,+\-_]")
# 2021-12-31, 2021/12/31, 2021.12.31 or 2021年12月31日: how dates are typed in an office.
DATE_RE = re.compile(r"([0-9]{4})(?:[-/.]|年)([0-9]{1,2})(?:[-/.]|月)([0-9]{1,2})日?")


class CommandError(Exception):
    """A user mistake; str(exc) is the Chinese message to show, including the correct form."""


class FigureOutOfBounds(CommandError):
    """A figure beyond the ledger's figure rule (bot.domain.ledger.parse_figure)."""


class AsOfRefused(CommandError):
    """As-of words naming a day no calendar has, or a day after today."""


class NothingToChange(CommandError):
    """Every value proposed is the one the ledger already holds."""


@dataclass(frozen=True)
class Proposal:
    command: str  # "set", "status", ...
    target: int
    changes: tuple[FieldChange, ...]  # new values, encoded by bot.domain.fields
    summary: str  # old → new, one line per change
    reason: str = ""


Lookup = Callable[[int], TargetSpec | None]


@dataclass(frozen=True)
class Grammar:
    """One admin command, declared once: what /help says, its correct form, its words in the
    order they are typed (the last takes the rest), and its parser."""

    name: str
    help: str
    usage: str
    words: tuple[str, ...]
    parse: Callable[[str, Lookup, dt.date], Proposal]
    # The last word is words a person writes for the ledger to keep (a note, a reason): it
    # reaches the parser as typed, full-width ，。：（） included, never NFKC-normalised.
    typed_tail: bool = False
    # The parser also takes the ledger's year (`year=`): /set dates an undated figure in it.
    takes_year: bool = False


# --- shared pieces ---------------------------------------------------------------------


def show_value(value: str) -> str:
    return value if value else EMPTY


def one_line(value: str) -> str:
    return " ".join(value.split())


def split_words(text: str, parts: int) -> list[str]:
    """At most `parts` pieces; the last keeps its inner spacing."""
    return text.split(maxsplit=parts - 1) if text else []


def target_of(token: str, lookup: Lookup) -> TargetSpec:
    found = TARGET_RE.fullmatch(token)
    if found is None:
        raise CommandError(f"“{echoed(token)}”不是目标序号，请写数字，例如 12 或 第12项")
    digits = found.group(1).lstrip("0") or "0"
    if len(digits) > len(str(MAX_TARGET_NUMBER)) or int(digits) > MAX_TARGET_NUMBER:
        raise CommandError(f"台账中没有第{digits}项目标")
    number = int(digits)
    target = lookup(number)
    if target is None:
        raise CommandError(f"台账中没有第{number}项目标")
    return target


def head(text: str, lookup: Lookup) -> tuple[TargetSpec, str]:
    """The target named by the first word, and the rest of the text."""
    pieces = split_words(text, 2)
    if not pieces:
        raise CommandError("缺少目标序号")
    target = target_of(pieces[0], lookup)
    return target, pieces[1].strip() if len(pieces) > 1 else ""


def parse_date(token: str) -> dt.date | None:
    found = DATE_RE.fullmatch(token)
    if found is None:
        return None
    try:
        return dt.date(*(int(g) for g in found.groups()))
    except ValueError:
        return None


def make_proposal(
    command: str,
    target: TargetSpec,
    changes: list[tuple[str, str, str]],
    lines: list[str],
    reason: str = "",
) -> Proposal:
    """`changes` holds (field, old, new); refuse a proposal that would change nothing."""
    if all(old == new for _, old, new in changes):
        raise NothingToChange(f"第{target.number}项没有需要修改的内容（新值与现值相同）")
    return Proposal(
        command=command,
        target=target.number,
        changes=tuple(FieldChange(target.number, name, new) for name, _, new in changes),
        summary="\n".join(lines),
        reason=reason,
    )


def one_word(rest: str, missing: str, extra_hint: str = "") -> str:
    """The single word left after the target number, or a CommandError."""
    pieces = rest.split()
    if not pieces:
        raise CommandError(missing)
    if len(pieces) > 1:
        raise CommandError(f"多余的内容：“{' '.join(pieces[1:])}”{extra_hint}")
    return pieces[0]
