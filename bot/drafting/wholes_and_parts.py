"""A whole and the part of it done, told in one clause of a progress sentence.

Progress reports often count a task and what of it is done in the same clause, without any
plan word: "重建的1187户已竣工1128户", "纳入安置的907户中有820户已安置到位", "20公里步行道已完成
7.42公里", "47个重点建设项目开复工44个"; or they say all of it is done: "2210户房屋的维修加固已
全部完成". Each such clause is
one indicator: the whole is its target, the part (or the whole, when all is done) its actual.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from bot.domain.ledger import IndicatorSpec
from bot.drafting.pairing import Pairing
from bot.drafting.text_figures import Figure, extract_figures

_CLAUSE = re.compile(r"[^，,；;。\n]+")
# Between the whole and its part: "…已竣工", "…中有", "…中已完成".
_DONE_BETWEEN = re.compile(r"^[^\d]{0,12}?(?:中有|中)?\s*(?:已经|已)(\w{0,2}?)(?:了)?\s*$")
_AMONG = re.compile(r"^[^\d]{0,20}?中(?:有|已有)?\s*$")
# The whole's things, then a verb of doing and the count that did it, closing the clause
# ("47个重点项目开复工44个、", "12所学校完工10所"): the part repeats no noun of its own.
_DID_BETWEEN = re.compile(
    r"^[^\d，,、]{2,16}?(?:开复工|复工|开工|竣工|完工|建成|完成|投产|投用|开业|签约|落地|办结)$"
)
_CLAUSE_END = re.compile(r"^[、\s]*$")
_DONE_AFTER = re.compile(r"^\s*(?:已经|已|均已)")
# All of the whole done: "…的维修加固工作已全部完成", "…均已建成".
_ALL_DONE = re.compile(r"(?:已经|已|均已)全部?(?:完成|建成|竣工|完工)|均已(?:完成|建成|竣工|完工)")


def whole_part_pairs(sentence: str) -> list[Pairing]:
    """One indicator for each clause of `sentence` that counts a whole and the part of it done
    (in the same unit), or a whole said to be all done; [] when no clause does."""
    found: list[Pairing] = []
    clauses = _CLAUSE.findall(sentence)
    for clause, after in zip(clauses, [*clauses[1:], ""], strict=True):
        figures = [f for f in extract_figures(clause) if f.unit and f.unit != "%"]
        pair = (
            _whole_and_part(clause, figures)
            or _all_done(clause, figures)
            or _done_as_the_task(clause, figures, after)
        )
        if pair:
            found.append(pair)
    return found


# The clause after a figure saying the year's task is done ("…调增基础养老金5元,完成年度调整
# 任务"): the figure was the task, and it is done. Not after a word of the plan ("全年任务为
# 282个村,已全部完成": the task is set, the words say it is done without a figure done).
_TASK_DONE_NEXT = re.compile(
    r"^\s*(?:已经?|均已|并)?(?:全面|全部|如期|按期)?完成(?:了)?(?:本?年度|全年)[^\d，,。；;]{0,6}?任务(?!数?的?\s*\d)"
)
_PLAN_WORD = re.compile(r"计划|目标|任务|全年|年度|力争|确保|共|总")


def _done_as_the_task(clause: str, figures: list[Figure], after: str) -> Pairing | None:
    if len(figures) != 1 or not _TASK_DONE_NEXT.match(after) or _PLAN_WORD.search(clause):
        return None
    (whole,) = figures
    name = re.split(r"[，,；;：:（(]", clause[: whole.start])[-1].strip()
    indicator = IndicatorSpec(
        name=name or "完成", target=whole.value, unit=whole.unit, comparator=">=",
        actual=whole.value,
    )  # fmt: skip
    return Pairing(indicator, 0.6, f"报告称完成年度任务：“{clause.strip()}{after.strip()}”")


def _whole_and_part(clause: str, figures: list[Figure]) -> Pairing | None:
    for whole, part in zip(figures, figures[1:], strict=False):
        between = clause[whole.end : part.start]
        done = _DONE_BETWEEN.match(between)
        among = _AMONG.match(between) and _DONE_AFTER.match(clause[part.end :])
        did = (
            not (done or among)
            and _DID_BETWEEN.match(between)
            and _CLAUSE_END.match(clause[part.end :])
        )
        if whole.unit != part.unit or not (done or among or did) or not _smaller(part, whole):
            continue
        if did:  # the things and the verb between the counts name the measure
            name = between
        else:
            name = _name_before(clause, whole, figures)
            name += re.split(r"中|已", between, maxsplit=1)[0].replace("的", "").strip(" (（")
        if done and done.group(1):
            name += done.group(1)
        indicator = IndicatorSpec(
            name=name or "完成", target=whole.value, unit=whole.unit, comparator=">=",
            actual=part.value,
        )  # fmt: skip
        return Pairing(indicator, 0.6, f"同一分句写明总数与已完成数：“{clause.strip()}”")
    return None


def _all_done(clause: str, figures: list[Figure]) -> Pairing | None:
    if len(figures) != 1 or not _ALL_DONE.search(clause[figures[0].end :]):
        return None
    (whole,) = figures
    said = _ALL_DONE.search(clause[whole.end :])
    name = clause[whole.end : whole.end + said.start()].replace("的", "").strip()
    name = re.sub(r"工作$", "", name)
    indicator = IndicatorSpec(
        name=name or "完成", target=whole.value, unit=whole.unit, comparator=">=",
        actual=whole.value,
    )  # fmt: skip
    return Pairing(indicator, 0.6, f"报告称全部完成：“{clause.strip()}”")


def _name_before(clause: str, whole: Figure, figures: list[Figure]) -> str:
    start = max((f.end for f in figures if f.end <= whole.start), default=0)
    words = clause[start : whole.start]
    words = re.split(r"中", words)[-1]
    return re.sub(r"^(?:纳入|其中|截至目前|目前)|的$", "", words.strip())


def _smaller(part: Figure, whole: Figure) -> bool:
    try:
        return Decimal(part.value) <= Decimal(whole.value)
    except InvalidOperation:
        return False
