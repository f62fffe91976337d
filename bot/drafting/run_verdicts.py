"""A run of names split one a line ("科技、" / "农业、" / "服务业项目进展较好,…"), whose last
line states the run's status: each name takes the run's words (`run_verdicts`)."""

from __future__ import annotations

import re

from bot.drafting.counted_runs import joined, unjoined
from bot.drafting.numbered_notices import ITEM_COUNTERS
from bot.drafting.words import status_from_words

_NUMERALS = "一二三四五六七八九十"


# The last name of a run that says what holds for every name in it ("…化工区防护林等项目已提前
# 完成;", "…实际利用外资等均未达序时;"): the words after its "等".
_RUN_CLOSE = re.compile(r"等(?=[^等]*$)(.+)$")
_RUN_COUNT = re.compile(
    rf"^\s*(?:\d{{1,3}}|[{_NUMERALS}]+)\s*(?:{ITEM_COUNTERS})?(?:项目|工程|事项|实事|任务)?(?=[^\d%％])"
)


def run_verdicts(items) -> dict[int, str]:
    """The words each item named in a run ("骏达环保、" on its own line) takes from the run's
    last name, whose line states the run's status ("…等项目已生产;"); by item number. Only
    items with no words of their own, and only words that state a status."""
    found: dict[int, str] = {}
    run: list[int] = []
    items_by = {item.number: item for item in items}
    for item in items:
        own = item.target_text.strip()
        # A name with its own verdict ("县医院新院区(已完工)、") is no member of the run.
        if joined(own) and not item.progress_text.strip() and status_from_words(own) is None:
            run.append(item.number)
            continue
        # "“…”等17项超额完成": the quoted last name was split off its run's words.
        first = item.progress_text.split("\n", 1)[0].strip()
        own += first if first.startswith("等") else ""
        close = _RUN_CLOSE.search(own.rstrip("。；;"))
        if run and close and status_from_words(close.group(1)) is not None:
            # The run's count ("等5个项目…") counts its names: no figure of any one's work.
            words = _RUN_COUNT.sub("", close.group(1)).strip() or close.group(1).strip()
            found.update(dict.fromkeys(run, words))
            if not item.progress_text.strip():  # the last name takes the run's words too
                found[item.number] = words
        elif run and (said := _verdict_after_name(own)):
            # "…、服务业项目进展较好,投资完成率…": the last name's verdict, with no 等.
            found.update(dict.fromkeys([*run, item.number], said))
        elif run:
            names = {n: unjoined(items_by[n].target_text) for n in run}
            found.update(_named_after_run(names, item.progress_text))
        run = []
    return found


# Where a name's verdict starts: its first word of how far or of doing ("项目进展较好",
# "已竣工投用", "正在加快建设").
_VERDICT_START = re.compile(r"(?:项目)?(?:进展|进度|推进|建设|完成|实施)|已|正在|尚[未在]|仍在")


def _verdict_after_name(line: str) -> str:
    """The first clause of a run's last line when it is only a name and its status ("服务业
    项目进展较好", "社会事业进展不够理想"), no figure in it; empty otherwise."""
    clause = re.split(r"[，,；;。]", line.strip(), maxsplit=1)[0]
    said = status_from_words(clause)
    if said is None or re.search(r"\d", clause) or len(clause) > 20:
        return ""
    verdict = _VERDICT_START.search(clause)
    return clause[verdict.start() :] if verdict and verdict.start() > 0 else clause


# A run of names and their count ("A、B、C3项指标"): the names the count sums up.
_NAMES_COUNTED = re.compile(
    rf"、[^、，,。；;]{{2,20}}?[\d{_NUMERALS}]{{1,3}}\s*(?:{ITEM_COUNTERS})"
)


def _named_after_run(names: dict[int, str], words: str) -> dict[int, str]:
    """The run's items that a sentence after it names by their whole names, with a count and
    a status ("其中,固定资产投资、财政收入3项指标未达到序时进度"): that sentence, by number.
    Items it does not name keep their own words."""
    found: dict[int, str] = {}
    for sentence in re.split(r"[。；;]", words):
        if not _NAMES_COUNTED.search(sentence) or status_from_words(sentence) is None:
            continue
        named = {n for n, name in names.items() if len(name) >= 2 and name in sentence}
        found.update(dict.fromkeys(named, sentence.strip()))
    return found
