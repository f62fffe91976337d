"""Generated hostile text (tests/auxil/odd_text.py) through the transport-free chat core, as
admin, viewer and a unit's chat.

For every message: no exception escapes `ChatService`, the answer is non-empty and in Chinese,
and the database changes only where the command that ran may write (a proposal waiting for 确认,
a grant, a subscription, a progress report); the ledger and its audit trail never move without
确认.
Confirmed proposals are then undone, and the ledger must read exactly as before.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.app.services import open_engine
from bot.chat.evidence import IncomingFile
from bot.chat.service import ChatService
from bot.chat.types import Reply, Sender
from bot.config import Config
from tests.auxil.chats import admin_chat
from tests.auxil.odd_text import free_text, odd_words, pieces

ADMIN = Sender(42, 42, actor="tg:42")
VIEWER = Sender(77, 77, actor="tg:77")
UNIT_CHAT = -200300
UNIT = Sender(501, UNIT_CHAT, chat_type="supergroup", actor="tg:501")

SETTINGS = {
    "deadline": None,
    "database": None,
    "derandomize": True,
    "suppress_health_check": [
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
}

LEDGER_TABLES = ("target", "unitassignment", "milestone", "indicator", "alias", "ledgermeta")
TRACE_TABLES = {"unmatchedquestion", "savedlist"}
# What each command may write when it succeeds; every other table must stay as it was.
MAY_WRITE = {
    "grant": {"grant"},
    "revoke": {"grant"},
    "subscribe": {"subscription"},
    "unsubscribe": {"subscription"},
    "digest": {"digestsubscriber"},
    "report": {"progressreport", "bulletinissue", "outboxentry"},
    "reject": {"progressreport", "outboxentry"},
    "urge": {"outboxentry"},
}
CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclasses.dataclass
class Chat:
    service: ChatService
    db: sqlite3.Connection


@pytest.fixture(scope="module")
def chat(tmp_path_factory, seeded_sqlite):
    tmp = tmp_path_factory.mktemp("fuzz_chat")
    shutil.copyfile(seeded_sqlite, tmp / "ledger.db")
    config = Config(
        database_url=f"sqlite:///{tmp / 'ledger.db'}",
        today=dt.date(2020, 10, 23),  # an open year: deadlines and paces are live
        var_dir=tmp / "var",
        source=str(tmp / "config.toml"),
    )
    engine = open_engine(config)
    service = admin_chat(config, engine)
    service.command(ADMIN, "grant", f"{VIEWER.user_id} 王科长")
    service.command(ADMIN, "subscribe", f"县民政局 {UNIT_CHAT}")
    db = sqlite3.connect(tmp / "ledger.db")
    yield Chat(service, db)
    db.close()
    engine.dispose()


def snapshot(db: sqlite3.Connection) -> dict[str, tuple]:
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    return {t: tuple(db.execute(f'SELECT * FROM "{t}" ORDER BY rowid')) for t in tables}


def ledger_rows(db: sqlite3.Connection) -> dict[str, tuple]:
    """The ledger's rows, sorted, without who changed them last and when (an undo is a change
    too) and without surrogate ids (a field's rows are written anew)."""
    rows = {}
    for table in LEDGER_TABLES:
        names = [r[1] for r in db.execute(f'PRAGMA table_info("{table}")')]
        kept = ", ".join(f'"{n}"' for n in names if n not in ("id", "updated_at", "updated_by"))
        rows[table] = tuple(sorted(map(repr, db.execute(f'SELECT {kept} FROM "{table}"'))))
    return rows


def check_replies(replies: list[Reply], said: str) -> None:
    assert replies, f"no reply to {said!r}"
    texts = [r.text or r.toast for r in replies]
    assert all(t.strip() or r.document or r.photo for t, r in zip(texts, replies, strict=True)), (
        said,
        texts,
    )
    assert any(CJK.search(t) for t in texts), f"no Chinese in {texts!r} for {said!r}"


def send(service: ChatService, sender: Sender, text: str) -> list[Reply]:
    """As the Telegram and console adapters route a message: a command, or a question."""
    if text.startswith("/"):
        head, args = [*text[1:].split(maxsplit=1), "", ""][:2]
        return service.command(sender, head.split("@")[0], args)
    return service.question(sender, text)


def command_of(service: ChatService, text: str) -> str | None:
    if not text.startswith("/"):
        return None
    head = (text[1:].split(maxsplit=1) or [""])[0].split("@")[0]
    return head if service.registry.command(head) else None


def drive(c: Chat, sender: Sender, text: str) -> list[Reply]:
    c.service.unmatched.flush()
    before = snapshot(c.db)
    replies = send(c.service, sender, text)
    check_replies(replies, text)
    c.service.unmatched.flush()
    after = snapshot(c.db)
    changed = {t for t in after if before.get(t) != after[t]} - TRACE_TABLES
    allowed = set(MAY_WRITE.get(command_of(c.service, text) or "", ()))
    if any(b.data.startswith("confirm:") for r in replies for row in r.buttons for b in row):
        allowed.add("pendingchange")
    if sender is not ADMIN:
        allowed -= {"grant", "subscription", "outboxentry", "pendingchange"}
    assert not changed - allowed, f"{changed - allowed} changed by {text[:200]!r}: {replies!r}"
    return replies


# --- strategies -------------------------------------------------------------------------------

WORDS = [
    "新增贷款", "固投", "县民政局", "县不存在局", "牵头", "配合", "滞后", "自动", "已完成",
    "强制", "年底前", "xlsx", "csv", "docx", "通报", "on", "off", "全部", "2020", "2021",
    "1900", "2200", "12", "99", "66", "1",
]  # fmt: skip

odd_word = odd_words(WORDS)
arguments = st.lists(odd_word, max_size=6).map(" ".join)
senders = st.sampled_from([ADMIN, VIEWER, UNIT])


# --- the properties ---------------------------------------------------------------------------


@settings(max_examples=100, **SETTINGS)
@given(text=free_text, sender=senders)
def test_free_text_is_answered_in_chinese_and_changes_nothing(chat, text, sender):
    drive(chat, sender, text)


@settings(max_examples=200, **SETTINGS)
@given(data=st.data())
def test_every_command_with_odd_arguments(chat, data):
    names = sorted(chat.service.registry.commands)
    name = data.draw(st.sampled_from(names), label="command")
    number = data.draw(
        st.one_of(st.sampled_from(["12", "5", "17", "44", "30", "１２", "第12项"]), odd_word),
        label="number",
    )
    args = data.draw(arguments, label="args")
    sender = data.draw(senders, label="sender")
    drive(chat, sender, f"/{name} {number} {args}"[:10_000])


@settings(max_examples=80, **SETTINGS)
@given(
    name=st.sampled_from(
        ["set", "status", "note", "deadline", "done", "reopen", "assign", "alias"]
    ),
    number=st.sampled_from(["12", "5", "17", "44", "30", "1", "66"]),
    args=arguments,
)
def test_a_confirmed_change_applies_and_undo_restores_the_ledger(chat, name, number, args):
    """Whatever a proposal says, 确认 applies it without an error and /undo puts every ledger
    row back as it was."""
    c = chat
    before = ledger_rows(c.db)
    replies = drive(c, ADMIN, f"/{name} {number} {args}")
    confirm = [
        b.data for r in replies for row in r.buttons for b in row if b.data.startswith("confirm:")
    ]
    if not confirm:
        return
    done = c.service.button(ADMIN, confirm[0])
    check_replies(done, confirm[0])
    if not any("已修改" in r.text for r in done):
        return
    undone = c.service.command(ADMIN, "undo", "")
    check_replies(undone, "/undo")
    after = ledger_rows(c.db)
    moved = {t for t in after if after[t] != before[t]}
    assert not moved, f"/undo left {moved} changed after /{name} {number} {args}: {undone!r}"


FILE_NAMES = st.one_of(
    st.sampled_from(
        [
            "照片.jpg",
            "a.png",
            "进展.pdf",
            "台账.xlsx",
            "l.csv",
            "x.exe",
            "",
            ".",
            "..",
            "a" * 300,
            "报告.docx",
            "无扩展名",
            "../../etc/passwd",
            "新建文件夹/照片.JPG",
            "\u202egpj.exe",
        ]
    ),  # fmt: skip
    st.lists(pieces, max_size=40).map("".join),
)
CONTENTS = st.one_of(
    st.binary(max_size=300),
    st.sampled_from([b"", b"\x89PNG\r\n\x1a\n" + b"\0" * 40, b"%PDF-1.4\n", b"PK\x03\x04"]),
)


@settings(max_examples=50, **SETTINGS)
@given(
    name=FILE_NAMES,
    content=CONTENTS,
    declared=st.sampled_from([0, 0, 1, 10**6, 10**12, -1]),
    caption=st.one_of(
        st.builds(
            lambda c, n, a: f"{c} {n} {a}",
            st.sampled_from(["/evidence", "/report", "/REPORT@bot", "／evidence", "/target"]),
            st.sampled_from(["12", "30", "99", "-1", "1e309", "１２", "第12项", ""]),
            arguments,
        ),
        free_text,
    ),
    replied=st.sampled_from([None, 1, 10**12, -5]),
    sender=senders,
)
def test_a_sent_file_is_answered_in_chinese_and_writes_only_evidence(
    chat, name, content, declared, caption, replied, sender
):
    c = chat
    before = snapshot(c.db)
    incoming = IncomingFile(name, content, telegram_file_id="f1", declared_size=declared)
    replies = c.service.file(sender, incoming, caption[:1024], replied)
    if replies or sender.chat_type == "private":  # a group's own photos get no answer
        check_replies(replies, f"{name!r} {caption[:80]!r}")
    c.service.unmatched.flush()
    after = snapshot(c.db)
    changed = {t for t in after if before.get(t) != after[t]} - TRACE_TABLES
    allowed = {"evidence", "evidenceblob", "progressreport"}
    if sender is ADMIN:
        allowed |= {"pendingchange", "outboxentry"}
    assert not changed - allowed, f"{changed - allowed} changed by a file {name!r}: {replies!r}"
