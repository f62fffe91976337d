"""Drafting a made-up report text in tests: the draft, its targets by number, their statuses."""

import datetime as dt

from bot.domain.status import compute_status
from bot.drafting.drafter import draft
from bot.drafting.report_text import parse_report


def drafted(text: str, today: dt.date):
    """The draft of `text` imported on `today`, and its targets by number."""
    result = draft(parse_report(text), text, today=today)
    return result, {t.number: t for t in result.ledger.targets}


def drafted_statuses(text: str, today: dt.date) -> dict[int, str]:
    """Each drafted target's computed status on the draft's judging day."""
    result, targets = drafted(text, today)
    return {n: compute_status(t, result.judging_day) for n, t in targets.items()}
