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
