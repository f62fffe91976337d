"""Converting one measure between the units it is written in (bot/domain/units.py)."""

import dataclasses
from decimal import Decimal

import pytest

from bot.domain.ledger import KNOWN_UNITS, IndicatorSpec
from bot.domain.status import completion_ratio, indicator_met
from bot.domain.units import actual_in_target_unit, convert, same_measure, split_unit


@pytest.mark.parametrize(
    ("value", "written", "wanted", "expected"),
    [
        ("104789.64", "万元", "亿元", "10.478964"),
        ("8.75", "亿元", "万元", "87500"),
        ("79891", "人", "万人次", "7.9891"),
        ("6.63", "万人次", "人次", "66300"),
        ("0.71", "万亩", "亩", "7100"),
        ("47", "家", "个", "47"),
        ("2600", "吨", "吨/年", "2600"),
        ("55", "公里", "千米", "55"),
        ("6.2", "万人", "万名", "6.2"),  # people counted by 名: "为10万名妇女开展筛查"
        ("1.5", "万名", "人", "15000"),
        ("0.9", "万吨标准煤", "万吨标煤", "0.9"),  # standard coal, written both ways
        ("4500", "吨标煤", "万吨标准煤", "0.45"),
    ],
)
def test_magnitudes_and_declared_equivalences_convert(value, written, wanted, expected):
    assert convert(Decimal(value), written, wanted) == Decimal(expected)


@pytest.mark.parametrize(
    ("a", "b"), [("个", "万元"), ("%", "人"), ("亩", "平方米"), ("万个", "个")]
)
def test_different_measures_do_not_convert(a, b):
    assert convert(Decimal(1), a, b) is None
    assert not same_measure(a, b) or a == "%"


def test_a_magnitude_only_scales_the_units_that_take_one():
    assert split_unit("万元") == (Decimal(10_000), "元")
    assert split_unit("万个") == (Decimal(1), "万个")  # never a silent 10,000 counted things


def test_a_percentage_against_a_count_is_a_share_of_the_target():
    assert actual_in_target_unit(Decimal("104.48"), "%", Decimal("0.8"), "万人") == Decimal(
        "0.83584"
    )
    assert actual_in_target_unit(Decimal("104.48"), "%", None, "万人") is None
    assert actual_in_target_unit(Decimal("5"), "%", Decimal("4"), "%") == Decimal("5")


def test_completion_and_verdict_use_the_converted_actual():
    copd = IndicatorSpec(
        name="慢阻肺筛查", target="6.63", unit="万人次", actual="79891", actual_unit="人"
    )
    assert copd.comparable and indicator_met(copd) is True
    assert completion_ratio(copd) == Decimal("120.5")
    debt = IndicatorSpec(
        name="化解隐性债务", target="8.75", unit="亿元", actual="104789.64", actual_unit="万元"
    )
    assert completion_ratio(debt) == Decimal("119.8")
    assert debt.actual == "104789.64" and debt.shown_actual_unit == "万元"  # as written


def test_an_actual_in_a_unit_that_does_not_convert_is_not_compared():
    odd = IndicatorSpec(name="x", target="5", unit="个", actual="3", actual_unit="万元")
    assert not odd.comparable
    assert indicator_met(odd) is None and completion_ratio(odd) is None


def test_a_per_head_amount_is_its_own_measure():
    assert "元/人" in KNOWN_UNITS
    assert split_unit("元/人") == (Decimal(1), "元/人")
    assert convert(Decimal(1500), "元/人", "元/人") == Decimal(1500)
    for other in ("元", "万元", "元/月", "人"):
        assert convert(Decimal(1500), "元/人", other) is None
        assert not same_measure("元/人", other)


def test_villages_are_counted_as_villages():
    assert "村" in KNOWN_UNITS
    assert split_unit("村") == (Decimal(1), "村")
    assert split_unit("万村") == (Decimal(1), "万村")  # a count takes no magnitude
    # "开工建设78村106个项目": the villages and the projects in them are two measures.
    assert convert(Decimal(44), "村", "个") is None and not same_measure("个", "村")
    villages = IndicatorSpec(name="一事一议项目村", target="78", unit="村", actual="44")
    assert completion_ratio(villages) == Decimal("56.4") and indicator_met(villages) is False


def test_metres_answer_a_target_in_kilometres():
    assert same_measure("米", "公里") and same_measure("米", "千米")
    assert convert(Decimal(15000), "米", "公里") == Decimal(15)
    assert str(convert(Decimal(2), "公里", "米")) == "2000"  # no exponent in a figure


def test_an_indicator_parses_its_figures_once_and_a_changed_copy_anew():
    """The figures are kept on the frozen indicator after the first read; a copy with a new
    figure (what an admin change makes) reads its own, and equality ignores what was kept."""
    ind = IndicatorSpec("技改投资", target="2", unit="亿元", actual="18000", actual_unit="万元")
    assert (ind.target_value, ind.actual_in_target_unit) == (Decimal(2), Decimal("1.8"))
    assert ind.actual_value is ind.actual_value  # parsed once
    changed = dataclasses.replace(ind, actual="16000")
    assert changed.actual_in_target_unit == Decimal("1.6")
    assert completion_ratio(changed) == Decimal("80.0")
    fresh = IndicatorSpec("技改投资", target="2", unit="亿元", actual="18000", actual_unit="万元")
    assert ind == fresh and hash(ind) == hash(fresh)
