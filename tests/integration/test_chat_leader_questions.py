"""Questions a leader types in the chat, answered as the chat sends them (buttons and pages
included), where the chat's own shaping of a reply matters."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from bot.chat.types import Sender
from tests.auxil.chats import admin_chat

LEADER = Sender(42, 42, actor="tg:42")


@pytest.fixture
def chat(config, engine):
    """The 2020 ledger on 23 October 2020, while the year still runs."""
    return admin_chat(config, engine, today=dt.date(2020, 10, 23))


@pytest.mark.parametrize("question", ["哪个单位最差", "各部门进展怎么样"])
def test_the_worst_units_are_named_not_paged_as_one_units_targets(chat, question):
    [reply] = chat.question(LEADER, question)
    lines = reply.text.splitlines()
    assert lines[0] == "各责任单位完成情况（最差的在前），2020-10-23："
    # the targets it leads are counted, those it only assists (配合) said apart; before, 县财政局
    # led the board with 16 targets, most of them assisted
    assert lines[1] == "县卫健委：🔴1 🟡1 🟢3 ⚪0（另配合1项）"
    assert sum(1 for line in lines if not line.startswith(" ")) == 6  # the title, five units
    assert reply.buttons == ()  # no ◀ ▶ pages of one unit's targets


def test_the_second_of_a_one_item_list_is_not_target_two(chat):
    [listed] = chat.question(LEADER, "哪些快到期了")
    assert listed.text.endswith("（共1项）：\n🟢 5. 腾云气体关闭退出：已完成（县工信局）")
    [second] = chat.question(LEADER, "第二个呢")
    assert second.text.startswith("刚才的清单只有1项，没有第二个：可以说“第一个”，或换个问法。")
    [first] = chat.question(LEADER, "第一个呢")
    assert first.text.startswith("第5项 腾云气体关闭退出：🟢已完成")


def test_list_by_a_topic_lists_its_targets_as_asking_would(chat):
    [reply] = chat.command(LEADER, "list", "养老")
    assert reply.text.splitlines() == [
        "“养老”相关的目标（共4项）：",
        "🟡 3. 中心敬老院：推进中（县民政局）",
        "🟢 4. 老年补贴适老化：已完成（县民政局）",
        "🟢 15. 社区养老设施：已完成（县民政局）",
        "🟢 40. 养老保险参保：超额完成（县人社局）",
    ]
    [unknown] = chat.command(LEADER, "list", "xyz")
    assert unknown.text.startswith("没有找到“xyz”。用法：/list [年份] 状态|单位|领域")


@pytest.mark.parametrize("question", ["有多少项目标", "台账里有几项任务", "目标有多少个"])
def test_how_many_targets_is_the_summary_not_a_target_with_many_things(chat, question):
    [reply] = chat.question(LEADER, question)
    assert reply.text.startswith("2020年县工作责任目标台账：共66项\n")  # was 第20项 市重点项目


def test_who_is_in_charge_after_a_one_item_list_is_asked_of_that_item(chat):
    chat.question(LEADER, "哪些快到期了")  # one item: 第5项 腾云气体关闭退出
    [reply] = chat.question(LEADER, "谁负责")
    assert reply.text.startswith("➤ 责任单位：县工信局(牵头,推定)、县应急管理局(配合,推定)\n第5项")


def _count(title: str) -> int:
    return int(re.search(r"共(\d+)项）", title).group(1))


@pytest.mark.parametrize(
    "question", ["哪些没超过目标", "哪些没有超额完成", "哪些没超过年初定的目标", "哪些不超额"]
)
def test_a_negated_status_lists_every_target_but_that_status(chat, question):
    [exceeded] = chat.question(LEADER, "哪些超过目标")
    [reply] = chat.question(LEADER, question)
    title = reply.text.splitlines()[0]
    # It was the 超额完成 list itself: the negation was lost.
    # named by what was left out, not by the five statuses that remain
    assert title.startswith("超额完成以外的目标（"), title
    assert "超额完成" not in reply.text.split("\n", 1)[1]
    assert _count(exceeded.text.splitlines()[0]) + _count(title) == 66


@pytest.mark.parametrize(
    "question",
    ["除了已完成的还有哪些", "已完成以外的有哪些", "已完成之外还有哪些", "剩下的还有哪些"],
)
def test_besides_done_is_headed_by_what_was_left_out_not_every_other_status(chat, question):
    [negated] = chat.question(LEADER, "哪些不是已完成的")
    [reply] = chat.question(LEADER, question)
    title = reply.text.splitlines()[0]
    # It was "已完成的目标" (the negation lost), or headed "推进中、滞后、未完成、暂无数据的目标".
    assert title.startswith("已完成以外的目标（"), title
    assert title == negated.text.splitlines()[0]
    assert "🟢" not in reply.text


def test_not_done_leaves_out_the_exceeded_and_failed_stays_its_own_status(chat):
    [reply] = chat.question(LEADER, "哪些不是已完成的")
    assert reply.text.startswith("已完成以外的目标（")
    [failed] = chat.question(LEADER, "哪些没完成")  # 没完成 says 未完成 itself
    assert failed.text.startswith("未完成的目标（共")
    [short] = chat.question(LEADER, "哪些不到目标")
    assert short.text.startswith("未完成的目标（共")


def _line_number(reply_text: str, at: int) -> int:
    """The ledger number the `at`-th line (from 1) of a list page shows."""
    lines = [line for line in reply_text.splitlines()[1:] if re.match(r"\S+ *\d+\. ", line)]
    return int(re.match(r"\S+ *(\d+)\. ", lines[at - 1]).group(1))


@pytest.mark.parametrize("question", ["第3个", "第三个呢"])
def test_a_place_said_on_the_second_page_counts_on_that_page(chat, question):
    [first] = chat.question(LEADER, "哪些超额完成了")  # 24 targets: three pages
    [second] = chat.question(LEADER, "下一页")
    assert "（第2/3页" in second.text.splitlines()[0]
    [opened] = chat.question(LEADER, question)
    shown = _line_number(second.text, 3)
    assert shown != _line_number(first.text, 3)
    assert f"第{shown}项 " in opened.text.split("\n", 2)[1] or opened.text.startswith(
        f"第{shown}项 "
    )  # before: the list's third entry, on page 1


def test_a_place_on_the_pressed_page_counts_on_it_too(chat):
    [first] = chat.question(LEADER, "哪些超额完成了")
    [[next_page]] = first.buttons
    [second] = chat.button(LEADER, next_page.data)
    [opened] = chat.question(LEADER, "第1个")
    assert f"第{_line_number(second.text, 1)}项 " in opened.text


def test_a_place_on_the_first_page_is_the_list_s_entry(chat):
    [first] = chat.question(LEADER, "哪些超额完成了")
    [opened] = chat.question(LEADER, "第3个")
    assert f"第{_line_number(first.text, 3)}项 " in opened.text
