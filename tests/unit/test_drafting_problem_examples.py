"""A 督查通报's 存在问题: a problem stated over its examples ("…投资完成率较低,需要加快项目建设。
如" over a run of items), and items named again as a later problem's examples ("…进展偏慢。如A、
B。"). Made-up texts in the shape of district 重点项目 notices."""

import datetime as dt

from bot.drafting.groups import Group, group_reading
from bot.drafting.named_laggards import laggards_named
from bot.drafting.report_text import parse_report
from bot.drafting.words import status_from_words
from tests.auxil.drafts import drafted_statuses

TODAY = dt.date(2026, 12, 6)

NOTICE = (
    "某区2018年政府投资重点项目督查通报\n"
    "1-9月,各建设单位加大工作力度,重点项目总体进展顺利。\n"
    "一、尚未开工项目前期工作进展情况\n"
    "1. 城东污水管网改造项目正在编制可行性研究报告。\n"
    "2. 中心医院门诊楼改造项目正在进行施工招标。\n"
    "3. 滨河绿道提升工程正在修改设计方案。\n"
    "二、存在问题\n"
    "(一)部分在建项目投资完成率较低,需要加快项目建设。如\n"
    "4. 西湖社区服务中心、\n"
    "5. 老旧小区安防建设工程。\n"
    "(二)部分项目前期工作进展缓慢,影响开工。如城东污水管网改造项目、滨河绿道提升工程。\n"
)


def test_items_under_a_problem_stated_over_its_examples_lag():
    statuses = drafted_statuses(NOTICE, TODAY)
    assert statuses[4] == "滞后"
    assert statuses[5] == "滞后"
    heading = Group("部分在建项目进展不平衡,投资完成率较低,需要加快项目建设。如", 0)
    assert group_reading(heading).value == "滞后"
    assert status_from_words("投资完成率较低").value == "滞后"


def test_items_named_again_as_a_problems_examples_lag():
    statuses = drafted_statuses(NOTICE, TODAY)
    assert statuses[1] == "滞后"
    assert statuses[3] == "滞后"
    assert statuses[2] == "推进中"  # not named: its own words decide


def test_only_an_example_that_opens_one_items_line_is_that_item():
    lines = NOTICE.split("\n")
    found = laggards_named(lines, parse_report(NOTICE).targets)
    assert set(found) == {1, 3}
    assert found[1].words == "部分项目前期工作进展缓慢,影响开工，如城东污水管网改造项目"
    # Examples of done work, or places no item opens with, name no laggard.
    praise = ["部分项目进展顺利。如城东污水管网改造项目。", "部分乡镇进展缓慢。如甲镇、乙镇。"]
    assert laggards_named(praise, parse_report(NOTICE).targets) == {}


LEAD = (
    "某县2023年重点项目1-9月推进情况\n"
    "截至9月底,全县重点项目总体进展顺利,但部分项目进度滞后,包括城东污水处理厂扩建项目、"
    "城西学校新建项目。\n"
    "1. 城东污水处理厂扩建项目,年度计划投资2亿元,完成投资1.2亿元。\n"
    "2. 城西学校新建项目,年度计划投资1亿元,完成投资0.7亿元。\n"
    "3. 人民医院门诊楼项目,年度计划投资3亿元,完成投资2.5亿元。\n"
)


def test_items_a_sentence_of_lateness_in_the_lead_lists_by_name_lag():
    assert drafted_statuses(LEAD, TODAY) == {1: "滞后", 2: "滞后", 3: "推进中"}


def test_a_name_in_a_clause_with_its_own_status_keeps_it():
    text = LEAD.replace(
        "全县重点项目总体进展顺利,但部分项目进度滞后,包括城东污水处理厂扩建项目、城西学校新建项目",
        "城东污水处理厂扩建项目已完工,城西学校新建项目进度滞后",
    ).replace("完成投资1.2亿元", "完成投资2亿元")
    statuses = drafted_statuses(text, TODAY)
    assert statuses[1] == "已完成"
    assert statuses[2] == "滞后"
