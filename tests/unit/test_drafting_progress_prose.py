"""Progress told in one paragraph per field, without the targets' sentences: the figures are
what was done, their shares of targets the report does not write say how far; done words
said of a part of the work or of its money are no verdict on the target.

Every example is a short made-up report, not a line of a real one."""

import datetime as dt

from bot.domain.status import compute_status
from bot.drafting.draft import shares_of_unwritten_targets
from bot.drafting.drafter import draft
from bot.drafting.report_text import parse_report
from bot.drafting.words import status_from_words

TODAY = dt.date(2026, 12, 6)

BY_FIELD = "\n".join(
    [
        "某省2022年民生实事进展(截至6月底)",
        "1. 促进就业方面,全省城镇新增就业3.2万人、农村劳动力转移就业40.5万人,分别完成目标任务的"
        "64%和81%;培训城乡劳动者5.1万人次,完成目标任务的102%。",
        "2. 改善教育条件方面,20%的智慧校园项目已建成并投入使用;规划的12所新建幼儿园已全部开工。",
        "3. 便民医疗方面,远程诊疗项目资金已全部下达;已开通异地结算定点医院45家,"
        "占年度计划任务的60%。",
    ]
)


def _drafted(text: str):
    drafted = draft(parse_report(text), text, today=TODAY)
    return drafted, {t.number: t for t in drafted.ledger.targets}


def test_figures_beside_shares_of_unwritten_targets_are_what_was_done():
    _drafted_, targets = _drafted(BY_FIELD)
    assert [(i.name, i.target, i.actual, i.unit) for i in targets[1].indicators] == [
        ("全省城镇新增就业", "", "3.2", "万人"),
        ("农村劳动力转移就业", "", "40.5", "万人"),
        ("培训城乡劳动者", "", "5.1", "万人次"),
    ]


def test_a_sentence_that_writes_its_target_has_no_unwritten_targets():
    assert shares_of_unwritten_targets("新增就业3.2万人,完成目标任务的64%")
    assert not shares_of_unwritten_targets("目标任务5万人,新增就业3.2万人,完成目标任务的64%")
    assert not shares_of_unwritten_targets("新增就业3.2万人,同比增长6%")


def test_done_words_said_of_a_part_or_of_the_money_are_no_verdict():
    assert status_from_words("20%的智慧校园项目已建成并投入使用") is None
    assert status_from_words("远程诊疗项目资金已全部下达") is None
    assert status_from_words("远程诊疗系统已全部建成").value == "已完成"


def test_a_field_under_way_is_under_way():
    drafted, targets = _drafted(BY_FIELD)
    statuses = {n: compute_status(t, drafted.judging_day) for n, t in targets.items()}
    # 2: begun everywhere is not built; 3: 60% of the year's plan.
    assert statuses == {1: "推进中", 2: "推进中", 3: "推进中"}


def test_a_section_or_phase_done_is_no_verdict_on_the_whole():
    assert status_from_words("已全面完成东段排水管网敷设,西段完成400米") is None
    assert status_from_words("已完成一期工程建设") is None
    assert status_from_words("已完成全线排水管网敷设").value == "已完成"


def test_money_allocated_is_a_step_and_money_paid_out_is_the_work():
    assert status_from_words("项目资金已全部下达") is None
    assert status_from_words("困难群众补助资金已全部发放").value == "已完成"


def test_a_share_of_the_years_goal_or_plan_is_a_share_of_an_unwritten_target():
    assert shares_of_unwritten_targets("新增就业3.2万人,完成年度目标的64%")
    assert shares_of_unwritten_targets("改造农房800户,占全年计划的40%")


def test_work_waiting_to_be_checked_above_is_no_lack_of_data():
    assert status_from_words("已完成结对帮扶任务,待省教育厅审核").value == "已完成"
    assert status_from_words("待省统一部署后启动实施").value == "暂无数据"


def test_a_target_written_inside_the_share_of_it_done_pairs_with_the_result():
    text = (
        "某市2031年民生实事1-9月实施情况\n"
        "1.1-9月累计发放创业担保贷款4.6亿元,完成全年5亿元目标任务的92%;\n"
        "2.新增养老床位1800张,占年度2400张计划的75%。\n"
        "3.完成交通投资12.6亿元,为年度计划12亿元的105%。\n"
    )
    ledger = draft(parse_report(text), text, today=dt.date(2031, 10, 20)).ledger
    pairs = [
        [(i.target, i.unit, i.actual) for i in t.indicators if i.target] for t in ledger.targets
    ]
    assert pairs == [[("5", "亿元", "4.6")], [("2400", "张", "1800")], [("12", "亿元", "12.6")]]


def test_a_plan_figure_in_the_progress_under_a_heading_without_figures_is_the_target():
    text = (
        "某县上半年民生实事进展\n"
        "1.公共充电设施加快布局\n"
        "2031年全县新增计划建设充电桩600个,完成建设452个,完成年度任务75.3%。同时推进平台建设。\n"
        "2.农村道路提档\n"
        "完成道路硬化36公里,较上年同期增长12%。\n"
    )
    ledger = draft(parse_report(text), text, today=dt.date(2031, 7, 10)).ledger
    first, second = ledger.targets
    assert [(i.target, i.actual) for i in first.indicators if i.target] == [("600", "452")]
    assert not [i for i in second.indicators if i.target and i.actual]
