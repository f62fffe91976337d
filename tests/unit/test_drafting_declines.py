"""A fall against last year is kept as growth with its sign, and the 双过半 yardstick is
strict (a share just under half is short of it). Made-up texts."""

import datetime as dt

from bot.drafting.declines import signed_decline
from bot.drafting.pairing import pair_indicators
from bot.drafting.time_gone import behind_time_gone


def test_a_year_on_year_fall_is_negative_growth():
    assert signed_decline("同比下降", "24", "%", "占年计划的38.9%,同比下降") == ("同比增长", "-24")
    fell = signed_decline("投资比上年减少", "3.5", "%", "投资比上年减少")
    assert fell == ("投资比上年增长", "-3.5")


def test_other_figures_keep_their_words_and_sign():
    # a level, not a rate of change; a figure already signed; a fall in a count
    assert signed_decline("降至", "6.9", "%", "违法占用耕地比例降至") == ("降至", "6.9")
    assert signed_decline("同比增长", "-4.9", "%", "同比增长") == ("同比增长", "-4.9")
    assert signed_decline("同比下降", "12", "亿元", "同比下降") == ("同比下降", "12")


def test_an_unpaired_decline_is_drafted_as_signed_growth_with_the_words_kept():
    found = pair_indicators("", "固定资产投资完成28.1亿元,同比下降24%。")
    growth = [p.indicator for p in found if p.indicator.unit == "%"]
    assert [(i.name, i.actual) for i in growth] == [("同比增长", "-24")]
    assert "同比下降24%" in growth[0].remark


def test_a_share_just_under_half_misses_the_double_half_yardstick():
    half_year = dt.date(2017, 6, 30)
    short = behind_time_gone("社会消费品零售总额完成4.6亿元,占年计划的49.6%", half_year)
    assert short is not None and short.value == "滞后"
    assert behind_time_gone("城镇居民可支配收入完成15462元,占年计划的50.3%", half_year) is None
