"""Several targets at once: "固投和社零咋样" answers each; "新增贷款和造林哪个完成得好"
compares them (each one's completion ratio and status, then which is ahead), and every
target named stays in the answer's targets."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.domain.ledger import IndicatorSpec, TargetSpec
from bot.understanding.answering import Answerer
from bot.understanding.lexicon import load_lexicon
from tests.auxil.ledgers import small_ledger

PARKS = TargetSpec(
    1, "城市公园建设", "城乡建设", "新建城市公园4个。",
    indicators=(IndicatorSpec("新建城市公园", "4", "个", ">=", "2"),),
)  # fmt: skip
ROADS = TargetSpec(
    2, "农村公路", "城乡建设", "新建农村公路30公里。",
    indicators=(IndicatorSpec("农村公路", "30", "公里", ">=", "45"),),
)  # fmt: skip
PLAYS = TargetSpec(
    3, "文化下乡", "文化体育", "送戏下乡120场。",
    indicators=(IndicatorSpec("送戏下乡", "120", "场"),),
)  # fmt: skip


@pytest.fixture(scope="module")
def core():
    ledger = small_ledger(2020, PARKS, ROADS, PLAYS)
    return Answerer(ledger, load_lexicon(), today=dt.date(2020, 11, 1), tz=ZoneInfo("UTC"))


@pytest.mark.parametrize(
    "question",
    [
        "城市公园和农村公路哪个完成得好",
        "农村公路跟城市公园比，哪个好",
        "城市公园和农村公路相比怎么样",
        "农村公路、城市公园谁更快",
    ],
)
def test_two_targets_compared_by_their_completion(core, question):
    answer = core.ask(question)
    assert (answer.intent, sorted(answer.targets)) == ("target", [1, 2])
    assert answer.filter == {"multi": True, "compare": True}
    lines = answer.reply.split("\n\n")[0].splitlines()
    assert lines[0] == "对比（完成率取每项目标完成率最低的指标）："
    assert sorted(lines[1:3]) == [
        "🟡 1. 城市公园建设：50.0%（推进中）",
        "🟢 2. 农村公路：150.0%（超额完成）",
    ]
    assert lines[3] == "结论：农村公路完成率领先。"
    assert "第1项 城市公园建设" in answer.reply and "第2项 农村公路" in answer.reply  # the cards


def test_a_target_without_figures_cannot_be_compared(core):
    answer = core.ask("农村公路和文化下乡哪个完成得好")
    assert answer.targets == (2, 3)
    assert answer.reply.splitlines()[1:4] == [
        "🟢 2. 农村公路：150.0%（超额完成）",
        "⚪ 3. 文化下乡：暂无数据",
        "结论：文化下乡暂无数据，无法比较。",
    ]


def test_several_named_without_comparing_are_each_answered(ledger_2020):
    answerer = Answerer(
        ledger_2020, load_lexicon(), today=dt.date(2020, 10, 23), tz=ZoneInfo("UTC")
    )
    answer = answerer.ask("固投和社零咋样")
    assert (answer.intent, answer.targets, answer.filter) == ("target", (1, 65), {"multi": True})
    compared = answerer.ask("新增贷款和造林哪个完成得好")  # before: 新增贷款 alone
    assert compared.targets == (12, 7) and compared.filter["compare"]
    assert compared.reply.splitlines()[1].startswith("🟢 12. 新增贷款：174.5%")
