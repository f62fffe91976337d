"""Numbers after a list, by one rule: 第N个 (第N, 第N个呢) is the list's Nth entry, 第N项 (条,
件) the ledger's own number; the answer says which reading it took when the other names another
target. After a 红黄绿榜 its entries are the units."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.render.replies import NOTHING_TO_STEP
from bot.understanding.answering import Answerer
from bot.understanding.conversation import Conversation
from bot.understanding.lexicon import load_lexicon


@pytest.fixture(scope="module")
def answerer(ledger_2020):
    return Answerer(ledger_2020, load_lexicon(), today=dt.date(2021, 1, 5), tz=ZoneInfo("UTC"))


def after_not_done(answerer):
    chat = Conversation()
    assert answerer.ask("哪些红灯", chat, now=0).targets == (16, 35, 62)
    return chat


@pytest.mark.parametrize("question", ["第三项", "第3条", "第三件", "第三项呢"])
def test_a_ledger_number_is_the_ledgers_target_and_says_so(answerer, question):
    answer = answerer.ask(question, after_not_done(answerer), now=1)
    assert answer.targets == (3,)  # before: 第62项, the list's third entry
    assert answer.reply.startswith(
        "➤ 台账编号第3项；刚才清单的第3个是第62项 节能减煤，要看它请说“第3个”\n第3项 中心敬老院"
    )


@pytest.mark.parametrize("question", ["第三个", "第3", "那第三个怎么样"])
def test_a_place_is_the_lists_entry_and_says_so(answerer, question):
    answer = answerer.ask(question, after_not_done(answerer), now=1)
    assert answer.targets == (62,)
    assert answer.reply.startswith("➤ 刚才清单的第3个；台账编号第3项请说“第3项”\n第62项")


def test_a_step_says_nothing_of_the_other_reading(answerer):
    answer = answerer.ask("第三个呢", after_not_done(answerer), now=1)
    assert answer.targets == (62,) and answer.reply.startswith("第62项 节能减煤")


def test_a_number_past_the_list_or_one_naming_the_same_target_needs_no_note(answerer):
    chat = after_not_done(answerer)
    assert answerer.ask("第十二项", chat, now=1).reply.startswith("第12项 新增贷款")
    assert answerer.ask("第十二个", Conversation(), now=1).targets == (12,)  # no list open


def test_the_second_on_the_unit_board_is_its_second_unit(answerer):
    chat = Conversation()
    board = answerer.ask("哪个单位最差", chat, now=0)
    units = [line.split("：")[0] for line in board.reply.splitlines()[1:] if line[0] != " "]
    second = answerer.ask("第二个呢", chat, now=1)
    assert second.intent == "list" and second.filter["unit"] == units[1]
    assert second.reply.splitlines()[:2] == [
        f"红黄绿榜第2个单位（共{len(units)}个）：",
        board.reply.splitlines()[3],
    ]
    assert answerer.ask("下一个", chat, now=2).filter["unit"] == units[2]
    assert answerer.ask("上一个", chat, now=3).filter["unit"] == units[1]
    past = answerer.ask(f"第{len(units) + 1}个呢", chat, now=4)
    assert past.intent == "unknown" and past.reply.startswith(f"刚才的清单只有{len(units)}项")
    assert answerer.ask("第12项", chat, now=5).targets == (12,)  # the ledger's number
    # a target asked since: the board is no longer the list open
    assert answerer.ask("第二个呢", chat, now=6).reply.startswith(NOTHING_TO_STEP)


@pytest.mark.parametrize("question", ["第二个指标呢", "第2个指标", "那第二个指标怎么样"])
def test_the_second_indicator_is_the_open_target_s_not_target_2(answerer, question):
    chat = Conversation()
    opened = answerer.ask("省重点项目怎么样", chat, now=0)
    target = answerer.by_number[opened.targets[0]]
    assert len(target.indicators) >= 2
    answer = answerer.ask(question, chat, now=1)
    assert answer.targets[:1] == opened.targets[:1]  # before: 第2项 规上工业增加值
    assert answer.filter["indicator"] == target.indicators[1].name
    assert answer.reply.startswith(f"➤ {target.indicators[1].name}")


def test_an_indicator_past_the_target_s_last_says_how_many_it_has(answerer):
    chat = Conversation()
    answerer.ask("新增贷款怎么样", chat, now=0)  # one indicator
    answer = answerer.ask("第二个指标呢", chat, now=1)
    assert (answer.intent, answer.targets) == ("unknown", ())
    assert answer.reply.startswith("第12项 新增贷款只有1个指标")


def test_an_indicator_by_place_with_no_target_open_asks_for_one(answerer):
    answer = answerer.ask("第二个指标呢", Conversation(), now=0)
    assert (answer.intent, answer.targets) == ("unknown", ())
    assert answer.reply.startswith("请先问一项目标")
