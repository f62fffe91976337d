"""Items told in labelled lines under a subhead: "政府承诺:…" then "政府办理:…".

A newspaper's year-end list of 实事 gives each a subhead of its own ("1674个服务站走进农村",
the result in a few words), then the promise made at the start of the year and what was
done, each on a line with its label. The promise is the item's target, the labelled result
its progress; the subhead restates the result and is neither.
"""

from __future__ import annotations

import re
from dataclasses import replace

# The promise, plan or target of the year, as its line's label says ("政府承诺:", "年度目标：").
_PROMISE = re.compile(
    r"^\s*(?:政府承诺|承诺事项|承诺内容|承诺|年度目标|目标任务|工作目标|年度任务|计划任务)\s*[:：]\s*"
)
# What was done, as its line's label says ("政府办理:", "完成情况：", "进展情况:").
_RESULT = re.compile(
    r"^\s*(?:政府办理|办理情况|办理结果|落实情况|完成情况|进展情况|推进情况|工作进展|实施情况)"
    r"\s*[:：]\s*"
)


def promise_and_result(progress_text: str) -> tuple[str, str] | None:
    """The promise and the result of an item whose lines under its subhead (`progress_text`)
    are a labelled promise, then a labelled result; None when they are not so labelled."""
    lines = progress_text.split("\n")
    if not lines or not _PROMISE.match(lines[0]):
        return None
    result = next((k for k, line in enumerate(lines) if _RESULT.match(line)), None)
    if result is None or result == 0:
        return None
    promise = "\n".join([_PROMISE.sub("", lines[0]), *lines[1:result]]).strip()
    told = "\n".join([_RESULT.sub("", lines[result]), *lines[result + 1 :]]).strip()
    return (promise, told) if promise else None


def promised_items(targets: list) -> list:
    """Each item (a `ReportTarget`) told as a labelled promise and result: the promise is its
    target, the result its progress."""
    found = []
    for item in targets:
        labelled = promise_and_result(item.progress_text)
        if labelled:
            item = replace(item, target_text=labelled[0], progress_text=labelled[1])
        found.append(item)
    return found
