"""A topic's word that qualifies a head no text of the ledger writes ("森林防火": the fire
prevention of forests, not the 生态环保 the ledger's targets are), and words of work and of
the whole place (治理, 全省) that name no subject of their own."""

import datetime as dt

import pytest

from bot.domain.ledger import TargetSpec
from tests.auxil.ledgers import answerer_on, small_ledger

TODAY = dt.date(2024, 11, 30)
TARGETS = (
    TargetSpec(1, "污水处理能力提升", "生态环境", "新增污水处理能力2万吨/日。", "已完成。"),
    TargetSpec(2, "城市供水质量提升", "生态环境", "改造供水管网20公里，减少污染。", "已完成。"),
    TargetSpec(3, "养殖污染治理", "生态环境", "完成畜禽养殖污染治理30家。", "已治理25家。"),
    TargetSpec(4, "公办幼儿园", "社会事业", "新建普惠幼儿园100所，覆盖全省。", "已建成80所。"),
)


@pytest.fixture(scope="module")
def answerer():
    return answerer_on(small_ledger(2024, *TARGETS), TODAY)


@pytest.mark.parametrize(
    "question", ["森林防火工作怎么样", "今年区里森林防火工作怎么样", "全市森林草原防火工作怎么样"]
)
def test_a_topic_word_before_an_unheld_head_is_out_of_scope(answerer, question):
    assert answerer.ask(question).intent == "unknown"


@pytest.mark.parametrize("question", ["环保工作怎么样", "环境方面怎么样", "生态环保有哪些"])
def test_the_topic_itself_is_still_its_list(answerer, question):
    answer = answerer.ask(question)
    assert answer.intent == "list" and {1, 2, 3} <= set(answer.targets)


def test_a_ledger_that_writes_the_head_answers_it():
    fire = TargetSpec(5, "森林防火", "安全稳定", "建设森林防火通道10公里。", "已建8公里。")
    answer = answerer_on(small_ledger(2024, *TARGETS, fire), TODAY).ask("森林防火工作怎么样")
    assert answer.intent != "unknown" and 5 in answer.targets


@pytest.mark.parametrize(
    "question",
    [
        "城区内涝治理进展怎么样",  # 治理 is a word of work: the 养殖污染治理 target is no answer
        "全省新建农村公路多少公里",  # 全省 and 新建 alone: the kindergartens are no answer
    ],
)
def test_words_of_work_and_the_whole_place_alone_do_not_answer(answerer, question):
    assert answerer.ask(question).intent == "unknown"


@pytest.mark.parametrize(
    ("question", "number"), [("养殖污染治理进展怎么样", 3), ("普惠幼儿园新建了多少所", 4)]
)
def test_the_targets_those_words_belong_to_are_still_answered(answerer, question, number):
    answer = answerer.ask(question)
    assert (answer.intent, answer.targets[:1]) == ("target", (number,))
