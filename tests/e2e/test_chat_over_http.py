"""The real bot, its real polling loop, over HTTP against the fake Bot API, with scripted users.

Users: admin 42 (from the config), viewer 77 (granted with /grant during the test), stranger 7.
"""

from __future__ import annotations

import pytest
from sqlmodel import Session

from bot.domain.fields import FieldChange
from bot.render.target_view import target_detail_text
from bot.store.ledger_changes import apply_changes
from bot.store.ledger_store import read_target
from tests.auxil.bot_harness import (
    ADMIN,
    BUSY_TEXT,
    REFUSAL,
    BotDriver,
    actual,
    audit_entries,
    bot_config,
    keyboard,
    running_bot,
    snapshot,
)

VIEWER = 77
STRANGER = 7
GROUP = -1001234567890

LOAN_FIGURE = "新增贷款 24.43亿元 / 目标14亿元（174.5%）"
TARGET_BUTTONS_12 = [[("详情", "detail:12"), ("变更记录", "hist:12")]]
NOT_DONE_LIST = (
    "未完成的目标（共3项）：\n"
    "🔴 16. 耕地保护：未完成（县自然资源局）\n"
    "🔴 35. 慢阻肺防治：未完成（县卫健委）\n"
    "🔴 62. 节能减煤：未完成（县发改委）"
)


@pytest.fixture
async def bot(config, engine, fake):
    async with running_bot(bot_config(config, fake), engine, fake) as driver:
        yield driver


async def grant_viewer(bot: BotDriver, subject: int = VIEWER) -> None:
    reply = await bot.say(ADMIN, ADMIN, f"/grant {subject}")
    assert reply.text == f"已授予 {subject} 查看权限。"


def detail_text(engine, config, number: int) -> str:
    with Session(engine) as session:
        target = read_target(session, number)
    return target_detail_text(target, config.current_date(), config.tz)


# --- strangers -----------------------------------------------------------------------------


async def test_at_start_the_menu_is_set_and_a_stranger_is_refused(bot, engine):
    # the command menu: every command, with its Chinese description
    [call] = bot.fake.calls("setMyCommands")
    expected = [
        {"command": c.name, "description": c.help} for c in bot.service.registry.commands.values()
    ]
    assert call["commands"] == expected == bot.fake.commands
    assert {c["command"] for c in expected} == set(bot.service.registry.commands)
    for command in expected:
        assert any("\u4e00" <= ch <= "\u9fff" for ch in command["description"]), command

    # a stranger: one polite refusal per message, nothing changes
    before = snapshot(engine)
    for text in ("新增贷款完成了吗", "/set 12 新增贷款 1亿元", "/grant 7", "/start", "/undo"):
        reply = await bot.say(STRANGER, STRANGER, text)
        assert reply.texts == [REFUSAL], text
        assert reply.sent[0]["chat_id"] == STRANGER
        assert not reply.edits and not reply.failed
    # a forged button press on the refusal: answered, nothing else
    refusal_id = reply.message_id
    for data in ("confirm:1", "detail:12", "page:1:1"):
        press = await bot.press(STRANGER, STRANGER, refusal_id, data)
        assert [c.method for c in press.calls] == ["answerCallbackQuery"]
        assert press.answers[0]["text"] == "您没有权限"
    assert snapshot(engine) == before


# --- a viewer asks -------------------------------------------------------------------------


async def test_a_granted_viewer_asks_and_opens_details(bot, engine, config):
    await grant_viewer(bot)

    reply = await bot.say(VIEWER, VIEWER, "新增贷款完成了吗")
    assert LOAN_FIGURE in reply.text
    assert reply.text.startswith("第12项 新增贷款：🟢超额完成\n")
    assert keyboard(reply.sent[0]) == TARGET_BUTTONS_12
    assert reply.sent[0]["parse_mode"] == "HTML"
    answer_id = reply.message_id

    press = await bot.press(VIEWER, VIEWER, answer_id, "detail:12")
    assert len(press.answers) == 1 and not press.sent
    [edit] = press.edits
    assert (edit["chat_id"], edit["message_id"]) == (VIEWER, answer_id)
    assert bot.shown(VIEWER, answer_id) == detail_text(engine, config, 12)
    assert keyboard(edit) == [[("返回", "pick:12"), ("变更记录", "hist:12")]]

    # pressing 详情 again on the same message: Telegram says "not modified"; no error shown
    again = await bot.press(VIEWER, VIEWER, answer_id, "detail:12")
    assert len(again.answers) == 1 and not again.sent and not again.edits

    press = await bot.press(VIEWER, VIEWER, answer_id, "hist:12")
    assert bot.shown(VIEWER, answer_id) == "第12项暂无变更记录（数据来自2020年台账导入）。"
    assert keyboard(press.edits[0]) == [[("返回", "pick:12")]]

    press = await bot.press(VIEWER, VIEWER, answer_id, "pick:12")
    assert LOAN_FIGURE in bot.shown(VIEWER, answer_id)
    assert keyboard(press.edits[0]) == TARGET_BUTTONS_12

    # an ambiguous question offers a choice; picking edits the same message
    reply = await bot.say(VIEWER, VIEWER, "敬老院的事办得怎样")
    assert reply.text == (
        "这个问题可能涉及以下几项目标，请选择：\n1. 第3项 中心敬老院\n2. 第4项 老年补贴适老化"
    )
    assert keyboard(reply.sent[0]) == [
        [("第3项 中心敬老院", "pick:3")],
        [("第4项 老年补贴适老化", "pick:4")],
    ]
    press = await bot.press(VIEWER, VIEWER, reply.message_id, "pick:3")
    assert len(press.answers) == 1 and not press.sent
    assert press.edits[0]["message_id"] == reply.message_id
    assert bot.shown(VIEWER, reply.message_id).startswith("第3项 中心敬老院：⚪暂无数据\n")
    assert keyboard(press.edits[0]) == [[("详情", "detail:3"), ("变更记录", "hist:3")]]


# --- an admin changes a figure --------------------------------------------------------------


async def test_a_follow_up_leans_on_the_same_chats_last_target(bot):
    await grant_viewer(bot)
    await grant_viewer(bot, 78)

    first = await bot.say(VIEWER, VIEWER, "PM10降到多少了")
    assert first.text.startswith("➤ PM10 ")
    follow = await bot.say(VIEWER, VIEWER, "那PM2.5呢")
    assert follow.text.startswith("➤ PM2.5 43微克/立方米") and "第56项 大气环境质量" in follow.text
    assert keyboard(follow.sent[0]) == [[("详情", "detail:56"), ("变更记录", "hist:56")]]

    # another chat has its own context: there the same follow-up is asked before any target
    other = await bot.say(78, 78, "谁负责")
    assert other.text.startswith("请先问一项目标")

    # a button press counts too: after picking 第3项, "谁负责" is about target 3
    choice = await bot.say(VIEWER, VIEWER, "敬老院的事办得怎样")
    await bot.press(VIEWER, VIEWER, choice.message_id, "pick:3")
    who = await bot.say(VIEWER, VIEWER, "谁负责")
    assert who.text.startswith("➤ 责任单位：县民政局") and "第3项 中心敬老院" in who.text


async def test_only_the_admin_who_asked_can_confirm_a_change(bot, engine):
    await grant_viewer(bot)
    proposal = await bot.say(
        GROUP, ADMIN, "/set 12 新增贷款 25.1亿元 截止12月底", chat_type="supergroup"
    )
    assert proposal.text == "请确认以下修改：\n第12项 新增贷款 完成值：24.43亿元 → 25.1亿元"
    [[(yes, confirm), (no, cancel)]] = keyboard(proposal.sent[0])
    assert (yes, no) == ("确认", "取消")
    assert confirm.startswith("confirm:") and cancel == "cancel:" + confirm.split(":")[1]
    message_id = proposal.message_id
    before = snapshot(engine)

    # a viewer in the same group presses 确认, then 取消: only the toast
    for data in (confirm, cancel):
        press = await bot.press(GROUP, VIEWER, message_id, data)
        assert [c.method for c in press.calls] == ["answerCallbackQuery"]
        assert press.answers[0]["text"].startswith("只有发起修改的管理员可以")
    # a stranger in the group
    press = await bot.press(GROUP, STRANGER, message_id, confirm)
    assert [c.method for c in press.calls] == ["answerCallbackQuery"]
    assert press.answers[0]["text"] == "您没有权限"
    assert actual(engine, 12, "新增贷款") == "24.43"
    assert snapshot(engine) == before

    press = await bot.press(GROUP, ADMIN, message_id, confirm)
    assert press.answers[0]["text"] == "已修改"
    assert press.edits[0]["message_id"] == message_id and not press.sent
    assert bot.shown(GROUP, message_id) == (
        "✅ 已修改：\n第12项 新增贷款 完成值：24.43亿元 → 25.1亿元\n（如需撤销，发送 /undo）"
    )
    assert actual(engine, 12, "新增贷款") == "25.1"
    [entry] = audit_entries(engine)
    assert (entry.actor, entry.target_number, entry.field_name) == (
        "tg:42",
        12,
        "indicator:新增贷款:actual",
    )
    assert (entry.old_value, entry.new_value) == ("24.43", "25.1")

    # a second press (double tap) applies nothing more
    press = await bot.press(GROUP, ADMIN, message_id, confirm)
    assert press.answers[0]["text"] == "这项修改已处理过了：已生效" and not press.edits
    assert len(audit_entries(engine)) == 1

    # answers see the new figure at once
    reply = await bot.say(VIEWER, VIEWER, "新增贷款完成了吗")
    assert "新增贷款 25.1亿元 / 目标14亿元（179.3%）" in reply.text

    undo = await bot.say(ADMIN, ADMIN, "/undo")
    assert undo.text == "已撤销：第12项 新增贷款完成值：25.1亿元 → 24.43亿元"
    assert actual(engine, 12, "新增贷款") == "24.43"
    reply = await bot.say(VIEWER, VIEWER, "新增贷款完成了吗")
    assert LOAN_FIGURE in reply.text
    assert (await bot.say(ADMIN, ADMIN, "/undo")).text == "没有可撤销的修改。"


async def test_a_cancelled_or_malformed_change_is_not_applied(bot, engine):
    proposal = await bot.say(ADMIN, ADMIN, "/set 12 新增贷款 30亿元 截止12月底")
    before = snapshot(engine)
    [[_, (_, cancel)]] = keyboard(proposal.sent[0])
    press = await bot.press(ADMIN, ADMIN, proposal.message_id, cancel)
    assert press.answers[0]["text"] == "已取消"
    assert bot.shown(ADMIN, proposal.message_id) == (
        "已取消：\n第12项 新增贷款 完成值：24.43亿元 → 30亿元"
    )
    assert "reply_markup" not in bot.fake.message(ADMIN, proposal.message_id)
    assert actual(engine, 12, "新增贷款") == "24.43"
    assert snapshot(engine)[0] == before[0] and not audit_entries(engine)

    # a wrong unit is refused with the correct form, and nothing is proposed
    reply = await bot.say(ADMIN, ADMIN, "/set 12 新增贷款 25万亩")
    assert reply.text == (
        "单位不符：第12项“新增贷款”的单位是亿元，你输入的是万亩\n"
        "用法：/set 序号 指标 值 [数据时点]，例如：/set 3 改扩建或新建中心敬老院 1所"
    )
    assert keyboard(reply.sent[0]) == []
    assert actual(engine, 12, "新增贷款") == "24.43"
    assert snapshot(engine)[1] == before[1]


# --- groups ---------------------------------------------------------------------------------


async def test_in_a_group_the_bot_answers_only_what_is_addressed_to_it(bot):
    await grant_viewer(bot)

    async def say(text: str, user: int = VIEWER, **kwargs):
        return await bot.say(GROUP, user, text, chat_type="supergroup", **kwargs)

    assert (await say("新增贷款完成了吗")).calls == []
    assert (await say("大家好，今天开会")).calls == []

    reply = await say("@ledger_test_bot 未完成的有哪些")
    assert reply.text == NOT_DONE_LIST
    assert reply.sent[0]["chat_id"] == GROUP

    reply = await say("新增贷款完成了吗", reply_to=reply.message_id)
    assert LOAN_FIGURE in reply.text

    # a reply to a person's message is still chatter
    chatter = bot.fake.push_message(GROUP, STRANGER, "收到", chat_type="supergroup")
    reply = await say("新增贷款完成了吗", reply_to=chatter["message"]["message_id"])
    assert reply.calls == []

    summary = await say("/summary@ledger_test_bot")
    assert summary.text.startswith("2020年县工作责任目标台账：共66项\n")
    assert summary.text.endswith("（最近一次更新），统计日2021-01-15，2020年度已结束")
    assert (await say("/summary@otherbot")).calls == []
    assert (await say("/summary")).text == summary.text

    # a stranger in a group nobody granted: chatter ignored, a question to the bot refused
    assert (await say("新增贷款完成了吗", user=STRANGER)).calls == []
    assert (await say("@ledger_test_bot 未完成的有哪些", user=STRANGER)).texts == [REFUSAL]

    # once the group is granted, any member may ask, and still may not change anything
    await grant_viewer(bot, GROUP)
    reply = await bot.say(
        GROUP, STRANGER, "@ledger_test_bot 未完成的有哪些", chat_type="supergroup"
    )
    assert reply.text == NOT_DONE_LIST
    reply = await bot.say(GROUP, STRANGER, "/set 12 新增贷款 1亿元", chat_type="supergroup")
    assert (
        reply.text
        == "/set 仅限管理员使用。需要办理的，请联系县督查局管理员；发送 /help 查看您可用的命令。"
    )


# --- hostile and long text -------------------------------------------------------------------


async def test_markup_in_an_alias_is_shown_literally(bot, engine):
    proposal = await bot.say(ADMIN, ADMIN, "/alias 12 <b>&</a>")
    assert proposal.raw_texts == ["请确认以下修改：\n第12项 新增别名：&lt;b&gt;&amp;&lt;/a&gt;"]
    assert proposal.text == "请确认以下修改：\n第12项 新增别名：<b>&</a>"
    [[(_, confirm), _]] = keyboard(proposal.sent[0])
    press = await bot.press(ADMIN, ADMIN, proposal.message_id, confirm)
    assert "&lt;b&gt;&amp;&lt;/a&gt;" in press.edits[0]["text"]

    card = await bot.say(ADMIN, ADMIN, "/target 12")
    assert keyboard(card.sent[0]) == TARGET_BUTTONS_12
    press = await bot.press(ADMIN, ADMIN, card.message_id, "detail:12")
    [edit] = press.edits
    assert edit["parse_mode"] == "HTML"
    assert "别名：&lt;b&gt;&amp;&lt;/a&gt;、" in edit["text"]
    assert "别名：<b>&</a>、" in bot.shown(ADMIN, card.message_id)
    assert not press.failed and BUSY_TEXT not in press.texts

    history = await bot.press(ADMIN, ADMIN, card.message_id, "hist:12")
    assert not history.failed and "&lt;b&gt;&amp;&lt;/a&gt;" in history.edits[0]["text"]


NOTE = ("城关镇完成入户走访，新增贷款项目储备充足，" * 100)[:1900]


async def test_a_detail_card_longer_than_a_message_is_split(bot, engine, config):
    for n in range(3):
        proposal = await bot.say(ADMIN, ADMIN, f"/note 12 {n}{NOTE}")
        [[(_, confirm), _]] = keyboard(proposal.sent[0])
        press = await bot.press(ADMIN, ADMIN, proposal.message_id, confirm)
        assert press.answers[0]["text"] == "已修改"

    full = detail_text(engine, config, 12)
    assert len(full) > 4096 and full.count(NOTE) == 3  # the note as typed

    card = await bot.say(ADMIN, ADMIN, "/target 12")
    assert len(card.text) < 4096  # the compact card quotes an excerpt
    press = await bot.press(ADMIN, ADMIN, card.message_id, "detail:12")
    assert not press.failed and len(press.answers) == 1
    [edit] = press.edits
    assert edit["message_id"] == card.message_id
    chunks = [edit["text"], *(c["text"] for c in press.sent)]
    assert len(chunks) >= 2
    assert all(len(chunk) <= 4096 for chunk in chunks)
    shown = [bot.shown(ADMIN, card.message_id), *press.texts]
    assert "\n".join(shown) == full
    # the buttons go with the last piece only
    assert keyboard(edit) == []
    assert keyboard(press.sent[-1]) == [[("返回", "pick:12"), ("变更记录", "hist:12")]]


async def test_a_split_card_with_emoji_fits_telegrams_limit(bot, engine, config):
    line = "进展顺利👍" * 400  # 2000 characters, 2400 UTF-16 code units
    apply_changes(engine, [FieldChange(12, "progress_text", "\n".join([line] * 4))], actor="tg:42")
    card = await bot.say(ADMIN, ADMIN, "/target 12")
    press = await bot.press(ADMIN, ADMIN, card.message_id, "detail:12")
    assert press.failed == [] and BUSY_TEXT not in press.texts
    shown = [bot.shown(ADMIN, card.message_id), *press.texts]
    assert "\n".join(shown) == detail_text(engine, config, 12)


async def test_confirming_two_pending_notes_keeps_both(bot, engine):
    first = await bot.say(ADMIN, ADMIN, "/note 12 第一条补充")
    second = await bot.say(ADMIN, ADMIN, "/note 12 第二条补充")
    for proposal in (first, second):
        [[(_, confirm), _]] = keyboard(proposal.sent[0])
        await bot.press(ADMIN, ADMIN, proposal.message_id, confirm)
    with Session(engine) as session:
        progress = read_target(session, 12).progress_text
    # the second proposal was made before the first was applied: it is refused as stale
    assert "第一条补充" in progress
    assert "第二条补充" not in progress
    assert bot.shown(ADMIN, second.message_id).startswith("未修改：提出这项修改后，数据已有变动")


# --- lists ----------------------------------------------------------------------------------


async def test_a_long_list_pages_with_buttons(bot):
    first = await bot.say(ADMIN, ADMIN, "/list")
    assert first.text.startswith("全部目标（第1/7页，共66项）：\n⚪ 1. 固定资产投资：")
    assert len(first.text.splitlines()) == 11
    [[(label, data)]] = keyboard(first.sent[0])
    list_id = data.split(":")[1]
    assert (label, data) == ("下一页 ▶", f"page:{list_id}:1")

    press = await bot.press(ADMIN, ADMIN, first.message_id, data)
    assert press.edits[0]["message_id"] == first.message_id and not press.sent
    page2 = bot.shown(ADMIN, first.message_id)
    assert page2.startswith("全部目标（第2/7页，共66项）：\n🟢 11. 资本市场融资：")
    assert keyboard(press.edits[0]) == [
        [("◀ 上一页", f"page:{list_id}:0"), ("下一页 ▶", f"page:{list_id}:2")]
    ]

    press = await bot.press(ADMIN, ADMIN, first.message_id, f"page:{list_id}:6")
    last = bot.shown(ADMIN, first.message_id)
    assert last.startswith("全部目标（第7/7页，共66项）：\n") and len(last.splitlines()) == 7
    assert keyboard(press.edits[0]) == [[("◀ 上一页", f"page:{list_id}:5")]]


# --- the rate limiter and failures -----------------------------------------------------------


async def test_with_the_rate_limiter_and_a_failing_api(config, engine, fake, monkeypatch):
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    async with running_bot(bot_config(config, fake, rate_limiter=True), engine, fake) as bot:
        await grant_viewer(bot)
        reply = await bot.say(VIEWER, VIEWER, "新增贷款完成了吗")
        assert LOAN_FIGURE in reply.text
        press = await bot.press(VIEWER, VIEWER, reply.message_id, "detail:12")
        assert len(press.edits) == 1 and len(press.answers) == 1

        # Telegram fails once: the person is told the system is busy, nothing else breaks
        fake.fail_next("sendMessage", "500")
        reply = await bot.say(VIEWER, VIEWER, "未完成的有哪些")
        assert [c.fault for c in reply.failed] == ["500"]
        assert reply.texts == [BUSY_TEXT]
        assert (await bot.say(VIEWER, VIEWER, "未完成的有哪些")).text == NOT_DONE_LIST


async def test_flood_control_is_waited_out_not_reported(config, engine, fake, monkeypatch):
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    async with running_bot(bot_config(config, fake, rate_limiter=True), engine, fake) as bot:
        fake.fail_next("sendMessage", "retry_after", retry_after=1)
        reply = await bot.say(ADMIN, ADMIN, "未完成的有哪些")
        assert [c.fault for c in reply.failed] == ["retry_after"]
        assert reply.texts == [NOT_DONE_LIST]
