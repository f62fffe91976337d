"""The office's settings for judging a status (`[status]` in the config), as one small value.

Every target read for serving carries it (`TargetSpec.rules`, set by the store's reads), so
`compute_status(target, today)` judges by the office's rules wherever it is called, and a
target built without it (files, tests) is judged by the defaults.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

DEFAULT_PACE_TOLERANCE = Decimal(5)


@dataclass(frozen=True)
class StatusRules:
    # Points a figure may fall below its 序时进度 before the target is 滞后 (bot/pace.py).
    pace_tolerance: Decimal = DEFAULT_PACE_TOLERANCE

    def __post_init__(self) -> None:
        if not Decimal(0) <= self.pace_tolerance <= Decimal(100):
            raise ValueError(f"pace_tolerance must be 0..100 points: {self.pace_tolerance}")


DEFAULT_STATUS_RULES = StatusRules()
