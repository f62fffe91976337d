"""Indicators from a target's text and its progress text: each figure of the progress paired
with the target figure it answers (the same measure: name words, unit, magnitude).

Figures stay exact strings as written; an actual in another unit of the same measure keeps
its own unit (`actual_unit`), and bot/domain/units.py converts when comparing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from bot.domain.ledger import IndicatorSpec, fresh_name, parse_decimal
from bot.domain.units import MAGNITUDES, SHARE_OF_TARGET, convert, same_measure
from bot.drafting.declines import actual_indicator
from bot.drafting.mentions import (
    NAME_WINDOW,
    Mention,
    bare_actual,
    counts_its_subject,
    mentions,
    parts_of_a_whole,
    per_head,
    restates_target,
    scale_beside_years_plan,
    scope_of_a_step,
    states_a_target,
    states_gap,
    whole_scale,
)
from bot.drafting.name_cuts import whole_name
from bot.drafting.scopes import scope_restated
from bot.drafting.sized_works import sized_apart
from bot.drafting.words import comparator_for
from bot.drafting.work_stages import answers_refused, counted_in_magnitude, counts_people, forecast

__all__ = ["Mention", "Pairing", "mentions", "pair_indicators", "restates_target"]

_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9.]*|[\u4e00-\u9fff]")


def _bigrams(text: str) -> set[str]:
    # Chinese characters pair up; an ASCII name (PM2.5, PM10, COD) is a token of its own.
    tokens = _TOKEN.findall(text)
    pairs = {tokens[i] + tokens[i + 1] for i in range(len(tokens) - 1)}
    return pairs | {t for t in tokens if len(t) > 1} | (set(tokens) if len(tokens) == 1 else set())


def _after_words(after: str) -> str:
    return re.sub(r"^(?:以上|以下|以内|左右|之内)", "", after)


def name_overlap(target: Mention, actual: Mention) -> float:
    """Dice of the words naming the two figures (before and after each)."""
    a = _bigrams(target.name) | _bigrams(_after_words(target.after))
    b = _bigrams(actual.name) | _bigrams(_after_words(actual.after))
    return _dice(a, b)


def similarity(target: Mention, actual: Mention) -> float:
    """How far two mentions name the same measure: shared bigrams of names and contexts."""
    # The measure may be named before the figure ("新增贷款14亿元") or after it ("40家企业上云").
    a = _bigrams(target.name) | _bigrams(_after_words(target.after))
    b = _bigrams(actual.name) | _bigrams(_after_words(actual.after))
    ca, cb = _bigrams(target.context), _bigrams(actual.context)
    score = max(_dice(a, b), 0.6 * _dice(ca, cb))
    # Words that report what was done ("已有", "降至", "截至目前") mark an actual.
    if _ACHIEVED.search(actual.context[-8:]):
        score += 0.1
    return score


_ACHIEVED = re.compile(r"已|降至|降到|达到|截至|截止|目前|累计|实际|月份?完成")


_WORKS = re.compile(r"工程量|工作量|形象进度|工程进度|进度")


def _share_of_works(m: Mention) -> bool:
    """A percentage of the works done ("完成工程量50%", "形象进度达60%", "进度至53%")."""
    return bool(_WORKS.search(m.name)) and not _is_rate_of_change(m)


def _dice(a: set[str], b: set[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def _unit_fits(target: Mention, actual: Mention) -> bool:
    if per_head(actual) != per_head(target):  # "每千人口托位数4个" answers no count of 托位
        return False
    if actual.unit in MAGNITUDES:  # "186.2亿" for a target in 亿元
        return target.unit.startswith(actual.unit)
    if target.unit in MAGNITUDES:
        return False
    if actual.unit == SHARE_OF_TARGET and target.unit != SHARE_OF_TARGET:
        # A share of the target only where the words say so ("完成全年任务数的104.48%").
        return bool(re.search(r"(任务|目标|计划)[数量]?的?$", actual.context[-8:]))
    return same_measure(actual.unit, target.unit)


SIZE_RANGE = 10  # an actual paired on its unit alone lies within 1/10 and 10 times its target


def _plausible_size(target: Mention, actual: Mention) -> bool:
    # "完成造林0.71万亩" is not answered by "新建完善农田林网36万亩", 50 times the target.
    if actual.unit == SHARE_OF_TARGET or actual.unit in MAGNITUDES:
        return True
    t, a = parse_decimal(target.value), parse_decimal(actual.value)
    a = None if a is None else convert(a, actual.unit, target.unit)
    if t is None or a is None or t <= 0 or a <= 0:
        return True
    return 1 / Decimal(SIZE_RANGE) <= a / t <= SIZE_RANGE


# "N个…均" before a figure: the figure is set for each of the N ("4个结构性指标均实现10%");
# 人均 and 平均 are measures, not "each".
_EACH_OF = re.compile(r"(?:(\d+)[个项类家])?([^\d，,。；;、]{2,}?)(?<![人平])均[^\d，,。；;]*$")


def _group_of(target: Mention) -> tuple[int | None, str] | None:
    """(how many, the group's name) when the target figure is set for each of a group."""
    found = _EACH_OF.search(target.heading[-2 * NAME_WINDOW :])
    if not found:
        return None
    return (int(found.group(1)) if found.group(1) else None), found.group(2)


_GROWTH = re.compile(r"增长|增速|增幅")
_FALL = re.compile(r"(?:下降|减少|回落|下滑|负增长)$")


def signed_actual(target: Mention, actual: Mention) -> str:
    """The actual as a growth rate: "下降4.7%" answers a growth target as "-4.7"."""
    said_fall = _FALL.search(actual.context) and not actual.value.startswith("-")
    growth = _GROWTH.search(f"{target.name}{target.after}{target.heading[-NAME_WINDOW:]}")
    if actual.unit == "%" and growth and said_fall:
        return f"-{actual.value}"
    return actual.value


_RATE_OF_CHANGE = re.compile(r"(?:增长|增速|增幅|下降|回落|下滑)[^\d，,。；;]{0,3}$")


def _is_rate_of_change(m: Mention) -> bool:
    """A growth rate ("增长7%", "同比下降4.7%"), not a share or a level in %."""
    return m.unit == "%" and bool(_RATE_OF_CHANGE.search(m.context))


def growth_name(target: Mention, actual: Mention) -> str:
    """The actual's name for a growth target: "民间项目投资同比下降" is "民间项目投资增长"."""
    if signed_actual(target, actual) == actual.value:
        return actual.name
    return re.sub(r"(?:同比)?(?:下降|减少|回落|下滑|负增长)$", "", actual.name) + "增长"


# Begun or still under way ("3所均已开工", "2所正在建设"): not an amount finished.
@dataclass(frozen=True)
class Pairing:
    indicator: IndicatorSpec
    confidence: float  # 1.0 for figures as written; the pairing's score when paired
    why: str


PAIR_THRESHOLD = 0.3
SHARED_THRESHOLD = 0.5  # a second actual for an already paired target needs a clear match


# A run of figures after "分别" ("分别完成95个、310个和7397个"): one for each of as many
# measures named before it, in their order.
_RESPECTIVE = re.compile(
    r"分别[^\d，,。；;]{0,8}(?:\d+(?:\.\d+)?[^\d、，,。；;和及]{0,4}[、和及])+"
    r"\d+(?:\.\d+)?[^\d、，,。；;和及]{0,4}"
)


def _respective(targets, actuals, progress_text: str, skipped) -> dict[int, int]:
    """Target index -> actual index for each run of actuals after "分别" whose unit is that of
    exactly as many targets left, which it answers in order."""
    found: dict[int, int] = {}
    for run in _RESPECTIVE.finditer(progress_text):
        members = [
            ai for ai, a in enumerate(actuals) if run.start() <= a.start < run.end() and a.unit
        ]
        if len(members) < 2 or len({actuals[ai].unit for ai in members}) != 1:
            continue
        unit = actuals[members[0]].unit
        free = [
            ti
            for ti, t in enumerate(targets)
            if t.unit == unit and ti not in skipped and ti not in found
        ]
        if len(free) == len(members) and unit != SHARE_OF_TARGET:
            found.update(zip(free, members, strict=True))
    return found


def _wholes(text: str) -> list[Mention]:
    """The mentions of `text` but the parts listed after 其中 (mentions.parts_of_a_whole)."""
    found = mentions(text)
    parts = parts_of_a_whole(found, text)
    return [m for k, m in enumerate(found) if k not in parts]


def pair_indicators(target_text: str, progress_text: str) -> list[Pairing]:
    """Indicators for one target: paired target/actual figures, then the unpaired ones."""
    progress_text, sized = sized_apart(target_text, progress_text)  # "5万亩A、10万亩B全部完成"
    targets = [t for t in _wholes(target_text) if not states_gap(t)]
    told = _wholes(progress_text)
    # A target the progress states in the target's unit and the target's words do not give
    # ("建设…完成工程量30%" / "年度任务目标8.65亿元,累计完成投资11.3亿元"): one more target.
    targets += [
        m
        for m in told
        if states_a_target(m)
        and m.unit not in MAGNITUDES
        and m.unit != SHARE_OF_TARGET
        and not any(same_measure(m.unit, t.unit) for t in targets)
    ]
    actuals = [
        a
        for a in told
        if not any(f(a) for f in (restates_target, states_gap, forecast))
        and not scope_of_a_step(a, progress_text)
    ]
    # "4个结构性指标均实现10%以上增长": one figure set for each of a group the progress
    # then lists, in one sentence under the group's name ("4个结构性指标中,民间项目投资…").
    # The group's size ("4个") is no figure of the work, in the target or the progress.
    distributed: dict[int, list[int]] = {}
    # Target figures that answer nothing: the size of a group, the count of the projects an
    # item is about ("省级6项,当年计划投资19亿元") when the progress counts none, a project's
    # scale beside its year's plan ("总投资…,当年计划投资…": the year's work answers the plan).
    counted = {a.unit for a in told}
    sizes: set[int] = scale_beside_years_plan(targets) | {
        ti
        for ti, t in enumerate(targets)
        if (t.unit not in counted or scope_restated(t, told))
        and counts_its_subject(t, target_text)
    }
    taken: set[int] = set()
    for ti, t in enumerate(targets):
        group = _group_of(t)
        if group is None:
            continue
        count, words = group
        members = [
            ai
            for ai, a in enumerate(actuals)
            if ai not in taken and a.unit == t.unit and words in a.heading
        ]
        if len(members) >= 2 and (count is None or len(members) == count):
            distributed[ti] = members
            taken.update(members)
            sizes.update(tj for tj, c in enumerate(targets) if c.after.startswith(words))
            taken.update(ai for ai, a in enumerate(actuals) if a.after.startswith(words))
    # "实际分别完成95个、310个、7397个" after as many targets of that unit: in their order.
    respective = _respective(targets, actuals, progress_text, distributed.keys() | sizes)
    taken.update(respective.values())
    # Work begun answers only a target to begin it ("开工建设3所" for "新建3所" is not 3 built),
    # work finished no target to begin it, nothing the projects a plan is of (work_stages.py).
    taken_for = answers_refused(targets, actuals)
    scored = []
    for ti, t in enumerate(targets):
        for ai, a in enumerate(actuals):
            if ti in distributed or ti in sizes or ti in respective or ai in taken:
                continue
            if not _unit_fits(t, a):
                continue
            if ai in taken_for[ti]:
                continue
            # Percentages are everywhere: one pairs only when the names share words, or both
            # are shares of the works ("完成工程量50%" / "进度至53%").
            works = t.unit == SHARE_OF_TARGET and _share_of_works(t) and _share_of_works(a)
            if t.unit == SHARE_OF_TARGET and name_overlap(t, a) == 0 and not works:
                continue
            score = similarity(t, a) + (0.3 if works else 0.0)
            if a.unit == t.unit:
                score += 0.1
                if a.value == t.value and name_overlap(t, a) > 0:  # "97个市重点项目" / "…项目97个"
                    score += 0.2
            # The same order in both texts is a weak sign of the same measure.
            score += 0.05 if (ti == ai) else 0.0
            scored.append((score, ti, ai))
    scored.sort(reverse=True)
    partner: dict[int, tuple[int, float]] = {ti: (ai, 0.7) for ti, ai in respective.items()}
    for score, ti, ai in scored:
        if score < PAIR_THRESHOLD or ti in partner or ai in taken:
            continue
        partner[ti] = (ai, score)
        taken.add(ai)
    # A target figure left with exactly one actual of its measure, which no other target left
    # could take, pairs without shared words ("完成6.63万人次筛查" / "问卷调查79891人").
    open_targets = [
        ti for ti in range(len(targets)) if ti not in partner | distributed.keys() | sizes
    ]
    for ti in open_targets:
        fits = [
            ai
            for ai, a in enumerate(actuals)
            if ai not in taken
            and ai not in taken_for[ti]
            and _unit_fits(targets[ti], a)
            and _plausible_size(targets[ti], a)
        ]
        counts = [ai for ai in fits if actuals[ai].unit != SHARE_OF_TARGET]
        if counts and targets[ti].unit != SHARE_OF_TARGET:
            # "已完成6个，占目标任务的75%": the count and its share say the same; the count pairs.
            fits = counts
        # Percentages are too common a unit to pair on the unit alone.
        if len(fits) != 1 or targets[ti].unit == SHARE_OF_TARGET:
            continue
        rivals = [
            tj
            for tj in open_targets
            if tj not in partner and _unit_fits(targets[tj], actuals[fits[0]])
        ]
        if rivals == [ti]:
            partner[ti] = (fits[0], 0.45)
            taken.add(fits[0])

    # One growth target left and one growth rate in the progress ("增长7%" / "上半年增长5.1%"):
    # the same measure, though percentages never pair on their unit alone.
    alone = [
        ti
        for ti in range(len(targets))
        if ti not in partner | distributed.keys() | sizes and _is_rate_of_change(targets[ti])
    ]
    rates = [ai for ai, a in enumerate(actuals) if ai not in taken and _is_rate_of_change(a)]
    if len(alone) == 1 and len(rates) == 1:
        partner[alone[0]] = (rates[0], 0.5)
        taken.add(rates[0])

    # "已完成…16466户,完成年度任务的54.89%" under "221个3万户": the share restates the count's
    # pair (16466 of 3万户), so it answers no other target of the item.
    for ti, (ai, _score) in list(partner.items()):
        if actuals[ai].unit == SHARE_OF_TARGET and targets[ti].unit != SHARE_OF_TARGET:
            if any(
                _restates_share(actuals[ai], targets[tj], actuals[aj])
                for tj, (aj, _s) in partner.items()
                if tj != ti
            ):
                del partner[ti]

    # A count written without its unit beside the target's own words is its actual:
    # "完成大专及以上学历提升1937" for "学历提升902人", "建成…3老年大学" for "老年大学3所".
    for ti in range(len(targets)):
        if ti in partner or ti in distributed or ti in sizes:
            continue
        found = bare_actual(targets[ti], progress_text)
        if found is not None:
            actuals.append(replace(targets[ti], value=found, context=targets[ti].name))
            partner[ti] = (len(actuals) - 1, 0.5)
            taken.add(len(actuals) - 1)

    # One target figure may answer several actuals that each name a part of its measure
    # ("产前筛查率达到55%" / "产前超声筛查率63.75%、产前血清学筛查率68.24%").
    shared: dict[int, list[tuple[int, float]]] = {}
    for score, ti, ai in scored:
        if ai in taken or ti not in partner or whole_scale(actuals[ai]):  # "总投资…": a scale
            continue
        if targets[ti].unit != actuals[ai].unit or min(score, partner[ti][1]) < SHARED_THRESHOLD:
            continue
        # Both actuals must name kinds of the target's measure: alike in name, and each
        # like the target's.
        first = actuals[partner[ti][0]]
        if _dice(_bigrams(first.name), _bigrams(actuals[ai].name)) < 0.4:
            continue
        if _dice(_bigrams(targets[ti].name), _bigrams(actuals[ai].name)) < 0.4:
            continue
        shared.setdefault(ti, []).append((ai, score))
        taken.add(ai)

    result: list[Pairing] = []
    used: set[str] = set()

    def name_for(*names: str) -> str:
        return fresh_name(next((n for n in names if n), "指标"), used)

    for ti, t in enumerate(targets):
        if t.unit in MAGNITUDES and not counts_people(t) or ti in sizes:
            continue
        comparator = comparator_for(t.context[-NAME_WINDOW:], t.after, t.name, t.heading)
        if ti in distributed:
            for ai in distributed[ti]:
                a = actuals[ai]
                indicator = IndicatorSpec(
                    name=name_for(growth_name(t, a), t.name),
                    target=t.value,
                    unit=t.unit,
                    comparator=comparator.value,
                    actual=signed_actual(t, a),
                )
                why = f"“{t.name}{t.value}{t.unit}”对每一项：“{a.name}{a.value}{a.unit}”"
                result.append(Pairing(indicator, 0.6, why))
        elif ti in partner:
            ai, score = partner[ti]
            a = actuals[ai]
            indicator = IndicatorSpec(
                name=name_for(whole_name(t), whole_name(a)),
                target=t.value,
                unit=t.unit,
                comparator=comparator.value,
                actual=signed_actual(t, a),
                actual_unit="" if a.unit == t.unit or a.unit in MAGNITUDES else a.unit,
            )
            why = f"“{t.name}{t.value}{t.unit}”配“{a.name}{a.value}{a.unit}”"
            result.append(Pairing(indicator, round(min(score, 1.0), 2), why))
            for aj, also in shared.get(ti, []):
                b = actuals[aj]
                indicator = replace(indicator, name=name_for(b.name), actual=b.value)
                why = f"“{t.name}{t.value}{t.unit}”也配“{b.name}{b.value}{b.unit}”"
                result.append(Pairing(indicator, round(min(also, 1.0) * 0.8, 2), why))
        else:
            named = name_for(whole_name(t))  # "宅小区信报箱…" read back to "市区老旧居民住宅…"
            indicator = IndicatorSpec(
                name=named, target=t.value, unit=t.unit, comparator=comparator.value
            )
            result.append(Pairing(indicator, 1.0, "目标值，进展中未找到对应数字"))
    for ai, a in enumerate(actuals):
        if ai in taken or a.unit in MAGNITUDES and not counted_in_magnitude(a):
            continue
        # "甲筛查率和乙筛查率" over "均达到100%": the figure is each measure's.
        each = _measures_named(target_text) if not targets and _EACH.search(a.context) else []
        for name in each or [whole_name(a)]:
            indicator = actual_indicator(name, a, name_for)  # "同比下降24%" as growth -24
            result.append(Pairing(indicator, 1.0, "完成值，目标中无对应数字"))
    why = "报告列出的工程规模，称全部完成"
    return result + [Pairing(replace(i, name=name_for(i.name)), 0.6, why) for i in sized]


def _restates_share(share: Mention, target: Mention, actual: Mention) -> bool:
    """The share is how much of `target` `actual` is (to half a point): said of that pair."""
    if actual.unit == SHARE_OF_TARGET:
        return False
    value, t, a = (parse_decimal(x) for x in (share.value, target.value, actual.value))
    a = None if a is None else convert(a, actual.unit, target.unit)
    if value is None or t is None or a is None or t <= 0:
        return False
    return abs(a / t * 100 - value) <= Decimal("0.5")


_EACH = re.compile(r"(?<![人平])均(?:已)?(?:达到|达|为|超过|实现)?$")


def _measures_named(text: str) -> list[str]:
    """The measures a figureless item names side by side ("甲筛查率和乙筛查率"), or []."""
    parts = [p.strip() for p in re.split(r"和|与|及|、", re.sub(r"[。，,；;\s]+$", "", text))]
    if len(parts) < 2 or any(len(re.findall(r"[\u4e00-\u9fff]", p)) < 3 for p in parts):
        return []
    return parts
