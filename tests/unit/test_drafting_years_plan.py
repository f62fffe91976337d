"""A project's whole scale and the count of projects an item is about are not its year's
targets (bot/drafting/mentions.py scale_beside_years_plan, counts_its_subject): the year's
work answers the year's plan."""

from bot.drafting.mentions import counts_its_subject, mentions
from bot.drafting.pairing import pair_indicators


def _pairs(target: str, progress: str) -> set[tuple[str, str, str]]:
    return {
        (p.indicator.target, p.indicator.actual, p.indicator.unit)
        for p in pair_indicators(target, progress)
        if p.indicator.target
    }


def test_the_years_work_answers_the_years_plan_not_the_whole_scale():
    pairs = _pairs("全市重点项目,总投资86.5亿元,年度计划投资12亿元。", "1-11月完成投资13.4亿元。")
    assert pairs == {("12", "13.4", "亿元")}  # the scale is no target of the year
    estimated = _pairs("某水库工程,概算投资9.8亿元,当年计划投资2亿元。", "全年完成投资2.3亿元。")
    assert estimated == {("2", "2.3", "亿元")}


def test_a_whole_investment_without_a_years_plan_stays_the_target():
    assert _pairs("某园区基础设施总投资5亿元。", "已完成投资3.2亿元。") == {("5", "3.2", "亿元")}


def test_a_count_of_projects_opening_the_item_is_its_subject():
    text = "市级8项,当年计划投资6亿元。"
    assert counts_its_subject(mentions(text)[0], text)
    assert _pairs(text, "完成投资7.1亿元。") == {("6", "7.1", "亿元")}
    named = "省重点项目12个,当年计划投资30亿元。"
    assert counts_its_subject(mentions(named)[0], named)


def test_a_count_of_work_to_do_is_a_target():
    for text in ("实施重点项目8项,完成投资6亿元。", "市级8项。", "新建学校3个,投资2亿元。"):
        assert not counts_its_subject(mentions(text)[0], text), text
    # The progress counts the projects done: the count is the target they answer.
    assert ("8", "5", "项") in _pairs("市级8项,当年计划投资6亿元。", "已竣工5项,完成投资4亿元。")
