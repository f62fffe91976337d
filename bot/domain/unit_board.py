"""红黄绿榜 as data: each responsible unit's targets by light, worst units first (pure).

Shared by `/units` (bot/chat/documents.py) and questions such as “哪个单位最差”.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property

from bot.domain.ledger import TargetSpec
from bot.domain.status import compute_status, final_deadline, light_for, overdue_days

LIGHT_ORDER = {"🔴": 0, "🟡": 1, "⚪": 2, "🟢": 3}


@dataclass(frozen=True)
class BoardEntry:
    number: int
    title: str
    light: str
    overdue: int  # days past the final deadline, for targets behind; 0 otherwise


@dataclass(frozen=True)
class UnitRow:
    name: str
    entries: tuple[BoardEntry, ...]  # the targets it leads: overdue, red, yellow, white, green
    assisting: tuple[BoardEntry, ...] = ()  # the targets it only assists (配合), not counted

    @cached_property
    def _lights(self) -> Counter[str]:
        # Counted once: the board's order and each rendering ask every light again.
        return Counter(e.light for e in self.entries)

    def count(self, light: str) -> int:
        return self._lights[light]

    @cached_property
    def lines(self) -> tuple[str, str]:
        """`render_unit_row`'s lines, made once: a big ledger's unit leads thousands."""
        return _unit_lines(self)


def rank_units(
    targets: Iterable[TargetSpec],
    today: dt.date,
    status_of: Callable[[TargetSpec], str] | None = None,
) -> list[UnitRow]:
    """Units ordered worst first: most red, then most yellow, then by name. A target counts
    for its lead units (for every unit it names when none leads it); the units that only
    assist it hold it apart, uncounted. A unit that leads nothing is not on the board."""
    by_unit: dict[str, list[BoardEntry]] = defaultdict(list)
    assisted: dict[str, list[BoardEntry]] = defaultdict(list)
    for t in targets:
        status = status_of(t) if status_of is not None else compute_status(t, today)
        overdue = overdue_days(final_deadline(t), today) if status in ("滞后", "未完成") else 0
        entry = BoardEntry(t.number, t.title, light_for(status), overdue)
        leads = {u.name for u in (t.lead_units or t.units)}
        for name in dict.fromkeys(u.name for u in t.units):
            (by_unit if name in leads else assisted)[name].append(entry)
    rows = [
        UnitRow(name, _worst_first(entries), _worst_first(assisted.get(name, [])))
        for name, entries in by_unit.items()
    ]
    rows.sort(key=lambda r: (-r.count("🔴"), -r.count("🟡"), r.name))
    return rows


def _worst_first(entries: list[BoardEntry]) -> tuple[BoardEntry, ...]:
    return tuple(sorted(entries, key=lambda e: (-e.overdue, LIGHT_ORDER[e.light], e.number)))


def render_unit_row(row: UnitRow) -> list[str]:
    """Two lines: the unit's light counts (and how many it assists), then the targets it leads."""
    return list(row.lines)


def _unit_lines(row: UnitRow) -> tuple[str, str]:
    counts = " ".join(f"{light}{row.count(light)}" for light in ("🔴", "🟡", "🟢", "⚪"))
    if row.assisting:
        counts += f"（另配合{len(row.assisting)}项）"
    items = [
        f"{e.light}{e.number}.{e.title}" + (f"（逾期{e.overdue}天）" if e.overdue else "")
        for e in row.entries
    ]
    return f"{row.name}：{counts}", "  " + " ".join(items)


def no_units_board(year: int) -> str:
    """What the 红黄绿榜 says of a ledger that names no responsible unit (a new year drafted
    from a report that names none): why there is no board, and how to give targets units."""
    return (
        f"{year}年台账没有列明责任单位，无法按单位排出红黄绿榜。"
        "请用 /assign 序号 单位 牵头 为各项目标指定责任单位。"
    )
