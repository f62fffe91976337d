"""Factories for real `telegram.Update` objects, as Telegram would send them."""

from __future__ import annotations

import itertools
import re
import time

from telegram import Bot, Update

_ids = itertools.count(1)
BOT_ID = 999000


def _chat(chat_id: int) -> dict:
    if chat_id > 0:
        return {"id": chat_id, "type": "private", "first_name": "用户"}
    return {"id": chat_id, "type": "supergroup", "title": "民政局工作群"}


def make_message_update(
    bot: Bot,
    text: str,
    *,
    user_id: int | None = 42,
    chat_id: int | None = None,
    sender_chat: bool = False,
    reply_to_bot: bool = False,
) -> Update:
    """A message update; commands get their bot_command entity like real clients send."""
    chat_id = chat_id if chat_id is not None else (user_id or 1)
    message = {
        "message_id": next(_ids),
        "date": int(time.time()),
        "chat": _chat(chat_id),
        "text": text,
    }
    if user_id is not None:
        message["from"] = {"id": user_id, "is_bot": False, "first_name": "用户"}
    if sender_chat:
        message["sender_chat"] = _chat(chat_id)
        message["from"] = {
            "id": 1087968824,
            "is_bot": True,
            "first_name": "Group",
            "username": "GroupAnonymousBot",
        }
    command = re.match(r"/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?", text)
    if command:  # as Telegram marks it: the name (and @bot) only, whatever follows
        length = len(command.group())
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
    if reply_to_bot:
        message["reply_to_message"] = {
            "message_id": 1,
            "date": int(time.time()),
            "chat": _chat(chat_id),
            "text": "上一条",
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "台账助手"},
        }
    return Update.de_json({"update_id": next(_ids), "message": message}, bot)


def make_callback_update(
    bot: Bot, data: str, *, user_id: int = 42, chat_id: int | None = None, message_id: int = 500
) -> Update:
    """A button press on a message the bot sent."""
    chat_id = chat_id if chat_id is not None else user_id
    query = {
        "id": str(next(_ids)),
        "from": {"id": user_id, "is_bot": False, "first_name": "用户"},
        "chat_instance": "ci",
        "data": data,
        "message": {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": _chat(chat_id),
            "text": "原消息",
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "台账助手"},
        },
    }
    return Update.de_json({"update_id": next(_ids), "callback_query": query}, bot)
