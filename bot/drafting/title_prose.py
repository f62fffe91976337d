"""Words of a report's prose around a target's name that are no part of it: how a sentence
opens, the verdict after the name, the verb between a thing and the work done to it."""

from __future__ import annotations

import re

# Words that open a report's sentence without naming anything: a connective ("另外", "一是"),
# the place that reports ("我市") or the plan it had ("今年计划新建…").
SENTENCE_LEAD = re.compile(
    r"^(?:另外|此外|同时|[一二三四五六七八九十]是|我[省市县区州]|本[市县区]|今年|年内|计划(?!生育)|拟)+"
)
# A report's verdict after the name ("…项目已落实到位", "…规划编制工作已完成", "…正在拆迁"):
# how far the work has got is no part of what it is called.
# Not "已为…儿童开展…服务" (whom the work was done for, then the work) nor "已上报的…" (which).
VERDICT = re.compile(
    r"(?:现|均|都|目前)?(?:已经?|正在)(?![为对向在给于])(?![\u4e00-\u9fff]{0,2}的)"
)
# "主次干道完成路灯改造": the thing, 完成, then the work done to it (not 完成率, a figure's name).
DONE_INSIDE = re.compile(r"(?<=[\u4e00-\u9fff]{2})完成(?![率值额量数])(?=[\u4e00-\u9fff]{2})")
