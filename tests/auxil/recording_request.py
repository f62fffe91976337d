"""A PTB request class for in-process tests: records every Bot API call, never networks.

It answers the methods the bot is expected to use with realistic results, and fails the
test (raises) on any other method, so an unexpected network call cannot pass unnoticed.
"""

from __future__ import annotations

import itertools
import json
import time
from typing import Any

from telegram.request import BaseRequest, RequestData

BOT = {"id": 999000, "is_bot": True, "first_name": "台账助手", "username": "ledger_test_bot"}
EXPECTED = {
    "getMe",
    "sendMessage",
    "editMessageText",
    "answerCallbackQuery",
    "setMyCommands",
    "deleteWebhook",
}


class UnexpectedCall(AssertionError):
    """The bot called a Bot API method the test did not expect."""


class RecordingRequest(BaseRequest):
    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.unexpected: list[str] = []  # the fixture fails the test if this is not empty
        self._ids = itertools.count(1000)

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    def of(self, method: str) -> list[dict[str, Any]]:
        return [params for name, params in self.calls if name == method]

    def texts(self) -> list[str]:
        return [p["text"] for name, p in self.calls if name in ("sendMessage", "editMessageText")]

    async def do_request(self, url, method, request_data: RequestData | None = None, *args, **kw):
        name = url.rsplit("/", 1)[-1]
        params = request_data.parameters if request_data else {}
        params = {
            k: (json.loads(v) if k == "reply_markup" and isinstance(v, str) else v)
            for k, v in params.items()
        }
        self.calls.append((name, params))
        if name not in EXPECTED:
            self.unexpected.append(name)
            raise UnexpectedCall(f"unexpected Bot API call {name} {params}")
        return 200, json.dumps({"ok": True, "result": self._result(name, params)}).encode()

    def _result(self, name: str, params: dict[str, Any]) -> Any:
        if name == "getMe":
            return BOT
        if name in ("sendMessage", "editMessageText"):
            chat_id = int(params.get("chat_id", 1))
            message = {
                "message_id": int(params.get("message_id") or next(self._ids)),
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
                "from": BOT,
                "text": params.get("text", ""),
            }
            if params.get("reply_markup"):
                message["reply_markup"] = params["reply_markup"]
            return message
        return True
