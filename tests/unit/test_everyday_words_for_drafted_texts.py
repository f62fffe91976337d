"""More everyday words for official ones that drafted ledgers write (h11-rank9), on invented
targets: each question named no target, or the wrong one, on the drafted dev ledger where it
was found before its lexicon entry (all but 保障房 do so here as well)."""

import datetime as dt

import pytest

from bot.domain.ledger import TargetSpec
from tests.auxil.ledgers import answerer_on, small_ledger

COUNTY = small_ledger(
    2022,
    TargetSpec(1, "糖尿病患者免费用药", "社会事业", "为糖尿病患者免费提供基本用药。"),
    TargetSpec(2, "保障性安居工程", "城乡建设", "新开工保障性安居工程300套。"),
    TargetSpec(3, "激活民间投资", "经济发展", "民间投资增长8%。"),
    TargetSpec(4, "四好农村路建设", "城乡建设", "新改建四好农村路50公里。"),
    TargetSpec(5, "修建村内水渠", "城乡建设", "修建村内水渠6.6千米。"),
    TargetSpec(6, "棚户区改造", "城乡建设", "改造棚户区500户。"),
    TargetSpec(7, "村级文化服务中心", "社会事业", "建成村级文化服务中心20个。"),
    title="民生实事",
)


@pytest.fixture(scope="module")
def county():
    return answerer_on(COUNTY, dt.date(2022, 9, 30))


@pytest.mark.parametrize(
    ("question", "number"),
    [
        ("降糖药发了多少人", 1),  # 降糖: the 糖尿病 a ledger writes
        ("给困难户建的保障房怎么样了", 2),  # 保障房: 保障性住房, 保障性安居
        ("私人老板投资积极性调动起来没", 3),  # 私人: 民间
        ("村里修路修完了吗", 4),  # 修路: also the 四好农村路 programme
        ("浇地的渠修了多少", 5),  # 浇地: irrigation, 水渠
    ],
)
def test_an_everyday_word_names_the_target(county, question, number):
    answer = county.ask(question)
    assert (answer.intent, answer.targets[0]) == ("target", number)
