"""Units of measure: converting a figure between the units one measure is written in.

Pure domain rules. A measure may be written in two units: a target of 6.63万人次 answered by
79891人, or 8.75亿元 answered by 104789.64万元. Figures stay exact strings as written;
`convert` gives the Decimal to compare or compute a completion and a gap with, and None when
the two units do not measure the same thing.

Two kinds of rule:
- magnitudes: a unit written with 万 or 亿 in front is 10^4 or 10^8 of the unit without it
  (万元 ↔ 亿元 ↔ 元, 万人次 ↔ 人次, 万亩 ↔ 亩); `MAGNITUDE_BASES` lists the units it applies to;
- declared equivalences (`EQUIVALENT_UNITS`): two names for one unit, such as 人 counted as
  人次 (a screening of 79891人 counts 79891人次) or 公里 and 千米.
"""

from __future__ import annotations

from decimal import Decimal

MAGNITUDES = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}

# Units that may carry a magnitude prefix. Other units (个, 家, %…) are never scaled, so that
# a figure "3万个" stays an unknown unit rather than a silent conversion.
MAGNITUDE_BASES = ("元", "人次", "人", "亩", "吨", "株", "平方米", "户", "千米", "公里")

# Each group is one unit under several names; the first name is the canonical one.
EQUIVALENT_UNITS: tuple[tuple[str, ...], ...] = (
    ("人次", "人"),
    ("千米", "公里"),
)


def _canonical(base: str) -> str:
    for group in EQUIVALENT_UNITS:
        if base in group:
            return group[0]
    return base


def split_unit(unit: str) -> tuple[Decimal, str]:
    """The unit as (scale, canonical base): 万人次 → (10000, 人次); 人 → (1, 人次)."""
    unit = unit.strip()
    for prefix, scale in MAGNITUDES.items():
        rest = unit[len(prefix) :]
        if unit.startswith(prefix) and rest in MAGNITUDE_BASES:
            return scale, _canonical(rest)
    return Decimal(1), _canonical(unit)


def same_measure(a: str, b: str) -> bool:
    """True when figures in units `a` and `b` can be compared after conversion."""
    return split_unit(a)[1] == split_unit(b)[1]


def convert(value: Decimal, from_unit: str, to_unit: str) -> Decimal | None:
    """`value` written in `from_unit` expressed in `to_unit`; None when they do not convert."""
    if from_unit.strip() == to_unit.strip():
        return value
    (scale_from, base_from), (scale_to, base_to) = split_unit(from_unit), split_unit(to_unit)
    if base_from != base_to:
        return None
    return value * scale_from / scale_to
