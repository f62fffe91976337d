"""The report folders' expectations follow the status rule for a target beaten: a figure that
strictly beats its target (a floor passed, a ceiling undercut) is 超额完成, never 已完成
(bot/domain/status.py, rule 3; tests/data/reports/README.md, "Expectations corrected")."""

import json
from decimal import Decimal, InvalidOperation
from pathlib import Path

REPORTS = Path(__file__).resolve().parents[1] / "data" / "reports"


def _figure(value) -> Decimal | None:
    try:
        return Decimal(str(value)) if value not in (None, "") else None
    except InvalidOperation:
        return None


def _beaten(pair: dict) -> bool:
    target, actual = _figure(pair.get("target")), _figure(pair.get("actual"))
    unit, actual_unit = pair.get("target_unit") or "", pair.get("actual_unit") or ""
    if target is None or actual is None or (actual_unit and actual_unit != unit):
        return False
    comparator = pair.get("comparator", "=")
    if comparator in (">=", ">"):
        return actual > target
    if comparator in ("<=", "<"):
        return actual < target
    return False


def _done_but_beaten(folder: Path) -> list[int]:
    raw = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    return [
        t["number"]
        for t in raw["targets"]
        if t.get("status") == "已完成" and any(_beaten(p) for p in t.get("pairs", []))
    ]


def test_the_rule_reads_floors_and_ceilings():
    assert _beaten({"target": "3700", "actual": "3840", "comparator": ">="})
    assert _beaten({"target": "4.3", "actual": "3.57", "comparator": "<"})
    assert not _beaten({"target": "60", "actual": "60", "comparator": ">="})
    assert not _beaten(
        {
            "target": "8.65",
            "target_unit": "亿元",
            "actual": "11.3",
            "actual_unit": "元",
            "comparator": ">=",
        }
    )


def _dev(folder: Path) -> bool:
    """A folder that may be read (SOURCE.md line 3 says "Use: dev"); held-out ones are not."""
    source = folder / "SOURCE.md"
    lines = source.read_text(encoding="utf-8").splitlines() if source.is_file() else []
    return len(lines) >= 3 and "Use: dev" in lines[2]


def test_no_expectation_calls_a_beaten_target_merely_done():
    folders = [f for f in sorted(REPORTS.iterdir()) if f.is_dir() and _dev(f)]
    assert len(folders) > 40
    found = {f.name: n for f in folders if (n := _done_but_beaten(f))}
    assert found == {}
