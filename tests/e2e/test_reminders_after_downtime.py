"""The bot comes back after days down, over HTTP against the fake Bot API: a unit's group gets
one reminder per deadline, counting the days left from the day it really goes out.

县自然资源局's group (-1001234567) is subscribed; its targets 6, 7 and 16 are due 2020-12-31
(年底前), reminded on Thursday 24th (7 days), Monday 28th (3 days) and Wednesday 30th (1 day).
Before, a bot restarted on Tuesday 29th sent each target twice at once, "距截止还有7天" and
"距截止还有3天", when two days were left.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from bot.app.reminders import subscribe
from tests.auxil.bot_harness import bot_config, keyboard
from tests.auxil.reminder_harness import outbox, reminders_for, running_reminder_bot

GROUP = -1001234567
MEMBER = 501
REMINDED = (6, 7, 16)


def on(config, fake, day: dt.date):
    return bot_config(dataclasses.replace(config, today=day), fake)


LEFT = "截止：2020-12-31（周四） 年底前，距截止还有{}天"


def deadline_lines(fake, number: int) -> list[str]:
    return [
        next(line for line in c.result["text"].splitlines() if line.startswith("截止："))
        for c in reminders_for(fake, GROUP, number)
    ]


async def test_back_after_missing_two_reminders_the_unit_gets_one_with_the_days_left(
    config, engine, fake
):
    subscribe(engine, "县自然资源局", GROUP)
    async with running_reminder_bot(on(config, fake, dt.date(2020, 12, 29)), engine, fake) as bot:
        for number in REMINDED:
            assert deadline_lines(fake, number) == [LEFT.format(2)]
        # the one reminder sent is the one to acknowledge, and pressing 收到 works as ever
        [reminder] = reminders_for(fake, GROUP, 16)
        [[(label, data)]] = keyboard(reminder)
        assert label == "收到"
        pressed = await bot.press(GROUP, MEMBER, reminder.result["message_id"], data, name="张三")
        assert pressed.text.startswith("张三已确认收到第16项督查提醒")
    assert [(r.occurrence, r.late) for r in outbox(engine) if r.target_number == 16] == [
        (dt.date(2020, 12, 28), True)
    ]

    # Wednesday: the 1-day reminder goes out as usual, and nothing missed is sent again
    async with running_reminder_bot(on(config, fake, dt.date(2020, 12, 30)), engine, fake):
        assert deadline_lines(fake, 16) == [LEFT.format(2), LEFT.format(1)]


async def test_a_reminder_due_the_day_it_comes_back_replaces_the_one_it_missed(
    config, engine, fake
):
    subscribe(engine, "县自然资源局", GROUP)
    # down over Thursday 24th: Monday's 3-day reminder is the only one the group gets
    async with running_reminder_bot(on(config, fake, dt.date(2020, 12, 28)), engine, fake):
        for number in REMINDED:
            assert deadline_lines(fake, number) == [LEFT.format(3)]
    assert not any(r.late for r in outbox(engine))
