"""The many ways reports word pace against the time gone (序时进度, 时序进度, 时间进度, 计划进度)
and work not begun or held up: lexicon entries that bot.drafting.words adds to its status rules.

Offices write the same yardstick three ways ("低于序时进度", "低于时序进度", "低于时间进度")
and the plan's pace a fourth ("落后于计划进度"); each verdict is listed in all of them.
"""

from __future__ import annotations

_YARDSTICKS = ("序时进度", "时序进度", "时间进度", "计划进度")

# Done late or not when due ("未按期完成"): said before the done words ("按期完成") are read.
MISSED = ("未按期完成", "未能按期完成", "没有按期完成", "未如期完成", "未能如期完成", "未按时完成")

BEHIND = (
    # Short of, or slower than, the yardstick ("低于时序进度30个百分点", "落后于时间进度").
    *(f"{word}{y}" for y in _YARDSTICKS for word in ("低于", "落后于", "落后", "慢于", "滞后于")),
    *(f"{y}慢" for y in _YARDSTICKS),  # "比序时进度慢"
    # The comparison's 于 left out ("慢时间进度16.49个百分点"), as offices often write it.
    *(f"慢{y}" for y in _YARDSTICKS),
    "未达时序", "未达到时序", "未达时间进度", "未达到时间进度", "未达到计划进度",
    "未能按时序", "未能按序时", "未能按计划", "序时进度未达标", "时序进度未达标",
    # Work held up or slow in other words ("推进迟缓", "进度落后", "进展不快", "工期延误").
    "迟缓", "进度落后", "进展落后", "进度不快", "进展不快", "推进不力", "进展不力",
    "延误", "拖后腿", "拖了后腿", "有一定差距",
    # Filed by a low rate of the plan done ("投资完成率不足30%的项目").
    "完成率不足", "完成率低于",
    # Short of half the year's task at half the year ("时间过半任务未过半", "未实现双过半").
    "任务未过半", "未实现双过半", "没有实现双过半", "未达到双过半", "未完成双过半",
    "未实现时间过半", "未能实现双过半",
    # Not begun ("尚未动工", "尚未开展"), as "未开工" and "尚未启动" are.
    "未动工", "尚未开展", "尚未实施",
)  # fmt: skip

ON_PACE = (
    # At or ahead of the yardstick ("高于时间进度3个百分点", "与时间进度同步").
    *(f"{word}{y}" for y in _YARDSTICKS[:3] for word in ("高于", "快于", "达到", "超过")),
    *(f"快{y}" for y in _YARDSTICKS[:3]),  # "快序时进度5个百分点", 于 left out
    *(f"与{y}同步" for y in _YARDSTICKS[:3]),
    *(f"与{y}基本同步" for y in _YARDSTICKS[:3]),
    "实现双过半", "达到双过半", "完成双过半", "时间过半、任务过半", "时间过半任务过半",
    "达到时序要求", "达到序时要求", "符合时序要求", "符合序时要求", "按时序要求", "按序时要求",
)  # fmt: skip
