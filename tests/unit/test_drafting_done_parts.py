"""Counts done in parts that add up to the target answer it. Made-up texts."""

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
