"""The real PTB Application, driven in-process with process_update and a recording request."""

import dataclasses

import pytest
from sqlmodel import Session
from telegram.error import NetworkError

from bot.adapters.telegram import build_application
from bot.app.services import build_answerer
from bot.chat.service import ChatService
from bot.store.ledger_store import read_target
from tests.auxil.recording_request import RecordingRequest
from tests.auxil.updates import make_callback_update, make_message_update

ADMIN, VIEWER, STRANGER = 42, 77, 7


@pytest.fixture
async def bot_app(config, engine):
    cfg = dataclasses.replace(
        config,
        telegram=dataclasses.replace(
            config.telegram, token="123456:TEST", admins=(ADMIN,), rate_limiter=False
        ),
    )
    service = ChatService(engine, cfg, build_answerer(engine, cfg))
    request = RecordingRequest()
    app = build_application(cfg, service, request=request)
    async with app:
        await service_grant(app, request)
        request.calls.clear()
        yield app, request, engine
    assert request.unexpected == [], f"unexpected Bot API calls: {request.unexpected}"


async def service_grant(app, request):
    await app.process_update(make_message_update(app.bot, f"/grant {VIEWER}", user_id=ADMIN))


async def say(app, text, **kw):
    await app.process_update(make_message_update(app.bot, text, **kw))


async def press(app, data, **kw):
    await app.process_update(make_callback_update(app.bot, data, **kw))


def actual_12(engine):
    with Session(engine) as session:
        return read_target(session, 12).indicator("新增贷款").actual


async def test_viewer_question_gets_html_reply_with_buttons(bot_app):
    app, request, _ = bot_app
    await say(app, "新增贷款完成了吗", user_id=VIEWER)
    (sent,) = request.of("sendMessage")
    assert sent["parse_mode"] == "HTML"
    assert "新增贷款 24.43亿元 / 目标14亿元（174.5%）" in sent["text"]
    buttons = [b["callback_data"] for row in sent["reply_markup"]["inline_keyboard"] for b in row]
    assert buttons == ["detail:12", "hist:12"]


async def test_every_viewer_command_answers(bot_app):
    app, request, _ = bot_app
    for text in [
        "/start",
        "/help",
        "/summary",
        "/list 未完成",
        "/target 12",
        "/due 30",
        "/ask 固投排第几",
        "/whoami",
        "/history 12",
        "/list 民政局",
        "/list 生态环境",
    ]:
        request.calls.clear()
        await say(app, text, user_id=VIEWER)
        assert request.of("sendMessage"), text
    request.calls.clear()
    await say(app, "/whoami", user_id=VIEWER)
    assert request.of("sendMessage")[0]["text"] == "用户ID：77\n会话ID：77\n角色：查看者"


async def test_stranger_gets_one_refusal_and_nothing_else(bot_app):
    app, request, engine = bot_app
    await say(app, "/set 12 新增贷款 99亿元", user_id=STRANGER)
    await say(app, "新增贷款多少", user_id=STRANGER)
    texts = [p["text"] for p in request.of("sendMessage")]
    assert texts == ["抱歉，您没有使用本助手的权限。如需开通，请联系县督查局管理员。"] * 2
    assert actual_12(engine) == "24.43"


async def test_admin_change_needs_the_same_admins_confirmation(bot_app):
    app, request, engine = bot_app
    await say(app, "/set 12 新增贷款 25.1亿元 截止12月底", user_id=ADMIN)
    (sent,) = request.of("sendMessage")
    assert sent["text"] == "请确认以下修改：\n第12项 新增贷款 完成值：24.43亿元 → 25.1亿元"
    confirm = sent["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    assert confirm.startswith("confirm:")
    await press(app, confirm, user_id=VIEWER)
    await press(app, confirm, user_id=STRANGER)
    assert actual_12(engine) == "24.43"
    assert len(request.of("answerCallbackQuery")) == 2
    assert request.of("editMessageText") == []
    await press(app, confirm, user_id=ADMIN)
    assert actual_12(engine) == "25.1"
    assert request.of("editMessageText")[0]["text"].startswith("✅ 已修改")
    request.calls.clear()
    await say(app, "新增贷款多少", user_id=VIEWER)
    assert "新增贷款 25.1亿元" in request.of("sendMessage")[0]["text"]
    await press(app, confirm, user_id=ADMIN)  # a second press changes nothing more
    await say(app, "/undo", user_id=ADMIN)
    assert actual_12(engine) == "24.43"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/set 99 新增贷款 1亿元", "台账中没有第99项目标"),
        ("/set 12 没有的指标 1", "新增贷款"),
        ("/set 12 新增贷款 25万亩", "单位不符"),
        ("/set 12 新增贷款 很多", "/set"),
        ("/set", "/set"),
        ("/deadline 12 2020-13-45", "/deadline"),
        ("/status 12 差不多", "/status"),
        ("/note 12", "/note"),
        ("/assign", "/assign"),
        ("/alias 12", "/alias"),
        ("/done 99", "台账中没有第99项目标"),
        ("/grant 张三", "/grant"),
        ("/revoke abc", "/revoke"),
        ("/target abc", "/target"),
        ("/due abc", "/due"),
        ("/nosuchcommand", "没有 /nosuchcommand 这个命令"),
    ],
)
async def test_admin_mistakes_get_specific_messages_and_touch_nothing(bot_app, text, expected):
    app, request, engine = bot_app
    await say(app, text, user_id=ADMIN)
    reply = request.of("sendMessage")[0]["text"]
    assert expected in reply, reply
    assert "请确认" not in reply
    assert actual_12(engine) == "24.43"


async def test_anonymous_group_admin_has_no_admin_rights(bot_app):
    app, request, engine = bot_app
    await say(app, "/set 12 新增贷款 30亿元", user_id=ADMIN, chat_id=-100123, sender_chat=True)
    assert "请确认" not in request.of("sendMessage")[0]["text"]
    assert actual_12(engine) == "24.43"


async def test_group_chatter_is_ignored_but_replies_to_the_bot_are_answered(bot_app):
    app, request, _ = bot_app
    await say(app, "/grant -100123", user_id=ADMIN)
    request.calls.clear()
    await say(app, "今天开会吗", user_id=VIEWER, chat_id=-100123)
    assert request.of("sendMessage") == []
    await say(app, "未完成的有哪些", user_id=VIEWER, chat_id=-100123, reply_to_bot=True)
    await say(app, "@ledger_test_bot 新增贷款", user_id=VIEWER, chat_id=-100123)
    await say(app, "/summary@otherbot", user_id=VIEWER, chat_id=-100123)
    texts = [p["text"] for p in request.of("sendMessage")]
    assert len(texts) == 2 and texts[0].startswith("未完成的目标")


async def test_buttons_edit_the_message_and_forged_data_does_nothing(bot_app):
    app, request, _ = bot_app
    await press(app, "detail:12", user_id=VIEWER)
    (edit,) = request.of("editMessageText")
    assert edit["text"].startswith("第12项 新增贷款（经济发展）")
    for forged in ["nope:1", "pick:abc", "page:1:x", "x" * 65, "confirm:999999", "pick:9999"]:
        await press(app, forged, user_id=VIEWER)
    assert len(request.of("editMessageText")) == 1
    assert len(request.of("answerCallbackQuery")) == 7


async def test_hostile_text_comes_back_literally_and_long_replies_are_split(bot_app):
    app, request, _ = bot_app
    await say(app, "/alias 12 <b>&</a>", user_id=ADMIN)
    confirm = request.of("sendMessage")[0]["reply_markup"]["inline_keyboard"][0][0]
    await press(app, confirm["callback_data"], user_id=ADMIN)
    for _ in range(3):
        request.calls.clear()
        await say(app, "/note 12 " + "进展" * 950, user_id=ADMIN)
        button = request.of("sendMessage")[0]["reply_markup"]["inline_keyboard"][0][0]
        await press(app, button["callback_data"], user_id=ADMIN)
    request.calls.clear()
    await press(app, "detail:12", user_id=ADMIN)
    texts = [p["text"] for p in request.calls if p and "text" in p[1] for p in [p[1]]]
    assert len(texts) >= 2 and all(len(t) <= 4096 for t in texts)
    assert "&lt;b&gt;&amp;&lt;/a&gt;" in "".join(texts)


async def test_an_unexpected_bot_api_call_is_caught(bot_app):
    app, request, _ = bot_app
    with pytest.raises(NetworkError, match="UnexpectedCall"):
        await app.bot.send_photo(1, b"x")
    assert request.unexpected == ["sendPhoto"]
    request.unexpected.clear()


async def test_a_stranger_can_learn_their_id_to_ask_for_access(bot_app):
    app, request, _ = bot_app
    await say(app, "/whoami", user_id=STRANGER)
    assert request.of("sendMessage")[0]["text"] == "用户ID：7\n会话ID：7\n角色：无权限"


async def test_undo_reports_lists_as_people_read_them(bot_app):
    app, request, _ = bot_app
    await say(app, "/alias 12 信贷额", user_id=ADMIN)
    confirm = request.of("sendMessage")[0]["reply_markup"]["inline_keyboard"][0][0]
    await press(app, confirm["callback_data"], user_id=ADMIN)
    request.calls.clear()
    await say(app, "/undo", user_id=ADMIN)
    text = request.of("sendMessage")[0]["text"]
    assert text.startswith("已撤销：第12项 别名：") and "[" not in text and "信贷额" in text


async def test_a_group_upgraded_to_a_supergroup_keeps_its_subscriptions(bot_app):
    from telegram import Update

    from bot.app.reminders import subscribe
    from bot.store.subscriptions import list_subscriptions

    app, request, engine = bot_app
    subscribe(engine, "县民政局", -123)
    update = Update.de_json(
        {
            "update_id": 99001,
            "message": {
                "message_id": 5,
                "date": 0,
                "chat": {"id": -123, "type": "group", "title": "民政局工作群"},
                "migrate_to_chat_id": -100123,
            },
        },
        app.bot,
    )
    await app.process_update(update)
    with Session(engine) as session:
        assert [s.chat_id for s in list_subscriptions(session)] == [-100123]
    assert request.of("sendMessage") == []


@pytest.mark.parametrize("enabled", [True, False])
async def test_only_the_scheduler_leader_schedules_reminders(config, engine, enabled):
    cfg = dataclasses.replace(
        config,
        telegram=dataclasses.replace(config.telegram, token="123456:TEST", rate_limiter=False),
        reminders=dataclasses.replace(config.reminders, enabled=enabled),
    )
    request = RecordingRequest()
    app = build_application(
        cfg, ChatService(engine, cfg, build_answerer(engine, cfg)), request=request
    )
    async with app:
        await app.post_init(app)
        names = [job.name for job in app.job_queue.jobs()]
    assert names == (["reminders:daily"] if enabled else [])
    assert len(request.of("setMyCommands")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "/set\u300012\u3000新增贷款\u300025.1亿元\u3000截止12月底",
        "／set 12 新增贷款 25.1亿元 截止12月底",
        "/set@ledger_test_bot\u300012 新增贷款 25.1亿元 截止12月底",
    ],
)
async def test_a_command_typed_with_a_chinese_input_methods_space_or_slash_runs(bot_app, text):
    app, request, engine = bot_app
    await say(app, text, user_id=ADMIN)
    (sent,) = request.of("sendMessage")
    assert sent["text"] == "请确认以下修改：\n第12项 新增贷款 完成值：24.43亿元 → 25.1亿元"
    request.calls.clear()
    await say(app, "／set 12 新增贷款 26亿元", user_id=VIEWER)  # rights hold all the same
    assert [m["text"] for m in request.of("sendMessage")] == [
        "/set 仅限管理员使用。需要办理的，请联系县督查局管理员；发送 /help 查看您可用的命令。"
    ]
