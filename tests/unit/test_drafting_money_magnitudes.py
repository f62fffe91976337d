"""A bare 万 or 亿 closing the clause after a measure of money counts 元 ("生产总值56.7亿");
one before a noun counts that noun. Made-up texts."""

import pytest

from bot.drafting.mentions import mentions
from bot.drafting.pairing import pair_indicators


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("一至六月,全市完成地区生产总值88.4亿,增长6.1%", "亿元"),
        ("全年实现规上工业增加值32亿以上", "亿元"),
        ("争取上级资金2300万", "万元"),
        ("农民人均可支配收入达到1.6万", "万元"),
        ("完成社会消费品零售总额41.2亿,同比增长9%", "亿元"),
    ],
)
def test_a_magnitude_after_money_counts_yuan(text, unit):
    assert mentions(text)[0].unit == unit


@pytest.mark.parametrize(
    "text",
    [
        "完成3万个体户登记",  # 个体户 are counted, not money
        "组织5万群众参加义诊",  # people after the figure
        "新增造林面积1.2万",  # no measure of money named
    ],
)
def test_a_magnitude_not_after_money_stays_as_written(text):
    assert all(not m.unit.endswith("元") for m in mentions(text))


def test_a_money_target_in_a_bare_magnitude_pairs_its_result():
    (indicator,) = [
        p.indicator
        for p in pair_indicators("全年完成固定资产投资150亿以上", "前三季度完成固定资产投资118亿")
    ]
    assert (indicator.target, indicator.unit, indicator.actual) == ("150", "亿元", "118")
