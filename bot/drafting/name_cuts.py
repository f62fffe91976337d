"""A figure's name made whole where its window cut it mid-word ("宅小区信报箱建设工程完成投入"
is "市区老旧居民住宅小区信报箱建设工程完成投入").

A mention's name is the words in a short window before its figure (bot.drafting.mentions), so
a long name loses its first characters, often inside a word. For the indicator's name the clause
is read back to its start, when that start is near and holds no other figure. Pure.
"""

from __future__ import annotations

import re

from bot.drafting.mentions import NAME_WINDOW, Mention

LONGEST = 24  # characters a name read back to its clause's start may have
# What ends a clause before a name: punctuation, spaces and quote marks (a quoted term before a
# name, "“两癌”筛查", qualifies it: the parts it counts, "宫颈癌筛查", end with the name).
_CLAUSE_END = re.compile(r"[，,。；;：:、（）()“”\"《》\s]")
_ITEM_NUMBER = re.compile(r"^(?:\d+[.．、]|[一二三四五六七八九十]+、)\s*")
# Words that lead into a name without being part of it, as a mention's own name drops them.
_LEAD = re.compile(
    r"^(?:全年|年度|目前|现已|已经|已|累计|共|全县|我县|今年|本年度|截至|截止|力争|确保|完成|实现"
    r"|抓好|达到)+"
)


def whole_name(m: Mention) -> str:
    """The mention's name, read back to its clause's start when its window cut it (the window
    holds no stop and the character before it is a Han character); as it is when the clause
    holds a figure before it or would make a name over `LONGEST` characters."""
    name = m.name
    window = m.heading[-NAME_WINDOW:]
    if len(m.heading) <= NAME_WINDOW or _CLAUSE_END.search(window):
        return name  # the name's clause starts inside its window: nothing was cut
    clause = _CLAUSE_END.split(m.heading)[-1] if m.heading else ""
    at = clause.rfind(name) if name else -1
    if at <= 0 or not "\u4e00" <= clause[at - 1] <= "\u9fff" or clause[at - 1] in "和及与或":
        return name  # a stop, or a conjunction: the name starts a measure of its own
    lead = _ITEM_NUMBER.sub("", clause[:at])
    if re.search(r"\d", lead):
        return name
    whole = _LEAD.sub("", lead + name)
    return whole if 2 <= len(whole) <= LONGEST else name  # "成县中崛起…" is 县中崛起…
