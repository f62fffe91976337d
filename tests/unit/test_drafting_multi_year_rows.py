"""A progress table flattened to text, cells joined by " | ": a last column that reads 100 on
every row though one row's words say its work goes on decides nothing (uniform_columns.py);
rows of projects of several years carry their own years ("2025年完成…"); a part done beside the
rest still going on is not done (words.py); trailing empty cells are no sign the copy was cut
(copy_ends.py)."""

import datetime as dt

from bot.domain.status import compute_status
from bot.drafting.copy_ends import breaks_off
from bot.drafting.deadlines import extract_deadlines
from bot.drafting.drafter import draft
from bot.drafting.report_text import ReportTarget, parse_report
from bot.drafting.words import status_from_words

TABLE = """某县教育局承办的2031年重点民生实事项目完成情况公示如下:
1. 新建公办幼儿园。 | 新建公办幼儿园3所 | 已完成。 | 100 | ||
2. 提质改造老年学校。 | 建设老年学校2所 | 已完成。 | 100 | ||
3. 新增学位项目。 | 2032年完成城北小学,增加学位1080个 | 已完成招标,正在施工。 | 100 | ||
4. 乡村学校提升。 | 2031年完成甲中学,2032年全面完成。 | 已完成甲中学建设,其他正在施工 | 100 |
2031年12月9日
"""


def _draft(text: str):
    return draft(parse_report(text), text, today=dt.date(2031, 12, 9))


def test_a_column_of_100_on_every_row_decides_nothing_when_a_row_is_under_way():
    drafted = _draft(TABLE)
    day = drafted.judging_day
    by = {t.number: t for t in drafted.ledger.targets}
    assert [compute_status(by[n], day) for n in (1, 2, 3, 4)] == [
        "已完成",
        "已完成",
        "推进中",
        "推进中",
    ]
    # The work targets stand alone: "100" is no figure done of them.
    assert [(i.target, i.actual) for i in by[2].indicators] == [("2", "")]
    assert [(i.target, i.actual) for i in by[3].indicators] == [("1080", "")]


def test_the_same_column_on_a_list_all_done_is_kept():
    done = TABLE.replace("已完成招标,正在施工。", "已完成。").replace(
        "已完成甲中学建设,其他正在施工", "已完成。"
    )
    drafted = _draft(done)
    assert "100" in drafted.ledger.targets[0].progress_text


def test_a_row_of_several_years_falls_due_in_the_years_it_writes():
    dates = extract_deadlines("2031年完成甲中学建设,完成其余学校部分建设,2032年全面完成。", 2031)
    assert [d.date for d in dates] == [dt.date(2031, 12, 31), dt.date(2032, 12, 31)]
    due = extract_deadlines("2032年完成城北小学建设,增加学位1080个", 2031)
    assert [d.date for d in due] == [dt.date(2032, 12, 31)]
    # An earlier year's work is no deadline of this year's list.
    earlier = extract_deadlines("在2030年完成一期建设的基础上,新增学位500个", 2031)
    assert [d.date for d in earlier] == [dt.date(2031, 12, 31)]
    # A year's result is no deadline ("2031年完成投资5亿元").
    result = extract_deadlines("2031年完成投资5亿元", 2031)
    assert [(d.date, d.text) for d in result] == [(dt.date(2031, 12, 31), "年底前")]


def test_a_part_done_with_the_rest_still_going_on_is_under_way():
    said = status_from_words("已完成甲中学建设,其他项目正在按计划施工")
    assert said.value == "推进中" and said.words == "其他项目正在按计划施工"
    assert status_from_words("已完成甲中学建设。").value == "已完成"


def test_trailing_empty_cells_left_unwritten_do_not_cut_the_copy():
    def row(n: int, text: str) -> ReportTarget:
        return ReportTarget(n, text, "", True, n)

    whole = [row(1, "甲 | 乙 | 已完成 | 100 | ||"), row(2, "丙 | 丁 | 已完成 | 100 |")]
    assert not breaks_off(whole)
    assert breaks_off([row(1, "甲 | 乙 | 已完成 | 100 | ||"), row(2, "丙 | 丁")])


def test_a_cell_restating_the_task_with_the_units_own_figure_is_its_target():
    text = (
        "某县2031年重点民生实事项目完成情况公示如下:\n"
        "1. 建设品质县中10所(其中本县4所)。 | 建设品质县中4所 | 已完成。\n"
        "2. 新建公办幼儿园5所。 | 新建公办幼儿园已建成4所 | 正在验收。\n"
    )
    ledger = _draft(text).ledger
    first, second = ledger.targets
    assert [(i.target, i.unit, i.actual) for i in first.indicators] == [("4", "所", "")]
    # The same words telling work done (已) answer the task's figure.
    assert [(i.target, i.actual) for i in second.indicators] == [("5", "4")]
