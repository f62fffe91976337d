"""Pairing a target's figures with its progress: a figure set for each of a group ("4个结构性
指标均实现10%以上增长"), a fall against a growth target, approximate and chosen figures."""

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


def test_an_approximate_figure_keeps_its_unit_and_answers_its_target():
    pairs = _pairs("全年计划服务青少年1.24万人次。", "累计服务青少年2500余人次,开展活动30多场。")
    assert {(t, a) for _, t, a in pairs} == {("1.24", "2500")}


def test_what_was_chosen_is_not_what_was_done():
    assert _pairs("新建青少年宫13家。", "已确定13家新改建青少年宫。") == set()
    assert {(t, a) for _, t, a in _pairs("新建青少年宫13家。", "已建成青少年宫5家。")} == {
        ("13", "5")
    }


def test_a_per_head_measure_is_not_a_group():
    target = "城乡居民人均可支配收入增长8%。"
    progress = "城乡居民人均可支配收入中,城镇居民增长7.1%,农村居民增长8.3%。"
    pairs = {(t, a) for _, t, a in _pairs(target, progress)}
    assert len(pairs) <= 1


def test_a_share_of_the_task_said_of_one_pair_answers_no_other_target():
    found = pair_indicators(
        "改造农村危房120户400间。", "已完成改造农村危房300间,完成年度任务的75%。"
    )
    pairs = {(p.indicator.target, p.indicator.unit): p.indicator.actual for p in found}
    assert pairs == {("120", "户"): "", ("400", "间"): "300"}


def test_a_share_of_the_task_that_restates_no_pair_still_answers_the_open_target():
    found = pair_indicators(
        "改造农村危房120户400间。", "已完成改造农村危房300间,完成年度任务的60%。"
    )
    pairs = {(p.indicator.target, p.indicator.unit): p.indicator.actual for p in found}
    assert pairs[("400", "间")] == "300"
    assert pairs[("120", "户")] == "60"


def _with_units(target: str, progress: str) -> list[tuple[str, str, str, str]]:
    return [
        (p.indicator.target, p.indicator.unit, p.indicator.actual, p.indicator.actual_unit)
        for p in pair_indicators(target, progress)
        if p.indicator.target and p.indicator.actual
    ]


def test_the_years_target_stated_in_the_progress_in_another_measure_is_one_more_target():
    found = _with_units(
        "滨江大桥主体完成工程量40%以上", "年度任务目标6亿元,累计完成投资6.4亿元,进度至45%"
    )
    assert ("6", "亿元", "6.4", "") in found
    assert ("40", "%", "45", "") in found  # a share of the works answers a share of the works


def test_a_target_the_progress_restates_in_its_own_measure_adds_nothing():
    found = pair_indicators("全年新增就业2.1万人", "年度目标任务21000人,已完成19800人")
    assert len([p for p in found if p.indicator.target]) == 1
