"""Tallies of decided matters (确定事项N项,完成M项,正在办理K项), verdicts on pace said of a whole
or of its parts (超序时进度 / 未达序时进度项目3项为…, 进展较慢的是某县), and words that say there
is nothing to measure yet. Made-up texts in the shapes of real 督办通报 and 重点项目 notes."""

import datetime as dt

from bot.drafting.draft import shares_of_unwritten_targets
from bot.drafting.report_text import parse_report
from bot.drafting.sentences import split_sentence
from bot.drafting.words import status_from_words
from tests.auxil.drafts import drafted, drafted_statuses

TODAY = dt.date(2026, 12, 6)


def _drafted(text: str, today: dt.date = TODAY):
    return drafted(text, today)


def _statuses(text: str, today: dt.date = TODAY) -> dict[int, str]:
    return drafted_statuses(text, today)


TALLY = (
    "关于2023年县政府专题会议议定事项落实情况的通报\n"
    "县政府督查室对2023年专题会议议定事项落实情况进行了督查。现通报如下:\n"
    "1.(一)县政府专题会议议定事项落实情况。全年共召开专题会议6次,确定事项28项,完成26项,"
    "正在办理2项,完成率92.9%\n"
    "2.第三次专题会议确定事项12项,完成10项,正在办理2项,完成率83.3%;\n"
    "3.第四次专题会议确定事项9项,完成9项,完成率100%;\n"
)


def test_matters_still_being_handled_after_the_year_are_under_way_not_failed():
    statuses = _statuses(TALLY)
    assert statuses[1] == "推进中"
    assert statuses[2] == "推进中"
    assert statuses[3] == "已完成"


def test_decided_matters_under_a_heading_are_the_target_of_those_done():
    _, targets = _drafted(TALLY)
    pairs = {(i.target, i.actual, i.unit) for i in targets[1].indicators if i.target}
    assert pairs == {("28", "26", "项")}  # the 6 meetings held are no target


def test_the_count_still_being_handled_goes_with_what_was_done():
    planned, done = split_sentence("全年共交办事项50项,完成45项,正在办理5项,完成率90%")
    assert planned == "全年共交办事项50项,"
    assert "正在办理5项" in done


def test_lateness_said_of_places_a_cleft_names_is_not_the_items():
    said = status_from_words(
        "各县正在推进村内道路建设,进展较慢的是甲县(12.5%)、乙区(3%),未开工的是丙农场。"
    )
    assert said.value == "推进中"
    assert status_from_words("甲县村内道路建设进展较慢。").value == "滞后"


def test_the_share_of_the_works_done_outweighs_a_start():
    said = status_from_words("新建乡镇污水站8座,全部已开工,工程进度为55%。")
    assert (said.value, said.words) == ("推进中", "工程进度为55%")


def test_no_list_of_projects_yet_is_nothing_to_measure():
    assert status_from_words("新区建设指挥部:暂未明确项目清单。").value == "暂无数据"


PACE_NOTE = (
    "2022年1-6月全市重点项目推进情况通报\n"
    "1.全市15项省重点项目年度计划投资40亿元,1-6月累计完成投资22亿元,超序时进度5个百分点。\n"
    "未达序时进度项目2项为:甲路改造工程(开工滞后)、乙园区标准厂房(投资滞后)。\n"
    "2.交通建设指挥部:项目12项,未达序时进度3项为:丙桥、丁路、戊站。\n"
)


def test_a_whole_ahead_of_pace_is_not_behind_for_the_projects_it_names_late():
    statuses = _statuses(PACE_NOTE)
    assert statuses[1] == "推进中"
    assert statuses[2] == "滞后"  # nothing says how the whole stands: its laggards decide


START_NOTE = (
    "2023年1-4月全县重点项目推进情况\n"
    "1.全县安排重点项目50宗,年度投资计划100亿元。1-4月,完成投资30亿元,完成年度计划投资的30%。\n"
    "2.新开工项目20宗(已开工5宗),完成投资8.2亿元,完成年度计划投资的41.5%。"
    "12宗未开工项目中,省重点项目3宗,县重点项目9宗。\n"
)


def test_a_line_giving_its_share_of_the_years_plan_investment_pairs_its_whole_and_part():
    assert shares_of_unwritten_targets("完成投资8.2亿元,完成年度计划投资的41.5%。")
    _, targets = _drafted(START_NOTE)
    pairs = [(i.name, i.target, i.actual, i.unit) for i in targets[2].indicators if i.target]
    assert pairs == [("新开工项目开工", "20", "5", "宗")]


def test_projects_not_started_beside_a_share_ahead_of_the_year_are_not_the_items_lateness():
    assert _statuses(START_NOTE)[2] == "推进中"


SHARES = (
    "县为民办实事项目推进完成情况\n"
    "截至9月底,全县20项为民办实事项目稳步推进。\n"
    "1.完成新增农村户用沼气池360口,完成进度为72%;\n"
    "2.完成改造农村危房420户,完成进度为84%。\n"
)


def test_a_completion_share_is_no_target_and_makes_its_lines_figures_results():
    for text, today in ((SHARES, TODAY), (SHARES.replace("截至9月底,", ""), dt.date(2026, 10, 9))):
        _, targets = _drafted(text.replace("县为", "2026年县为"), today)
        figures = {(i.target, i.actual, i.unit) for i in targets[1].indicators}
        assert figures == {("", "360", "口"), ("", "72", "%")}, text


def test_a_title_set_off_by_marks_is_no_progress_of_the_item_above_it():
    text = (
        "2022年1-6月重点项目推进情况\n"
        "§省重点项目§\n"
        "1.全县6项省重点项目年度计划投资12亿元,累计完成投资7亿元。\n"
        "【市重点项目】\n"
        "2.全县20项市重点项目年度计划投资30亿元,累计完成投资16亿元。\n"
        "[县重点项目]\n"
        "3.全县80项县重点项目年度计划投资50亿元,累计完成投资26亿元。\n"
    )
    report = parse_report(text)
    assert [t.progress_text for t in report.targets] == ["", "", ""]
