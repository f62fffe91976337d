"""Figures in a unit's free-text report: which indicator, which as-of, older or not."""

import pytest

from bot.app.report_figures import (
    ReportedFigure,
    as_of_point,
    find_reported_figure,
    is_older,
    report_as_of,
)
from bot.domain.ledger import IndicatorSpec, TargetSpec

SCREENING = TargetSpec(
    number=35,
    title="慢阻肺防治",
    category="社会事业",
    target_text="完成6.63万人次筛查。落实村级医务人员筛查补助33.15万元。",
    indicators=(
        IndicatorSpec("慢阻肺筛查", "6.63", "万人次"),
        IndicatorSpec("每个乡镇肺功能检测仪", "2", "台"),
        IndicatorSpec("村级医务人员筛查补助", "33.15", "万元"),
    ),
)
LOAN = TargetSpec(
    number=12,
    title="新增贷款",
    category="经济发展",
    target_text="新增贷款完成14亿元。",
    indicators=(
        IndicatorSpec("新增贷款", "14", "亿元", actual="24.43", as_of="截止12月底"),
        IndicatorSpec("企业贷款", "5", "亿元"),
    ),
)


def test_a_figure_in_the_only_indicator_of_its_unit_is_found_without_the_full_name():
    found = find_reported_figure(SCREENING, "补助33.15万元已于1月20日拨付到位")
    assert found == ReportedFigure("村级医务人员筛查补助", "33.15", "万元", "")


def test_the_name_before_the_figure_chooses_among_indicators_of_one_unit():
    assert find_reported_figure(LOAN, "截至11月新增贷款26亿元") == ReportedFigure(
        "新增贷款", "26", "亿元", "截至11月"
    )
    assert find_reported_figure(LOAN, "企业贷款6亿元").indicator == "企业贷款"


def test_a_wrong_unit_is_kept_as_written_for_the_set_check():
    found = find_reported_figure(LOAN, "新增贷款26万元 截至11月")
    assert (found.indicator, found.unit) == ("新增贷款", "万元")


def test_no_figure_or_no_indicator_is_none():
    assert find_reported_figure(LOAN, "正在推进，月底前完成") is None
    assert find_reported_figure(LOAN, "完成3个项目") is None  # no indicator of 个, no name
    assert find_reported_figure(SCREENING, "2020年完成筛查") is None


@pytest.mark.parametrize(
    ("words", "point"),
    [
        ("截止12月底", (12, 31)),
        ("截至11月", (11, 31)),
        ("1-11月份", (11, 31)),
        ("12月20日", (12, 20)),
        ("全年", (12, 31)),
        ("", None),
        ("第四季度", None),
    ],
)
def test_as_of_points(words, point):
    assert as_of_point(words) == point


def test_older_only_when_both_name_a_point():
    assert is_older("截至11月", "截止12月底")
    assert not is_older("截止12月底", "截至11月")
    assert not is_older("截至12月", "截止12月底")  # the same month's end
    assert not is_older("", "截止12月底") and not is_older("截至11月", "")


def test_report_as_of_words():
    assert report_as_of("新增贷款 26亿元 截至11月") == "截至11月"
    assert report_as_of("1-11月份完成投资93.1亿元") == "1-11月份"
    assert report_as_of("已于1月20日拨付") == ""


def test_a_figure_is_never_guessed_from_shared_characters():
    land = TargetSpec(
        number=16,
        title="耕地保护",
        category="生态环境",
        target_text="守住耕地保护红线。",
        indicators=(
            IndicatorSpec("泌阳县代保耕地", "", "万亩", actual="1"),
            IndicatorSpec("代保后耕地保有量缺口", "", "万亩", "<=", "3.88"),
        ),
    )
    assert find_reported_figure(land, "耕地缺口已补足1.2万亩") is None
    assert find_reported_figure(land, "代保后耕地保有量缺口降至2.1万亩").value == "2.1"
