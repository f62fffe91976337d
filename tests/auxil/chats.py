"""The chat core as the integration tests drive it: one place for "user 42 is an admin"."""

from __future__ import annotations

import dataclasses

from bot.app.services import build_answerer
from bot.chat.service import ChatService
from bot.chat.types import Sender

ADMIN_ID = 42
ADMIN = Sender(ADMIN_ID, ADMIN_ID, actor=f"tg:{ADMIN_ID}")


def admin_chat(config, engine, **changes) -> ChatService:
    """A chat core over `engine` whose user 42 is an admin; `changes` replace config fields
    (today=…, to pin the day)."""
    telegram = dataclasses.replace(config.telegram, admins=(ADMIN_ID,))
    config = dataclasses.replace(config, telegram=telegram, **changes)
    return ChatService(engine, config, build_answerer(engine, config))
