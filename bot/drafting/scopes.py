"""A count of the projects an item is about, said again in its progress ("我县市级重点项目15个,
年度计划投资21.3亿元" / "15个市级重点项目…完成投资17.48亿元"): the same scope, no work done."""

from __future__ import annotations

from bot.drafting.sized_works import char_bigrams


def scope_restated(target, told: list) -> bool:
    """The progress counts the target's subject in its unit only by the target's own figure:
    each count there that names the same things (shared words) is that figure, and one is."""
    named = char_bigrams(target.name)
    same = [a for a in told if a.unit == target.unit and named & char_bigrams(a.name + a.after)]
    return bool(same) and all(a.value == target.value for a in same)
