"""Due soon ("下周到期的", "快到期的"): the targets falling due in the window, the done ones
included and marked done (their status, and no days left to count), the rest with their days."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.domain.ledger import DeadlineSpec, IndicatorSpec, TargetSpec
from bot.understanding.answering import Answerer
from bot.understanding.lexicon import load_lexicon
from tests.auxil.ledgers import small_ledger

DUE = dt.date(2021, 6, 30)
OPEN = (DeadlineSpec(DUE, "6月底前"),)
MET = (DeadlineSpec(DUE, "6月底前", done=True),)
PARKS = TargetSpec(
    1, "城市公园建设", "城乡建设", "新建城市公园4个。", deadlines=OPEN,
    indicators=(IndicatorSpec("新建城市公园", "4", "个", ">=", "2"),),
)  # fmt: skip
ROADS = TargetSpec(
    2, "农村公路", "城乡建设", "新建农村公路30公里。", deadlines=OPEN,
    indicators=(IndicatorSpec("农村公路", "30", "公里", ">=", "31"),),
)  # fmt: skip
PLAYS = TargetSpec(
    3, "文化下乡", "文化体育", "送戏下乡120场。", "已送戏下乡。", deadlines=MET,
    indicators=(IndicatorSpec("送戏下乡", "120", "场"),),  # its figure not in yet
)  # fmt: skip
LATER = TargetSpec(4, "老旧小区改造", "城乡建设", "改造老旧小区5个。", deadlines=(
    DeadlineSpec(dt.date(2021, 12, 31), "年底前"),
))  # fmt: skip


@pytest.mark.parametrize("question", ["下周到期的", "快到期的", "哪些快到期了"])
def test_due_soon_lists_the_done_ones_marked_done(question):
    ledger = small_ledger(2021, PARKS, ROADS, PLAYS, LATER)
    core = Answerer(ledger, load_lexicon(), today=dt.date(2021, 6, 25), tz=ZoneInfo("UTC"))
    answer = core.ask(question)
    assert (answer.intent, answer.targets) == ("list", (1, 2, 3))
    lines = answer.reply.splitlines()
    assert "到期（含已完成）的目标（共3项）" in lines[0]
    assert lines[1:] == [
        "🟡 1. 城市公园建设：推进中 · 2021-06-30（剩余5天）",
        "🟢 2. 农村公路：超额完成 · 2021-06-30到期",  # before: "（剩余5天）", as if still to do
        "🟡 3. 文化下乡：推进中 · 6月底前已完成",  # its deadline marked met
    ]
