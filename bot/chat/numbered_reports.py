"""A unit's group writing progress as people do ("30号已完工", "第35项：补助已拨付"), to the bot
but without /report: filed as the /report it means, since the number says which target.

A question ("30号完成了吗") is not progress: the unit is shown the line to send instead.
"""

from __future__ import annotations

import re
import unicodedata

from bot.chat.context import ChatContext
from bot.chat.progress_reports import create_report, unit_chat_reply, units_of
from bot.chat.types import Reply, Sender
from bot.domain.ledger import LEDGER_YEARS

# "30号…", "第30项…", "30、…", "30.…" (not "1.5万亩"), "30：…", "30 …": a number that leads
# the message and is set off as a number of the ledger, then the unit's words.
NUMBERED = re.compile(
    r"^\s*(?:第\s*)?(\d{1,4})\s*(?:号|项|条)?(?:目标)?"
    r"(?:\s*[：:，,、]|\s+|(?<=[号项条标])|[.．](?!\d))\s*(?P<words>\S.*)$",
    re.DOTALL,
)
MEASURE_WORDS = frozenset("年月日时个万亿千百%家人户处所座元亩吨天次米")
ASKED = re.compile(r"[?？吗呢]|多少|怎么|怎样|如何|什么|是否|哪|几|有没有|能不能|咋")


def numbered_report(ctx: ChatContext, sender: Sender, text: str) -> list[Reply] | None:
    """The report "30号已完工" means, from a unit's group (None elsewhere, or when it is not
    a target's number followed by progress); a question gets the /report line to send."""
    if sender.chat_id == sender.user_id or not units_of(ctx, sender):
        return None
    typed = unicodedata.normalize("NFKC", text)
    found = NUMBERED.match(typed)
    if found is None:
        return None
    number, words = int(found[1]), found["words"].strip()
    if len(typed) == len(text):  # the unit's words as typed: a note keeps its ，。（）
        words = text[len(text) - len(found["words"]) :].strip()
    if words[0] in MEASURE_WORDS or (ctx.target(number) is None and number >= LEDGER_YEARS[0]):
        return None  # "12 月底完成", "2020 年…": a month or a year, not a target's number
    if ASKED.search(words):
        general = unit_chat_reply(ctx, sender)
        line = f"要报送第{number}项的进展，请发送：/report {number} 进展或数值"
        return [Reply(line + (f"\n{general.text}" if general is not None else ""))]
    return create_report(ctx, sender, number, words)
