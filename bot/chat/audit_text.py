"""How the audit trail reads in the chat: field names and stored values as people say them."""

from __future__ import annotations

import datetime as dt
import json

from bot.domain.ledger import UnitSpec
from bot.domain.text_diff import describe_change
from bot.render.target_view import unit_label
from bot.store.models import AuditEntry

FIELD_LABELS = {
    "progress_text": "进展",
    "status_override": "状态认定",
    "status_reason": "认定理由",
    "units": "责任单位",
    "deadlines": "时限",
    "aliases": "别名",
    "title": "简称",
}
INDICATOR_ATTRIBUTES = {
    "actual": "完成值",
    "actual_unit": "完成值单位",
    "as_of": "数据时点",
    "target": "目标值",
}


def short(value: str, limit: int = 40) -> str:
    """One line of at most `limit` characters, an ellipsis marking the cut."""
    value = " ".join(value.split()) or "（空）"
    return value if len(value) <= limit else value[: limit - 1] + "…"


def display(field: str, value: str) -> str:
    """An audit value as people read it: lists of units, deadlines and aliases decoded."""
    if field in ("units", "deadlines", "aliases") and value.startswith("["):
        items = json.loads(value)
        if field == "units":
            value = "、".join(unit_label(UnitSpec(*item)) for item in items)
        elif field == "deadlines":
            value = "；".join(
                f"{d} {text}{'（已完成）' if done else ''}" for d, text, done in items
            )
        else:
            value = "、".join(items)
    return value


def field_label(name: str) -> str:
    """The Chinese name of a stored field ("indicator:新增贷款:actual" → "新增贷款完成值")."""
    if name.startswith("indicator:"):
        parts = name.split(":")
        return f"{parts[1]}{INDICATOR_ATTRIBUTES.get(parts[2], '') if len(parts) > 2 else ''}"
    return FIELD_LABELS.get(name, name)


def change_line(field: str, old: str, new: str) -> str:
    """ "字段：旧 → 新" as the chat shows one audited change."""
    return f"{field_label(field)}：" + describe_change(display(field, old), display(field, new))


def history_text(
    entries: list[AuditEntry], number: int, *, year: int, label: str, tz: dt.tzinfo
) -> str:
    """A target's audit trail, newest first; `label` names a year other than the current."""
    if not entries:
        return f"{label}第{number}项暂无变更记录（数据来自{year}年台账导入）。"
    lines = [f"{label}第{number}项变更记录（最近{len(entries)}条）："]
    for e in entries:
        at = e.at.astimezone(tz).strftime("%Y-%m-%d %H:%M")
        mark = "（撤销）" if e.undoes else ("（已撤销）" if e.undone else "")
        lines.append(f"{at} {e.actor} {change_line(e.field_name, e.old_value, e.new_value)}{mark}")
    return "\n".join(lines)
