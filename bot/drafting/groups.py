"""Items listed under status headings ("一是已完成的项目25个,分别为:", "（三）进度滞后的项目：").

A report may sort its items into groups by how far they are and name each item only in its
group's list. The heading is not the progress of the item above it; it is the only word on
the status of every item below it. `find_headings` finds such lines, `group_reading` reads
what a heading says of its items, quoting the heading.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bot.domain.status import final_deadline
from bot.drafting.numbered_notices import list_number
from bot.drafting.words import Reading, status_from_words

_NUMERALS = "一二三四五六七八九十"
# The heading's marker: "一是", "二、", "（三）", "(四)", "第一类". Chinese numerals only:
# the items themselves are numbered "1." in Arabic figures.
_MARK = re.compile(rf"^\s*(?:([{_NUMERALS}]+)是|([{_NUMERALS}]+)、|[（(]([{_NUMERALS}]+)[）)]"
                   rf"|第([{_NUMERALS}]+)类)\s*(\S.*)$")  # fmt: skip
_GROUP_NOUN = "项目|事项|实事|工程|任务|工作"
# A heading speaks of a group of items: it counts them ("的项目25个"), announces their list
# ("分别为:", "如下：", a closing colon) or ends on the group's noun ("已完成的项目").
_COUNTED = re.compile(rf"(?:{_GROUP_NOUN})\s*[\d{_NUMERALS}]+\s*(?:个|项|件)")
_LISTING = re.compile(r"(?:分别为|分别是|如下|包括)[:：]?\s*$|[:：]\s*$")
_NAMED_GROUP = re.compile(rf"的(?:{_GROUP_NOUN})\s*[:：]?\s*$")


@dataclass(frozen=True)
class Group:
    heading: str  # the heading's words, without its marker
    line: int  # 1-based line of the heading
    siblings: tuple[str, ...] = ()  # the other headings of the same series, in order


def _marker(line: str) -> tuple[str, str] | None:
    """The heading's marker style ("是", "、", "()" or "类") and its words, if it opens one."""
    match = _MARK.match(line)
    if not match:
        return None
    style = ("是", "、", "()", "类")[next(k for k in range(4) if match.group(k + 1))]
    return style, match.group(5)


def _announces_a_list(words: str) -> bool:
    first = re.split(r"[。；;]", words, maxsplit=1)[0]
    return bool(_LISTING.search(words) or _NAMED_GROUP.search(first))


def _counts_a_group(words: str) -> bool:
    return bool(_COUNTED.search(re.split(r"[。；;]", words, maxsplit=1)[0]))


def find_headings(lines: list[str], item_lines: set[int]) -> dict[int, Group]:
    """The group headings among `lines` (0-based index → Group), given the item lines' indexes.

    A heading has a marker and announces the list of items that follows it directly
    ("…分别为:", "已完成的项目"); a line that only counts a group ("三是…的项目4个。") is one
    when it goes on a series of headings already found. A line of progress prose may begin
    "一是…" or "二是…" too, and is then no heading.
    """
    found: dict[int, tuple[str, str]] = {}
    last_style = ""
    for index, line in enumerate(lines):
        marked = None if index in item_lines else _marker(line)
        if marked is None:
            continue
        following = next((k for k in range(index + 1, len(lines)) if lines[k].strip()), None)
        listing = following in item_lines and _announces_a_list(marked[1])
        if listing or (found and marked[0] == last_style and _counts_a_group(marked[1])):
            found[index] = marked
            last_style = marked[0]
    series = tuple(words for _style, words in found.values())
    return {
        index: Group(words, index + 1, tuple(s for s in series if s != words))
        for index, (_style, words) in found.items()
    }


def group_of(headings: dict[int, Group], item_index: int) -> Group | None:
    """The group an item line is listed in: the last heading above it, if any."""
    above = [index for index in headings if index < item_index]
    return headings[max(above)] if above else None


def _first_clause(words: str) -> str:
    return re.split(r"[,，。；;]", words, maxsplit=1)[0].strip().rstrip(":：")


# The heading's own phrases. A heading may join two claims ("已完成或达到时序进度以上"): its
# items are then only sure of the weaker one.
_DONE = re.compile(r"已完成|已办结|已建成|已竣工|全面完成|全部完成")
_ON_SCHEDULE = re.compile(
    r"达到(?:时序|序时|时间)进度|(?:时序|序时|时间)进度以上|达序"
    r"|按(?:时序|序时)?进度推进|进展顺利|正常推进"
)
_BEHIND = re.compile(
    r"滞后|缓慢|较慢|未达到(?:时序|序时|时间)进度|(?:时序|序时|时间)进度以下|未达序"
)
_NOT_DONE = re.compile(r"未完成|未办结|未达到|未能完成")
# "已开工建设的项目": begun, which is not done.
_STARTED = re.compile(r"开工|启动|动工|开建")
# "有一定进度", "有进展": progress of some kind, with no claim to keep pace.
_SOME_PROGRESS = re.compile(r"有(?:一定|部分)?(?:进度|进展)|正在推进|推进中")


def group_reading(group: Group) -> Reading | None:
    """What a heading says of the status of each item under it, quoting the heading."""
    words = _first_clause(group.heading)
    quoted = f"所在分组“{words}”"
    if _BEHIND.search(words):
        return Reading("滞后", quoted, 0.8)
    if _NOT_DONE.search(words):
        return Reading("未完成", quoted, 0.8)
    done, on_schedule = bool(_DONE.search(words)), bool(_ON_SCHEDULE.search(words))
    if done and on_schedule:
        # "已完成或达到时序进度": some are done, some only on pace; the page says not which.
        return Reading("推进中", quoted + "（含已完成的项目，未分列）", 0.5)
    if done:
        return Reading("已完成", quoted, 0.8)
    if on_schedule:
        return Reading("推进中", quoted, 0.8)
    if _SOME_PROGRESS.search(words):
        paced = next((s for s in group.siblings if _ON_SCHEDULE.search(_first_clause(s))), "")
        if paced:
            # The groups split one list: an item outside the group that keeps pace does not.
            reason = f"{quoted}，未列入“{_first_clause(paced)}”"
            return Reading("滞后", reason, 0.5)
        return Reading("推进中", quoted, 0.6)
    if _STARTED.search(words):
        return Reading("推进中", quoted, 0.7)
    said = status_from_words(words)
    if said is None:
        return None
    return Reading(said.value, quoted, min(said.confidence, 0.8))


def inherited_status(item, spec, day: dt.date) -> Reading | None:
    """The status an item takes from its group's heading on `day`: only when it tells none
    itself (no figures to compare, no verdict in its own line or progress words)."""
    if item.group is None or any(i.comparable for i in spec.indicators):
        return None
    if status_from_words(f"{item.target_text}\n{item.progress_text}"):
        return None
    reading = group_reading(item.group)
    if reading is not None and reading.value == "未完成" and day <= final_deadline(spec, day):
        return Reading("滞后", reading.words, reading.confidence)  # not done while time remains
    return reading


# "…的项目25个,占比达62.5%。分别为:城镇棚户区改造、农村危房改造、…": the group's items named
# in a run after the heading, with no line of their own.
_RUN = re.compile(r"(?:分别为|分别是|包括|主要有)[:：]\s*(\S.*)$")
_COUNT = re.compile(rf"(?:{_GROUP_NOUN})\s*(\d{{1,3}}|[{_NUMERALS}]{{1,3}})\s*(?:个|项|件)")


@dataclass(frozen=True)
class Listed:
    name: str
    line: int  # 1-based line of its heading
    group: Group


def listed_in_runs(lines: list[str]) -> tuple[list[Listed], str]:
    """The items a report names only in runs after its group headings ("分别为:A、B、C"), in
    order, or a refusal naming the line: a run is split at "、" and "；", and only when that
    gives as many names as the heading counts (a name may hold a "、" itself)."""
    marked = [(k, _marker(line)) for k, line in enumerate(lines)]
    series = tuple(
        _RUN.split(m[1])[0]
        for _k, m in marked
        if m and (_counts_a_group(m[1]) or _RUN.search(m[1]))
    )
    listed: list[Listed] = []
    for index, found in marked:
        run = _RUN.search(found[1]) if found else None
        if run is None:
            continue
        heading = found[1][: run.start()]
        names = [
            n.strip() for n in re.split(r"[、；;]", run.group(1).rstrip("。.；; ")) if n.strip()
        ]
        count = _COUNT.search(heading)
        if count is None or list_number(count.group(1)) != len(names):
            said = f"说有{count.group(1)}项" if count else "没有写明项数"
            return [], (
                f"第{index + 1}行：标题{said}，但其后的清单按“、”分开是{len(names)}项；"
                "请把每一项放在单独一行，以“1.”开头"
            )
        group = Group(heading, index + 1, tuple(s for s in series if s != heading))
        listed += [Listed(name, index + 1, group) for name in names]
    return listed, ""
