"""Starting the Telegram bot: connect (checking the token and the network) and run it by
long polling or a webhook; every failure is one clear Chinese message, never a token."""

from __future__ import annotations

import asyncio
import urllib.parse

from telegram import Update
from telegram.error import BadRequest, InvalidToken, NetworkError, TelegramError
from telegram.ext import Application

from bot.adapters.run_logging import details, mask_token
from bot.adapters.telegram import build_application
from bot.chat.service import ChatService
from bot.config import Config

DEFAULT_BOT_API_URL = "https://api.telegram.org/bot"  # PTB's default base_url


class StartupError(Exception):
    """The bot could not start; the message says, in Chinese, what to fix (no secrets in it)."""


def _startup_failed(problem: str, exc: BaseException, token: str) -> StartupError:
    """Log the details (log file only) and make the one-line error for the person."""
    problem = problem.replace(token, mask_token(token)) if token else problem
    details.error("the bot could not start: %s", problem, exc_info=exc)
    return StartupError(problem)


async def connect(application: Application, config: Config) -> None:
    """Initialize the application (getMe checks the token and the network) or raise StartupError.

    Done before PTB's run_* so that a failure is one clear message, not PTB's retry-loop
    traceback with the token in it.
    """
    telegram = config.telegram
    url = telegram.bot_api_url or DEFAULT_BOT_API_URL
    try:
        await application.initialize()
        return
    except InvalidToken as exc:  # 401, or 404 for a malformed token or a wrong bot_api_url
        failure = _startup_failed(
            f"机器人令牌 {mask_token(telegram.token)} 被 Telegram 服务器（{url}）拒绝：请在 "
            "config.toml 的 [telegram] token 或环境变量 BOT_TOKEN 填入 @BotFather 给的令牌"
            + ("，并检查 [telegram] bot_api_url" if telegram.bot_api_url else ""),
            exc,
            telegram.token,
        )
    except TelegramError as exc:
        if isinstance(exc, NetworkError) and not isinstance(exc, BadRequest):
            problem = (
                f"无法连接 Telegram 服务器（{url}）：{exc}，请检查网络或 [telegram] bot_api_url"
            )
        else:
            problem = f"Telegram 服务器（{url}）拒绝了启动请求：{exc}，请稍后再试"
        failure = _startup_failed(problem, exc, telegram.token)
    await application.bot.shutdown()  # the HTTP clients opened by initialize()
    raise failure


def run_bot(config: Config, service: ChatService) -> None:
    """Long polling, or a webhook with its secret token when `webhook_url` is configured.

    Raises StartupError (details in the log) when the Bot API cannot be reached, the token is
    rejected or the webhook port cannot be listened on.
    """
    telegram = config.telegram
    application = build_application(config, service)
    # connect() and PTB's run_* share one event loop: run_* takes the current one.
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        loop.run_until_complete(connect(application, config))
    except BaseException:
        loop.close()
        asyncio.set_event_loop(None)
        raise
    if not telegram.webhook_url:
        application.run_polling(allowed_updates=Update.ALL_TYPES)
        return
    try:
        application.run_webhook(
            listen=telegram.webhook_listen,
            port=telegram.webhook_port,
            # listen at the public URL's path, so a proxy can forward it unchanged
            url_path=urllib.parse.urlsplit(telegram.webhook_url).path.strip("/"),
            webhook_url=telegram.webhook_url,
            secret_token=telegram.webhook_secret,
            allowed_updates=Update.ALL_TYPES,
        )
    except OSError as exc:  # the port is taken, or the address is not this machine's
        raise _startup_failed(
            f"无法在 {telegram.webhook_listen}:{telegram.webhook_port} 接收 webhook："
            f"{exc.strerror or exc}，请检查 [telegram] webhook_listen 和 webhook_port",
            exc,
            telegram.token,
        ) from None
