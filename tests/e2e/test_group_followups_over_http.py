"""Leaders in one group chat, over HTTP: a follow-up sent as a reply to one of the bot's answers
is about what that answer was about, whatever anyone asked in between."""

from __future__ import annotations

import pytest

from tests.auxil.bot_harness import ADMIN, bot_config, keyboard, running_bot

GROUP = -1001234567891
LEADER_A, LEADER_B = 88, 99


@pytest.fixture
async def bot(config, engine, fake):
    async with running_bot(bot_config(config, fake), engine, fake) as driver:
        reply = await driver.say(ADMIN, ADMIN, f"/grant {GROUP}")
        assert reply.text == f"已授予 {GROUP} 查看权限。"
        yield driver


async def ask(bot, user: int, text: str, **kwargs):
    return await bot.say(GROUP, user, text, chat_type="supergroup", **kwargs)


async def test_a_reply_to_an_answer_follows_up_on_that_answer(bot):
    loans = await ask(bot, LEADER_A, "@ledger_test_bot 新增贷款完成了吗")
    assert loans.text.startswith("第12项 新增贷款：🟢超额完成")
    farmland = await ask(bot, LEADER_B, "@ledger_test_bot 耕地保护怎么样")
    assert farmland.text.startswith("第16项 耕地保护：🔴未完成")

    # A replies to the loan answer: the loan's units, not the farmland's asked since
    who = await ask(bot, LEADER_A, "谁负责", reply_to=loans.message_id)
    assert who.text.startswith("➤ 责任单位：县金融工作局(牵头,推定)")
    # B replies to the farmland answer, after A's follow-up on loans
    who = await ask(bot, LEADER_B, "谁负责", reply_to=farmland.message_id)
    assert who.text.startswith("➤ 责任单位：县自然资源局(牵头,推定)")
    # a mention without a reply leans on the group's last answer, as before
    due = await ask(bot, LEADER_A, "@ledger_test_bot 啥时候到期")
    assert "第16项 耕地保护" in due.text


async def test_in_a_group_each_answer_replies_to_the_question_it_answers(bot):
    loans = await ask(bot, LEADER_A, "@ledger_test_bot 新增贷款完成了吗")
    [call] = loans.sent
    assert call.result["reply_to_message"]["text"] == "@ledger_test_bot 新增贷款完成了吗"
    assert call["reply_parameters"]["allow_sending_without_reply"] is True
    summary = await ask(bot, LEADER_B, "/summary")
    assert summary.sent[0].result["reply_to_message"]["text"] == "/summary"
    # a follow-up replying to the bot is answered under the follow-up, not under the answer
    who = await ask(bot, LEADER_A, "谁负责", reply_to=loans.message_id)
    assert who.sent[0].result["reply_to_message"]["text"] == "谁负责"
    # in a private chat nothing is quoted
    private = await bot.say(ADMIN, ADMIN, "新增贷款完成了吗")
    assert "reply_parameters" not in private.sent[0].params
    assert "reply_to_message" not in private.sent[0].result


async def test_a_reply_to_a_list_or_a_picked_target_follows_up_on_it(bot):
    listed = await ask(bot, LEADER_A, "@ledger_test_bot 未完成的有哪些")
    assert listed.text.startswith("未完成的目标（共3项）")
    await ask(bot, LEADER_B, "@ledger_test_bot 敬老院的事办得怎样")
    second = await ask(bot, LEADER_A, "第二个呢", reply_to=listed.message_id)
    assert second.text.startswith("第35项 慢阻肺防治")

    choice = await ask(bot, LEADER_B, "@ledger_test_bot 敬老院的事办得怎样")
    [[(_, pick)], *_] = keyboard(choice.sent[0])
    assert pick == "pick:3"
    await bot.press(GROUP, LEADER_B, choice.message_id, pick)
    await ask(bot, LEADER_A, "@ledger_test_bot 新增贷款完成了吗")
    who = await ask(bot, LEADER_B, "谁负责", reply_to=choice.message_id)
    assert who.text.startswith("➤ 责任单位：县民政局(牵头,推定)")


@pytest.fixture
async def two_years(config, engine, fake):
    """2021 (three targets, tests/data/ledger_2021.toml) imported beside 2020: 2021 is current."""
    from bot.config import PROJECT_ROOT
    from bot.render.ledger_toml import load_ledger_file
    from bot.store.ledger_import import load_ledger

    ledger = load_ledger_file(PROJECT_ROOT / "tests" / "data" / "ledger_2021.toml")
    load_ledger(engine, ledger, source="ledger_2021.toml")
    async with running_bot(bot_config(config, fake), engine, fake) as driver:
        await driver.say(ADMIN, ADMIN, f"/grant {GROUP}")
        yield driver


async def test_a_follow_up_stays_in_the_year_it_follows(two_years):
    bot = two_years
    city = await ask(bot, LEADER_A, "@ledger_test_bot 城市书房建得怎么样")
    assert city.text.startswith("第3项 城市书房")
    air = await ask(bot, LEADER_A, "@ledger_test_bot 2020年的PM2.5")
    assert air.text.startswith("【2020年】➤ PM2.5 43微克/立方米")
    # not the 2021 target 3 asked before, nor "no target" in a ledger without PM10
    who = await ask(bot, LEADER_A, "谁负责", reply_to=air.message_id)
    assert who.text.startswith("【2020年】➤ 责任单位：市生态环境局西平分局(牵头,推定)")
    pm10 = await ask(bot, LEADER_A, "那PM10呢", reply_to=who.message_id)
    assert pm10.text.startswith("【2020年】➤ PM10 75微克/立方米")

    listed = await ask(bot, LEADER_B, "@ledger_test_bot 去年未完成的有哪些")
    assert listed.text.startswith("【2020年】未完成的目标（共3项）")
    second = await ask(bot, LEADER_B, "第二个呢", reply_to=listed.message_id)
    assert second.text.startswith("【2020年】第35项 慢阻肺防治")
    # a reply to the 2021 answer is about 2021's target 3 again
    who = await ask(bot, LEADER_A, "谁负责", reply_to=city.message_id)
    assert who.text.startswith("➤ 责任单位：") and "第3项 城市书房" in who.text
    # a question naming no year, and no follow-up, is the current year's
    loans = await ask(bot, LEADER_A, "@ledger_test_bot 新增贷款完成了吗")
    assert loans.text.startswith("第1项 新增贷款")
