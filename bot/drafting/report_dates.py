"""When a report is from: the ledger year its targets are for (`guess_year`) and the day
its progress is as of (`report_day`), read from its words and headings.

Pure functions over text; a guess returns the words it relied on as a `Reading`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from bot.drafting.mentions import clause_at
from bot.drafting.words import Reading

_YEAR = re.compile(r"(?<!\d)(20\d{2})(?:年|\s*年度)")
# Words after a year that make it the year the targets are for, and before it that make it a
# year compared with ("比2019年", "较上年") or a document's date.
_FOR_YEAR_AFTER = ("年度", "年底", "年内", "年全年", "年计划", "年目标", "年重点", "年民生")
_COMPARED_BEFORE = ("比", "较", "与", "同比", "上年", "基础上")
_HORIZON_BEFORE = ("到", "至", "到了")
_DATE_AFTER = re.compile(r"年\d{1,2}月\d{1,2}日")
# A year followed by the period the progress covers ("2019年1-11月", "2017年1至7月",
# "2024年上半年") is the year reported on.
_PERIOD_AFTER = re.compile(
    r"年(?:度)?\s*(?:1\s*[-—至~]\s*\d{1,2}月|[上下]半年|前?[一二三四]季度|全年)"
)


# A year whose clause goes on to the period its progress covers ("2030年某市民生实事前三季度
# 实施情况", "2030年全县重点工作1-9月进展"): the year reported on, named a few words before it.
_PERIOD_IN_CLAUSE = re.compile(
    r"年[^，,。；;：:\n\d]{2,16}?(?:前?[一二三四]季度|[上下]半年|1\s*[-—至~]\s*\d{1,2}月)"
    r"[^，,。；;\n]{0,6}?(?:实施|进展|完成|落实|推进)"
)
# A year whose clause collects proposals or plans ("开展2031年民生实事项目征集", "谋划2031年
# 重点工作", "启动了2031年区重点项目梳排"): the next list, being prepared, not the one reported on.
_NEXT_LIST = re.compile(r"(?:征集|谋划|筹备|储备|遴选|梳排)")


# A year followed by the count of its list ("2015年25件重点民生实事", "2021年10个方面…").
_LIST_AFTER = re.compile(r"年(?:度)?\s*\d{1,3}\s*(?:件|项|个方面)")
# The end of a span of years ("2013—2017年"): a plan of several years, not the ledger's year.
_RANGE_BEFORE = re.compile(r"20\d{2}\s*年?\s*[—\-~～至到]\s*$")
# A date written with dashes, dots or slashes ("发布时间：2019-12-05"): a publication date.
_NUMERIC_DATE = re.compile(r"(?<!\d)(20\d{2})[-./](\d{1,2})[-./]\d{1,2}(?!\d)")
_DATE_MONTH = re.compile(r"年(\d{1,2})月\d{1,2}日")
# The last month of the period a progress report covers ("1-11月", "截至11月底").
_PERIOD_MONTH = re.compile(r"(?:1\s*[-—至~]\s*|截至|截止)(\d{1,2})月")


# The report speaks of its own year ("今年以来", "本年度") without naming it.
_THIS_YEAR = re.compile(r"今年|本年度")
_YEAR_DATE = re.compile(r"(?<!\d)(20\d{2})年\d{1,2}月\d{1,2}日")
# The report speaks of the year before its own ("去年全市15件民生实事全面完成"), not in a
# comparison ("比去年", "较去年同期").
_LAST_YEAR = re.compile(r"(?<![比较与于同])(?:去年|上年度)(?!同期|同比|底)")
# A month of publication at the report's edge ("2032年1月发布"): a date, though without a day.
_MONTH_DATE = re.compile(r"(?<!\d)(20\d{2})年\d{1,2}月(?:\d{1,2}日)?(?:发布|印发)?")


def guess_year(text: str, fallback: int) -> Reading:
    """The year the targets are for: years named as the plan's year weigh most, compared
    years and full dates (a publication date) least; `fallback` when no year is named.

    A report known only by its publication date is about that date's year, or the year
    before when it reports on months later than its date ("1-11月" published in January)."""
    scores: Counter[int] = Counter()
    dated: dict[int, int] = {}  # year -> the month of its earliest full date
    ahead: set[int] = set()  # years named in preparing the next list
    named: set[int] = set()  # years named otherwise
    title_end = len(text.lstrip().split("\n", 1)[0]) + len(text) - len(text.lstrip())
    for m in _YEAR.finditer(text):
        year, before = int(m.group(1)), text[max(0, m.start() - 3) : m.start()]
        after = text[m.end() - 1 : m.end() + 5]
        weight = 1.0
        tail = text[m.start() + 4 :]
        if any(after.startswith(w) or tail.startswith(w) for w in _FOR_YEAR_AFTER):
            weight = 4.0
        if any(before.endswith(w) for w in _COMPARED_BEFORE):
            weight = 0.2
        elif before.endswith(_HORIZON_BEFORE):  # "到2020年底": a plan's horizon, not its year
            weight = min(weight, 1.0)
        if _PERIOD_AFTER.match(text, m.start() + 4) or _PERIOD_IN_CLAUSE.match(
            text, m.start() + 4
        ):
            weight = max(weight, 4.0)
        if _LIST_AFTER.match(text, m.start() + 4) and weight >= 1.0:  # not "比2019年2项"
            weight = 4.0
        if _RANGE_BEFORE.search(text[max(0, m.start() - 6) : m.start()]):
            weight = 0.2  # "(2013—2017年)": the span of a plan of several years
        if _NEXT_LIST.search(clause_at(text, m.start())):
            weight = min(weight, 0.5)
            ahead.add(year)
        else:
            named.add(year)
        date = _DATE_MONTH.match(text, m.start() + 4)
        if date:
            weight = min(weight, 0.5)
            dated[year] = min(dated.get(year, 12), int(date.group(1)))
        if m.start() < title_end:  # the title names the year its report is about
            weight *= 2
        scores[year] += weight
    for m in _NUMERIC_DATE.finditer(text):
        year = int(m.group(1))
        named.add(year)
        scores[year] += 0.5
        dated[year] = min(dated.get(year, 12), int(m.group(2)))
    this_year = _THIS_YEAR.search(text)
    # The publication's date: on the report's first lines, or signed on its last ones.
    lines = text.strip().split("\n")
    edges = "\n".join(lines[:3]) + "\n" + "\n".join(lines[-3:] if len(lines) > 3 else [])
    first_date = min(
        (m for m in (*_YEAR_DATE.finditer(edges), *_NUMERIC_DATE.finditer(edges))),
        key=lambda m: m.start(),
        default=None,
    )
    last_year = _LAST_YEAR.search(text)
    if last_year and not this_year:
        dated_edge = first_date or min(
            _MONTH_DATE.finditer(edges), key=lambda m: m.start(), default=None
        )
        if dated_edge:
            # "去年…" in a report dated 2032: its year is 2031, above the date's own.
            own = int(dated_edge.group(1)) - 1
            scores[own] += 2.0
            for later in [y for y in scores if y > own]:
                scores[later] *= 0.25
    if this_year and first_date:
        # "今年以来…" in a report dated "2021年11月19日": the year it speaks of is its date's,
        # above a plan's horizon ("到2025年") or a compared year.
        own = int(first_date.group(1))
        scores[own] += 2.0
        for later in [y for y in scores if y > own]:
            scores[later] *= 0.25  # "2032年民生实事计划正在编制" in a report of 2031: next year's
    if not scores:
        return Reading(str(fallback), f"报告未写年份，按{fallback}年推定", 0.3)
    (best, score), *rest = scores.most_common() + [(0, 0.0)]
    runner_up = rest[0][1] if rest else 0.0
    confidence = 0.9 if score >= 2 * max(runner_up, 1.0) else 0.6
    period = _PERIOD_MONTH.search(text)
    if best in ahead and not named:
        # "上月已启动了2031年区重点项目梳排": the only year named is the next list's, being
        # prepared while this year's is reported on.
        return Reading(str(best - 1), f"报告只写了{best}年的下一批项目，按{best - 1}年", 0.5)
    if best in dated and score <= 1.0 and period and int(period.group(1)) > dated[best]:
        # Only a date names the year, and the months reported on lie after it.
        return Reading(str(best - 1), f"发布于{best}年{dated[best]}月，报告{period.group(0)}", 0.5)
    return Reading(str(best), f"{best}年（{score:g}分）", confidence)


_AS_OF = re.compile(
    r"(?:截至|截止|截止到|截至到)\s*(?:(20\d{2})年)?\s*(\d{1,2})月(?:(\d{1,2})日|底|份|末)?"
    r"|(\d{1,2})\s*[-—至~]\s*(\d{1,2})月"
)


def month_end(year: int, month: int) -> dt.date:
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


# Periods named by their half or quarter of the year, and the month each ends with.
_PERIODS = (
    # "…重点工作半年度进展情况表": the half year (not a 下半年度 plan).
    (re.compile(r"上半年|前两个?季度|二季度|(?<![下全])半年度"), 6),
    (re.compile(r"三季度"), 9),
    (re.compile(r"一季度"), 3),
    # "…绩效任务四季度进展情况": the fourth quarter ends with the year.
    (re.compile(r"四季度"), 12),
)


# A title naming the month its progress is of: "2023年10月份…进展情况", "4月…进展情况汇总表".
_MONTH_TITLE = re.compile(
    r"(?<![\d月])(\d{1,2})月份?(?!\d|底前|前)[^。；;\n]{0,30}?(?:进展|进度|落实|完成|推进|实施)"
)


# A heading that names a report of progress without the day it is of ("…完成情况",
# "进度表", "截至目前,18项…", a block headed "【工作进度】", "实施进度通报如下", "…进展顺利"):
# its items tell what was done, though the day is unknown.
_PROGRESS_HEADING = re.compile(
    r"(?:完成|进展|进度|落实|推进|实施|办理)情况|进度表|进展表|(?:截至|截止)(?:目前|当前)"
    r"|工作进[度展]|进[度展](?:如下|通报|顺利)"
)


# A heading naming the year's completion ("2023年度重点工作目标任务完成情况", "全年…完成情况"):
# its words are as of the year's close, though no day is written.
_YEAR_END_HEADING = re.compile(r"(?:年度|全年|年终)[^。；;\n]{0,24}?完成情况")


def reports_year_end(heading: str) -> bool:
    """The heading's first line reports the year's completion, with no earlier period."""
    first = heading.strip().split("\n", 1)[0]
    return bool(_YEAR_END_HEADING.search(first)) and report_day(first, 2000) is None


def tells_progress(heading: str, text: str = "") -> bool:
    """The heading says its report tells progress ("…完成情况", "截至目前"), dated or not, or
    the `text`'s section headings do (`sections_tell_progress`)."""
    return bool(_PROGRESS_HEADING.search(heading)) or sections_tell_progress(text)


# A section heading of its own line naming progress ("一、分类型进展情况", "二、总体完成情况").
_PROGRESS_SECTION = re.compile(
    r"^\s*[一二三四五六七八九十]+、[^。；;，,\n]{0,16}?(?:进展|完成)情况\s*$", re.M
)


def sections_tell_progress(text: str) -> bool:
    """A report with no title whose section headings say they tell progress ("一、分类型进展
    情况", "二、分行业进展情况"): a report of progress, as such a title would make it."""
    return len(_PROGRESS_SECTION.findall(text)) >= 2


# A news agency's dateline: "新华社北京11月19日电", "人民网石家庄11月19日电（记者…）".
_DATELINE = re.compile(r"(?<!\d)(\d{1,2})月(\d{1,2})日电")


def report_day(heading: str, year: int) -> dt.date | None:
    """The day a report's heading says its progress is as of ("截至10月31日", "1-11月",
    "上半年", "前三季度", a title's "10月份…进展情况": that month's end)."""
    m = _AS_OF.search(heading)
    if not m:
        for pattern, month in _PERIODS:
            if pattern.search(heading):
                return month_end(year, month)
        title = _MONTH_TITLE.search(heading.strip().split("\n", 1)[0])
        if title and 1 <= int(title.group(1)) <= 12:
            return month_end(year, int(title.group(1)))
        dateline = _DATELINE.search(heading)
        try:  # "人民网石家庄11月19日电": a news report's own day, when it names no period
            return dt.date(year, int(dateline.group(1)), int(dateline.group(2)))
        except (AttributeError, ValueError):
            return None
    try:
        if m.group(2):
            y = int(m.group(1) or year)
            month = int(m.group(2))
            if m.group(3):
                return dt.date(y, month, int(m.group(3)))
            return month_end(y, month)
        return month_end(year, int(m.group(5)))
    except ValueError:
        return None


def likely_year(text: str, today: dt.date) -> int:
    """The year a report that prints none is most likely about, read on `today` (the day it
    is imported): the latest year whose period reported on ("截至9月底", "1-11月", "上半年")
    has ended by today; with no period, last year early in the year (a year-end report comes
    in January to March) unless the text announces this year's targets, else this year. A
    period ending later in today's own month ("截止7月底" out on 17 July, figures filed or
    projected to the month's end) is this year's: a report does not come eleven months after
    the period it tells."""
    opening = "\n".join(text.strip().split("\n")[:3])
    period = report_day(opening, today.year)
    if period is not None:
        ended = period <= today or (period.year, period.month) == (today.year, today.month)
        return today.year if ended else today.year - 1
    if today.month <= 3 and announces_this_year(text):
        return today.year
    return today.year - 1 if today.month <= 3 else today.year


# "今年,…为民办十件实事": the year ahead, not "今年以来" (the year so far).
_THIS_YEAR_AHEAD = re.compile(r"(?:今年|本年度)(?!以来)")
# Any word of work done or of a period gone by: a report of progress, not of a plan.
_TOLD_DONE = re.compile(r"已|累计|截至|截止|以来|(?:完成|进展|落实|推进|实施)情况|进度")


def announces_this_year(text: str) -> bool:
    """The text speaks of this year ("今年") and tells nothing done: the year's targets as
    announced (a 民生实事 list out in March), not a year-end report of the year before."""
    return bool(_THIS_YEAR_AHEAD.search(text)) and not _TOLD_DONE.search(text)
