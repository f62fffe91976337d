"""Where a report's words turn from past trouble to the latest news.

A notice may recall that an item was once late or slow ("曾因过程性滞后被温州通报", "一度进展
缓慢") and then say how it ended ("但均能如期完成"): the clause after the turn is the item's
status; the trouble before it is history. (The office's push, "经督办后…", is read beside it
in bot.drafting.words.)

A part of an item put off by a decision ("…根据区长调研交通汇报情况,项目暂缓。彩虹桥新建按要求推进
相关工作") is taken off the year's work, not behind it: the item's other parts tell its status.
"""

from __future__ import annotations

import re

# Words of trouble in the past ("曾", "一度", "曾经", "前期") in one sentence, then the turn
# ("但", "但是", "不过") after a comma: what follows the turn is the latest news.
_PAST_TROUBLE_TURN = re.compile(
    r"(?:曾经?|一度)[^。；;，,]*(?:滞后|缓慢|偏慢|落后|未达|通报|约谈|问题)[^。；;]*?[，,]\s*"
    r"(?:但是?|不过)"
)


def after_past_trouble(progress: str) -> str:
    """The words after the last turn from past trouble ("…曾因过程性滞后被通报,但均能如期
    完成" → "均能如期完成"); "" when the words make no such turn."""
    turns = list(_PAST_TROUBLE_TURN.finditer(progress))
    return progress[turns[-1].end() :] if turns else ""


# A sentence putting work off by a decision: the grounds or who decided, then the deferral.
_DECIDED_DEFERRAL = re.compile(
    r"[^。；;\n]*(?:根据|经研究|经[^。；;，,\n]{0,12}(?:同意|批准|决定)|决定)[^。；;\n]*"
    r"(?:暂缓|搁置|暂停实施|暂不实施)[^。；;\n]*[。；;]?"
)


def without_decided_deferrals(progress: str) -> str:
    """`progress` without the sentences putting a part off by a decision, when others tell of
    the rest of the item; "" when there is none, or nothing else."""
    rest = _DECIDED_DEFERRAL.sub("", progress)
    if rest == progress or len(re.findall(r"[\u4e00-\u9fff]", rest)) < 4:
        return ""
    return rest
