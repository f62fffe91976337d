"""The field codec, declared once: every field of a target that a change can address.

A change names a field (`progress_text`, `units`, `indicator:新增贷款:actual`, …) and carries
its value as one string, so that proposals, the audit trail, undo and import conflicts work
the same way for every field. `FIELDS` and `INDICATOR_ATTRS` say, for each field, its
Chinese label and how its value is encoded, decoded and shown; the store reads and writes
through `encode_*`/`decode_*`, the chat shows audit values with `label` and `show`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import MappingProxyType

from bot.domain.ledger import Closure, DeadlineSpec, IndicatorSpec, TargetSpec, UnitSpec


@dataclass(frozen=True)
class FieldChange:
    """A new value for one field of target number `target`, encoded as `FIELDS` says."""

    target: int
    field: str
    new_value: str
    expected_old: str | None = None  # when set, the change applies only if the field holds it


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def encode_units(units: Iterable[UnitSpec]) -> str:
    """Units in their order: [[name, role, source], …]."""
    return _dump([[u.name, u.role, u.source] for u in units])


def decode_units(value: str) -> tuple[UnitSpec, ...]:
    return tuple(UnitSpec(*item) for item in json.loads(value or "[]"))


def encode_deadlines(deadlines: Iterable[DeadlineSpec]) -> str:
    """Deadlines by date (stable for one date): [[ISO date, text, done], …]."""
    ordered = sorted(deadlines, key=lambda d: d.date)
    return _dump([[d.date.isoformat(), d.text, d.done] for d in ordered])


def decode_deadlines(value: str) -> tuple[DeadlineSpec, ...]:
    return tuple(
        DeadlineSpec(dt.date.fromisoformat(day), text, done)
        for day, text, done in json.loads(value or "[]")
    )


def encode_aliases(words: Iterable[str]) -> str:
    """Distinct words sorted in Python order, so a database collation never reorders them."""
    return _dump(sorted(dict.fromkeys(words)))


def decode_aliases(value: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(json.loads(value or "[]")))


@dataclass(frozen=True)
class IndicatorAttr:
    name: str  # the IndicatorSpec attribute, and the last part of "indicator:NAME:attr"
    label: str


# An indicator's attributes in their stored order; "indicator:NAME" holds them all as JSON.
INDICATOR_ATTRS: tuple[IndicatorAttr, ...] = (
    IndicatorAttr("target", "目标值"),
    IndicatorAttr("unit", "单位"),
    IndicatorAttr("comparator", "比较方式"),
    IndicatorAttr("actual", "完成值"),
    IndicatorAttr("actual_unit", "完成值单位"),
    IndicatorAttr("as_of", "数据时点"),
    IndicatorAttr("remark", "备注"),
)
INDICATOR_ATTR_NAMES = tuple(a.name for a in INDICATOR_ATTRS)
_ATTR_LABELS = MappingProxyType({a.name: a.label for a in INDICATOR_ATTRS})


def encode_indicator(values: IndicatorSpec | dict[str, str]) -> str:
    """A whole indicator: {attr: value} for every attribute, in the stored order."""
    get = values.get if isinstance(values, dict) else lambda a, _="": getattr(values, a)
    return _dump({attr: get(attr, "") for attr in INDICATOR_ATTR_NAMES})


def decode_indicator(value: str) -> dict[str, str]:
    """{attr: value} for every attribute ("" for one missing); {} for "" (no indicator)."""
    if not value:
        return {}
    data = json.loads(value)
    return {attr: data.get(attr, "") for attr in INDICATOR_ATTR_NAMES}


def indicator_field(name: str, attr: str | None = None) -> str:
    """ "indicator:NAME" (the whole indicator) or "indicator:NAME:attr"."""
    return f"indicator:{name}" if attr is None else f"indicator:{name}:{attr}"


@dataclass(frozen=True)
class IndicatorAddress:
    name: str
    attr: str | None  # None: the whole indicator


def indicator_address(field: str) -> IndicatorAddress | None:
    """The indicator a field name addresses, None when it addresses none."""
    if not field.startswith("indicator:"):
        return None
    parts = field.split(":")
    return IndicatorAddress(parts[1], parts[2] if len(parts) > 2 else None)


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    column: bool  # held in the target's own row as the string itself (no encoding)
    show: Callable[[str], str] = str  # the stored value as people read it
    imported: bool = True  # part of the ledger file, so an import compares and writes it
    empty: str = ""  # how an empty value reads ("未销号"); "" = the reader shows （空）


def _show_units(value: str) -> str:
    return "、".join(u.label for u in decode_units(value))


def _show_deadlines(value: str) -> str:
    return "；".join(
        f"{d.date.isoformat()} {d.text}{'（已完成）' if d.done else ''}"
        for d in decode_deadlines(value)
    )


def _show_closed(value: str) -> str:
    closure = Closure.decode(value)
    return closure.label if closure else ""


_DECLARED = (
    FieldSpec("title", "简称", column=True),
    FieldSpec("category", "类别", column=True),
    FieldSpec("target_text", "目标任务", column=True),
    FieldSpec("progress_text", "进展", column=True),
    FieldSpec("status_override", "状态认定", column=True, empty="自动"),
    FieldSpec("status_reason", "认定理由", column=True),
    # 销号 is the office's act on a loaded target, not ledger-file data: imports never touch it.
    FieldSpec("closed", "销号", column=True, show=_show_closed, imported=False, empty="未销号"),
    FieldSpec("units", "责任单位", column=False, show=_show_units),
    FieldSpec("deadlines", "时限", column=False, show=_show_deadlines),
    FieldSpec("aliases", "别名", column=False, show=lambda v: "、".join(decode_aliases(v))),
)
FIELDS = MappingProxyType({f.name: f for f in _DECLARED})
TARGET_COLUMNS = tuple(f.name for f in _DECLARED if f.column and f.imported)
CLOSED_FIELD = "closed"
# A target's keys a ledger file may leave out: an import keeps what each sets as stored
# ("indicators": no indicator table; a key written empty still clears its field).
OMITTABLE_KEYS = (
    "progress_text", "units", "deadlines", "indicators", "aliases", "status_override",
    "status_reason",
)  # fmt: skip
LIST_FIELDS = tuple(f.name for f in _DECLARED if not f.column)


def label(field: str) -> str:
    """The Chinese name of a field: 进展, 责任单位, 新增贷款完成值, …"""
    address = indicator_address(field)
    if address is not None:
        return address.name + (_ATTR_LABELS.get(address.attr, "") if address.attr else "")
    spec = FIELDS.get(field)
    return spec.label if spec else field


def show(field: str, value: str) -> str:
    """A stored value as people read it (lists decoded); a value not in the stored form is
    shown as it is, so an old or hand-made audit entry never breaks a history."""
    spec = FIELDS.get(field)
    if spec is None:
        return value
    if not value:
        return spec.empty
    try:
        return spec.show(value)
    except (ValueError, TypeError, KeyError):
        return value


def ledger_fields(target: TargetSpec) -> dict[str, str]:
    """Every field a ledger file sets on `target`, encoded: what an import compares."""
    values = {name: getattr(target, name) for name in TARGET_COLUMNS}
    values["units"] = encode_units(target.units)
    values["deadlines"] = encode_deadlines(target.deadlines)
    values["aliases"] = encode_aliases(target.aliases)
    for ind in target.indicators:
        values[indicator_field(ind.name)] = encode_indicator(ind)
    return values
