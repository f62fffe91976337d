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
    weak = answer.intent == "target" and not answer.confident and not answer.ambiguous
    if not weak and answer.intent != "unknown":
        return None
    # Understood as asking about no target here (a greeting, a number the ledger lacks, a
    # topic it holds none of: "造林完成了吗" in a ledger without 生态环保): only a target that
    # another year names in the question's words answers it there.
    named_only = weak or not answer.alias_candidate
    for year in sorted(years, reverse=True):
        core = core_of(year) if year != current else None
        if core is None:
            continue
        found = core.ask(answer.question)
        if found.intent != "target" or found.ambiguous or not found.confident:
            continue
        if named_only and not _named(found):
            continue  # this year's guess stands against another year's equally loose match
        target = core.by_number[found.targets[0]]
        reply = (
            f"{current}年台账中没有找到与这个问题对应的目标。\n"
            f"{year}年台账中有第{target.number}项 {target.title}，"
            f"可以问“{year}年的{target.title}”查看{year}年的情况。"
        )
        # No alias of this year's targets could answer it: it is another year's target.
        return dataclasses.replace(
            answer, intent="unknown", targets=(), reply=reply, alias_candidate=False
        )
    return None


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
