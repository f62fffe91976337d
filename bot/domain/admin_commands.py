"""Admin commands as text in, a validated change proposal out.

`propose` turns the argument text of an admin command ("12 新增贷款 25.1亿元") into a
`Proposal`: the `FieldChange`s encoded exactly as `bot.store.ledger_store` reads and writes
them, and a one-line-per-change summary for the admin to confirm. It never touches the
database (the
current target comes from a lookup function) and knows nothing of the chat transport.
Every user mistake is a `CommandError` whose text is the Chinese message to show, ending
with the correct form of the command. Control characters are refused in every field
(`bot.domain.ledger.text_problem`); a newline or a tab survives only in /note and /status reasons.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace

from bot.domain.fields import FieldChange
from bot.domain.ledger import (
    FIGURE_RULE,
    KNOWN_UNITS,
    ROLE_LABELS,
    STATUSES,
    DeadlineSpec,
    FigureError,
    IndicatorSpec,
    TargetSpec,
    UnitSpec,
    parse_decimal,
    parse_figure,
    text_problem,
)
from bot.render.target_view import unit_label

USAGE: dict[str, str] = {
    "set": "/set 序号 指标 值 [数据时点]，例如：/set 12 新增贷款 25.1亿元",
    "status": "/status 序号 状态 理由，例如：/status 12 滞后 资金未到位；/status 12 自动",
    "note": "/note 序号 文本，例如：/note 12 11月新增贷款1.2亿元",
    "deadline": "/deadline 序号 YYYY-MM-DD [说明]，例如：/deadline 12 2021-01-31 年底前",
    "done": "/done 序号 [里程碑]，例如：/done 12 年底前 或 /done 12 2020-12-31",
    "reopen": "/reopen 序号 [里程碑]，例如：/reopen 5 10月底之前",
    "assign": "/assign 序号 单位 [牵头|配合]，例如：/assign 12 县财政局 配合",
    "unassign": "/unassign 序号 单位，例如：/unassign 12 县财政局",
    "alias": "/alias 序号 词，例如：/alias 12 信贷",
}
ADMIN_PROPOSAL_COMMANDS = (
    "set",
    "status",
    "note",
    "deadline",
    "done",
    "reopen",
    "assign",
    "unassign",
    "alias",
)

# What each command's words are, in the order they are typed; the last takes the rest.
FIELD_LABELS: dict[str, tuple[str, ...]] = {
    "set": ("序号", "指标", "数值", "单位或数据时点"),
    "status": ("序号", "状态", "理由"),
    "note": ("序号", "补充内容"),
    "deadline": ("序号", "日期", "说明"),
    "done": ("序号", "里程碑"),
    "reopen": ("序号", "里程碑"),
    "assign": ("序号", "单位", "角色"),
    "unassign": ("序号", "单位"),
    "alias": ("序号", "别名"),
}

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

ROLE_WORDS = {"牵头": "lead", "配合": "assist", "lead": "lead", "assist": "assist"}

_TARGET_RE = re.compile(r"第?([0-9]+)项?")
_NUMBER_RE = re.compile(r"(-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?)(.*)", re.DOTALL)
# Written in exponent form ("1e5"): refused with the figure rule's own reason.
_EXPONENT_RE = re.compile(r"(-?[0-9.,]+[eE][+-]?[0-9]+)(.*)", re.DOTALL)
_NUMBERISH_RE = re.compile(r"[0-9A-Za-z.,+\-_]")
_DATE_RE = re.compile(r"([0-9]{4})[-/]([0-9]{1,2})[-/]([0-9]{1,2})")


class CommandError(Exception):
    """A user mistake; str(exc) is the Chinese message to show, including the correct form."""


class FigureOutOfBounds(CommandError):
    """A figure beyond the ledger's figure rule (bot.domain.ledger.parse_figure)."""


@dataclass(frozen=True)
class Proposal:
    command: str  # "set", "status", ...
    target: int
    changes: tuple[FieldChange, ...]  # new values, encoded as bot.store.ledger_store reads them
    summary: str  # old → new, one line per change
    reason: str = ""


Lookup = Callable[[int], TargetSpec | None]


def propose(command: str, args: str, lookup: Lookup, *, today: dt.date) -> Proposal:
    """The validated proposal for one admin command, or CommandError with the correct form."""
    name = unicodedata.normalize("NFKC", command or "").strip().lstrip("/").lower()
    if name not in _HANDLERS:
        known = "、".join(f"/{c}" for c in ADMIN_PROPOSAL_COMMANDS)
        raise CommandError(f"没有这个命令：{command}。可用的命令：{known}")
    text = unicodedata.normalize("NFKC", args or "").strip()
    try:
        _refuse_control_characters(name, text)
        return _HANDLERS[name](text, lookup, today)
    except CommandError as exc:
        raise type(exc)(f"{exc}\n用法：{USAGE[name]}") from None


def _refuse_control_characters(command: str, text: str) -> None:
    """CommandError naming the field that holds a control character, if any does.

    Newlines and tabs separate the words (and survive only in the multi-line note and
    reason); every other control character is refused wherever it is.
    """
    problem = text_problem(text, multiline=True)
    if problem is None:
        return
    bad = next(i for i, ch in enumerate(text) if text_problem(ch, multiline=True))
    before = text[:bad]
    words = len(before.split()) + (1 if not before or before[-1].isspace() else 0)
    labels = FIELD_LABELS[command]
    raise CommandError(f"{labels[min(words, len(labels)) - 1]}{problem}")


# --- shared pieces ---------------------------------------------------------------------


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _units_json(units) -> str:
    return _dump([[u.name, u.role, u.source] for u in units])


def _deadlines_json(deadlines) -> str:
    ordered = sorted(deadlines, key=lambda d: d.date)
    return _dump([[d.date.isoformat(), d.text, d.done] for d in ordered])


def _aliases_json(aliases) -> str:
    return _dump(sorted(dict.fromkeys(aliases)))


def _show(value: str) -> str:
    return value if value else EMPTY


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _split(text: str, parts: int) -> list[str]:
    """At most `parts` pieces; the last keeps its inner spacing."""
    return text.split(maxsplit=parts - 1) if text else []


def _target(token: str, lookup: Lookup) -> TargetSpec:
    found = _TARGET_RE.fullmatch(token)
    if found is None:
        raise CommandError(f"“{token}”不是目标序号，请写数字，例如 12 或 第12项")
    digits = found.group(1).lstrip("0") or "0"
    if len(digits) > len(str(MAX_TARGET_NUMBER)) or int(digits) > MAX_TARGET_NUMBER:
        raise CommandError(f"台账中没有第{digits}项目标")
    number = int(digits)
    target = lookup(number)
    if target is None:
        raise CommandError(f"台账中没有第{number}项目标")
    return target


def _head(text: str, lookup: Lookup) -> tuple[TargetSpec, str]:
    """The target named by the first word, and the rest of the text."""
    pieces = _split(text, 2)
    if not pieces:
        raise CommandError("缺少目标序号")
    target = _target(pieces[0], lookup)
    return target, pieces[1].strip() if len(pieces) > 1 else ""


def _parse_date(token: str) -> dt.date | None:
    found = _DATE_RE.fullmatch(token)
    if found is None:
        return None
    try:
        return dt.date(*(int(g) for g in found.groups()))
    except ValueError:
        return None


def _proposal(
    command: str,
    target: TargetSpec,
    changes: list[tuple[str, str, str]],
    lines: list[str],
    reason: str = "",
) -> Proposal:
    """`changes` holds (field, old, new); refuse a proposal that would change nothing."""
    if all(old == new for _, old, new in changes):
        raise CommandError(f"第{target.number}项没有需要修改的内容（新值与现值相同）")
    return Proposal(
        command=command,
        target=target.number,
        changes=tuple(FieldChange(target.number, name, new) for name, _, new in changes),
        summary="\n".join(lines),
        reason=reason,
    )


# --- /set ------------------------------------------------------------------------------


def _indicator(target: TargetSpec, given: str) -> IndicatorSpec:
    names = "、".join(i.name for i in target.indicators)
    if not target.indicators:
        raise CommandError(f"第{target.number}项没有可填报的指标")
    exact = [i for i in target.indicators if i.name == given]
    if exact:
        return exact[0]
    folded = given.casefold()
    same = [i for i in target.indicators if i.name.casefold() == folded]
    if len(same) == 1:
        return same[0]
    near = [
        i for i in target.indicators if folded in i.name.casefold() or i.name.casefold() in folded
    ]
    if len(same) > 1 or len(near) > 1:
        several = "、".join(i.name for i in (same or near))
        raise CommandError(f"“{given}”可指第{target.number}项的多个指标：{several}，请写全名")
    if near:
        return near[0]
    raise CommandError(f"第{target.number}项没有指标“{given}”。该项的指标：{names}")


def _bad_number(token: str) -> CommandError:
    return CommandError(f"数值无效：“{token}”，请写数字，例如 25.1、41 或 156,299")


def _unit_error(target: TargetSpec, ind: IndicatorSpec, typed: str) -> CommandError:
    if ind.unit:
        return CommandError(
            f"单位不符：第{target.number}项“{ind.name}”的单位是{ind.unit}，你输入的是{typed}"
        )
    return CommandError(
        f"单位不符：第{target.number}项“{ind.name}”没有单位，只填数字即可，你输入的是{typed}"
    )


def _shown(token: str, limit: int = VALUE_MAX_CHARS) -> str:
    return token if len(token) <= limit else token[: limit - 1] + "…"


def _value(target: TargetSpec, ind: IndicatorSpec, token: str) -> tuple[str, str]:
    """(number as typed without separators, unit typed or "")."""
    found = _EXPONENT_RE.fullmatch(token) or _NUMBER_RE.fullmatch(token)
    if found is None:
        raise _bad_number(token)
    number, unit = found.group(1).replace(",", ""), found.group(2)
    try:
        parse_figure(number)
    except FigureError as exc:
        raise FigureOutOfBounds(f"数值无效：“{_shown(token)}”{exc}。{FIGURE_RULE}") from None
    if len(token) > VALUE_MAX_CHARS or (unit and _NUMBERISH_RE.match(unit)):
        raise _bad_number(token)
    # The indicator's own units only: the target's, and the one its actual is written in
    # (79891人 for 6.63万人次). Another unit of the same measure is refused all the same:
    # "25万元" for a figure in 亿元 is far likelier a slip than a conversion.
    if unit and unit not in (ind.unit, ind.shown_actual_unit):
        raise _unit_error(target, ind, unit)
    return number, unit


def _set(text: str, lookup: Lookup, today: dt.date) -> Proposal:
    target, rest = _head(text, lookup)
    pieces = _split(rest, 3)
    if len(pieces) < 2:
        raise CommandError("缺少指标或数值")
    ind = _indicator(target, pieces[0])
    value_token = pieces[1]
    number, unit = _value(target, ind, value_token)
    tail = pieces[2] if len(pieces) > 2 else ""
    if not unit and tail:
        first, *more = tail.split(maxsplit=1)
        if first in (ind.unit, ind.shown_actual_unit) or first in KNOWN_UNITS:
            if first not in (ind.unit, ind.shown_actual_unit):
                raise _unit_error(target, ind, first)
            unit = first
            tail = more[0] if more else ""
    as_of = _one_line(tail)
    if as_of and (parse_decimal(as_of) is not None or as_of in KNOWN_UNITS):
        raise CommandError(f"多余的内容：“{as_of}”")
    if len(as_of) > AS_OF_MAX_CHARS:
        raise CommandError(f"数据时点太长（最多{AS_OF_MAX_CHARS}字）")
    label = f"第{target.number}项 {ind.name}"
    old_figure = f"{ind.actual}{ind.shown_actual_unit}" if ind.actual else EMPTY
    new_unit = unit or ind.shown_actual_unit
    changes = [(f"indicator:{ind.name}:actual", ind.actual, number)]
    actual_unit = "" if new_unit == ind.unit else new_unit
    if actual_unit != ind.actual_unit:
        changes.append((f"indicator:{ind.name}:actual_unit", ind.actual_unit, actual_unit))
    lines = [f"{label} 完成值：{old_figure} → {number}{new_unit}"]
    if as_of and as_of != ind.as_of:
        changes.append((f"indicator:{ind.name}:as_of", ind.as_of, as_of))
        lines.append(f"{label} 数据时点：{_show(ind.as_of)} → {as_of}")
    return _proposal("set", target, changes, lines)


# --- /status ---------------------------------------------------------------------------


def _status(text: str, lookup: Lookup, today: dt.date) -> Proposal:
    target, rest = _head(text, lookup)
    pieces = _split(rest, 2)
    allowed = "、".join(STATUSES)
    if not pieces:
        raise CommandError(f"缺少状态。状态可以是：{allowed}，或“{AUTO_STATUS}”（取消人工指定）")
    status = pieces[0]
    reason = pieces[1].strip() if len(pieces) > 1 else ""
    if status != AUTO_STATUS and status not in STATUSES:
        raise CommandError(
            f"没有“{status}”这个状态。状态可以是：{allowed}，或“{AUTO_STATUS}”（取消人工指定）"
        )
    if len(reason) > REASON_MAX_CHARS:
        raise CommandError(f"理由太长（最多{REASON_MAX_CHARS}字）")
    if status == AUTO_STATUS:
        new_status, new_reason = "", ""
    else:
        if not reason:
            raise CommandError(f"人工指定状态“{status}”需要写明理由")
        new_status, new_reason = status, reason
    label = f"第{target.number}项"
    changes = [
        ("status_override", target.status_override, new_status),
        ("status_reason", target.status_reason, new_reason),
    ]
    lines = [
        f"{label} 状态：{target.status_override or AUTO_STATUS} → {new_status or AUTO_STATUS}",
        f"{label} 状态理由：{_show(_one_line(target.status_reason))} → "
        f"{_show(_one_line(new_reason))}",
    ]
    return _proposal("status", target, changes, lines, reason=reason)


# --- /note -----------------------------------------------------------------------------


def _note(text: str, lookup: Lookup, today: dt.date) -> Proposal:
    target, note = _head(text, lookup)
    if not note:
        raise CommandError("缺少补充的进展内容")
    if len(note) > NOTE_MAX_CHARS:
        raise CommandError(f"补充内容太长：{len(note)}字，最多{NOTE_MAX_CHARS}字")
    old = target.progress_text
    added = f"（{today:%Y-%m-%d}补充）{note}"
    new = old + ("\n" if old else "") + added
    line = f"第{target.number}项 进展情况：追加“{_one_line(added)}”"
    return _proposal("note", target, [("progress_text", old, new)], [line])


# --- /deadline and /done ---------------------------------------------------------------


def _deadline_label(d: DeadlineSpec) -> str:
    state = "已完成" if d.done else "未完成"
    return f"{d.date.isoformat()} {d.text}（{state}）"


def _deadline(text: str, lookup: Lookup, today: dt.date) -> Proposal:
    target, rest = _head(text, lookup)
    pieces = _split(rest, 2)
    if not pieces:
        raise CommandError("缺少日期")
    when = _parse_date(pieces[0])
    if when is None:
        raise CommandError(f"日期无效：“{pieces[0]}”，请写成YYYY-MM-DD，例如 2020-12-31")
    note = _one_line(pieces[1]) if len(pieces) > 1 else ""
    if len(note) > DEADLINE_TEXT_MAX_CHARS:
        raise CommandError(f"说明太长（最多{DEADLINE_TEXT_MAX_CHARS}字）")
    deadlines = list(target.deadlines)
    label = f"第{target.number}项"
    if note:
        moving = [i for i, d in enumerate(deadlines) if d.text == note]
        if len(moving) > 1:
            moving = [i for i in moving if not deadlines[i].done] or moving
        if len(moving) > 1:
            listed = "；".join(_deadline_label(deadlines[i]) for i in moving)
            raise CommandError(f"第{target.number}项有多个“{note}”时限：{listed}")
    else:
        moving = [i for i, d in enumerate(deadlines) if not d.done]
        if len(moving) != 1:
            moving = []
    if moving:
        old = deadlines[moving[0]]
        deadlines[moving[0]] = replace(old, date=when)
        line = f"{label} 时限“{old.text}”：{old.date.isoformat()} → {when.isoformat()}"
    else:
        added = DeadlineSpec(date=when, text=note or NEW_DEADLINE_TEXT, done=False)
        deadlines.append(added)
        line = f"{label} 新增时限：{when.isoformat()} {added.text}"
    changes = [("deadlines", _deadlines_json(target.deadlines), _deadlines_json(deadlines))]
    return _proposal("deadline", target, changes, [line])


def _mark_deadline(text: str, lookup: Lookup, *, done: bool, command: str) -> Proposal:
    """Mark one deadline done (/done) or open again (/reopen)."""
    target, key = _head(text, lookup)
    key = _one_line(key)
    deadlines = list(target.deadlines)
    label = f"第{target.number}项"
    state, other = ("已完成", "未完成") if done else ("未完成", "已完成")
    already, already_all = (
        ("已经标记为完成", "已标记为完成") if done else ("尚未完成，无需重新打开", "尚未完成")
    )
    if not deadlines:
        raise CommandError(f"{label}没有时限；可先用 /deadline 添加")
    listed_all = "；".join(_deadline_label(d) for d in deadlines)
    candidates = [i for i, d in enumerate(deadlines) if d.done != done]
    if key:
        when = _parse_date(key)
        matches = [
            i for i, d in enumerate(deadlines) if d.text == key or (when and d.date == when)
        ]
        if not matches:
            raise CommandError(f"{label}没有“{key}”这个时限。该项的时限：{listed_all}")
        wanted = [i for i in matches if deadlines[i].done != done]
        if not wanted:
            raise CommandError(f"{label}的时限“{key}”{already}")
        if len(wanted) > 1:
            listed = "；".join(_deadline_label(deadlines[i]) for i in wanted)
            raise CommandError(f"{label}有多个{other}的“{key}”时限：{listed}，请写日期")
        chosen = wanted[0]
    else:
        if not candidates:
            raise CommandError(f"{label}的时限都{already_all}")
        if len(candidates) > 1:
            listed = "；".join(_deadline_label(deadlines[i]) for i in candidates)
            raise CommandError(f"{label}有多个{other}的时限：{listed}，请写明是哪一个")
        chosen = candidates[0]
    old = deadlines[chosen]
    deadlines[chosen] = replace(old, done=done)
    line = f"{label} 时限“{old.text}”（{old.date.isoformat()}）：{other} → {state}"
    changes = [("deadlines", _deadlines_json(target.deadlines), _deadlines_json(deadlines))]
    return _proposal(command, target, changes, [line])


def _done(text: str, lookup: Lookup, today: dt.date) -> Proposal:
    return _mark_deadline(text, lookup, done=True, command="done")


def _reopen(text: str, lookup: Lookup, today: dt.date) -> Proposal:
    return _mark_deadline(text, lookup, done=False, command="reopen")


# --- /assign and /unassign -------------------------------------------------------------


def _unit_name(token: str) -> str:
    if token in ROLE_WORDS:
        raise CommandError("缺少单位名称")
    if parse_decimal(token) is not None:
        raise CommandError(f"“{token}”不是单位名称")
    if len(token) > UNIT_NAME_MAX_CHARS:
        raise CommandError(f"单位名称太长（最多{UNIT_NAME_MAX_CHARS}字）")
    return token


def _assign(text: str, lookup: Lookup, today: dt.date) -> Proposal:
    target, rest = _head(text, lookup)
    pieces = rest.split()
    if not pieces:
        raise CommandError("缺少单位名称")
    if len(pieces) > 2:
        raise CommandError(f"多余的内容：“{' '.join(pieces[2:])}”")
    name = _unit_name(pieces[0])
    role_word = pieces[1] if len(pieces) > 1 else "配合"
    role = ROLE_WORDS.get(role_word.lower())
    if role is None:
        raise CommandError(f"角色只能是牵头或配合，你输入的是“{role_word}”")
    label = f"第{target.number}项"
    units = list(target.units)
    wanted = UnitSpec(name=name, role=role, source="named")
    index = next((i for i, u in enumerate(units) if u.name == name), None)
    lines = []
    if index is None:
        units.append(wanted)
        lines.append(f"{label} 新增责任单位：{unit_label(wanted)}")
    else:
        old = units[index]
        if old == wanted:
            raise CommandError(f"{label}的{name}已经是{ROLE_LABELS[role]}单位")
        if old.role == "lead" and role == "assist" and len(target.lead_units) == 1:
            raise CommandError(
                f"{name}是{label}唯一的牵头单位，不能改为配合；请先指定新的牵头单位"
            )
        units[index] = wanted
        lines.append(f"{label} 责任单位：{unit_label(old)} → {unit_label(wanted)}")
    if role == "lead":
        for i, unit in enumerate(units):
            if unit.role == "lead" and unit.name != name:
                units[i] = replace(unit, role="assist")
                lines.append(
                    f"{label} 责任单位：{unit_label(unit)} → {unit_label(units[i])}"
                    f"（改由{name}牵头）"
                )
    changes = [("units", _units_json(target.units), _units_json(units))]
    return _proposal("assign", target, changes, lines)


def _one_word(rest: str, missing: str, extra_hint: str = "") -> str:
    """The single word left after the target number, or a CommandError."""
    pieces = rest.split()
    if not pieces:
        raise CommandError(missing)
    if len(pieces) > 1:
        raise CommandError(f"多余的内容：“{' '.join(pieces[1:])}”{extra_hint}")
    return pieces[0]


def _unassign(text: str, lookup: Lookup, today: dt.date) -> Proposal:
    target, rest = _head(text, lookup)
    given = _one_word(rest, "缺少单位名称")
    label = f"第{target.number}项"
    units = list(target.units)
    listed = "、".join(unit_label(u) for u in units) or "（无）"
    found = [u for u in units if u.name == given]
    if not found:
        found = [u for u in units if given in u.name or u.name in given]
    if len(found) > 1:
        several = "、".join(u.name for u in found)
        raise CommandError(f"“{given}”可指{label}的多个单位：{several}，请写全名")
    if not found:
        raise CommandError(f"{label}的责任单位中没有“{given}”。该项的责任单位：{listed}")
    gone = found[0]
    if len(units) == 1:
        raise CommandError(f"{gone.name}是{label}唯一的责任单位，不能移除")
    units.remove(gone)
    line = f"{label} 移除责任单位：{unit_label(gone)}"
    if not any(u.role == "lead" for u in units):
        line += "（该项暂无牵头单位，请用 /assign 指定）"
    changes = [("units", _units_json(target.units), _units_json(units))]
    return _proposal("unassign", target, changes, [line])


# --- /alias ----------------------------------------------------------------------------


def _alias(text: str, lookup: Lookup, today: dt.date) -> Proposal:
    target, rest = _head(text, lookup)
    word = _one_word(rest, "缺少别名", "（别名中不能有空格）")
    if len(word) > ALIAS_MAX_CHARS:
        raise CommandError(f"别名太长：{len(word)}字，最多{ALIAS_MAX_CHARS}字")
    label = f"第{target.number}项"
    if word.casefold() in {a.casefold() for a in target.aliases}:
        raise CommandError(f"“{word}”已经是{label}的别名")
    changes = [("aliases", _aliases_json(target.aliases), _aliases_json([*target.aliases, word]))]
    return _proposal("alias", target, changes, [f"{label} 新增别名：{word}"])


_HANDLERS: dict[str, Callable[[str, Lookup, dt.date], Proposal]] = {
    "set": _set,
    "status": _status,
    "note": _note,
    "deadline": _deadline,
    "done": _done,
    "reopen": _reopen,
    "assign": _assign,
    "unassign": _unassign,
    "alias": _alias,
}
