"""Drive the real bot (PTB Application, real polling over HTTP) against FakeBotApi.

`running_bot` starts the Application the way `run_polling` does (initialize, post_init,
start, start_polling) and stops it cleanly. `BotDriver.say` / `BotDriver.press` queue one
update and return an `Exchange`: every Bot API call the bot made while handling it.

How the end of an update is detected without sleeping: the driver waits until the bot has
fetched every queued update (the fake saw a getUpdates offset past them, so PTB has put them
on its update queue) and then joins PTB's update queue, whose `task_done` comes only after an
update's handlers (and error handler) have finished, however many chats run concurrently.
Whatever the bot did for the scripted update was recorded by then, so "the bot stayed silent"
is an exact assertion, not a timeout.
"""

from __future__ import annotations

import asyncio
import dataclasses
import html
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass

from sqlalchemy import Engine, func
from sqlmodel import Session, select
from telegram.ext import Application
from telegram.request import HTTPXRequest

from bot.adapters.telegram import build_application
from bot.app.services import build_answerer
from bot.chat.service import ChatService
from bot.config import Config
from bot.store.ledger_store import read_ledger, read_target
from bot.store.models import (
    AuditEntry,
    DigestSubscriber,
    Grant,
    OutboxEntry,
    PendingChange,
    ProgressReport,
    Subscription,
)
from bot.understanding.answering import Answerer
from tests.auxil.fake_bot_api import Call, FakeBotApi

TOKEN = "123456:TEST"
ADMIN = 42
REFUSAL = "抱歉，您没有使用本助手的权限。如需开通，请联系县督查局管理员。"
BUSY_TEXT = "系统繁忙，请稍后再试。"


def bot_config(config: Config, fake: FakeBotApi, *, rate_limiter: bool = False) -> Config:
    """The test config pointed at the fake Bot API, with admin 42."""
    telegram = dataclasses.replace(
        config.telegram,
        token=TOKEN,
        admins=(ADMIN,),
        bot_api_url=fake.base_url,
        bot_file_url=fake.base_file_url,
        rate_limiter=rate_limiter,
    )
    return dataclasses.replace(config, telegram=telegram)


@dataclass
class Exchange:
    """The Bot API calls made while handling one update."""

    calls: list[Call]

    def of(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method and c.ok]

    @property
    def failed(self) -> list[Call]:
        return [c for c in self.calls if not c.ok]

    @property
    def sent(self) -> list[Call]:
        return self.of("sendMessage")

    @property
    def edits(self) -> list[Call]:
        return self.of("editMessageText")

    @property
    def answers(self) -> list[Call]:
        return self.of("answerCallbackQuery")

    @property
    def texts(self) -> list[str]:
        """What the person sees in the messages sent (HTML rendered by the fake)."""
        return [c.result["text"] for c in self.sent]

    @property
    def raw_texts(self) -> list[str]:
        """The `text` parameters exactly as sent (HTML-escaped)."""
        return [c["text"] for c in self.sent]

    @property
    def text(self) -> str:
        """The one message sent; fails if there was not exactly one."""
        assert len(self.sent) == 1, f"expected one message, got {self.describe()}"
        return self.texts[0]

    @property
    def message_id(self) -> int:
        assert len(self.sent) == 1, f"expected one message, got {self.describe()}"
        return self.sent[0].result["message_id"]

    def describe(self) -> list[tuple[str, object]]:
        return [(c.method, c.params.get("text")) for c in self.calls]


def keyboard(call: Call) -> list[list[tuple[str, str]]]:
    """The inline keyboard of a sendMessage/editMessageText call as (label, data) rows."""
    markup = call.params.get("reply_markup") or {}
    return [
        [(b["text"], b["callback_data"]) for b in row] for row in markup.get("inline_keyboard", [])
    ]


class BotDriver:
    """Scripted users talking to the running bot through the fake Bot API."""

    def __init__(self, fake: FakeBotApi, service: ChatService, app: Application) -> None:
        self.fake = fake
        self.service = service
        self.app = app

    async def settle(self, within: float = 60) -> None:
        """Wait until every update queued at the fake so far has been fully handled."""
        # A guard against a hang, not a speed bound: rendering a chart takes seconds on a
        # loaded 2-core machine, and speed is measured in `make bench`.
        await asyncio.to_thread(self.fake.wait_delivered, within)
        await asyncio.wait_for(self.app.update_queue.join(), within)

    async def _exchange(self, push: Callable[[], object]) -> Exchange:
        start = len(self.fake.calls())
        push()
        await self.settle()
        return Exchange(self.fake.calls()[start:])

    async def say(
        self,
        chat_id: int,
        user_id: int,
        text: str,
        *,
        chat_type: str | None = None,
        reply_to: int | None = None,
    ) -> Exchange:
        return await self._exchange(
            lambda: self.fake.push_message(
                chat_id, user_id, text, chat_type=chat_type, reply_to_message_id=reply_to
            )
        )

    async def send_file(
        self,
        chat_id: int,
        user_id: int,
        content: bytes,
        *,
        kind: str = "photo",
        filename: str = "file.bin",
        caption: str = "",
        chat_type: str | None = None,
        reply_to: int | None = None,
    ) -> Exchange:
        """A person sends a photo or document, with an optional caption."""
        return await self._exchange(
            lambda: self.fake.push_file(
                chat_id,
                user_id,
                content,
                kind=kind,
                filename=filename,
                caption=caption,
                chat_type=chat_type,
                reply_to_message_id=reply_to,
            )  # fmt: skip
        )

    async def press(
        self, chat_id: int, user_id: int, message_id: int, data: str, *, name: str = "用户"
    ) -> Exchange:
        return await self._exchange(
            lambda: self.fake.push_callback(chat_id, user_id, message_id, data, name)
        )

    def shown(self, chat_id: int, message_id: int) -> str:
        """The text a message shows now (after edits), as the person sees it."""
        message = self.fake.message(chat_id, message_id)
        assert message is not None
        return message["text"]


@asynccontextmanager
async def running_bot(
    config: Config,
    engine: Engine,
    fake: FakeBotApi,
    *,
    read_timeout: float | None = None,
    answerer: Answerer | None = None,
) -> AsyncIterator[BotDriver]:
    """The production Application polling the fake; stopped cleanly however the test ends.

    `read_timeout` shortens the HTTP timeout (timeout faults then cost seconds, not minutes);
    `answerer` reuses an index across restarts when the ledger did not change.
    """
    service = ChatService(engine, config, answerer or build_answerer(engine, config))
    request = None
    if read_timeout is not None:
        # one client for polls and sends: a pool big enough that a long poll never blocks a send
        request = HTTPXRequest(connection_pool_size=8, read_timeout=read_timeout)
    app = build_application(config, service, request=request)
    async with app:
        # run_polling() calls post_init between initialize() and start(); do the same here.
        if app.post_init is not None:
            await app.post_init(app)
        await app.start()
        await app.updater.start_polling(poll_interval=0, timeout=1)
        try:
            yield BotDriver(fake, service, app)
        except BaseException:
            # A failed test must not wait for a backlog (say, a flood behind the rate limiter)
            # that stop() would otherwise handle first.
            await app.updater.stop()
            drop_backlog(app)
            await app.stop()
            raise
        else:
            await app.updater.stop()
            await app.stop()


def drop_backlog(app: Application) -> int:
    """Empty PTB's update queue (updates fetched, not yet handed out) so stop() returns soon."""
    dropped = 0
    while not app.update_queue.empty():
        app.update_queue.get_nowait()
        app.update_queue.task_done()
        dropped += 1
    return dropped


# --- the database, as the tests check it -------------------------------------------------


def snapshot(engine: Engine) -> tuple[object, dict[str, int]]:
    """The whole ledger plus the row counts that any admin action would change."""
    with Session(engine) as session:
        ledger = read_ledger(session)
        counts = {
            model.__name__: session.exec(select(func.count()).select_from(model)).one()
            for model in (
                AuditEntry,
                Grant,
                PendingChange,
                Subscription,
                DigestSubscriber,
                OutboxEntry,
                ProgressReport,
            )
        }
    return ledger, counts


def actual(engine: Engine, number: int, indicator: str) -> str:
    with Session(engine) as session:
        target = read_target(session, number)
    assert target is not None
    found = target.indicator(indicator)
    assert found is not None
    return found.actual


def audit_entries(engine: Engine) -> list[AuditEntry]:
    with Session(engine) as session:
        return list(session.exec(select(AuditEntry).order_by(AuditEntry.id)))


def unescape(text: str) -> str:
    return html.unescape(text)
