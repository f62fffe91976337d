"""A share of the year's plan against the part of the year gone by (序时进度, "双过半").

A mid-year report may give each item only its share of the year's plan ("完成11.3亿元,占年计划的
41.8%") and count, without naming them all, the items short of its yardstick ("11项主要经济指标中,
有6项没有完成“双过半”目标任务"). The share alone says the work goes on; against the months gone by
on the day the report is of (half the year at the end of June, three quarters at the end of
September, as offices count 序时进度), under that yardstick, it says whether the item is one of
the laggards. A report that uses no such yardstick is not judged so: its shares say how far,
not how late. Pure functions over text (bot.drafting.statuses calls `behind_time_gone`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from bot.drafting.parts_and_pace import tallies_both_ways
from bot.drafting.shares import clause_around
from bot.drafting.words import Reading

# "占年计划的41.8%", "完成全年任务的38%", "占预算的52.6%", "为年度计划的60%".
_YEARS_SHARE = re.compile(
    r"(?:占|完成|为)[^，,。；;\d]{0,6}?(?:计划|预算|目标|任务)(?:投资|资金)?[^，,。；;\d]{0,4}?"
    r"\s*(\d+(?:\.\d+)?)\s*[%％]"
)
# A share of a shorter period or of another base ("完成一季度目标任务的104%", "占序时进度的90%",
# "较去年同期"): not of the year's plan.
_OTHER_BASE = re.compile(
    r"季度|[1-9一二三四五六七八九十]月|半年|节点|阶段|序时|时序|同期|总数|总投资"
)
# The report's own words that the work keeps pace ("超序时进度", "基本达到序时进度"): they say
# more than a share measured against the calendar.
_ON_PACE = re.compile(
    r"(?<!未)(?<!没有)达到?(?:序时|时序|时间)进度|(?:序时|时序|时间)进度以上"
    r"|超(?:过|额完成)?(?:序时|时序|时间)进度|快于(?:序时|时序|时间)进度|双过半"
)


# A count of items short of the time gone ("有6项没有完成“双过半”目标任务",
# "未达到序时进度项目共13项", "有4项低于序时进度").
_LAGGARDS_COUNTED = re.compile(
    r"\d+\s*[项个][^。；;\n]{0,16}?(?:(?:没有|未能?)(?:完成|实现|达到)|低于|落后于?|慢于|滞后于)"
    r"[^。；;\n]{0,4}?(?:双过半|序时|时序|时间进度|时间过半)"
    r"|(?:没有|未能?)(?:完成|实现|达到)[^。；;\n]{0,4}?(?:双过半|序时|时序)[^。；;\n\d]{0,8}\d+\s*[项个]"
)


def counts_laggards(text: str, items=()) -> bool:
    """The report counts its items short of the time gone: its yardstick for each share. An
    item's own line among `items` that counts its projects both ways ("达到序时进度的项目7个,
    未达到序时进度项目6个") counts that item's parts, not the report's items."""
    for item in items:
        if tallies_both_ways(item.target_text):
            text = text.replace(item.target_text, "")
    return bool(_LAGGARDS_COUNTED.search(text))


def months_gone(day: dt.date) -> float:
    """The percent of its year gone by at the end of `day`, counted in months (30 June: 50)."""
    days = calendar.monthrange(day.year, day.month)[1]
    return (day.month - 1 + day.day / days) / 12 * 100


def said_on_pace(words: str) -> bool:
    """The words say the work keeps pace with the time gone ("基本达到序时进度")."""
    return bool(_ON_PACE.search(words)) and not re.search(
        r"(?:未|没有|不)(?:能)?(?:达到?|完成)", words
    )


def behind_time_gone(words: str, day: dt.date) -> Reading | None:
    """滞后, quoting the share, when a share of the year's plan in `words` is below the part of
    the year gone by on `day` (a day the report states, before the year's end); else None."""
    if (day.month, day.day) == (12, 31):
        return None
    gone = months_gone(day)
    for m in _YEARS_SHARE.finditer(words):
        if _OTHER_BASE.search(m.group(0)) or float(m.group(1)) >= gone:
            continue
        clause = clause_around(words, m.start(), m.end())
        return Reading("滞后", f"{clause}，低于序时进度{gone:.0f}%", 0.6)
    return None


# The pace the report states beside a share ("序时进度为75%", "(序时进度75%)", "按序时进度应完成
# 75%"): the yardstick, written.
_STATED_PACE = re.compile(
    r"(?:序时|时序|时间)进度(?:应|要求)?(?:为|是|达到|应达到|应完成|要求完成)?[^，,。；;\d]{0,8}?"
    r"(\d+(?:\.\d+)?)\s*[%％]"
)


# "完成率58%(序时进度75%)": the rate of the year's task, beside the pace stated.
_RATE_SHARE = re.compile(r"(?:完成率|完成比例|完成进度)(?:为|达到|达)?\s*(\d+(?:\.\d+)?)\s*[%％]")


def against_stated_pace(words: str) -> Reading | None:
    """滞后 when a share of the year's plan in a sentence of `words` is below the pace the same
    sentence states ("完成年度计划的58%,序时进度为75%"), 推进中 when at or above it; None when no
    sentence states both."""
    for sentence in re.split(r"[。；;\n]", words):
        pace = _STATED_PACE.search(sentence)
        if pace is None:
            continue
        shares = [*_YEARS_SHARE.finditer(sentence), *_RATE_SHARE.finditer(sentence)]
        for m in sorted(shares, key=lambda m: m.start()):
            if _OTHER_BASE.search(m.group(0)) or m.start() <= pace.start() < m.end():
                continue
            behind = float(m.group(1)) < float(pace.group(1))
            clause = clause_around(sentence, m.start(), m.end())
            clause = clause if pace.group(0) in clause else f"{clause}，{pace.group(0)}"
            return Reading("滞后" if behind else "推进中", clause, 0.7)
    return None
