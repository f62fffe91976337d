"""A rank a target's text states is that target's own, asked by the target's name or the
lexicon's for it (invented examples): "固投排第几" is answered by the 固定资产投资 target whose
text says "预计增幅十一个县区中排名第一", though the ranked clause does not repeat its name; a
target stating no rank still rejects the question."""

import datetime as dt

import pytest

from bot.domain.ledger import TargetSpec
from tests.auxil.ledgers import answerer_on, small_ledger


@pytest.fixture(scope="module")
def county():
    targets = (
        TargetSpec(
            1,
            "固定资产投资",
            "经济发展",
            "1-9月,全县固定资产投资累计完成27.9亿元,同比增长37.63%,预计增幅十一个县区中排名第一。",
        ),
        TargetSpec(2, "工业类", "经济发展", "工业类完成投资19.167亿元,占年度计划的94.5%;"),
    )
    return answerer_on(small_ledger(2012, *targets), dt.date(2012, 10, 31))


@pytest.mark.parametrize("question", ["固投排第几", "固定资产投资排第几"])
def test_a_rank_stated_in_the_targets_text_is_its_own(county, question):
    answer = county.ask(question)
    assert answer.intent == "target" and answer.targets[0] == 1


def test_a_target_stating_no_rank_rejects(county):
    assert county.ask("工业类排第几").intent == "unknown"


def test_the_stated_rank_leads_the_reply_when_no_indicator_holds_it(county):
    # h-trial16: "社零排第几" of a target with no rank figure answered with its card alone,
    # as if no rank had been asked; the clause its text states now leads, said as the task
    # text's words (a goal, "继续保持全省第一方阵", is written there too)
    answer = county.ask("固投排第几")
    assert answer.reply.startswith(
        "➤ 排名：进展未写排名；目标任务中写的是“预计增幅十一个县区中排名第一”\n第1项 固定资产投资"
    )
    assert answer.filter.get("aspect") == "rank"
