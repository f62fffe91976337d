"""A session's ordinal is one whichever way it is written (invented examples): "第8次县长办公会"
is the 第八次 meeting of a notice that writes its ordinals in words, and the other way round."""

import datetime as dt

import pytest

from bot.domain.ledger import TargetSpec
from bot.understanding.text import normalize
from tests.auxil.ledgers import answerer_on, small_ledger


@pytest.fixture(scope="module")
def meetings():
    targets = (
        TargetSpec(1, "办公会议确定事项", "督查", "(三)县长办公会议确定事项完成情况。"),
        TargetSpec(2, "第八次县长办公会", "督查", "第八次县长办公会确定事项10项,完成9项。"),
        TargetSpec(3, "第九次县长办公会", "督查", "第九次县长办公会确定事项7项,完成6项。"),
        TargetSpec(4, "第12次常务会", "督查", "第12次常务会确定事项11项,完成8项。"),
    )
    return answerer_on(small_ledger(2020, *targets), dt.date(2020, 12, 31))


@pytest.mark.parametrize(
    ("question", "number"),
    [("第8次县长办公会", 2), ("第9次县长办公会完成了几项", 3), ("第十二次常务会", 4)],
)
def test_an_ordinal_in_digits_or_words_names_the_same_meeting(meetings, question, number):
    answer = meetings.ask(question)
    assert answer.intent == "target" and answer.targets[0] == number


@pytest.mark.parametrize(
    ("text", "read"),
    [("第8次", "第八次"), ("第11届", "第十一届"), ("第20期", "第二十期"), ("第12项", "第12项")],
)
def test_only_a_sessions_ordinal_is_read_in_words(text, read):
    assert normalize(text) == read
