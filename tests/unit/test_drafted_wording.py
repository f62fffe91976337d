"""Everyday wording on a ledger as `import-report` drafts it (no aliases): words that say how
far along or which one, and the everyday words for official topics, on invented targets."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.domain.ledger import IndicatorSpec, TargetSpec
from bot.understanding.answering import Answerer
from bot.understanding.lexicon import load_lexicon
from tests.auxil.ledgers import small_ledger

TOWN = small_ledger(
    2024,
    TargetSpec(
        1,
        "城北公交枢纽站建设",
        "城乡建设",
        "建成城北公交枢纽站1座,配套停车泊位200个。",
        indicators=(IndicatorSpec("建成公交枢纽站", "1", "座"),),
    ),
    TargetSpec(2, "全民健身中心", "社会事业", "新建全民健身中心1处。"),
    TargetSpec(
        3,
        "农村供水提升",
        "农业农村",
        "实施农村供水保障工程,惠及群众3万人。",
        indicators=(IndicatorSpec("惠及群众", "3", "万人"),),
    ),
    TargetSpec(4, "老旧小区改造", "城乡建设", "改造老旧小区12个。"),
    TargetSpec(5, "化工企业关停退出", "工业", "完成2家化工企业关停退出。"),
    title="民生实事",
)


@pytest.fixture(scope="module")
def town():
    return Answerer(
        TOWN, load_lexicon(), today=dt.date(2024, 9, 30), tz=ZoneInfo("Asia/Shanghai")
    )


@pytest.mark.parametrize(
    ("question", "number"),
    [
        ("公交枢纽站修到哪一步了", 1),
        ("那批老旧小区改造到哪儿了", 4),
        ("那批小区到哪了", 4),
        ("那家化工厂到哪一步了", 5),
    ],
)
def test_words_of_how_far_along_or_which_one_are_filler(town, question, number):
    # 到哪了, 那边, 那批, 那家 name no target: the target named explains the question in full,
    # so that a draft's lower bar is not needed to answer it (they used to count as words).
    answer = town.ask(question)
    assert (answer.intent, answer.targets[:1]) == ("target", (number,))
    assert answer.confident and answer.candidates[0].coverage >= 0.8
