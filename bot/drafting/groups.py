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

from bot.domain.status import compute_status, final_deadline
from bot.drafting.named_laggards import EXAMPLES_FOLLOW, problem_over_examples
from bot.drafting.numbered_notices import ITEM_COUNTERS as _COUNTER
from bot.drafting.numbered_notices import list_number
from bot.drafting.words import Reading, forecasts_failure, status_from_words

_NUMERALS = "一二三四五六七八九十"
# The heading's marker: "一是", "二、", "（三）", "(四)", "第一类". Chinese numerals only:
# the items themselves are numbered "1." in Arabic figures.
_MARK = re.compile(rf"^\s*(?:([{_NUMERALS}]+)是|([{_NUMERALS}]+)、|[（(]([{_NUMERALS}]+)[）)]"
                   rf"|第([{_NUMERALS}]+)类)\s*(\S.*)$")  # fmt: skip
_GROUP_NOUN = "项目|事项|实事|工程|任务|工作"
# A heading speaks of a group of items: it counts them ("的项目25个"), announces their list
# ("分别为:", "如下：", a closing colon) or ends on the group's noun ("已完成的项目").
_COUNTED = re.compile(
    rf"(?:{_GROUP_NOUN}|的)\s*[,，]?\s*(?:共计|共|计|有)?\s*[\d{_NUMERALS}]+\s*(?:{_COUNTER})"
)
_LISTING = re.compile(
    r"(?:分别为|分别是|如下|包括|主要是|主要有|具体是|具体为|(?:项目|事项|任务)(?:是|为|有))[:：]?\s*$"
    r"|[:：]\s*$|" + EXAMPLES_FOLLOW.pattern  # "…需要加快项目建设。如": its examples follow
)
_NAMED_GROUP = re.compile(rf"的(?:{_GROUP_NOUN})\s*[:：]?\s*$")


@dataclass(frozen=True)
class Group:
    heading: str  # the heading's words, without its marker
    line: int  # 1-based line of the heading
    siblings: tuple[str, ...] = ()  # the other headings of the same series, in order
    reach: int = 0  # how many items it counts when it runs on into them ("4项正在抓紧实施,")


def _marker(line: str) -> tuple[str, str] | None:
    """The heading's marker style ("是", "、", "()" or "类") and its words, if it opens one."""
    match = _MARK.match(line)
    if not match:
        return None
    style = ("是", "、", "()", "类")[next(k for k in range(4) if match.group(k + 1))]
    return style, match.group(5)


def _announces_a_list(words: str) -> bool:
    first = re.split(r"[。；;]", words, maxsplit=1)[0]
    return bool(_LISTING.search(words) or _NAMED_GROUP.search(first) or group_title(words))


# A group's title: a few words ending on the group's noun, maybe with its count ("已完成项目
# （5项）", "未开工项目2项", "已完成的事项:").
_TITLE_COUNT = re.compile(
    rf"\s*(?:[（(]\s*(?:共|计)?\s*[\d{_NUMERALS}]+\s*(?:{_COUNTER})\s*[)）]"
    rf"|[\d{_NUMERALS}]+\s*(?:{_COUNTER})"
    # "已完成全年目标任务的14": the group's count after its 的, its counting word left out.
    rf"|(?<=的)[\d{_NUMERALS}]{{1,3}})?\s*[:：]?\s*$"
)


def group_title(words: str) -> str:
    """The words of a short title naming a group of items by its noun, or ""."""
    title = _TITLE_COUNT.sub("", words.strip(), count=1)
    if not title or len(title) > 20 or re.search(r"[，,。；;]", title):
        return ""
    if re.search(rf"(?:{_GROUP_NOUN})$", title):
        return title
    counted = title != words.strip().rstrip(":：")
    # "已完成(2项)": a status and the count of its group.
    return title if counted and status_from_words(title) is not None else ""


def _counts_a_group(words: str) -> bool:
    return bool(_COUNTED.search(re.split(r"[。；;]", words, maxsplit=1)[0]))


# A heading without a marker: its last clause announces a group of items right above their
# list ("…共38项,其中5项已完成,分别是:", "滞后项目:", "前期已有10个项目完成全年任务,分别是"),
# naming the group's noun or counting it; or the line is one clause that counts the group as
# its subject and says how far it is ("12个项目超额完成8月份节点目标").
_LIST_WORDS = re.compile(
    r"[，,]?\s*(?:(?:分别为|分别是|如下|包括|主要是|主要有)\s*[:：]?|[:：])\s*$"
    r"|[，,]\s*为\s*$"  # "未达到序时进度11项、占比20.0%,为": the count's list follows
)
# ("进展不够理想的有:": "…的有" announces the kinds or items of a status that follow.)
_GROUP_WORD = re.compile(rf"{_GROUP_NOUN}|[\d{_NUMERALS}]+\s*(?:{_COUNTER})|的(?:有|是)$")
_COUNTED_SUBJECT = re.compile(
    rf"^[^，,。；;:：]{{0,8}}?(?<!\d)[\d{_NUMERALS}]+\s*(?:个(?:{_GROUP_NOUN})|[项件宗](?:{_GROUP_NOUN})?)"
    r"[^，,。；;:：]{2,20}$"
)
_OPENING_COUNT = re.compile(
    rf"^(?:其中|另有|还有)?[\d{_NUMERALS}]{{1,3}}\s*(?:{_COUNTER})(?![\d%％])"
)
# A connective alone on its line between a heading and its list ("与此同时,").
_CONNECTIVE = re.compile(r"^\s*[^\d，,。；;:：]{1,6}[，,:：]\s*$")


# Words leading into the list after the heading's sentence ("…基本达到序时进度。其中:",
# "…欠序时较多,具体情况如下:").
_LEAD_IN = re.compile(r"[，,。]?\s*(?:其中|具体情况|具体)\s*$")
# "有11个项目进展较快": a clause counting the group as what it has.
_HAS_COUNT = re.compile(rf"^(?:其中)?(?:共)?有\s*[\d{_NUMERALS}]+\s*(?:{_COUNTER})")


def _counting_clause(words: str) -> str:
    """The last clause of the sentence before a list, or, past a share that follows its
    count ("未达到序时进度11项、占比20.0%"), the count's own words."""
    led_in = _LEAD_IN.search(words.rstrip())
    words = words.rstrip()[: led_in.start()] if led_in else words
    sentence = re.split(r"[。；;]", words)[-1]
    clauses = [c.strip() for c in re.split(r"[，,:：]", sentence)]
    last = clauses[-1] if clauses else ""
    share = re.compile(r"[、]?\s*占比?\s*[\d.]+\s*[%％]$")
    if share.search(last):
        return share.sub("", last)
    counting = [k for k, c in enumerate(clauses) if _HAS_COUNT.match(c)]
    if counting and (led_in or not _GROUP_WORD.search(last)):
        # "有7个项目实施较慢,欠序时较多": the clause counting the group, then how far it is.
        return ",".join(clauses[counting[-1] :])
    return "" if led_in else last  # "…圆满完成年度目标任务。其中:" counts no group


def _unmarked_heading(line: str) -> str:
    """The words of an unmarked line announcing a group of items (its last clause), or ""
    when it announces none, or says nothing of how far the items are."""
    listing = _LIST_WORDS.search(line)
    # A title, not a sentence: a line of progress ends with a full stop.
    titled = not line.rstrip().endswith(("。", "；", ";"))
    if titled and group_title(line):
        clause = line.strip().rstrip(":：")
    elif listing is not None:
        clause = _counting_clause(line[: listing.start()])
    else:
        clause = line.strip()
        # "有5项民生工程部分完成任务," runs on into its list after a comma, naming its noun
        # (a line of progress, "已完成948件(81%),", names none).
        # So does one opening on its count before a verdict ("4项正在抓紧实施,").
        if clause.endswith(("，", ",")) and (
            re.search(_GROUP_NOUN, clause) or _OPENING_COUNT.match(clause)
        ):
            clause = clause.rstrip("，,")
        if not titled or not _COUNTED_SUBJECT.match(clause):
            return ""
    # A bracketed aside ("(高于时序进度83.33%)") qualifies the heading; it is no sentence.
    bare = re.sub(r"[（(][^()（）]*[)）]", "", clause)
    if not clause or len(bare) > 20 or not _GROUP_WORD.search(clause):
        return ""
    return clause if group_reading(Group(clause, 0)) is not None else ""


def next_content_line(lines: list[str], index: int) -> int | None:
    """The index of the first line after `index` with words, past a lone connective."""
    for k in range(index + 1, len(lines)):
        if lines[k].strip() and not _CONNECTIVE.match(lines[k]):
            return k
    return None


def _first_item_below(lines: list[str], index: int) -> int | None:
    """The next content line after `index`, past one section title that says nothing of how
    far its items are ("26项未达到序时进度要求的具体目标如下:" over "一、综合指标类9项(按考核
    目标统计)" over the items: the outer heading's status holds for the section's items)."""
    below = next_content_line(lines, index)
    if below is None:
        return None
    marked = _marker(lines[below])
    if (
        marked
        and len(lines[below].strip()) <= 30
        and not re.search(r"[，,。；;]", marked[1])
        and group_reading(Group(marked[1], 0)) is None
    ):
        return next_content_line(lines, below)
    return below


def announces_group(line: str) -> bool:
    """The line announces a group of items by how far they are ("滞后项目:")."""
    marked = _marker(line)
    words = marked[1] if marked else line
    if marked and _announces_a_list(words) and group_reading(Group(words, 0)) is not None:
        return True
    return bool(_unmarked_heading(line))


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
        following = next((k for k in range(index + 1, len(lines)) if lines[k].strip()), None)
        if marked is None and index not in item_lines:
            if _first_item_below(lines, index) not in item_lines:
                continue
            unmarked = _unmarked_heading(line)
            if unmarked:
                found[index] = ("", unmarked)
            continue
        if marked is None:
            continue
        # The list may follow past a field's title ("一、当年完成的97件实事" over "(一)…方面").
        below = following in item_lines or _first_item_below(lines, index) in item_lines
        listing = below and _announces_a_list(marked[1])
        if listing or (found and marked[0] == last_style and _counts_a_group(marked[1])):
            found[index] = marked
            last_style = marked[0]
    series = tuple(words for _style, words in found.values())
    return {
        index: Group(
            words, index + 1, tuple(s for s in series if s != words), _reach(lines[index])
        )
        for index, (_style, words) in found.items()
    }


def _reach(line: str) -> int:
    """The count of a heading that runs on into its items after a comma ("4项正在抓紧实施,"):
    the sentence lists that many, and the items after them are another sentence's; else 0."""
    opening = _OPENING_COUNT.match(line.strip())
    if opening is None or not line.rstrip().endswith(("，", ",")):
        return 0
    return list_number(re.search(rf"[\d{_NUMERALS}]+", opening.group(0)).group(0))


def group_of(headings: dict[int, Group], item_index: int, item_lines=()) -> Group | None:
    """The group an item line is listed in: the last heading above it, if any, and if it
    counts its items, only while the items after it are as many as it counts."""
    above = [index for index in headings if index < item_index]
    if not above:
        return None
    group = headings[max(above)]
    listed = sum(max(above) < k <= item_index for k in item_lines)
    return None if group.reach and listed > group.reach else group


def _first_clause(words: str) -> str:
    return re.split(r"[,，。；;]", words, maxsplit=1)[0].strip().rstrip(":：")


# The heading's own phrases. A heading may join two claims ("已完成或达到时序进度以上"): its
# items are then only sure of the weaker one.
_DONE = re.compile(
    r"已(?:经)?完成|已办结|已建成|已竣工|全面完成|全部完成"
    r"|(?<![未部分])完成(?:了)?(?:全年|年度)?(?:目标)?任务"  # "有15项民生工程完成任务"
    # "超出或完成年度计划投资的有6宗": the year's plan met (a group's, so no amount follows).
    r"|(?<![未部分])完成(?:了)?(?:全年|年度)(?:投资计划|计划投资|计划)(?![\d.]|投资)"
    # "当年完成的97件实事", "完成的工程": the group named by what was done (not "年内可完成的").
    rf"|(?:^|(?<!预计)(?<!计划)(?:当年|今年|本年度?|全年))完成的\s*(?:[\d{_NUMERALS}]+\s*(?:{_COUNTER})\s*)?"
    rf"(?:{_GROUP_NOUN})"
)
# "部分完成任务", "基本完成": some of each item's work is done, not all of it.
_PARTLY = re.compile(r"部分完成|基本完成")


def _partly(words: str) -> bool:
    """The heading files its items as partly done, not as "完成或基本完成" (done, or nearly)."""
    return bool(_PARTLY.search(words)) and not _DONE.search(words)


_ON_SCHEDULE = re.compile(
    r"达到(?:时序|序时|时间)进度|(?:时序|序时|时间)进度以上|达序"
    # "超额完成8月份节点目标": a stage of the year met, not the year's target.
    r"|完成[^，,。；;]{0,6}?(?:节点|阶段|序时|时序)(?:目标|任务)"
    r"|按(?:时序|序时)?进度推进|进展顺利|正常推进"
    # "与时间进度同步", "超时间进度完成": keeping pace with the time gone, or ahead of it.
    r"|与(?:时间|时序|序时)进度(?:基本)?同步|超(?:时间|时序|序时)(?:任务)?进度"
    # "超额完成序时进度", "快于序时进度": ahead of the time gone, not the year's target done.
    r"|完成(?:时间|时序|序时)进度|快于(?:时间|时序|序时)进度"
)
_BEHIND = re.compile(
    r"滞后|缓慢|较慢|未达到(?:时序|序时|时间)进度|(?:时序|序时|时间)进度以下|未达序"
    r"|未按(?:时序|序时|计划)|未完成(?:时序|序时)"
    r"|未(?:开工|启动|动工)"  # "未开工项目2项": not begun, so behind (never "begun")
    r"|欠(?:时序|序时|时间)"  # "欠序时较多": short of the time gone
)
_NOT_DONE = re.compile(r"未完成|未办结|未达到|未能完成")
# "已开工建设的项目": begun, which is not done.
_STARTED = re.compile(r"开工|启动|动工|开建")
# "有一定进度", "有进展": progress of some kind, with no claim to keep pace.
_SOME_PROGRESS = re.compile(r"有(?:一定|部分)?(?:进度|进展)|正在推进|推进中")


def group_reading(group: Group) -> Reading | None:
    """What a heading says of the status of each item under it, quoting the heading."""
    words = _first_clause(group.heading)
    if _HAS_COUNT.match(words):  # "有11个项目进展较快,超额完成序时进度": how far, after the count
        words = re.split(r"[。；;]", group.heading, maxsplit=1)[0].strip().rstrip(":：")
    quoted = f"所在分组“{words}”"
    if forecasts_failure(words):  # "指标项目出现调整", "年底前不能全部完成"
        return Reading("未完成", quoted, 0.7)
    if _BEHIND.search(words):
        return Reading("滞后", quoted, 0.8)
    if _NOT_DONE.search(words):
        return Reading("未完成", quoted, 0.8)
    if _partly(words):
        return Reading("推进中", quoted, 0.8)
    done, on_schedule = bool(_DONE.search(words)), bool(_ON_SCHEDULE.search(words))
    if done and on_schedule:
        # "已完成或达到时序进度": some are done, some only on pace; the page says not which.
        return Reading("推进中", quoted + "（含已完成的项目，未分列）", 0.5)
    if done:
        said = status_from_words(words)  # "超额完成年度目标任务的项目": more than done
        return Reading(said.value if said and said.value == "超额完成" else "已完成", quoted, 0.8)
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
    said = status_from_words(words) or problem_over_examples(group.heading)  # "…。如"
    if said is None:
        return None
    quoted = quoted if said.words in words else f"所在分组“{said.words}”"
    return Reading(said.value, quoted, min(said.confidence, 0.8))


_MAIN_WORKS_DONE = re.compile(r"主体(?:工程)?(?:已|已经)?(?:完工|完成|竣工|封顶)")


def inherited_status(item, spec, day: dt.date) -> Reading | None:
    """The status an item takes from its group's heading on `day`: only when it tells none
    itself (no figures to compare, no verdict in its own line or progress words)."""
    if item.group is None:
        return None
    reading = group_reading(item.group)
    # A heading filing its items as partly done ("有5项…部分完成任务,") outranks the parts an
    # item lists as done: the rest of its work is not.
    partly = reading is not None and _partly(_first_clause(item.group.heading))
    if any(i.comparable for i in spec.indicators):
        # Figures decide, except that a heading filing the item as behind says more than
        # figures merely under way ("进展滞后的目标任务" over "已建成620个" of 1500).
        late = reading is not None and reading.value == "滞后"
        return reading if partly or (late and compute_status(spec, day) == "推进中") else None
    own = status_from_words(f"{item.target_text}\n{item.progress_text}")
    under_way = own is not None and own.value == "推进中" and reading is not None
    # Filed as behind, or as done while its own words say the main works are ("已完成全年目标
    # 任务的14" over "主体已完工,正在进行内部装修"): the office's verdict says more than the
    # work going on ("已完成的项目" over only "正在施工" contradicts it: the item's words stand).
    finishing = _MAIN_WORKS_DONE.search(f"{item.target_text}\n{item.progress_text}")
    filed = under_way and (reading.value == "滞后" or reading.value == "已完成" and finishing)
    if own is not None and not partly and not filed:
        return None
    # Under way ("正在开展编制招标文件") and listed under "滞后项目": both true; the
    # group's verdict says how far, the item's words only that work goes on.
    if (
        reading is not None
        and reading.value == "未完成"
        and day <= final_deadline(spec, day)
        and not forecasts_failure(item.group.heading)
    ):
        return Reading("滞后", reading.words, reading.confidence)  # not done while time remains
    return reading


# "…的项目25个,占比达62.5%。分别为:城镇棚户区改造、农村危房改造、…": the group's items named
# in a run after the heading, with no line of their own.
_RUN = re.compile(
    r"(?:分别为|分别是|包括|主要有|主要是|(?:项目|事项|任务)是)(?:[:：]\s*|\s*(?=“))(\S.*)$"
)
_COUNT = re.compile(
    rf"(?:{_GROUP_NOUN}|的)\s*[,，]?\s*(?:共计|共|计|有)?\s*"
    rf"(\d{{1,3}}|[{_NUMERALS}]{{1,3}})\s*(?:{_COUNTER})"
)
# A run of names each in quotation marks ("“A”,“B”等,…"): the names are the quotations, and
# "等" after the last says the run names only some of the group.
_QUOTED = re.compile(r"“([^“”]{2,})”")
_SOME_OF = re.compile(r"^[”\s]*等")


def _run_names(run: str) -> tuple[list[str], bool]:
    """The names of a run and whether it names only some of its group ("…等")."""
    quoted = list(_QUOTED.finditer(run))
    if quoted and run.lstrip().startswith("“"):
        return [q.group(1).strip() for q in quoted], bool(_SOME_OF.match(run[quoted[-1].end() :]))
    names = [n.strip() for n in re.split(r"[、；;]", run.rstrip("。.；; ")) if n.strip()]
    return names, False


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
        names, some = _run_names(run.group(1))
        count = _COUNT.search(heading)
        counted = list_number(count.group(1)) if count else 0
        if count is None or not (counted == len(names) or (some and len(names) < counted)):
            said = f"说有{count.group(1)}项" if count else "没有写明项数"
            return [], (
                f"第{index + 1}行：标题{said}，但其后的清单按“、”分开是{len(names)}项；"
                "请把每一项放在单独一行，以“1.”开头"
            )
        group = Group(heading, index + 1, tuple(s for s in series if s != heading))
        listed += [Listed(name, index + 1, group) for name in names]
    return listed, ""
