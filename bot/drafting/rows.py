"""Indicators of a table's rows (bot/drafting/cells.py): each row's target cell paired with
the actual cells written after it, a bare number taking its row's measure (its unit cell,
its target's unit, or the unit its name counts in)."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.domain.ledger import KNOWN_UNITS, IndicatorSpec, parse_decimal
from bot.domain.units import MAGNITUDES, SHARE_OF_TARGET
from bot.drafting.cells import is_bare_figure
from bot.drafting.pairing import Pairing, mentions, pair_indicators
from bot.drafting.row_rates import rate_kept
from bot.drafting.text_figures import extract_figures, units_pattern
from bot.drafting.words import comparator_for
from bot.drafting.work_stages import unanswering

ROW_CONFIDENCE = 0.8  # a target and an actual in one row of a table
_UNIT_PATTERN = units_pattern(KNOWN_UNITS)


# A figure in the words naming a row ("新增15万户直播卫星用户", "减少大班额1.4万个"): its unit,
# without the magnitude, is the measure of the row's bare cells ("12800", "869").
_NAMED_UNIT = re.compile(rf"\d(?:万|亿)?({_UNIT_PATTERN})")


def named_unit(name: str) -> str:
    """The one unit the figures of a row's name are counted in ("" when none or several)."""
    units = {m.group(1) for m in _NAMED_UNIT.finditer(name)}
    units = {u.removeprefix("万").removeprefix("亿") for u in units}
    units = {u for u in units if u in KNOWN_UNITS and u not in MAGNITUDES}
    return units.pop() if len(units) == 1 else ""


def _in_measure(unit: str, measure: str) -> str:
    # "60元" in a row whose unit cell says "元/月/人" is counted in 元/月/人.
    if measure and (not unit or measure.startswith(f"{unit}/")):
        return measure
    return unit


def _row_name(name: str) -> str:
    # "新建7000个贫困自然村通光纤" names its row's figures as "新建贫困自然村通光纤".
    return re.sub(rf"[\d.]+(?:万|亿)?(?:{_UNIT_PATTERN})?", "", name).strip("：:，,。 ") or "指标"


def _column_measure(label: str) -> str:
    # "累计完成投资额(万元)" names the measure of a row of places: 完成投资.
    label = re.sub(r"[(（][^()（）]*[)）]\s*$", "", label)
    return re.sub(r"(?:数|额|量|值)$", "", re.sub(r"^(?:累计|实际|截至\S*?月|已)", "", label))


_TRAILING_COMPARATOR = re.compile(
    r"(?:不低于|不少于|不超过|不高于|低于|高于|少于|达到|控制在|以上|以下|以内)$"
)


def _without_comparator(name: str) -> str:
    # "城镇登记失业率低于" names the measure 城镇登记失业率; the words say its comparator.
    return _TRAILING_COMPARATOR.sub("", name).strip()


def _usable(figure) -> bool:
    # A figure the ledger could not hold (beyond 15 digits) stays in the text only.
    return figure.unit not in MAGNITUDES and parse_decimal(figure.value) is not None


def _row_pair(row, measure: str, actual_cells: list[str]) -> Pairing | None:
    """The row's one target figure beside its one actual figure, units or none, as the
    layout pairs them ("工作目标:93215" / "已完成数:106345"); None when either is not one."""
    figures = [f for f in extract_figures(row.target) if _usable(f)]
    done = [f for c in actual_cells for f in extract_figures(c) if _usable(f)]
    if len(figures) != 1 or len(done) > 1:
        return None
    t = figures[0]
    if done and _begun_only(row.target, actual_cells):
        done = []  # "新建城市书房3个" | "3个正在装修": under way, not 3 built
    unit = _in_measure(t.unit, measure)
    comparator = comparator_for(row.target[: t.start], row.target[t.end :])
    indicator = IndicatorSpec(
        name=_row_name(row.name) + _column_measure(row.column),
        target=t.value,
        unit=unit,
        comparator=comparator.value,
    )
    if done:
        a_unit = _in_measure(done[0].unit, measure) or unit
        indicator = replace(
            indicator, actual=done[0].value, actual_unit="" if a_unit == unit else a_unit
        )
        if indicator.actual and not indicator.comparable:
            return None
    why = f"同一行：“{row.target}”配“{'；'.join(actual_cells)}”"
    return Pairing(indicator, ROW_CONFIDENCE, why)


def _begun_only(target: str, actual_cells: list[str]) -> bool:
    """The actual cells count only work begun or under way ("3个正在装修", "开工5所") for a
    target that asks for it finished, as the words' pairing reads them (work_stages.py)."""
    wanted = mentions(target)
    told = [m for cell in actual_cells for m in mentions(cell)]
    if len(wanted) != 1 or not told:
        return False
    return unanswering(wanted[0], told) == set(range(len(told)))


_RATE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[%％]\s*$")


def _with_rate(found: list[Pairing], rate: str) -> list[Pairing]:
    """A row's one target without an actual figure takes its completion rate as the actual,
    a share of the target ("停车位1500个" | "已完成" | "100%")."""
    rate_figure = _RATE.match(rate)
    targets = [p for p in found if p.indicator.target]
    if rate_figure is None or len(targets) != 1 or targets[0].indicator.actual:
        return found
    if targets[0].indicator.unit == SHARE_OF_TARGET:
        return found
    indicator = replace(
        targets[0].indicator, actual=rate_figure.group(1), actual_unit=SHARE_OF_TARGET
    )
    why = f"完成率{rate.strip()}为目标的占比"
    return [replace(p, indicator=indicator, why=why) if p is targets[0] else p for p in found]


def pair_rows(rows) -> list[Pairing]:
    """Indicators of a table's rows (bot/drafting/cells.py): each row's target cell paired
    with the actual cells written after it; a bare number takes its row's unit (its unit
    cell, its target's, or the one its name counts in)."""
    result: list[Pairing] = []
    for row in rows:
        units = [m.unit for m in mentions(row.target) if m.unit not in MAGNITUDES]
        measure = row.unit or (units[0] if len(units) == 1 else named_unit(row.name))
        written = measure if measure in KNOWN_UNITS else ""
        target = row.target
        if is_bare_figure(target) and written:
            target = f"{target.strip()}{written}"
        actuals = []
        for cell in row.actuals:
            if is_bare_figure(cell) and (len(units) == 1 or written):
                # "累计完成:2712" under "城镇新增就业2450人": the column's unit is the row's.
                cell = f"{cell.strip()}{units[0] if len(units) == 1 else written}"
            actuals.append(cell)
        found = pair_indicators(target, "；".join(actuals))
        if not any(p.indicator.target and p.indicator.actual for p in found):
            # The row's one target and its one amount done, however far apart in size
            # ("77402万元" | "5468.18万元" | "7.06%"): the amount, before the rate, answers it.
            direct = _row_pair(row, measure, actuals)
            if direct is not None and (direct.indicator.actual or not found):
                found = [direct]  # (without an amount done, the words' own names stand)
        found = _with_rate(rate_kept(found, row.rate, _row_name(row.name)), row.rate)
        for p in found:
            ind = p.indicator
            if row.name and ind.name.startswith("指标"):  # a bare cell, named by its row
                ind = replace(ind, name=_row_name(row.name) + _column_measure(row.column))
            if row.name and is_bare_figure(row.target) and ind.target:
                # A bare target cell: its row's name says how it compares ("城镇登记失业率
                # 低于(%)" | "4.3") and names the measure without those words.
                said = comparator_for(row.name, "", row.name)
                name = _without_comparator(ind.name) or ind.name
                ind = replace(ind, comparator=said.value, name=name)
            unit = _in_measure(ind.unit, row.unit)
            actual_unit = _in_measure(ind.actual_unit, row.unit)
            ind = replace(ind, unit=unit, actual_unit="" if actual_unit == unit else actual_unit)
            p = replace(p, indicator=ind)
            if ind.target and ind.actual:
                # Written in one row of the table: the layout says they belong together.
                confidence = max(p.confidence, ROW_CONFIDENCE)
                p = replace(p, confidence=confidence, why=f"同一行：{p.why}")
            result.append(p)
    # Rows of one item may name their figures alike; indicator names must differ.
    used: dict[str, int] = {}
    named = []
    for p in result:
        name = p.indicator.name
        used[name] = used.get(name, 0) + 1
        if used[name] > 1:
            p = replace(p, indicator=replace(p.indicator, name=f"{name}{used[name]}"))
        named.append(p)
    return named
