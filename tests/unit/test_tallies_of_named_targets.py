"""A status a named target writes as its own tally is asked of that target, not a list by
status (session 33, h11-rank15; invented targets): a 督查通报 counts "达到序时进度的项目7个"
inside one target's text, and "省重点项目达到序时进度的有几个" asks for that count."""

import datetime as dt

import pytest

from bot.domain.ledger import TargetSpec
from tests.auxil.ledgers import answerer_on, small_ledger


@pytest.fixture(scope="module")
def projects():
    targets = (
        TargetSpec(
            1,
            "省重点投资项目",
            "经济发展",
            "全县省重点投资项目达到序时进度的项目7个,未达到序时进度项目6个,"
            "累计完成投资12.01亿元。",
        ),
        TargetSpec(
            2,
            "十大建设项目",
            "经济发展",
            "十大建设项目达到序时进度的项目2个,未达到序时进度的项目8个,累计完成投资5.63亿元。",
        ),
        TargetSpec(
            3,
            "办实事十大项目",
            "民生保障",
            "为民办实事十大项目已完成年度任务1项,达到序时进度的有5项,进展缓慢项目4项。",
        ),
        TargetSpec(4, "公共财政预算支出", "经济发展", "公共财政预算支出增长3.4%。"),
    )
    ledger = small_ledger(2013, *targets, title="重点工作")
    return answerer_on(ledger, dt.date(2013, 9, 30))


def test_a_status_the_named_target_tallies_is_its_count(projects):
    answer = projects.ask("省重点项目达到序时进度的有几个")
    assert answer.intent == "target" and answer.targets[0] == 1


def test_a_figure_only_one_target_holds_names_it_beside_its_status(projects):
    answer = projects.ask("进展缓慢项目4项的是哪个")
    assert answer.intent == "target" and answer.targets[0] == 3


@pytest.fixture(scope="module")
def indicators():
    targets = (
        TargetSpec(1, "地区生产总值", "经济发展", "地区生产总值同比增长3.2%,塌目标1.8个百分点;"),
        TargetSpec(
            2, "规上工业增加值", "经济发展", "规上工业增加值增长10.1%,高于目标2.1个百分点;"
        ),
        TargetSpec(
            3, "一般公共预算收入", "经济发展", "一般公共预算收入同比增长1.3%,塌目标18.7个百分点;"
        ),
    )
    ledger = small_ledger(2023, *targets, title="经济运行")
    return answerer_on(ledger, dt.date(2023, 6, 30))


def test_a_status_several_targets_write_alike_stays_a_list(indicators):
    answer = indicators.ask("哪些指标塌目标了")
    assert answer.intent == "list"


def test_what_is_said_of_a_village_is_what_a_report_writes_of_it():
    # 村里 is the report's 村内 (村内道路, 村内桥梁) as much as its 农村.
    ledger = small_ledger(
        2021,
        TargetSpec(1, "村内道路", "城乡建设", "完成村内道路建设2457公里。"),
        TargetSpec(2, "村内桥梁", "城乡建设", "32座村内桥梁已开工建设。"),
        TargetSpec(3, "太阳能路灯", "城乡建设", "安装太阳能路灯6059盏。"),
        TargetSpec(4, "文体活动广场", "社会事业", "修建文体活动广场11.38万平米。"),
    )
    answerer = answerer_on(ledger, dt.date(2021, 7, 31))
    answer = answerer.ask("村里的桥修得咋样")
    assert answer.intent == "target" and answer.targets[0] == 2
