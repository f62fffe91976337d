"""A fake Telegram Bot API server for end-to-end tests of a real python-telegram-bot Application.

Point PTB at it with::

    fake = FakeBotApi(TOKEN).start()
    app = (
        ApplicationBuilder()
        .token(TOKEN)
        .base_url(fake.base_url)
        .base_file_url(fake.base_file_url)
        .build()
    )

Stdlib only: a ``ThreadingHTTPServer`` on 127.0.0.1 (ephemeral port) in a background thread.
Every response is sent with ``Connection: close`` (HTTP/1.0), so no handler thread ever idles on a
keep-alive socket and ``stop()`` can join all of them quickly.

Wire format notes (PTB 22 + httpx): requests are POSTs to ``/bot<token>/<method>``; parameters
arrive as ``application/x-www-form-urlencoded`` (or ``multipart/form-data`` when a file is
uploaded), *not* as a JSON body. Every non-string value is JSON-encoded (``chat_id=123``,
``reply_markup={"inline_keyboard": ...}``); strings are sent raw. A JSON body is accepted too.
"""

from __future__ import annotations

import contextlib
import html
import html.parser
import itertools
import json
import re
import struct
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = ["BOT_USER", "ApiError", "Call", "FakeBotApi"]

BOT_USER: dict[str, Any] = {
    "id": 999000,
    "is_bot": True,
    "first_name": "台账助手",
    "username": "ledger_test_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
    "can_connect_to_business": False,
    "has_main_web_app": False,
}

FAULT_KINDS = ("500", "retry_after", "timeout", "migrate")

# Parameters whose (string) values must never be JSON-decoded: PTB sends strings raw, so "42" as
# a message text has to stay the string "42".
_STRING_PARAMS = frozenset(
    {
        "text",
        "caption",
        "parse_mode",
        "callback_query_id",
        "inline_message_id",
        "action",
        "url",
        "secret_token",
        "language_code",
        "business_connection_id",
        "message_effect_id",
        "emoji",
        "title",
        "description",
        "short_description",
        "name",
        "question",
        "explanation",
        "file_id",
        "ip_address",
    }
)

_HTML_TAGS = frozenset(
    {
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "span",
        "tg-spoiler",
        "a",
        "code",
        "pre",
        "blockquote",
        "tg-emoji",
    }
)

_SIMPLE_TRUE_METHODS = frozenset(
    {
        "deleteMyCommands",
        "setMyDescription",
        "setMyShortDescription",
        "setMyName",
        "setChatMenuButton",
        "pinChatMessage",
        "unpinChatMessage",
        "unpinAllChatMessages",
        "setMessageReaction",
        "leaveChat",
    }
)


class ApiError(Exception):
    """Raised inside a method handler to answer ``{"ok": false, ...}`` with an HTTP status."""

    def __init__(self, code: int, description: str, parameters: dict | None = None):
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters


@dataclass
class Call:
    """One request the fake received (after token check and method lookup)."""

    method: str
    params: dict[str, Any]
    files: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Uploads by form field: ``{"document": {"filename", "content", "mime_type"}}``."""
    ok: bool = True
    """False when the call was answered with an error (injected fault or API error)."""
    fault: str | None = None
    """The injected fault kind that hit this call, if any ("timeout" calls still succeed)."""
    result: Any = None
    error: dict[str, Any] | None = None
    at: float = 0.0

    def __getitem__(self, key: str) -> Any:
        return self.params[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.params.get(key, default)


@dataclass
class _Fault:
    kind: str
    remaining: int
    retry_after: int
    delay: float
    migrate_to_chat_id: int | None


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _decode_param(key: str, value: str) -> Any:
    if key in _STRING_PARAMS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


def _parse_header_params(header: str) -> tuple[str, dict[str, str]]:
    """Parse ``form-data; name="x"; filename="y"`` as httpx writes it (raw UTF-8, %22 quotes)."""
    main, _, rest = header.partition(";")
    params: dict[str, str] = {}
    for m in re.finditer(r'\s*([\w*-]+)\s*=\s*("((?:[^"\\]|\\.)*)"|[^;]*)\s*;?', rest):
        raw = m.group(3) if m.group(3) is not None else m.group(2).strip()
        raw = raw.replace("\\\\", "\\")
        raw = re.sub(r"%([01][0-9A-Fa-f]|22)", lambda x: chr(int(x.group(1), 16)), raw)
        params[m.group(1).lower()] = raw
    return main.strip().lower(), params


def _parse_multipart(body: bytes, boundary: str) -> tuple[dict[str, str], dict[str, dict]]:
    fields: dict[str, str] = {}
    files: dict[str, dict] = {}
    delimiter = b"--" + boundary.encode("latin-1")
    for part in body.split(delimiter)[1:]:
        if part.startswith(b"--"):
            break
        part = part.removeprefix(b"\r\n").removesuffix(b"\r\n")
        head, _, content = part.partition(b"\r\n\r\n")
        headers: dict[str, str] = {}
        for line in head.decode("utf-8", "replace").split("\r\n"):
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        _, disp = _parse_header_params(headers.get("content-disposition", ""))
        name = disp.get("name", "")
        if "filename" in disp:
            files[name] = {
                "filename": disp["filename"],
                "content": content,
                "mime_type": headers.get("content-type"),
            }
        else:
            fields[name] = content.decode("utf-8")
    return fields, files


class _TelegramHtml(html.parser.HTMLParser):
    """Strips Telegram-HTML to plain text and rejects what Telegram would reject."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[str] = []
        self.error: str | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in _HTML_TAGS and self.error is None:
            self.error = f'Unsupported start tag "{tag}"'
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.error is not None:
            return
        if not self.stack or self.stack[-1] != tag:
            self.error = f'Unmatched end tag "{tag}"'
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _render_html(text: str) -> str:
    parser = _TelegramHtml()
    parser.feed(text)
    parser.close()
    if parser.error is None and parser.stack:
        parser.error = f'Can\'t find end tag corresponding to start tag "{parser.stack[-1]}"'
    if parser.error is not None:
        raise ApiError(400, f"Bad Request: can't parse entities: {parser.error}")
    return html.unescape("".join(parser.parts))


def _image_size(data: bytes) -> tuple[int, int]:
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        return struct.unpack(">II", data[16:24])
    return (1, 1)


class _Server(ThreadingHTTPServer):
    daemon_threads = False  # so server_close() joins handler threads
    block_on_close = True
    # A bot handling many chats at once opens many connections at once; the stdlib's backlog
    # of 5 would reset some of them (httpx.ReadError), which Telegram never does.
    request_queue_size = 256
    fake: FakeBotApi


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass

    def do_POST(self) -> None:
        self.server.fake._handle(self)

    def do_GET(self) -> None:
        self.server.fake._handle(self)

    def read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    self.rfile.readline()
                    break
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            return b"".join(chunks)
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def send_json(self, status: int, payload: dict) -> None:
        body = json.dumps(payload, ensure_ascii=False).encode()
        self.send_bytes(status, body, "application/json")

    def send_bytes(self, status: int, body: bytes, content_type: str) -> None:
        with contextlib.suppress(OSError):  # client may have given up (timeouts, cancellations)
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body)


_NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)


def _apply_edit(message: dict, markup) -> dict:
    """Stamp an edit and set or drop the keyboard, as Telegram does when it is omitted."""
    message["edit_date"] = int(time.time())
    if markup:
        message["reply_markup"] = markup
    else:
        message.pop("reply_markup", None)
    return message


class FakeBotApi:
    """In-process fake of the Telegram Bot API. Thread-safe; see module docstring for usage."""

    def __init__(self, token: str, *, host: str = "127.0.0.1"):
        self.token = token
        self.host = host
        self.bot_user = dict(BOT_USER)
        self._cond = threading.Condition(threading.RLock())
        self._stop_event = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._reset_state()
        self._methods: dict[str, Callable[[dict, dict], Any]] = {
            "getMe": lambda p, f: dict(self.bot_user),
            "logOut": lambda p, f: True,
            "close": lambda p, f: True,
            "deleteWebhook": self._m_delete_webhook,
            "setWebhook": self._m_set_webhook,
            "getWebhookInfo": self._m_get_webhook_info,
            "setMyCommands": self._m_set_my_commands,
            "getMyCommands": self._m_get_my_commands,
            "getUpdates": self._m_get_updates,
            "sendMessage": self._m_send_message,
            "editMessageText": self._m_edit_message_text,
            "editMessageReplyMarkup": self._m_edit_message_reply_markup,
            "answerCallbackQuery": self._m_answer_callback_query,
            "deleteMessage": self._m_delete_message,
            "sendChatAction": lambda p, f: True,
            "sendDocument": lambda p, f: self._send_media(p, f, "document"),
            "sendPhoto": lambda p, f: self._send_media(p, f, "photo"),
            "getFile": self._m_get_file,
        }
        for name in _SIMPLE_TRUE_METHODS:
            self._methods[name] = lambda p, f: True

    def _reset_state(self) -> None:
        self._calls: list[Call] = []
        self._updates: list[dict] = []
        self._update_ids = itertools.count(100_001)
        self._confirmed_offset = 0
        self._allowed_updates: list[str] = []
        self._message_ids: dict[int, itertools.count] = {}
        self._messages: dict[tuple[int, int], dict] = {}
        self._callback_ids = itertools.count(1)
        self._open_callback_ids: set[str] = set()
        self._files: dict[str, dict] = {}
        self._file_ids = itertools.count(1)
        self._faults: dict[str, list[_Fault]] = {}
        self._migrated: dict[int, int] = {}
        self._webhook_url = ""
        self.commands: list[dict] = []
        self.commands_by_scope: dict[str, list[dict]] = {}
        self.get_updates_count = 0
        self.server_errors: list[Exception] = []

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> FakeBotApi:
        if self._server is not None:
            return self
        self._stop_event.clear()
        self._server = _Server((self.host, 0), _Handler)
        self._server.fake = self
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="FakeBotApi",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        self._stop_event.set()
        with self._cond:
            self._cond.notify_all()  # wake long polls so their threads finish now
        server.shutdown()
        server.server_close()  # joins the handler threads
        if self._thread is not None:
            self._thread.join(5)
            self._thread = None

    def __enter__(self) -> FakeBotApi:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("FakeBotApi is not running")
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://{self.host}:{self.port}/file/bot"

    # ------------------------------------------------------------------ scripted users
    def push_message(
        self,
        chat_id: int,
        user_id: int,
        text: str,
        *,
        chat_type: str | None = None,
        first_name: str = "用户",
        reply_to_message_id: int | None = None,
        entities: list[dict] | None = None,
    ) -> dict:
        """Queue a user's text message; returns the Update dict (update_id, message, ...)."""
        with self._cond:
            chat = self._chat(chat_id, chat_type, first_name=first_name)
            user = self._user(user_id, first_name)
            message: dict[str, Any] = {
                "message_id": self._next_message_id(chat_id),
                "date": int(time.time()),
                "chat": chat,
                "from": user,
                "text": text,
            }
            if entities is None and text.startswith("/"):
                command = text.split(maxsplit=1)[0]
                entities = [{"type": "bot_command", "offset": 0, "length": _utf16_len(command)}]
            if entities:
                message["entities"] = entities
            self._attach_reply(message, chat_id, chat, reply_to_message_id)
            self._messages[(chat_id, message["message_id"])] = message
            return self._queue({"message": message})

    def _attach_reply(
        self, message: dict, chat_id: int, chat: dict, reply_to_message_id: int | None
    ) -> None:
        """Point a user's message at the message it replies to (a stub when unknown)."""
        if reply_to_message_id is None:
            return
        replied = self._messages.get((chat_id, reply_to_message_id))
        if replied is None:
            replied = {"message_id": reply_to_message_id, "date": int(time.time()), "chat": chat}
        message["reply_to_message"] = {k: v for k, v in replied.items() if k != "reply_to_message"}

    def push_file(
        self,
        chat_id: int,
        user_id: int,
        content: bytes,
        *,
        kind: str = "photo",
        filename: str = "file.bin",
        caption: str = "",
        chat_type: str | None = None,
        reply_to_message_id: int | None = None,
    ) -> dict:
        """Queue a user's photo or document (stored for getFile and download), with a caption."""
        with self._cond:
            chat = self._chat(chat_id, chat_type)
            stored = self._store_file(
                {"filename": filename, "content": content, "mime_type": None}, kind
            )
            base = {k: stored[k] for k in ("file_id", "file_unique_id", "file_size")}
            message: dict[str, Any] = {
                "message_id": self._next_message_id(chat_id),
                "date": int(time.time()),
                "chat": chat,
                "from": self._user(user_id, "用户"),
            }
            if kind == "photo":
                width, height = _image_size(content)
                message["photo"] = [{**base, "width": width, "height": height}]
            else:
                message["document"] = {**base, "file_name": filename}
            if caption:
                message["caption"] = caption
                if caption.startswith("/"):
                    command = caption.split(maxsplit=1)[0]
                    message["caption_entities"] = [
                        {"type": "bot_command", "offset": 0, "length": _utf16_len(command)}
                    ]
            self._attach_reply(message, chat_id, chat, reply_to_message_id)
            self._messages[(chat_id, message["message_id"])] = message
            return self._queue({"message": message})

    def push_callback(
        self, chat_id: int, user_id: int, message_id: int, data: str, first_name: str = "用户"
    ) -> dict:
        """Queue a button press on a message the bot sent; returns the Update dict."""
        with self._cond:
            message = self._messages.get((chat_id, message_id))
            if message is None:
                raise LookupError(f"no message {message_id} in chat {chat_id} to press on")
            query_id = f"cbq-{next(self._callback_ids)}"
            self._open_callback_ids.add(query_id)
            query = {
                "id": query_id,
                "from": self._user(user_id, first_name),
                "message": json.loads(json.dumps(message)),
                "chat_instance": f"ci{abs(chat_id)}",
                "data": data,
            }
            return self._queue({"callback_query": query})

    def push_raw(self, update: dict) -> dict:
        """Queue an arbitrary update dict; ``update_id`` is assigned if missing."""
        with self._cond:
            return self._queue(dict(update))

    def pending_updates(self) -> list[dict]:
        """Updates queued and not yet confirmed by an offset."""
        with self._cond:
            return list(self._updates)

    def wait_delivered(self, timeout: float = 10) -> None:
        """Block until the bot has confirmed every queued update (a later getUpdates offset
        passed it), i.e. PTB has put them all on its update queue. Raises ``TimeoutError``."""
        with self._cond:
            if not self._cond.wait_for(lambda: not self._updates, timeout):
                raise TimeoutError(
                    f"{len(self._updates)} update(s) not fetched by the bot within {timeout}s"
                )

    # ------------------------------------------------------------------ inspection
    def calls(self, method: str | None = None) -> list[Call]:
        """Recorded calls in order (incl. faulted ones), optionally of one method.

        Plain getUpdates polls are not recorded (see ``get_updates_count``); faulted ones are.
        """
        with self._cond:
            return [c for c in self._calls if method is None or c.method == method]

    def sent_messages(self, chat_id: int | None = None) -> list[Call]:
        """Successful sendMessage calls in order; ``call["text"]``, ``call.params`` etc."""
        return [
            c
            for c in self.calls("sendMessage")
            if c.ok and (chat_id is None or c.params.get("chat_id") == chat_id)
        ]

    def sent_texts(self, chat_id: int | None = None) -> list[str]:
        return [c.params.get("text") for c in self.sent_messages(chat_id)]

    def message(self, chat_id: int, message_id: int) -> dict | None:
        """Current state of a stored message (after edits), or None if unknown/deleted."""
        with self._cond:
            return self._messages.get((chat_id, message_id))

    def file_content(self, file_id: str) -> bytes:
        with self._cond:
            return self._files[file_id]["content"]

    def wait_for(
        self,
        predicate_or_method: str | Callable[[Call], bool],
        timeout: float = 5,
        *,
        count: int = 1,
    ) -> Call:
        """Block until ``count`` matching calls are recorded (past ones count); return the last.

        A method name matches only *successful* calls of that method; a predicate sees every
        call (check ``call.ok`` / ``call.fault`` yourself). Raises ``TimeoutError``.
        From async code: ``await asyncio.to_thread(fake.wait_for, "sendMessage")``.
        """
        if isinstance(predicate_or_method, str):
            method = predicate_or_method

            def predicate(c: Call) -> bool:
                return c.method == method and c.ok

        else:
            predicate = predicate_or_method

        matches: list[Call] = []

        def ready() -> bool:
            matches[:] = [c for c in self._calls if predicate(c)]
            return len(matches) >= count

        with self._cond:
            if not self._cond.wait_for(ready, timeout):
                raise TimeoutError(
                    f"no {count} call(s) matching {predicate_or_method!r} within {timeout}s; "
                    f"got {[c.method for c in self._calls]}"
                )
            return matches[count - 1]

    # ------------------------------------------------------------------ fault injection
    def fail_next(
        self,
        method: str,
        kind: str,
        count: int = 1,
        retry_after: int = 1,
        *,
        delay: float = 10.0,
        migrate_to_chat_id: int | None = None,
    ) -> None:
        """Make the next ``count`` calls of ``method`` fail.

        kind: "500" (HTTP 500), "retry_after" (HTTP 429 with parameters.retry_after),
        "timeout" (sleep ``delay`` s, then process and answer normally - like Telegram acting
        on a request whose response the client never saw), "migrate" (HTTP 400 with
        parameters.migrate_to_chat_id; afterwards *every* request for the old chat_id gets the
        same error, as on real Telegram).
        """
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; expected one of {FAULT_KINDS}")
        with self._cond:
            self._faults.setdefault(method, []).append(
                _Fault(kind, count, retry_after, delay, migrate_to_chat_id)
            )

    def clear_faults(self) -> None:
        with self._cond:
            self._faults.clear()
            self._migrated.clear()

    def set_handler(self, method: str, handler: Callable[[dict, dict], Any]) -> None:
        """Add/override a method: ``handler(params, files)`` returns the result or raises
        ``ApiError``."""
        self._methods[method] = handler

    # ------------------------------------------------------------------ internals
    def _queue(self, update: dict) -> dict:
        update.setdefault("update_id", next(self._update_ids))
        self._updates.append(update)
        self._cond.notify_all()
        return update

    def _next_message_id(self, chat_id: int) -> int:
        return next(self._message_ids.setdefault(chat_id, itertools.count(1)))

    @staticmethod
    def _user(user_id: int, first_name: str) -> dict:
        return {
            "id": user_id,
            "is_bot": False,
            "first_name": first_name,
            "username": f"user{user_id}",
            "language_code": "zh-hans",
        }

    @staticmethod
    def _chat(chat_id: int, chat_type: str | None = None, *, first_name: str = "用户") -> dict:
        chat_type = chat_type or ("private" if chat_id > 0 else "supergroup")
        if chat_type == "private":
            return {
                "id": chat_id,
                "type": "private",
                "first_name": first_name,
                "username": f"user{chat_id}",
            }
        return {"id": chat_id, "type": chat_type, "title": "测试群"}

    def _take_fault(self, method: str, params: dict) -> _Fault | None:
        chat_id = params.get("chat_id")
        if isinstance(chat_id, int) and chat_id in self._migrated:
            return _Fault("migrate", 0, 0, 0, self._migrated[chat_id])
        queue = self._faults.get(method)
        if not queue:
            return None
        fault = queue[0]
        fault.remaining -= 1
        if fault.remaining <= 0:
            queue.pop(0)
        if fault.kind == "migrate":
            old = chat_id if isinstance(chat_id, int) else -1
            new = fault.migrate_to_chat_id or -(10**12 + abs(old))
            fault = _Fault("migrate", 0, 0, 0, new)
            if isinstance(chat_id, int):
                self._migrated[chat_id] = new
        return fault

    def _handle(self, req: _Handler) -> None:
        try:
            self._dispatch(req)
        except Exception as exc:  # a bug in the fake: answer 500 and keep it for the test
            with self._cond:
                self.server_errors.append(exc)
            req.send_json(
                500,
                {"ok": False, "error_code": 500, "description": f"fake server error: {exc!r}"},
            )

    def _dispatch(self, req: _Handler) -> None:
        url = urllib.parse.urlsplit(req.path)
        path = urllib.parse.unquote(url.path)
        if path.startswith("/file/bot"):
            return self._serve_file(req, path.removeprefix("/file/bot"))
        if not path.startswith("/bot"):
            return req.send_json(404, {"ok": False, "error_code": 404, "description": "Not Found"})
        token, _, method = path.removeprefix("/bot").partition("/")
        if token != self.token:
            return req.send_json(
                401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
            )
        canonical = {name.lower(): name for name in self._methods}.get(method.lower())
        body = req.read_body()
        if canonical is None:
            return req.send_json(404, {"ok": False, "error_code": 404, "description": "Not Found"})
        params, files = self._parse_params(req, url.query, body)

        with self._cond:
            if canonical == "getUpdates":
                self.get_updates_count += 1
                self._cond.notify_all()
            fault = self._take_fault(canonical, params)
        if fault is not None and fault.kind != "timeout":
            error = self._fault_error(fault)
            self._record(Call(canonical, params, files, ok=False, fault=fault.kind, error=error))
            return req.send_json(error["error_code"], error)
        if fault is not None and self._stop_event.wait(fault.delay):
            return  # server stopping: drop the request without answering

        call = Call(canonical, params, files, fault=fault.kind if fault else None)
        try:
            result = self._methods[canonical](params, files)
        except ApiError as err:
            error = {"ok": False, "error_code": err.code, "description": err.description}
            if err.parameters:
                error["parameters"] = err.parameters
            call.ok, call.error = False, error
            if canonical != "getUpdates":
                self._record(call)
            return req.send_json(err.code, error)
        call.result = result
        if canonical != "getUpdates":  # polls are counted, not recorded (they would flood)
            self._record(call)
        req.send_json(200, {"ok": True, "result": result})

    @staticmethod
    def _fault_error(fault: _Fault) -> dict:
        if fault.kind == "500":
            return {"ok": False, "error_code": 500, "description": "Internal Server Error"}
        if fault.kind == "retry_after":
            return {
                "ok": False,
                "error_code": 429,
                "description": f"Too Many Requests: retry after {fault.retry_after}",
                "parameters": {"retry_after": fault.retry_after},
            }
        return {
            "ok": False,
            "error_code": 400,
            "description": "Bad Request: group chat was upgraded to a supergroup chat",
            "parameters": {"migrate_to_chat_id": fault.migrate_to_chat_id},
        }

    def _record(self, call: Call) -> None:
        with self._cond:
            call.at = time.time()
            self._calls.append(call)
            self._cond.notify_all()

    @staticmethod
    def _parse_params(req: _Handler, query: str, body: bytes) -> tuple[dict, dict]:
        raw: dict[str, str] = dict(urllib.parse.parse_qsl(query, keep_blank_values=True))
        files: dict[str, dict] = {}
        ctype, ct_params = _parse_header_params(req.headers.get("Content-Type", ""))
        if ctype == "application/json" and body:
            return {**raw, **json.loads(body)}, files
        if ctype == "multipart/form-data":
            fields, files = _parse_multipart(body, ct_params["boundary"])
            raw.update(fields)
        elif body:
            raw.update(urllib.parse.parse_qsl(body.decode("utf-8"), keep_blank_values=True))
        params = {k: _decode_param(k, v) for k, v in raw.items()}
        # attach://name references (media groups, thumbnails) point at uploaded parts
        for key, value in list(params.items()):
            if isinstance(value, str) and value.startswith("attach://"):
                name = value.removeprefix("attach://")
                if name in files:
                    files[key] = files.pop(name)
        return params, files

    def _serve_file(self, req: _Handler, rest: str) -> None:
        token, _, file_path = rest.partition("/")
        if token != self.token:
            return req.send_json(
                401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
            )
        with self._cond:
            stored = next((f for f in self._files.values() if f["file_path"] == file_path), None)
        if stored is None:
            return req.send_json(404, {"ok": False, "error_code": 404, "description": "Not Found"})
        req.send_bytes(200, stored["content"], "application/octet-stream")

    # ------------------------------------------------------------------ methods
    def _m_delete_webhook(self, params: dict, files: dict) -> bool:
        with self._cond:
            self._webhook_url = ""
            if params.get("drop_pending_updates"):
                self._updates.clear()
        return True

    def _m_set_webhook(self, params: dict, files: dict) -> bool:
        with self._cond:
            self._webhook_url = params.get("url", "")
        return True

    def _m_get_webhook_info(self, params: dict, files: dict) -> dict:
        with self._cond:
            return {
                "url": self._webhook_url,
                "has_custom_certificate": False,
                "pending_update_count": 0 if self._webhook_url else len(self._updates),
            }

    @staticmethod
    def _scope_key(params: dict) -> str:
        scope = params.get("scope") or {"type": "default"}
        return json.dumps(
            {**scope, "language_code": params.get("language_code", "")}, sort_keys=True
        )

    def _m_set_my_commands(self, params: dict, files: dict) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise ApiError(400, "Bad Request: commands must be a list")
        with self._cond:
            self.commands_by_scope[self._scope_key(params)] = commands
            if not params.get("scope") and not params.get("language_code"):
                self.commands = commands
        return True

    def _m_get_my_commands(self, params: dict, files: dict) -> list:
        with self._cond:
            return self.commands_by_scope.get(self._scope_key(params), [])

    def _m_get_updates(self, params: dict, files: dict) -> list:
        offset = int(params.get("offset") or 0)
        limit = max(1, min(100, int(params.get("limit") or 100)))
        timeout = float(params.get("timeout") or 0)
        deadline = time.monotonic() + timeout
        with self._cond:
            if self._webhook_url:
                raise ApiError(
                    409, "Conflict: can't use getUpdates method while webhook is active"
                )
            if "allowed_updates" in params:
                self._allowed_updates = list(params["allowed_updates"] or [])
            if offset > 0:
                self._confirmed_offset = max(self._confirmed_offset, offset)
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
                self._cond.notify_all()  # wake wait_delivered
            elif offset < 0:
                self._updates = self._updates[offset:]

            def available() -> list[dict]:
                allowed = self._allowed_updates
                return [
                    u
                    for u in self._updates
                    if not allowed or any(k in allowed for k in u if k != "update_id")
                ][:limit]

            while not (result := available()) and not self._stop_event.is_set():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self._cond.wait(remaining)
            return json.loads(json.dumps(result))

    def _check_chat(self, params: dict) -> int:
        chat_id = params.get("chat_id")
        if chat_id is None or chat_id == "":
            raise ApiError(400, "Bad Request: chat_id is empty")
        if not isinstance(chat_id, int):
            raise ApiError(400, "Bad Request: chat not found")
        return chat_id

    def _text_of(self, params: dict, key: str = "text") -> str:
        text = params.get(key)
        if text is None:
            return ""
        text = str(text)
        if params.get("parse_mode", "").upper() == "HTML":
            text = _render_html(text)
        return text

    def _new_bot_message(self, chat_id: int, params: dict) -> dict:
        message: dict[str, Any] = {
            "message_id": self._next_message_id(chat_id),
            "date": int(time.time()),
            "chat": self._chat(chat_id),
            "from": dict(self.bot_user),
        }
        reply = params.get("reply_parameters") or {}
        reply_id = reply.get("message_id") or params.get("reply_to_message_id")
        if reply_id is not None:
            replied = self._messages.get((chat_id, reply_id))
            if replied is None and not reply.get("allow_sending_without_reply"):
                raise ApiError(400, "Bad Request: message to be replied not found")
            if replied is not None:
                message["reply_to_message"] = {
                    k: v for k, v in replied.items() if k != "reply_to_message"
                }
        if params.get("reply_markup") and "inline_keyboard" in params["reply_markup"]:
            message["reply_markup"] = params["reply_markup"]
        return message

    def _m_send_message(self, params: dict, files: dict) -> dict:
        chat_id = self._check_chat(params)
        text = self._text_of(params)
        if not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if _utf16_len(text) > 4096:
            raise ApiError(400, "Bad Request: message is too long")
        with self._cond:
            message = self._new_bot_message(chat_id, params)
            message["text"] = text
            if params.get("entities"):
                message["entities"] = params["entities"]
            self._messages[(chat_id, message["message_id"])] = message
            return message

    def _find_message(self, params: dict, action: str) -> dict:
        if params.get("inline_message_id"):
            raise ApiError(400, "Bad Request: inline messages are not supported by the fake")
        chat_id = self._check_chat(params)
        message = self._messages.get((chat_id, params.get("message_id")))
        if message is None or message["from"]["id"] != self.bot_user["id"]:
            raise ApiError(400, f"Bad Request: message to {action} not found")
        return message

    def _m_edit_message_text(self, params: dict, files: dict) -> dict:
        text = self._text_of(params)
        if not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        with self._cond:
            message = self._find_message(params, "edit")
            markup = params.get("reply_markup")
            if message.get("text") == text and message.get("reply_markup") == markup:
                raise ApiError(400, _NOT_MODIFIED)
            message["text"] = text
            return _apply_edit(message, markup)

    def _m_edit_message_reply_markup(self, params: dict, files: dict) -> dict:
        with self._cond:
            message = self._find_message(params, "edit")
            markup = params.get("reply_markup")
            if message.get("reply_markup") == markup:
                raise ApiError(400, _NOT_MODIFIED)
            return _apply_edit(message, markup)

    def _m_answer_callback_query(self, params: dict, files: dict) -> bool:
        with self._cond:
            query_id = params.get("callback_query_id")
            if query_id not in self._open_callback_ids:
                raise ApiError(
                    400,
                    "Bad Request: query is too old and response timeout expired or query ID is "
                    "invalid",
                )
            self._open_callback_ids.discard(query_id)
        return True

    def _m_delete_message(self, params: dict, files: dict) -> bool:
        with self._cond:
            chat_id = self._check_chat(params)
            if self._messages.pop((chat_id, params.get("message_id")), None) is None:
                raise ApiError(400, "Bad Request: message to delete not found")
        return True

    def _store_file(self, upload: dict, kind: str) -> dict:
        n = next(self._file_ids)
        file_id = f"fake-{kind}-{n}"
        content = upload["content"]
        self._files[file_id] = {
            "file_id": file_id,
            "file_unique_id": f"u{n}",
            "file_size": len(content),
            "file_path": f"{kind}s/file_{n}",
            "content": content,
            "filename": upload.get("filename"),
            "mime_type": upload.get("mime_type"),
        }
        return self._files[file_id]

    def _send_media(self, params: dict, files: dict, kind: str) -> dict:
        chat_id = self._check_chat(params)
        caption = self._text_of(params, "caption")
        with self._cond:
            if kind in files:
                stored = self._store_file(files[kind], kind)
            elif isinstance(params.get(kind), str) and params[kind] in self._files:
                stored = self._files[params[kind]]
            else:
                raise ApiError(400, f"Bad Request: there is no {kind} in the request")
            message = self._new_bot_message(chat_id, params)
            base = {k: stored[k] for k in ("file_id", "file_unique_id", "file_size")}
            if kind == "photo":
                width, height = _image_size(stored["content"])
                message["photo"] = [{**base, "width": width, "height": height}]
            else:
                message["document"] = {
                    **base,
                    "file_name": stored["filename"],
                    "mime_type": stored["mime_type"] or "application/octet-stream",
                }
            if caption:
                message["caption"] = caption
            self._messages[(chat_id, message["message_id"])] = message
            return message

    def _m_get_file(self, params: dict, files: dict) -> dict:
        with self._cond:
            stored = self._files.get(params.get("file_id"))
            if stored is None:
                raise ApiError(400, "Bad Request: invalid file_id")
            return {k: stored[k] for k in ("file_id", "file_unique_id", "file_size", "file_path")}
