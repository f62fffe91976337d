"""A table by place (one row per 市州 or 县区) reports one task: each row's title is its place and
that task, not the place alone. Made-up texts."""

import datetime as dt

from bot.drafting.drafter import draft
from bot.drafting.place_titles import place_and_task, reported_task
from bot.drafting.report_text import parse_report
from bot.understanding.tokenizer import make_tokenizer

BY_PLACE = (
    "2023年省重点民生实事(农村公路提质改造)目标任务为:改造农村公路3000公里。"
    "各地大力推进农村公路提质改造重点民生实事工作。截至9月底,完成2100公里。\n"
    "序号 | 市州 | 计划完成数 | 累计完成数 | 完成率\n"
    "1.甲山市 | 800 | 600 | 75% \n"
    "2.乙水市 | 700 | 500 | 71.4%\n"
    "3.丙川州 | 900 | 600 | 66.7%\n"
    "4.丁河市 | 600 | 400 | 66.7%\n"
)


def test_rows_named_by_their_place_take_the_task_the_report_writes_above_them():
    drafted = draft(parse_report(BY_PLACE), BY_PLACE, today=dt.date(2026, 12, 6))
    titles = [t.title for t in drafted.ledger.targets]
    assert titles == ["甲山市农村公路", "乙水市农村公路", "丙川州农村公路", "丁河市农村公路"]


def test_the_task_is_the_name_written_most_often_that_is_not_a_kind_of_list():
    tokenizer = make_tokenizer()
    assert reported_task(BY_PLACE.split("\n")[0], tokenizer, {}) == "农村公路提质改造"
    # Written once, a name is no more the report's task than any other.
    assert reported_task("今年完成农村公路提质改造3000公里。", tokenizer, {}) == ""


def test_a_place_keeps_the_task_whole_when_it_fits_else_the_thing_worked_on():
    tokenizer = make_tokenizer()
    assert place_and_task("东区", "棚户区改造", tokenizer) == "东区棚户区改造"
    assert place_and_task("长沙市", "城镇老旧小区改造", tokenizer) == "长沙市老旧小区"
