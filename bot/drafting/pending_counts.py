"""Counts of things still in progress, and done flags a figure short of its target undoes.

"另有4家正在申报入统" counts firms still applying, not firms won; "已完成户厕改造2150户" against
3000户 says work was done, not that the target was met, so its deadlines stay open.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.domain.ledger import TargetSpec
from bot.domain.status import indicator_met, targeted_indicators

# A count followed, in its clause, by words saying those things are still going through an
# application, review or admission ("4家正在申报入统", "3个待验收", "2家申报中").
_PENDING_AFTER = re.compile(
    r"^[^，,。；;\d]{0,4}?(?:"
    r"(?:正在|尚在|仍在|还在|待)(?:申报|申请|报批|报审|审核|审批|评审|认定|验收|入统|纳统|入库)"
    r"|(?:申报|申请|审核|审批|评审|认定)中"
    r")"
)

_DONE_STATUSES = ("已完成", "超额完成")


def still_pending(after: str) -> bool:
    """The words after a count say the things counted are still being applied for or
    reviewed: a count of work in progress, not a result."""
    return bool(_PENDING_AFTER.match(after))


def short_figure_keeps_open(spec: TargetSpec) -> TargetSpec:
    """Deadlines marked done from the words ("已完成户厕改造2150户") are open again when a
    figure of the target falls short of it and no verdict of the report says it is done."""
    if spec.status_override in _DONE_STATUSES:
        return spec
    if not any(indicator_met(i) is False for i in targeted_indicators(spec)):
        return spec
    if not any(d.done for d in spec.deadlines):
        return spec
    return replace(spec, deadlines=tuple(replace(d, done=False) for d in spec.deadlines))
