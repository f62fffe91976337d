"""Titles of a table by place: a province's or city's report of one task lists each 市州 or
县区 on its own row ("1.长沙市 | 150 | 143 | …"), so every row's own words are only the place.
A leader asks after "长沙市的老旧小区改造", not after "长沙市": each such title takes the name of
the task the table reports, which the report writes above the table, more than once."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.drafting.titles import TITLE_MAX, title_for

# A place's name alone: a province, city, prefecture, county, district, banner or township.
# "市本级": the city's own level, a row beside its counties.
_PLACE = re.compile(
    r"^[\u4e00-\u9fff]{1,6}(?:省|市|州|盟|县|区|旗|镇|乡|街道)$|^[省市州县区]本级$"
)
# Names of a kind of list, not of one task ("重点民生实事", "目标任务"): the task is the one
# these lists hold ("2021年重点民生实事(城镇老旧小区改造)").
_LIST_NAME = re.compile(r"(?:实事|工作|任务|目标|项目|事项|进度表?|情况|附件)$")
# The work done to a thing, at the end of its name: a title short of room keeps the thing.
_WORK = re.compile(r"(?:改造|建设|提升|提质|升级|整治|治理|工程|项目|行动)+$")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# "2021年重点民生实事(城镇老旧小区改造)": a list's name, then the one task in brackets.
_BRACKETED = re.compile(r"[（(]([\u4e00-\u9fff]{4,16})[）)]")


# A year's campaign ("“项目攻坚突破年”", "作风建设年"): the drive the work is done under, no task.
_CAMPAIGN = re.compile(r"[\u4e00-\u9fff]{2,}(?:年|年活动)$")
# A list of projects whose rows are each place's share ("全市重点项目完成情况表"): each row is the
# place's projects ("通川区重点项目") when the words above name no one task.
_PROJECTS = re.compile(r"(?:重点|民生|为民|实事)[\u4e00-\u9fff]{0,2}项目$")


def reported_task(preamble: str, tokenizer, abbreviations: dict[str, str]) -> str:
    """The task a table by place reports: the name (four characters or more, not a kind of
    list nor a campaign) that the words above the table write most often, at least twice;
    else the list of projects they write so ("重点项目"); "" when none."""
    counts: dict[str, int] = {}
    lists: dict[str, int] = {}
    clauses = [c for c in re.split(r"[，,。；;：:\n]", preamble) if "|" not in c]
    names = [title_for(c, tokenizer, abbreviations).value for c in clauses if len(c) >= 4]
    for name in names + _BRACKETED.findall(preamble):
        if _PROJECTS.search(name):
            lists[_PROJECTS.search(name).group(0)] = preamble.count(name)
        if len(name) >= 4 and not _LIST_NAME.search(name) and not _PLACE.match(name):
            if not _CAMPAIGN.search(name):
                counts[name] = preamble.count(name)
    best = max(counts.items(), key=lambda kv: kv[1], default=("", 0))
    if best[1] < 2:
        best = max(lists.items(), key=lambda kv: kv[1], default=("", 0))
    return best[0] if best[1] >= 2 else ""


def place_and_task(place: str, task: str, tokenizer) -> str:
    """The place then as much of the task as fits a title: the task whole, else without the
    work at its end, else its last whole words ("长沙市" + "城镇老旧小区改造" → 长沙市老旧小区)."""
    room = TITLE_MAX - len(place)
    for name in (task, _WORK.sub("", task)):
        if len(name) <= room:
            return place + name
    words = [w for w in tokenizer.lcut(_WORK.sub("", task)) if w.strip()]
    while words and sum(map(len, words)) > room:
        words.pop(0)
    kept = "".join(words)
    return place + kept if len(kept) >= 2 else place


def titles_of_places(
    targets: list, guesses: dict, preamble: str, tokenizer, lexicon
) -> tuple[list, dict]:
    """`targets` whose titles are only places, in a draft where most are, each titled by its
    place and the task the report is about (named with `lexicon`'s abbreviations); `guesses`
    say so."""
    places = [t for t in targets if _PLACE.match(t.title)]
    if len(places) < 3 or 2 * len(places) < len(targets):
        return targets, guesses
    task = reported_task(preamble, tokenizer, lexicon.abbreviations)
    if not task:
        return targets, guesses
    titles = {t.number: place_and_task(t.title, task, tokenizer) for t in places}
    guesses = dict(guesses)
    for number, title in titles.items():
        guesses[number] = tuple(
            replace(g, value=title, confidence=0.6, why=f"{g.why}；加上报告所述事项“{task}”")
            if g.field == "title"
            else g
            for g in guesses[number]
        )
    return [replace(t, title=titles.get(t.number, t.title)) for t in targets], guesses
