"""Plain views of targets for the CLI, JSON consumers and exports (no transport)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from bot.domain.ledger import (
    COMPARATOR_SIGNS,
    ROLE_LABELS,
    STATUSES,
    IndicatorSpec,
    LedgerSpec,
    TargetSpec,
    UnitSpec,
)
from bot.domain.status import (
    LIGHTS,
    as_of_label,
    completion_ratio,
    compute_status,
    deadline_state,
    light_for,
    override_in_force,
    status_note,
)


def unit_label(unit: UnitSpec) -> str:
    """ "县发改委(牵头)" or "县统计局(配合,推定)"."""
    marks = [ROLE_LABELS.get(unit.role, unit.role)]
    if unit.source == "inferred":
        marks.append("推定")
    return f"{unit.name}({','.join(marks)})"


def figure(value: str, unit: str) -> str:
    return f"{value}{unit}" if value else "—"


def indicator_line(ind: IndicatorSpec) -> str:
    parts = [f"{ind.name}：{figure(ind.actual, ind.shown_actual_unit)}"]
    if ind.target:
        parts.append(f"目标{COMPARATOR_SIGNS.get(ind.comparator, '')}{ind.target}{ind.unit}")
    if ind.as_of:
        parts.append(ind.as_of)
    if ind.remark:
        parts.append(ind.remark)
    return "；".join(parts)


def _identity_json(target: TargetSpec, today: dt.date) -> dict[str, Any]:
    """The fields `show --json` and `list --json` share, in their order."""
    status = compute_status(target, today)
    return {
        "number": target.number,
        "title": target.title,
        "category": target.category,
        "status": status,
        "light": light_for(status),
    }


def _units_json(target: TargetSpec) -> list[dict[str, str]]:
    return [{"name": u.name, "role": u.role, "source": u.source} for u in target.units]


def target_json(target: TargetSpec, today: dt.date) -> dict[str, Any]:
    """The `show --json` object; figures are strings exactly as written."""
    return {
        **_identity_json(target, today),
        "status_override": target.status_override,
        "status_reason": target.status_reason,
        "status_note": status_note(target, today),
        "units": _units_json(target),
        "deadlines": [
            {"date": d.date.isoformat(), "text": d.text, "done": d.done} for d in target.deadlines
        ],
        "indicators": [
            {
                "name": i.name,
                "target": i.target,
                "unit": i.unit,
                "comparator": i.comparator,
                "actual": i.actual,
                "actual_unit": i.actual_unit,
                "completion": None if completion_ratio(i) is None else str(completion_ratio(i)),
                "as_of": i.as_of,
                "remark": i.remark,
            }
            for i in target.indicators
        ],
        "target_text": target.target_text,
        "progress_text": target.progress_text,
        "closed": target.closed.as_json() if target.closed else None,
        "aliases": list(target.aliases),
        "updated_at": target.updated_at.isoformat() if target.updated_at else None,
        "updated_by": target.updated_by,
    }


def list_item_json(target: TargetSpec, today: dt.date) -> dict[str, Any]:
    """One entry of `list --json`."""
    return {
        **_identity_json(target, today),
        "units": _units_json(target),
        "deadline": (
            max(d.date for d in target.deadlines).isoformat() if target.deadlines else None
        ),
        "closed": target.closed.as_json() if target.closed else None,
    }


def target_detail_text(target: TargetSpec, today: dt.date, tz: dt.tzinfo) -> str:
    """A full plain-text card of one target, for the CLI `show` command."""
    status = compute_status(target, today)
    lines = [
        f"第{target.number}项 {target.title}（{target.category}）",
        f"状态：{light_for(status)} {status}",
    ]
    if override_in_force(target):
        lines[-1] += f"（人工认定：{target.status_reason}）"
    elif note := status_note(target, today):
        lines[-1] += f"（{note}）"
    if target.closed:
        lines[-1] += f"，{target.closed.label}"
    lines.append("目标：" + target.target_text)
    if target.indicators:
        lines.append("指标：")
        lines += [f"  · {indicator_line(i)}" for i in target.indicators]
    if target.deadlines:
        lines.append(
            "时限："
            + "；".join(
                f"{d.date.isoformat()} {d.text}（{deadline_state(d, today)}）"  # as cards say
                for d in target.deadlines
            )
        )
    if target.units:
        lines.append("责任单位：" + "、".join(unit_label(u) for u in target.units))
    lines.append("进展：" + (target.progress_text or "—"))
    if target.aliases:
        lines.append("别名：" + "、".join(target.aliases))
    if target.updated_at:
        local = target.updated_at.astimezone(tz)
        lines.append(f"更新：{local:%Y-%m-%d %H:%M}（{target.updated_by}）")
    return "\n".join(lines)


def status_counts(ledger: LedgerSpec, today: dt.date) -> Counter[str]:
    return Counter(compute_status(t, today) for t in ledger.targets)


def overview_text(ledger: LedgerSpec, today: dt.date) -> str:
    """Counts by status and light, then one line per target."""
    counts = status_counts(ledger, today)
    lines = [f"{ledger.title}：共{len(ledger.targets)}项（截至{as_of_label(today, ledger.year)}）"]
    lines.append("　".join(f"{LIGHTS[s]}{s} {counts[s]}" for s in STATUSES if counts[s]))
    for t in ledger.targets:
        status = compute_status(t, today)
        lines.append(f"{light_for(status)} {t.number:>2}. {t.title}：{status}")
    return "\n".join(lines)
