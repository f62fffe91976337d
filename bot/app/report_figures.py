"""What a unit's free-text progress report says about an indicator (pure functions).

A report such as "村级医务人员筛查补助33.15万元已于1月20日拨付到位" names a figure with its unit;
`find_reported_figure` finds the target's indicator it belongs to, so the report can be
proposed as that change (and checked like `/set`). `as_of_point` reads as-of words
("截止12月底", "截至11月", "1-11月份", "全年") as a point in the year, so a report dated
before the figure already in the ledger is shown to the approver as older.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from bot.domain.admin_commands import propose, propose_reported_figure
from bot.domain.admin_grammar import (
    AsOfRefused,
    CommandError,
    FigureOutOfBounds,
    Lookup,
    NothingToChange,
    Proposal,
)
from bot.domain.ledger import KNOWN_UNITS, TargetSpec
from bot.domain.script import simplified

# A figure followed by a unit the ledger knows, longest units first ("万元" before "元").
_UNITS = "|".join(re.escape(u) for u in sorted(KNOWN_UNITS, key=len, reverse=True))
_FIGURE_WITH_UNIT = re.compile(rf"(?<![0-9.])(-?[0-9]+(?:\.[0-9]+)?)\s*({_UNITS})")
_AS_OF = re.compile(
    r"(?:截至|截止|到)\s*(?:[0-9]{4}年)?[0-9]{1,2}月(?:[0-9]{1,2}日|底|末|份)?"
    r"|(?:[0-9]{4}年)?1\s*[-—至~]\s*[0-9]{1,2}月份?"
    r"|全年"
)
_MONTH_DAY = re.compile(r"([0-9]{1,2})月(?:([0-9]{1,2})日)?")
NAME_WINDOW = 30  # characters before a figure where its indicator's name is looked for
END_OF_MONTH = 31


@dataclass(frozen=True)
class ReportedFigure:
    indicator: str
    value: str  # as written, e.g. "33.15"
    unit: str  # as written after the figure, e.g. "万元"
    as_of: str  # the report's as-of words, "" when it names none


def report_as_of(text: str) -> str:
    """The first as-of words in a report ("截至11月", "1-11月份"), or ""."""
    found = _AS_OF.search(text)
    return found.group(0).replace(" ", "") if found else ""


def as_of_point(words: str) -> tuple[int, int] | None:
    """(month, day) as-of words point at: "截止12月底" → (12, 31), "12月20日" → (12, 20),
    "1-11月" → (11, 31), "全年" → (12, 31); None when they name no month."""
    if "全年" in words:
        return (12, END_OF_MONTH)
    months = list(_MONTH_DAY.finditer(words))
    if not months:
        return None
    last = months[-1]
    return (int(last.group(1)), int(last.group(2)) if last.group(2) else END_OF_MONTH)


def is_older(new_as_of: str, current_as_of: str) -> bool:
    """True when the new figure's as-of words point before the current figure's."""
    new, current = as_of_point(new_as_of), as_of_point(current_as_of)
    return new is not None and current is not None and new < current


def _matched(text: str) -> str:
    """A report's text as figures are found in it: NFKC (full-width digits), Simplified."""
    return simplified(unicodedata.normalize("NFKC", text))


def find_reported_figure(target: TargetSpec, text: str) -> ReportedFigure | None:
    """The indicator figure a report states, or None when it states none a known unit marks.

    Each figure with a unit is tied to the indicator whose full name the text just before it
    writes (the longest such name), or else to the only indicator of the target in that unit.
    The first figure so tied wins. A figure is never guessed from a few shared characters:
    "耕地缺口已补足1.2万亩" is not a figure for 代保后耕地保有量缺口. The unit is returned as
    written (in Simplified characters: 萬元 is 万元), so a wrong one is refused as `/set` does.
    """
    text = _matched(text)
    as_of = report_as_of(text)
    for found in _FIGURE_WITH_UNIT.finditer(text):
        value, unit = found.group(1), found.group(2)
        window = text[max(0, found.start() - NAME_WINDOW) : found.start()]
        named = [i for i in target.indicators if i.name in window]
        if named:
            best = max(named, key=lambda i: len(i.name))
            return ReportedFigure(best.name, value, unit, as_of)
        same_unit = [i for i in target.indicators if i.unit == unit]
        if len(same_unit) == 1:
            return ReportedFigure(same_unit[0].name, value, unit, as_of)
    return None


# What a report may say around its figure without saying anything more ("完成26亿元").
_FILLER = re.compile(r"[\s,，。；;：:、!！?？（）()]|已经?|完成了?|累计|共计?|达到|为|是|了")


def _says_more(text: str, found: ReportedFigure) -> bool:
    """Whether a free-text report says more than the figure it was read as: other words
    ("已完工", "超额完成") or figures ("森林抚育0.6万亩"), which its approval must not drop."""
    rest = _matched(text)
    for part in (f"{found.value}{found.unit}", found.indicator, found.as_of):
        rest = rest.replace(part, " ", 1) if part else rest
    rest = _FIGURE_WITH_UNIT.sub("数", rest)  # another figure is something more
    return len(_FILLER.sub("", rest)) >= 2


# --- a report as a proposed change -------------------------------------------------------


@dataclass(frozen=True)
class ReportPlan:
    """What approving a unit's report does: `proposal` (a figure change, or a progress note);
    when the figure is older than the ledger's, `proposal` is the note, `older` says why and
    `figure` is the change the approver may still apply."""

    proposal: Proposal
    figure: Proposal | None = None
    older: str = ""


def plan_report(number: int, text: str, lookup: Lookup, *, today: dt.date) -> ReportPlan:
    """The change a unit's report proposes, checked like `/set`.

    "/report 12 新增贷款 26亿元 截至11月" is read as `/set`; a free text that states a figure
    with a unit ("补助33.15万元已于1月20日拨付到位") as `/set` of the indicator it names; anything
    else is a progress note. Raises CommandError (FigureOutOfBounds, AsOfRefused) when a figure is
    meant but cannot be set, e.g. in another unit than the indicator's.
    """
    try:
        figure = propose_reported_figure(f"{number} {text}", lookup, today=today)
    except (FigureOutOfBounds, AsOfRefused):
        raise  # the figure is meant, and cannot be set as written
    except CommandError:
        target = lookup(number)
        found = find_reported_figure(target, text) if target is not None else None
        if found is None:
            return ReportPlan(propose("note", f"{number} {text}", lookup, today=today))
        words = f"{number} {found.indicator} {found.value}{found.unit} {found.as_of}"
        try:
            figure = propose_reported_figure(words.strip(), lookup, today=today)
        except NothingToChange:
            if not _says_more(text, found):
                raise
            # The figure is the ledger's already (another report approved since, or the same
            # figure told again), but "已全部完工" is news: the report is a note.
            return ReportPlan(propose("note", f"{number} {text}", lookup, today=today))
        if _says_more(text, found):  # "已完工，新建停车位520个": the words go to 进展 too
            note = propose("note", f"{number} {text}", lookup, today=today)
            figure = dataclasses.replace(
                figure,
                changes=figure.changes + note.changes,
                summary=f"{figure.summary}\n{note.summary}",
            )
    name = figure.changes[0].field.split(":")[1]
    new_as_of = next((c.new_value for c in figure.changes if c.field.endswith(":as_of")), "")
    target = lookup(number)
    current = target.indicator(name) if target is not None else None
    if current is not None and current.actual and is_older(new_as_of, current.as_of):
        older = (
            f"报送数据时点“{new_as_of}”早于台账现有数据"
            f"“{current.as_of}”（{current.actual}{current.shown_actual_unit}）"
        )
        note = propose("note", f"{number} {text}", lookup, today=today)
        return ReportPlan(note, figure, older)
    return ReportPlan(figure)


def misdirected_figure(number: int, text: str, targets) -> tuple[TargetSpec, str] | None:
    """The one other target a figure report meant, with its indicator's name: the report opens
    with that indicator's full name and a figure with a unit, and target `number` has no such
    indicator ("/report 35 产前超声筛查率 60%" is about 48's 产前超声筛查率, not a note on 35)."""
    others: dict[int, tuple[TargetSpec, str]] = {}
    text = _matched(text)
    for target in targets:
        for ind in target.indicators:
            if not text.startswith(ind.name):
                continue
            if target.number == number:
                return None  # its own indicator: whatever the figure, it is this target's
            if _FIGURE_WITH_UNIT.match(text[len(ind.name) :].lstrip()):
                others[target.number] = (target, ind.name)
    return next(iter(others.values())) if len(others) == 1 else None
