"""Works named with their sizes in a run, closed by one word that all are done.

A year-end report may list an item's works each with its planned size, then say they are all
done ("5万亩冬枣标准化示范区建设、10万亩冬枣低产园整修提高、10万亩冬枣结果园测土配方施肥工
程全部完成"; "实施的14.3万亩中低产田改造、13万亩土地开发整理、20万亩荒碱地开发工程全部完
工"). Each figure sizes the work it stands before (its scope, as the plan named it), not an
amount measured against the item's target: it is a target of its own, which the closing words
answer. And a figure the progress leaves without a result is answered by words saying all of
the work it names is done ("…;全株玉米青贮工作全部完成" for "50万吨饲草青贮").
"""

from __future__ import annotations

import re

from bot.domain.ledger import IndicatorSpec, TargetSpec
from bot.domain.status import indicator_met, missing_figures
from bot.drafting.mentions import mentions
from bot.drafting.text_figures import UNIT_PATTERN

_FIGURE = rf"(\d+(?:\.\d+)?)\s*((?:万|亿)?(?:{UNIT_PATTERN}))"
# Every work of the run done: the run's closing words.
_ALL_DONE = r"(?:工程)?(?:已|均已)?(?:全部|均)(?:已)?(?:完成|完工|建成|竣工)"
_SIZED = re.compile(rf"{_FIGURE}([^\d、，,。；;]{{2,24}}?)(?=、|{_ALL_DONE})")
_RUN = re.compile(
    rf"(?:{_FIGURE}[^\d、，,。；;]{{2,24}}?、)+{_FIGURE}[^\d、，,。；;]{{2,24}}?{_ALL_DONE}"
)


def sized_apart(target_text: str, progress: str):
    """`progress` without the sizes of a run of works it says are all done, and those sizes as
    target-only indicators. A run that repeats a figure of the target tells amounts done of
    it: left as it is."""
    target_figures = {(m.value, m.unit) for m in mentions(target_text)}
    sized: list[tuple[str, str, str]] = []
    for run in reversed(list(_RUN.finditer(progress))):
        works = [
            (m.group(3).strip(), m.group(1), m.group(2)) for m in _SIZED.finditer(run.group(0))
        ]
        if len(works) < 2 or any((v, u) in target_figures for _n, v, u in works):
            continue
        sized = works + sized
        bare = _SIZED.sub(lambda m: m.group(3), run.group(0))
        progress = progress[: run.start()] + bare + progress[run.end() :]
    return progress, [
        IndicatorSpec(name=name, target=value, unit=unit, comparator=">=")
        for name, value, unit in sized
    ]


# Words saying all of a work is done, in one clause ("全株玉米青贮工作全部完成").
_DONE_CLAUSE = re.compile(r"(?:已|均已|已经)?(?:全部|均)(?:已)?(?:完成|完工|建成|竣工)")
_NOT_DONE = re.compile(r"未|没有|不能|力争|确保|争取|将|预计|计划|基本")
# Words any work may be named by: they tell no two works apart.
_COMMON = {"建设", "工程", "项目", "工作", "完成", "全部", "任务", "实施", "新建", "开展"}


def char_bigrams(text: str) -> set[str]:
    """Every two neighbouring characters of `text`."""
    return {text[k : k + 2] for k in range(len(text) - 1)}


def _bigrams(text: str) -> set[str]:
    return char_bigrams(text) - _COMMON


def answered_by_done_words(spec: TargetSpec, told: str) -> bool:
    """Every figure of `spec` left without a result is answered by a clause of `told` saying
    all of its work is done: a clause that writes the figure itself ("5万亩…建设、…全部完
    成"), or, where the item's other figures are given and met, one naming its work ("建成…
    300个;全株玉米青贮工作全部完成"). Words alone for an item's only figures ("管网建设已全部
    完成" for "12公里") leave it unproven."""
    missing = missing_figures(spec)
    clauses = [
        c
        for c in re.split(r"[，,。；;\n]", told)
        if _DONE_CLAUSE.search(c) and not _NOT_DONE.search(c[: _DONE_CLAUSE.search(c).start()])
    ]
    proven = any(i.comparable and indicator_met(i) for i in spec.indicators)

    def answered(i: IndicatorSpec) -> bool:
        return any(
            f"{i.target}{i.unit}" in c
            or (proven and _bigrams(_named(i, spec.target_text)) & _bigrams(c))
            for c in clauses
        )

    return bool(missing) and all(answered(i) for i in missing)


def _named(indicator: IndicatorSpec, target_text: str) -> str:
    """The words naming a figure: its name, and the words after it in the target's text up to
    the clause's end ("50万吨饲草青贮" → "饲草青贮")."""
    at = target_text.find(f"{indicator.target}{indicator.unit}")
    after = target_text[at + len(indicator.target) + len(indicator.unit) :] if at >= 0 else ""
    after = re.split(r"[，,。；;、和及与]", after, maxsplit=1)[0]
    return re.sub(r"[\d.]+", " ", f"{indicator.name} {after}")
