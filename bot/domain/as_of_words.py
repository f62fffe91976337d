"""As-of words (数据时点) as people type them, checked and put in the ledger's own words
before they are stored: by `/set`, by a unit's `/report` and by a spreadsheet import."""

from __future__ import annotations

import datetime as dt
import re

_MONTH_OR_DAY = re.compile(r"(\d{1,2})月(?:份)?(?:(\d{1,2})日)?")

# A day typed in figures, as /deadline takes it and as a spreadsheet's date cell reads
# ("2020-11-30", "2020/11/30", "截至2020.11.30", "2020-11"): the 序时进度 rules and the age
# of a report read the ledger's words for it ("截至2020年11月30日"), not the figures.
_FIGURES_DAY = re.compile(r"(?:截至|截止)?((?:19|20)\d{2})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?")

# What to write instead of a day no calendar has, for either way of writing it.
IN_WORDS_FORMS = "请写成 截至11月、1-11月 或 截至11月30日"
IN_FIGURES_FORMS = "请写成 2020-11-30 或 截至11月30日"
AS_OF_FORMS = "数据时点写数值统计到的时间，例如 截至11月30日、1-11月、全年"


# Days named from the day they are typed ("昨天", "上月底"): kept as typed, they would name
# another day tomorrow, so they are stored as the day they mean ("截至2020年11月30日").
_DAYS_BACK = {"今天": 0, "今日": 0, "昨天": 1, "昨日": 1, "前天": 2}
_DAYS_AHEAD = {"明天": 1, "明日": 1, "后天": 2}
_MONTH_END = re.compile(r"(上|本|这)个?月(?:底|末)")
_IN_WORDS_DAY = re.compile(r"截至((?:19|20)\d{2})年(\d{1,2})月(?:(\d{1,2})日)?")


class NoSuchDay(ValueError):
    """As-of words naming a month or a day no calendar has; its text says what to write."""


# What every as-of word says: a period or a point of the calendar ("1-11月", "全年", "前三季度",
# "截至目前"). Words without one ("已全部完工") are progress, not the day a figure is counted to.
_TIME_WORD = re.compile(
    r"[年月日号季周旬]|目前|当前|现在|至今|今天|今日|昨天|昨日|前天|明天|后天|以来"
)


class NotAsOf(ValueError):
    """Words that name no time ("已全部完工") where as-of words belong."""


class FutureDay(ValueError):
    """As-of words naming a day after today: no figure is counted yet; its text says so."""


def _exists(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def as_of_in_words(words: str) -> str:
    """`words` as the ledger writes them: a day in figures becomes "截至2020年11月30日" (a month,
    "截至2020年11月"); other words stay as they are. NoSuchDay for "13月", "2月30日",
    "2020-02-30"."""
    m = _FIGURES_DAY.fullmatch(words.replace(" ", ""))
    if m is not None:
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3) or 1)
        if not _exists(year, month, day):
            raise NoSuchDay(IN_FIGURES_FORMS)
        return f"截至{year}年{month}月" + (f"{day}日" if m.group(3) else "")
    for found in _MONTH_OR_DAY.finditer(words):
        # a leap year: 2月29日 exists
        if not _exists(2000, int(found.group(1)), int(found.group(2) or 1)):
            raise NoSuchDay(IN_WORDS_FORMS)
    return words


def as_of_typed(words: str, today: dt.date) -> str:
    """Typed as-of words as the ledger keeps them (`as_of_in_words`), a day named from today
    ("昨天", "上月底") put as that day; FutureDay for a day after `today`, NotAsOf for words
    that name no time, NoSuchDay as there."""
    core = re.sub(r"^(?:截至|截止|到)", "", words.replace(" ", ""))
    day = None
    if core in _DAYS_BACK:
        day = today - dt.timedelta(days=_DAYS_BACK[core])
    elif core in _DAYS_AHEAD:
        day = today + dt.timedelta(days=_DAYS_AHEAD[core])
    elif (m := _MONTH_END.fullmatch(core)) is not None:
        first = today.replace(day=1)
        day = first - dt.timedelta(days=1)
        if m.group(1) != "上":
            day = (first + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1)
    if day is not None:
        words = f"截至{day.year}年{day.month}月{day.day}日"
    words = as_of_in_words(words)
    if words and _TIME_WORD.search(words) is None:
        raise NotAsOf(words)
    m = _IN_WORDS_DAY.fullmatch(words)
    if m is not None:
        day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))
    if day is not None and day > today:
        raise FutureDay(
            f"数据时点“{words}”在今天（{today.isoformat()}）之后，还没有这一天的数据。请写已统计到的"
            f"时点，例如 截至{today.year}年{today.month}月{today.day}日"
        )
    return words
