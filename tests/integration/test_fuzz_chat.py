"""Generated hostile text through the transport-free chat core, as admin, viewer and a unit's chat.

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

RTL = "\u05d0\u05d1\u0627\u0644\u0639\u0631\u0628\u064a\u0629\u200f\u202e\u2067\u061c"
CONTROL = "".join(chr(c) for c in (*range(0, 32), 127, 0x85, 0x2028, 0x2029, 0xFEFF, 0x200B))
HANZI = "新增贷款完成了吗哪些没完成固投第十二项民政局目标进展亿元万人户"
TRADITIONAL = "新增貸款完成了嗎哪些沒完成固定資產投資第十二項民政局目標進展億元萬戶縣財政"
FULL_WIDTH = "０１２３４５６７８９．，。；：！？（）％＋－／　"
EMOJI = ["😀", "👍🏽", "👨‍👩‍👧", "🇨🇳", "✅", "⚠️"]
ODD_NUMBERS = [
    "-1", "0", "-0", "1e309", "-1e309", "NaN", "nan", "inf", "Infinity", "1e-400",
    "99999999999999999999999", "12.5.6", "１２", "٣", "⑫", "十二", "0x10", "1_000",
    "9" * 400, "67", "2147483648", "25.1亿元", "-25.1亿元", "1e309亿元", "NaN亿元", "25.1光年",
    "25.1 平方光年", "２５．１亿元", "百分之九十", "120%", "-5%", "1e9999%",
]  # fmt: skip
ODD_DATES = [
    "2020-02-30", "2月30日", "2020-13-01", "2020-00-10", "0000-01-01", "9999-12-31",
    "2021-02-29", "13月", "1-13月", "截至2月30日", "２０２０－１２－３１", "2020/12/31",
    "12月32日", "截止2020年13月", "年底前", "",
]  # fmt: skip
WORDS = [
    "新增贷款", "固投", "县民政局", "县不存在局", "牵头", "配合", "滞后", "自动", "已完成",
    "强制", "年底前", "xlsx", "csv", "docx", "通报", "on", "off", "全部", "2020", "2021",
    "1900", "2200", "12", "99", "66", "1",
]  # fmt: skip

characters = st.one_of(
    st.characters(exclude_categories=("Cs",)),
    st.sampled_from(RTL + CONTROL + HANZI + TRADITIONAL + FULL_WIDTH),
)
pieces = st.one_of(characters, st.sampled_from(EMOJI))  # an emoji may be several code points
short_text = st.lists(pieces, max_size=30).map("".join)
odd_word = st.one_of(
    st.sampled_from(ODD_NUMBERS),
    st.sampled_from(ODD_DATES),
    st.sampled_from(WORDS),
    st.integers(-(10**30), 10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    short_text,
)
arguments = st.lists(odd_word, max_size=6).map(" ".join)
long_text = st.builds(
    lambda s, n: (s * 10_000)[:n],
    st.lists(pieces, min_size=1, max_size=8).map("".join),
    st.sampled_from([4096, 10_000]),
)
free_text = st.one_of(
    st.sampled_from(["", " ", "\u3000", "\n\t", "\u200b", "。", "？"]),
    st.lists(pieces, max_size=200).map("".join),
    st.lists(st.sampled_from([*HANZI, *TRADITIONAL, *FULL_WIDTH, *EMOJI]), max_size=40).map(
        "".join
    ),
    long_text,
)
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
