"""Turns that name no target and need none get a reply saying what to type, not "no target
matches": greetings and thanks, an aspect before any target, "第二个呢" with no list open,
and figures or symbols alone. Questions after a greeting, and number references, still answer."""

import datetime as dt

import pytest

from bot.render.replies import (
    ACK_REPLY,
    GREETING_REPLY,
    NEED_A_TARGET_FIRST,
    NO_WORDS,
    NOTHING_TO_STEP,
    THANKS_REPLY,
)
from bot.understanding.asides import aside_reply
from bot.understanding.conversation import Conversation
from bot.understanding.text import normalize
from tests.auxil.ledgers import answerer_on


@pytest.fixture(scope="module")
def answerer(ledger_2020):
    return answerer_on(ledger_2020, dt.date(2020, 10, 20))


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("你好", GREETING_REPLY),
        ("您好！", GREETING_REPLY),
        ("领导好", None),  # not a greeting this bot is spoken to with; scored as usual
        ("谢谢", THANKS_REPLY),
        ("辛苦了～", THANKS_REPLY),
        ("收到", ACK_REPLY),  # a unit acknowledging: "不客气" would answer thanks never given
        ("知道了。", ACK_REPLY),
        ("好的，收到", ACK_REPLY),  # nothing but received-words, however many
        ("好的，新增贷款呢", None),  # a question after them is a question
        ("谁负责", NEED_A_TARGET_FIRST),
        ("那啥时候到期呢？", NEED_A_TARGET_FIRST),
        ("差多少", NEED_A_TARGET_FIRST),
        ("谁负责造林", None),
        ("-5", NO_WORDS),
        ("12.5", NO_WORDS),
        ("12", None),
        ("#5", None),
    ],
)
def test_a_turn_about_no_target_gets_its_own_reply(question, reply):
    assert aside_reply(normalize(question), has_target=False) == reply


def test_with_a_target_open_the_turn_is_a_follow_up():
    assert aside_reply("谁负责", has_target=True) is None


def test_a_step_through_no_list_is_told_so_but_a_number_is_a_target(answerer):
    assert answerer.ask("第二个呢").reply.startswith(NOTHING_TO_STEP)
    assert answerer.ask("第16个").targets[:1] == (16,)  # a target's number
    assert answerer.ask("第2项").targets[:1] == (2,)


@pytest.mark.parametrize(
    ("question", "prefix"),
    [("你好", GREETING_REPLY), ("谁负责", NEED_A_TARGET_FIRST), ("-5", NO_WORDS)],
)
def test_the_answerer_replies_what_to_type_and_lists_no_target(answerer, question, prefix):
    answer = answerer.ask(question)
    assert (answer.intent, answer.targets) == ("unknown", ())
    assert answer.reply.startswith(prefix)


def test_a_question_after_a_greeting_and_follow_ups_still_answer(answerer):
    assert answerer.ask("你好，新增贷款完成了吗").targets[:1] == (12,)
    chat = Conversation()
    assert answerer.ask("新增贷款完成了吗", chat).targets[:1] == (12,)
    follow = answerer.ask("谁负责", chat)
    assert (follow.intent, follow.targets[:1]) == ("target", (12,))
    listed = answerer.ask("哪些没完成", chat)
    second = answerer.ask("第二个呢", chat)
    assert second.targets[:1] == (listed.targets[1],)


@pytest.mark.parametrize(
    ("question", "targets"),
    [("#3 #5", (3, 5)), ("12", (12,)), ("＃20", (20,))],
)
def test_numbers_alone_are_the_item_numbers_the_number_step_reads(answerer, question, targets):
    # asides.py asks cues.NUMBER_REF, the one reading of item numbers, whether a turn without
    # words names an item: every such turn reaches the number step, however it is written.
    answer = answerer.ask(question)
    assert (answer.intent, answer.targets) == ("target", targets)


def test_a_number_beyond_the_ledger_says_the_ledger_lacks_it(answerer):
    assert answerer.ask("12345").reply.startswith("台账中没有第12345项目标（共66项）。")
