"""Lists asked in words a status list had missed: a status heard as a target's homophone
(滞后 as 之后), a share done ("只完成了部分"), and kinds asked for ("有哪几类")."""

import datetime as dt

import pytest

from bot.domain.ledger import IndicatorSpec, TargetSpec
from tests.auxil.ledgers import answerer_on, small_ledger

TODAY = dt.date(2024, 11, 30)


def target(number, title, text, progress, actual):
    figure = IndicatorSpec(name=title, target="100", unit="户", actual=actual)
    return TargetSpec(number, title, "民生保障", text, progress, indicators=(figure,))


TARGETS = (
    target(1, "灾后重建", "汛期之后完成灾后重建100户。", "已重建100户。", "100"),
    target(2, "危房改造", "改造农村危房100户。", "进展不够理想，已改造40户。", "40"),
    target(3, "适老化改造", "完成适老化改造100户。", "进展不够理想，已改造30户。", "30"),
)


@pytest.fixture(scope="module")
def answerer():
    return answerer_on(small_ledger(2024, *TARGETS), TODAY)


def test_a_status_heard_as_a_target_s_homophone_is_still_the_status_list(answerer):
    answer = answerer.ask("有没有滞后的")
    assert answer.intent == "list" and answer.filter.get("status") == "滞后"


@pytest.mark.parametrize("question", ["哪些只完成了部分任务", "部分完成的有哪些"])
def test_a_share_done_is_work_in_progress(answerer, question):
    answer = answerer.ask(question)
    assert answer.intent == "list" and answer.filter.get("status") == "推进中"


def test_kinds_asked_for_list_the_targets_whose_texts_say_it(answerer):
    answer = answerer.ask("进展不够理想的有哪几类")
    assert (answer.intent, set(answer.targets)) == ("list", {2, 3})
