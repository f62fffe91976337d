"""A progress table's columns that are no progress: the work planned for next month ("7月工作
计划" in a table to the end of June, "下步计划") says nothing done, and a 起止年限 cell gives the
years the work spans, due at the last one's end. Made-up texts in the shape of a district's
民生实事 progress table."""

import datetime as dt

from bot.drafting.columns import is_next_plan_column, label_kind
from bot.drafting.deadlines import extract_deadlines
from tests.auxil.drafts import drafted, drafted_statuses

TABLE = (
    "某区2025年民生实事项目进展表(截至6月底)\n"
    "序号 | 项目名称 | 起止年限 | 具体内容 | 截至6月底进展 | 7月工作计划\n"
    "1. 新建社区食堂 | 2025-2026 | 新建社区食堂10个 | 装修施工 | 全部完工投用\n"
    "2. 改造老旧小区 | 2025 | 改造老旧小区5个 | 已完成施工招标 | 开工建设\n"
)
TODAY = dt.date(2025, 7, 5)


def test_next_months_plan_is_not_read_as_done():
    # "全部完工投用" is July's plan; June's progress is "装修施工".
    assert drafted_statuses(TABLE, TODAY)[1] == "推进中"


def test_next_months_plan_stays_in_the_progress_under_its_column():
    _, targets = drafted(TABLE, TODAY)
    assert "7月工作计划:全部完工投用" in targets[1].progress_text
    assert "装修施工" in targets[1].progress_text


def test_the_span_of_years_gives_the_deadline_and_is_no_progress():
    _, targets = drafted(TABLE, TODAY)
    assert [d.date for d in targets[1].deadlines] == [dt.date(2026, 12, 31)]
    assert [d.date for d in targets[2].deadlines] == [dt.date(2025, 12, 31)]
    assert "2025-2026" not in targets[1].progress_text


def test_which_columns_are_plans_for_next_and_spans():
    assert is_next_plan_column("7月工作计划")
    assert is_next_plan_column("下步计划")
    assert not is_next_plan_column("月度工作计划")  # the month reported on: its milestones
    assert not is_next_plan_column("截至6月底进展")
    assert label_kind("起止年限") == "due"


def test_a_bracketed_span_without_its_year_word_falls_due_at_its_end():
    assert [d.date for d in extract_deadlines("建成教学楼（2024-2025）", 2025)] == [
        dt.date(2025, 12, 31)
    ]
    assert [d.date for d in extract_deadlines("建成教学楼（2025-2026）", 2025)] == [
        dt.date(2026, 12, 31)
    ]
    # A school year is no span of a task's years.
    assert [d.date for d in extract_deadlines("2024-2025学年完成", 2025)] == [
        dt.date(2025, 12, 31)
    ]
