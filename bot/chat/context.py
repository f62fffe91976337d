"""What a command or button handler may use of the chat core: a Protocol, so command
modules depend on this small surface and never on bot.chat.service."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING, Protocol

from bot.chat.types import Reply, Sender

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from bot.app.ledger_years import LedgerYears
    from bot.app.reminders import Send
    from bot.chat.registry import Registry
    from bot.config import Config
    from bot.domain.ledger import TargetSpec
    from bot.domain.work_calendar import WorkCalendar
    from bot.store.models import SavedList
    from bot.store.unmatched_log import UnmatchedLog
    from bot.understanding.answering import Answerer
    from bot.understanding.conversation import Conversations


class ChatContext(Protocol):
    """The chat core as its handlers see it (implemented by bot.chat.service.ChatService)."""

    engine: Engine
    config: Config
    answerer: Answerer
    years: LedgerYears
    calendar: WorkCalendar
    conversations: Conversations
    unmatched: UnmatchedLog
    registry: Registry
    send: Send | None

    @property
    def year(self) -> int: ...

    @property
    def today(self) -> dt.date: ...

    def role_of(self, sender: Sender) -> str | None: ...

    def refuse(self, sender: Sender, what: str) -> list[Reply]: ...

    def forget_grants(self) -> None: ...

    def refresh(self) -> None: ...

    def command(self, sender: Sender, name: str, args: str) -> list[Reply]: ...

    def question(self, sender: Sender, text: str) -> list[Reply]: ...

    def target(self, number: int) -> TargetSpec | None: ...

    def target_reply(self, target: TargetSpec, *, edit: bool = False, lead=None) -> Reply: ...

    def paged_list(
        self, title: str, numbers: list[int], *, year: int | None = None, notes=None
    ) -> Reply: ...

    def list_page(self, saved: SavedList, page: int, *, edit: bool = False) -> Reply: ...

    def history_text(self, number: int, year: int | None = None) -> str: ...

    def calendar_warning(self) -> str | None: ...


def shown(service: ChatContext, sender: Sender, reply: Reply, number: int, year: int) -> Reply:
    """`reply` shows target `number` of `year`'s ledger on its own (/target N, /history N):
    the chat's conversation is now about it, as after a question, and the reply holds that."""
    service.conversations.open_target(sender.chat_id, number, year=year)
    return dataclasses.replace(reply, context=service.conversations.snapshot(sender.chat_id))
