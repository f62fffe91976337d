"""Markdown output for `make bench`: tables, rates and percentiles, "n/a" for the missing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

NA = "n/a"
CANNOT = "—"  # a baseline that cannot do this at all (reject, tell intents apart)


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table; None cells print as "n/a"."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    for row in rows:
        lines.append("| " + " | ".join(NA if c is None else str(c) for c in row) + " |")
    return "\n".join(lines)


def rate(right: int, total: int) -> str:
    return f"{right / total:.1%} ({right}/{total})" if total else NA


def percentile(values: Sequence[float], q: float) -> float:
    """The value below which a share `q` of `values` lies (nearest rank, as evaluation does)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def ms(value: float | None) -> str:
    return NA if value is None else f"{value:.2f}"


def times(value: float | None) -> str:
    return NA if value is None else f"{value:.1f}×"


def verdict(met: bool | None) -> str:
    return NA if met is None else ("met" if met else "**not met**")


@dataclass
class SpeedRow:
    """Per-question CPU milliseconds of this project and BM25 on one ledger, same questions."""

    ledger: str
    targets: int
    ours_ms: list[float]
    bm25_ms: list[float]
    build_s: float  # this project's index, CPU seconds
    build_wall_s: float
    bm25_build_s: float

    def ratio(self, q: float) -> float:
        return percentile(self.ours_ms, q) / max(percentile(self.bm25_ms, q), 1e-9)


@dataclass
class Figures:
    """What the goals table needs, filled in by the sections that ran."""

    accuracy: dict[str, dict] = field(default_factory=dict)  # set name → system → EvalReport
    set_names: list[str] = field(default_factory=list)  # every set, scored or not
    second_ledgers: list[str] = field(default_factory=list)  # the sets on drafted ledgers
    followups: tuple[int, int] | None = None  # (right, total)
    followups_with_context: bool = False
    speed: dict[str, SpeedRow] = field(default_factory=dict)
    refresh_ms: dict[tuple[int, str], float] = field(default_factory=dict)  # (size, change)
    refresh_visible: dict[tuple[int, str], bool] = field(default_factory=dict)
    cold_start_s: float | None = None
    log_ms: float | None = None
    fsync_ms: float | None = None
    log_syncs: float | None = None  # disk syncs on the asker's thread per logged question
