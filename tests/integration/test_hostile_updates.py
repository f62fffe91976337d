"""Hostile and malformed updates, generated with hypothesis, through the REAL Application.

One Application (in-process, RecordingRequest) per module; over 2,000 generated updates in all:
arbitrary Unicode (control characters, right-to-left text, 4096-character texts), every
registered command with missing, extra or garbage arguments from admin, viewer and stranger,
forged button data (unknown prefixes, another admin's confirmation, over-long data), edited
messages, channel posts and updates with no `from`.

For every update: no error reaches the error handlers, nobody but an admin changes the
database, and every message the bot sends or edits is tag-free HTML with well-formed entities,
non-empty and at most 4096 UTF-16 units once rendered.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import html
import html.parser
import itertools
import json
import os
import re
import sqlite3
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from telegram import Update

from bot.adapters.telegram import build_application
from bot.app.services import build_answerer, open_engine
from bot.chat.service import ChatService
from bot.chat.types import Sender
from bot.config import Config
from tests.auxil import recording_request
from tests.auxil.recording_request import RecordingRequest

ADMIN, VIEWER, STRANGER = 42, 77, 7
GROUP = -100123  # not granted
BOT_ID = recording_request.BOT["id"]
BOT_NAME = recording_request.BOT["username"]

SETTINGS = {
    "deadline": None,
    "database": None,  # write nothing into the work tree
    "derandomize": True,  # the same examples in CI as on a developer's machine
    "suppress_health_check": [
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
}


FILE_METHODS = ("sendPhoto", "sendDocument")


class HostileRequest(RecordingRequest):
    """RecordingRequest that also accepts the file-sending methods (/chart, /export, /report)."""

    async def do_request(self, url, method, request_data=None, *args, **kw):
        name = url.rsplit("/", 1)[-1]
        if name not in FILE_METHODS:
            return await super().do_request(url, method, request_data, *args, **kw)
        params = dict(request_data.parameters) if request_data else {}
        self.calls.append((name, params))
        result = {
            "message_id": next(self._ids),
            "date": int(time.time()),
            "chat": {"id": int(params.get("chat_id", 1)), "type": "private"},
            "from": recording_request.BOT,
        }
        return 200, json.dumps({"ok": True, "result": result}).encode()


@dataclasses.dataclass
class Harness:
    app: object
    request: HostileRequest
    service: ChatService
    loop: asyncio.AbstractEventLoop
    errors: list
    pending_id: int  # the admin's real pending change, pressed by others
    db: sqlite3.Connection  # a plain reader, to compare the database before and after
    examples: dict = dataclasses.field(default_factory=dict)  # test name -> updates driven

    def run(self, update_dict: dict) -> None:
        update = Update.de_json(update_dict, self.app.bot)
        self.loop.run_until_complete(self.app.process_update(update))


@pytest.fixture(scope="module")
def harness(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    config = Config(
        database_url=f"sqlite:///{tmp / 'ledger.db'}",
        today=dt.date(2021, 1, 15),
        source=str(tmp / "config.toml"),
    )
    config = dataclasses.replace(
        config,
        telegram=dataclasses.replace(
            config.telegram,
            token="123456:TEST",
            admins=(ADMIN,),
            rate_limiter=False,
            sender_rate=0,  # thousands of updates from one viewer must all reach the core
        ),
    )
    engine = open_engine(config)
    service = ChatService(engine, config, build_answerer(engine, config))
    request = HostileRequest()
    app = build_application(config, service, request=request)
    errors: list = []

    async def record_error(update, context):
        errors.append((update, context.error))

    app.add_error_handler(record_error)
    loop = asyncio.new_event_loop()
    loop.run_until_complete(app.initialize())
    db = sqlite3.connect(tmp / "ledger.db")
    h = Harness(app, request, service, loop, errors, 0, db)
    h.run(_message(f"/grant {VIEWER}", ADMIN, ADMIN))
    h.run(_message("/set 12 新增贷款 30亿元", ADMIN, ADMIN))
    (sent,) = request.of("sendMessage")[-1:]
    data = sent["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    h.pending_id = int(data.removeprefix("confirm:"))
    assert errors == []
    yield h
    loop.run_until_complete(app.shutdown())
    loop.close()
    db.close()
    engine.dispose()
    assert request.unexpected == [], request.unexpected


# --- building raw updates, as Telegram sends them --------------------------------------------

_ids = itertools.count(10_000)


def _chat(chat_id: int, chat_type: str | None = None) -> dict:
    if chat_id > 0:
        return {"id": chat_id, "type": "private", "first_name": "用户"}
    return {"id": chat_id, "type": chat_type or "supergroup", "title": "测试群"}


def _user(user_id: int) -> dict:
    return {"id": user_id, "is_bot": False, "first_name": "用户"}


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _message(text: str, user_id: int | None, chat_id: int, **extra) -> dict:
    message = {
        "message_id": next(_ids),
        "date": int(time.time()),
        "chat": _chat(chat_id, extra.pop("chat_type", None)),
        "text": text,
    }
    if user_id is not None:
        message["from"] = _user(user_id)
    if text.startswith("/"):
        head = text.split(" ", 1)[0]
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": _utf16(head)}]
    message.update(extra)
    return {"update_id": next(_ids), "message": message}


def _callback(data: str, user_id: int, chat_id: int) -> dict:
    query = {
        "id": str(next(_ids)),
        "from": _user(user_id),
        "chat_instance": "ci",
        "data": data,
        "message": {
            "message_id": 500,
            "date": int(time.time()),
            "chat": _chat(chat_id),
            "text": "原消息",
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "台账助手"},
        },
    }
    return {"update_id": next(_ids), "callback_query": query}


# --- strategies -----------------------------------------------------------------------------

RTL = "\u05d0\u05d1\u05d2\u0627\u0644\u0639\u0631\u0628\u064a\u0629\u200f\u202e\u2067\u061c"
CONTROL = "".join(chr(c) for c in (*range(0, 32), 127, 0x85, 0x2028, 0x2029, 0xFEFF, 0x200B))
HANZI = "新增贷款完成了吗哪些没完成固投第十二项民政局目标进展亿元万人户"
SPECIAL = "<>&\"';/@#%\\`*_[]()~|{}=+-0123456789．１２第项"

characters = st.one_of(
    st.characters(exclude_categories=("Cs",)),  # any code point but lone surrogates
    st.sampled_from(RTL + CONTROL + HANZI + SPECIAL),
)
short_text = st.text(characters, max_size=40)
any_text = st.one_of(
    st.text(characters, max_size=300),
    # long texts up to exactly 4096 characters (what a Telegram message may hold)
    st.builds(
        lambda s, n: (s * 4096)[:n],
        st.text(characters, min_size=1, max_size=12),
        st.sampled_from([4096, 4095, 2049, 4000]),
    ),  # fmt: skip
)
numbers = st.one_of(
    st.integers(-(10**20), 10**20).map(str),
    st.sampled_from(["12", "第12项", "１２", "0", "-1", "99", "66", "1e9", "12.5", "٣"]),
)
args_strategy = st.one_of(
    st.just(""),
    short_text,
    numbers,
    st.builds(lambda a, b: f"{a} {b}", numbers, short_text),
    st.builds(
        lambda a, b, c: f"{a} {b} {c}",
        numbers,
        st.sampled_from(
            ["新增贷款", "未完成", "民政局", "xlsx", "docx", "txt", "md", "on", "off", "开"]
        ),
        short_text,
    ),  # fmt: skip
    st.builds(lambda a, n: " ".join([a] * n), short_text, st.integers(2, 30)),
    any_text,
)
senders = st.sampled_from([ADMIN, VIEWER, STRANGER])


def chat_for(user_id: int) -> st.SearchStrategy[int]:
    return st.sampled_from([user_id, user_id, GROUP])


# --- what must hold after every update --------------------------------------------------------

# Every table is compared row by row before and after each update from a non-admin. Anyone
# with rights may leave a trace in these (unanswered questions for admins; saved list pages):
TRACE_TABLES = {"unmatchedquestion", "savedlist"}
# A viewer may also write these: /digest on|off and /report 序号 文本 (a progress report that an
# admin reviews). Everything else - the ledger, audit, grants, pending changes, subscriptions,
# outbox - and for strangers everything, must stay exactly as it was.
VIEWER_TABLES = {"digestsubscriber", "progressreport"}


def snapshot(db: sqlite3.Connection) -> dict[str, int]:
    """Every table's full content, hashed (cheap enough to take twice per example)."""
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    return {t: hash(tuple(db.execute(f'SELECT * FROM "{t}" ORDER BY rowid'))) for t in tables}


class _NoTags(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.found.append(f"<{tag}>")

    def handle_endtag(self, tag):
        self.found.append(f"</{tag}>")

    def handle_comment(self, data):
        self.found.append("<!--")

    def handle_decl(self, decl):
        self.found.append("<!")

    def handle_pi(self, data):
        self.found.append("<?")

    def unknown_decl(self, data):
        self.found.append("<![")


ENTITY = re.compile(r"&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")


def check_html(text: str) -> None:
    assert isinstance(text, str) and text.strip(), f"empty message text {text!r}"
    parser = _NoTags()
    parser.feed(text)
    parser.close()
    assert parser.found == [], f"HTML tags in a reply: {parser.found} in {text[:200]!r}"
    assert "<" not in text and ">" not in text, text[:200]
    # every & starts one of the entities Telegram understands
    stripped = ENTITY.sub("", text)
    assert "&" not in stripped, f"bare & in {text[:200]!r}"
    rendered = html.unescape(text)
    assert rendered.strip(), f"message renders empty: {text!r}"
    assert _utf16(rendered) <= 4096, f"message of {_utf16(rendered)} UTF-16 units"


def check_outgoing(calls) -> None:
    for name, params in calls:
        if name in ("sendMessage", "editMessageText"):
            assert params.get("parse_mode") == "HTML", params
            check_html(params["text"])
        if name in ("sendPhoto", "sendDocument") and params.get("caption"):
            check_html(params["caption"])
            assert _utf16(html.unescape(params["caption"])) <= 1024
        if name == "answerCallbackQuery" and params.get("text"):
            assert len(params["text"]) <= 200
        markup = params.get("reply_markup") or {}
        for row in markup.get("inline_keyboard", []):
            for button in row:
                assert len(button["callback_data"].encode()) <= 64, button
                assert button["text"].strip(), button


def drive(h: Harness, update: dict, sender_id: int | None, *, admin_may_write: bool) -> None:
    """Process one update and check every invariant."""
    test = os.environ.get("PYTEST_CURRENT_TEST", "").split("::")[-1].split(" ")[0]
    h.examples[test] = h.examples.get(test, 0) + 1
    h.errors.clear()
    trusted = sender_id == ADMIN and admin_may_write
    allowed = set(TRACE_TABLES)
    if sender_id is not None and _role(h, sender_id, update) is not None:
        allowed |= VIEWER_TABLES
    before = None if trusted else snapshot(h.db)
    start = len(h.request.calls)
    h.run(update)
    assert h.errors == [], f"error handler invoked: {h.errors[-1][1]!r} for {update!r}"
    assert h.request.unexpected == [], h.request.unexpected
    check_outgoing(h.request.calls[start:])
    if before is not None:
        after = snapshot(h.db)
        changed = {t for t in after if before.get(t) != after[t]} - allowed
        assert not changed, f"{changed} changed by non-admin {sender_id}: {update!r}"


def _role(h: Harness, user_id: int, update: dict) -> str | None:
    body = update.get("message") or update.get("callback_query") or {}
    chat = (body.get("chat") or body.get("message", {}).get("chat") or {}).get("id", user_id)
    return h.service.role_of(Sender(user_id=user_id, chat_id=chat))


# --- the properties --------------------------------------------------------------------------


@settings(max_examples=700, **SETTINGS)
@given(
    text=any_text,
    sender=senders,
    where=st.sampled_from(["private", "group-mention", "group-reply", "group-plain"]),
)
def test_arbitrary_text_messages(harness, text, sender, where):
    extra: dict = {}
    chat_id = sender
    if where != "private":
        chat_id = GROUP
        if where == "group-mention":
            text = f"@{BOT_NAME} {text}"[:4096]
        elif where == "group-reply":
            extra["reply_to_message"] = {
                "message_id": 1,
                "date": int(time.time()),
                "chat": _chat(GROUP),
                "text": "上一条",
                "from": {"id": BOT_ID, "is_bot": True, "first_name": "台账助手"},
            }
    drive(harness, _message(text, sender, chat_id, **extra), sender, admin_may_write=True)


@settings(max_examples=800, **SETTINGS)
@given(data=st.data())
def test_every_command_with_hostile_arguments(harness, data):
    names = sorted(harness.service.registry.commands)
    name = data.draw(
        st.one_of(
            st.sampled_from(names),
            st.sampled_from(names).map(str.upper),
            st.text(st.characters(exclude_categories=("Cs", "Zs", "Cc")), min_size=1, max_size=20),
        ),
        label="command",
    )
    suffix = data.draw(st.sampled_from(["", "", f"@{BOT_NAME}", "@otherbot", "@"]), label="at")
    args = data.draw(args_strategy, label="args")
    sender = data.draw(senders, label="sender")
    chat_id = data.draw(chat_for(sender), label="chat")
    text = f"/{name}{suffix}" + (f" {args}" if args else "")
    drive(harness, _message(text[:4096], sender, chat_id), sender, admin_may_write=True)


BUTTON_PREFIXES = ["pick", "detail", "hist", "page", "confirm", "cancel", "unm", "rpt"]


@settings(max_examples=400, **SETTINGS)
@given(data=st.data())
def test_forged_button_presses(harness, data):
    h = harness
    prefix = data.draw(
        st.one_of(st.sampled_from(BUTTON_PREFIXES), short_text.filter(lambda s: ":" not in s)),
        label="prefix",
    )
    rest = data.draw(
        st.one_of(
            numbers,
            short_text,
            st.builds(lambda a, b: f"{a}:{b}", numbers, numbers),
            st.just(str(h.pending_id)),
            st.just(f"ok:{h.pending_id}"),
        ),
        label="rest",
    )
    data_text = data.draw(
        st.one_of(
            st.just(f"{prefix}:{rest}"),
            st.just(prefix),
            # over-long data, up to 200 bytes (Telegram itself stops at 64)
            st.integers(65, 200).map(
                lambda n: (f"{prefix}:{rest}" + "9" * 200).encode()[:n].decode("utf-8", "ignore")
            ),  # fmt: skip
        ),
        label="data",
    )
    data_text = data_text or "x"
    # only the others press: the admin's own confirmation would legitimately apply it
    sender = data.draw(st.sampled_from([VIEWER, STRANGER, 43]), label="sender")
    chat_id = data.draw(chat_for(sender), label="chat")
    drive(h, _callback(data_text, sender, chat_id), sender, admin_may_write=False)


@settings(max_examples=150, **SETTINGS)
@given(data=st.data())
def test_forged_button_presses_by_the_admin(harness, data):
    prefix = data.draw(st.sampled_from(BUTTON_PREFIXES), label="prefix")
    rest = data.draw(st.one_of(short_text, st.builds(lambda a, b: f"{a}:{b}", numbers, numbers)))
    data_text = f"{prefix}:{rest}"
    drive(harness, _callback(data_text, ADMIN, ADMIN), ADMIN, admin_may_write=True)


@settings(max_examples=250, **SETTINGS)
@given(data=st.data())
def test_edits_channel_posts_and_updates_without_from(harness, data):
    kind = data.draw(
        st.sampled_from(
            ["edited_message", "channel_post", "edited_channel_post", "no_from", "sender_chat"]
        ),
        label="kind",
    )
    name = data.draw(st.sampled_from(sorted(harness.service.registry.commands)), label="command")
    text = data.draw(
        st.one_of(any_text, args_strategy.map(lambda a: f"/{name} {a}".strip())), label="text"
    )
    text = text[:4096]
    if kind in ("channel_post", "edited_channel_post"):
        chat = data.draw(st.sampled_from([GROUP, -1009]), label="channel")
        update = _message(text, None, chat, chat_type="channel")
        message = update.pop("message")
        message["sender_chat"] = _chat(chat, "channel")
        if kind.startswith("edited"):
            message["edit_date"] = int(time.time())
        update[kind] = message
        sender = None
    elif kind == "edited_message":
        sender = data.draw(senders, label="sender")
        update = _message(text, sender, data.draw(chat_for(sender)))
        message = update.pop("message")
        message["edit_date"] = int(time.time())
        update["edited_message"] = message
    elif kind == "no_from":
        update = _message(text, None, data.draw(st.sampled_from([GROUP, VIEWER, ADMIN])))
        sender = None
    else:  # sent as the group: the anonymous admin has no admin rights
        update = _message(text, None, GROUP)
        update["message"]["sender_chat"] = _chat(GROUP)
        update["message"]["from"] = {
            "id": 1087968824,
            "is_bot": True,
            "first_name": "Group",
            "username": "GroupAnonymousBot",
        }
        sender = None
    before = len(harness.request.calls)
    drive(harness, update, sender, admin_may_write=False)
    if kind != "no_from" and kind != "sender_chat":
        # edits and channel posts ask nothing: the bot stays silent
        assert harness.request.calls[before:] == []


PROPERTIES = {
    "test_arbitrary_text_messages",
    "test_every_command_with_hostile_arguments",
    "test_forged_button_presses",
    "test_forged_button_presses_by_the_admin",
    "test_edits_channel_posts_and_updates_without_from",
}


def test_the_examples_added_up(harness):
    """Run after the properties: over 2,000 generated updates went through the Application."""
    if set(harness.examples) != PROPERTIES:
        pytest.skip("only meaningful when the whole module runs")
    assert sum(harness.examples.values()) >= 2000, harness.examples
    assert len(harness.request.of("sendMessage")) >= 1000


HUGE = "99999999999999999999"  # beyond SQLite's 64-bit INTEGER


@pytest.mark.parametrize(
    "text", [f"/reject {HUGE} 理由", f"/reject -{HUGE} 理由", f"/target {HUGE}", f"/grant {HUGE}"]
)
def test_huge_numbers_in_admin_commands(harness, text):
    """A number too big for the database is one reply that says how to write the command."""
    before = len(harness.request.texts())
    drive(harness, _message(text, ADMIN, ADMIN), ADMIN, admin_may_write=False)
    [reply] = harness.request.texts()[before:]  # not an earlier test's message
    assert "用法" in reply, reply


@pytest.mark.parametrize(
    "data",
    [f"page:-{HUGE}:1", f"page:{HUGE}:{HUGE}", f"pick:{HUGE}", f"detail:{HUGE}", f"hist:{HUGE}",
     f"confirm:{HUGE}", f"cancel:-{HUGE}", f"unm:{HUGE}", f"rpt:ok:{HUGE}", f"rpt:no:{HUGE}"],
)  # fmt: skip
@pytest.mark.parametrize("sender", [ADMIN, VIEWER])
def test_huge_numbers_in_button_data(harness, data, sender):
    before = len(harness.request.of("answerCallbackQuery"))
    drive(harness, _callback(data, sender, sender), sender, admin_may_write=False)
    assert len(harness.request.of("answerCallbackQuery")) == before + 1
