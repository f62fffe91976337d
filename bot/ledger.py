"""Plain, transport-free ledger objects shared by the store, files, matching and replies.

Figures are kept as the decimal strings people wrote ("24.43"), never floats, so that a
value prints exactly as it was entered; `Decimal` is used only to compare and compute.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

CATEGORIES = ("经济发展", "民生保障", "社会事业", "生态环境", "城乡建设", "安全稳定")
STATUSES = ("超额完成", "已完成", "推进中", "滞后", "未完成", "暂无数据")
COMPARATORS = (">=", "<=", "=")
COMPARATOR_SIGNS = {">=": "≥", "<=": "≤", "=": "="}
ROLES = ("lead", "assist")
ROLE_LABELS = {"lead": "牵头", "assist": "配合"}
SOURCES = ("named", "inferred")
DEFAULT_DEADLINE_TEXT = "年底前"

# Units the ledger knows. Spreadsheet imports and /set refuse anything else, so a typo such
# as "万无" cannot slip into the figures leaders read.
KNOWN_UNITS = (
    "亿元", "万元", "元", "元/月", "元/年", "万亩", "亩", "%", "个百分点", "人", "万人", "人次",
    "万人次", "名", "家", "个", "户", "张", "场", "所", "套", "处", "块", "座", "路", "吨",
    "万吨", "吨/年", "微克/立方米", "天", "位", "宗", "栋", "平方米", "万平方米", "千米",
    "台", "棵", "株", "万株", "笔", "项", "条", "次", "小时", "倍", "类",
)  # fmt: skip


def parse_decimal(text: str) -> Decimal | None:
    """Return the Decimal for a figure string, or None for "" and non-numbers."""
    cleaned = text.strip().replace(",", "")
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def is_decimal_text(text: str) -> bool:
    return parse_decimal(text) is not None


@dataclass(frozen=True)
class UnitSpec:
    name: str
    role: str = "lead"
    source: str = "inferred"


@dataclass(frozen=True)
class DeadlineSpec:
    date: dt.date
    text: str = DEFAULT_DEADLINE_TEXT
    done: bool = False


@dataclass(frozen=True)
class IndicatorSpec:
    name: str
    target: str = ""
    unit: str = ""
    comparator: str = ">="
    actual: str = ""
    as_of: str = ""
    remark: str = ""

    @property
    def target_value(self) -> Decimal | None:
        return parse_decimal(self.target)

    @property
    def actual_value(self) -> Decimal | None:
        return parse_decimal(self.actual)

    @property
    def comparable(self) -> bool:
        return self.target_value is not None and self.actual_value is not None


@dataclass(frozen=True)
class TargetSpec:
    number: int
    title: str
    category: str
    target_text: str
    progress_text: str = ""
    same_line: bool = False
    units: tuple[UnitSpec, ...] = ()
    deadlines: tuple[DeadlineSpec, ...] = ()
    indicators: tuple[IndicatorSpec, ...] = ()
    aliases: tuple[str, ...] = ()
    status_override: str = ""
    status_reason: str = ""
    updated_at: dt.datetime | None = None
    updated_by: str = ""

    @property
    def lead_units(self) -> tuple[UnitSpec, ...]:
        return tuple(u for u in self.units if u.role == "lead")

    def indicator(self, name: str) -> IndicatorSpec | None:
        for ind in self.indicators:
            if ind.name == name:
                return ind
        return None


@dataclass(frozen=True)
class LedgerSpec:
    year: int
    title: str
    preamble: str
    targets: tuple[TargetSpec, ...] = field(default_factory=tuple)
    default_deadline: dt.date | None = None

    def by_number(self) -> dict[int, TargetSpec]:
        return {t.number: t for t in self.targets}
