"""A remark closing a run of items with their count and one verdict on all of them ("上述6项
实事均超额完成年度目标任务。" after the sixth, "以上3项均已完工。" on a line of its own).

A report that tells its items one by one may sum several up at the end of the last: "上述",
"以上" or "这" and the count point back over that many items, and the words after them are the
status of each. Deadlines said so are read in deadlines.py (`group_deadlines`).
"""

from __future__ import annotations

import re

from bot.drafting.numbered_notices import ITEM_COUNTERS, list_number
from bot.drafting.statuses import DONE_WORDS, NEGATIVE_WORDS
from bot.drafting.words import Reading, status_from_words

# "上述6项实事均…", "以上三个项目,均已…", "这5件全部…": the count, the items' noun, the verdict
# in the same clause (a second count in it, "上述5项中2项已完成", speaks of a part).
_REMARK = re.compile(
    rf"(?:上述|以上|前述|这)\s*(\d{{1,2}}|[一二两三四五六七八九十]{{1,3}})\s*(?:{ITEM_COUNTERS})"
    r"(?:民生)?(?:实事|项目|工程|事项|任务|工作)?\s*[，,]?\s*"
    r"((?:均|都|全部|均已|已全部|已经全部|已)[^，,。；;\n\d]*)"
)


def _counted_before(before: str, remark: re.Match) -> bool:
    """The item's own words count as many things before the remark ("实施项目5个,这5个项目均已
    完工"): the remark speaks of those, parts of the item, not of the list's items."""
    figure = re.escape(remark.group(1))
    return re.search(rf"(?<![\d.]){figure}\s*(?:{ITEM_COUNTERS})", before) is not None


def _denies(remark: str, own: str) -> bool:
    """The item's own verdict outranks the remark's: not done beside a remark that all are
    ("尚未完成" under "上述3项均已完成"), or done beside one that all are under way."""
    return own in NEGATIVE_WORDS if remark in DONE_WORDS else own in DONE_WORDS


def closing_verdicts(items) -> dict[int, Reading]:
    """Each item a closing remark counts back over, by number, and the remark's status; an
    item whose own words deny it keeps its own (`_denies`)."""
    found: dict[int, Reading] = {}
    for k, item in enumerate(items):
        text = f"{item.target_text}\n{item.progress_text}"
        for m in _REMARK.finditer(text):
            count = list_number(m.group(1))
            said = status_from_words(m.group(2))
            if said is None or not 2 <= count <= k + 1 or _counted_before(text[: m.start()], m):
                continue
            words = f"报告称“{m.group(0).strip()}”"
            reading = Reading(said.value, words, min(said.confidence, 0.8))
            for member in items[k + 1 - count : k + 1]:
                own = status_from_words(f"{member.target_text}\n{member.progress_text}")
                if own is not None and _denies(said.value, own.value):
                    continue
                found.setdefault(member.number, reading)
    return found
