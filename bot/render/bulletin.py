"""督查通报: the office's periodic bulletin, built from the live ledger (pure content).

A bulletin has four parts, as offices write them:
1. 总体情况: counts by status, and how many targets are closed (销号).
2. 进展变化: the targets whose figures or texts changed since `since` (from the audit trail).
3. 存在问题: the targets that need pressing, named and grouped by lead unit: behind 序时进度
   or a milestone (滞后), past a deadline (逾期), with no figures (暂无数据), or 未完成. The
   unit with most late or unfinished targets comes first, then by pinyin.
   Closed and done targets are never named.
4. 下一步要求: requirements that follow from the problems found (none are printed for
   problems that do not occur).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from bot.domain.ledger import LedgerSpec, TargetSpec
from bot.domain.status import (
    DONE_STATUSES,
    compute_status,
    open_deadlines,
    overdue_days,
    override_in_force,
    shown_day,
    status_note,
)
from bot.render.replies import excerpt
from bot.render.report_docx import write_sections_docx
from bot.render.report_writer import ReportSummary, lead_unit_names, report_summary

REPLY_DAYS = 5  # days units are given to answer a bulletin's requirements
NO_LEAD = "未明确牵头单位"
HOW_TO_REPORT = "在本单位工作群中向督查助手报送，并附佐证材料（照片或文件）"


@dataclass(frozen=True)
class Problem:
    number: int
    title: str
    kind: str  # 滞后 | 逾期 | 暂无数据 | 未完成
    detail: str


@dataclass(frozen=True)
class Bulletin:
    title: str
    as_of: dt.date
    as_of_shown: dt.date  # the day "数据截至" names: a closed year's last day, not the next
    since: dt.date
    summary: ReportSummary
    closed: int
    changes: tuple[str, ...]
    problems: tuple[tuple[str, tuple[Problem, ...]], ...]  # (lead unit, its problems)
    requirements: tuple[str, ...]
    number: int | None = None  # 期数 of an issued bulletin; None for one only built
    issued: dt.date | None = None  # the day it is written (`as_of` when not given)


REASON_CHARS = 50  # of an override's reason a bulletin quotes


def _override_reason(target: TargetSpec) -> str:
    """Why an office judged the target as it did, as a bulletin line quotes it: what follows
    the reason's "但" when it has one (what is still wrong, not what went well), cut short."""
    reason = " ".join(target.status_reason.split())
    _, but, rest = reason.partition("但")
    return excerpt(rest.lstrip("是，,") if but and len(rest) >= 6 else reason, REASON_CHARS)


def _problem(target: TargetSpec, as_of: dt.date) -> Problem | None:
    if target.closed is not None:
        return None
    status = compute_status(target, as_of)
    if status in DONE_STATUSES:
        return None
    late = [d for d in open_deadlines(target) if overdue_days(d.date, as_of)]
    if status == "滞后":
        # An office's own verdict gives its reason; else the calendar or a milestone does.
        if override_in_force(target) and target.status_reason:
            detail = _override_reason(target)
        else:
            detail = status_note(target, as_of) or "有节点未按时完成"
        return Problem(target.number, target.title, "滞后", detail)
    if late:
        first = late[0]
        days = overdue_days(first.date, as_of)
        detail = f"{first.text or '时限'}已逾期{days}天"
        return Problem(target.number, target.title, "逾期", detail)
    if status == "暂无数据":
        # "Not reported" would wrong a unit that reported figures short of a verdict (a growth
        # rate with no provincial average to compare it with).
        missing = status_note(target, as_of).partition("部分指标暂无数据：")[2]
        detail = f"尚缺{missing}的完成数据" if missing else ""
        if not detail:
            reported = any(i.actual for i in target.indicators)
            detail = "已报部分数据，尚缺可判断是否完成的数据" if reported else "尚未报送完成数据"
        return Problem(target.number, target.title, "暂无数据", detail)
    if status == "未完成":
        why = _override_reason(target) if override_in_force(target) else "年度目标未完成"
        return Problem(target.number, target.title, "未完成", why)
    opened = open_deadlines(target)
    if opened and opened[-1].date < as_of:
        # Still 推进中 (an office's verdict) once its year has closed: overdue_days counts
        # nothing past the year's end, yet the year ended with the target not done.
        detail = f"{opened[-1].text or '时限'}已过，年度已结束仍在推进"
        return Problem(target.number, target.title, "逾期", detail)
    return None


LATE_KINDS = ("滞后", "逾期", "未完成")  # what a unit is pressed on first; 暂无数据 only asks


def _by_severity(grouped: Mapping[str, Sequence[Problem]]) -> list[str]:
    """The units, the one with most late or unfinished targets first, then most problems,
    then by pinyin (as a reader looks a unit up); 未明确牵头单位 last."""
    from pypinyin import Style, lazy_pinyin  # only a bulletin needs it

    def key(unit: str):
        problems = grouped[unit]
        late = sum(1 for p in problems if p.kind in LATE_KINDS)
        return (unit == NO_LEAD, -late, -len(problems), lazy_pinyin(unit, Style.TONE3), unit)

    return sorted(grouped, key=key)


def _who(led: int, of: int, leads: str, units: str) -> str:
    """Who a requirement is addressed to: `leads` when every target concerned has a lead
    unit; else `units`, the targets' units, which the office names as it sends it on."""
    return leads if led == of else units


def _requirements(
    problems: Sequence[Problem],
    done_open: int,
    issued: dt.date,
    as_of_shown: dt.date,
    working_day: Callable[[dt.date], dt.date] | None = None,
    led: tuple[int, int] | None = None,
) -> list[str]:
    """The requirements; `led` counts the problems and the done, open targets that have a
    lead unit (all of them when None)."""
    led_problems, led_done = led if led is not None else (len(problems), done_open)
    kinds = {p.kind for p in problems}
    reply_by = issued + dt.timedelta(days=REPLY_DAYS)
    if working_day is not None:  # due on a Sunday or in 国庆 is due the next working day
        reply_by = working_day(reply_by)
    due = f"{reply_by.month}月{reply_by.day}日"
    if (
        reply_by.year != as_of_shown.year
    ):  # a closed year's bulletin: "12月12日" would read as its own
        due = f"{reply_by.year}年{due}"
    lines = []
    if problems:
        lines.append(
            # Said in words: the bulletin is printed and filed, and a chat command means
            # nothing on paper.
            _who(led_problems, len(problems), "被通报的牵头单位", "被通报目标的责任单位")
            + f"须于{due}前报送整改措施和最新进展，{HOW_TO_REPORT}。"
        )
    if "滞后" in kinds:
        lines.append("滞后于序时进度的目标，须说明原因，明确追赶措施和时间节点。")
    if "逾期" in kinds:
        lines.append("逾期的目标，须说明逾期原因和完成时限，督查局将跟踪督办。")
    if "暂无数据" in kinds:
        lines.append("暂无数据的目标，须补报完成数据；数据尚未发布的，注明发布时间。")
    if done_open:
        lines.append(
            f"已完成但尚未销号的{done_open}项目标，请"
            + _who(led_done, done_open, "牵头单位", "各目标的责任单位")
            + "提交佐证材料，经核实后销号。"
        )
    return lines


def build_bulletin(
    ledger: LedgerSpec,
    *,
    as_of: dt.date,
    since: dt.date,
    changed: Mapping[int, int],
    issued: dt.date | None = None,
    working_day: Callable[[dt.date], dt.date] | None = None,
) -> Bulletin:
    """The bulletin on `as_of`; `changed` maps a target number to its changes since `since`.

    `issued` is the day it is written: the units' reply is due days after it, not after
    `as_of`, which for a closed year is its close (a 2020 bulletin written in 2026 asks for
    replies in 2026, not by 2021-01-06). `working_day` (the work calendar's
    `next_working_day`) moves a reply day that falls on a weekend or holiday to the next
    working day."""
    summary = report_summary(ledger, as_of=as_of)
    shown = shown_day(as_of, ledger.year)
    by_number = ledger.by_number()
    changes = tuple(
        f"第{n}项 {by_number[n].title}（{count}处更新）"
        for n, count in sorted(changed.items())
        if n in by_number
    )
    problems = [p for t in ledger.targets if (p := _problem(t, as_of)) is not None]
    grouped: dict[str, list[Problem]] = {}
    for p in problems:
        lead = lead_unit_names(by_number[p.number])
        grouped.setdefault(NO_LEAD if lead == "—" else lead, []).append(p)
    done = [
        t for t in ledger.targets if t.closed is None and compute_status(t, as_of) in DONE_STATUSES
    ]
    done_open = len(done)
    led = (
        sum(1 for p in problems if by_number[p.number].lead_units),
        sum(1 for t in done if t.lead_units),
    )
    return Bulletin(
        title=f"{ledger.title}督查通报",
        as_of=as_of,
        as_of_shown=shown,
        since=since,
        summary=summary,
        closed=sum(1 for t in ledger.targets if t.closed is not None),
        changes=changes,
        problems=tuple((unit, tuple(grouped[unit])) for unit in _by_severity(grouped)),
        requirements=tuple(
            _requirements(problems, done_open, issued or as_of, shown, working_day, led)
        ),
        issued=issued,
    )


def bulletin_sections(b: Bulletin) -> list[tuple[str, list[str]]]:
    """(heading, paragraphs) of the four parts, shared by the text and the Word bulletin."""
    counts = "、".join(f"{status}{n}项" for status, n in b.summary.counts if n)
    total = b.summary.total
    overall = [f"截至{b.summary.as_of_text}，共{total}项目标：{counts}；已销号{b.closed}项。"]
    written = b.issued or b.as_of
    since = f"{b.since.month}月{b.since.day}日"
    # With its year when it is not the year written nor the year reported on: "11月30日以来"
    # under "数据截至2020-12-31" would read as a day of 2020, as the reply-by day would.
    if b.since.year != written.year or b.since.year != b.as_of_shown.year:
        since = f"{b.since.year}年{since}"
    changes = (
        [f"{since}以来，{len(b.changes)}项目标有更新：" + "；".join(b.changes) + "。"]
        if b.changes
        else [f"{since}以来，没有目标更新数据或进展。"]
    )
    problems = [
        # a ledger that names no lead unit at all: the problems, under no heading of one
        ("" if [u for u, _ in b.problems] == [NO_LEAD] else f"{unit}：")
        + "；".join(f"第{p.number}项 {p.title}（{p.kind}，{p.detail}）" for p in ps)
        + "。"
        for unit, ps in b.problems
    ] or ["本期没有需要通报的问题。"]
    requirements = [f"{i}. {line}" for i, line in enumerate(b.requirements, 1)] or [
        "请各责任单位继续按时限推进，按时报送进展。"
    ]
    return [
        ("一、总体情况", overall),
        ("二、进展变化", changes),
        ("三、存在问题", problems),
        ("四、下一步要求", requirements),
    ]


def date_line(b: Bulletin) -> str:
    """ "第3期（数据截至2020年10月23日）": the line under the title."""
    issue = f"第{b.number}期" if b.number is not None else ""
    return f"{issue}（数据截至{b.summary.as_of_text}）"


def write_bulletin_docx(target, b: Bulletin, office: str, issued: dt.date) -> None:
    """The bulletin as a Word file in the report's official layout, to a path or a stream."""
    write_sections_docx(
        target,
        title=b.title,
        date_line=date_line(b),
        sections=bulletin_sections(b),
        office=office,
        issued=issued,
    )


def render_bulletin_txt(b: Bulletin, office: str, issued: dt.date | None = None) -> str:
    """The bulletin as plain text, for chat and the console, signed on `issued` (the day it
    is written; `as_of` by default)."""
    day = issued or b.as_of
    lines = [b.title, date_line(b), ""]
    for heading, paragraphs in bulletin_sections(b):
        lines += [heading, *paragraphs, ""]
    lines += [office, f"{day.year}年{day.month}月{day.day}日"]
    return "\n".join(lines)
