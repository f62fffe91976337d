"""Admin commands on a target's lists: /deadline, /done, /reopen (deadlines), /assign,
/unassign (responsible units) and /alias."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import replace

from bot.domain.admin_grammar import (
    ALIAS_MAX_CHARS,
    DATE_RE,
    DEADLINE_TEXT_MAX_CHARS,
    NEW_DEADLINE_TEXT,
    ROLE_WORDS,
    UNIT_NAME_MAX_CHARS,
    CommandError,
    Grammar,
    Lookup,
    Proposal,
    head,
    make_proposal,
    one_line,
    one_word,
    parse_date,
    split_words,
)
from bot.domain.fields import decode_deadlines, encode_aliases, encode_deadlines, encode_units
from bot.domain.ledger import ROLE_LABELS, DeadlineSpec, TargetSpec, UnitSpec, parse_decimal

# --- /deadline and /done ---------------------------------------------------------------


def _deadline_label(d: DeadlineSpec) -> str:
    state = "已完成" if d.done else "未完成"
    return f"{d.date.isoformat()} {d.text}（{state}）"


def _day_past_its_month(token: str) -> str:
    """ "2020年11月31日" in the right form but past its month's end: "11月只有30天"; else ""."""
    found = DATE_RE.fullmatch(token)
    if found is None:
        return ""
    year, month, day = (int(g) for g in found.groups())
    if not 1 <= month <= 12:
        return "月份应为1到12"
    last = calendar.monthrange(year, month)[1] if 1 <= year <= 9999 else 31
    return f"{year}年{month}月只有{last}天" if day > last else ""


def _deadline(text: str, lookup: Lookup, today: dt.date) -> Proposal:
    target, rest = head(text, lookup)
    pieces = split_words(rest, 2)
    if not pieces:
        raise CommandError("缺少日期")
    when = parse_date(pieces[0])
    if when is None:
        year = max((d.date.year for d in target.deadlines), default=2020)
        example = f"例如 /deadline {target.number} {year}-12-31 年底前"
        no_such_day = _day_past_its_month(pieces[0])
        if no_such_day:  # written as asked, but the month has no such day ("11月31日")
            raise CommandError(f"日期无效：“{pieces[0]}”，{no_such_day}，请改正，{example}")
        raise CommandError(f"日期无效：“{pieces[0]}”，请写成YYYY-MM-DD或YYYY年M月D日，{example}")
    note = one_line(pieces[1]) if len(pieces) > 1 else ""
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
    changes = [("deadlines", encode_deadlines(target.deadlines), encode_deadlines(deadlines))]
    return make_proposal("deadline", target, changes, [line])


def deadline_before_year(proposal: Proposal, year: int) -> str:
    """Why a /deadline proposal cannot go to `year`'s ledger ("" when it can): a date it sets
    falls before that year begins (2019-12-31 typed for 2020's ledger), which no target of
    the year can be due by. A date after the year stays allowed: work may run on into January."""
    for change in proposal.changes:
        if change.field != "deadlines":
            continue
        before = {d.date for d in decode_deadlines(change.expected_old or "[]")}
        for d in decode_deadlines(change.new_value):
            if d.date not in before and d.date.year < year:
                return (
                    f"时限{d.date.isoformat()}早于{year}年台账的年度（{year}年1月1日起），"
                    "请核对年份"
                )
    return ""


def _mark_deadline(text: str, lookup: Lookup, *, done: bool, command: str) -> Proposal:
    """Mark one deadline done (/done) or open again (/reopen)."""
    target, key = head(text, lookup)
    key = one_line(key)
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
        when = parse_date(key)
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
    changes = [("deadlines", encode_deadlines(target.deadlines), encode_deadlines(deadlines))]
    return make_proposal(command, target, changes, [line])


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
    target, rest = head(text, lookup)
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
        lines.append(f"{label} 新增责任单位：{wanted.label}")
    else:
        old = units[index]
        if old == wanted:
            raise CommandError(f"{label}的{name}已经是{ROLE_LABELS[role]}单位")
        if old.role == "lead" and role == "assist" and len(target.lead_units) == 1:
            raise CommandError(
                f"{name}是{label}唯一的牵头单位，不能改为配合；请先指定新的牵头单位"
            )
        units[index] = wanted
        lines.append(f"{label} 责任单位：{old.label} → {wanted.label}")
    if role == "lead":
        for i, unit in enumerate(units):
            if unit.role == "lead" and unit.name != name:
                units[i] = replace(unit, role="assist")
                lines.append(
                    f"{label} 责任单位：{unit.label} → {units[i].label}（改由{name}牵头）"
                )
    changes = [("units", encode_units(target.units), encode_units(units))]
    return make_proposal("assign", target, changes, lines)


def _unassign(text: str, lookup: Lookup, today: dt.date) -> Proposal:
    target, rest = head(text, lookup)
    given = one_word(rest, "缺少单位名称")
    label = f"第{target.number}项"
    units = list(target.units)
    listed = "、".join(u.label for u in units) or "（无）"
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
    line = f"{label} 移除责任单位：{gone.label}"
    if not any(u.role == "lead" for u in units):
        line += "（该项暂无牵头单位，请用 /assign 指定）"
    changes = [("units", encode_units(target.units), encode_units(units))]
    return make_proposal("unassign", target, changes, [line])


# --- /alias ----------------------------------------------------------------------------


def _alias(text: str, lookup: Lookup, today: dt.date) -> Proposal:
    target, rest = head(text, lookup)
    word = one_word(rest, "缺少别名", "（别名中不能有空格）")
    if len(word) > ALIAS_MAX_CHARS:
        raise CommandError(f"别名太长：{len(word)}字，最多{ALIAS_MAX_CHARS}字")
    if sum(ch.isalnum() for ch in word) < 2:
        # questions are matched by pairs of characters: one alone never finds a target
        raise CommandError(f"别名“{word}”太短：至少要有两个汉字、字母或数字，问到它时才能找到目标")
    label = f"第{target.number}项"
    if word.casefold() in {a.casefold() for a in target.aliases}:
        raise CommandError(f"“{word}”已经是{label}的别名")
    changes = [
        ("aliases", encode_aliases(target.aliases), encode_aliases([*target.aliases, word]))
    ]
    return make_proposal("alias", target, changes, [f"{label} 新增别名：{word}"])


def alias_clash(word: str, number: int, targets: Iterable[TargetSpec]) -> str:
    """Why `word` cannot become an alias of target `number` ("" when it can): it is already
    that target's short title, or another target's title or alias, and a word two targets
    answer to could no longer tell them apart."""
    folded = word.casefold()
    for t in targets:
        if t.title.casefold() == folded:
            if t.number == number:
                return f"“{word}”就是第{number}项的简称，不必再设为别名。"
            return (
                f"“{word}”是第{t.number}项 {t.title} 的简称，"
                f"不能再作第{number}项的别名，请换一个词。"
            )
        if t.number != number and folded in {a.casefold() for a in t.aliases}:
            return (
                f"“{word}”已是第{t.number}项 {t.title} 的别名；同一个词作两项的别名，"
                f"问到它时就分不清是哪一项。请换一个词。"
            )
    return ""


GRAMMARS = (
    Grammar(
        "deadline",
        "增改时限：/deadline 序号 YYYY-MM-DD [说明]",
        "/deadline 序号 YYYY-MM-DD [说明]，例如：/deadline {N} {DAY} 年中",
        ("序号", "日期", "说明"),
        _deadline,
    ),
    Grammar(
        "done",
        "标记时限完成：/done 序号 [里程碑]",
        "/done 序号 [里程碑]，例如：/done {N} 年底前 或 /done {N} {DAY}",
        ("序号", "里程碑"),
        _done,
    ),
    Grammar(
        "reopen",
        "重新打开时限：/reopen 序号 [里程碑]",
        "/reopen 序号 [里程碑]，例如：/reopen {N} 年底前",
        ("序号", "里程碑"),
        _reopen,
    ),
    Grammar(
        "assign",
        "指定责任单位：/assign 序号 单位 [牵头|配合]",
        "/assign 序号 单位 [牵头|配合]，例如：/assign {N} 县财政局 配合",
        ("序号", "单位", "角色"),
        _assign,
    ),
    Grammar(
        "unassign",
        "移除责任单位：/unassign 序号 单位",
        "/unassign 序号 单位，例如：/unassign {N} 县财政局",
        ("序号", "单位"),
        _unassign,
    ),
    Grammar(
        "alias",
        "添加别名：/alias 序号 词",
        "/alias 序号 词，例如：/alias {N} 群众常用的叫法",
        ("序号", "别名"),
        _alias,
    ),
)
