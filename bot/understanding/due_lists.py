"""Deadline lists: the window a question names ("下周到期的", "12月底前要完成的", "三天内"),
which targets fall due in it, and what each line says of its deadlines (split from
`lists.py`)."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from bot.domain.ledger import TargetSpec
from bot.domain.status import DONE_STATUSES, deadline_state, next_open_deadline
from bot.render.replies import next_due_text
from bot.understanding.cues import to_int
from bot.understanding.list_cues import (
    DAYS_WITHIN,
    DUE_CUE,
    DUE_DAY,
    DUE_PASSED,
    DUE_THIS_YEAR,
    DUE_WORDS,
    MONTH,
    SOON,
    THIS_WEEK,
    TO_BE_DONE,
    WEEKDAYS_AHEAD,
)

# By the year's end ("年底前", "年末之前", "年底以前").
YEAR_END_BY = re.compile(r"(?:年底|年末|年终)(?:之|以)?前")
# Last week, Monday to Sunday ("上周到期的"): a window before today, so its open ones.
LAST_WEEK = re.compile(r"上周|上个星期|上星期|上礼拜")

# Done targets a due-by list names in its closing line before it says "等N项".
_NAMED_DONE = 8


class DueLists:
    """The deadline windows and lines of `Answerer`'s lists (bot.understanding.lists)."""

    def _due_within(self, t: TargetSpec, due: tuple[dt.date, dt.date]) -> bool:
        # Relative windows (this week, next week, soon) list done targets too, marked so; a
        # window from the year's start (by a day: "12月底前要完成的") the ones still open, and
        # `_done_by` counts the rest.
        include_done = due[0] >= self.today
        return any(
            due[0] <= d.date <= due[1] and (include_done or not d.done) for d in t.deadlines
        )

    def _done_by(
        self, due: tuple[dt.date, dt.date], listed: list[TargetSpec], met: list[TargetSpec]
    ) -> tuple[list[TargetSpec], str, int]:
        """For a list of what is due by a day still ahead ("12月底前要完成的"): the targets
        still to do, a line naming the ones due by then already done (`met`: their deadlines
        in the window met; or done by their status), "" if none, and how many those are."""
        if not due[0] < self.today < due[1]:
            return listed, "", 0

        def done(t: TargetSpec) -> bool:
            return self.status(t) in DONE_STATUSES

        finished = sorted([*met, *filter(done, listed)], key=lambda t: self._order[t.number])
        if not finished:
            return listed, "", 0
        names = "、".join(f"{t.number}. {t.title}" for t in finished[:_NAMED_DONE])
        more = f"等{len(finished)}项" if len(finished) > _NAMED_DONE else ""
        line = f"✅ 已完成的{len(finished)}项：{names}{more}"
        return [t for t in listed if not done(t)], line, len(finished)

    def _next_due(self, due, selected: list[TargetSpec], kept: list[TargetSpec]) -> str:
        """For an empty window ahead ("快到期的" with every deadline further off): when the
        next open deadline of the targets asked about (`kept`) falls; "" otherwise."""
        if due is None or selected or due[1] < self.today:
            return ""
        return next_due_text(next_open_deadline(kept, due[1]), self.today)

    def _due_notes(self, selected, due) -> dict[int, str]:
        """What each target's line says of its deadlines inside the window."""
        notes = {}
        for t in selected:
            inside = [d for d in t.deadlines if due[0] <= d.date <= due[1]]
            if inside and all(d.done for d in inside):
                # the status already says a done target is done; else which deadline is met
                if self.status(t) not in DONE_STATUSES:
                    notes[t.number] = f"{inside[-1].text or inside[-1].date.isoformat()}已完成"
            elif inside:
                # the first deadline still open, not one already met before it
                d = min((d for d in inside if not d.done), key=lambda d: d.date, default=inside[0])
                # a done target's open deadline is a date, not days left to do it in
                done = self.status(t) in DONE_STATUSES
                state = "到期" if done else f"（{deadline_state(d, self.today)}）"
                notes[t.number] = f"{d.date.isoformat()}{state}"
        return notes

    def _named_window(self, q: str) -> tuple[dt.date, dt.date] | None:
        """This month, next month, or days or weeks from today ("三天内", "两周内")."""
        today = self.today
        if "这个月" in q or "本月" in q or "当月" in q:
            start = today.replace(day=1)
            return start, start.replace(day=calendar.monthrange(today.year, start.month)[1])
        if "下个月" in q or "下月" in q:
            first = (today.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])
        days = DAYS_WITHIN.search(q)
        count = to_int(days.group(1)) if days else None
        if count:
            return today, today + dt.timedelta(days=count * (7 if days.group(2) else 1))
        return None

    def _due_filter(self, q: str) -> tuple[dt.date, dt.date] | None:
        today = self.today
        to_be_done = TO_BE_DONE.search(q) is not None  # "本月应完成的", "下周要做完的"
        if WEEKDAYS_AHEAD.search(q) and (to_be_done or DUE_WORDS.search(q)):
            start = today + dt.timedelta(days=7 - today.weekday())
            return start, start + dt.timedelta(days=6)
        if LAST_WEEK.search(q) and (to_be_done or DUE_WORDS.search(q)):
            start = today - dt.timedelta(days=today.weekday() + 7)
            return start, start + dt.timedelta(days=6)
        if THIS_WEEK.search(q) and (to_be_done or DUE_WORDS.search(q)):
            return today, today + dt.timedelta(days=6 - today.weekday())
        if SOON.search(q):
            # "本月要到期的", "三天内就要到期的": the window named, else the next 30 days
            return self._named_window(q) or (today, today + dt.timedelta(days=30))
        if not (to_be_done or DUE_CUE.search(q)):
            return None
        day = DUE_DAY.search(q)
        if day is not None:  # "明天到期的", "后天要完成的", "昨天到期的": that day alone
            named = today + dt.timedelta(days="今明后".find(day.group(1)[0]))  # 昨: -1
            return named, named
        if DUE_PASSED.search(q):
            # Deadlines already passed: the year so far, open ones only (as `_due_within` does
            # for a window that starts before today).
            return dt.date(self.ledger.year, 1, 1), today
        window = self._named_window(q)
        if window is not None:
            return window
        ledger_year = self.ledger.year
        if YEAR_END_BY.search(q):
            # "年底前要完成的" is by a day, as "12月底前要完成的" is: what is still to do by then
            return dt.date(ledger_year, 1, 1), dt.date(ledger_year, 12, 31)
        if "年底" in q or "年末" in q:  # "年底才能完成的": what falls due in the year's last month
            return dt.date(ledger_year, 12, 1), dt.date(ledger_year, 12, 31)
        if DUE_THIS_YEAR.search(q):
            return dt.date(ledger_year, 1, 1), dt.date(ledger_year, 12, 31)
        m = MONTH.search(q)
        if m:
            month = to_int(m.group(1))
            if month and 1 <= month <= 12:
                end = dt.date(ledger_year, month, calendar.monthrange(ledger_year, month)[1])
                return dt.date(ledger_year, 1, 1), end
        return None
