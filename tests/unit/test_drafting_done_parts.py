"""Counts done in parts that add up to the target answer it; a project's whole scale answers
no year's target. Made-up texts."""

from bot.drafting.done_parts import summed_parts
from bot.drafting.pairing import pair_indicators

TARGET = "改造乡镇卫生院12所。"


def _answered(progress: str) -> list[tuple[str, str]]:
    found = summed_parts(pair_indicators(TARGET, progress), progress)
    return [(p.indicator.target, p.indicator.actual) for p in found if p.indicator.target]


def test_done_parts_adding_up_to_the_target_answer_it():
    assert _answered("5所卫生院已交付使用,7所已竣工。") == [("12", "12")]


def test_parts_not_all_done_or_not_adding_up_leave_the_pairing_alone():
    assert _answered("5所卫生院已交付使用,7所正在建设。") != [("12", "12")]
    assert _answered("5所卫生院已交付使用,6所已竣工。") != [("12", "12")]


def test_a_projects_whole_scale_is_no_second_answer_to_the_years_investment():
    from bot.drafting.mentions import mentions, whole_scale

    progress = "省重点项目8个,总投资131.97亿元。1-11月份完成投资93.1亿元。"
    found = pair_indicators("抓好5个省重点项目建设,2020年完成投资26.4亿元。", progress)
    pairs = [(p.indicator.target, p.indicator.actual) for p in found if p.indicator.target]
    assert ("26.4", "93.1") in pairs and ("26.4", "131.97") not in pairs
    # the scale stays, as an amount written without a target
    assert any(p.indicator.actual == "131.97" and not p.indicator.target for p in found)
    scale, year = (m for m in mentions(progress) if m.unit == "亿元")
    assert whole_scale(scale) and not whole_scale(year)
