"""What a report's opening says of the items it then lists, item by item.

The opening may say the whole list is done ("承诺的15件实事已经全部完成"), the first ones done
("A、B等5项已完成" over items 1-5), all but those it names ("除城北公园建设外,其余9件均已完成"),
or judge items by their list numbers ("第1、2、4件已完成,第3件进度滞后"). The first three are
the list's verdict, which an item's own words may deny (`opening_lists`); a verdict by number
is the office's on that item (`opening_mentions`).
"""

from __future__ import annotations

import re

from bot.drafting.counted_runs import first_items_counted, whole_list_done
from bot.drafting.numbered_notices import ITEM_COUNTERS, numbered_mentions
from bot.drafting.sized_works import char_bigrams
from bot.drafting.words import Reading, status_from_words

# "除A、B外,其余8件均已完成": every item but the ones named is done.
_ALL_BUT = re.compile(
    r"除(?:了)?([^，,。；;除]{2,60}?)(?:以)?外[，,]?\s*(?:其余|其他|其它|剩余)(?:的)?\s*"
    rf"(?:(?:\d{{1,3}}|[一二两三四五六七八九十]+)\s*(?:{ITEM_COUNTERS}))?[^，,。；;\d]{{0,12}}?"
    r"(?:均已|均|全部|已全部|已经全部|都已|都)(?:按期|如期|顺利|圆满)?(?:完成|建成|办结|完工|竣工)"
)
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _bigrams(text: str) -> set[str]:
    """The pairs of neighbouring Chinese characters of `text`, other characters left out."""
    return char_bigrams("".join(_CJK.findall(text)))


def _names(name: str, text: str) -> bool:
    """The excepted `name` is this item's: most of its pairs of characters are in `text`."""
    pairs = _bigrams(re.sub(r"(?:项目|工程)$", "", name))
    return bool(pairs) and len(pairs & _bigrams(text)) >= 0.6 * len(pairs)


def _all_but_named(preamble: str, items) -> dict[int, Reading]:
    """Each item the opening's "除…外,其余…均已完成" covers, by number; none when it excepts
    items it does not name ("除A等3项外") or names one the list does not hold twice."""
    m = _ALL_BUT.search(preamble)
    if m is None or "等" in m.group(1):
        return {}
    names = [n.strip() for n in re.split(r"[、和及与]", m.group(1)) if n.strip()]
    excepted = {
        item.number
        for item in items
        for name in names
        if _names(name, f"{item.target_text}\n{item.progress_text}")
    }
    reading = Reading("已完成", m.group(0).strip(), 0.5)
    return {item.number: reading for item in items if item.number not in excepted}


def opening_lists(preamble: str, items) -> dict[int, Reading]:
    """The done verdict the opening gives each listed item as one of a list, by number."""
    if _ALL_BUT.search(preamble):  # "10件…,除A外,其余均已完成": not the whole list
        return _all_but_named(preamble, items)
    whole = whole_list_done(preamble, len(items))
    if whole is not None:
        return {item.number: whole for item in items}
    first = first_items_counted(preamble, items)  # "A、B等5项已完成" over 1-5
    return {item.number: first[1] for item in items[: first[0]]} if first else {}


def opening_mentions(preamble: str, items) -> dict[int, Reading]:
    """The verdict the opening gives listed items by their list numbers ("第1、2、4件已完成,
    第3件进度滞后"), by number; only numbers the list holds."""
    listed = {item.number for item in items}
    found: dict[int, Reading] = {}
    for mention in numbered_mentions(preamble.split("\n")):
        said = status_from_words(mention.words)
        if said is not None and mention.number in listed:
            found[mention.number] = Reading(said.value, f"报告开头称“{mention.words}”", 0.7)
    return found
