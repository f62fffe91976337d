"""Ordinals are whole numbers: 第十次 names neither 第十一次 nor 第十二次, whose first bigram
(第十) and last (一次, 二次) it would otherwise share."""

import datetime as dt

from bot.domain.ledger import TargetSpec
from bot.understanding.ordinals import indexed_tokens, other_ordinal, whole_ordinals
from tests.auxil.ledgers import answerer_on, small_ledger

SESSIONS = small_ledger(
    2021,
    TargetSpec(
        1,
        "主任会议议定事项",
        "会议",
        "全年召开主任会议议定事项60项,其中第七次、第十次主任会议议定事项已全部办结。",
    ),
    TargetSpec(2, "第十一次主任会议", "会议", "第十一次主任会议议定事项12项,办结10项。"),
    TargetSpec(3, "第十二次主任会议", "会议", "第十二次主任会议议定事项9项,办结9项。"),
)


def test_a_long_ordinal_is_one_token_without_its_edges():
    assert indexed_tokens("第十一次会议") == ["十一", "次会", "会议", "第十一"]
    assert indexed_tokens("第十次会议") == ["第十", "十次", "次会", "会议"]
    spans = {"第十": [(0, 2)], "十二": [(1, 3)], "二次": [(2, 4)], "次会": [(3, 5)]}
    whole_ordinals("第十二次会", spans)
    assert spans == {"十二": [(1, 3)], "次会": [(3, 5)], "第十二": [(0, 3)]}


def test_another_ordinal_is_no_near_miss():
    assert other_ordinal("第十二次主任会议", "第十次主任会议")
    assert not other_ordinal("第十二次主任会议", "第十二次主任会")
    assert not other_ordinal("主任会议议定事项", "第十次主任会议")
    assert other_ordinal("第十二次主任会议", "那次主任会议")  # the ordinal is not said
    assert not other_ordinal("第十二次主任会议", "十二次主任会议")


def test_a_shorter_ordinal_names_only_its_own_meeting():
    answerer = answerer_on(SESSIONS, dt.date(2021, 12, 31))
    assert answerer.ask("第十次主任会议的事办结了没").targets[0] == 1
    assert answerer.ask("第十一次主任会议").targets[0] == 2
    assert answerer.ask("第十二次主任会议议定事项").targets[0] == 3


def test_a_count_beyond_the_ledger_is_a_figure_when_a_target_holds_it():
    """Three targets: "12项" cannot be item 12, and the 第十一次 meeting decided 12 items."""
    answerer = answerer_on(SESSIONS, dt.date(2021, 12, 31))
    assert answerer.ask("议定事项12项的那次主任会议").targets[0] == 2
    missing = answerer.ask("第15项")
    assert missing.intent == "unknown"
    assert "台账中没有第15项目标" in missing.reply
