"""A year's ledger rows as plain objects: the one conversion from stored rows to `TargetSpec`,
shared by the SQLModel store (bot/store/ledger_store.py) and the SQLAlchemy-free reader of a
SQLite file (bot/store/sqlite_ledger.py). It takes rows with the tables' column names as
attributes, from either, and imports no database library."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.domain.fields import indicator_field
from bot.domain.ledger import Closure, DeadlineSpec, IndicatorSpec, TargetSpec, UnitSpec
from bot.domain.status_rules import DEFAULT_STATUS_RULES, StatusRules

# The audit trail's actor for imports ("import" or "import:FILE"): their writes are the
# ledger's own values, never an admin's change.
IMPORT_ACTOR = "import"
# Audit entries that may carry a figure's or a progress text's later change: both readers
# select `field_name = LIVE_FIELD or field_name LIKE LIVE_FIELD_PREFIX`, in id order.
LIVE_FIELD = "progress_text"
LIVE_FIELD_PREFIX = "indicator:%"


def by_target(rows: Iterable, *, by_word: bool = False) -> dict[int, list]:
    """Child rows (read in the store's order) grouped by target number; aliases (`by_word`)
    sorted by word in Python order, whatever the database's collation."""
    grouped: dict[int, list] = {}
    for row in rows:
        grouped.setdefault(row.target_number, []).append(row)
    if by_word:
        for found in grouped.values():
            found.sort(key=lambda a: a.word)
    return grouped


@dataclass
class FieldHistory:
    origin: str  # the value the import left
    value: str
    at: dt.datetime
    actor: str


def live_changes(entries: Iterable) -> dict[tuple[int, str], FieldHistory]:
    """Figures and progress texts changed after the import, keyed (target, field name), from
    the audit entries the readers select (see LIVE_FIELD), in id order.

    A field whose value is back to what the import left (an undo) is not listed; a later
    import of the field starts it afresh.
    """
    found: dict[tuple[int, str], FieldHistory] = {}
    for e in entries:
        if e.target_number is None:
            continue
        if e.actor.startswith(IMPORT_ACTOR):
            # An import rewrites a whole indicator ("indicator:NAME") or the progress text.
            key = e.field_name if e.field_name == LIVE_FIELD else e.field_name + ":actual"
            found.pop((e.target_number, key), None)
            continue
        if e.field_name != LIVE_FIELD and not e.field_name.endswith(":actual"):
            continue
        key = (e.target_number, e.field_name)
        origin = found[key].origin if key in found else e.old_value
        found[key] = FieldHistory(origin, e.new_value, e.at, e.actor)
    return {k: h for k, h in found.items() if h.value != h.origin}


def to_spec(
    target,
    units,
    milestones,
    indicators,
    aliases,
    changes: dict[tuple[int, str], FieldHistory] | None = None,
    rules: StatusRules = DEFAULT_STATUS_RULES,
) -> TargetSpec:
    """One target row and its child rows as a TargetSpec."""
    changes = changes or {}

    def changed(name: str) -> FieldHistory | None:
        return changes.get((target.number, name))

    progress = changed(LIVE_FIELD)
    return TargetSpec(
        number=target.number,
        title=target.title,
        category=target.category,
        target_text=target.target_text,
        progress_text=target.progress_text,
        same_line=target.same_line,
        units=tuple(UnitSpec(u.unit, u.role, u.source) for u in units),
        deadlines=tuple(DeadlineSpec(m.due, m.text, m.done) for m in milestones),
        indicators=tuple(
            IndicatorSpec(
                name=i.name,
                target=i.target_value,
                unit=i.unit,
                comparator=i.comparator,
                actual=i.actual_value,
                actual_unit=i.actual_unit,
                as_of=i.as_of,
                remark=i.remark,
                changed_at=figure.at if figure else None,
                changed_by=figure.actor if figure else "",
            )
            for i, figure in ((i, changed(indicator_field(i.name, "actual"))) for i in indicators)
        ),
        aliases=tuple(a.word for a in aliases),
        status_override=target.status_override,
        status_reason=target.status_reason,
        closed=Closure.decode(target.closed),
        updated_at=target.updated_at,
        updated_by=target.updated_by,
        progress_changed_at=progress.at if progress else None,
        rules=rules,
    )


def assemble_targets(
    targets: Sequence,
    *,
    units: dict[int, list],
    milestones: dict[int, list],
    indicators: dict[int, list],
    aliases: dict[int, list],
    changes: dict[tuple[int, str], FieldHistory],
    rules: StatusRules = DEFAULT_STATUS_RULES,
) -> list[TargetSpec]:
    """Target rows (in number order) with their children grouped `by_target`, as TargetSpecs;
    milestones by date, then position."""
    return [
        to_spec(
            t,
            units.get(t.number, []),
            sorted(milestones.get(t.number, []), key=lambda m: (m.due, m.position)),
            indicators.get(t.number, []),
            aliases.get(t.number, []),
            changes,
            rules,
        )
        for t in targets
    ]
