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


@pytest.mark.parametrize(
    "words",
    ["完成年度目标的40%,时间过半任务未过半", "完成年度计划的40%,未实现双过半"],
)
def test_half_the_task_short_at_half_the_year_is_behind(words):
    assert status_from_words(words).value == "滞后"


def test_half_the_task_at_half_the_year_is_on_pace():
    assert status_from_words("完成年度目标的55%,实现双过半").value == "推进中"
    assert status_from_words("实现时间过半、任务过半").value == "推进中"


def test_a_share_against_the_pace_its_sentence_states():
    from bot.drafting.time_gone import against_stated_pace

    assert against_stated_pace("完成年度计划的58%,序时进度为75%").value == "滞后"
    assert against_stated_pace("完成率58%(序时进度75%)").words == "完成率58%(序时进度75%)"
    assert against_stated_pace("完成年度计划投资的80%,序时进度为75%").value == "推进中"
    assert against_stated_pace("完成年度计划的58%") is None  # no pace stated: not judged
    assert against_stated_pace("完成一季度目标任务的58%,序时进度为75%") is None  # not the year's


def test_an_item_short_of_the_pace_it_states_is_behind_and_the_pace_is_no_figure():
    import datetime as dt

    from tests.auxil.drafts import drafted, drafted_statuses

    text = (
        "某县2023年重点项目1-9月推进情况\n截至9月底,\n"
        "1. 城东污水处理厂扩建项目,年度计划投资2亿元,完成投资1.16亿元,完成年度计划的58%,"
        "序时进度为75%。\n"
        "2. 城西学校新建项目,年度计划投资1亿元,完成投资0.8亿元,完成年度计划的80%,序时进度为75%。\n"
    )
    today = dt.date(2026, 12, 6)
    assert drafted_statuses(text, today) == {1: "滞后", 2: "推进中"}
    _, targets = drafted(text, today)
    assert not any(i.target == "75" or i.actual == "75" for i in targets[1].indicators)


def test_a_group_filed_by_a_low_rate_of_its_plan_lags():
    from bot.drafting.groups import Group, group_reading

    assert group_reading(Group("投资完成率不足30%的项目:", 0)).value == "滞后"
    assert group_reading(Group("完成率低于50%的项目有:", 0)).value == "滞后"
    assert group_reading(Group("与时间进度同步的项目有:", 0)).value == "推进中"
