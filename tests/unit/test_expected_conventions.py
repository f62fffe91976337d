"""The dev report folders' expectations keep the project's conventions: a figure that
strictly beats its target (a floor passed, a ceiling undercut) is 超额完成, never 已完成
(bot/domain/status.py, rule 3), and a pair's unit is a unit of measure, its counting word
("6条路" is 6 条), not the thing counted (tests/data/reports/README.md, "Expectations
corrected")."""

import json
from decimal import Decimal, InvalidOperation
from pathlib import Path

from bot.domain.ledger import KNOWN_UNITS

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


def _unit_of_measure(unit: str) -> bool:
    # "万个" is 个 in ten thousands; "元/月/人" is 元 a month a head; "万" alone a magnitude.
    bare = unit.removeprefix("万").removeprefix("亿")
    return not bare or bare.split("/")[0] in KNOWN_UNITS


def test_every_pair_unit_is_a_unit_of_measure():
    assert _unit_of_measure("万个") and _unit_of_measure("元/月/人") and _unit_of_measure("条")
    assert not _unit_of_measure("条路")
    folders = [f for f in sorted(REPORTS.iterdir()) if f.is_dir() and _dev(f)]
    found = set()
    for folder in folders:
        raw = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        for t in raw["targets"]:
            for pair in t.get("pairs", []):
                for unit in (pair.get("target_unit"), pair.get("actual_unit")):
                    if unit and not _unit_of_measure(unit):
                        found.add((folder.name, t["number"], unit))
    assert found == set()
