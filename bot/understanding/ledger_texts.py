"""A ledger's texts as the index reads them: what a table's layout or a draft's placeholder
put there is not the target's words."""

from __future__ import annotations

import re

from bot.understanding.cues import PERIOD
from bot.understanding.text import normalize_many

# A two-character name padded to the width of three ("渠  县", "王  明"), as tables align
# their cells: one character alone, a space, one character alone.
_PADDED_NAME = re.compile(
    r"(?<![\u3400-\u9fff])([\u3400-\u9fff]) +([\u3400-\u9fff])(?![\u3400-\u9fff])"
)

# The title a draft gives a target it could not name ("目标7"): a number, not its words; or
# a kind of work alone ("项目" of "124个新建项目已开工122个"), which every target of a report
# on projects is, so that it tells this one from none.
_PLACEHOLDER_TITLE = re.compile(r"目标\d+|项目|工程|工作|任务|事项|建设")


def unpadded(text: str) -> str:
    """`text` with each padded two-character name written together ("渠 县" → "渠县")."""
    return _PADDED_NAME.sub(r"\1\2", text) if " " in text else text


def title_words(title: str) -> str:
    """The words of a normalised title: none for a draft's placeholder or a bare kind of work."""
    return "" if _PLACEHOLDER_TITLE.fullmatch(title) else title


def context_periods(preamble: str) -> tuple[str, ...]:
    """The parts of the year a ledger's preamble writes ("上半年", "一季度"): the period the
    whole report is about, which a target that happens to repeat it is not named by."""
    return tuple(sorted(set(PERIOD.findall(normalize_many([preamble])[0]))))


def blank_periods(text: str, periods: tuple[str, ...]) -> str:
    """`text` with each of `periods` blanked (as filler is: spaces, positions kept)."""
    for period in periods:
        if period in text:
            text = text.replace(period, " " * len(period))
    return text


# A place at the head of a target: a table row's first cell ("大竹县 | 46.3", "湘西州:85个"), a
# name of one to six characters and its level.
_PLACE_CELL = re.compile(r"([\u4e00-\u9fff]{1,6}?[省市州县区镇乡旗盟])(?=\s*[|:：,，;；]|$)")
# What a lead says a place did, right after its name: words up to a stop (、,。) or the 等 that
# closes a list ("…建设项目等12个项目"), not a figure ("开工率达95%").
_MENTION = re.compile(r"([\u4e00-\u9fff]{4,30}?)(?=[、,，。;；]|等|$)")


def place_of(target_text: str) -> str:
    """The place a target is about, the first cell of its table row; "" for none."""
    place = _PLACE_CELL.match(unpadded(target_text.strip()))
    return place.group(1) if place else ""


def lead_mention(lead: str, target) -> str:
    """The words a report's lead writes right after the place a target is about ("大竹县竹凤
    大道建设项目、…" → 竹凤大道建设项目 for the 大竹县 row): that place's work, named once in
    the lead. "" when the target is about no place or the lead says nothing of it."""
    if not lead:
        return ""
    name = place_of(target.target_text)
    if not name:
        return ""
    mentions = []
    at = lead.find(name)
    while at >= 0:
        mention = _MENTION.match(lead, at + len(name))
        if mention:
            mentions.append(_own_words(mention.group(1), lead))
        at = lead.find(name, at + len(name))
    return "；".join(mentions)


def _own_words(mention: str, lead: str) -> str:
    """A mention without the words it ends in that the lead writes again and again (建设项目
    of a lead all of 重点项目): those are the whole report's, not the place's."""
    while len(mention) > 2 and lead.count(mention[-2:]) >= 3:
        mention = mention[:-2]
    return mention
