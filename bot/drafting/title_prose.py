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
# A clause that names the role something plays ("发挥财政资金的引导作用"): the means, not
# what is counted; the clauses after it name the target.
ROLE_ONLY = re.compile(r"^(?:充分|更好)?发挥.{2,}(?:作用|优势)$")
# A later clause that sets the target without a figure ("…增幅不低于GDP的增幅").
SETS_TARGET = re.compile(r"不低于|不少于|高于|超过|达到")


def unbound(name: str, bound: frozenset[str]) -> str:
    """`name` without the bound words a cut left inside its first word ("以上学历提升" of
    大专及以上学历提升: jieba reads 以上学历 as one word): what follows them is the name."""
    while len(name) > 3 and (name[:2] in bound or name[0] in bound):
        name = name[2:] if name[:2] in bound else name[1:]
    return name
