"""Pace against the time gone in each of its wordings (序时进度, 时序进度, 时间进度, 计划进度),
work held up or not begun, and done late: made-up clauses in the words of 督查通报 and 重点项目
notes (bot/drafting/pace_words.py)."""

import pytest

from bot.drafting.words import status_from_words


@pytest.mark.parametrize(
    "words",
    [
        "完成年度计划的45%,低于时序进度30个百分点",
        "完成全年任务的52.1%,低于时间进度22.9个百分点",
        "落后时序进度10个百分点",
        "落后于计划进度",
        "进度比序时进度慢",
        "未达时序进度",
        "序时进度未达标",
        "未能按时序推进",
        "征迁工作推进迟缓",
        "项目进度落后",
        "工程进展不快",
        "因设计变更导致工期延误",
        "该项目尚未动工",
        "培训工作尚未开展",
        "与序时进度要求还有一定差距",
    ],
)
def test_behind_in_any_wording_of_the_yardstick(words):
    assert status_from_words(words).value == "滞后"


@pytest.mark.parametrize(
    "words",
    [
        "完成年度计划的80%,高于时间进度5个百分点",
        "快于时序进度",
        "与时间进度基本同步",
        "各项工作符合时序要求",
        "按时序要求推进",
        "达到时间进度",
    ],
)
def test_on_pace_in_any_wording_of_the_yardstick(words):
    assert status_from_words(words).value == "推进中"


def test_not_done_when_due_is_no_done_word():
    assert status_from_words("改造工程未按期完成").value == "未完成"
    assert status_from_words("改造工程未能如期完成").value == "未完成"
    assert status_from_words("改造工程已按期完成").value == "已完成"
