"""Verdicts on pace said of an item as a whole, or only of some of its parts.

A note on a list of projects may judge the whole ("超序时进度2.99个百分点") and still name the
parts that lag ("未达序时进度项目3项为:…"), or rank the places that carry the work out
("进展较慢…的是甲县、乙区"). Lateness said of a part names the laggards; it is the item's own
verdict only when nothing says how the whole stands. Pure functions over text
(bot.drafting.words and bot.drafting.statuses call them).
"""

from __future__ import annotations

import datetime as dt
import re

from bot.drafting.shares import clause_around

# "进展较慢(未达到全年任务计划40%)的是甲县(23.4%)", "未开工的是乙区和丙农场": a cleft naming who
# is behind, among the places or units that carry the item out.
_CLEFT_AFTER = re.compile(r"[^，,。；;\n]{0,24}?的是(?!因为|由于)")


def said_of_named_parts(text: str, at: int, word: str) -> bool:
    """The verdict `word` at `at` is said of the parts a cleft names after it ("…较慢的是甲县")."""
    return bool(_CLEFT_AFTER.match(text, at + len(word)))


_BEHIND = (
    r"(?:未达到?(?:序时|时序)(?:进度)?(?:要求)?|进度滞后|滞后|未开工|尚未开工"
    r"|(?:进展|进度)(?:缓慢|较慢|偏慢))"
)
_COUNT = r"\d+\s*(?:项|个|宗|家|处)"
# Lateness counted among the item's projects: "未达序时进度项目3项", "未达序时进度2项为:…",
# "31宗未开工项目", "3个项目进度滞后", "进展缓慢项目4项".
# Or said of some units left unnamed: "部分镇和单位投资完成率低于整体进度".
_PART_BEHIND = re.compile(
    rf"{_BEHIND}的?(?:项目)?(?:共|有)?\s*{_COUNT}"
    rf"|{_COUNT}(?:项目)?(?:中)?{_BEHIND}"
    rf"|^部分[^，,。；;]{{0,16}}?(?:{_BEHIND}|低于(?:整体|总体|序时|时序)进度)"
)
# The whole on or ahead of pace in the office's words ("超序时进度2.99个百分点", "高于序时进度4.2个
# 百分点", "均达序时进度").
_WHOLE_ON_PACE = re.compile(
    r"超(?:过)?(?:序时|时序)进度|(?:高于|快于)(?:序时|时序)进度|均(?:已)?达到?(?:序时|时序)进度"
    r"|(?:与|和)(?:整体|总体|序时|时序)进度基本持平"  # level with the whole's pace
)


def part_behind(words: str) -> bool:
    """The lateness in `words` is counted among the item's projects, not said of all of it."""
    return bool(_PART_BEHIND.search(words))


# The whole's share of its year's plan ("完成年度计划投资的48.1%", "完成全年任务的60%").
_YEARS_SHARE = re.compile(
    r"完成(?:年度|全年)(?:计划|目标|任务)(?:投资|资金)?的?\s*(\d+(?:\.\d+)?)\s*[%％]"
)


def whole_on_pace(text: str, day: dt.date | None = None) -> str:
    """The clause saying the whole is on or ahead of pace, in words or by its share of the
    year's plan at or above the part of the year gone by on `day`; "" when none does."""
    found = _WHOLE_ON_PACE.search(text)
    if found is None and day is not None:
        gone = (day.timetuple().tm_yday) / (366 if day.year % 4 == 0 else 365) * 100
        found = next((m for m in _YEARS_SHARE.finditer(text) if float(m.group(1)) >= gone), None)
    return clause_around(text, found.start(), found.end()) if found else ""


# A count of the item's projects in one state ("达到序时进度的项目7个", "已完成年度任务1项",
# "5个项目进展顺利"): one count in its clause.
_TALLY_COUNT = re.compile(r"(?<![\d.])(\d+)\s*(?:项|个|宗|件|家|处)(?![\d\s]*[%％])")
_ON_PACE_OR_DONE = re.compile(
    r"(?<!未)(?<!没有)达到?(?:序时|时序|时间)进度|超(?:过)?(?:序时|时序)进度|进展顺利|正常推进"
    r"|(?<!未)(?<!没有)(?:已|提前)?完成(?:年度|全年)(?:目标)?任务|已(?:全部)?(?:完成|完工|竣工|建成)"
)
_LATE = re.compile(
    _BEHIND + r"|(?:没有|未能?)(?:完成|达到|实现)[^，,。；;]{0,4}?(?:序时|时序|双过半)"
)


def _tallies(text: str):
    """Per sentence of `text`: the projects counted behind, those counted on pace or done,
    and the clauses that count them."""
    for sentence in re.split(r"[。；;\n]", text):
        late, kept, said = 0, 0, []
        for clause in re.split(r"[，,]", sentence):
            counts = _TALLY_COUNT.findall(clause)
            if len(counts) != 1:
                continue
            if _LATE.search(clause):
                late += int(counts[0])
            elif _ON_PACE_OR_DONE.search(clause):
                kept += int(counts[0])
            else:
                continue
            said.append(clause.strip())
        yield late, kept, said


def tallies_both_ways(text: str) -> bool:
    """A sentence of `text` counts projects both ways, behind and on pace or done."""
    return any(late and kept for late, kept, _ in _tallies(text))


def tallied_pace(text: str) -> str:
    """The clauses of a sentence that counts the item's projects both ways, on pace or done
    and behind ("达到序时进度的项目7个,未达到序时进度项目6个"), when fewer are behind than not:
    most of the group keeps pace, so the group does; "" when no sentence tallies so, or when
    most are behind."""
    for late, kept, said in _tallies(text):
        if late and kept:
            return "，".join(said) if kept >= late else ""
    return ""
