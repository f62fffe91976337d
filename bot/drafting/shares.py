"""Shares of the year's task in a report's words ("完成年度任务的146.78%", "完成率为91.85%")
and the status they state. Pure functions over text (bot.drafting.words quotes them)."""

from __future__ import annotations

import re

from bot.drafting.sentences import split_sentence
from bot.drafting.text_figures import extract_figures

_CLAUSE = re.compile(r"[^，,。；;！!？?\n]+")


def clause_around(text: str, start: int, end: int) -> str:
    """The clause of `text` holding `start`, stretched to `end` when the match runs past it."""
    for m in _CLAUSE.finditer(text):
        if m.start() <= start < m.end():
            # An aside closed before the words ("(责任单位:…各县区政府)该件实事已全面完成") is
            # none of them.
            begin = m.start()
            close = max(text.rfind(c, m.start(), start) for c in ")）〉")
            if close >= 0 and not re.search(r"[（(〈]", text[m.start() : close]):
                begin = close + 1  # opened before the clause: an aside, not its words
            return text[begin : max(m.end(), end)].strip()
    return text[start:end]


# "占总目标任务的151%", "完成全年任务数的104.48%", "完成率为119.8%", "完工率达82.5%" (not
# "开工率": begun is not done); not "占任务总数的15.2%",
# a share of the list's count of tasks.
_TASK_SHARE = re.compile(
    r"(?:(?:占|完成|为)[^，,。；;\d]{0,8}?(?:目标|任务|计划|预算|工程量|工作量)(?!总数)数?"
    r"(?:[^，,。；;\d]{0,4}?的|(?=\s*\d))"
    r"|(?:完成|完工|建成|竣工|办结)率(?:为|达到|达)?)\s*"
    r"(\d+(?:\.\d+)?)%((?:\s*[、和及]\s*\d+(?:\.\d+)?%)*)"
)
_FIGURE_BETWEEN = re.compile(r"\d+(?:\.\d+)?(?!\d|\.\d|\s*%)")


def share_status(progress: str) -> tuple[str, str] | None:
    """The status the shares of the year's task state ("分别完成年度任务的100%、100.1%",
    "占年度任务的100%;…投资完成率93%"): done when every part has its whole task, beyond
    when one part has more, under way while one part has less. A second share of the same
    figure ("完成年度任务的199%,占调整后目标的88%") is that figure on another base; the first,
    the year's task, counts."""
    found = list(_TASK_SHARE.finditer(progress))
    if not found:
        return None
    values: list[float] = []
    previous_end = None
    for m in found:
        if previous_end is not None and not _FIGURE_BETWEEN.search(
            progress[previous_end : m.start()]
        ):
            previous_end = m.end()
            continue
        previous_end = m.end()
        values.append(float(m.group(1)))
        values += [float(v) for v in re.findall(r"(\d+(?:\.\d+)?)%", m.group(2))]
    status = "推进中" if min(values) < 100 else "超额完成" if max(values) > 100 else "已完成"
    words = "；".join(clause_around(progress, m.start(), m.end()) for m in found)
    verdict = _ALL_MET.match(progress, found[-1].end())
    if status == "推进中" and verdict:
        # "完成率为91.85%;…完成率为66.57%,均超额完成了既定目标": the shares are of other
        # bases (a first dose's plan), the report's verdict over all of them says how far.
        status = "超额完成" if verdict.group(1) else "已完成"
        return status, clause_around(progress, verdict.end() - 1, verdict.end())
    return status, words


# A verdict closing the shares' sentence for all of them ("均超额完成了既定目标", "均已完成年度
# 任务"), not a promise ("均要完成").
_ALL_MET = re.compile(
    r"[^。；;\n]{0,4}?[，,]\s*(?:均|全部|都)(?:已经?)?(超额)?完成(?:了)?(?:既定|年度|全年)?(?:目标|任务)"
)


# "完成目标任务的85.9%", "占年度计划任务的76.4%": a share of a target the report does not write.
_SHARE_OF_TARGET_WORDS = re.compile(
    r"(?:完成|占|为)[^，,。；;\d]{0,6}"
    r"(?:目标任务|计划任务|年度任务|全年任务|任务数|年度目标|全年目标|年度计划|全年计划|年计划"
    r"|计划|预算)"  # "占计划的53.1%", "占预算的52.6%": the year's plan or budget
    # "完成年度计划投资的48.1%": the plan's measure named; "为年度预算数的62.6%": its figure
    r"数?(?:投资|资金)?的?\s*"
    r"(?:\d+(?:\.\d+)?%[、和及]?)+"
    r"|完成进度(?:为|达到|达)?\s*\d+(?:\.\d+)?%"  # "…18691户,完成进度为82.7%": of the year's task
    # "完成投入300万元,已完成年度投资计划": the whole plan done, its share 100% unwritten.
    r"|已(?:全部|全面)?完成(?:年度|全年)(?:投资)?计划(?=\s*[。；;]?\s*$)"
)
SHARE_NAME = re.compile(
    r"目标任务|计划任务|年度任务|全年任务|任务数|任务的|目标的|计划的|预算的|^占"
)


def shares_of_unwritten_targets(text: str) -> bool:
    """One sentence of progress gives its figures' shares of targets it does not write: no
    figure of it is written as a target (after 目标, 任务, 计划, 共…)."""
    if not _SHARE_OF_TARGET_WORDS.search(text):
        return False
    # The shares' own figures ("占年度计划99%") write no target.
    unshared = _SHARE_OF_TARGET_WORDS.sub("", text)
    planned = re.search(r"(?:目标|任务|计划|全年|年度)(?:为|是|:|：)?\s*\d", unshared)
    # "一般公共预算收入8.5亿元,实际完成8.1亿元,完成年度目标的95.3%": the target is written
    # before what was done of it, in its unit.
    # A gap in points ("低于序时进度12.4个百分点") is no target written.
    written = [
        f
        for f in extract_figures(split_sentence(text)[0])
        if f.unit not in ("", "%") and not f.unit.endswith("百分点")
    ]
    return planned is None and not written
