"""Lines of work told as counts of their projects by state (达到序时进度N个 / 未达到序时进度M个,
已完成N项 / 进展缓慢M项): the group keeps pace when most of its projects do, and such counts are
the item's own, not the report's yardstick for every share. Made-up texts in the shapes of
county progress-meeting news and 重点项目 notes."""

import datetime as dt

from bot.drafting.parts_and_pace import tallied_pace, tallies_both_ways
from bot.drafting.report_text import parse_report
from bot.drafting.time_gone import counts_laggards
from tests.auxil.drafts import drafted_statuses

TODAY = dt.date(2026, 12, 6)

MEETING = (
    "某县召开前三季度重点项目推进会\n"
    "截至2019年9月底,\n"
    "1. 全县市重点项目达到序时进度的项目9个,未达到序时进度项目4个,累计完成投资8.1亿元,"
    "占年度投资计划的71.5%。\n"
    "2. 县级重点项目达到序时进度的3个,未达到序时进度的12个,累计完成投资2.2亿元,"
    "占年度投资计划的41%。\n"
    "3. 十件民生实事已完成年度任务2项,进展顺利的有5项,进展缓慢的3项。\n"
    "4. 一般公共预算支出累计9.8亿元,完成年计划的72.3%。\n"
)


def test_a_group_most_of_whose_projects_keep_pace_is_under_way():
    statuses = drafted_statuses(MEETING, TODAY)
    assert statuses[1] == "推进中"
    assert statuses[3] == "推进中"  # 2 done and 5 smooth against 3 slow


def test_a_group_most_of_whose_projects_lag_is_behind():
    assert drafted_statuses(MEETING, TODAY)[2] == "滞后"


def test_an_items_own_tally_is_no_yardstick_for_the_other_items_shares():
    # 72.3% at the end of September is short of 75%; only a report counting its items
    # short of the time gone judges every share so.
    assert drafted_statuses(MEETING, TODAY)[4] == "推进中"
    items = parse_report(MEETING).targets
    assert counts_laggards(items[0].target_text)
    assert not counts_laggards(MEETING, items)
    assert counts_laggards(f"{MEETING}12项主要指标中有5项未达到序时进度", items)


def test_a_tally_needs_counts_both_ways():
    assert tallies_both_ways("达到序时进度的项目9个,未达到序时进度项目4个")
    assert tallies_both_ways("已完成3项,进展缓慢项目2项")
    assert not tallies_both_ways("项目23项,未达序时进度2项")  # only the laggards counted
    assert not tallies_both_ways("达到序时进度的项目9个,完成投资8.1亿元")


def test_the_majority_decides_and_quotes_its_counts():
    assert tallied_pace("达到序时进度的项目9个,未达到序时进度项目4个") == (
        "达到序时进度的项目9个，未达到序时进度项目4个"
    )
    assert tallied_pace("达到序时进度的项目3个,未达到序时进度的项目12个") == ""
    assert tallied_pace("完成投资8.1亿元,占年度计划的71.5%") == ""


def test_a_count_of_items_below_the_pace_is_the_reports_yardstick():
    assert counts_laggards("11项主要指标中,有4项低于序时进度")
    assert counts_laggards("12项指标中5项滞后于时间进度")
    assert not counts_laggards("完成年度计划的31.7%,低于序时进度1.6个百分点")  # one item's gap
