"""Indicator names a clerk can read: the thing a figure counts, not the pairing's fallback
("指标"), a word of the plan ("任务") or the old level of a raised standard; and villages as a
unit ("282个村"). Made-up texts."""

import pytest

from bot.domain.ledger import IndicatorSpec
from bot.domain.units import same_measure
from bot.drafting.indicator_names import plainly_named, readable_name
from bot.drafting.pairing import Pairing, pair_indicators
from bot.drafting.text_figures import extract_figures


def _target(name, value, unit, actual=""):
    return IndicatorSpec(name=name, target=value, unit=unit, comparator=">=", actual=actual)


def _actual(name, value, unit):
    return IndicatorSpec(name=name, actual=value, unit=unit)


@pytest.mark.parametrize(
    ("indicator", "text", "name"),
    [
        # A figure opening its sentence: what it counts is written after it.
        (_target("指标", "15", "公里", "6.3"), "15公里滨河绿道已完成6.3公里;", "滨河绿道"),
        (_target("指标", "240", "户", ""), "完成240户困难家庭适老化改造。", "困难家庭适老化改造"),
        # Which things count ("500人以上的"), and the head after the last 的.
        (_actual("指标", "86", "个"), "完成86个500人以上的村的村庄规划编制。", "村庄规划编制"),
        # An aside in brackets is no part of the name.
        (_target("指标", "2", "个"), "2个(东苑、西苑)小区雨污分流工程", "小区雨污分流工程"),
        # A word of the plan names nothing: the clause before it does.
        (
            _target("任务", "150", "个村"),
            "人居环境示范村创建,全年任务为150个村,已全部完成;",
            "人居环境示范村创建",
        ),
        # A bare modifier ending in 的 ("规划的") before what it modifies.
        (_target("规划的", "12", "所"), "规划的12所新建小学已开工8所", "新建小学"),
        # Nothing after the figure: the words before it, quotation marks and verbs gone.
        (
            _target("指标", "300", "个"),
            "建设新能源汽车“充电站”300个\n已完成选址",
            "新能源汽车充电站",
        ),
    ],
)
def test_a_nameless_figure_is_named_by_what_it_counts(indicator, text, name):
    assert readable_name(indicator, text) == name


@pytest.mark.parametrize(
    ("name", "plan"),
    [
        ("计划的", "计划"),
        ("占年度投资计划的", "年度投资计划"),
        ("完成目标任务3200人的", "目标任务"),
    ],
)
def test_a_share_of_the_plan_is_named_as_the_plan_done(name, plan):
    assert readable_name(_actual(name, "96.5", "%"), "") == f"{plan}完成率"


def test_a_share_in_brackets_after_a_count_is_the_share_done():
    text = "6个社区食堂建设\n已完成4个(66.7%)"
    assert readable_name(_actual("指标2", "66.7", "%"), text) == "完成比例"


def test_a_raised_standard_is_named_by_what_is_raised():
    text = "(中职学生助学金标准从每生每年1800元提高到2000元)"
    indicator = _target("标准从每生每年1800元", "2000", "元")
    assert readable_name(indicator, text) == "中职学生助学金标准"


def test_a_rate_per_head_and_month_names_the_measure_after_it():
    indicator = _target("镇居民每人每月增发生活补贴", "30", "元")
    assert readable_name(indicator, "城镇居民每人每月增发生活补贴30元") == "增发生活补贴"
    # A measure per so many people is a measure of its own, and keeps its name.
    assert readable_name(_target("每千人口托位数", "4", "个"), "") == "每千人口托位数"


@pytest.mark.parametrize(
    ("name", "text", "better"),
    [
        ("我县今年计划新建", "我县今年计划新建12个社区图书室,现已建成9个;", "社区图书室"),
        ("现", "40公里乡村旅游公路,现已完成46公里;", "乡村旅游公路"),
        ("统筹抓好", "统筹抓好120个共富项目", "共富项目"),
        ("新建", "新建2所以留守儿童寄宿为主要功能的乡镇中心小学。", "乡镇中心小学"),
        ("区", "5个乡镇(街道)区120个村“清洁家园”行动已全部验收", "区"),  # nothing better
    ],
)
def test_a_name_of_only_who_when_and_doing_is_named_by_what_is_counted(name, text, better):
    value, unit = {"我县今年计划新建": ("12", "个"), "现": ("40", "公里"), "新建": ("2", "所"),
                   "区": ("120", "个村"), "统筹抓好": ("120", "个")}[name]  # fmt: skip
    assert readable_name(_target(name, value, unit), text) == better


def test_a_name_cut_at_a_joining_word_names_the_task_its_figure_counts():
    text = "新建标准化养殖场20个和30万吨秸秆青贮"
    assert readable_name(_target("标准化养殖场和", "30", "万吨"), text) == "秸秆青贮"
    assert readable_name(_actual("并推广有机肥", "4200", "吨"), "") == "推广有机肥"


def test_a_named_figure_keeps_its_name_and_names_never_repeat():
    text = "9公里健身步道已完成9公里,9公里健身步道二期已完成"
    named = _target("健身步道", "9", "公里", "9")
    nameless = _target("指标", "9", "公里")
    result = plainly_named([Pairing(named, 1.0, ""), Pairing(nameless, 1.0, "")], text)
    assert [p.indicator.name for p in result] == ["健身步道", "指标"]


def test_the_pairing_of_a_sentence_opening_on_its_figure_is_named_after_it():
    pairings = pair_indicators("24公里供水管网改造", "已完成17公里")
    named = plainly_named(pairings, "24公里供水管网改造已完成17公里")
    assert [(p.indicator.name, p.indicator.actual) for p in named] == [("供水管网改造", "17")]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("全年任务为96个村,已全部完成", "个村"),  # the village word closes its clause
        ("覆盖41个村(社区)", "个村"),
        ("完成210个村庄规划", "个"),  # 村庄: 个 counts the plans' villages as a word
        ("建成8个村卫生室", "个"),
        ("12个村实现集中供水", "个"),  # the subject of what follows
    ],
)
def test_villages_are_the_unit_only_where_the_village_word_closes_its_clause(text, unit):
    assert [f.unit for f in extract_figures(text)] == [unit]


def test_villages_with_or_without_their_measure_word_are_one_measure():
    assert same_measure("个村", "村")
    assert not same_measure("个村", "个")
