"""The 红黄绿榜 holds each unit to the targets it leads: a unit that only assists a target
(配合) is not red for it; how many it assists stays on its line. A target no unit leads counts
for the units it names, so that it is on the board at all."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from bot.domain.ledger import DeadlineSpec, IndicatorSpec, TargetSpec, UnitSpec
from bot.domain.unit_board import rank_units
from bot.understanding.answering import Answerer
from bot.understanding.conversation import Conversation
from bot.understanding.lexicon import load_lexicon
from tests.auxil.ledgers import small_ledger

DAY = dt.date(2023, 12, 31)
DUE = (DeadlineSpec(dt.date(2023, 11, 30), "11月底前"),)


def _target(number: int, title: str, actual: str, *units: UnitSpec) -> TargetSpec:
    indicator = IndicatorSpec(title, "100", "个", actual=actual)
    return TargetSpec(
        number, title, "城乡建设", f"完成{title}100个。", "", units=units, deadlines=DUE,
        indicators=(indicator,),
    )  # fmt: skip


LEDGER = small_ledger(
    2023,
    _target(1, "老旧小区改造", "60", UnitSpec("县住建局"), UnitSpec("县财政局", "assist")),
    _target(2, "背街小巷整治", "70", UnitSpec("县住建局"), UnitSpec("县财政局", "assist")),
    _target(3, "财政资金直达", "100", UnitSpec("县财政局")),
    _target(4, "农村公路养护", "50", UnitSpec("县交通运输局", "assist")),
)


def test_a_unit_that_only_assists_is_not_red_for_the_target():
    rows = {row.name: row for row in rank_units(LEDGER.targets, DAY)}
    assert [e.number for e in rows["县住建局"].entries] == [1, 2]
    assert [e.number for e in rows["县财政局"].entries] == [3]  # before: 1, 2 and 3
    assert [e.number for e in rows["县财政局"].assisting] == [1, 2]
    assert rows["县财政局"].count("🔴") == 0
    # 4 has no lead unit: its only unit answers for it
    assert [e.number for e in rows["县交通运输局"].entries] == [4]


def test_the_worst_unit_a_leader_asks_for_is_the_one_that_leads_the_red_targets():
    answerer = Answerer(LEDGER, load_lexicon(), today=DAY, tz=ZoneInfo("Asia/Shanghai"))
    chat = Conversation()
    answer = answerer.ask("哪个单位最差", chat, now=0)
    lines = answer.reply.splitlines()
    assert lines[1] == "县住建局：🔴2 🟡0 🟢0 ⚪0"
    assert "县财政局：🔴0 🟡0 🟢1 ⚪0（另配合2项）" in lines
    second = answerer.ask("第三个呢", chat, now=1)
    assert "县财政局" in second.reply.splitlines()[1]
