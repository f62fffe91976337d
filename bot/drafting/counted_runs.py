"""Items named in a run that closes on its count and a verdict ("A、B及C3个项目全面完成任务。").

A report lists several projects in one sentence, one name after another, then counts them and
says what holds for all: the count is the run's own ("3个项目" after three names), and the
words after it are the status of every name in the run, the last one included. Runs closed by
"等" ("A、B等项目已生产") are read in groups.py; this reads the ones closed by a count alone.
A report's opening may say the same of its whole list ("承诺的15件实事已经全部完成").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.domain.ledger import TargetSpec
from bot.domain.status import indicator_met, targeted_indicators
from bot.drafting.numbered_notices import ITEM_COUNTERS, list_number
from bot.drafting.review import Guess
from bot.drafting.statuses import DONE_WORDS, mark_done
from bot.drafting.words import Reading, status_from_words

# A name that goes on in the next item: it ends on a joiner ("、", "及", "和", "与", "以及").
_JOINED = re.compile(r"(?:、|以及|及|和|与)\s*$")
# A run its count closes may also go on after a comma: the count proves the names are one run.
_COUNTED_JOIN = re.compile(r"(?:、|以及|及|和|与|，|,)\s*$")
# The run's count and the verdict after it: "3个项目全面完成任务", "2项预计9月底前开工建设".
# ("…2事项待省级单位印发方案后组织实施": the count may stand right before the group's noun.)
_COUNT_CLOSE = re.compile(
    rf"(\d{{1,2}}|[一二两三四五六七八九十])\s*(?:(?:{ITEM_COUNTERS})(?:项目|工程|事项|实事|任务|指标)?"
    r"|(?:项目|工程|事项|实事))\s*(\S[^。；;]*)[。；;]?\s*$"
)


@dataclass(frozen=True)
class RunMember:
    name: str  # the item's own name, without its joiner or the run's count and verdict
    words: str  # the run's verdict, as written after its count


def counted_runs(items) -> dict[int, RunMember]:
    """Each item of a run closed by a count that equals its length and words that state a
    status, by item number. Only names that tell nothing else of their own; what follows the
    closing line (the report's next paragraph) is no item's."""
    found: dict[int, RunMember] = {}
    run: list = []
    for item in items:
        own = item.target_text.strip()
        # A line with a verdict of its own ("1.贴息事项已完成年度任务,") ends before the run.
        named = status_from_words(own) is None
        if (
            _COUNTED_JOIN.search(own)
            and not item.progress_text.strip()
            and len(own) <= 40
            and named
        ):
            run.append(item)
            continue
        close = _COUNT_CLOSE.search(own) if run else None
        if close and list_number(close.group(1)) == len(run) + 1:
            words = close.group(2).strip()
            each = _respective(words, len(run) + 1)
            # "A、B等3项常态化开展": 等 and the count close the run, whatever its words say.
            closed = own[: close.start()].rstrip().endswith("等")
            if each or closed or status_from_words(words) is not None:
                each = each or [words] * (len(run) + 1)
                for member, told in zip(run, each, strict=False):
                    name = _COUNTED_JOIN.sub("", member.target_text.strip())
                    found[member.number] = RunMember(name, told)
                found[item.number] = RunMember(own[: close.start()].strip(), each[-1])
        run = []
    return found


# "完成率分别达38%、64%、67.5%": one figure for each name of the run, in order.
_RESPECTIVE = re.compile(r"^([^，,。；;]*?)分别(为|是|达到|达)?\s*(\S.*?)[。；;]?$")


def _respective(words: str, names: int) -> list[str]:
    """Each name's own words when the run's give one figure per name after 分别, else []."""
    m = _RESPECTIVE.match(words)
    figures = re.split(r"[、，,和及]", m.group(3)) if m else []
    if len(figures) != names or not all(re.match(r"^\d", f.strip()) for f in figures):
        return []
    return [f"{m.group(1)}{m.group(2) or '为'}{f.strip()}" for f in figures]


def joined(name: str) -> bool:
    """The name goes on in the next item: it ends on "、", "及", "和", "与" or "以及"."""
    return bool(_JOINED.search(name.strip()))


def unjoined(name: str) -> str:
    return _JOINED.sub("", name.strip())


# The whole list done, said in a report's opening: "15件实事已经全部完成", "15件民生实事全完成了".
# Its count may stand clauses before the verdict in the same sentence ("实施了22项民生工程,完成
# 投资72.56亿元,全部完成年度目标任务"), or no count at all ("各项民生实事均已全面完成").
_ALL_DONE = re.compile(
    rf"(?:(\d{{1,3}}|[一二两三四五六七八九十]+)\s*(?:{ITEM_COUNTERS})[^。；;\n]{{0,40}}?|(?:各项|所有)"
    r"[^。；;，,\n\d]{0,16}?)"
    r"(?:(?:(?:已经|已|均已|均)?(?:全部|全面|全)(?:或超额)?|均已|均)(?:按期|如期|顺利|圆满)?"
    r"(?:完成|建成|办结|完工)(?:了)?"  # "均全部或超额完成年度目标任务": each done, some more
    r"|(?:件件|项项)都?(?:落实|办结|兑现|完成)"  # "20件实事基本上做到了件件落实": each one
    r"|(?:如期|按期)(?:完成|建成|办结|完工))"  # "29项为民办实事年度目标任务如期完成"
    r"|(?:各项|所有)[^。；;，,\n\d]{0,16}?均已(?:按期|如期|顺利|圆满)?(?:完成|建成|办结|完工)"
    # "…10项省级民生实事项目的落实情况。这些项目均已如期完成": the list the sentence before counts.
    r"|(?:这些|上述|以上)(?:项目|实事|事项|工程|任务)(?:均已|均|已经?全部|全部)"
    r"(?:按期|如期|顺利|圆满)?(?:完成|建成|办结|完工)"
)
# A second count inside the span ("10件民生实事已完成8件"): a part of the list, not all of it.
_COUNT_INSIDE = re.compile(rf"\d+\s*(?:{ITEM_COUNTERS})|其中|已有")


# Words denying or only promising it ("力争15件实事全部完成", "尚未全部完成").
_NOT_YET = re.compile(r"未|没有|不能|力争|确保|争取|将|(?<![主重需])要|预计")


def _overlapping(pattern: re.Pattern, text: str):
    """Every match of `pattern`, each search starting one past the last match's start: a
    count that opens a sentence before the verdict's ("共计126项,…,126项民生实事均全部…")
    must not hide the count that is its own."""
    at = 0
    while (m := pattern.search(text, at)) is not None:
        yield m
        at = m.start() + 1


def whole_list_done(preamble: str, items: int) -> Reading | None:
    """The opening's words that the whole list is done (its count at least the items the
    report lists), for the items that tell nothing of their own; None when it says none."""
    span_end, span_count = -1, None  # the last span tried, and its count
    for m in _overlapping(_ALL_DONE, preamble):
        count = list_number(m.group(1)) if m.group(1) else None
        if m.start() < span_end and (count is None or count != span_count):
            continue  # inside the span before, only the same list restated ("共计126项,…126项…")
        span_end, span_count = m.end(), count
        before = preamble[max(0, m.start() - 6) : m.start()]
        counted = count is None or count >= items
        inside = m.group(0)[len(m.group(1) or "") + 1 :]
        if _COUNT_INSIDE.search(inside) or _COUNT_INSIDE.search(before):
            continue
        if counted and items > 0 and not _NOT_YET.search(before + m.group(0)):
            return Reading("已完成", m.group(0).strip(), 0.5)
    return None


# Words of an item that deny the opening's "全部完成" for it: not done, behind, still going on.
_OWN_DOUBT = re.compile(
    r"未(?:完成|达|开工|启动|能|按|建成|完工)|尚未|尚有|正在|推进中|进行中|滞后|缓慢|偏慢|预计"
    r"|暂缓|缺口|(?:有|存在)[^，,。；;]{0,4}困难|困难较大|难度较大"  # not "困难老年人"
)


def under_a_done_list(spec: TargetSpec, status: Guess, told: str, list_done: Reading):
    """An item the opening counts among a list all done ("22项民生工程全部完成年度目标任务"):
    done, unless its own figures fall short or its words say it is not."""
    short = any(indicator_met(i) is False for i in targeted_indicators(spec))
    if short or _OWN_DOUBT.search(f"{spec.target_text}\n{told}"):
        return spec, status
    reason = f"报告开头称“{list_done.words}”，本项未写未完成"
    done = list_done.value  # 已完成, or 超额完成 where the opening says more was done
    own = status_from_words(told)
    if own is not None and own.value == "超额完成":
        # "…均已如期完成" over "最终共救助774人,完成率100.78%": this one did more than its task.
        done, reason = own.value, f"{reason}；本项“{own.words}”"
    spec = mark_done(replace(spec, status_override=done, status_reason=reason))
    return spec, Guess("status", done, 0.5, reason)


def own_doubt(text: str) -> bool:
    """The item's words deny the opening's "全部完成" for it (尚未, 正在, 滞后…)."""
    return bool(_OWN_DOUBT.search(text))


# The opening's last sentence naming some of the list by example and counting them, then
# saying how far they are ("A、B等5项提前办好,并超额完成任务。"): the count's verdict.
_COUNTED_EXAMPLES = re.compile(
    rf"等\s*(\d{{1,2}}|[一二两三四五六七八九十])\s*(?:{ITEM_COUNTERS})(?:项目|工程|事项|实事|任务)?"
    r"\s*([^。；;\n]+)[。；;]?\s*$"
)


_CONNECTIVE_END = re.compile(r"\n[^\d，,。；;:：\n]{1,6}[，,:：]\s*$")


def first_items_counted(preamble: str, items) -> tuple[int, Reading] | None:
    """The opening's count of the items listed first, on lines one after another, and the
    done status it states of them: (count, reading); None when the count is not that run's
    or the opening says they are not done."""
    opening = _CONNECTIVE_END.sub("", preamble.strip())  # past "据了解," over the list
    sentences = [s for s in re.split(r"(?<=[。；;])", opening) if s.strip()]
    m = _COUNTED_EXAMPLES.search(sentences[-1]) if sentences else None
    said = status_from_words(m.group(2)) if m else None
    if m is None or said is None or said.value not in DONE_WORDS:
        return None  # (read as a done list is: done unless an item's own words deny it)
    count = list_number(m.group(1))
    lines = [item.line for item in items]
    run = next((k for k in range(1, len(lines)) if lines[k] != lines[k - 1] + 1), len(lines))
    if count < 2 or count != run:
        return None  # a run of another length: the count is not of the items listed first
    return count, Reading(said.value, said.words, 0.5)
