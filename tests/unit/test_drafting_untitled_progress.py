"""A progress note with no title: its section headings say it tells progress ("一、分类型进展
情况"), its runs of names carry the run's verdict on the last name only ("…、服务业项目进展
较好,…"), with no 等 (report_dates.tells_progress, run_verdicts.py, sentences.py)."""

import datetime as dt

from bot.domain.status import compute_status
from bot.drafting.drafter import draft
from bot.drafting.parts_and_pace import part_behind, whole_on_pace
from bot.drafting.report_dates import tells_progress
from bot.drafting.report_text import parse_report
from bot.drafting.sentences import line_tells_progress

NOTE = """9月下旬,我区举行了重点项目集中开工。
1. 至9月底,全区重点项目累计完成投资36.1亿元,完成年度计划的73.4%。
一、分行业进展情况
2. 科技、
3. 农业、
4. 服务业项目进展较好,投资完成率分别高于总体进度的9.8、6.2、2.0个百分点;
5. 外资、
6. 社会事业进展不够理想,分别低于总体进度4.0、15.4个百分点。
二、分地区进展情况
7. 甲镇、乙镇进展情况较好,投资完成率分别高于整体进度的11.8、6.3个百分点。
"""


def test_section_headings_of_progress_make_a_report_of_progress():
    assert tells_progress("9月下旬,我区举行了重点项目集中开工。", NOTE)
    one = "某区重点项目\n一、分行业进展情况\n1. 新建学校。"
    assert not tells_progress("某区重点项目", one)  # one heading may be a list's


def test_a_run_takes_the_verdict_its_last_name_states_without_deng():
    drafted = draft(parse_report(NOTE), NOTE, today=dt.date(2033, 10, 19))
    day = drafted.judging_day
    by = {t.number: t for t in drafted.ledger.targets}
    statuses = {n: compute_status(by[n], day) for n in range(2, 8)}
    assert statuses == {2: "推进中", 3: "推进中", 4: "推进中", 5: "滞后", 6: "滞后", 7: "推进中"}
    assert by[2].status_reason.endswith("“项目进展较好”")  # the verdict, not the last name
    assert compute_status(by[1], day) == "推进中"  # 73.4% of the plan, the year not over


def test_an_offices_verdict_of_going_well_tells_progress():
    assert line_tells_progress("甲镇、乙镇进展情况较好,投资完成率分别高于整体进度的11.8个百分点")
    assert line_tells_progress("丙镇投资完成率与整体进度基本持平。")
    assert not line_tells_progress("新建学校2所,力争进展较快。")


def test_some_units_behind_beside_the_named_ones_level_with_the_pace_leave_them_under_way():
    assert part_behind("部分镇和单位投资完成率低于整体进度")
    assert not part_behind("投资完成率低于整体进度")  # said of the item itself
    line = "丙镇、丁镇投资完成率与整体进度基本持平,部分镇和单位投资完成率低于整体进度。"
    assert whole_on_pace(line) == "丙镇、丁镇投资完成率与整体进度基本持平"  # the clause
    text = f"某区重点项目1-9月进展情况\n1. {line}\n2. 戊镇进展缓慢。\n"
    drafted = draft(parse_report(text), text, today=dt.date(2033, 10, 19))
    first, second = drafted.ledger.targets
    assert compute_status(first, drafted.judging_day) == "推进中"
    assert compute_status(second, drafted.judging_day) == "滞后"
