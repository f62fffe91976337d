"""Every draft the bench makes: a report drafted as `import-report` drafts it, on the day
staff would import it (the folder's expected.json `imported_on`, its publication day)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from bot.drafting.drafter import draft
from bot.drafting.report_text import parse_report


def draft_as_imported(report: Path, today: dt.date | None = None):
    """The `Draft` of `report` made on its import day: `imported_on` in the expected.json
    beside it when there is one, else `today` (the real date when None)."""
    text = report.read_text(encoding="utf-8")
    expected = report.parent / "expected.json"
    if expected.is_file():
        day = json.loads(expected.read_text(encoding="utf-8")).get("imported_on")
        today = dt.date.fromisoformat(day) if day else today
    return draft(parse_report(text), text, today=today)
