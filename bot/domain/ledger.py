"""Plain, transport-free ledger objects shared by the store, files, matching and replies.

Figures are kept as the decimal strings people wrote ("24.43"), never floats, so that a
value prints exactly as it was entered; `Decimal` is used only to compare and compute.
The rules for what may enter the ledger live here too, once: `parse_figure` for figures and
`text_problem` for text; admin commands, unit reports and every import call them.

Control characters (C0 with NUL, DEL, C1, lone surrogates) are REFUSED, with the field named,
in every admin text, unit report and imported text field; a newline or a tab only in
multi-line texts. They are STRIPPED (`strip_control_characters`) from viewers' questions and
from the unmatched-question log, and from every reply. Bidi controls (U+202A–U+202E,
U+2066–U+2069, U+200E/F) may be stored but are DROPPED from every reply (`drop_bidi_controls`).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from bot.domain.status_rules import DEFAULT_STATUS_RULES, StatusRules
from bot.domain.units import actual_in_target_unit, below_zero_refused

# The years a ledger may be of: a typo (202, 20211) is refused wherever a year comes in.
LEDGER_YEARS = range(1900, 2201)


def years_named(years) -> str:
    """ "2020年、2021年": the years a database holds, as every reply lists them; "无" for none."""
    return "、".join(f"{y}年" for y in years) or "无"


def year_not_held(year: int, held=None) -> str:
    """ "数据库中没有2019年的台账（现有：2020年）": what every front end says of a year the
    database lacks, with the years it holds when `held` is given."""
    listed = "" if held is None else f"（现有：{years_named(held)}）"
    return f"数据库中没有{year}年的台账{listed}"


# A target's number is stored in an INTEGER column, 32-bit on every engine.
MAX_TARGET_NUMBER = 2**31 - 1
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
    "亿元", "万元", "元", "元/月", "元/年", "元/人", "万亩", "亩", "%", "个百分点", "人", "万人",
    "人次", "万人次", "名", "家", "个", "户", "张", "场", "所", "套", "处", "块", "座", "路", "吨",
    "万吨", "吨/年", "微克/立方米", "天", "位", "宗", "栋", "平方米", "万平方米", "千米",
    "台", "棵", "株", "万株", "笔", "项", "条", "次", "小时", "倍", "类", "公里", "只", "间",
    "辆", "公顷", "万户", "千瓦", "兆瓦", "亿千瓦时", "万千瓦时", "床", "村", "件",
    # Villages counted with their measure word ("全年任务为282个村"), as 村 alone counts them.
    "个村",
    # Street lamps, lengths and volumes of works, as 民生实事 lists set them; energy saved.
    "盏", "米", "立方米", "万立方米", "吨标准煤", "万吨标准煤", "吨标煤", "万吨标煤",
    # Ponds and wells ("整治山坪塘7.4万口", "打机井12口").
    "口", "万口",
    # An amount per household, as written ("800元/户") or read from "每户800元".
    "元/户",
    # Vaccine doses, as health targets count them ("HPV疫苗接种1800剂次").
    "剂次", "万剂次",
)  # fmt: skip


# --- figures ---------------------------------------------------------------------------

# A figure has at most this many digits before and after the point, and no exponent. The
# largest figure over the smallest non-zero one, times 100, has 15 + 6 + 3 = 24 digits, inside
# Decimal's default 28-digit context, so no ratio, gap or rounding can fail on a stored figure.
FIGURE_WHOLE_DIGITS = 15
FIGURE_FRACTION_DIGITS = 6
FIGURE_EXAMPLES = "25.1、-3.5 或 156299"  # the one set of examples every figure message gives
FIGURE_RULE = (
    f"数值最多{FIGURE_WHOLE_DIGITS}位整数、{FIGURE_FRACTION_DIGITS}位小数，"
    f"不用科学计数法，例如 {FIGURE_EXAMPLES}"
)
_FIGURE = re.compile(r"[+-]?(?P<whole>[0-9]*)(?:\.(?P<fraction>[0-9]*))?")
_EXPONENT = re.compile(r"[+-]?[0-9]*\.?[0-9]*[eE][+-]?[0-9]+")


class FigureError(ValueError):
    """A figure outside the rule; str(exc) is the Chinese reason ("整数部分有27位…")."""


def parse_figure(text: str) -> Decimal | None:
    """The Decimal of a figure as written ("1,234.5"); None for ""; FigureError otherwise."""
    cleaned = text.strip().replace(",", "")
    if not cleaned:
        return None
    found = _FIGURE.fullmatch(cleaned)
    if found is None or not (found["whole"] or found["fraction"]):
        if _EXPONENT.fullmatch(cleaned):
            raise FigureError("不能用科学计数法（如1e5），请写出全部数字")
        raise FigureError("不是数字")
    whole, fraction = len(found["whole"]), len(found["fraction"] or "")
    if whole > FIGURE_WHOLE_DIGITS:
        raise FigureError(f"整数部分有{whole}位，最多{FIGURE_WHOLE_DIGITS}位")
    if fraction > FIGURE_FRACTION_DIGITS:
        raise FigureError(f"小数部分有{fraction}位，最多{FIGURE_FRACTION_DIGITS}位")
    return Decimal(cleaned)


def parse_decimal(text: str) -> Decimal | None:
    """The Decimal for a figure string; None for "", non-numbers and figures outside the rule.

    Used on stored values: one written before the rule existed counts as no figure (shown as
    typed, never computed with) rather than breaking a card or a chart.
    """
    try:
        return parse_figure(text)
    except FigureError:
        return None


def is_decimal_text(text: str) -> bool:
    return parse_decimal(text) is not None


# --- text ------------------------------------------------------------------------------

# Control characters are invisible, break xlsx and docx (XML cannot hold them) and PostgreSQL
# (no NUL in text); the multi-line texts are progress notes, reasons, target texts, remarks.
# Bidi controls could make echoed text read differently from what it is.
_MULTILINE_ALLOWED = "\n\t"
BIDI_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _refused(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cc", "Cs")


def text_problem(text: str, *, multiline: bool = False) -> str | None:
    """Why `text` cannot enter the ledger (a control character, named), or None when it can."""
    allowed = _MULTILINE_ALLOWED if multiline else ""
    for ch in text:
        if _refused(ch) and ch not in allowed:
            where = "（换行和制表符只能用于多行的文字）" if ch in _MULTILINE_ALLOWED else ""
            return f"含有不可见的控制字符U+{ord(ch):04X}{where}，请删除后重新输入"
    return None


def strip_control_characters(text: str) -> str:
    """`text` without the characters `text_problem` refuses; newlines and tabs are kept."""
    if text.isprintable():  # no control character at all: the common case, at C speed
        return text
    return "".join(ch for ch in text if not _refused(ch) or ch in _MULTILINE_ALLOWED)


def drop_bidi_controls(text: str) -> str:
    """`text` without bidirectional-override controls (U+202A–202E, U+2066–2069, U+200E/F)."""
    return "".join(ch for ch in text if ch not in BIDI_CONTROLS)


@dataclass(frozen=True)
class UnitSpec:
    name: str
    role: str = "lead"
    source: str = "inferred"

    @property
    def label(self) -> str:
        """ "县发改委(牵头)" or "县统计局(配合,推定)"."""
        marks = [ROLE_LABELS.get(self.role, self.role)]
        if self.source == "inferred":
            marks.append("推定")
        return f"{self.name}({','.join(marks)})"


@dataclass(frozen=True)
class Closure:
    """销号: the office closed a finished target on evidence (or by force, with a reason)."""

    at: dt.datetime  # aware, in the ledger's timezone: the date people see is at.date()
    by: str  # the actor, as the audit trail names them
    reason: str
    forced: bool = False

    def encode(self) -> str:
        """The stored form: JSON with the time in ISO 8601."""
        data = {"at": self.at.isoformat(), "by": self.by, "reason": self.reason}
        return json.dumps({**data, "forced": self.forced}, ensure_ascii=False)

    @classmethod
    def decode(cls, value: str) -> Closure | None:
        """None for "" (open)."""
        if not value:
            return None
        data = json.loads(value)
        at = dt.datetime.fromisoformat(data["at"])
        return cls(at, data["by"], data["reason"], bool(data.get("forced", False)))

    @property
    def label(self) -> str:
        """The mark replies, lists and reports show: 已销号（2020-12-20）."""
        return f"已销号（{self.at.date().isoformat()}）"

    def as_json(self) -> dict:
        """The `show --json` object: {at, by, reason, forced}."""
        return {
            "at": self.at.isoformat(),
            "by": self.by,
            "reason": self.reason,
            "forced": self.forced,
        }


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
    actual_unit: str = ""  # the unit the actual is written in; empty = the same as `unit`
    # The attributes a ledger file left out (no key at all): an import keeps them as stored.
    omitted: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    # When and by whom the actual figure was last changed after the import; None while it
    # holds the imported figure. Read from the audit trail, never part of the ledger file.
    changed_at: dt.datetime | None = field(default=None, compare=False)
    changed_by: str = field(default="", compare=False)

    # The figures below are parsed once per indicator object (it is frozen, a Decimal too):
    # statuses, rankings and cards read them for every target on many questions.

    @functools.cached_property
    def target_value(self) -> Decimal | None:
        return parse_decimal(self.target)

    @functools.cached_property
    def actual_value(self) -> Decimal | None:
        """The actual figure as written, in `shown_actual_unit`."""
        return parse_decimal(self.actual)

    @property
    def shown_actual_unit(self) -> str:
        return self.actual_unit or self.unit

    @functools.cached_property
    def actual_in_target_unit(self) -> Decimal | None:
        """The actual converted to the target's unit (bot.domain.units); None if it cannot be."""
        actual = self.actual_value
        if actual is None:
            return None
        return actual_in_target_unit(actual, self.shown_actual_unit, self.target_value, self.unit)

    @property
    def comparable(self) -> bool:
        return self.target_value is not None and self.actual_in_target_unit is not None


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
    closed: Closure | None = None  # 销号; None while the target is open
    updated_at: dt.datetime | None = None
    updated_by: str = ""
    # When the progress text was last changed after the import (a note, an approved report);
    # None while it is the imported text. Read from the audit trail.
    progress_changed_at: dt.datetime | None = field(default=None, compare=False)
    # The office's status settings this target is judged by (bot/domain/status_rules.py); not data.
    rules: StatusRules = field(default=DEFAULT_STATUS_RULES, compare=False, repr=False)
    # The fields a ledger file left out (no key at all, "indicators" for no indicator table):
    # an import keeps them as stored, never blanks them.
    omitted: frozenset[str] = field(default=frozenset(), compare=False, repr=False)

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


def fresh_name(base: str, used: set[str]) -> str:
    """`base`, else `base2`, `base3`…: the first not in `used` (a ledger holds each indicator
    name once per target), added to `used`."""
    name, k = base, 2
    while name in used:
        name, k = f"{base}{k}", k + 1
    used.add(name)
    return name


def shown_figure(value: str) -> str:
    """A figure as written, cut to 30 characters for a message."""
    return value if len(value) <= 30 else value[:29] + "…"


def negative_problem(value: str, figure: Decimal | None, name: str, unit: str) -> str:
    """Why `figure` (written `value`) of indicator `name` in `unit` cannot stand: below zero
    where it cannot be (a count, a share of a whole); "" when it may."""
    if figure is None or figure >= 0 or not below_zero_refused(name, unit):
        return ""
    return f"“{value}”是负数，“{name}”不会小于0，请填写0或正数"


def figure_problem(ind: IndicatorSpec, key: str) -> str:
    """What is wrong with `ind`'s `key` figure ("target" or "actual"): not a number, or below
    zero where it cannot be (a count, a share of a whole); "" when it may stand."""
    value = getattr(ind, key)
    try:
        figure = parse_figure(value)
    except FigureError as exc:
        return f"数值无效，“{shown_figure(value)}”{exc}。{FIGURE_RULE}"
    unit = (key == "actual" and ind.actual_unit) or ind.unit
    return negative_problem(value, figure, ind.name, unit)
