"""How the audit trail reads in the chat, field names and values shown by the field codec."""

from __future__ import annotations

import datetime as dt
import itertools
import os
from collections.abc import Iterable, Mapping, Sequence

from bot.domain.fields import (
    INDICATOR_ATTR_NAMES,
    decode_indicator,
    indicator_address,
    indicator_field,
    label,
    show,
)
from bot.domain.ledger import IndicatorSpec
from bot.domain.report_states import approved_report_id, retracted_report_id
from bot.domain.text_diff import describe_change
from bot.store.models import AuditEntry


def short(value: str, limit: int = 40) -> str:
    """One line of at most `limit` characters, an ellipsis marking the cut."""
    value = " ".join(value.split()) or "（空）"
    return value if len(value) <= limit else value[: limit - 1] + "…"


# An indicator's units as they stood: {"unit": 目标值's unit, "actual_unit": 完成值's own}
Units = Mapping[str, str]
NO_UNITS: Units = {"unit": "", "actual_unit": ""}


def change_line(
    field: str, old: str, new: str, units: tuple[Units, Units] = (NO_UNITS, NO_UNITS)
) -> str:
    """ "字段：旧 → 新" as the chat shows one audited change; a figure with its unit before
    and after the change ("新增贷款完成值：24.43亿元 → 26亿元")."""
    address = indicator_address(field)
    if address is not None and address.attr is None:
        whole = _indicator_change(address.name, old, new)
        if whole:
            return whole
    if address is not None and address.attr in ("target", "actual"):
        old, new = (_with_unit(v, address.attr, u) for v, u in zip((old, new), units, strict=True))
    return f"{label(field)}：" + describe_change(show(field, old), show(field, new))


def _with_unit(value: str, attr: str, units: Units) -> str:
    """A figure followed by its unit: the target's, or the actual's own when it has one."""
    unit = units["unit"] if attr == "target" else units["actual_unit"] or units["unit"]
    return f"{value}{unit}" if value.strip() else value


def units_now(indicators: Iterable[IndicatorSpec]) -> dict[str, Units]:
    """Each indicator's units as the ledger holds them now, by name."""
    return {i.name: {"unit": i.unit, "actual_unit": i.actual_unit} for i in indicators}


def units_of_entries(
    entries: Sequence[AuditEntry], now: Mapping[str, Units]
) -> list[tuple[Units, Units]]:
    """For each entry (newest first), its indicator's units before and after its change:
    walking back from the units held now, a change's own unit entries (a figure typed in
    another unit writes 完成值单位 too) undone before the changes older than it."""
    running = {name: dict(units) for name, units in now.items()}
    shown: list[tuple[Units, Units]] = []
    for _, batch in itertools.groupby(entries, key=lambda e: e.change_id):
        batch = list(batch)
        after = {name: dict(units) for name, units in running.items()}
        for e in batch:
            address = indicator_address(e.field_name)
            if address is None:
                continue
            held = running.setdefault(address.name, dict(NO_UNITS))
            if address.attr in NO_UNITS:
                held[address.attr] = e.old_value
            elif address.attr is None:
                before = _decoded(e.old_value)
                held.update({a: before.get(a, "") for a in NO_UNITS})
        for e in batch:
            address = indicator_address(e.field_name)
            name = address.name if address is not None else ""
            # a copy: the older batches walk `running` further back
            shown.append((dict(running.get(name, NO_UNITS)), after.get(name, NO_UNITS)))
    return shown


def _decoded(value: str) -> dict[str, str]:
    try:
        return decode_indicator(value)
    except (ValueError, TypeError, AttributeError):
        return {}


def _indicator_change(name: str, old: str, new: str) -> str:
    """A whole indicator (an import writes it so) as its changed parts ("新增贷款完成值：-5 →
    24.43；新增贷款数据时点：…"), never its stored JSON; "" when a value does not decode."""
    try:
        before, after = decode_indicator(old), decode_indicator(new)
    except (ValueError, TypeError, AttributeError):
        return ""
    if not before or not after:  # added or removed whole: its figures as they read
        values = after or before
        parts = "，".join(
            f"{label(indicator_field(name, a))}{values[a]}"
            for a in INDICATOR_ATTR_NAMES
            if values[a]
        )
        return f"{name}：{'新增指标' if after else '删除指标'}（{parts}）"
    return "；".join(
        f"{label(indicator_field(name, a))}："
        + describe_change(_with_unit(before[a], a, before), _with_unit(after[a], a, after))
        if a in ("target", "actual")
        else f"{label(indicator_field(name, a))}：{describe_change(before[a], after[a])}"
        for a in INDICATOR_ATTR_NAMES
        if before[a] != after[a]
    )


def conflict_text(field: str, file_value: str, db_value: str) -> str:
    """An import conflict as people read it ("农村户厕改造完成值：文件“3000”，数据库“2150”"), an
    indicator by its differing parts, never its stored JSON."""
    address = indicator_address(field)
    if address is not None and address.attr is None:
        try:
            held, filed = decode_indicator(db_value), decode_indicator(file_value)
        except (ValueError, TypeError, AttributeError):
            held, filed = {}, {}
        if held and filed:
            return "；".join(
                f"{label(indicator_field(address.name, a))}："
                f"文件{_quoted(filed[a])}，数据库{_quoted(held[a])}"
                for a in INDICATOR_ATTR_NAMES
                if held[a] != filed[a]
            )
    shown_file, shown_db = _from_difference(show(field, file_value), show(field, db_value))
    return f"{label(field)}：文件{_quoted(shown_file)}，数据库{_quoted(shown_db)}"


def _from_difference(one: str, other: str) -> tuple[str, str]:
    """Two long texts from a little before where they differ ("…1420户。（2026-12-08补充）…"):
    a note appended to 进展 is past where a line would cut them alike."""
    same = len(os.path.commonprefix([one, other]))
    if same <= DIFFERENCE_CONTEXT * 2:
        return one, other
    start = same - DIFFERENCE_CONTEXT
    return "…" + one[start:], "…" + other[start:]


DIFFERENCE_CONTEXT = 6  # characters kept before the first difference


def _quoted(value: str) -> str:
    return f"“{short(value)}”" if value.strip() else "（空）"


def history_text(
    entries: list[AuditEntry],
    number: int,
    *,
    year: int,
    year_label: str,
    tz: dt.tzinfo,
    units: Mapping[str, Units] | None = None,
) -> str:
    """A target's audit trail, newest first; `year_label` names a year not the current one;
    `units` (each indicator's units now) puts a unit after every figure."""
    if not entries:
        return f"{year_label}第{number}项暂无变更记录（数据来自{year}年台账导入）。"
    lines = [f"{year_label}第{number}项变更记录（最近{len(entries)}条）："]
    for e, shown in zip(entries, units_of_entries(entries, units or {}), strict=True):
        at = e.at.astimezone(tz).strftime("%Y-%m-%d %H:%M")
        change = change_line(e.field_name, e.old_value, e.new_value, shown)
        lines.append(f"{at} {e.actor} {change}{_mark(e)}")
    return "\n".join(lines)


def _mark(e: AuditEntry) -> str:
    """What kind of change an entry is: an undo, undone, a unit's report approved or its
    approval retracted (both naming the report, so the trail links them)."""
    if e.undoes:
        retracted = retracted_report_id(e.reason)
        return f"（撤销，撤回报送#{retracted}的采纳）" if retracted else "（撤销）"
    report = approved_report_id(e.reason)
    if report is not None:
        return f"（采纳报送#{report}，已撤回）" if e.undone else f"（采纳报送#{report}）"
    return "（已撤销）" if e.undone else ""
