"""A rate that is one count over another makes the whole the target and the part its actual.
Made-up texts."""

from bot.drafting.pairing import pair_indicators
from bot.drafting.rate_bases import based_rates


def _pairs(text: str) -> list[tuple[str, str, str, str]]:
    found = based_rates(pair_indicators("", text))
    return [
        (i.target, i.unit, i.actual, i.actual_unit)
        for i in (p.indicator for p in found)
        if i.target
    ]


def test_the_part_over_the_whole_is_the_rate_written_beside_them():
    text = "全县新建农村公厕项目40个均已开工,开工率达100%,已完工30座,完工率达75%;"
    assert _pairs(text) == [("40", "个", "30", "座")]


def test_a_rate_that_is_no_ratio_of_the_counts_pairs_nothing():
    assert _pairs("全县新建农村公厕项目40个均已开工,已完工30座,完工率达80%;") == []
    # a rate named after other work than the part's
    assert _pairs("全县新建农村公厕项目40个均已开工,已完工30座,验收率达75%;") == []
