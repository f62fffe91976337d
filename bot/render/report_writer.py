"""Write the ledger back out as a report: plain text (the seed's format), Markdown and Word.

Pure functions over a `LedgerSpec` (no transport, no database). The plain text of an
unmodified ledger reproduces the seed report line for line, then appends a summary. Where a
figure changed after the import, the progress line states the current figure with its as-of
words and the date of the change (`progress_line`); a progress text a person edited gets a
trailing "（2020-12-20更新）".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.domain.ledger import (
    CATEGORIES,
    COMPARATOR_SIGNS,
    STATUSES,
    IndicatorSpec,
    LedgerSpec,
    TargetSpec,
)
from bot.domain.progress_notes import appended_notes
from bot.domain.status import (
    as_of_label,
    completion_ratio,
    compute_status,
    indicator_met,
    light_for,
)

# Targets listed in the summary as not done, in this order.
PENDING_STATUSES = ("滞后", "未完成", "暂无数据", "推进中")
SUMMARY_HEADING = "附表：目标落实情况汇总"
SUMMARY_HEADING_SHORT = "目标落实情况汇总"
# One colour per light, shared by the Word report and the charts (hex RGB, no "#").
LIGHT_COLOURS = {"🟢": "2E7D32", "🟡": "E69F00", "🔴": "C62828", "⚪": "808080"}
CHINESE_ORDINALS = "一二三四五六七八九十"


# --- shared pieces ----------------------------------------------------------------------


def update_mark(target: TargetSpec, tz: dt.tzinfo) -> str:
    """ "（2020-12-20更新）" when a person changed the progress text (date in `tz`), else "";
    nothing after dated notes ("（2020-12-20补充）…"), which say their day already."""
    if target.progress_changed_at is None or appended_notes(target.progress_text) is not None:
        return ""
    return f"（{_local_date(target.progress_changed_at, tz)}更新）"


def status_mark(target: TargetSpec, status: str) -> str:
    """A target's status as a report states it: "已完成", "已完成，已销号（2020-12-20）"."""
    return f"{status}，{target.closed.label}" if target.closed is not None else status


def lead_unit_names(target: TargetSpec) -> str:
    return "、".join(u.name for u in target.lead_units) or "—"


@dataclass(frozen=True)
class PendingTarget:
    number: int
    title: str
    status: str
    lead_units: str


@dataclass(frozen=True)
class ReportSummary:
    as_of: dt.date
    as_of_text: str  # as shown: "2020-12-31，2020年度已结束" once the year is over
    total: int
    counts: tuple[tuple[str, int], ...]  # every status, in STATUSES order, zeros included
    pending: tuple[PendingTarget, ...]  # not done, grouped in PENDING_STATUSES order


def report_summary(ledger: LedgerSpec, *, as_of: dt.date) -> ReportSummary:
    """Counts by status and the targets not done (with their lead units) on `as_of`."""
    statuses = {t.number: compute_status(t, as_of) for t in ledger.targets}
    counts = tuple((s, sum(1 for v in statuses.values() if v == s)) for s in STATUSES)
    pending = tuple(
        PendingTarget(t.number, t.title, statuses[t.number], lead_unit_names(t))
        for status in PENDING_STATUSES
        for t in ledger.targets
        if statuses[t.number] == status
    )
    return ReportSummary(
        as_of=as_of,
        as_of_text=as_of_label(as_of, ledger.year),
        total=len(ledger.targets),
        counts=counts,
        pending=pending,
    )


def _local_date(stamp: dt.datetime, tz: dt.tzinfo) -> str:
    if stamp.tzinfo is None:  # SQLite hands back naive UTC datetimes
        stamp = stamp.replace(tzinfo=dt.UTC)
    return f"{stamp.astimezone(tz):%Y-%m-%d}"


def figure_sentence(ind: IndicatorSpec, tz: dt.tzinfo) -> str:
    """A changed figure: "截止12月底新增贷款25.1亿元，为目标14亿元的179.3%（2026-12-06更新）"."""
    text = f"{ind.as_of}{ind.name}{ind.actual}{ind.shown_actual_unit}"
    ratio, met = completion_ratio(ind), indicator_met(ind)
    goal = f"{COMPARATOR_SIGNS[ind.comparator] if ind.comparator != '>=' else ''}{ind.target}"
    if ratio is not None:
        text += f"，为目标{goal}{ind.unit}的{ratio}%"
    elif met is not None:
        text += f"，{'达到' if met else '未达到'}目标{goal}{ind.unit}"
    if ind.changed_at is not None:
        text += f"（{_local_date(ind.changed_at, tz)}更新）"
    return text


def progress_line(target: TargetSpec, tz: dt.tzinfo) -> str:
    """The target's progress as the live ledger has it, for every report format.

    Figures changed after the import replace the imported sentence: each is stated with its
    as-of words and the date of the change, beside the other figures with a target the
    sentence gave (they would be lost with it). A progress text a person changed is kept,
    with its date; an untouched target prints the imported text exactly as the seed has it.
    """
    changed = [i for i in target.indicators if i.changed_at is not None and i.actual]
    if not changed:
        return target.progress_text + update_mark(target, tz)
    # A figure without a target ("目标完成率93.5%") is the old sentence's arithmetic, stale
    # beside the new figure: only the measures the target sets are stated again.
    stated = [i for i in target.indicators if i.actual and (i.target or i.changed_at is not None)]
    line = "；".join(figure_sentence(i, tz) for i in stated) + "。"
    if target.progress_changed_at is not None and target.progress_text:
        # Notes appended to the imported text follow the figure alone: the imported sentence
        # they were appended to states the figure the change replaced (24.43 beside 25).
        notes = appended_notes(target.progress_text)
        if notes is not None:
            return f"{line}\n{notes}"
        line += target.progress_text + f"（{_local_date(target.progress_changed_at, tz)}更新）"
    return line


def progress_with_mark(target: TargetSpec, tz: dt.tzinfo) -> str:
    return progress_line(target, tz)


def by_category(ledger: LedgerSpec) -> list[tuple[str, list[TargetSpec]]]:
    order = list(CATEGORIES) + sorted({t.category for t in ledger.targets} - set(CATEGORIES))
    groups = [(c, [t for t in ledger.targets if t.category == c]) for c in order]
    return [(c, ts) for c, ts in groups if ts]


def ordinal(index: int) -> str:
    if index < len(CHINESE_ORDINALS):
        return CHINESE_ORDINALS[index]
    return str(index + 1)


# --- plain text -------------------------------------------------------------------------


def target_lines(target: TargetSpec, tz: dt.tzinfo) -> list[str]:
    """The seed's lines for one target: `N.目标` then the progress, or both on one line."""
    progress = progress_with_mark(target, tz)
    head = f"{target.number}.{target.target_text}"
    if target.same_line:
        return [head + progress]
    return [head, *progress.split("\n")] if progress else [head]


def _summary_txt(summary: ReportSummary) -> list[str]:
    lines = [
        "",
        f"{SUMMARY_HEADING}（截至{summary.as_of_text}，共{summary.total}项）",
        "状态｜项数",
    ]
    lines += [f"{status}｜{n}" for status, n in summary.counts]
    lines.append(f"合计｜{summary.total}")
    lines.append("")
    if summary.pending:
        lines.append(f"尚未完成的目标（{len(summary.pending)}项）：")
        lines.append("序号｜目标｜状态｜牵头单位")
        lines += [f"{p.number}｜{p.title}｜{p.status}｜{p.lead_units}" for p in summary.pending]
    else:
        lines.append("尚未完成的目标：无")
    return lines


def render_report_txt(
    ledger: LedgerSpec, *, as_of: dt.date, tz: dt.tzinfo, preamble: str | None = None
) -> str:
    """The report in the seed's plain-text format, followed by a summary table."""
    lines = [ledger.preamble if preamble is None else preamble]
    for target in ledger.targets:
        lines += target_lines(target, tz)
    lines += _summary_txt(report_summary(ledger, as_of=as_of))
    return "\n".join(lines) + "\n"


# --- Markdown ---------------------------------------------------------------------------

_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#"})


def md_escape(text: str) -> str:
    """Escape the characters Markdown would read as markup (the texts are plain prose)."""
    return text.translate(_MD_SPECIAL)


def render_report_md(
    ledger: LedgerSpec,
    *,
    as_of: dt.date,
    tz: dt.tzinfo,
    preamble: str | None = None,
    title: str | None = None,
) -> str:
    """The report as Markdown: a heading per category, each target with its light and status."""
    summary = report_summary(ledger, as_of=as_of)
    lines = [
        f"# {md_escape(title or ledger.title + '落实情况')}",
        "",
        f"数据截至 {as_of_label(as_of, ledger.year)}",
        "",
        md_escape(ledger.preamble if preamble is None else preamble),
    ]
    for index, (category, targets) in enumerate(by_category(ledger)):
        lines += ["", f"## {ordinal(index)}、{category}（{len(targets)}项）"]
        for t in targets:
            status = compute_status(t, as_of)
            lines += [
                "",
                f"**{t.number}\\. {md_escape(t.target_text)}** {light_for(status)}"
                + status_mark(t, status),
            ]
            progress = progress_with_mark(t, tz)
            if progress:
                lines += ["", "  \n".join(md_escape(p) for p in progress.split("\n"))]
    lines += ["", f"## {SUMMARY_HEADING}", "", "| 状态 | 项数 |", "| --- | ---: |"]
    lines += [f"| {light_for(s)} {s} | {n} |" for s, n in summary.counts]
    lines += [f"| 合计 | {summary.total} |", ""]
    if summary.pending:
        lines += [
            f"尚未完成的目标（{len(summary.pending)}项）：",
            "",
            "| 序号 | 目标 | 状态 | 牵头单位 |",
            "| ---: | --- | --- | --- |",
        ]
        lines += [
            f"| {p.number} | {md_escape(p.title)} | {light_for(p.status)} {p.status} "
            f"| {md_escape(p.lead_units)} |"
            for p in summary.pending
        ]
    else:
        lines.append("尚未完成的目标：无")
    return "\n".join(lines) + "\n"


def split_summary(text: str) -> tuple[str, str]:
    """(report, summary) of `render_report_txt` output, so the report part re-parses cleanly."""
    marker = "\n\n" + SUMMARY_HEADING
    head, sep, tail = text.partition(marker)
    return (head, (sep + tail).lstrip("\n")) if sep else (text, "")
