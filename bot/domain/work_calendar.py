"""The Chinese work calendar: holidays and 调休 make-up working days, and what it knows.

Two sources, in order: the office's own files (`data/calendar/YYYY.toml`, one a year, entered
from the State Council's 节假日安排 when it is published) and the `chinesecalendar` library.
A year neither knows is *not covered*: working days fall back to Monday–Friday, and callers
say so (reminders, `/outbox`, start-up, `python main.py calendar`).

File format (every date a TOML local date):

    source = "国务院办公厅关于2027年部分节假日安排的通知"
    [[holiday]]
    name = "元旦"
    days = [2027-01-01]
    [[workday]]            # a weekend day that is worked (调休上班)
    name = "春节调休"
    days = [2027-02-07]
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import chinese_calendar

LIBRARY = "library"
FILE = "file"
# The library names its holidays in English; the office reads Chinese.
_LIBRARY_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利70周年纪念日",
}
_MAX_FILE_BYTES = 64 * 1024
_YEAR_FILE_KINDS = ("holiday", "workday")


class CalendarFileError(Exception):
    """A calendar file is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class CalendarDay:
    day: dt.date
    kind: str  # "holiday" (a day off) or "workday" (a weekend day that is worked, 调休)
    name: str
    source: str  # "library" or "file"


@dataclass(frozen=True)
class YearArrangement:
    """One year's holidays and make-up working days, from an office file."""

    year: int
    source_text: str
    holidays: Mapping[dt.date, str] = field(default_factory=dict)
    workdays: Mapping[dt.date, str] = field(default_factory=dict)


def _library_years() -> frozenset[int]:
    return frozenset(d.year for d in chinese_calendar.holidays) | frozenset(
        d.year for d in chinese_calendar.workdays
    )


class WorkCalendar:
    """Working days: an office file for its year wins, then the library, then Mon–Fri."""

    def __init__(self, arrangements: Mapping[int, YearArrangement] | None = None) -> None:
        self.arrangements = dict(arrangements or {})
        self.library_years = _library_years()

    def covered(self, year: int) -> bool:
        """True when the holidays of `year` are known (a file or the library)."""
        return year in self.arrangements or year in self.library_years

    def source(self, year: int) -> str | None:
        """ "file", "library", or None for a year that is not covered."""
        if year in self.arrangements:
            return FILE
        return LIBRARY if year in self.library_years else None

    def is_working_day(self, day: dt.date) -> bool:
        arrangement = self.arrangements.get(day.year)
        if arrangement is not None:
            if day in arrangement.workdays:
                return True
            return day not in arrangement.holidays and day.weekday() < 5
        if day.year in self.library_years:
            try:
                return bool(chinese_calendar.is_workday(day))
            except NotImplementedError:
                # chinesecalendar raises this for a day outside its data: weekdays serve, as
                # for any year neither it nor the office's files cover.
                return day.weekday() < 5
        return day.weekday() < 5

    def previous_working_day(self, day: dt.date) -> dt.date:
        """`day` itself when it is a working day, else the closest working day before it."""
        while not self.is_working_day(day):
            day -= dt.timedelta(days=1)
        return day

    def next_working_day(self, day: dt.date) -> dt.date:
        """`day` itself when it is a working day, else the closest working day after it."""
        while not self.is_working_day(day):
            day += dt.timedelta(days=1)
        return day

    def days(self, year: int) -> list[CalendarDay]:
        """The holidays and make-up working days known for `year`, by date; [] if not covered."""
        arrangement = self.arrangements.get(year)
        if arrangement is not None:
            found = [CalendarDay(d, "holiday", n, FILE) for d, n in arrangement.holidays.items()]
            found += [CalendarDay(d, "workday", n, FILE) for d, n in arrangement.workdays.items()]
        else:
            found = [
                CalendarDay(d, kind, _LIBRARY_NAMES.get(str(name), str(name)), LIBRARY)
                for kind, table in (
                    ("holiday", chinese_calendar.holidays),
                    ("workday", chinese_calendar.workdays),
                )
                for d, name in table.items()
                if d.year == year
            ]
        return sorted(found, key=lambda entry: entry.day)

    def uncovered_warning(self, today: dt.date) -> str | None:
        """A Chinese warning when this year or next is not covered, else None."""
        missing = [y for y in (today.year, today.year + 1) if not self.covered(y)]
        if not missing:
            return None
        years = "、".join(f"{y}年" for y in missing)
        return (
            f"⚠️ 工作日历缺少{years}的节假日安排：这些年份的提醒按周一至周五计算工作日。"
            "国务院公布安排后，请在 data/calendar/ 下按年份录入"
            f"（如 data/calendar/{missing[0]}.toml）。"
        )

    def fallback_note(self, day: dt.date) -> str:
        """The line a reminder carries when its year is not covered, else ""."""
        if self.covered(day.year):
            return ""
        return f"（{day.year}年节假日安排尚未录入，工作日按周一至周五计算）"


def _dates(path: Path, kind: str, index: int, entry: object, year: int) -> tuple[str, list]:
    where = f"{path.name}: [[{kind}]] 第{index}项"
    if not isinstance(entry, dict) or set(entry) - {"name", "days"}:
        raise CalendarFileError(f"{where}：只能有 name 和 days 两个键")
    name, days = entry.get("name"), entry.get("days")
    if not isinstance(name, str) or not name.strip():
        raise CalendarFileError(f'{where}：name 须是非空文字，例如 name = "春节"')
    if not isinstance(days, list) or not days:
        raise CalendarFileError(f"{where}：days 须是日期列表，例如 days = [{year}-01-01]")
    for day in days:
        if type(day) is not dt.date:
            raise CalendarFileError(f"{where}：{day!r} 不是日期，请写成 {year}-01-01 的形式")
        if day.year != year:
            raise CalendarFileError(f"{where}：{day.isoformat()} 不在{year}年（文件名所示年份）")
    return name.strip(), days


def load_year_file(path: Path) -> YearArrangement:
    """Parse one `YYYY.toml`; CalendarFileError names the file and the entry that is wrong."""
    try:
        year = int(path.stem)
    except ValueError:
        raise CalendarFileError(f"{path.name}：文件名须是四位年份，例如 2027.toml") from None
    if path.stat().st_size > _MAX_FILE_BYTES:
        raise CalendarFileError(f"{path.name}：文件过大（上限64KB）")
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CalendarFileError(f"{path.name}：不是有效的TOML（{exc}）") from None
    unknown = set(raw) - {"source", *_YEAR_FILE_KINDS}
    if unknown:
        raise CalendarFileError(f"{path.name}：未知的键 {', '.join(sorted(unknown))}")
    source = raw.get("source", "")
    if not isinstance(source, str) or not source.strip():
        raise CalendarFileError(
            f'{path.name}：须写明来源，例如 source = "国务院办公厅关于…的通知"'
        )
    tables: dict[str, dict[dt.date, str]] = {"holiday": {}, "workday": {}}
    for kind in _YEAR_FILE_KINDS:
        entries = raw.get(kind, [])
        if not isinstance(entries, list):
            raise CalendarFileError(f"{path.name}：{kind} 须写成 [[{kind}]] 表")
        for index, entry in enumerate(entries, start=1):
            name, days = _dates(path, kind, index, entry, year)
            for day in days:
                tables[kind][day] = name
    both = sorted(set(tables["holiday"]) & set(tables["workday"]))
    if both:
        raise CalendarFileError(f"{path.name}：{both[0].isoformat()} 既是假日又是调休上班日")
    return YearArrangement(year, source.strip(), tables["holiday"], tables["workday"])


def load_work_calendar(directory: Path) -> WorkCalendar:
    """The calendar with every `YYYY.toml` in `directory` (a missing folder means none)."""
    arrangements: dict[int, YearArrangement] = {}
    if directory.is_dir():
        for path in sorted(directory.glob("*.toml")):
            arrangement = load_year_file(path)
            arrangements[arrangement.year] = arrangement
    return WorkCalendar(arrangements)
