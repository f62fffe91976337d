"""A part of a report that tracks one stage of work ("二、尚未开工项目前期工作进展情况"): an item
under it whose words say that stage is done is done; the same words anywhere else are a
project's first step, still under way. Made-up texts in the shape of a district 督查通报 on
its 政府投资重点项目."""

import datetime as dt

from bot.drafting.stage_sections import tracked_stage
from tests.auxil.drafts import drafted, drafted_statuses

NOTICE = (
    "某区2023年政府投资重点项目督查通报\n"
    "1-10月,我区重点项目建设进展较为顺利。\n"
    "一、重点在建项目进展情况\n"
    "1. 滨河路改造工程已完成前期工作。\n"
    "二、尚未开工重点项目前期工作进展情况\n"
    "截至目前,重点前期项目工作总体进展顺利。\n"
    "2. 南环路市政道路改造项目已完成前期工作。\n"
    "3. 区医院设备购置项目正在修改评估报告。\n"
    "4. 东门片区环境提升工程已完成设计方案,施工图正在审查。\n"
)
TODAY = dt.date(2023, 11, 10)


def test_the_stage_a_part_tracks_done_is_the_item_done():
    statuses = drafted_statuses(NOTICE, TODAY)
    assert statuses[2] == "已完成"
    _, targets = drafted(NOTICE, TODAY)
    assert "已完成前期工作" in targets[2].status_reason


def test_the_same_words_under_another_part_are_a_first_step():
    assert drafted_statuses(NOTICE, TODAY)[1] == "推进中"


def test_other_work_of_the_stage_still_going_on_keeps_it_under_way():
    statuses = drafted_statuses(NOTICE, TODAY)
    assert statuses[3] == "推进中"
    assert statuses[4] == "推进中"  # 设计方案 done, 施工图 under review


def test_which_headings_track_a_stage():
    assert tracked_stage("二、尚未开工重点项目前期工作进展情况") == "前期"
    assert tracked_stage("截至目前,重点前期项目工作总体进展顺利。") == "前期"
    assert tracked_stage("一、重点在建项目投资完成情况") == ""
