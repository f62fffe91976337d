"""A question the current year's ledger cannot answer but another year's can: said so.

After a new year is imported, leaders go on asking about last year's targets in the same
words ("耕地保护怎么样"). "Nothing found" would be wrong (the database holds the target), and
answering from the other year unasked would pass last year's figures off as this year's; the
reply names the year and target that answer it, and the question that reads it there."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable

from bot.understanding.answering import Answerer
from bot.understanding.conversation import Answer, Conversation
from bot.understanding.year_words import parse_year_phrase


def held_in_another_year(
    answer: Answer, current: int, years: Iterable[int], core_of: Callable[[int], Answerer | None]
) -> Answer | None:
    """`answer` (this year's "nothing found", or a guess on weak evidence) pointing at the
    latest other year whose ledger answers the question with one target, confidently (and, to
    overrule a guess, by a name of that target written in the question); None when none does."""
    if answer.filter.get("year") not in (None, current):
        return None  # already another year's answer ("那PM10呢" after a 2020 one): it stands
    weak = answer.intent == "target" and not answer.confident and not answer.ambiguous
    # Answered without reading a target of this year in its words: a follow-up on the target
    # talked about ("造林和耕地保护谁负责" after a 2021 target) or a list by status ("县医院创二甲
    # 什么时候完成的" as 已完成的): words that name another year's target are about that one.
    unread = answer.intent in ("target", "list") and not answer.candidates
    if not (weak or unread) and answer.intent != "unknown":
        return None
    if unread and _names_one_here(answer.question, core_of(current)):
        return None  # "新增贷款完成了吗" again: read on the context, but named here too
    # Understood as asking about no target here (a greeting, a number the ledger lacks, a
    # topic it holds none of: "造林完成了吗" in a ledger without 生态环保): only a target that
    # another year names in the question's words answers it there.
    named_only = weak or unread or not answer.alias_candidate
    for year in sorted(years, reverse=True):
        core = core_of(year) if year != current else None
        if core is None:
            continue
        found = core.ask(answer.question)
        if found.intent != "target" or found.ambiguous or not found.confident:
            continue
        multi = bool(found.filter.get("multi"))  # "造林和耕地保护…": each part named
        if named_only and not (multi or _named(found)):
            continue  # this year's guess stands against another year's equally loose match
        targets = [core.by_number[n] for n in (found.targets if multi else found.targets[:1])]
        names = "、".join(f"第{t.number}项 {t.title}" for t in targets)
        reply = (
            f"{current}年台账中没有找到与这个问题对应的目标。\n"
            f"{year}年台账中有{names}，"
            f"可以问“{year}年的{targets[0].title}”查看{year}年的情况。"
        )
        # No alias of this year's targets could answer it: it is another year's target.
        return dataclasses.replace(
            answer, intent="unknown", targets=(), reply=reply, alias_candidate=False
        )
    return None


def _names_one_here(question: str, core: Answerer | None) -> bool:
    """The question, asked afresh of this year's ledger, finds a target confidently."""
    fresh = core.ask(question) if core is not None else None
    return fresh is not None and fresh.intent == "target" and fresh.confident


def _named(found: Answer) -> bool:
    """The answer's target is named in the question: its title, an alias or an indicator."""
    best = found.candidates[0] if found.candidates else None
    return (
        best is not None
        and best.number == found.targets[0]
        and any(r.kind in ("phrase", "pinyin") for r in best.reasons)
    )


def list_in_year(
    question: str,
    asked: str,
    core: Answerer,
    current: Answerer,
    conversation: Conversation,
) -> Answer:
    """The list `asked` last ("哪些没完成"), asked again of `core`'s year for a follow-up that
    only names a year ("去年的呢"); another year's reply starts with that year."""
    words = parse_year_phrase(asked, current.ledger.year).rest
    answer = core.ask(words, conversation.keep_to(core.ledger.year))
    answer = dataclasses.replace(answer, question=question)
    if core is current:
        return answer
    return of_year(answer, core.ledger.year)


def of_year(answer: Answer, year: int) -> Answer:
    """Another year's answer: its reply starts with the year (once: a heading that already
    opens with it, "2020年度结束时…", is not marked again), and `filter` names it."""
    reply = answer.reply if answer.reply.startswith(f"{year}年") else f"【{year}年】{answer.reply}"
    return dataclasses.replace(answer, reply=reply, filter={**answer.filter, "year": year})
