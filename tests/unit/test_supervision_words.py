"""销号, 佐证材料 and recent changes asked of the core alone (the chat fills in the database's
part: tests/e2e/test_supervision_questions_over_http.py)."""

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.domain.ledger import IndicatorSpec, TargetSpec
from bot.domain.status import DONE_STATUSES
from bot.understanding.answering import Answerer
from bot.understanding.lexicon import load_lexicon
from tests.auxil.ledgers import small_ledger


@pytest.fixture(scope="module")
def answerer(ledger_2020):
    return Answerer(ledger_2020, load_lexicon(), today=dt.date(2020, 12, 31), tz=ZoneInfo("UTC"))


@pytest.mark.parametrize(
    ("question", "number"),
    [("新增贷款销号了吗", 12), ("第16项销号了吗", 16), ("耕地保护销号没有", 16)],
)
def test_closing_of_a_target(answerer, question, number):
    answer = answerer.ask(question)
    assert (answer.intent, answer.targets[0], answer.filter["aspect"]) == (
        "target",
        number,
        "closed",
    )
    assert answer.reply.startswith(f"➤ 第{number}项 ") and "未销号" in answer.reply.splitlines()[0]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("哪些已销号", "closed"),
        ("哪些还没销号", "open"),
        ("哪些可以销号", "ready"),
        ("销号了吗", "closed"),
    ],
)
def test_closing_lists(answerer, question, kind):
    answer = answerer.ask(question)
    assert (answer.intent, answer.filter) == ("list", {"closed": kind})


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("有佐证材料吗", {"evidence": "held"}),
        ("哪些没有佐证材料", {"evidence": "missing"}),
        ("本周有什么变化", {"changes": "本周"}),
        ("最近更新了哪些", {"changes": "最近"}),
    ],
)
def test_what_the_database_answers_is_asked_for_with_where_to_look(answerer, question, asked):
    answer = answerer.ask(question)
    assert (answer.intent, answer.targets, answer.filter) == ("list", (), asked)
    assert "/evidence" in answer.reply or "/history" in answer.reply


def test_a_targets_own_name_holding_the_word_is_that_target():
    # A drafted title may end in 销号 ("黑臭水体整治销号"): asked after, it is that target.
    water = TargetSpec(
        number=3,
        title="河口镇黑臭水体整治销号",
        category="生态环境",
        target_text="完成黑臭水体整治销号18条",
        indicators=(IndicatorSpec("黑臭水体整治", "18", "条", ">=", "15", "1-5月"),),
    )
    roads = TargetSpec(
        number=4, title="农村公路", category="城乡建设", target_text="新建农村公路30公里"
    )
    core = Answerer(
        small_ledger(2020, water, roads), load_lexicon(), today=dt.date(2020, 6, 1),
        tz=ZoneInfo("UTC"),
    )  # fmt: skip
    answer = core.ask("河口镇黑臭水体整治销号完成了吗")
    assert (answer.intent, answer.targets[0], answer.filter) == ("target", 3, {})


def test_a_number_the_ledger_lacks_is_said_so(answerer):
    answer = answerer.ask("第99项销号了吗")
    assert answer.intent == "unknown" and answer.reply.startswith("台账中没有第99项目标")


def test_not_closed_yet_lists_the_done_targets_waiting_for_closure(answerer):
    # 销号 closes a done and proven target: "还没销号" asks which done ones still wait for it,
    # not every target (an unfinished one cannot be closed); those are counted in the title.
    answer = answerer.ask("哪些还没销号")
    done = {t.number for t in answerer.ledger.targets if answerer.status(t) in DONE_STATUSES}
    assert answer.targets and set(answer.targets) == done
    unfinished = len(answerer.ledger.targets) - len(done)
    assert answer.reply.startswith(f"已完成、尚未销号的目标（另有{unfinished}项未完成")


@pytest.fixture(scope="module")
def stamped(ledger_2020):
    """The 2020 ledger as a database holds it: 12 changed last, by an admin; 16 before."""
    at = {
        12: (dt.datetime(2020, 12, 20, 2, 30, tzinfo=dt.UTC), "王局长"),
        16: (dt.datetime(2020, 12, 1, 8, 0, tzinfo=dt.UTC), "import"),
    }
    targets = tuple(
        dataclasses.replace(t, updated_at=at[t.number][0], updated_by=at[t.number][1])
        if t.number in at
        else t
        for t in ledger_2020.targets
    )
    ledger = dataclasses.replace(ledger_2020, targets=targets)
    return Answerer(ledger, load_lexicon(), today=dt.date(2020, 12, 31), tz=ZoneInfo("UTC"))


@pytest.mark.parametrize("question", ["数据最近一次更新是什么时候", "台账最后一次更新的时间"])
def test_when_the_ledger_was_last_updated(stamped, question):
    # Before, "什么时候" made it a deadline question and 时限 of whatever target matched.
    answer = stamped.ask(question)
    assert (answer.intent, answer.filter) == ("summary", {"aspect": "updated"})
    assert answer.reply.startswith(
        "➤ 2020年台账最近一次更新 2020-12-20 02:30（王局长），当天更新的有第12项 新增贷款。"
    )
    assert "时限" not in answer.reply


def test_a_ledger_never_updated_says_so(answerer):
    answer = answerer.ask("数据最近一次更新是什么时候")
    assert answer.reply.startswith("台账还没有更新记录。")


@pytest.mark.parametrize("question", ["新增贷款什么时候更新的", "第12项最后一次更新时间"])
def test_when_a_target_was_last_updated(stamped, question):
    answer = stamped.ask(question)
    assert (answer.intent, answer.targets[0], answer.filter["aspect"]) == ("target", 12, "updated")
    assert answer.reply.startswith("➤ 第12项 新增贷款：最近一次更新 2020-12-20 02:30（王局长）\n")
    assert "➤ 时限" not in answer.reply


def test_when_it_is_done_is_still_its_deadline(answerer):
    answer = answerer.ask("新增贷款什么时候完成")
    assert answer.targets[0] == 12 and answer.reply.startswith("➤ 时限：")
