"""Admin commands on figures and words: /set (a figure), /status (an override with its
reason), /note (progress text)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal

from bot.domain.admin_grammar import (
    AS_OF_MAX_CHARS,
    AUTO_STATUS,
    EMPTY,
    EXPONENT_RE,
    NOTE_MAX_CHARS,
    NUMBER_RE,
    NUMBERISH_RE,
    REASON_MAX_CHARS,
    VALUE_MAX_CHARS,
    AsOfRefused,
    CommandError,
    FigureOutOfBounds,
    Grammar,
    Lookup,
    Proposal,
    head,
    make_proposal,
    one_line,
    show_value,
    split_words,
)
from bot.domain.as_of_words import AS_OF_FORMS, FutureDay, NoSuchDay, NotAsOf, as_of_typed
from bot.domain.echo import echoed
from bot.domain.ledger import (
    FIGURE_EXAMPLES,
    FIGURE_RULE,
    KNOWN_UNITS,
    STATUSES,
    FigureError,
    IndicatorSpec,
    TargetSpec,
    parse_decimal,
    parse_figure,
)
from bot.domain.progress_notes import note_words
from bot.domain.script import simplified
from bot.domain.spelled_figures import attached_as_of, exact_figure, spelled_figure
from bot.domain.status import measured, year_closed
from bot.domain.units import below_zero_refused, convert, is_share, with_magnitude

# --- /set ------------------------------------------------------------------------------


def _indicator(target: TargetSpec, given: str) -> IndicatorSpec:
    # Quoted: a drafted name may read as part of the sentence ("该项的指标：对").
    names = "、".join(f"“{i.name}”" for i in target.indicators)
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
    return CommandError(f"数值无效：“{_shown(token)}”，请写数字，例如 {FIGURE_EXAMPLES}")


def _unreadable(target: TargetSpec, ind: IndicatorSpec, token: str, command: str) -> CommandError:
    """What to type instead of a figure in words ("百分之八十" → 80%) or a rough one ("约2650人"
    → 2650人), as the command to send; any other text gets an example in the indicator's unit."""
    send = f"/{command} {target.number} {ind.name} "
    digits = spelled_figure(token)
    if digits is not None and _readable(ind, digits):
        return CommandError(
            f"数值请用阿拉伯数字：“{_shown(token)}”请写作 {digits}，即发送：{send}{digits}"
        )
    exact = exact_figure(token)
    if exact is not None and _readable(ind, exact[0]):
        figure, words = exact
        return CommandError(
            f"台账记录确切的数值，不写“{words}”：如确数是{figure}，请发送：{send}{figure}；"
            "说明性的文字请用 /note 写入进展"
        )
    return CommandError(
        f"数值无效：“{_shown(token)}”，请写阿拉伯数字（可带单位），例如：{send}{_example(ind)}"
    )


def _example(ind: IndicatorSpec) -> str:
    """A figure in the indicator's unit, for a message's example: its own, else its target."""
    return f"{ind.actual or ind.target or '25.1'}{ind.shown_actual_unit or ind.unit}"


def _unit_error(target: TargetSpec, ind: IndicatorSpec, typed: str) -> CommandError:
    if ind.unit:
        return CommandError(
            f"单位不符：第{target.number}项“{ind.name}”的单位是{ind.unit}，你输入的是{typed}"
        )
    return CommandError(
        f"单位不符：第{target.number}项“{ind.name}”没有单位，只填数字即可，你输入的是{typed}"
    )


def _shown(token: str, limit: int = VALUE_MAX_CHARS) -> str:
    return echoed(token, limit)


def _missing(target: TargetSpec, pieces: list[str], command: str) -> CommandError:
    """ "缺少数值" after an indicator, else the target's indicators to choose from; each with the
    command to send, a figure in the indicator's unit."""
    ind = _indicator(target, pieces[0]) if pieces else None
    shown = ind or (target.indicators[0] if target.indicators else None)
    if shown is None:
        return CommandError(f"第{target.number}项没有可填报的指标")
    send = f"/{command} {target.number} {shown.name} {_example(shown)}"
    if ind is not None:
        return CommandError(f"缺少数值：请在指标“{ind.name}”后写数值，例如：{send}")
    names = "、".join(f"“{i.name}”" for i in target.indicators)
    return CommandError(f"缺少指标和数值。第{target.number}项的指标：{names}，例如：{send}")


def _readable(ind: IndicatorSpec, figure: str) -> bool:
    """Whether `figure` ("2600人") is one /set takes for `ind`: a number and a unit it takes."""
    found = NUMBER_RE.fullmatch(figure)
    unit = _clipped_unit(ind, found.group(2)) if found else ""
    return found is not None and (not unit or _takes_unit(ind, unit))


def _value(target: TargetSpec, ind: IndicatorSpec, token: str, command: str) -> tuple[str, str]:
    """(number as typed without separators, unit typed or "")."""
    found = EXPONENT_RE.fullmatch(token) or NUMBER_RE.fullmatch(token)
    if found is None:
        raise _unreadable(target, ind, token, command)
    number, unit = found.group(1).replace(",", ""), found.group(2)
    try:
        parse_figure(number)
    except FigureError as exc:
        raise FigureOutOfBounds(f"数值无效：“{_shown(token)}”{exc}。{FIGURE_RULE}") from None
    if len(token) > VALUE_MAX_CHARS or (unit and NUMBERISH_RE.match(unit)):
        raise _bad_number(token)
    # A unit typed in Traditional characters (億元, 萬畝) is the ledger's Simplified one.
    unit = _clipped_unit(ind, simplified(unit))
    if unit and not _takes_unit(ind, unit):
        if exact_figure(token) is not None:  # "2650余人", "2650人左右"
            raise _unreadable(target, ind, token, command)
        raise _unit_error(target, ind, unit)
    return number, unit


def _takes_unit(ind: IndicatorSpec, unit: str) -> bool:
    """The indicator's own units (its target's, the one its actual is written in), or a known
    unit of the same measure (79891人 for 6.63万人次, 25万元 for 亿元): kept as typed, as the
    ledger keeps such figures, and shown converted so that a slip of magnitude is seen."""
    if unit in (ind.unit, ind.shown_actual_unit):
        return True
    return (
        bool(ind.unit) and unit in KNOWN_UNITS and convert(Decimal(1), unit, ind.unit) is not None
    )


def _converted_note(ind: IndicatorSpec, unit: str, number: str) -> str:
    """ "（折合0.0025亿元）" for a figure typed in a unit the indicator does not use yet."""
    if not unit or unit in (ind.unit, ind.shown_actual_unit):
        return ""
    value = convert(Decimal(number), unit, ind.unit)
    return "" if value is None else f"（折合{value.normalize():f}{ind.unit}）"


# A figure this many times its target is more likely a slip of magnitude or unit ("2443" of
# loans in 亿元 meant as 万元) than the year's work: the confirmation says so.
SCALE_CHECK = 10


# A figure under this share of its target is as likely the slip the other way ("1.2万" of
# loans in 亿元 meant as 1.2亿): a year's work starts small, never a thousandth of the task.
SMALL_CHECK = Decimal("0.001")


def _scale_note(ind: IndicatorSpec, number: str, unit: str) -> str:
    """ "（是目标14亿元的174倍，请核对数值和单位）" for a figure SCALE_CHECK times its target or
    more, after converting its unit; "（不到目标…的千分之一…）" for one under SMALL_CHECK of it;
    "（如是80%…）" for a share written as a fraction (0.8 of a 比例 whose target is 70%)."""
    typed = replace(ind, actual=number, actual_unit="" if unit == ind.unit else unit)
    target, actual = measured(typed)
    if target is None or actual is None or target <= 0 or actual <= 0:
        return ""
    goal = f"目标{ind.target}{ind.unit}"
    if actual >= target * SCALE_CHECK:
        return f"（是{goal}的{(actual / target).quantize(Decimal(1))}倍，请核对数值和单位）"
    if is_share(ind.name, unit) and actual <= 1 < target:
        percent = (actual * 100).normalize()
        return f"（{goal}；如是{percent:f}%，请改为 {percent:f}%）"
    if actual < target * SMALL_CHECK:
        return f"（不到{goal}的千分之一，请核对数值和单位）"
    return ""


def _clipped_unit(ind: IndicatorSpec, unit: str) -> str:
    """The indicator's unit for its magnitude alone, as reports clip it: "25亿" is 25亿元 of
    an indicator in 亿元 (its actual's unit first), "3万" 3万人 of one in 万人; another
    magnitude of its measure otherwise ("25万" of one in 亿元 is 25万元, shown converted);
    any other unit as typed."""
    if unit not in ("万", "亿"):
        return unit
    return next(
        (u for u in (ind.shown_actual_unit, ind.unit) if len(u) > 1 and u.startswith(unit)),
        with_magnitude(unit, ind.unit) or unit,
    )


def _refuse_negative(
    target: TargetSpec, ind: IndicatorSpec, number: str, unit: str, command: str
) -> None:
    """CommandError for a negative count or quantity (-5人次, -3亩) or share of a whole
    (-5% of 比例), saying what to type."""
    if Decimal(number) >= 0 or not below_zero_refused(ind.name, unit):
        return
    share = is_share(ind.name, unit)
    measure, what = (
        ("是比例", "0或正数") if share else (f"以{unit}计", "0或正数（截至数据时点的累计数）")
    )
    raise CommandError(
        f"数值不能为负数：第{target.number}项“{ind.name}”{measure}，不会小于0，"
        f"你输入的是{number}{unit}。请填写{what}，"
        f"例如 /{command} {target.number} {ind.name} {number.lstrip('-')}{unit}"
    )


def today_as_of(today: dt.date) -> str:
    """The as-of words an undated figure takes: the day it is entered, year included (a
    figure typed in 2026 on the 2020 ledger is not that year's)."""
    return f"截至{today.year}年{today.month}月{today.day}日"


@dataclass(frozen=True)
class Undated:
    """What a /set figure typed without as-of words is dated with, and what the summary says
    of it; or, when no day can stand for it, the refusal asking for one."""

    words: str = ""
    note: str = ""
    refusal: str = ""


def undated_in(today: dt.date, year: int | None) -> Undated:
    """Today within the ledger's year; its last day once the year is over (a figure entered
    in 2026 on the 2020 ledger is that year's final one, not 2026's), said so; a date asked
    for before the year has begun."""
    if year is None or today.year == year:
        return Undated(today_as_of(today), "（未写数据时点，按今天的日期）")
    if year_closed(today, year):
        return Undated(
            f"截至{year}年12月31日",
            f"（未写数据时点；{year}年度已结束，按年末记，"
            f"其他时点请写明，如 截至{year}年11月30日）",
        )
    return Undated(refusal=f"{year}年度尚未开始，请在数值后写明数据时点，例如 截至{year}年3月31日")


def _set(text: str, lookup: Lookup, today: dt.date, *, year: int | None = None) -> Proposal:
    """/set: a figure typed without as-of words is dated, visibly, within the ledger's year
    (`undated_in`), not left with the previous figure's day."""
    return set_figure(text, lookup, today, undated=undated_in(today, year))


def set_figure(
    text: str,
    lookup: Lookup,
    today: dt.date,
    *,
    undated: Undated | None = None,
    command: str = "set",
) -> Proposal:
    """A figure change; `undated` says what a figure typed without as-of words is dated with
    (None: the indicator's own stay, as for a unit's report, dated by its approver's check);
    `command` is the one messages tell the sender to type ("report" for a unit's report)."""
    target, rest = head(text, lookup)
    pieces = split_words(rest, 3)
    if len(pieces) < 2:
        raise _missing(target, pieces, command)
    ind = _indicator(target, pieces[0])
    value_token, attached = attached_as_of(pieces[1])
    number, unit = _value(target, ind, value_token, command)
    tail = " ".join(p for p in (attached, pieces[2] if len(pieces) > 2 else "") if p)
    if not unit and tail:
        first, *more = tail.split(maxsplit=1)
        first = _clipped_unit(ind, simplified(first))
        if first in (ind.unit, ind.shown_actual_unit) or first in KNOWN_UNITS:
            if not _takes_unit(ind, first):
                raise _unit_error(target, ind, first)
            unit = first
            tail = more[0] if more else ""
    as_of = one_line(tail)
    dated = bool(as_of)
    if as_of and (parse_decimal(as_of) is not None or as_of in KNOWN_UNITS):
        raise CommandError(f"多余的内容：“{as_of}”")
    if len(as_of) > AS_OF_MAX_CHARS:
        raise CommandError(f"数据时点太长（最多{AS_OF_MAX_CHARS}字）")
    try:  # "截至13月" would stand in the ledger and judge no 序时进度, "昨天" name another day
        as_of = as_of_typed(as_of, today)
    except NoSuchDay as exc:
        raise AsOfRefused(f"数据时点“{echoed(as_of)}”中的日期不存在，{exc}") from None
    except FutureDay as exc:
        raise AsOfRefused(str(exc)) from None
    except NotAsOf:  # a unit's report reads such words as its progress instead
        raise CommandError(
            f"“{echoed(as_of)}”不是数据时点。{AS_OF_FORMS}；"
            f"进展情况请用 /note {target.number} 文字 补充"
        ) from None
    label = f"第{target.number}项 {ind.name}"
    old_figure = f"{ind.actual}{ind.shown_actual_unit}" if ind.actual else EMPTY
    # No unit typed: the indicator's own unit (its target's), said in the reply, never the
    # unit the last figure happened to be written in (8 is not 8人 of a target in 万人次).
    new_unit = unit or ind.unit or ind.actual_unit
    _refuse_negative(target, ind, number, new_unit, command)
    if not as_of and undated and (number, new_unit) != (ind.actual, ind.shown_actual_unit):
        # a new figure, undated: today's (the same one again changes nothing)
        if undated.refusal:
            raise CommandError(undated.refusal)
        as_of = undated.words
    changes = [(f"indicator:{ind.name}:actual", ind.actual, number)]
    actual_unit = "" if new_unit == ind.unit else new_unit
    if actual_unit != ind.actual_unit:
        changes.append((f"indicator:{ind.name}:actual_unit", ind.actual_unit, actual_unit))
    lines = [
        f"{label} 完成值：{old_figure} → {number}{new_unit}{_unit_note(target, ind, unit, number)}"
        f"{_converted_note(ind, unit, number)}{_scale_note(ind, number, new_unit)}"
    ]
    if number == ind.actual and new_unit == ind.shown_actual_unit and as_of != ind.as_of:
        # The same figure as of a new day: only the day is a change ("6.9% → 6.9%" read as one).
        changes, lines = [], []
    if as_of and as_of != ind.as_of:
        changes.append((f"indicator:{ind.name}:as_of", ind.as_of, as_of))
        today_note = "" if dated or undated is None else undated.note
        lines.append(f"{label} 数据时点：{show_value(ind.as_of)} → {as_of}{today_note}")
    return make_proposal("set", target, changes, lines)


def _unit_note(target: TargetSpec, ind: IndicatorSpec, typed: str, number: str) -> str:
    """What the reply says of a figure typed without a unit: the unit it was taken in, and how
    to write the other unit the indicator's figures are written in."""
    if typed or not (ind.unit or ind.actual_unit):
        return ""
    note = f"（未写单位，按该指标的单位“{ind.unit or ind.actual_unit}”记"
    if ind.unit and ind.actual_unit and ind.actual_unit != ind.unit:
        other = f"{number}{ind.actual_unit}"
        note += f"；如是{other}，请发送 /set {target.number} {ind.name} {other}"
    return note + "）"


# --- /status ---------------------------------------------------------------------------


def _status(text: str, lookup: Lookup, today: dt.date) -> Proposal:
    target, rest = head(text, lookup)
    pieces = split_words(rest, 2)
    allowed = "、".join(STATUSES)
    if not pieces:
        raise CommandError(f"缺少状态。状态可以是：{allowed}，或“{AUTO_STATUS}”（取消人工指定）")
    status = pieces[0]
    reason = pieces[1].strip() if len(pieces) > 1 else ""
    if status != AUTO_STATUS and status not in STATUSES:
        raise CommandError(
            f"没有“{echoed(status)}”这个状态。状态可以是：{allowed}，或“{AUTO_STATUS}”（取消人工指定）"
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
        f"{label} 状态理由：{show_value(one_line(target.status_reason))} → "
        f"{show_value(one_line(new_reason))}",
    ]
    return make_proposal("status", target, changes, lines, reason=reason)


# --- /note -----------------------------------------------------------------------------


def _note(text: str, lookup: Lookup, today: dt.date) -> Proposal:
    target, note = head(text, lookup)
    if not note:
        raise CommandError("缺少补充的进展内容")
    if len(note) > NOTE_MAX_CHARS:
        raise CommandError(f"补充内容太长：{len(note)}字，最多{NOTE_MAX_CHARS}字")
    old = target.progress_text
    added = f"{note_words(today)}{note}"
    new = old + ("\n" if old else "") + added
    line = f"第{target.number}项 进展情况：追加“{one_line(added)}”"
    return make_proposal("note", target, [("progress_text", old, new)], [line])


GRAMMARS = (
    Grammar(
        "set",
        "修改完成值：/set 序号 指标 值",
        "/set 序号 指标 值 [数据时点]，例如：/set {N} {IND} {FIG}",
        ("序号", "指标", "数值", "单位或数据时点"),
        _set,
        takes_year=True,
    ),
    Grammar(
        "status",
        "认定状态：/status 序号 状态 理由（自动=取消认定）",
        "/status 序号 状态 理由，例如：/status {N} 滞后 资金未到位；/status {N} 自动",
        ("序号", "状态", "理由"),
        _status,
        typed_tail=True,
    ),
    Grammar(
        "note",
        "补充进展：/note 序号 文本",
        "/note 序号 文本，例如：/note {N} 本月已完成招标",
        ("序号", "补充内容"),
        _note,
        typed_tail=True,
    ),
)
