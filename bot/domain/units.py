"""Units of measure: converting a figure between the units one measure is written in.

Pure domain rules. A measure may be written in two units: a target of 6.63万人次 answered by
79891人, or 8.75亿元 answered by 104789.64万元. Figures stay exact strings as written;
`convert` gives the Decimal to compare or compute a completion and a gap with, and None when
the two units do not measure the same thing.

Two kinds of rule:
- magnitudes: a unit written with 万 or 亿 in front is 10^4 or 10^8 of the unit without it
  (万元 ↔ 亿元 ↔ 元, 万人次 ↔ 人次, 万亩 ↔ 亩); `MAGNITUDE_BASES` lists the units it applies to;
- declared equivalences (`EQUIVALENT_UNITS`): two names for one unit, such as 人 counted as
  人次 (a screening of 79891人 counts 79891人次) or 公里 and 千米;
- fixed fractions (`SCALED_UNITS`): 米 is a thousandth of 公里;
- a share of the target: an actual written in % against a target in another unit is the
  share of the target done ("乳腺癌筛查完成全年任务数的104.48%" against 0.8万人).
"""

from __future__ import annotations

import re
from decimal import Decimal

MAGNITUDES = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}

# Units that may carry a magnitude prefix. Other units (个, 家, %…) are never scaled, so that
# a figure "3万个" stays an unknown unit rather than a silent conversion ("3万个体户", "万家").
# Rooms, flats, lamps, vehicles, machines, cards and beds are counted one by one and never
# name anything with 万 before them: "改造教室照明2万间" is answered by "完成改造21702间".
MAGNITUDE_BASES = (
    "元", "人次", "人", "名", "亩", "吨", "株", "平方米", "户", "千米", "公里", "吨标准煤",
    "吨标煤", "口", "剂次", "间", "套", "盏", "辆", "台", "张", "床",
)  # fmt: skip

# Each group is one unit under several names; the first name is the canonical one.
EQUIVALENT_UNITS: tuple[tuple[str, ...], ...] = (
    ("人次", "人", "名"),  # people counted: "培训17850人" answers "6000人次"
    ("千米", "公里"),
    ("吨", "吨/年"),  # a yearly amount written per year ("3188吨/年") or as the year's total
    ("吨标准煤", "吨标煤"),  # energy, in tonnes of standard coal, written both ways
    # Measure words for things counted one by one: "实施技改项目不低于40个" is answered by
    # "已实施技术改造项目47家", "建设2座城市书房" by "完成城市书房2处".
    ("个", "家", "所", "座", "处", "块"),
    ("村", "个村"),  # villages, with or without their measure word
    # Not here, on purpose: 村 counts villages, not the projects in them ("开工建设78村106个
    # 项目"), and 元/人 is a rate per head, not an amount in 元; each is its own measure.
)


# Units that are a fixed fraction of another: lengths of works written in 米 against a target
# in 公里 ("新建绿道20公里" answered by "已建成绿道15000米").
SCALED_UNITS = {"米": (Decimal("0.001"), "千米")}


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
    if unit in SCALED_UNITS:
        return SCALED_UNITS[unit]
    return Decimal(1), _canonical(unit)


SHARE_OF_TARGET = "%"

# Measures that never fall below zero: things and people counted, areas, lengths, volumes,
# weights, times, power and concentrations (by canonical base). Money, shares (%) and
# percentage points are not here: a net amount or a growth rate may well be negative.
NEVER_NEGATIVE_BASES = frozenset({
    "人次", "个", "户", "张", "场", "套", "路", "宗", "栋", "台", "棵", "株", "笔", "项", "条",
    "次", "只", "间", "辆", "床", "村", "件", "盏", "口", "剂次", "位", "类", "亩",
    "公顷", "平方米", "立方米", "万立方米", "千米", "吨", "吨标准煤", "天", "小时", "千瓦", "兆瓦",
    "万千瓦时", "亿千瓦时", "微克/立方米", "倍",
})  # fmt: skip


def never_negative(unit: str) -> bool:
    """True when a figure in `unit` counts or measures something that cannot be below zero."""
    return split_unit(unit)[1] in NEVER_NEGATIVE_BASES


# A figure that says a change from before (同比增加, 下降) may be below zero whatever it counts.
CHANGE_WORDS = re.compile(
    r"同比|环比|比上年|较上年|增加|增长|增量|增幅|增速|增减|减少|下降|降低|变化|变动|净增|净减|差"
)
# A share of a whole, in %, by its name (违法占用耕地面积比例, 覆盖率, 完成率): never below 0.
_SHARE = re.compile(r"(?:比例|占比|比重|覆盖率|普及率|达标率|合格率|完成率|参保率)$")


def is_share(name: str, unit: str) -> bool:
    """True for a % indicator named as a share of a whole (比例, 占比, 覆盖率…)."""
    return unit == "%" and bool(_SHARE.search(name))


def below_zero_refused(name: str, unit: str) -> bool:
    """True when indicator `name`'s figures in `unit` cannot be negative: a count or quantity,
    or a share of a whole, unless the name says a change (同比增加, 下降)."""
    return (never_negative(unit) or is_share(name, unit)) and not CHANGE_WORDS.search(name)


def with_magnitude(magnitude: str, unit: str) -> str:
    """`unit` at the magnitude 万 or 亿 ("万", "亿元" → "万元"; "万", "人次" → "万人次"), or ""
    when its measure takes no magnitude (个, %)."""
    base = unit.removeprefix("万").removeprefix("亿")
    return magnitude + base if magnitude in MAGNITUDES and base in MAGNITUDE_BASES else ""


def same_measure(actual_unit: str, target_unit: str) -> bool:
    """True when an actual in `actual_unit` can be compared with a target in `target_unit`."""
    if actual_unit.strip() == SHARE_OF_TARGET:
        return True
    return split_unit(actual_unit)[1] == split_unit(target_unit)[1]


def actual_in_target_unit(
    actual: Decimal, actual_unit: str, target: Decimal | None, target_unit: str
) -> Decimal | None:
    """The actual expressed in the target's unit; None when it cannot be.

    A share of the target needs the target itself: 104.48% of 0.8万人 is 0.83584万人.
    """
    if actual_unit.strip() == SHARE_OF_TARGET and target_unit.strip() != SHARE_OF_TARGET:
        return None if target is None else target * actual / 100
    return convert(actual, actual_unit, target_unit)


def convert(value: Decimal, from_unit: str, to_unit: str) -> Decimal | None:
    """`value` written in `from_unit` expressed in `to_unit`; None when they do not convert."""
    if from_unit.strip() == to_unit.strip():
        return value
    (scale_from, base_from), (scale_to, base_to) = split_unit(from_unit), split_unit(to_unit)
    if base_from != base_to:
        return None
    result = value * scale_from / scale_to
    # "2公里" in 米 is 2000, not Decimal("2E+3"): no exponent in a figure (ledger.py's rule).
    return result.quantize(Decimal(1)) if result.as_tuple().exponent > 0 else result
