"""A 督查通报 that names items only by their list numbers, in prose ("县民政局负责的第1件、
县卫健局负责的第17、18件确定事项进展滞后"), with the list itself in an attachment it lacks.

Such a report can still be drafted honestly for the items it judges: each becomes a target
with its number, the words that name it and the sentence's verdict, and no target text (the
draft asks a person to fill it in from the list). Items it names without a verdict are not
drafted; a report that judges none is refused with the line and what to supply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.drafting.words import status_from_words
from bot.understanding.text import chinese_number

_DIGITS = "零一二三四五六七八九"
_NUMBER = rf"(?:\d{{1,3}}|[{_DIGITS}十]{{1,3}})"
# "第1件", "第17、18件", "第十三项": one or more list numbers sharing one measure word.
_MENTION = re.compile(rf"第({_NUMBER}(?:[、和及与]{_NUMBER})*)[件项条]")
_SENTENCE = re.compile(r"[^。；;！!？?\n]+")
_CLAUSE_BREAK = re.compile(r"[，,：:]")
# What joins one mention to the next ("…第1件、县发改局负责的第4件"): not an item's words.
_JOINERS = "、，,和及与以及 "


@dataclass(frozen=True)
class Mention:
    number: int
    words: str  # the words that name the item, and the verdict of its sentence
    line: int  # 1-based


def list_number(text: str) -> int:
    """The list number written in figures or Chinese numerals; 0 when it is none ("十十")."""
    if text.isdigit():
        return int(text)
    return chinese_number(text) or 0


def _numbers(group: str) -> list[int]:
    return [n for n in (list_number(t) for t in re.split(r"[、和及与]", group)) if n > 0]


def _verdict(sentence: str, after: int) -> str:
    """The clause after the last mention of a sentence: what it says of the items."""
    return _CLAUSE_BREAK.split(sentence[after:], maxsplit=1)[0].strip()


def _sentence_mentions(sentence: str, line: int) -> tuple[list[Mention], bool]:
    """The mentions of one sentence that carry a verdict, and whether it mentions any."""
    found = list(_MENTION.finditer(sentence))
    if not found:
        return [], False
    verdict = _verdict(sentence, found[-1].end())
    if status_from_words(verdict) is None:
        return [], True
    # The first item's words start at its clause; each next one where the previous ended.
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(sentence[: found[0].start()])]
    start = breaks[-1] if breaks else 0
    mentions = []
    for k, match in enumerate(found):
        own = sentence[start : match.end()].lstrip(_JOINERS)
        words = own + verdict if k == len(found) - 1 else f"{own}……{verdict}"
        mentions += [Mention(n, words, line) for n in _numbers(match.group(1))]
        start = match.end()
    return mentions, True


def numbered_mentions(lines: list[str]) -> list[Mention]:
    """The items a report judges by list number only, by number (the first mention wins)."""
    by_number: dict[int, Mention] = {}
    for index, line in enumerate(lines):
        for sentence in _SENTENCE.findall(line):
            for mention in _sentence_mentions(sentence, index + 1)[0]:
                by_number.setdefault(mention.number, mention)
    return [by_number[n] for n in sorted(by_number)]


def refusal(lines: list[str]) -> str:
    """Why a report with no `N.` line and no judged mention cannot be drafted, and what to
    supply; the line is the first that names items by number, else line 1."""
    for index, line in enumerate(lines):
        if any(_sentence_mentions(s, index + 1)[1] for s in _SENTENCE.findall(line)):
            return (
                f"第{index + 1}行：报告只用清单编号（第…件/项）提到各项，没有写出各项的目标；"
                "请提供清单本身（列出每项目标的附件），每项一行，以“1.”开头"
            )
    return (
        "第1行：没有找到编号的目标（以数字编号开头的行，如“1.”）；"
        "请把每个目标放在单独一行，以“1.”开头"
    )
