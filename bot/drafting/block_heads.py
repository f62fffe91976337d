"""Target headings over their results ("一、新增学位5万个,改造教室照明2万间" over "(一)…" "(二)…").

A year-end 通报 may give each 实事 a block: its heading, numbered "一、", "二、"…, is the
year's target with its figures, and the results follow it, split into "(一)", "(二)"… when
the heading sets several tasks. Each sub-item's target is the heading's clause of the same
place (as many clauses as sub-items); an item that is itself a block's heading ("3.二、…")
ends where the next block's heading ("三、…") begins. The block's own lines under its heading
(its funds) are each sub-item's too.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.drafting.numbered_notices import list_number

_NUMERALS = "一二三四五六七八九十"
# A block's heading: a Chinese ordinal and the target, figures included ("三、新增300所…").
_HEAD = re.compile(rf"^\s*([{_NUMERALS}]{{1,3}})、\s*(\S*\d\S*)$")
# A sub-item's own marker ("(一)", "（二）") at the start of an item's words.
_SUB = re.compile(rf"^\s*[（(]([{_NUMERALS}]{{1,3}})[)）]\s*(\S.*)$")
_ITEM = re.compile(r"^\s*\d{1,3}[.．、]\s*")
_CLAUSE = re.compile(r"[，,；;]")


def _own_words(line: str) -> str:
    return _ITEM.sub("", line, count=1)


def headed_blocks(lines: list[str], targets: list) -> list:
    """The items (`ReportTarget`s) with their targets read from their blocks' headings."""
    item_lines = {t.line - 1 for t in targets}
    heads = {
        k: _HEAD.match(line)
        for k, line in enumerate(lines)
        if k not in item_lines and _HEAD.match(line)
    }
    heads.update({t.line - 1: _HEAD.match(_own_words(lines[t.line - 1])) for t in targets})
    heads = {k: m for k, m in heads.items() if m}
    if len(heads) < 2:
        return targets  # one heading with figures is no series of blocks
    found = []
    for item in targets:
        found.append(_in_its_block(item, lines, heads, targets))
    return found


def _in_its_block(item, lines: list[str], heads: dict, targets: list):
    index = item.line - 1
    if index in heads:  # "3.二、…": the item is a block's heading; its block ends at the next
        after = [k for k in heads if k > index]
        if not after or item.same_line:
            return item
        body = [ln for ln in lines[index + 1 : min(after)] if ln.strip()]
        progress = "\n".join(ln for ln in item.progress_text.split("\n") if ln in body)
        return replace(item, progress_text=progress)
    sub = _SUB.match(_own_words(lines[index]))
    above = [k for k in heads if k < index]
    if not sub or not above:
        return item
    head_at = max(above)
    below = [k for k in heads if k > head_at]
    end = min(below) if below else len(lines)
    subs = [
        list_number(m.group(1))
        for t in targets
        if head_at < t.line - 1 < end and (m := _SUB.match(_own_words(lines[t.line - 1])))
    ]
    clauses = [c.strip() for c in _CLAUSE.split(heads[head_at].group(2)) if c.strip()]
    if subs != list(range(1, len(clauses) + 1)):
        return item  # the heading's tasks and the sub-items do not match one for one
    body = "" if item.same_line else item.progress_text  # (a same-line tail is in its words)
    # The block's own lines before its first sub-item ("省级财政补助资金下达…") are each one's.
    first = min(t.line - 1 for t in targets if head_at < t.line - 1 < end)
    shared = [ln.strip() for ln in lines[head_at + 1 : first] if ln.strip()]
    progress = "\n".join(t for t in (sub.group(2), body, *shared) if t)
    number = list_number(sub.group(1))
    return replace(item, target_text=clauses[number - 1], progress_text=progress, same_line=False)
