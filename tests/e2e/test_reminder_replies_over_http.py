"""Members of a unit's group answer a reminder the way Chinese work groups answer every notice,
over HTTP against the fake Bot API: "收到" acknowledges it and is no progress report.

Before, every "收到", "好的，马上落实" or 👍 under a reminder was filed as a progress
report ("已收到第6项的进展报送（编号1），待督查局审核"): the admin's /pending filled with them,
approving one appended "（2020-12-24补充）收到" to the target's progress, and the unit, counted
as having reported, was not reminded again. 县自然资源局's group (-1001234567) is reminded of
targets 6, 7 and 16 on Thursday 2020-12-24, and again on Monday 28th (3 days before 2020-12-31).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from bot.app.reminders import set_digest, subscribe
from tests.auxil.bot_harness import ADMIN, bot_config, running_bot
from tests.auxil.reminder_harness import outbox_row, reminders_for, reports

GROUP = -1001234567
KW = {"chat_type": "supergroup"}


def on(config, fake, day: dt.date):
    return bot_config(dataclasses.replace(config, today=day), fake)


async def test_a_reply_of_shou_dao_acknowledges_the_reminder_and_reports_nothing(
    config, engine, fake
):
    subscribe(engine, "县自然资源局", GROUP)
    async with running_bot(on(config, fake, dt.date(2020, 12, 24)), engine, fake) as bot:
        mines, forest, land = (
            reminders_for(fake, GROUP, n)[0].result["message_id"] for n in (6, 7, 16)
        )
        first = await bot.say(GROUP, 501, "收到", reply_to=mines, **KW)
        assert first.text.startswith("用户已确认收到第6项督查提醒（")
        assert first.text.endswith("）。报送进展请回复提醒消息，写明进展或数值。")
        assert outbox_row(engine, 6).acked_by_id == 501
        # the rest of the group says 收到 too: manners, answered by silence
        assert (await bot.say(GROUP, 502, "收到！", reply_to=mines, **KW)).sent == []
        promise = await bot.say(GROUP, 502, "好的，马上落实👍", reply_to=forest, **KW)
        assert promise.text.startswith("用户已确认收到第7项督查提醒（")
        assert outbox_row(engine, 7).acked_by_id == 502
        # words of progress after 收到 are a report, as before
        news = await bot.say(GROUP, 501, "收到，耕地缺口已补足1.2万亩", reply_to=land, **KW)
        assert news.text.startswith("已收到第16项的进展报送（编号")
        assert [(r.target_number, r.text) for r in reports(engine)] == [
            (16, "收到，耕地缺口已补足1.2万亩")
        ]
        assert (await bot.say(ADMIN, ADMIN, "/pending")).text.startswith("报送#1 第16项")

    # Monday: 6 and 7 are reminded again (收到 reported nothing); 16 reported since Thursday
    async with running_bot(on(config, fake, dt.date(2020, 12, 28)), engine, fake):
        assert [len(reminders_for(fake, GROUP, n)) for n in (6, 7, 16)] == [2, 2, 1]


async def test_a_leader_answering_the_digest_with_thumbs_up_is_answered_in_kind(
    config, engine, fake
):
    # Before, "好的👍" under the weekly digest was taken for a question about a target:
    # "抱歉，台账中没有找到与这个问题对应的目标。"; "收到" alone was already answered in kind.
    leaders = -1008880000
    set_digest(engine, leaders, True)
    async with running_bot(on(config, fake, dt.date(2020, 12, 28)), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {leaders} 领导群")
        [digest] = [c for c in fake.sent_messages(leaders) if "督查周报" in c.result["text"]]
        for words in ("好的👍", "收到，马上落实", "收到"):
            reply = await bot.say(leaders, 901, words, reply_to=digest.result["message_id"], **KW)
            assert reply.text.startswith("好的。还想查什么直接问就行。"), words
        assert reports(engine) == []


async def test_a_reply_under_the_bots_receipt_reports_progress_of_that_target(
    config, engine, fake
):
    # Before, a unit answering the bot's "已确认收到第6项督查提醒" (or "已收到第6项的进展报送")
    # with progress was told how to report ("本群是县自然资源局的工作群，只能报送…") and nothing
    # was filed: only a reply to the reminder itself was a report.
    subscribe(engine, "县自然资源局", GROUP)
    async with running_bot(on(config, fake, dt.date(2020, 12, 24)), engine, fake) as bot:
        mines = reminders_for(fake, GROUP, 6)[0].result["message_id"]
        receipt = await bot.say(GROUP, 501, "收到", reply_to=mines, **KW)
        assert receipt.text.startswith("用户已确认收到第6项督查提醒（")
        news = await bot.say(GROUP, 502, "矿山修复已完成验收", reply_to=receipt.message_id, **KW)
        assert news.text.startswith("已收到第6项的进展报送（编号1），待督查局审核：")
        # and under that report's receipt, more of the same target's progress
        more = await bot.say(
            GROUP, 502, "山长制巡查已覆盖全部矿区", reply_to=news.message_id, **KW
        )
        assert more.text.startswith("已收到第6项的进展报送（编号2）")
        # 收到 under a receipt is manners: nothing filed, nothing said
        assert (await bot.say(GROUP, 503, "收到", reply_to=news.message_id, **KW)).sent == []
        assert [(r.target_number, r.text) for r in reports(engine)] == [
            (6, "矿山修复已完成验收"),
            (6, "山长制巡查已覆盖全部矿区"),
        ]
