"""Read a report in the seed's format (preamble, `N.` targets, progress paragraphs).

`parse_report` splits the text; `draft_ledger` turns it into a draft ledger with the
deadlines and figures pre-extracted, for staff to curate by hand.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bot.domain.ledger import KNOWN_UNITS, DeadlineSpec, strip_control_characters
from bot.drafting.groups import Group, find_headings, group_of, listed_in_runs
from bot.drafting.numbered_notices import numbered_mentions, refusal


class ReportFormatError(Exception):
    """The text is not a report in the expected format; the message names the line."""


@dataclass(frozen=True)
class ReportTarget:
    number: int
    target_text: str
    progress_text: str
    same_line: bool
    line: int  # 1-based line of the `N.` line
    group: Group | None = None  # the status heading the item is listed under (groups.py)


@dataclass(frozen=True)
class Report:
    preamble: str
    targets: tuple[ReportTarget, ...]


_SENTENCE_END = "。"
# A closing line that signs the report: an office ("六安市民生办", "县督查局") or a date.
_SIGNATURE = re.compile(
    r"^\s*(?:[^\s\d，,。；;:：]{2,16}(?:办公室|办|局|委员会|委|政府|中心|小组)"
    r"|20\d{2}年\d{1,2}月\d{1,2}日)\s*$"
)


def _split_same_line(text: str) -> tuple[str, str]:
    # A target whose result shares its line ends its target sentence at the first 。
    head, sep, tail = text.partition(_SENTENCE_END)
    if sep and tail.strip():
        return head + sep, tail
    return text, ""


_ITEM_START = re.compile(r"^\s*(\d{1,3})[.．、]\s*(.*)$")


def _item_start(line: str, last: int) -> tuple[int, str]:
    """The item number a line opens (0 if none) after item `last`, and the rest of the line.

    The next number in order always opens an item, even before a figure ("5.10月底前…").
    A report may list only some items of a longer list, by their own numbers (3, 5, 6, …):
    a larger number opens an item too, but only where no digit follows the separator,
    since a line may begin with a decimal ("12.5%…").
    """
    match = _ITEM_START.match(line)
    if not match:
        return 0, ""
    number, rest = int(match.group(1)), match.group(2)
    if number == last + 1 or (number > last and not rest[:1].isdigit()):
        return number, rest
    return 0, ""


def _listed_report(lines: list[str], listed: list, problem: str) -> Report:
    if problem:
        raise ReportFormatError(problem)
    return Report(
        preamble="\n".join(lines[: listed[0].group.line - 1]).strip("\n"),
        targets=tuple(
            ReportTarget(k + 1, item.name, "", False, item.line, item.group)
            for k, item in enumerate(listed)
        ),
    )


def parse_report(text: str) -> Report:
    """Split report text into its preamble and numbered targets, in increasing order.

    Invisible control characters (which no ledger field may hold) are dropped first.
    """
    text = strip_control_characters(text)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines:
        raise ReportFormatError("第1行：报告是空的；请提供报告全文，每个目标一行，以“1.”开头")
    starts: list[tuple[int, int, str]] = []  # (line index, number, rest)
    preamble_lines: list[str] = []
    for index, line in enumerate(lines):
        number, rest = _item_start(line, starts[-1][1] if starts else 0)
        if number:
            starts.append((index, number, rest))
        elif not starts:
            preamble_lines.append(line)
    if not starts:  # items named in runs under headings (groups.py), or by number (mentions.py)
        listed, problem = listed_in_runs(lines)
        if listed or problem:
            return _listed_report(lines, listed, problem)
        mentioned = numbered_mentions(lines)
        if not mentioned:
            raise ReportFormatError(refusal(lines))
        return Report(
            preamble="\n".join(lines[: mentioned[0].line - 1]).strip("\n"),
            targets=tuple(ReportTarget(m.number, "", m.words, False, m.line) for m in mentioned),
        )
    targets = []
    last = len(lines)
    while last - 1 > starts[-1][0] and _SIGNATURE.match(lines[last - 1]):
        last -= 1  # the office's signature or the date under the last item
    headings = find_headings(lines, {index for index, _n, _r in starts})
    for k, (index, number, rest) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else last
        end = min([end, *(h for h in headings if index < h < end)])  # a heading ends an item
        group = group_of(headings, index)
        body = [ln for ln in lines[index + 1 : end] if ln.strip()]
        if body:
            targets.append(ReportTarget(number, rest, "\n".join(body), False, index + 1, group))
        else:
            head, tail = _split_same_line(rest)
            targets.append(ReportTarget(number, head, tail, bool(tail), index + 1, group))
    return Report(preamble="\n".join(preamble_lines).strip("\n"), targets=tuple(targets))


_UNIT_PATTERN = "|".join(
    re.escape(u) for u in sorted(KNOWN_UNITS + ("万", "亿"), key=len, reverse=True)
)
# "2500余人次", "30多场": an approximate figure keeps its unit (the figure is as written).
FIGURE_RE = re.compile(
    rf"(?<![\d.])(-?)(\d{{1,3}}(?:,\d{{3}})+|\d+)(\.\d+)?\s*"
    rf"(?:[余多](?=(?:{_UNIT_PATTERN})))?({_UNIT_PATTERN})?"
)
# "7月底前", "2021年6月底", "9月30日前", "年底前", "年内", "上半年": when a target falls due.
_DEADLINE_RE = re.compile(
    r"(?:(20\d{2})年)?(?:(\d{1,2})月(?:底|末)(?:之前|前)?|(\d{1,2})月(\d{1,2})日(?:之前|前)"
    r"|(上半年)(?:之前|前)?)|年底前|年底|年内"
)
_SENTENCE = re.compile(r"[^。；;]+")


@dataclass(frozen=True)
class Figure:
    value: str  # thousands separators removed
    unit: str
    start: int
    end: int


def _is_not_a_figure(text: str, start: int, end: int, value: str) -> bool:
    # Dates (2020年, 9月28日, 1-11月), ranges (0—6岁), list markers "(1)", document numbers
    # 〔2019〕 and names such as 35千伏 or 1000千伏 carry no ledger figure.
    after, before = text[end : end + 1], text[start - 1 : start]
    if after in ("年", "月", "日", "号", "岁", "千") and "." not in value:
        return True
    if after in ("—", "-", "〕", "、") or before in ("〔", "—", "-"):
        return True
    if before.isascii() and before.isalpha():  # PM2.5, P2实验室: names, not figures
        return True
    return before in ("(", "（") and after in (")", "）")


_ORDINAL_BEFORE = re.compile(r"第(?:\d+[、,，和及])*$")


def extract_figures(text: str) -> list[Figure]:
    """Every figure in the text with its unit, skipping dates, ranges, markers and names."""
    figures = []
    for m in FIGURE_RE.finditer(text):
        sign = m.group(1) if m.start() == 0 or not text[m.start() - 1].isdigit() else ""
        value = sign + m.group(2).replace(",", "") + (m.group(3) or "")
        unit = m.group(4) or ""
        number_start = m.start(2)
        number_end = m.end(3) if m.group(3) else m.end(2)
        if not unit and _is_not_a_figure(text, number_start, number_end, value):
            continue
        if unit not in ("位", "名") and _ORDINAL_BEFORE.search(
            text[max(0, number_start - 12) : number_start]
        ):
            continue  # "第3所", "第17、18件": ordinals, not amounts ("第3位" is a rank)
        if unit == "个" and text[m.end() : m.end() + 1] == "月":
            continue  # "滞后了2个月": a duration
        figures.append(Figure(value=value, unit=unit, start=m.start(), end=m.end()))
    return figures


def _month_end(year: int, month: int) -> dt.date:
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


# A month's entry in a plan ("4月:完成筛查1480人"): the month's end is a milestone.
_PLAN_MONTH = re.compile(r"(?<![\d\-—~至])(\d{1,2})月[:：]")
# "8月底前…确保完成年度任务": the year's whole target falls due on that date.
_WHOLE_TASK = re.compile(r"(?:年度|全年)(?:目标)?任务|(?:年度|全年)目标")


def _leads_undated(sentence: str) -> bool:
    """ "完成危房改造200户，6月底前完成100户": the sentence's whole amount comes before the
    clause with a date, which sets a milestone amount of its own; the whole is due at the
    year's end."""
    clauses = re.split(r"[，,]", sentence)
    first = next((k for k, c in enumerate(clauses) if _DEADLINE_RE.search(c)), 0)
    if first == 0:
        return False
    lead, dated = "，".join(clauses[:first]), "，".join(clauses[first:])
    return any(f.unit for f in extract_figures(lead)) and any(
        f.unit for f in extract_figures(_DEADLINE_RE.sub("", dated))
    )


def extract_deadlines(target_text: str, year: int, plan: str = "") -> list[DeadlineSpec]:
    """Deadlines named in a target's text (and its month's `plan`), in the year written or
    else the ledger's; the year end when none is named, and for a sentence of the target
    that names none beside others, unless one says the year's task falls due earlier."""
    found: list[DeadlineSpec] = []
    for m in _PLAN_MONTH.finditer(plan):
        if 1 <= int(m.group(1)) <= 12:
            found.append(DeadlineSpec(date=_month_end(year, int(m.group(1))), text=m.group(0)))
    whole_year_due = any(
        _DEADLINE_RE.search(sentence) and _WHOLE_TASK.search(sentence)
        for sentence in _SENTENCE.findall(plan)
    )
    target_text = f"{target_text}\n{plan}" if plan else target_text
    for m in _DEADLINE_RE.finditer(target_text):
        due_year = int(m.group(1)) if m.group(1) else year
        try:
            if m.group(2):
                date = _month_end(due_year, int(m.group(2)))
            elif m.group(3):
                date = dt.date(due_year, int(m.group(3)), int(m.group(4)))
            elif m.group(5):
                date = dt.date(due_year, 6, 30)
            else:
                date = dt.date(year, 12, 31)
        except ValueError:  # "13月底", "2月30日": no date
            continue
        found.append(DeadlineSpec(date=date, text=m.group(0)))
    year_end = dt.date(year, 12, 31)
    undated = [
        sentence
        for sentence in _SENTENCE.findall(target_text)
        if len(re.findall(r"[\u4e00-\u9fff]", sentence)) >= 4
        and (not _DEADLINE_RE.search(sentence) or _leads_undated(sentence))
    ]
    if found and undated and all(d.date != year_end for d in found) and not whole_year_due:
        found.append(DeadlineSpec(date=year_end, text="年底前"))
    unique = {(d.date, d.text): d for d in found}
    return list(unique.values()) or [DeadlineSpec(date=year_end, text="年底前")]
