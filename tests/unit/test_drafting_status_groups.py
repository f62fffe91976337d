"""Items listed under status headings: the heading is no item's progress, and it gives the
status of the items below it that tell none of their own (bot/drafting/groups.py)."""

import pytest

from bot.drafting.drafter import draft_ledger
from bot.drafting.groups import Group, group_reading
from bot.drafting.report_text import ReportFormatError, parse_report

GROUPED = """某县2024年1-10月民生实事进展
一是已完成的项目2个,分别为:
1.新建口袋公园
2.改造老旧路灯
二是进度滞后的项目1个:
3.新建农贸市场
三是正在开展前期工作的项目2个。
另有两个项目正在选址。
"""


def _statuses(text: str, year: int = 2024) -> dict[int, tuple[str, str]]:
    ledger = draft_ledger(parse_report(text), year, text)
    return {t.number: (t.status_override, t.status_reason) for t in ledger.targets}


def test_a_heading_is_not_the_progress_of_the_item_above_it():
    by = {t.number: t for t in parse_report(GROUPED).targets}
    assert by[2].progress_text == ""
    assert by[3].progress_text == ""  # the closing heading and the prose after it are no item's
    assert by[1].group is not None and by[1].group.heading.startswith("已完成的项目2个")
    assert by[3].group.heading.startswith("进度滞后的项目1个")


def test_items_inherit_the_heading_status_and_quote_it():
    statuses = _statuses(GROUPED)
    assert statuses[1][0] == "已完成" and "已完成的项目2个" in statuses[1][1]
    assert statuses[3] == ("滞后", "所在分组“进度滞后的项目1个”")


def test_an_item_whose_progress_has_no_verdict_takes_the_heading():
    text = GROUPED.replace("3.新建农贸市场", "3.新建农贸市场\n已进场施工。")
    assert _statuses(text)[3][0] == "滞后"


def test_an_item_with_its_own_verdict_keeps_it():
    text = GROUPED.replace("2.改造老旧路灯", "2.改造老旧路灯\n已进场,正在施工。")
    assert _statuses(text)[2][0] == "推进中"
    assert "正在施工" in _statuses(text)[2][1]


def test_headings_in_other_styles():
    text = (
        "某市2023年重点工作进展\n（一）进度滞后的项目：\n1.新建体育馆\n"
        "二、已完成的事项\n2.更换路灯\n"
    )
    statuses = _statuses(text, 2023)
    assert statuses[1][0] == "滞后"
    assert statuses[2][0] == "已完成"


def test_progress_prose_opening_with_a_marker_is_no_heading():
    # "一是…" inside an item's own progress, not followed by an item: still its progress.
    text = (
        "某县2024年1-6月实事进展\n1.新建公园2个\n"
        "一是完成选址工作的项目2个,正在设计。\n2.新建路灯\n"
    )
    by = {t.number: t for t in parse_report(text).targets}
    assert by[1].group is None
    assert "完成选址" in by[1].progress_text


def test_a_mixed_heading_claims_only_the_weaker_status():
    group = Group("已完成或达到序时进度的项目8个,分别为:", 3)
    reading = group_reading(group)
    assert reading.value == "推进中" and reading.confidence < 0.6  # staff pick the done ones
    assert "已完成或达到序时进度的项目8个" in reading.words


def test_some_progress_beside_a_paced_group_is_behind():
    paced = "达到序时进度的项目5个,分别为:"
    some = Group("有一定进度的项目3个,分别为:", 9, (paced,))
    reading = group_reading(some)
    assert reading.value == "滞后" and reading.confidence < 0.6
    assert "未列入“达到序时进度的项目5个”" in reading.words
    # Alone, "有一定进度" says only that the work moves.
    assert group_reading(Group("有一定进度的项目3个,分别为:", 9)).value == "推进中"


def test_a_heading_without_status_words_gives_none():
    assert group_reading(Group("教育类项目3个,分别为:", 2)) is None


def test_started_and_not_done_headings():
    assert group_reading(Group("已开工建设的项目4个:", 2)).value == "推进中"  # begun, not done
    assert group_reading(Group("未完成的项目2个:", 2)).value == "未完成"
    text = "某县2024年1-6月实事进展\n（二）未完成的项目：\n1.新建游泳馆\n"
    assert _statuses(text)[1][0] == "滞后"  # the year still runs
    assert _statuses(text.replace("1-6月", "全年"))[1][0] == "未完成"


def test_headings_keeping_pace_with_the_time_gone_or_ahead_of_it():
    for words in ("与时间进度同步的项目5个,分别为:", "超时间进度完成指标有4项。分别为:"):
        assert group_reading(Group(words, 2)).value == "推进中", words
    assert group_reading(Group("未达到时间进度的项目2个:", 2)).value == "滞后"


RUNS = """某市2024年1-10月十件实事进展
一是达到序时进度的项目3个,占比60%。分别为:新建公园、改造路灯、增设公厕。
二是有一定进度的项目2个,分别为:新建停车场;扩建学校。
三是尚在前期的项目1个。
"""


def test_items_named_in_runs_under_headings_are_drafted_in_order():
    report = parse_report(RUNS)
    assert [(t.number, t.target_text) for t in report.targets] == [
        (1, "新建公园"),
        (2, "改造路灯"),
        (3, "增设公厕"),
        (4, "新建停车场"),
        (5, "扩建学校"),
    ]
    assert report.preamble == "某市2024年1-10月十件实事进展"
    statuses = _statuses(RUNS)
    assert statuses[1][0] == "推进中" and statuses[5][0] == "滞后"


def test_a_run_that_does_not_split_into_its_count_is_refused_at_its_line():
    text = RUNS.replace("新建停车场;扩建学校", "新建停车场、充电桩;扩建学校")
    with pytest.raises(ReportFormatError, match="第3行：标题说有2项，.*是3项"):
        parse_report(text)


def test_a_sentence_counting_the_late_ones_then_naming_them_after_wei():
    # A 督查通报's lead: "未达到序时进度N项、占比…,为" then the named items, one a line.
    text = (
        "某市2022年1-10月份重点任务完成情况\n"
        "列入本次通报的量化指标共20项。截至目前,达到序时进度17项、占比85.0%。"
        "未达到序时进度3项、占比15.0%,为\n"
        "1.新建停车场8个、\n2.新增城镇就业2万人、\n3.改造农村公路120公里\n"
    )
    statuses = _statuses(text, 2022)
    assert [statuses[n][0] for n in (1, 2, 3)] == ["滞后", "滞后", "滞后"]
    assert "未达到序时进度3项" in statuses[1][1]


def test_a_sentence_after_a_run_names_its_late_items_and_leaves_the_others():
    # "其中,A、B2项指标未达到序时进度" after a run of names: the named ones are behind.
    text = (
        "某市2022年1-10月份重点任务完成情况\n"
        "主要经济指标列入本次通报的为3项,分别为\n"
        "1.地区生产总值、\n2.一般公共预算收入、\n"
        "3.社会消费品零售总额。其中,一般公共预算收入、社会消费品零售总额2项指标未达到序时进度。\n"
    )
    statuses = _statuses(text, 2022)
    assert statuses[2][0] == "滞后" and statuses[3][0] == "滞后"
    assert "2项指标未达到序时进度" in statuses[2][1]
    assert statuses[1][0] != "滞后"
