"""Sections of a report and the items listed under them by their numbers in the longer list.

A report sorted by field ("一、经济发展（24项）" 1., 2., 8., …; "二、民生保障（14项）" 3., 4., …)
keeps each item's own number, so a section's first item may be below the last one read.
"""

from __future__ import annotations

import re

from bot.drafting.cells import GROUP_ROW

# The title of a section of the report ("二、区级为民办实事", "一、经济发展（24项）"): a Chinese
# ordinal and a few words, perhaps the count of its items, no other figure, no sentence. What
# follows it is no progress of the item above it.
SECTION = re.compile(
    r"^\s*[一二三四五六七八九十]{1,3}、[^\d，,。；;:：]{2,20}"
    r"(?:[（(]\s*(?:共\s*)?\d{1,3}\s*[项个件条]\s*[)）])?\s*$"
    # A title set off by marks on both sides ("§市重点项目§", "【县重点项目】", "[本期综述]").
    r"|^\s*(?:§[^§\d，,。；;]{2,20}§|【[^】\d，,。；;]{2,20}】|\[[^\]\d，,。；;]{2,20}\])\s*$"
    r"|" + GROUP_ROW.pattern  # a table's group row ("二 | 区城管局 | 项目(3个)")
)
_ITEM = re.compile(r"^\s*(\d{1,3})[.．、]\s*(.*)$")
# A date opening the words after an item's number ("17.7月底前完成…", "5.10月底之前…",
# "55.2020年…"): the digits are a month or a year, not the decimals of a figure ("12.5%…").
_DATE_FIRST = re.compile(
    r"^(?:(?:1[0-2]|0?[1-9])月(?:底|份|末|中|初|上旬|中旬|下旬|前|起|至|[1-3]?\d日)"
    r"|(?:19|20)\d{2}年)"
)


def opens_with_date(rest: str) -> bool:
    """The words after "N." begin with a month or a year ("7月底前…", "2020年…"), so "N." is no
    decimal's head."""
    return bool(_DATE_FIRST.match(rest))


def first_under_section(line: str, used: set[int]) -> tuple[int, str]:
    """The number and words of an item opening a section's list by its number in the longer
    list (any number not yet used), or (0, "") when the line opens none."""
    match = _ITEM.match(line)
    if not match or int(match.group(1)) in used or int(match.group(1)) == 0:
        return 0, ""
    rest = match.group(2)
    if rest[:1].isdigit() and not opens_with_date(rest):
        return 0, ""  # "12.5%…": a figure, not an item
    return int(match.group(1)), rest
