"""The day a report is of when only its items say it: a news item or note that opens with
no title or period ("今年,某区将重大项目…两手抓") and gives each line of work "截至7月底,…".

When most of the items state the period their figures run to, and all that state one agree,
that is the day the report's progress is as of, as a heading's "1-7月" would be. Pure functions
over the parsed items (bot.drafting.draft calls `items_day`).
"""

from __future__ import annotations

import datetime as dt

from bot.drafting.report_dates import report_day, tells_progress


def items_day(heading: str, items, year: int) -> dt.date | None:
    """The day every item that states one is as of ("截至7月底", "1-7月"), when at least half
    of `items` state it, under a `heading` that names no day nor a report of progress; None
    when fewer do or they disagree."""
    if report_day(heading, year) is not None or tells_progress(heading):
        return None
    days = [report_day(item.target_text, year) for item in items]
    stated = {d for d in days if d is not None}
    if len(stated) != 1 or 2 * sum(d is not None for d in days) < len(days):
        return None
    return stated.pop()
