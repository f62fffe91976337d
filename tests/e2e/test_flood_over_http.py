"""Floods over HTTP against the fake Bot API: one busy group never delays another chat, and one
person past `[telegram] sender_rate` gets a single notice and then silence.

Users: admin 42, viewer 77 (granted during the test), strangers 7 and 8.
"""

from __future__ import annotations

import asyncio
import logging

from bot.adapters.telegram import slow_down_text
from tests.auxil.bot_harness import ADMIN, REFUSAL, bot_config, running_bot

VIEWER = 77
STRANGER = 7
GROUP = -1001234567890
LOAN_FIGURE = "新增贷款 24.43亿元 / 目标14亿元（174.5%）"
SLOW_DOWN = slow_down_text(20)


def throttle_records(caplog) -> list[logging.LogRecord]:
    return [
        r
        for r in caplog.records
        if r.name == "bot.adapters.telegram" and "messages a minute" in r.getMessage()
    ]


def refusal_records(caplog) -> list[logging.LogRecord]:
    return [
        r for r in caplog.records if r.name == "bot.chat.service" and "refused" in r.getMessage()
    ]


def test_the_slow_down_notice_says_what_to_do():
    assert SLOW_DOWN.startswith("您发送得太快了，请稍后再试")
    assert "20" in SLOW_DOWN


async def test_a_flooded_group_never_delays_a_private_answer(config, engine, fake, monkeypatch):
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    # The rate limiter on (production): the group gets about 20 messages a minute.
    async with running_bot(bot_config(config, fake, rate_limiter=True), engine, fake) as bot:
        assert (await bot.say(ADMIN, ADMIN, f"/grant {VIEWER}")).text.startswith("已授予")
        for _ in range(1000):
            fake.push_message(GROUP, STRANGER, "/summary", chat_type="supergroup")
        fake.push_message(VIEWER, VIEWER, "新增贷款完成了吗")

        def answers_viewer(c) -> bool:
            return c.method == "sendMessage" and c.ok and c.get("chat_id") == VIEWER

        # Order, not a wall-clock bound (bench/flood.py measures the time): the group backlog is
        # ahead of the question in Telegram's queue, yet the answer goes out before that backlog
        # has been sent, however slow the machine is.
        answer = await asyncio.to_thread(fake.wait_for, answers_viewer, 60.0)
        assert LOAN_FIGURE in answer.result["text"]

        # the flooding stranger: 20 refusals, one notice, then nothing more
        await bot.settle(within=60)
        assert fake.sent_texts(GROUP) == [REFUSAL] * 20 + [SLOW_DOWN]
        sent = fake.sent_messages()
        assert sent.index(answer) < sent.index(fake.sent_messages(GROUP)[-1])
        assert [c.ok for c in fake.calls("sendMessage")].count(False) == 0


async def test_a_sender_past_the_rate_gets_one_notice_then_silence(config, engine, fake, caplog):
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        replies = [await bot.say(STRANGER, STRANGER, "/start") for _ in range(25)]
        assert [r.texts for r in replies[:20]] == [[REFUSAL]] * 20
        assert replies[20].texts == [SLOW_DOWN]
        assert [r.calls for r in replies[21:]] == [[]] * 4

        # a button press while silenced is still answered, without a word
        press = await bot.press(STRANGER, STRANGER, replies[0].message_id, "detail:12")
        assert [(c.method, c.get("text")) for c in press.calls] == [("answerCallbackQuery", None)]
        # and in a group the same person is just as silenced (the limit is per person)
        reply = await bot.say(GROUP, STRANGER, "/start", chat_type="supergroup")
        assert reply.calls == []
    assert len(throttle_records(caplog)) == 1
    [record] = throttle_records(caplog)
    assert record.levelno == logging.WARNING and str(STRANGER) in record.getMessage()
    assert len(refusal_records(caplog)) == 20  # the silenced messages never reach the core


async def test_admins_and_unaddressed_chatter_are_not_throttled(config, engine, fake, caplog):
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        for _ in range(25):
            assert (await bot.say(ADMIN, ADMIN, "/whoami")).text.endswith("角色：管理员")
        await bot.say(ADMIN, ADMIN, f"/grant {GROUP}")
        # chatter the bot ignores in a group does not count against the person
        for _ in range(30):
            chatter = await bot.say(GROUP, VIEWER, "大家好", chat_type="supergroup")
            assert chatter.calls == []
        reply = await bot.say(
            GROUP, VIEWER, "@ledger_test_bot 新增贷款完成了吗", chat_type="supergroup"
        )
        assert LOAN_FIGURE in reply.text
    assert throttle_records(caplog) == []


async def test_updates_of_one_chat_are_handled_in_order(config, engine, fake):
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {VIEWER}")
        numbers = [12, 3, 56, 1, 44, 17, 5, 40, 9, 30]
        for number in numbers:
            fake.push_message(VIEWER, VIEWER, f"/target {number}")
        fake.push_message(ADMIN, ADMIN, "/set 12 新增贷款 25.1亿元 截止12月底")
        await bot.settle()
        replies = [c.result["text"] for c in fake.sent_messages(VIEWER)]
        assert [text.split(" ", 1)[0] for text in replies] == [f"第{n}项" for n in numbers]

        # 确认 and /undo pushed back to back in one chat: the undo sees the applied change
        proposal = fake.sent_messages(ADMIN)[-1]
        confirm = proposal["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
        fake.push_callback(ADMIN, ADMIN, proposal.result["message_id"], confirm)
        fake.push_message(ADMIN, ADMIN, "/undo")
        await bot.settle()
        assert fake.sent_texts(ADMIN)[-1] == "已撤销：第12项 新增贷款完成值：25.1亿元 → 24.43亿元"
