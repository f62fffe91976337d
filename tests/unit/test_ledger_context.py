"""A ledger's preamble says what all its targets are about ("城镇老旧小区改造" over one target
per city): a question naming that subject and one target is that target's, not unexplained."""

import datetime as dt

import pytest

from bot.domain.ledger import LedgerSpec, TargetSpec
from tests.auxil.ledgers import answerer_on

ROWS = [
    ("长沙市", 150, 143, "42.75"),
    ("株洲市", 71, 44, "35.15"),
    ("湘潭市", 87, 71, "36.29"),
    ("衡阳市", 146, 58, "40.12"),
    ("郴州市", 34, 34, "27.64"),
    ("湘西州", 85, 30, "7.06"),
]
CITIES = LedgerSpec(
    year=2021,
    title="老旧小区改造",
    preamble="2021年城镇老旧小区改造目标任务为:开工改造小区1500个,投资完成率达到50%。",
    targets=tuple(
        TargetSpec(n, city, "城乡建设", f"{city}：{planned}", f"{started}\n{rate}%")
        for n, (city, planned, started, rate) in enumerate(ROWS, 1)
    ),
)


@pytest.fixture(scope="module")
def cities():
    return answerer_on(CITIES, dt.date(2021, 8, 31))


@pytest.mark.parametrize(
    ("question", "number"),
    [
        ("我问一下株洲那边就是老小区改造现在开了多少个工啊", 2),
        ("湘西那边老旧小区改造的情况怎么样了投资是不是很慢", 6),
    ],
)
def test_the_subject_the_preamble_states_leaves_the_target_named(cities, question, number):
    answer = cities.ask(question)
    assert (answer.intent, answer.targets) == ("target", (number,))


@pytest.mark.parametrize("question", ["今天天气怎么样", "老旧小区改造的政策文件在哪看"])
def test_the_subject_alone_names_no_target(cities, question):
    assert cities.ask(question).intent == "unknown"


def test_a_new_preamble_is_taken_on_refresh(cities):
    answerer = answerer_on(CITIES, dt.date(2021, 8, 31))
    answerer.refresh(LedgerSpec(year=2021, title="t", preamble="", targets=CITIES.targets))
    assert answerer.ask("湘西那边老旧小区改造的情况怎么样了投资是不是很慢").intent == "unknown"
