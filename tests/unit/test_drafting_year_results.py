"""A report of the year's results lists what was done with no target beside it: its figures
are actuals and the office counts the work done, unless the work goes on (statuses.py,
sentences.tells_results); a news line announcing who tells of the next items is no item's
progress (draft.py)."""

import datetime as dt

from bot.drafting.drafter import draft
from bot.drafting.report_text import parse_report
from bot.drafting.sentences import tells_results

YEAR_END = """某县召开2024年度民生实事项目完成情况通报会
会上,县教育局通报了教育项目成果。
1.全县新建幼儿园3所,新增学位540个。
2.完成120所学校食堂明厨亮灶改造。
县卫健局重点介绍了医疗服务提升情况。
3.过去一年,我县实施了一批村卫生室标准化改造工程。
4.同时深入开展医保基金专项整治,守护群众看病钱。
5.全县计划新建养老院2所,已建成1所。
"""


def _ledger(text: str, today: dt.date):
    return draft(parse_report(text), text, today=today).ledger


def test_results_of_the_year_are_actuals_and_done():
    ledger = _ledger(YEAR_END, dt.date(2025, 1, 20))
    by = {t.number: t for t in ledger.targets}
    assert [(i.target, i.actual) for i in by[1].indicators] == [("", "3"), ("", "540")]
    assert by[1].status_override == "已完成"
    assert "年度完成情况" in by[1].status_reason
    assert by[2].status_override == "已完成"  # the bureau's line below it is not its progress
    assert by[3].status_override == "已完成"  # "实施了一批…工程": done in the past tense
    assert by[4].status_override == "推进中"  # a campaign that goes on has no end state
    # a target written with its result is judged by its figures as before
    assert [(i.target, i.actual) for i in by[5].indicators] == [("2", "1")]
    assert by[5].status_override != "已完成"


def test_a_mid_year_report_of_the_same_words_counts_nothing_done():
    text = YEAR_END.replace("2024年度民生实事项目完成情况通报会", "2024年1-6月民生实事推进情况")
    ledger = _ledger(text, dt.date(2024, 7, 10))
    assert ledger.targets[0].status_override != "已完成"


def test_words_of_work_to_come_or_going_on_are_no_results():
    assert tells_results("建成老年食堂12个、助餐点65个,")
    assert tells_results("新改建农村公路18公里,路网密度持续提升。")
    assert not tells_results("计划新建农村公路18公里。")
    assert not tells_results("深入开展燃气安全排查整治。")
    assert not tells_results("预计年底前建成老年食堂12个。")


def test_a_figure_of_the_works_scope_is_no_result():
    assert not tells_results("投资300万元的东环路改造工程,完成全部工程。")
    assert tells_results("在全县246个建制村实现服务点全覆盖。")


def _status(text: str) -> tuple[str, str]:
    ledger = _ledger(text, dt.date(2023, 11, 20))
    target = ledger.targets[0]
    return target.status_override, target.status_reason


def test_done_words_answer_the_money_that_qualifies_the_work():
    # The investment names the project's size; the work is what was to be done.
    done = (
        "某镇2023年为民办实事进展情况\n"
        "1.投资800万元的滨河路改造工程,已完成全部工程量,于9月竣工验收。\n"
    )
    assert _status(done)[0] == "已完成"
    # An amount of work left unanswered still wants its figure, unless all of it is said done.
    houses = "某镇2023年为民办实事进展情况\n1.改造农村危房120户,已完工。\n"
    assert _status(houses)[0] != "已完成"
    all_of_them = "某镇2023年为民办实事进展情况\n1.改造农村危房120户,已全部完工。\n"
    assert _status(all_of_them)[0] == "已完成"


UNDATED = "某县民生实事推进情况\n1.新建幼儿园4所,已建成2所。\n"


def test_an_undated_report_drafted_inside_its_year_is_judged_on_that_day():
    during = draft(parse_report(UNDATED), UNDATED, year=2024, today=dt.date(2024, 7, 15))
    assert during.judging_day == dt.date(2024, 7, 15)
    assert "按导入当天" in during.as_of_text
    after = draft(parse_report(UNDATED), UNDATED, year=2024, today=dt.date(2025, 2, 1))
    assert after.judging_day == dt.date(2025, 1, 1)  # the year's close, as before


def test_totals_of_the_year_and_results_beside_ongoing_work_are_results():
    assert tells_results("全年发放困难群众救助资金1.2亿元,惠及2.3万人。")
    assert tells_results("共建成农村公路45公里。")
    assert tells_results("全面推进农村公路建设,新改建18公里。")
    assert not tells_results("计划新建农村公路20公里。")
    text = "某县2024年度民生实事完成情况\n1.全面推进农村公路建设,新改建18公里。\n"
    (target,) = _ledger(text, dt.date(2025, 1, 15)).targets
    assert [(i.target, i.actual) for i in target.indicators] == [("", "18")]
    assert target.status_override == "已完成"


def test_an_undated_report_of_results_in_december_is_the_years():
    text = "某县2024年民生实事完成情况\n1.建设老年食堂。\n建成老年食堂12个、助餐点65个。\n"
    december = _ledger(text, dt.date(2024, 12, 28)).targets[0]
    assert december.status_override == "已完成"
    july = _ledger(text, dt.date(2024, 7, 10)).targets[0]
    assert july.status_override != "已完成"


DONE_LIST = """某区去年12项惠民工程全部完成年度目标任务
记者从区发改局获悉,2031年该区实施了12项惠民工程,全部完成年度目标任务。
1.托育服务提质。新增普惠托位460个,开设社区托育点9处。
2.保障房建设加力。计划开工安置房1200套,基本建成900套。
3.农村供水改造。为困难家庭改造供水管网86公里,尚有2个村管网正在铺设。
4.助残服务。为困难残疾人发放补贴3600人次。
"""


def test_an_opening_saying_the_whole_list_is_done_covers_items_without_contrary_words():
    by = {t.number: t for t in _ledger(DONE_LIST, dt.date(2032, 1, 20)).targets}
    assert by[1].status_override == "已完成"
    assert "全部完成" in by[1].status_reason
    assert by[2].status_override == "已完成"  # "基本建成900套" is the year's measure, not "nearly"
    assert by[3].status_override != "已完成"  # its own words say work goes on
    assert by[4].status_override == "已完成"  # "困难残疾人" names who is helped, no doubt


YEAR_END_NEWS = """2031年某县惠民实事年终盘点
近日,记者从县发改局获悉,2031年县政府承诺的惠民实事进展顺利。
1.就业增收。全年城镇新增就业5260人,开展技能培训1.2万人次。
2.养老服务。建成乡镇养老服务中心6个,新增养老床位420张。
3.安居工程。老旧小区改造完成18个,剩余3个因施工困难推迟至明年完成。
"""


def test_after_the_year_a_line_of_results_tells_what_was_done():
    by = {t.number: t for t in _ledger(YEAR_END_NEWS, dt.date(2032, 1, 8)).targets}
    assert [(i.target, i.actual) for i in by[1].indicators] == [("", "5260"), ("", "1.2")]
    assert by[1].status_override == "已完成"
    assert by[2].status_override == "已完成"
    assert by[3].status_override == "未完成"  # the rest put off to next year
    assert "推迟至明年" in by[3].status_reason


def test_a_share_of_the_years_task_short_of_it_after_the_year_is_not_done():
    text = (
        "2031年全市惠民实事推进情况\n今年以来,全市扎实推进惠民实事。\n"
        "1.新增城镇就业。全市新增城镇就业4.6万人,完成全年目标任务的92%。\n"
        "2.农村危房改造。改造农村危房1200户,完成全年目标任务的100%。\n"
    )
    during = _ledger(text, dt.date(2031, 12, 28)).targets
    after = _ledger(text, dt.date(2032, 1, 15)).targets
    assert during[0].status_override == "推进中"  # time remains in December
    assert after[0].status_override == "未完成"
    assert after[1].status_override == "已完成"


def test_work_behind_in_a_report_of_the_years_close_is_not_done():
    text = (
        "某县2031年惠民实事年度完成情况\n"
        "1.新建县城第四小学。因用地问题,项目尚未开工。\n"
        "2.改造城区背街小巷8条。进展缓慢,仅完成3条。\n"
    )
    first, second = _ledger(text, dt.date(2032, 1, 12)).targets
    assert first.status_override == "未完成" and "尚未开工" in first.status_reason
    assert second.status_override == "未完成"


def test_all_of_the_work_said_done_answers_the_figures_it_was_set_in():
    text = (
        "某县2031年惠民实事年度完成情况\n"
        "1.新建城区公厕20座。已全部建成投用。\n"
        "2.改造农村危桥15座。均已完工并通过验收。\n"
        "3.改造老旧小区1000户。2030年批次的小区目前已全部完工,今年的正在施工。\n"
    )
    first, second, third = _ledger(text, dt.date(2032, 1, 12)).targets
    assert first.status_override == "已完成" and second.status_override == "已完成"
    assert third.status_override != "已完成"  # the all-done words speak of another year's batch
