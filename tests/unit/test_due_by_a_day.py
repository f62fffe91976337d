"""What is due by a day still ahead ("12月底前要完成的"): the targets still to do by then, the
overdue ones included, each with its days left; the ones due by then already done named in one
closing line, not listed as if the whole year were still to do."""

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.domain.ledger import DeadlineSpec, IndicatorSpec, TargetSpec
from bot.understanding.answering import Answerer
from bot.understanding.lexicon import load_lexicon
from tests.auxil.ledgers import small_ledger

YEAR_END = (DeadlineSpec(dt.date(2021, 12, 31), "年底前"),)
PARKS = TargetSpec(
    1, "城市公园建设", "城乡建设", "新建城市公园4个。", deadlines=YEAR_END,
    indicators=(IndicatorSpec("新建城市公园", "4", "个", ">=", "2"),),
)  # fmt: skip
ROADS = TargetSpec(
    2, "农村公路", "城乡建设", "新建农村公路30公里。", deadlines=YEAR_END,
    indicators=(IndicatorSpec("农村公路", "30", "公里", ">=", "31"),),  # done by its figure
)  # fmt: skip
PLAYS = TargetSpec(
    3, "文化下乡", "文化体育", "送戏下乡120场。", "已送戏下乡。",
    deadlines=(DeadlineSpec(dt.date(2021, 9, 30), "9月底前", done=True),),
)  # fmt: skip
LATE = TargetSpec(
    4, "污水管网", "生态环境", "新建污水管网8公里。",
    deadlines=(DeadlineSpec(dt.date(2021, 3, 31), "3月底前"),),  # passed, not done
)  # fmt: skip
NEXT_YEAR = TargetSpec(5, "学校建设", "社会事业", "新建学校1所。")


@pytest.fixture
def core():
    ledger = small_ledger(2021, PARKS, ROADS, PLAYS, LATE, NEXT_YEAR)
    return Answerer(ledger, load_lexicon(), today=dt.date(2021, 6, 25), tz=ZoneInfo("UTC"))


@pytest.mark.parametrize("question", ["12月底前要完成的", "12月底前需要完成的有哪些"])
def test_due_by_a_day_lists_what_is_still_to_do_and_names_the_done(core, question):
    # Before: "2021-01-01至2021-12-31到期" listed 农村公路 (done by its figure) with its days
    # left as if still to do, and said nothing of 文化下乡, met in September.
    answer = core.ask(question)
    assert (answer.intent, answer.targets) == ("list", (1, 4)), answer.reply
    lines = answer.reply.splitlines()
    assert lines[0] == "2021-12-31前到期（未完成；另有2项已完成）的目标（共2项）："
    assert lines[1:] == [
        "🟡 1. 城市公园建设：推进中 · 2021-12-31（剩余189天）",
        "🔴 4. 污水管网：未完成 · 2021-03-31（已逾期86天）",
        "✅ 已完成的2项：2. 农村公路、3. 文化下乡",
    ]


def test_a_window_that_starts_today_still_lists_the_done_ones_marked(core):
    answer = core.ask("下个月到期的")  # July: nothing due; the due-soon way is unchanged
    assert "✅" not in answer.reply and "到期（含已完成）" in answer.reply


def test_a_unit_named_with_the_day_lists_that_units_share():
    # Before, the unit was dropped: "发改委12月底前要完成的" listed every unit's targets.
    from bot.domain.ledger import UnitSpec

    led = dataclasses.replace(PARKS, units=(UnitSpec("县发改委"),))
    ledger = small_ledger(2021, led, ROADS, PLAYS, LATE, NEXT_YEAR)
    core = Answerer(ledger, load_lexicon(), today=dt.date(2021, 6, 25), tz=ZoneInfo("UTC"))
    answer = core.ask("发改委12月底前要完成的")
    assert answer.targets == (1,) and "县发改委负责" in answer.reply.splitlines()[0]
