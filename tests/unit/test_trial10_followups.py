"""A leader's follow-ups found by using the bot (session 29, h-trial10): after a target, what it
was set to do ("目标是多少", "任务是什么") is asked of that target, not of the whole ledger."""

import datetime as dt

import pytest

from bot.understanding.conversation import Conversation
from tests.auxil.ledgers import answerer_on


@pytest.fixture(scope="module")
def answerer(ledger_2020):
    return answerer_on(ledger_2020, dt.date(2020, 10, 20))


@pytest.mark.parametrize("follow_up", ["目标是多少", "目标多少", "任务是什么", "它的目标是多少？"])
def test_the_target_asked_after_a_target_is_that_targets_card(answerer, follow_up):
    chat = Conversation()
    answerer.ask("新增贷款怎么样", chat)
    answer = answerer.ask(follow_up, chat)
    assert answer.intent == "target" and answer.targets == (12,), follow_up
    assert "目标14亿元" in answer.reply


def test_the_target_asked_with_nothing_talked_about_names_no_target(answerer):
    answer = answerer.ask("目标是多少", Conversation())
    assert answer.intent == "unknown"


def test_a_list_asked_is_remembered_even_when_it_is_empty():
    chat = Conversation()
    from bot.understanding.conversation import Answer

    chat.remember(Answer("哪些滞后", "list", (), "滞后的目标：没有符合条件的目标。"), 100.0)
    assert chat.last_list(101.0) == "哪些滞后"
    chat.remember(Answer("新增贷款", "target", (12,), "…"), 102.0)
    assert chat.last_list(103.0) == ""  # a target asked since: "去年呢" is about it


def test_a_day_named_from_today_is_that_days_deadlines(ledger_2020):
    eve = answerer_on(ledger_2020, dt.date(2020, 10, 30))
    for question in ("明天到期的", "明天要完成的有哪些"):
        answer = eve.ask(question)
        assert answer.intent == "list" and answer.targets == (5,), question  # 10月底之前
        assert answer.filter["due"] == ["2020-10-31", "2020-10-31"]
    assert eve.ask("后天到期的").targets == ()
    assert eve.ask("昨天到期的").filter["due"] == ["2020-10-29", "2020-10-29"]


@pytest.mark.parametrize("question", ["有多少项完成了", "有几项完成了", "一共有多少个完成了"])
def test_how_many_are_done_asked_either_way_is_the_summary(answerer, question):
    assert answerer.ask(question).intent == "summary"
