"""/unmatched lists a question asked several times once, with how often it was asked, and its
one button resolves every time it was asked, once the alias is confirmed."""

from __future__ import annotations

from bot.chat.types import Sender
from bot.store.unmatched import log_unmatched
from tests.auxil.chats import admin_chat

ADMIN = Sender(42, 42, actor="tg:42")


def test_a_question_asked_three_times_is_one_line_and_one_button(config, engine):
    service = admin_chat(config, engine)
    for question in ("放款那摊子", "放款那摊子", "火星基地建得怎样", "放款那摊子"):
        best = 12 if question == "放款那摊子" else None
        log_unmatched(engine, question, best_target=best, best_score=1.0, year=2020)
    [listed] = service.command(ADMIN, "unmatched", "")
    assert listed.text.splitlines()[1:3] == [
        "· 放款那摊子（问过3次，最接近第12项）",
        "· 火星基地建得怎样",
    ]
    [[button]] = listed.buttons
    assert button.label == "“放款那摊子”设为第12项别名"
    [asked] = service.button(ADMIN, button.data)
    assert "第12项 新增别名：放款那摊子" in asked.text
    service.button(ADMIN, asked.buttons[0][0].data)
    [after] = service.command(ADMIN, "unmatched", "")
    assert after.text.splitlines()[1:] == [
        "· 火星基地建得怎样",
        "其他问题可用 /alias 序号 词 手动添加别名。",
    ]


def test_a_cancelled_alias_leaves_the_question_open_and_a_second_press_opens_no_other(
    config, engine
):
    service = admin_chat(config, engine)
    log_unmatched(engine, "放款那摊子", best_target=12, best_score=1.0, year=2020)
    [listed] = service.command(ADMIN, "unmatched", "")
    [[button]] = listed.buttons
    [asked] = service.button(ADMIN, button.data)
    [again] = service.button(ADMIN, button.data)  # pressed twice while it waits for 确认
    assert again.toast == "该问题已处理或不存在"
    [[_, cancel]] = asked.buttons
    [cancelled] = service.button(ADMIN, cancel.data)
    assert cancelled.text.startswith("已取消")
    [still] = service.command(ADMIN, "unmatched", "")
    assert "· 放款那摊子（最接近第12项）" in still.text.splitlines()
    [[button]] = still.buttons  # and it can be proposed again
    [asked] = service.button(ADMIN, button.data)
    assert "第12项 新增别名：放款那摊子" in asked.text


def test_greetings_thanks_and_a_missing_item_number_are_not_offered_as_aliases(config, engine):
    # No alias could answer them: the bot understood each and said what to type instead.
    service = admin_chat(config, engine)
    for question in ("你好", "谢谢", "第100项", "谁负责", "火星基地建得怎样"):
        [reply] = service.question(ADMIN, question)
        assert reply.text
    service.unmatched.flush()  # the log is written by a background thread
    [listed] = service.command(ADMIN, "unmatched", "")
    assert listed.text.splitlines()[1:] == [
        "· 火星基地建得怎样",
        "其他问题可用 /alias 序号 词 手动添加别名。",
    ]
