"""Figures of work done that pair apart from the rest: a count in 万 with its noun left out or
after it, and work finished beyond a target to begin it.

"完成农村适龄妇女宫颈癌筛查12.39万" counts people screened in 万, the noun left out as news reports
often write it; a bare magnitude anywhere else ("争取资金3亿") stays unread. "开工新建保障性安居房
1400套,已竣工1700套": more finished than begun, so the finished ones began in earlier years; they
answer no target to begin work this year.
"""

from __future__ import annotations

import re

from bot.domain.ledger import parse_decimal
from bot.domain.units import SHARE_OF_TARGET, convert
from bot.drafting.mentions import (
    Mention,
    asks_to_start,
    finished_only,
    projects_of_a_scale,
    started_only,
)

# A clause that opens on what was done, the figure closing it.
_DONE_OPENING = re.compile(
    r"(?:^|[，,。；;：:])\s*(?:已|共|累计)?(?:完成|惠及|服务|新增|培训)[^，,。；;\d]*$"
)


def counted_in_magnitude(m: Mention) -> bool:
    """`m`, a figure in a bare 万 or 亿, closes a clause that opens on work done: a count."""
    return not m.after.strip(" ，,。；;") and bool(_DONE_OPENING.search(m.context))


# People counted in 万, the noun after the figure ("解决30万农村人口饮水安全问题", "5万群众").
_PEOPLE_AFTER = re.compile(
    r"^[\u4e00-\u9fff]{0,4}?(?:人口|群众|居民|农民|职工|学生|儿童|妇女|老人)"
)
# A figure the work will reach ("将解决50万农村人口…", "有望达到8亿元"): a forecast, no figure of
# work done; not 将 as 把 ("已将1200户纳入…": the figure right after it), nor "投用后预计新增学位
# 10.74万个,完成年度计划的214.8%", which reports what the year's works give.
_FORECAST_BEFORE = re.compile(r"(?:(?<![已经])将|有望|可望)[^，,。；;\d]{1,8}$")


def forecast(m: Mention) -> bool:
    """`m` is a figure the work is expected to reach, not one it has reached."""
    return bool(_FORECAST_BEFORE.search(m.context))


def counts_people(m: Mention) -> bool:
    """`m`, a figure in a bare 万, is followed by the people it counts: a count of them."""
    return m.unit == "万" and bool(_PEOPLE_AFTER.match(m.after))


def done_beyond_start(target: Mention, actuals: list[Mention]) -> set[int]:
    """Indexes of `actuals` telling work finished, more than `target` (a target to begin work)
    sets: what was finished began earlier, so none answers it."""
    begin = parse_decimal(target.value)
    beyond = set()
    for ai, a in enumerate(actuals):
        done = parse_decimal(a.value)
        done = None if done is None else convert(done, a.unit, target.unit)
        if begin is not None and done is not None and done > begin and finished_only(a):
            beyond.add(ai)
    return beyond


def unanswering(target: Mention, actuals: list[Mention]) -> set[int]:
    """Indexes of `actuals` of another stage of work than `target` asks for: work begun for a
    target to build ("开工建设3所" for "新建3所"), work finished beyond a target to begin."""
    if asks_to_start(target):
        return done_beyond_start(target, actuals)
    return {ai for ai, a in enumerate(actuals) if started_only(a)}


def answers_refused(targets: list[Mention], actuals: list[Mention]) -> dict[int, set[int]]:
    """Per target, the indexes of `actuals` that cannot answer it: those of another stage of
    work (`unanswering`), or all of them for the projects a year's plan is of, which stay as
    the report counts them (mentions.projects_of_a_scale)."""
    listed = projects_of_a_scale(targets)
    # (A share may still take it, to be dropped as restating the plan's pair, as before.)
    counts = {ai for ai, a in enumerate(actuals) if a.unit != SHARE_OF_TARGET}
    return {
        ti: counts if ti in listed else unanswering(t, actuals) for ti, t in enumerate(targets)
    }
