"""A real python-telegram-bot Application, over real HTTP, against the fake Bot API server."""

from __future__ import annotations

import asyncio
import datetime as dt
import io

import pytest
from telegram import (
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    Update,
)
from telegram.error import (
    BadRequest,
    ChatMigrated,
    EndPointNotFound,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TimedOut,
)
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from tests.auxil.fake_bot_api import FakeBotApi

TOKEN = "123456:TEST"  # the shared `fake` fixture serves this token
CHAT = 4242
USER = 4242


def build_app(fake: FakeBotApi, token: str = TOKEN, **timeouts: float) -> Application:
    builder = (
        ApplicationBuilder().token(token).base_url(fake.base_url).base_file_url(fake.base_file_url)
    )
    for name, value in timeouts.items():
        builder = getattr(builder, name)(value)
    return builder.build()


async def wait_for(fake: FakeBotApi, what, **kwargs):
    return await asyncio.to_thread(fake.wait_for, what, **kwargs)


async def test_polling_application_round_trip(fake):
    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("确认", callback_data="ok")]])
        await update.effective_message.reply_text("你好", reply_markup=keyboard)

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.effective_message.reply_text(update.effective_message.text)

    async def press(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        await query.answer("收到")
        await query.edit_message_text(f"已确认：{query.data}")

    app = build_app(fake)
    app.add_handler(CommandHandler("start", start))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    app.add_handler(CallbackQueryHandler(press))

    async with app:
        await app.start()
        await app.updater.start_polling(poll_interval=0, timeout=1)
        try:
            assert app.bot.username == "ledger_test_bot"

            fake.push_message(CHAT, USER, "/start")
            greeting = await wait_for(fake, "sendMessage")
            fake.push_message(CHAT, USER, "2020年 重点任务")
            await wait_for(fake, "sendMessage", count=2)

            assert fake.sent_texts(CHAT) == ["你好", "2020年 重点任务"]
            assert greeting["chat_id"] == CHAT
            assert greeting["reply_markup"] == {
                "inline_keyboard": [[{"text": "确认", "callback_data": "ok"}]]
            }
            greeting_id = greeting.result["message_id"]

            fake.push_callback(CHAT, USER, greeting_id, "ok")
            edit = await wait_for(fake, "editMessageText")
        finally:
            await app.updater.stop()
            await app.stop()

    answer = fake.calls("answerCallbackQuery")
    assert [c["text"] for c in answer] == ["收到"]
    assert edit["text"] == "已确认：ok"
    assert (edit["chat_id"], edit["message_id"]) == (CHAT, greeting_id)
    # Telegram drops the inline keyboard when an edit does not resend it.
    assert fake.message(CHAT, greeting_id) == edit.result
    assert "reply_markup" not in edit.result
    assert fake.get_updates_count >= 2
    assert fake.pending_updates() == []  # all three updates were confirmed via offset
    assert [c.method for c in fake.calls()][:2] == ["getMe", "deleteWebhook"]


async def test_long_poll_blocks_until_an_update_arrives(fake):
    app = build_app(fake)
    async with app:
        assert await app.bot.get_updates(timeout=0) == ()

        poll = asyncio.create_task(app.bot.get_updates(timeout=2))
        await asyncio.sleep(0.2)
        assert not poll.done()
        fake.push_message(CHAT, USER, "在吗")
        (update,) = await asyncio.wait_for(poll, 1)
        assert update.message.text == "在吗"
        assert update.message.from_user.first_name == "用户"

        # Not confirmed yet: still there; confirmed by offset: gone.
        again = await app.bot.get_updates(timeout=0)
        assert [u.update_id for u in again] == [update.update_id]
        assert await app.bot.get_updates(offset=update.update_id + 1, timeout=0) == ()

        fake.push_message(-100777, USER, "/report@ledger_test_bot 2020")
        fake.push_message(CHAT, USER, "一")
        (first,) = await app.bot.get_updates(limit=1, timeout=0)
        assert first.message.chat.type == "supergroup"
        assert first.message.entities[0].type == "bot_command"
        assert first.message.entities[0].length == len("/report@ledger_test_bot")
        only_callbacks = await app.bot.get_updates(timeout=0, allowed_updates=["callback_query"])
        assert only_callbacks == ()


async def test_set_my_commands_is_recorded(fake):
    app = build_app(fake)
    async with app:
        await app.bot.set_my_commands([BotCommand("start", "开始"), BotCommand("report", "台账")])
        commands = await app.bot.get_my_commands()

    assert fake.commands == [
        {"command": "start", "description": "开始"},
        {"command": "report", "description": "台账"},
    ]
    assert [c.command for c in commands] == ["start", "report"]
    assert fake.calls("setMyCommands")[0]["commands"] == fake.commands


async def test_send_document_upload_is_recorded(fake):
    payload = "序号,目标\n1,完成\n".encode()
    app = build_app(fake)
    async with app:
        message = await app.bot.send_document(
            CHAT, InputFile(io.BytesIO(payload), filename="台账 2020.csv"), caption="附件"
        )
        png_header = b"\x89PNG\r\n\x1a\n" + bytes(8) + (2).to_bytes(4) + (3).to_bytes(4)
        photo = await app.bot.send_photo(CHAT, png_header)
        file = await app.bot.get_file(message.document.file_id)
        downloaded = await file.download_as_bytearray()

    (call,) = fake.calls("sendDocument")
    assert call.files["document"]["filename"] == "台账 2020.csv"
    assert call.files["document"]["content"] == payload
    assert call["caption"] == "附件"
    assert message.document.file_name == "台账 2020.csv"
    assert message.document.file_size == len(payload)
    assert message.caption == "附件"
    assert bytes(downloaded) == payload
    assert (photo.photo[-1].width, photo.photo[-1].height) == (2, 3)
    assert message.message_id + 1 == photo.message_id


async def test_fault_500_is_network_error(fake):
    fake.fail_next("sendMessage", "500")
    app = build_app(fake)
    async with app:
        with pytest.raises(NetworkError, match="Internal Server Error") as info:
            await app.bot.send_message(CHAT, "一")
        assert type(info.value) is NetworkError
        await app.bot.send_message(CHAT, "二")

    assert [(c.ok, c.fault) for c in fake.calls("sendMessage")] == [(False, "500"), (True, None)]
    assert fake.sent_texts() == ["二"]


async def test_fault_429_is_retry_after(fake, monkeypatch):
    # PTB 22 warns (PTBDeprecationWarning) when RetryAfter is built unless timedelta mode is on.
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    fake.fail_next("sendMessage", "retry_after", count=2, retry_after=7)
    app = build_app(fake)
    async with app:
        for _ in range(2):
            with pytest.raises(RetryAfter) as info:
                await app.bot.send_message(CHAT, "一")
            assert info.value.retry_after == dt.timedelta(seconds=7)
        await app.bot.send_message(CHAT, "一")
    assert fake.sent_texts() == ["一"]


async def test_fault_migrate_is_chat_migrated(fake):
    group = -4001
    fake.fail_next("sendMessage", "migrate")
    app = build_app(fake)
    async with app:
        with pytest.raises(ChatMigrated) as info:
            await app.bot.send_message(group, "一")
        new_chat_id = info.value.new_chat_id
        assert new_chat_id < -(10**12)
        # Like Telegram, the old id keeps failing for every method afterwards.
        with pytest.raises(ChatMigrated):
            await app.bot.send_chat_action(group, "typing")
        sent = await app.bot.send_message(new_chat_id, "一")
    assert sent.chat.type == "supergroup"
    assert fake.sent_messages(new_chat_id)[0]["text"] == "一"


async def test_fault_timeout_is_timed_out_but_still_delivered(fake):
    fake.fail_next("sendMessage", "timeout", delay=0.6)
    app = build_app(fake, read_timeout=0.2)
    async with app:
        with pytest.raises(TimedOut):
            await app.bot.send_message(CHAT, "一")
        call = await wait_for(fake, "sendMessage", timeout=2)
    assert call.fault == "timeout"
    assert fake.sent_texts() == ["一"]


async def test_api_errors(fake):
    app = build_app(fake)
    async with app:
        with pytest.raises(EndPointNotFound):
            await app.bot.do_api_request("noSuchMethod")
        with pytest.raises(BadRequest, match="(?i)can't parse entities"):
            await app.bot.send_message(CHAT, "<b>一", parse_mode="HTML")
        sent = await app.bot.send_message(CHAT, "<b>一</b> &amp; 二", parse_mode="HTML")
        assert sent.text == "一 & 二"
        with pytest.raises(BadRequest, match="(?i)message to edit not found"):
            await app.bot.edit_message_text("x", chat_id=CHAT, message_id=999)
        assert await app.bot.delete_message(CHAT, sent.message_id)
        with pytest.raises(BadRequest, match="(?i)message to delete not found"):
            await app.bot.delete_message(CHAT, sent.message_id)

    with pytest.raises(InvalidToken):
        async with build_app(fake, token="1:wrong"):
            pass
