"""The Telegram adapter: parse updates, call the chat core off the event loop, render replies.

No ledger logic lives here. Every reply is HTML with all text escaped, split at 4096
characters on line boundaries; every button press is answered. Updates of one chat are handled
in order while different chats run concurrently, so a flooded or rate-limited group never
delays anyone else; a person past `[telegram] sender_rate` gets one notice, then silence.
"""

from __future__ import annotations

import asyncio
import html
import logging
import re

from telegram import (
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatType, ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.adapters.telegram_updates import PerChatUpdateProcessor
from bot.app.reminders import DeliveryFailed, DeliveryUncertain, RetryLater, migrate_chat
from bot.chat.evidence import IncomingFile
from bot.chat.service import ChatService
from bot.chat.throttle import SenderThrottle, Verdict
from bot.chat.types import Reply, Sender
from bot.config import Config
from bot.domain.evidence import MAX_BYTES as MAX_EVIDENCE_BYTES
from bot.render.replies import split_for_chat
from bot.store.housekeeping import prune

logger = logging.getLogger(__name__)

BUSY_TEXT = "系统繁忙，请稍后再试。"
REMINDER_JOB_ID = "reminders:daily"
GROUP_ANONYMOUS_BOT = 1087968824  # the user Telegram shows for anonymous group admins


def slow_down_text(rate: int) -> str:
    """The one notice a person gets on going past `rate` messages a minute."""
    return f"您发送得太快了，请稍后再试（每分钟最多{rate}条消息，请等一分钟再发送）。"


def sender_of(update: Update) -> Sender:
    """Who acted: numeric ids only; a message sent as the group is anonymous (no admin)."""
    user = update.effective_user
    chat = update.effective_chat
    message = update.effective_message
    anonymous = bool(message and message.sender_chat) or bool(
        user and user.id == GROUP_ANONYMOUS_BOT
    )
    user_id = None if user is None or anonymous else user.id
    return Sender(
        user_id=user_id,
        chat_id=chat.id if chat else 0,
        chat_type=chat.type if chat else "",
        anonymous=anonymous,
        actor=f"tg:{user_id}" if user_id is not None else "tg:anonymous",
        name=user.full_name if user is not None and not anonymous else "",
    )


def _markup(reply: Reply) -> InlineKeyboardMarkup | None:
    return _keyboard(reply.buttons)


def _keyboard(buttons) -> InlineKeyboardMarkup | None:
    if not buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(b.label, callback_data=b.data) for b in row] for row in buttons]
    )


class TelegramFrontEnd:
    """Handlers bound to one ChatService; `build_application` wires them."""

    def __init__(self, service: ChatService) -> None:
        self.service = service
        self.throttle = SenderThrottle(service.config.telegram.sender_rate)

    async def _over_rate(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
        """True when the sender is past the rate: tell them once, log it once, then stay quiet.

        Admins are never throttled; anonymous group admins count as their group.
        """
        sender = sender_of(update)
        if sender.user_id is not None and sender.user_id in self.service.config.telegram.admins:
            return False
        key = sender.user_id if sender.user_id is not None else ("chat", sender.chat_id)
        verdict = self.throttle.check(key)
        if verdict is Verdict.ALLOW:
            return False
        query = update.callback_query
        if verdict is Verdict.NOTICE:
            logger.warning(
                "user %s (chat %s) sent more than %d messages a minute: "
                "ignoring them until they slow down",
                sender.user_id if sender.user_id is not None else "anonymous",
                sender.chat_id,
                self.throttle.rate,
            )
            text = slow_down_text(self.throttle.rate)
            if query is not None:
                await query.answer(text)
            else:
                await context.bot.send_message(
                    sender.chat_id, html.escape(text), parse_mode=ParseMode.HTML
                )
        elif query is not None:
            await query.answer()  # every press is answered, silently while throttled
        return True

    async def on_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Run a slash command addressed to this bot."""
        message = update.effective_message
        # Split at any space, a full-width one too ("/set　12 …" from a Chinese input method).
        head, args = [*(message.text or "").split(maxsplit=1), "", ""][:2]
        name, _, addressee = head[1:].partition("@")
        if addressee and addressee.lower() != (context.bot.username or "").lower():
            return  # a command for another bot in the same group
        if await self._over_rate(update, context):
            return
        sender = sender_of(update)
        replies = await asyncio.to_thread(self.service.command, sender, name, args)
        await self.send(message, replies, quote=True)

    async def on_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Treat text as a question: any text in private, addressed text in groups."""
        message = update.effective_message
        text = message.text or ""
        if message.chat.type != ChatType.PRIVATE:
            mention = f"@{context.bot.username}"
            replied = message.reply_to_message
            to_bot = (
                replied is not None
                and replied.from_user is not None
                and (replied.from_user.id == context.bot.id)
            )
            if mention.lower() not in text.lower() and not to_bot:
                return
            text = re.sub(re.escape(mention), " ", text, flags=re.IGNORECASE).strip()
        if await self._over_rate(update, context):
            return
        replied = message.reply_to_message
        sender = sender_of(update)
        if replied is not None and replied.from_user and replied.from_user.id == context.bot.id:
            replies = await asyncio.to_thread(
                self.service.reply_to_bot, sender, replied.message_id, text
            )
        else:
            replies = await asyncio.to_thread(self.service.question, sender, text)
        await self.send(message, replies, quote=True)

    async def on_file(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Keep a photo or document as 佐证材料 of the target its caption, reply or report
        names; files in groups that concern nobody here get no answer."""
        message = update.effective_message
        if await self._over_rate(update, context):
            return
        if message.photo:
            attachment = message.photo[-1]  # the largest size Telegram made
            name = f"照片_{message.message_id}.jpg"
        else:
            attachment = message.document
            name = attachment.file_name or f"文件_{message.message_id}"
        sender = sender_of(update)
        declared = attachment.file_size or 0
        content = b""
        if declared <= MAX_EVIDENCE_BYTES:  # Bot API getFile serves at most 20 MB
            download = await attachment.get_file()
            content = bytes(await download.download_as_bytearray())
        replied = message.reply_to_message
        replied_id = (
            replied.message_id
            if replied is not None and replied.from_user and replied.from_user.id == context.bot.id
            else None
        )
        caption, addressed = message.caption or "", replied_id is not None
        if message.chat.type != ChatType.PRIVATE:  # "@bot 第35项 验收单": the mention is no word
            mention = re.compile(re.escape(f"@{context.bot.username}"), re.IGNORECASE)
            addressed = addressed or bool(mention.search(caption))
            caption = mention.sub(" ", caption).strip()
        incoming = IncomingFile(name, content, attachment.file_id, declared_size=declared)
        replies = await asyncio.to_thread(
            self.service.file, sender, incoming, caption, replied_id, addressed=addressed
        )
        await self.send(message, replies, quote=True)

    async def on_migrate(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A group became a supergroup: its subscriptions, digest and grants follow the new id."""
        message = update.effective_message
        if message.migrate_to_chat_id:
            old, new = message.chat.id, message.migrate_to_chat_id
        else:
            old, new = message.migrate_from_chat_id, message.chat.id
        await asyncio.to_thread(migrate_chat, self.service.engine, old, new)
        self.service.forget_grants()

    async def on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Handle a button press: rights are checked again in the core; always answer it."""
        query = update.callback_query
        if await self._over_rate(update, context):
            return
        replies = await asyncio.to_thread(self.service.button, sender_of(update), query.data or "")
        toast = next((r.toast for r in replies if r.toast), None)
        await query.answer(toast)
        visible = [r for r in replies if r.text]
        if not visible or query.message is None or not isinstance(query.message, Message):
            return
        for reply in visible:
            if reply.edit:
                chunks = split_for_chat(reply.text)
                try:
                    await query.message.edit_text(
                        chunks[0],
                        parse_mode=ParseMode.HTML,
                        reply_markup=_markup(reply) if len(chunks) == 1 else None,
                    )
                except BadRequest as exc:
                    if "not modified" not in str(exc).lower():
                        raise
                more = []
                if len(chunks) > 1:
                    more = await self._send_chunks(query.message, chunks[1:], _markup(reply))
                self._pin(query.message.chat.id, reply, [query.message.message_id, *more])
            else:
                await self.send(query.message, [reply])

    async def send(self, message: Message, replies: list[Reply], *, quote: bool = False) -> None:
        """Send the replies to `message`'s chat; with `quote`, in a group the first one replies
        to `message`, so that each asker sees which answer is theirs."""
        bot = message.get_bot()
        first = message.message_id if quote and message.chat.type != ChatType.PRIVATE else None
        for reply in replies:
            answering = ReplyParameters(first, allow_sending_without_reply=True) if first else None
            first = None  # only the first message quotes the question
            if reply.photo is not None:
                caption = split_for_chat(reply.text, limit=1024)[0] if reply.text else None
                await bot.send_photo(
                    message.chat.id,
                    reply.photo,
                    caption=caption,
                    parse_mode=ParseMode.HTML,
                    reply_parameters=answering,
                )
            elif reply.document is not None:
                name, content = reply.document
                caption = split_for_chat(reply.text, limit=1024)[0] if reply.text else None
                await bot.send_document(
                    message.chat.id,
                    content,
                    filename=name,
                    caption=caption,
                    parse_mode=ParseMode.HTML,
                    reply_parameters=answering,
                )
            elif reply.text:
                chunks = split_for_chat(reply.text)
                sent = await self._send_chunks(message, chunks, _markup(reply), answering)
                self._pin(message.chat.id, reply, sent)

    def _pin(self, chat_id: int, reply: Reply, message_ids: list[int]) -> None:
        """Keep what an answer was about under each message it was sent as (for replies)."""
        if reply.context is not None:
            for message_id in message_ids:
                self.service.conversations.pin(chat_id, message_id, reply.context)

    @staticmethod
    async def _send_chunks(
        message: Message, chunks: list[str], markup, answering: ReplyParameters | None = None
    ) -> list[int]:
        sent = []
        for index, chunk in enumerate(chunks):
            last = index == len(chunks) - 1
            sent_message = await message.get_bot().send_message(
                message.chat.id,
                chunk,
                parse_mode=ParseMode.HTML,
                reply_markup=markup if last else None,
                reply_parameters=answering if index == 0 else None,
            )
            sent.append(sent_message.message_id)
        return sent

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log every error with the update; tell the person the system is busy."""
        logger.error("error while handling %r", update, exc_info=context.error)
        if isinstance(update, Update) and update.effective_chat is not None:
            try:
                await context.bot.send_message(update.effective_chat.id, BUSY_TEXT)
            except TelegramError:
                logger.warning("could not tell chat %s about the error", update.effective_chat.id)

    async def post_init(self, application: Application) -> None:
        """Register the command menu, connect sending, recover, catch up, schedule reminders."""
        commands = [
            BotCommand(c.name, c.help[:256]) for c in self.service.registry.commands.values()
        ]
        await application.bot.set_my_commands(commands)
        self.service.send = make_sync_send(application, asyncio.get_running_loop(), self.service)
        # Confirms and sends a crash cut off are settled before the first update is handled.
        await asyncio.to_thread(self.service.recover_interrupted)
        await self.run_housekeeping()
        if self.service.config.reminders.enabled:  # only the scheduler leader sends reminders
            await asyncio.to_thread(self.service.catch_up_reminders)
            schedule_reminders(application, self)
            await self.warn_admins(application, self.service.calendar_warning())

    async def warn_admins(self, application: Application, warning: str | None) -> None:
        """Tell each admin privately, best effort: an admin who never opened the bot can't be."""
        if warning is None:
            return
        logger.warning("%s", warning)
        for admin in self.service.config.telegram.admins:
            try:
                await application.bot.send_message(admin, warning)
            except TelegramError:
                logger.warning("could not warn admin %s at start-up", admin)

    async def run_housekeeping(self) -> None:
        """Prune saved list pages and unmatched questions (at start-up, and in the daily job)."""
        service = self.service
        await asyncio.to_thread(prune, service.engine, service.config.housekeeping)

    async def run_reminders(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The daily job: send today's reminders, overdue notices and (Mondays) the digest;
        then prune (the leader's daily run serves every process sharing the database)."""
        result = await asyncio.to_thread(self.service.run_reminders)
        logger.info("reminders sent: %s", result)
        await self.run_housekeeping()


def make_sync_send(
    application: Application, loop: asyncio.AbstractEventLoop, service: ChatService
):
    """A blocking `send(chat_id, text, buttons) -> message_id` for worker threads, mapped to
    outbox errors; the buttons go under the last chunk.

    RetryAfter → RetryLater (waited out); TimedOut → DeliveryUncertain (never resent);
    ChatMigrated → subscriptions follow the new id and the message goes there once.
    """

    async def deliver(chat_id: int, text: str, buttons) -> int:
        message_id = 0
        chunks = split_for_chat(text)
        for index, chunk in enumerate(chunks):
            markup = _keyboard(buttons) if index == len(chunks) - 1 else None
            sent = await application.bot.send_message(
                chat_id, chunk, parse_mode=ParseMode.HTML, reply_markup=markup
            )
            message_id = message_id or sent.message_id
        return message_id

    def send(chat_id: int, text: str, buttons=()) -> int:
        try:
            return asyncio.run_coroutine_threadsafe(deliver(chat_id, text, buttons), loop).result()
        except ChatMigrated as exc:
            migrate_chat(service.engine, chat_id, exc.new_chat_id)
            service.forget_grants()
            return send(exc.new_chat_id, text, buttons)
        except RetryAfter as exc:
            delay = exc.retry_after
            seconds = delay.total_seconds() if hasattr(delay, "total_seconds") else float(delay)
            raise RetryLater(seconds) from exc
        except TimedOut as exc:
            raise DeliveryUncertain(str(exc)) from exc
        except TelegramError as exc:
            raise DeliveryFailed(str(exc)) from exc

    return send


def schedule_reminders(application: Application, front: TelegramFrontEnd) -> None:
    """One daily job with a stable id; the job reads the database each time it runs."""
    config = front.service.config
    application.job_queue.run_daily(
        front.run_reminders,
        time=config.reminders.send_time.replace(tzinfo=config.tz),
        name=REMINDER_JOB_ID,
        job_kwargs={
            "id": REMINDER_JOB_ID,
            "replace_existing": True,
            "coalesce": True,
            # A run delayed by up to an hour (a busy or briefly stopped bot) still goes out;
            # anything later is picked up by the start-up catch-up instead.
            "misfire_grace_time": 3600,
        },
    )


def build_application(
    config: Config, service: ChatService, *, request: BaseRequest | None = None
) -> Application:
    """A PTB Application wired to the chat core; nothing is started.

    `request` replaces the HTTP layer (tests pass a recording one).
    """
    front = TelegramFrontEnd(service)
    builder = (
        ApplicationBuilder()
        .token(config.telegram.token)
        .post_init(front.post_init)
        .concurrent_updates(PerChatUpdateProcessor())
    )
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    if config.telegram.bot_api_url:
        builder = builder.base_url(config.telegram.bot_api_url)
    if config.telegram.bot_file_url:
        builder = builder.base_file_url(config.telegram.bot_file_url)
    if config.telegram.rate_limiter:
        # Retry after RetryAfter (flood control), never after TimedOut: PTB's limiter does both
        # right once max_retries is above its default of 0.
        builder = builder.rate_limiter(AIORateLimiter(max_retries=3))
    application = builder.build()
    messages = filters.UpdateType.MESSAGE  # edits and channel posts ask nothing
    application.add_handler(MessageHandler(messages & filters.COMMAND, front.on_command))
    application.add_handler(
        MessageHandler(messages & filters.TEXT & ~filters.COMMAND, front.on_text)
    )
    application.add_handler(CallbackQueryHandler(front.on_button))
    application.add_handler(
        MessageHandler(messages & (filters.PHOTO | filters.Document.ALL), front.on_file)
    )
    application.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, front.on_migrate))
    application.add_error_handler(front.on_error)
    return application
