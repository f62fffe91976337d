"""The project's drafter: a parsed report drafted with the project's field lexicon and
departments map, as `import-report` drafts it (the composition of bot.drafting's parts)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from bot.config import DEFAULT_TIMEZONE
from bot.domain.ledger import LedgerSpec
from bot.drafting.draft import draft_report
from bot.drafting.naming import load_departments
from bot.drafting.report_dates import guess_year as read_year
from bot.drafting.report_dates import likely_year
from bot.drafting.report_text import Report
from bot.understanding.lexicon import load_lexicon
from bot.understanding.tokenizer import make_tokenizer


def draft_ledger(report: Report, year: int, text: str = "") -> LedgerSpec:
    """The draft ledger of `report` for `year`, as `import-report` drafts it."""
    return draft(report, text, year=year).ledger


def draft(
    report: Report, text: str = "", *, year: int | None = None, today: dt.date | None = None
):
    """A `Draft` (bot/drafting/draft.py) with the project's lexicon and departments map."""
    today = today or office_today()
    text = text or "\n".join([report.preamble, *(t.target_text for t in report.targets)])
    return draft_report(
        report,
        text,
        lexicon=load_lexicon(),
        departments=load_departments(),
        tokenizer=make_tokenizer(),
        fallback_year=likely_year(text, today),
        year=year,
        today=today,
    )


def guess_year(text: str) -> int:
    """The year the report's targets are for (bot/drafting/report_dates.py); when it prints
    none, the likeliest year on today's date."""
    return int(read_year(text, likely_year(text, office_today())).value)


def office_today() -> dt.date:
    """Today in the office's default time zone: a caller without a configured day (tests, the
    bench) drafts on the day the office sees, not on the machine's local date."""
    return dt.datetime.now(ZoneInfo(DEFAULT_TIMEZONE)).date()
