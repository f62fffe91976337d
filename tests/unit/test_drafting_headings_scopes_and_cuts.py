"""Status headings that count their group, a year's plan and the projects it is of, scheduled
starts and copies cut inside a target (bot/drafting/groups.py, mentions.py, deadlines.py,
words.py, draft.py). Made-up reports in the shapes session 34's retired folders brought."""

import datetime as dt

from bot.drafting.deadlines import extract_deadlines
from bot.drafting.drafter import draft
from bot.drafting.pairing import pair_indicators
from bot.drafting.report_text import parse_report
from bot.drafting.words import status_from_words


def _statuses(text: str, today: dt.date) -> dict[int, tuple[str, str]]:
    ledger = draft(parse_report(text), text, today=today).ledger
    return {t.number: (t.status_override, t.status_reason) for t in ledger.targets}


# A notice sorted by status group whose copy lost the counting word of the first heading.
SORTED = """2019年县重点民生实事进展情况督查通报
现将重点民生实事截至9月底进展情况通报如下:
一、已完成全年目标任务的3
1. 城北小学教学楼建设。已竣工。
2. 县医院门诊楼改造。主体已完工,正在进行内部装修。
3. 城南卫生院综合楼
"""


def test_a_heading_that_files_items_as_done_governs_them():
    by = _statuses(SORTED, dt.date(2019, 10, 15))
    assert [by[n][0] for n in (1, 2, 3)] == ["已完成"] * 3
    # the office's verdict outranks finishing work going on, and a line the copy cut
    assert by[2][1] == "所在分组“已完成全年目标任务的3”"
    assert "已完成全年目标任务" in by[3][1]


# A note whose groups run on into their items after a comma, each counting its own.
RUN_ON = """1-4月某区民生实事有序推进
截至四月底,全区民生实事有序推进。工程类民生实事中,
1. 新建公办幼儿园完成率100%;
2项正在抓紧实施,
2. 城区排水管网改造正在实施、
3. 农贸市场改造提升;
4. 城南公共厕所新建、
5. 口袋公园建设等2项动态达到年度目标。
6. 法律援助进社区常态化开展。
"""


def test_a_count_that_runs_on_into_its_items_heads_only_as_many():
    by = _statuses(RUN_ON, dt.date(2024, 5, 11))
    assert by[1][0] == "已完成"  # its own "完成率100%", not the next group's heading
    assert by[3] == ("推进中", "所在分组“2项正在抓紧实施”")
    assert [by[n][0] for n in (4, 5)] == ["已完成"] * 2  # "等2项动态达到年度目标"
    assert "抓紧实施" not in by[6][1]  # past the two the heading counts


def test_the_years_target_reached_is_done_unless_promised():
    assert status_from_words("等2项动态达到年度目标").value == "已完成"
    assert status_from_words("力争达到年度目标") is None
    assert status_from_words("确保实现全年目标") is None


def _dates(text: str) -> list[str]:
    return [d.date.isoformat() for d in extract_deadlines(text, 2024)]


def test_a_scheduled_start_is_a_milestone_and_the_year_end_stays():
    assert _dates("农村公路养护工程11公里5月份开工,提质改造完成70%") == [
        "2024-05-31",
        "2024-12-31",
    ]
    assert _dates("9月底前开工建设城东污水处理厂") == ["2024-09-30"]  # a deadline to start


def test_projects_counted_beside_their_whole_scale_and_the_years_plan_are_no_target():
    target = "2021年,全市实施重点项目120个,概算总投资300亿元,年度计划投资80亿元。"
    done = "截至目前,在建项目70个,竣工项目20个,完成投资45亿元。"
    figures = [(p.indicator.target, p.indicator.actual) for p in pair_indicators(target, done)]
    assert ("80", "45") in figures
    assert ("120", "") in figures  # kept as the report counts them, answered by nothing
    places = "3个乡镇共实施重点项目50个,概算总投资90亿元,年度计划投资30亿元。"
    paired = [p.indicator for p in pair_indicators(places, done)]
    assert [(i.target, i.actual) for i in paired if i.target and i.actual] == [("30", "45")]


CUT_IN_TARGET = """某区2018年上半年计划执行情况
1. 全年地区生产总值计划增长8%。上半年增长8.5%。
2. 全年单位生产总值能耗降低率和二氧化碳排放降低率目标值分别为3%和4
"""


def test_a_copy_cut_while_it_states_targets_tells_no_progress():
    by = _statuses(CUT_IN_TARGET, dt.date(2018, 7, 20))
    assert by[2] == ("暂无数据", "报告在这一项中断，未写出进展")


RESPECTIVE = """1-4月某区民生实事有序推进
截至四月底,全区民生实事有序推进。保障类民生实事中,
1. 困难群体法律援助、
2. 送戏进万村活动、
3. 老有所学行动等3项完成率分别达38%、64%、99%;
4. 巩固菜市整治效果、
5. 严打电信网络诈骗等2项常态化开展。
"""


def test_a_counted_run_gives_each_name_its_own_figure_after_fenbie():
    ledger = draft(parse_report(RESPECTIVE), RESPECTIVE, today=dt.date(2024, 5, 11)).ledger
    by = {t.number: t for t in ledger.targets}
    assert [by[n].status_reason for n in (1, 2, 3)] == [
        "报告称“完成率达38%”",
        "报告称“完成率达64%”",
        "报告称“完成率达99%”",
    ]
    assert by[3].title == "老有所学行动"
    # 等 and the count close a run whose words state no status: the names are the items'.
    assert by[5].title == "严打电信网络诈骗"
    assert by[5].status_override == "推进中"


def test_a_planned_list_is_named_by_what_is_planned():
    text = (
        "某市上半年城建项目实现双过半\n1. 2021年,全市谋划实施城市更新提质项目120个,"
        "年度计划投资80亿元。截至目前,完成投资45亿元。\n"
    )
    ledger = draft(parse_report(text), text, today=dt.date(2021, 7, 8)).ledger
    assert ledger.targets[0].title == "城市更新提质项目"
