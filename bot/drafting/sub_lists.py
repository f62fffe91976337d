"""Numbered lists inside an item: its targets under one heading, its results under another.

A report by action or field may number its items "1." and, under each, list the year's
tasks ("市定任务(2023年度)" over "1、充分就业社区创建18个;" "2、新增技能人才2400人;") and then
the results ("工作进展情况" over "1、充分就业社区创建18个,…" "2、新增技能人才2450人,…"), numbered
again from 1.
Those inner numbers are no items (`sub_list_mark`), and the result numbered k answers the task
numbered k (`tasks_and_results`). Pure functions over text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.domain.ledger import fresh_name
from bot.drafting.pairing import pair_indicators
from bot.drafting.shares import SHARE_NAME

_NUMBERED = re.compile(r"^\s*(\d{1,3})([.．、])\s*(?!\d)(\S.*)$")


def _style(separator: str) -> str:
    return "、" if separator == "、" else "."


def sub_list_mark(lines: list[str]) -> str:
    """The separator ("、" or ".") of numbered lines that number lists inside the items, not
    the items: of two styles, the one that starts again from 1 while the other runs on once;
    "" when the report numbers in one style, or both start again."""
    numbers: dict[str, list[int]] = {}
    for line in lines:
        found = _NUMBERED.match(line)
        if found:
            numbers.setdefault(_style(found.group(2)), []).append(int(found.group(1)))
    if len(numbers) < 2:
        return ""
    restarts = {style: found.count(1) > 1 for style, found in numbers.items()}
    inner = [style for style, again in restarts.items() if again]
    return inner[0] if len(inner) == 1 else ""


def in_sub_list(line: str, mark: str) -> bool:
    """The line is numbered in the style `sub_list_mark` found for inner lists."""
    found = _NUMBERED.match(line) if mark else None
    return bool(found) and _style(found.group(2)) == mark


# "市定任务(2023年度)", "年度目标:", "工作任务": the heading over the item's tasks;
# "工作进展情况", "完成情况:", "推进情况": the heading over what was done of them.
_TASKS_HEADING = re.compile(
    r"^\s*[^\d，,。；;:：]{0,8}(?:任务|目标|计划)(?:[（(][^()（）]{0,12}[)）])?\s*[:：]?\s*$"
)
_RESULTS_HEADING = re.compile(
    r"^\s*[^\d，,。；;:：]{0,8}(?:进展|完成|推进|落实|进度)(?:情况)?\s*[:：]?\s*$"
)


def tasks_and_results(progress: str) -> list[tuple[str, str]]:
    """Each task line of `progress` with the result line of its number ("" when the results
    stop short of it); [] unless a numbered list under a heading of tasks is followed by one
    under a heading of results whose numbers are all tasks' numbers."""
    lists: dict[str, dict[int, str]] = {}
    current = ""
    for line in progress.split("\n"):
        numbered = _NUMBERED.match(line)
        if _TASKS_HEADING.match(line) and "results" not in lists:
            current = "tasks"
            lists[current] = {}
        elif _RESULTS_HEADING.match(line) and "tasks" in lists:
            current = "results"
            lists[current] = {}
        elif numbered and current:
            lists[current][int(numbered.group(1))] = numbered.group(3)
        elif line.strip():
            current = ""  # prose between the lists: no longer the numbered list
    tasks, results = lists.get("tasks"), lists.get("results")
    if not tasks or not results or not set(results) <= set(tasks):
        return []
    return [(tasks[n], results.get(n, "")) for n in sorted(tasks)]


def once_each(pairings: list) -> list:
    """A task line's pairings with each target figure paired once: a result that restates the
    task before its own figure ("全县新增牙椅数8张,目前已新增8张") answers it once."""
    seen: set[tuple[str, str, str]] = set()
    kept = []
    for p in pairings:
        key = (p.indicator.target, p.indicator.unit, p.indicator.actual)
        if p.indicator.target and key in seen:
            continue
        seen.add(key)
        kept.append(p)
    return kept


def _task_name(task: str) -> str:
    # "城市老年食堂(助餐点)8个;" names its figure 城市老年食堂(助餐点): the words before it.
    return re.split(r"\d", task, maxsplit=1)[0].strip(" ，,、；;。:：（(") or task


def named_apart(tasks_pairings: list[tuple[str, list]]) -> list:
    """The pairings of every task line, their indicators named apart (a ledger holds each name
    once per target): a task of one figure is named by its line's words when they hold the
    figure's name ("城市老年食堂(助餐点)", not "助餐点"); a name used before takes its task
    line's words, then a number."""
    used: set[str] = set()
    kept = []
    for task, pairings in tasks_pairings:
        own = _task_name(task)
        for p in pairings:
            name = p.indicator.name
            if len(pairings) == 1 and name in own and len(own) <= 16:
                name = own
            name = fresh_name(own if name in used else name, used)
            kept.append(replace(p, indicator=replace(p.indicator, name=name)))
    return kept


def tasks_paired(progress: str) -> list:
    """The indicators of an item whose progress lists its tasks and then their results
    (`tasks_and_results`), each task with the result of its number; [] when it does not.
    A result's share of its task ("已完成目标任务的100%") is no figure of its own."""
    return named_apart(
        [
            (
                task,
                [
                    p
                    for p in once_each(pair_indicators(task, result))
                    if p.indicator.unit != "%" or not SHARE_NAME.search(p.indicator.name)
                ],
            )
            for task, result in tasks_and_results(progress)
        ]
    )
