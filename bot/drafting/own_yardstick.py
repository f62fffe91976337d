"""A report's own statement of the year's task beside what was done against it ("104国道南移
完成工程量30%" | "年度任务目标8.65亿元,累计完成投资11.3亿元"): the office restated the task in the
measure it reports, so that measure decides the verdict; the target's figure in another
measure, which the report leaves unanswered, does not hold it back as missing data.
"""

from __future__ import annotations

from bot.domain.ledger import TargetSpec
from bot.domain.status import indicator_exceeded, indicator_met, missing_figures
from bot.drafting.mentions import mentions, states_a_target
from bot.drafting.words import Reading


def restated_task_verdict(spec: TargetSpec, progress: str) -> Reading | None:
    """已完成 or 超额完成 when every indicator whose target the progress restates as the year's
    task ("年度任务目标X", "全年计划X") is met and only indicators it does not restate lack a
    figure; None otherwise."""
    restated = [m for m in mentions(progress) if states_a_target(m)]
    told = {(m.value, m.unit) for m in restated}
    own = [i for i in spec.indicators if i.target and (i.target, i.unit) in told]
    missing = missing_figures(spec)
    if not own or not missing or any(i in own for i in missing):
        return None
    if not all(indicator_met(i) for i in own):
        return None
    exceeded = any(indicator_exceeded(i) for i in own)
    words = "、".join(f"{m.context[-8:]}{m.value}{m.unit}" for m in restated)
    unreported = "、".join(i.name for i in missing)
    why = f"报告以“{words}”为年度任务并已完成；{unreported}未报数"
    return Reading("超额完成" if exceeded else "已完成", why, 0.5)
