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
# The words that count a list's items ("15件实事", "22项", "8个项目"); 宗 counts projects
# where 广东 offices write it ("项目28宗"). Group headings, runs and closing remarks share them.
ITEM_COUNTERS = "个|项|件|宗"
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


# "其中5项已完成,分别是:…", "滞后项目:…": a lead announcing the group the items that follow
# belong to, its verdict theirs (the clause before the list words or the colon).
_LEAD = re.compile(
    r"([^，,。；;:：]{2,20}?)[，,]?\s*(?:分别是|分别为|包括|主要是|主要有)?\s*[:：]\s*$"
)


def lead_of(text: str) -> str:
    """The lead clause before a list of items ("其中5项已完成"), when it says how far they are."""
    colon = max(text.rfind(":"), text.rfind("："))
    found = _LEAD.search(text[: colon + 1]) if colon >= 0 else None
    if found is None:
        return ""
    words = re.split(r"[，,]", found.group(1))[-1].strip()
    return words if status_from_words(words) is not None else ""


def _with_lead(verdict: str, lead: str) -> str:
    """The verdict the items take: their own, unless only "under way" beside a late group's
    ("滞后项目:一是…正在开展编制招标文件"), or none beside a lead that has one."""
    own = status_from_words(verdict)
    if not lead:
        return verdict if own is not None else ""
    group = status_from_words(lead)
    if own is None or (own.value == "推进中" and group is not None and group.value == "滞后"):
        return f"{verdict}（{lead}）" if verdict else f"（{lead}）"
    return verdict


def _sentence_mentions(sentence: str, line: int, lead: str = "") -> tuple[list[Mention], bool]:
    """The mentions of one sentence that carry a verdict (their own, or the `lead`'s of the
    group they are listed in), and whether it mentions any."""
    found = list(_MENTION.finditer(sentence))
    if not found:
        return [], False
    # A mention in brackets after its item's name ("新建城区公厕(第四项)") ends at the bracket.
    ends = [m.end() + (sentence[m.end() : m.end() + 1] in ")）") for m in found]
    lead = lead_of(sentence[: found[0].start()]) or lead
    verdict = _with_lead(_verdict(sentence, ends[-1]), lead)
    if not verdict:
        return [], True
    # The first item's words start at its clause; each next one where the previous ended.
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(sentence[: found[0].start()])]
    start = breaks[-1] if breaks else 0
    mentions = []
    for k, match in enumerate(found):
        own = sentence[start : ends[k]].lstrip(_JOINERS)
        # "第1、2件已完成,第3件进度滞后": a mention whose own clause has a verdict keeps it.
        between = sentence[ends[k] : found[k + 1].start()] if k < len(found) - 1 else ""
        said = _CLAUSE_BREAK.split(between, maxsplit=1)[0]
        if status_from_words(said) is not None:
            words, start = own + said.strip(), ends[k] + len(said) + 1
        else:
            words = own + verdict if k == len(found) - 1 else f"{own}……{verdict}"
            start = ends[k]
        mentions += [Mention(n, words, line) for n in _numbers(match.group(1))]
    return mentions, True


def numbered_mentions(lines: list[str]) -> list[Mention]:
    """The items a report judges by list number only, by number (the first mention wins)."""
    by_number: dict[int, Mention] = {}
    for index, line in enumerate(lines):
        lead = ""  # a group's lead holds for the rest of its paragraph
        for sentence in _SENTENCE.findall(line):
            first = _MENTION.search(sentence)
            lead = lead_of(sentence[: first.start()] if first else sentence) or lead
            for mention in _sentence_mentions(sentence, index + 1, lead)[0]:
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


# "…(第五项)": the line names its own number in the longer list the report follows.
OWN_NUMBER = re.compile(r"[（(]第(\d{1,3}|[零一二三四五六七八九十百]{1,4})[项件条][)）]")


def named_by_number(text: str, number: int) -> tuple[str, str] | None:
    """(the item's name, the rest) of a line naming its item by its own number in the longer
    list ("一是实施…工程(第三项)正在开展编制招标文件;"); None when it names no such number."""
    own = OWN_NUMBER.search(text)
    if own is None or list_number(own.group(1)) != number:
        return None
    rest = text[own.end() :]
    name = re.sub(r"^\s*[一二三四五六七八九十]+是", "", text[: own.end()])
    if not rest.strip("，,。；;、 "):  # "…(第五项)、": a name in a run of names
        return name, ""
    return name, rest.lstrip("，,、 ")
