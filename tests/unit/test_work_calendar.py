"""The work calendar: the library's years, the office's year files, and what is not known."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.app.reminder_notices import notices_on
from bot.domain.reminder_policy import ReminderPolicy
from bot.domain.work_calendar import (
    CalendarFileError,
    WorkCalendar,
    YearArrangement,
    load_work_calendar,
)

d = dt.date.fromisoformat

A_2031_FILE = """
source = "国务院办公厅关于2031年部分节假日安排的通知"
[[holiday]]
name = "国庆节"
days = [2031-10-01, 2031-10-02, 2031-10-03]
[[workday]]
name = "国庆节调休"
days = [2031-09-28]
"""


def write(folder, name: str, text: str):
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_the_library_lists_2020_with_its_working_sunday():
    calendar = WorkCalendar()
    days = {entry.day: entry for entry in calendar.days(2020)}
    sunday = days[d("2020-01-19")]
    assert (sunday.kind, sunday.name, sunday.source) == ("workday", "春节", "library")
    assert days[d("2020-10-01")].kind == "holiday" and days[d("2020-10-01")].name == "国庆节"
    assert calendar.is_working_day(d("2020-01-19"))
    assert calendar.source(2020) == "library"


def test_a_year_nobody_knows_is_not_covered_and_falls_back_to_weekdays():
    calendar = WorkCalendar()
    assert not calendar.covered(2031) and calendar.source(2031) is None
    assert calendar.days(2031) == []
    assert calendar.is_working_day(d("2031-10-01"))  # a Wednesday: no data, so it works
    assert "2031年节假日安排尚未录入" in calendar.fallback_note(d("2031-10-01"))
    assert calendar.fallback_note(d("2020-10-09")) == ""


def test_an_office_file_covers_its_year(tmp_path):
    calendar = load_work_calendar(write(tmp_path / "cal", "2031.toml", A_2031_FILE))
    assert calendar.covered(2031) and calendar.source(2031) == "file"
    assert not calendar.is_working_day(d("2031-10-01"))
    assert calendar.is_working_day(d("2031-09-28"))  # a Sunday worked in exchange
    assert not calendar.is_working_day(d("2031-10-04"))  # a plain Saturday
    assert calendar.next_working_day(d("2031-10-01")) == d("2031-10-06")
    kinds = [(e.day.isoformat(), e.kind, e.source) for e in calendar.days(2031)]
    assert kinds[0] == ("2031-09-28", "workday", "file") and len(kinds) == 4


def test_warnings_name_the_years_that_are_missing(tmp_path):
    calendar = load_work_calendar(write(tmp_path / "cal", "2031.toml", A_2031_FILE))
    assert calendar.uncovered_warning(d("2025-06-01")) is None
    assert "2027年" in calendar.uncovered_warning(d("2026-12-06"))
    warning = calendar.uncovered_warning(d("2030-03-01"))
    assert "2030年" in warning and "2031年" not in warning


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("2031.toml", "source = 'x'\n[[holiday]]\nname = '国庆'\ndays = [2030-10-01]\n",
         "不在2031年"),
        ("2031.toml", "[[holiday]]\nname = '国庆'\ndays = [2031-10-01]\n", "须写明来源"),
        ("2031.toml", "source = 'x'\n[[holiday]]\nname = ''\ndays = [2031-10-01]\n", "name"),
        ("2031.toml", "source = 'x'\n[[holiday]]\nname = '国庆'\ndays = ['10-01']\n", "不是日期"),
        ("2031.toml", "source = 'x'\ncolour = 1\n", "未知的键"),
        ("2031.toml", "source = 'x'\n[[holiday]]\nname='a'\ndays=[2031-10-08]\n"
         "[[workday]]\nname='b'\ndays=[2031-10-08]\n", "既是假日又是调休上班日"),
        ("2031.toml", "source = 'x\n", "不是有效的TOML"),
        ("next.toml", "source = 'x'\n", "四位年份"),
    ],
)  # fmt: skip
def test_a_wrong_file_is_refused_naming_the_file_and_entry(tmp_path, name, text, expected):
    with pytest.raises(CalendarFileError, match=expected) as caught:
        load_work_calendar(write(tmp_path / "cal", name, text))
    assert name in str(caught.value)


def test_a_missing_folder_means_only_the_library(tmp_path):
    assert load_work_calendar(tmp_path / "nowhere").arrangements == {}


def test_reminders_in_an_uncovered_year_say_how_days_were_counted(ledger_2031):
    day = d("2031-12-24")  # 7 days before the 2031-12-31 deadlines
    notices = notices_on(
        day,
        ledger_2031,
        subscriptions={"县财政局": [-100]},
        digest_chats=[],
        policy=ReminderPolicy(),
        calendar=WorkCalendar(),
    )
    assert notices and all("按周一至周五计算" in n.text for n in notices)
    covered = WorkCalendar({2031: YearArrangement(2031, "test", {d("2031-10-01"): "国庆节"}, {})})
    again = notices_on(
        day, ledger_2031, subscriptions={"县财政局": [-100]}, digest_chats=[],
        policy=ReminderPolicy(), calendar=covered,
    )  # fmt: skip
    assert again and not any("按周一至周五计算" in n.text for n in again)


@pytest.fixture
def ledger_2031():
    from bot.domain.ledger import DeadlineSpec, LedgerSpec, TargetSpec, UnitSpec

    target = TargetSpec(
        number=1,
        title="新增贷款",
        category="经济发展",
        target_text="新增贷款完成14亿元。",
        units=(UnitSpec("县财政局", "lead", "named"),),
        deadlines=(DeadlineSpec(d("2031-12-31"), "年底前"),),
    )
    return LedgerSpec(year=2031, title="2031年台账", preamble="", targets=(target,))
