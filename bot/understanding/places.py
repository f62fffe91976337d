"""A place named by its level alone: on a table of thirteen 市 and one 州, "自治州那边" is the
州; among six 县 and one 市, "那个县级市" is the 市. The level a question writes, in no word the
ledger writes, names the one target whose place ends in that level, if there is only one."""

from __future__ import annotations

import math
import re
from collections import defaultdict

from bot.understanding.candidates import Reason
from bot.understanding.ledger_texts import place_of
from bot.understanding.text import own_place_at

# The level characters a place's name ends with, and the words a leader says them in
# (自治州, 县级市): the level is the last character.
# Said alone after 那个/这个 ("那个区"), or as 自治州, 县级市: never after a name (达州市).
_LEVEL_WORD = re.compile(r"(?:自治|县级|地级|(?<=[那这]个))([州县市区旗盟])")


def places_by_level(docs) -> dict[str, list[tuple[int, str]]]:
    """(target, place) by the level its place ends in, for targets about a place."""
    found: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for number, doc in docs.items():
        place = place_of(doc.fields[1]) if len(doc.fields) > 1 else ""
        if place:
            found[place[-1]].append((number, place))
    return found


def level_hits(index, query) -> dict[int, list[tuple[Reason, tuple[int, int]]]]:
    """The one target whose place ends in a level the question writes outside any bigram
    the ledger writes (and not as the asker's whole place, 全县), worth the place's name."""
    by_level = index.places_by_level()
    if not by_level:
        return {}
    explained: set[int] = set()
    for _, _, own in query.present:
        if own is not None:
            explained.update(own[1])
    hits: dict[int, list[tuple[Reason, tuple[int, int]]]] = {}
    text = query.text
    for m in _LEVEL_WORD.finditer(text):
        at = m.start(1)
        places = by_level.get(m.group(1), ())
        if len(places) != 1 or at in explained or own_place_at(text, at):
            continue
        number, place = places[0]
        weight = math.log(1 + index.count) * 0.5
        hits[number] = [(Reason("phrase", place, "title", round(weight, 3)), m.span())]
    return hits


# A level's own work set apart from the levels above it: "咱县自己的项目", "县里自己定的".
# 自己 makes even 咱县 (elsewhere the asker's whole county) that level's part.
_OWN_LEVEL = re.compile(r"(?:咱们|我们|咱|我|本)?([省市县区镇乡])里?自己")
# How a ledger names one level's part beside the others: 县级, 县本级, 县重点(项目).
_LEVEL_PARTS = ("级", "本级", "重点")


# Several levels said at once ("省市县三级", "市县两级"): each level's part.
_LEVELS_RUN = re.compile(r"([省市县区镇乡]{2,4})[两三四]?级")


def own_level_said(q: str, index) -> str:
    """`q` with a level's own work said in everyday words ("县里自己") written as the ledger
    names that level's part (县级, 县本级 or 县重点), when one of its phrases does, and levels
    said at once ("省市县三级") as each level's part (省级、市级、县级); else `q`."""
    phrases = index.phrases
    if "级" in q:
        q = _LEVELS_RUN.sub(lambda m: _each_level(m, phrases), q)
    if "自己" not in q:
        return q

    def named(m: re.Match) -> str:
        level = m.group(1)
        for part in _LEVEL_PARTS:
            head = level + part
            if any(p.startswith(head) for p in phrases):
                return head
        return m.group()

    return _OWN_LEVEL.sub(named, q)


def _each_level(m: re.Match, phrases) -> str:
    """ "省级、市级、县级" for "省市县三级" when the ledger names each of those parts."""
    parts = [level + "级" for level in m.group(1)]
    if len(set(parts)) < len(parts) or any(p not in phrases for p in parts):
        return m.group()
    return "、".join(parts)
