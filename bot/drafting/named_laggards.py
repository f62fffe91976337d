"""Items a problems paragraph names again as its examples of lateness.

A 督查通报 lists its items, then under 存在问题 states a problem and names examples of it:
"部分项目前期工作进展偏慢,影响工程建设进度。如罗湖医院设备购置、市容环境提升工程。" Each example
named by the words an item's own line opens with is that item, and the problem is its verdict.
Pure functions over the report's lines (bot.drafting.draft calls `laggards_named`).
"""

from __future__ import annotations

import re

from bot.drafting.shares import clause_around
from bot.drafting.words import Reading, status_from_words

# "…进展偏慢,影响工程建设进度。如A、B。", "…较慢,比如A和B等": examples after a verdict.
_EXAMPLES = re.compile(r"(?<=[。，,；;])\s*(?:如|比如|例如|譬如)[:：]?([^。；;]+)")
# A heading ending on its examples ("…投资完成率较低,需要加快项目建设。如"): they follow it.
EXAMPLES_FOLLOW = re.compile(r"[。，,；;]\s*(?:如|比如|例如|譬如)\s*[:：]?\s*$")
_MARK = re.compile(r"^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)\s*")
_LATE = ("滞后", "未完成")
_SHORTEST = 4  # a name shorter than this may open many lines


def _names(run: str) -> list[str]:
    run = re.sub(r"(?:等|等项目|等工程)?[。，,；;\s]*$", "", run.strip())
    return [n.strip() for n in re.split(r"[、和及与]", run) if n.strip()]


def laggards_named(lines: list[str], items) -> dict[int, Reading]:
    """Item numbers, each with the verdict of the problem a line outside the items' own lines
    names it as an example of, by the words its line opens with; or that a sentence of lateness
    in the lead lists by the name its line opens with."""
    own = {item.line - 1 for item in items}
    first = min(own, default=0)
    found: dict[int, Reading] = {}
    for index, line in enumerate(lines):
        if index in own:
            continue
        for match in _EXAMPLES.finditer(line):
            before = line[: match.start()].rstrip(" 。，,；;")
            verdict = _MARK.sub("", re.split(r"[。；;]", before)[-1].strip())
            said = status_from_words(verdict)
            if not said or said.value not in _LATE:
                continue
            for name in _names(match.group(1)):
                opening = [
                    i for i in items if len(name) >= _SHORTEST and i.target_text.startswith(name)
                ]
                if len(opening) == 1:
                    found[opening[0].number] = Reading("滞后", f"{verdict}，如{name}", 0.6)
        if index < first:  # the lead's summary, never an item's progress
            for sentence in re.split(r"(?<=[。；;])", line):
                found = _named_in_verdict(sentence, items) | found
    return found


# An item's name: the words its line opens with, up to its first stop ("城东污水处理厂扩建项目,").
_NAME = re.compile(r"^([^，,。；;:：(（]{4,24})[，,。；;:：(（]")


def _named_in_verdict(sentence: str, items) -> dict[int, Reading]:
    """Items whose names a sentence of lateness lists ("进度滞后的项目有:城东污水处理厂扩建
    项目、城西学校新建项目。"), each in a clause that says no other status of its own."""
    said = status_from_words(sentence)
    if not said or said.value not in _LATE:
        return {}
    found = {}
    for item in items:
        name = _NAME.match(item.target_text)
        if not name or name.group(1) not in sentence:
            continue
        at = sentence.index(name.group(1))
        own = status_from_words(clause_around(sentence, at, at + len(name.group(1))))
        if own is None or own.value in _LATE:
            found[item.number] = Reading("滞后", _MARK.sub("", sentence.strip(" 。；;")), 0.6)
    return found


def problem_over_examples(heading: str) -> Reading | None:
    """What a heading stating a problem over its examples says of them, read in its whole
    first sentence ("部分在建项目进展不平衡,投资完成率较低,需要加快项目建设。如": 滞后), with that
    sentence as its words; None for any other heading."""
    if not EXAMPLES_FOLLOW.search(heading):
        return None
    sentence = _MARK.sub("", re.split(r"[。；;]", heading, maxsplit=1)[0].strip())
    said = status_from_words(sentence)
    return Reading(said.value, sentence, said.confidence) if said else None
