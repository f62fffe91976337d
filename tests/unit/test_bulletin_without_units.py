"""督查通报 of a ledger that names no lead unit (one drafted from a news report): its problems
are listed without a "未明确牵头单位：" heading, and its requirements are addressed to the
targets' units, not to lead units the ledger does not have."""

from __future__ import annotations

import dataclasses

from bot.domain.ledger import UnitSpec
from bot.render.bulletin import build_bulletin, render_bulletin_txt
from tests.unit.test_bulletin import JULY, LEDGER, d


def _bulletin(ledger):
    return render_bulletin_txt(
        build_bulletin(ledger, as_of=JULY, since=d("2021-07-08"), changed={}), "县督查局"
    )


def test_a_ledger_without_units_is_not_told_of_lead_units():
    # Before: "未明确牵头单位：第1项…", "被通报的牵头单位须于…", "请牵头单位提交佐证材料".
    bare = dataclasses.replace(
        LEDGER, targets=tuple(dataclasses.replace(t, units=()) for t in LEDGER.targets)
    )
    text = _bulletin(bare)
    assert "牵头单位" not in text and "未明确" not in text
    problems = text.split("三、存在问题\n")[1].split("\n\n")[0]
    assert problems.startswith("第1项 重点项目（滞后，")
    assert "1. 被通报目标的责任单位须于" in text
    assert "请各目标的责任单位提交佐证材料" in text


def test_a_ledger_with_lead_units_still_addresses_them():
    text = _bulletin(LEDGER)
    assert "1. 被通报的牵头单位须于" in text and "县发改委：第1项 重点项目" in text
    assert "请牵头单位提交佐证材料" in text


def test_some_targets_without_a_lead_are_named_under_that_heading():
    targets = list(LEDGER.targets)
    targets[0] = dataclasses.replace(targets[0], units=(UnitSpec("县统计局", "assist"),))
    text = _bulletin(dataclasses.replace(LEDGER, targets=tuple(targets)))
    assert "未明确牵头单位：第1项 重点项目" in text
    assert "1. 被通报目标的责任单位须于" in text  # one problem has no lead to address
