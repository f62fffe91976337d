"""A target figure set for each of a group ("4个结构性指标均实现10%以上增长") pairs with every
member the progress lists under the group's name; a fall answers a growth target as negative."""

from bot.drafting.pairing import pair_indicators

TARGET = "确保4个结构性指标均实现10%以上增长。"
PROGRESS = (
    "1-11月全市固定资产投资增长6.7%；4个结构性指标中,民间投资同比下降4.7%,"
    "交通投资增长6.5%,生态投资下降1.3%,高新产业投资增长8.0%。"
)


def _pairs(target: str, progress: str) -> set[tuple[str, str, str]]:
    return {
        (i.indicator.name, i.indicator.target, i.indicator.actual)
        for i in pair_indicators(target, progress)
        if i.indicator.target and i.indicator.actual
    }


def test_a_figure_for_each_of_a_group_pairs_with_every_member_listed():
    assert {(t, a) for _, t, a in _pairs(TARGET, PROGRESS)} == {
        ("10", "-4.7"),
        ("10", "6.5"),
        ("10", "-1.3"),
        ("10", "8.0"),
    }


def test_a_fall_is_named_as_the_growth_it_answers():
    names = {n for n, _, a in _pairs(TARGET, PROGRESS)}
    assert "民间投资增长" in names and "交通投资增长" in names


def test_a_group_whose_count_differs_from_the_members_listed_is_not_distributed():
    progress = "4个结构性指标中,民间投资同比下降4.7%,交通投资增长6.5%。"
    assert ("10", "-4.7") not in {(t, a) for _, t, a in _pairs(TARGET, progress)}


def test_a_fall_against_a_target_to_reduce_keeps_its_sign():
    pairs = _pairs("单位GDP能耗下降3%。", "单位GDP能耗下降3.5%。")
    assert {(t, a) for _, t, a in pairs} == {("3", "3.5")}


def test_a_fall_answers_a_single_growth_target_as_negative():
    pairs = _pairs("地区生产总值增长7%左右。", "地区生产总值同比下降4.9%。")
    assert {(t, a) for _, t, a in pairs} == {("7", "-4.9")}
