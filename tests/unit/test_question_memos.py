"""Work a question does once, and shortcuts that must say what the full path says: the
absent-subject check kept for the rest of one question, and the acknowledgement test's
first search."""

import dataclasses
import datetime as dt
import unicodedata

import pytest

from bot.domain.acknowledgements import _ACK, ACK_MAX_CHARS, is_acknowledgement
from tests.auxil.ledgers import answerer_on


def _answerer(ledger):
    return answerer_on(ledger, dt.date(2020, 10, 20))


def _full_acknowledgement(text: str) -> bool:
    """`is_acknowledgement` without its first search: every character looked at."""
    if len(text) > ACK_MAX_CHARS:
        return False
    words = "".join(
        ch
        for ch in unicodedata.normalize("NFKC", text)
        if not unicodedata.category(ch).startswith(("P", "Z", "S", "C"))
    )
    return not words or _ACK.fullmatch(words) is not None


def test_the_acknowledgement_shortcut_agrees_on_every_ideograph():
    words = ["收到", "好的", "马上落实", "知道了", "👍", "OK", ""]
    for code in range(0x4E00, 0xA000):
        ch = chr(code)
        for text in (ch, *(f"{w}，{ch}" for w in words), *(f"{ch}{w}" for w in words)):
            assert is_acknowledgement(text) == _full_acknowledgement(text), text


@pytest.mark.parametrize(
    "text",
    ["收到", "好的，马上落实", "明白了👌", "已阅", "ＯＫ", "收悉，立即落实", "嗯嗯", "坚决落实！",
     "收到，耕地缺口已补足1.2万亩", "已完成", "好的，明天报数据", "新增贷款完成了吗", "豈有此理",
     "謝謝", "十二号", "１２", "知道了吗", "请放心吧"],
)  # fmt: skip
def test_the_acknowledgement_shortcut_agrees_on_replies_and_questions(text):
    assert is_acknowledgement(text) == _full_acknowledgement(text)


def test_a_question_checks_its_subjects_once(ledger_2020):
    answerer = _answerer(ledger_2020)
    searched = []

    class Counted:
        def __init__(self, pattern):
            self.pattern = pattern

        def search(self, text):
            searched.append(text)
            return self.pattern.search(text)

    answerer._any_subject = Counted(answerer._any_subject)
    # A subject of county work the 2020 ledger holds: the decision chain checks it, and so
    # would `_out_of_scope` before the target is answered.
    assert answerer.ask("就业创业补贴发了多少").intent == "target"
    assert len(searched) == 1
    assert answerer.ask("就业创业补贴发了多少").intent == "target"  # a new question: again
    assert len(searched) == 2


def test_a_subject_the_ledger_comes_to_hold_is_answered_after_a_refresh(ledger_2020):
    answerer = _answerer(ledger_2020)
    question = "今年安全生产事故有几起"
    assert answerer.ask(question).intent == "unknown"  # 事故: no target mentions it
    targets = [
        dataclasses.replace(t, aliases=(*t.aliases, "安全生产事故")) if t.number == 60 else t
        for t in ledger_2020.targets
    ]
    answerer.refresh(dataclasses.replace(ledger_2020, targets=tuple(targets)))
    assert answerer.ask(question).targets[:1] == (60,)
    answerer.refresh(ledger_2020)
    assert answerer.ask(question).intent == "unknown"


def test_the_at_risk_list_kept_for_the_day_follows_a_refresh_and_a_new_day(ledger_2020):
    answerer = _answerer(ledger_2020)
    before = answerer.ask("需要盯紧的")
    assert 44 not in before.targets
    # Target 44's 6月底 milestone reopened: overdue on 2020-10-20.
    targets = [
        dataclasses.replace(
            t,
            deadlines=tuple(
                dataclasses.replace(d, done=False) if d.date == dt.date(2020, 6, 30) else d
                for d in t.deadlines
            ),
        )
        if t.number == 44
        else t
        for t in ledger_2020.targets
    ]
    answerer.refresh(dataclasses.replace(ledger_2020, targets=tuple(targets)))
    watched = answerer.ask("需要盯紧的")
    assert 44 in watched.targets and watched.notes[44] == "逾期"
    watched.notes.clear()  # an answer's notes are its own, not the kept list's
    assert answerer.ask("哪些有风险").notes[44] == "逾期"
    answerer.refresh(answerer.ledger, today=dt.date(2021, 1, 1))
    assert answerer.ask("需要盯紧的").notes[44] == "时限已过"
