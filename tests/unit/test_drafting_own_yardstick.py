"""A report that restates the year's task in the measure it reports ("年度任务目标6.2亿元,累计完成
投资7.1亿元") judges by it: the target's figure in another measure ("完成工程量40%"), left
unanswered, is no missing data that holds the verdict back. Made-up year-end table in the shape
of a district transport bureau's 重点工作 table."""

import datetime as dt

from tests.auxil.drafts import drafted, drafted_statuses

TABLE = (
    "工作内容 | 当前工作进展 | 形象进度\n"
    "1. 省道改建完成工程量40% | 年度任务目标6.2亿元,累计完成投资7.1亿元 | 100.0%\n"
    "2. 县道改建完成工程量40% | 年度任务目标6.2亿元,累计完成投资5.1亿元 | 100.0%\n"
    "3. 乡道改建完成工程量40% | 累计完成投资7.1亿元 | 100.0%\n"
    "4. 桥梁改建完成工程量40% | 年度任务目标6.2亿元,累计完成投资7.1元 | 100.0%\n"
)
AFTER_THE_YEAR = dt.date(2025, 1, 10)


def test_the_task_the_report_restates_and_beats_decides():
    statuses = drafted_statuses(TABLE, AFTER_THE_YEAR)
    assert statuses[1] == "超额完成"
    _, targets = drafted(TABLE, AFTER_THE_YEAR)
    assert "年度任务目标6.2亿元" in targets[1].status_reason
    assert "未报数" in targets[1].status_reason  # the share of works left unanswered, said


def test_a_restated_task_missed_is_not_done():
    assert drafted_statuses(TABLE, AFTER_THE_YEAR)[2] == "未完成"


def test_without_a_restated_task_the_unanswered_target_is_missing_data():
    assert drafted_statuses(TABLE, AFTER_THE_YEAR)[3] == "暂无数据"


def test_a_result_written_without_its_magnitude_is_read_as_meant_and_judged_so():
    # "7.1元" against 6.2亿元: a slip for 亿元, sent to review; the restated task still decides.
    statuses = drafted_statuses(TABLE, AFTER_THE_YEAR)
    assert statuses[4] == "超额完成"
    _, targets = drafted(TABLE, AFTER_THE_YEAR)
    assert "疑漏写单位" in targets[4].status_reason
