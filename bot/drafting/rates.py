"""Statuses of targets set as rates, and of progress told as a gap to its target.

A growth rate ("地区生产总值增长6%以上") does not accumulate over the year: a half-year rate of
2.9% is not half of the way to 6%, it is the pace the year is running at. Below the target
before the deadline, the target is behind (滞后), not merely under way; at or above it, the
figures decide as usual. (The 序时进度 rule of bot.domain.pace never judges a rate.)

A report may give only the gap to an unprinted target ("增长6.1%,低于目标0.9个百分点"): the
words say the target is not met, which is 滞后 while time remains (the caller decides).
"""

from __future__ import annotations

import re

from bot.domain.ledger import TargetSpec
from bot.domain.status import indicator_met
from bot.drafting.words import LOWER_IS_BETTER, Reading

# The name of a rate of change over a period: "…增长", "…增速", "同比…".
_GROWTH = re.compile(r"增长|增速|增幅|同比|下降")


def growth_behind(spec: TargetSpec) -> Reading | None:
    """The first growth-rate indicator whose rate so far falls short of its target, quoted;
    None when there is none (or its figures are not both in %)."""
    for ind in spec.indicators:
        if not ind.comparable or ind.unit != "%" or ind.actual_unit:
            continue
        if ind.comparator == "<=" or not _GROWTH.search(ind.name):
            continue
        if indicator_met(ind) is False:
            words = f"{ind.name}{ind.actual}%，低于目标{ind.target}%（增速不按序时进度折算）"
            return Reading("滞后", words, 0.7)
    return None


# "低于目标0.9个百分点", "落后序时进度5个百分点", "比目标少3个": the result falls short.
# ("塌目标1.8个百分点": 塌, fallen below, as a 昆明 report writes it.)
_SHORT_OF = re.compile(
    r"(?:低于|落后于?|慢于|差|塌)(?:年度|全年)?(?:目标|计划|序时进度|预期)(?:值|任务)?\s*\d"
    r"|(?:比|较)(?:年度|全年)?(?:目标|计划|序时进度)(?:投资)?(?:值|任务)?(?:低|少|慢)了?\s*\d"
)
_CLAUSE = re.compile(r"[^，,。；;\n]+")


def gap_status(told: str, target_text: str = "") -> Reading | None:
    """未完成 (the caller makes it 滞后 while time remains) when the progress gives its
    shortfall against the target or the pace; None otherwise, and for a measure where less
    is better, whose figure below its target is good news ("失业率…低于目标1个百分点")."""
    found = _SHORT_OF.search(told)
    if found is None or any(w in f"{target_text}{told}" for w in LOWER_IS_BETTER):
        return None
    clause = next(
        (m.group(0) for m in _CLAUSE.finditer(told) if m.start() <= found.start() < m.end()),
        found.group(0),
    )
    return Reading("未完成", clause.strip(), 0.8)


# "增长10.1%,高于目标2.1个百分点": a rate already above the year's target rate (not the pace,
# "高于序时进度…", which only says the work is ahead).
# The same margin told from the plan's side ("比年度计划高20.3个百分点", "较计划投资多5个百分点").
_ABOVE = re.compile(
    r"(?:高于|超过|超出|快于)(?:年度|全年)?(?:目标|预期|计划)(?:值|任务)?\s*[\d.]+\s*个百分点"
    r"|(?:比|较)(?:年度|全年)?(?:目标|预期|计划)(?:投资)?(?:值|任务)?(?:高|多|快|超|超出)了?"
    r"\s*[\d.]+\s*个百分点"
)


def gap_above(told: str, target_text: str = "") -> Reading | None:
    """超额完成 when the progress gives its rate's margin above the target's ("高于目标2.1个
    百分点"); None otherwise, and for a measure where less is better."""
    found = _ABOVE.search(told)
    if found is None or any(w in f"{target_text}{told}" for w in LOWER_IS_BETTER):
        return None
    clause = next(
        (m.group(0) for m in _CLAUSE.finditer(told) if m.start() <= found.start() < m.end()),
        found.group(0),
    )
    return Reading("超额完成", clause.strip(), 0.7)


# "完成投资0.4亿元,与年度计划持平": the result equals a plan the report does not print.
_LEVEL = re.compile(r"(?:与|和|同)(?:年度|全年)?(?:目标|预期|计划)(?:投资)?(?:值|任务)?持平")


def level_with_plan(told: str) -> Reading | None:
    """已完成 when the progress says its result equals the year's plan or target ("与年度计划
    持平"); None otherwise (level with last year, "与上年持平", is no verdict on a target)."""
    found = _LEVEL.search(told)
    if found is None:
        return None
    clause = next(
        (m.group(0) for m in _CLAUSE.finditer(told) if m.start() <= found.start() < m.end()),
        found.group(0),
    )
    return Reading("已完成", clause.strip(), 0.7)
