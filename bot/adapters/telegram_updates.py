"""The order of Telegram updates: one chat's updates run one at a time, in the order they
arrived, while different chats run concurrently (PTB's update processor, replaced)."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Coroutine, Hashable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

# Updates handled at the same time, across chats. Waiting out a group's flood limit holds a
# slot, so this is well above the number of groups that could be flooded at once.
MAX_CONCURRENT_CHATS = 256


def chat_key(update: object) -> Hashable | None:
    """What orders an update: its chat (a migration: the old chat), else its user, else None."""
    if not isinstance(update, Update):
        return None
    message = update.effective_message
    if message is not None and message.migrate_from_chat_id:
        return message.migrate_from_chat_id  # both migration messages share the old chat's turn
    if update.effective_chat is not None:
        return update.effective_chat.id
    if update.effective_user is not None:
        return ("user", update.effective_user.id)
    return None


class _Turn:
    __slots__ = ("lock", "waiting")

    def __init__(self) -> None:
        self.lock = asyncio.Lock()  # FIFO: updates of a chat run in the order they arrived
        self.waiting = 0


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Updates of one chat run one at a time, in order; different chats run concurrently."""

    def __init__(self, max_concurrent: int = MAX_CONCURRENT_CHATS) -> None:
        # PTB takes its own semaphore before do_process_update; an update waiting for its
        # chat's turn would hold a slot there, and a flooded chat would fill them all. So that
        # one is unbounded and the real bound is taken only once the chat's turn has come.
        super().__init__(max_concurrent_updates=sys.maxsize)
        self._max_concurrent = max_concurrent
        self._slots: asyncio.Semaphore | None = None
        self._turns: dict[Hashable, _Turn] = {}

    async def initialize(self) -> None:
        self._slots = asyncio.Semaphore(self._max_concurrent)

    async def shutdown(self) -> None:
        self._turns.clear()

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        if self._slots is None:  # process_update before initialize (tests drive it directly)
            await self.initialize()
        key = chat_key(update)
        if key is None:
            async with self._slots:
                await coroutine
            return
        turn = self._turns.get(key)
        if turn is None:
            turn = self._turns[key] = _Turn()
        turn.waiting += 1
        try:
            async with turn.lock, self._slots:
                await coroutine
        finally:
            turn.waiting -= 1
            if not turn.waiting:
                del self._turns[key]
            if isinstance(coroutine, Coroutine):
                # cancelled while waiting for its turn (a stop that drops the backlog): the
                # handler never started; closing it says so instead of "never awaited"
                coroutine.close()
