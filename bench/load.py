"""Load benchmark (issue 7): the real bot under a burst of questions over the fake Bot API.

50 viewers in 50 private chats send a burst of questions (default 2,000) to the production
PTB Application polling `tests.auxil.fake_bot_api.FakeBotApi` on loopback; meanwhile admin 42
makes one change per 50 questions (40 in all), one after the other: `/set 12 新增贷款 <value>亿元`
in a group of its own, 确认 as soon as the proposal arrives. Run twice: AIORateLimiter OFF and ON
(`[telegram] rate_limiter`).

Measured (nothing hard-coded):
- replies: every question must get exactly one sendMessage in its own chat (lost, duplicated
  and "系统繁忙" replies are counted per chat);
- latency from pushing the update to the fake recording the reply (p50/p99), throughput;
- inside the bot process: the PTB handler, the core `ChatService.question` call (split into
  `Answerer.ask`, the rights check and the unmatched-question log) and the send, against
  `Answerer.ask` alone on the same questions in the same process (goal: core within 3×).

Every run is bounded: at most `TIME_LIMIT_S` seconds, then it stops with a clear message.
Run: `.venv/bin/python -c "from bench import load; load.main()"` (or as part of `make bench`).
"""

from __future__ import annotations

import os

# Before telegram is imported anywhere: use datetime.timedelta, not the deprecated int path.
os.environ.setdefault("PTB_TIMEDELTA", "true")

import asyncio  # noqa: E402
import contextvars  # noqa: E402
import dataclasses  # noqa: E402
import datetime as dt  # noqa: E402
import json  # noqa: E402
import logging  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import unicodedata  # noqa: E402
from collections import defaultdict  # noqa: E402
from pathlib import Path  # noqa: E402
from zoneinfo import ZoneInfo  # noqa: E402

from sqlmodel import Session  # noqa: E402

from bot.adapters.telegram import BUSY_TEXT, build_application  # noqa: E402
from bot.app.services import build_answerer, open_engine  # noqa: E402
from bot.chat.service import ChatService  # noqa: E402
from bot.chat.types import Sender  # noqa: E402
from bot.config import PROJECT_ROOT, Config, TelegramConfig  # noqa: E402
from bot.store.ledger_store import read_target  # noqa: E402
from tests.auxil.fake_bot_api import ApiError, FakeBotApi  # noqa: E402

TZ = ZoneInfo("Asia/Shanghai")
TODAY = dt.date(2021, 1, 15)
TOKEN = "123456:LOAD"
ADMIN = 42
USERS = 50
FIRST_USER = 700_001  # private chat id == user id
QUESTIONS = 2_000
SET_EVERY = 50  # one admin /set (+ 确认) per 50 questions
TIME_LIMIT_S = 300.0
QUESTIONS_FILE = PROJECT_ROOT / "tests" / "data" / "questions.jsonl"
REPORT_FILE = Path(__file__).resolve().parent / "load_report.md"
COMMAND = '.venv/bin/python -c "from bench import load; load.main()"'

_current = contextvars.ContextVar("load_update", default=None)


class Aborted(RuntimeError):
    """The run hit its time limit."""


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def med(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def load_questions(count: int, seed: int = 7) -> list[str]:
    """`count` free-text questions from the eval set, shuffled and cycled (no commands)."""
    items = [json.loads(line)["q"] for line in QUESTIONS_FILE.read_text("utf-8").splitlines()]
    items = [q for q in items if q.strip() and not q.lstrip().startswith("/")]
    random.Random(seed).shuffle(items)
    return [items[i % len(items)] for i in range(count)]


@dataclasses.dataclass
class RunResult:
    label: str
    rate_limiter: bool
    sent: int
    sets: int
    aborted: str = ""
    replies_ok: int = 0  # chats' replies matched one-to-one with questions
    lost: int = 0
    duplicates: int = 0
    busy: int = 0
    sets_applied: int = 0
    set_value_visible: bool = False
    wall_s: float = float("nan")
    latencies_ms: list[float] = dataclasses.field(default_factory=list)
    handler_ms: list[float] = dataclasses.field(default_factory=list)
    queue_ms: list[float] = dataclasses.field(default_factory=list)
    core_ms: list[float] = dataclasses.field(default_factory=list)
    core_ask_ms: list[float] = dataclasses.field(default_factory=list)
    role_ms: list[float] = dataclasses.field(default_factory=list)
    unmatched_ms: list[float] = dataclasses.field(default_factory=list)
    send_ms: list[float] = dataclasses.field(default_factory=list)
    overhead_ms: list[float] = dataclasses.field(default_factory=list)
    baseline_ask_ms: list[float] = dataclasses.field(default_factory=list)
    quiet_core_ms: list[float] = dataclasses.field(default_factory=list)
    failed_calls: int = 0
    server_errors: int = 0
    log_problems: list[str] = dataclasses.field(default_factory=list)

    @property
    def throughput(self) -> float:
        return self.sent / self.wall_s if self.wall_s == self.wall_s and self.wall_s else 0.0

    @property
    def ratio(self) -> float:
        return med(self.core_ms) / med(self.baseline_ask_ms)

    @property
    def problems(self) -> list[str]:
        found = []
        if self.aborted:
            found.append(f"{self.label}: aborted: {self.aborted}")
        if self.lost or self.duplicates or self.busy:
            found.append(
                f"{self.label}: {self.lost} lost, {self.duplicates} duplicated, "
                f"{self.busy} '系统繁忙' replies out of {self.sent} questions"
            )
        if self.sets_applied != self.sets:
            found.append(f"{self.label}: only {self.sets_applied}/{self.sets} /set confirmed")
        if not self.aborted and not self.set_value_visible:
            found.append(f"{self.label}: the last /set value is not in the answers afterwards")
        if self.server_errors:
            found.append(f"{self.label}: {self.server_errors} fake-server errors")
        return found


class _LogCatcher(logging.Handler):
    """Keeps WARNING+ records from the bot and PTB (errors while handling updates)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(f"{record.name}: {record.getMessage()[:160]}")


def _timed_handler(callback, result: RunResult, pushed_at: dict[int, float]):
    async def wrapper(update, context):
        start = time.perf_counter()
        began = time.time()
        slot: dict[str, float] = {}
        token = _current.set(slot)
        try:
            return await callback(update, context)
        finally:
            _current.reset(token)
            if "core" in slot:  # a question (not a command or a button)
                total = (time.perf_counter() - start) * 1000
                result.handler_ms.append(total)
                result.overhead_ms.append(total - slot["core"] - slot.get("send", 0.0))
                pushed = pushed_at.get(update.update_id)
                if pushed is not None:
                    result.queue_ms.append((began - pushed) * 1000)

    return wrapper


def _instrument(service: ChatService, application, result: RunResult, pushed_at):
    """Wrap the core call, its parts, the send and the PTB handlers; returns an undo."""
    question, role_of, ask = service.question, service.role_of, service.answerer.ask
    record = service.unmatched.record

    def timed(fn, into: list[float]):
        def wrapper(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                into.append((time.perf_counter() - t0) * 1000)

        return wrapper

    def timed_question(sender, text):
        slot = _current.get()
        if slot is not None:
            slot["question"] = 1.0
        t0 = time.perf_counter()
        try:
            return question(sender, text)
        finally:
            elapsed = (time.perf_counter() - t0) * 1000
            result.core_ms.append(elapsed)
            if slot is not None:  # to_thread copies the context: the handler's own slot
                slot["core"] = elapsed

    def timed_role_of(sender):
        t0 = time.perf_counter()
        try:
            return role_of(sender)
        finally:
            slot = _current.get()
            if slot is not None and "question" in slot and "core" not in slot:
                result.role_ms.append((time.perf_counter() - t0) * 1000)

    service.question = timed_question
    service.role_of = timed_role_of
    service.answerer.ask = timed(ask, result.core_ask_ms)
    service.unmatched.record = timed(record, result.unmatched_ms)

    front = None
    for group in application.handlers.values():
        for handler in group:
            front = getattr(handler.callback, "__self__", front)
            handler.callback = _timed_handler(handler.callback, result, pushed_at)
    send = front.send

    async def timed_send(message, replies):
        t0 = time.perf_counter()
        try:
            return await send(message, replies)
        finally:
            slot = _current.get()
            if slot is not None and "core" in slot:
                slot["send"] = (time.perf_counter() - t0) * 1000
                result.send_ms.append(slot["send"])

    front.send = timed_send

    def undo() -> None:
        vars(service.unmatched).pop("record", None)
        for name in ("question", "role_of"):
            vars(service).pop(name, None)
        vars(service.answerer).pop("ask", None)

    return undo


def bench_config(
    tmp: Path, fake: FakeBotApi, *, token: str, rate_limiter: bool, sender_rate: int
) -> Config:
    """A config for a bench bot in `tmp`, talking to `fake`, with admin 42."""
    return Config(
        database_url=f"sqlite:///{tmp / 'bench.db'}",
        today=TODAY,
        var_dir=tmp / "var",
        source=str(tmp / "config.toml"),
        telegram=TelegramConfig(
            token=token,
            admins=(ADMIN,),
            bot_api_url=fake.base_url,
            bot_file_url=fake.base_file_url,
            rate_limiter=rate_limiter,
            sender_rate=sender_rate,
        ),
    )


def _drop_backlog(application) -> int:
    """Empty PTB's update queue so that `Application.stop()` returns at once after an abort."""
    queue = application.update_queue
    dropped = 0
    while not queue.empty():
        queue.get_nowait()
        queue.task_done()
        dropped += 1
    return dropped


def set_chat(k: int) -> int:
    """The group where admin 42 sends its k-th /set (ids there are predictable: 1, 2)."""
    return -1_001_000_000_000 - k


def _set_value(k: int) -> str:
    return f"{30 + k * 0.25:.2f}"


async def _run(label: str, rate_limiter: bool, count: int, limit_s: float) -> RunResult:
    questions = load_questions(count)
    users = [FIRST_USER + i for i in range(USERS)]
    sets = count // SET_EVERY
    result = RunResult(label, rate_limiter, count, sets)
    catcher = _LogCatcher()
    logging.getLogger().addHandler(catcher)
    deadline = time.monotonic() + limit_s

    def left() -> float:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise Aborted(f"time limit of {limit_s:.0f} s reached")
        return remaining

    with tempfile.TemporaryDirectory() as tmp_name, FakeBotApi(TOKEN) as fake:
        # 40 questions per viewer in one burst: throughput, not the per-sender limit
        config = bench_config(
            Path(tmp_name), fake, token=TOKEN, rate_limiter=rate_limiter, sender_rate=0
        )
        engine = open_engine(config)
        service = ChatService(engine, config, build_answerer(engine, config))
        admin = Sender(user_id=ADMIN, chat_id=ADMIN, actor=f"tg:{ADMIN}")
        for user in users:  # viewer rights through the core, as /grant would give them
            reply = service.command(admin, "grant", f"{user} 压测用户")
            assert reply[0].text.startswith("已授予"), reply
        application = build_application(config, service)
        pushed_at: dict[int, float] = {}  # update_id -> time.time() when queued
        undo = _instrument(service, application, result, pushed_at)
        per_chat_pushes: dict[int, list[float]] = defaultdict(list)
        set_chats = {set_chat(k) for k in range(1, sets + 1)}

        answered: set[str] = set()

        def answer_callback(params: dict, files: dict) -> bool:
            """answerCallbackQuery for the scripted presses (ids made here, each once)."""
            query_id = params.get("callback_query_id", "")
            if not query_id.startswith("load-") or query_id in answered:
                raise ApiError(400, "Bad Request: query is too old or query ID is invalid")
            answered.add(query_id)
            return True

        fake.set_handler("answerCallbackQuery", answer_callback)

        set_pushed: set[int] = set()
        pressed: set[int] = set()

        def drive_sets() -> None:
            """Admin 42's changes, one after the other during the burst: `/set` k in group k,
            确认 as soon as its proposal arrives, then `/set` k+1 once k is applied (concurrent
            proposals on one figure would make all but the first stale, correctly)."""
            k = len(pressed) + 1
            if k > sets:
                return
            chat = set_chat(k)
            if k not in set_pushed:
                if confirmed() >= k - 1:
                    set_pushed.add(k)
                    fake.push_message(chat, ADMIN, f"/set 12 新增贷款 {_set_value(k)}亿元")
                return
            proposals = fake.sent_messages(chat)
            if not proposals:
                return
            pressed.add(k)
            button = proposals[0]["reply_markup"]["inline_keyboard"][0][0]
            fake.push_raw(
                {
                    "callback_query": {
                        "id": f"load-{k}",
                        "from": {"id": ADMIN, "is_bot": False, "first_name": "管理员"},
                        "message": proposals[0].result,
                        "chat_instance": f"ci{abs(chat)}",
                        "data": button["callback_data"],
                    }
                }
            )

        def pusher() -> None:
            """The burst: every question queued at once (admin 42's changes: drive_sets)."""
            for i, text in enumerate(questions):
                user = users[i % USERS]
                update = fake.push_message(user, user, text)
                now = time.time()
                pushed_at[update["update_id"]] = now
                per_chat_pushes[user].append(now)

        def confirmed() -> int:
            return sum(
                1
                for c in fake.calls("editMessageText")
                if c.ok and c.params.get("chat_id") in set_chats and "已修改" in c["text"]
            )

        def user_replies() -> list:
            return [c for c in fake.sent_messages() if c.params.get("chat_id") in pushed_chats]

        pushed_chats = set(users)
        async with application:
            await application.post_init(application)
            await application.start()
            await application.updater.start_polling(poll_interval=0, timeout=1)
            try:
                first_push = time.time()
                drive_sets()
                await asyncio.to_thread(pusher)
                while len(user_replies()) < count or confirmed() < sets:
                    left()
                    drive_sets()
                    await asyncio.sleep(0.005)
                # All questions answered and all 确认 queued: once the bot has fetched every
                # update and PTB's update queue has joined, every handler has finished, so
                # anything counted after this would be a late duplicate.
                await asyncio.to_thread(fake.wait_delivered, left())
                await asyncio.wait_for(application.update_queue.join(), left())
            except (Aborted, TimeoutError) as exc:
                result.aborted = (
                    f"{exc}: {len(user_replies())}/{count} replies, "
                    f"{confirmed()}/{sets} /set confirmed"
                )
                print(f"ABORTED {label}: {result.aborted}", file=sys.stderr)
            finally:
                await application.updater.stop()
                if result.aborted:  # stop() would handle the whole backlog first: drop it
                    dropped = _drop_backlog(application)
                    result.aborted += f"; {dropped} queued updates dropped"
                await application.stop()
                undo()
                logging.getLogger().removeHandler(catcher)

        # The last /set is in the database and in the answers (the index was refreshed).
        check = service.question(Sender(user_id=users[0], chat_id=users[0]), "第12项")
        result.set_value_visible = not sets or _set_value(sets) in check[0].text

        # --- replies: the k-th reply in a chat answers the k-th question there --------------
        replies = defaultdict(list)
        for call in user_replies():
            replies[call.params["chat_id"]].append(call)
        last_reply = first_push
        for chat, pushes in per_chat_pushes.items():
            got = replies.get(chat, [])
            result.lost += max(0, len(pushes) - len(got))
            result.duplicates += max(0, len(got) - len(pushes))
            for pushed, call in zip(pushes, got, strict=False):
                if call.params.get("text") == BUSY_TEXT:
                    result.busy += 1
                    continue
                result.replies_ok += 1
                result.latencies_ms.append((call.at - pushed) * 1000)
                last_reply = max(last_reply, call.at)
        result.wall_s = last_reply - first_push
        result.sets_applied = confirmed()
        result.failed_calls = sum(1 for c in fake.calls() if not c.ok)
        result.server_errors = len(fake.server_errors)
        result.log_problems = catcher.records

        with Session(engine) as session:
            target = read_target(session, 12)
        figure = target.indicator("新增贷款").actual if target else ""
        if sets and _set_value(sets) not in figure:
            result.set_value_visible = False

        # --- the answering core alone, same questions, same process, same ledger -----------
        answerer = build_answerer(engine, config)
        for q in questions[:50]:
            answerer.ask(q)
        for q in questions:
            t0 = time.perf_counter()
            answerer.ask(q)
            result.baseline_ask_ms.append((time.perf_counter() - t0) * 1000)
        # ...and the core call alone: no event loop, no HTTP, one thread (same questions).
        for i, q in enumerate(questions):
            sender = Sender(user_id=users[i % USERS], chat_id=users[i % USERS])
            t0 = time.perf_counter()
            service.question(sender, q)
            result.quiet_core_ms.append((time.perf_counter() - t0) * 1000)
        engine.dispose()
    return result


def width(text: str) -> int:
    """Columns on a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _fmt(v: float, digits: int = 1) -> str:
    return "—" if v != v else f"{v:,.{digits}f}"


def table(results: list[RunResult]) -> str:
    rows: list[tuple[str, ...]] = []

    def add(name: str, fn) -> None:
        rows.append((name, *(fn(r) for r in results)))

    add("questions sent (burst)", lambda r: f"{r.sent:,}")
    add("admin /set + 确认 mixed in", lambda r: f"{r.sets}")
    add("replies, one per question", lambda r: f"{r.replies_ok:,}/{r.sent:,}")
    add("lost / duplicated / 系统繁忙", lambda r: f"{r.lost} / {r.duplicates} / {r.busy}")
    add(
        "/set applied; visible after",
        lambda r: f"{r.sets_applied}/{r.sets}; " + ("yes" if r.set_value_visible else "NO"),
    )
    add("failed API calls, log warn+", lambda r: f"{r.failed_calls}, {len(r.log_problems)}")
    add("first push → last reply, s", lambda r: _fmt(r.wall_s, 2))
    add("throughput, questions/s", lambda r: _fmt(r.throughput, 1))
    add("latency p50, ms (push→reply)", lambda r: _fmt(med(r.latencies_ms), 0))
    add("latency p99, ms", lambda r: _fmt(pct(r.latencies_ms, 0.99), 0))
    add("queue wait p50, ms (→handler)", lambda r: _fmt(med(r.queue_ms), 0))
    add(
        "PTB handler p50 / p99, ms",
        lambda r: f"{_fmt(med(r.handler_ms), 2)} / {_fmt(pct(r.handler_ms, 0.99), 2)}",
    )
    add(
        "  core question() p50 / p99",
        lambda r: f"{_fmt(med(r.core_ms), 2)} / {_fmt(pct(r.core_ms, 0.99), 2)}",
    )
    add("    Answerer.ask in bot p50", lambda r: _fmt(med(r.core_ask_ms), 2))
    add(
        "    role_of (Grant read) p50/p99",
        lambda r: f"{_fmt(med(r.role_ms), 2)} / {_fmt(pct(r.role_ms, 0.99), 2)}",
    )
    add(
        "    UnmatchedLog.record p50/p99",
        lambda r: f"{_fmt(med(r.unmatched_ms), 2)} / {_fmt(pct(r.unmatched_ms, 0.99), 2)}",
    )
    add(
        "  send (HTTP+limiter) p50/p99",
        lambda r: f"{_fmt(med(r.send_ms), 2)} / {_fmt(pct(r.send_ms, 0.99), 2)}",
    )
    add("  to_thread+loop rest p50", lambda r: _fmt(med(r.overhead_ms), 2))
    add("question() alone p50, ms", lambda r: _fmt(med(r.quiet_core_ms), 2))
    add("Answerer.ask alone p50, ms", lambda r: _fmt(med(r.baseline_ask_ms), 2))
    add("core under load / ask (≤3×?)", lambda r: f"{r.ratio:.2f}×")
    add(
        "core alone / ask",
        lambda r: f"{med(r.quiet_core_ms) / med(r.baseline_ask_ms):.2f}×",
    )

    headers = ("metric", *(r.label for r in results))
    widths = [max(width(row[i]) for row in [headers, *rows]) for i in range(len(headers))]

    def line(cells) -> str:
        first = f"| {cells[0]}{' ' * (widths[0] - width(cells[0]))} "
        rest = "".join(
            f"| {' ' * (w - width(c))}{c} " for c, w in zip(cells[1:], widths[1:], strict=True)
        )
        return first + rest + "|"

    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    sep = sep[: widths[0] + 3] + sep[widths[0] + 3 :].replace("-|", ":|")
    return "\n".join([line(headers), sep, *(line(r) for r in rows)])


def verdict(results: list[RunResult]) -> str:
    ratios = ", ".join(f"{r.label} {r.ratio:.2f}×" for r in results)
    met = "met" if all(r.ratio <= 3 for r in results) else "NOT met"
    return f"Core call within 3× of Answerer.ask under load: {met} ({ratios})."


def write_report(results: list[RunResult], text: str, started: dt.datetime, note: str) -> None:
    problems = [p for r in results for p in r.problems]
    logs = [f"- {r.label}: {m}" for r in results for m in r.log_problems[:5]]
    body = [
        "# Load benchmark (issue 7)",
        "",
        f"Date: {started.strftime('%Y-%m-%d %H:%M %Z')}  ",
        f"Command: `cd /work/main && {COMMAND}` (also the last part of `make bench`)",
        "",
        f"{USERS} viewers in {USERS} private chats send a burst of questions from "
        "`tests/data/questions.jsonl` (all queued at once) to the real PTB Application polling "
        f"the fake Bot API on loopback; meanwhile admin {ADMIN} makes one change per "
        f"{SET_EVERY} questions, one after the other: `/set 12 新增贷款 <value>亿元` in a group "
        "of its own, 确认 as soon as the proposal arrives (every ✅ edit is counted). Updates "
        "of one chat are handled in order, different chats concurrently. "
        "Latency is from queueing the update in the fake to the fake "
        "recording the reply, so in a burst it is mostly queue wait. Handler, core and send "
        "times are measured inside the bot process by wrapping the PTB handler, "
        "`ChatService.question` (and in it `role_of`, `Answerer.ask`, `UnmatchedLog.record`) "
        "and the send. 'question() alone' and 'Answerer.ask alone' are the same questions "
        "called directly afterwards in the same process, with no event loop or HTTP. The fake "
        "server runs in the bot's process, so in-bot times include its share of the GIL.",
        "",
        note,
        "",
        text,
        "",
        verdict(results),
        "",
        "Problems: " + ("none" if not problems else ""),
        *(f"- {p}" for p in problems),
    ]
    if logs:
        body += ["", "First warnings/errors logged during the runs:", *logs]
    REPORT_FILE.write_text("\n".join(body) + "\n", encoding="utf-8")


def main(
    count: int = QUESTIONS, limited_count: int | None = None, limit_s: float = TIME_LIMIT_S
) -> list[RunResult]:
    """Both runs side by side; `limited_count` shrinks the rate-limited run if needed."""
    started = dt.datetime.now(TZ)
    limited_count = count if limited_count is None else limited_count
    logging.getLogger("httpx").setLevel(logging.WARNING)
    results = [
        asyncio.run(_run("limiter OFF", False, count, limit_s)),
        asyncio.run(_run("limiter ON", True, limited_count, limit_s)),
    ]
    note = (
        "With the rate limiter ON, AIORateLimiter holds all Bot API calls to Telegram's "
        "~30/s overall, so the ON run is bounded by that (expected), not by the bot."
    )
    if limited_count != count:
        note += f" The ON run uses {limited_count:,} questions instead of {count:,}."
    text = table(results)
    print(
        f"\n## Load: {USERS} private chats, burst over the fake Bot API "
        f"({started.date().isoformat()})"
    )
    print(note)
    print(text)
    print(verdict(results))
    problems = [p for r in results for p in r.problems]
    for p in problems:
        print(f"PROBLEM: {p}")
    write_report(results, text, started, note)
    print(f"(written to {REPORT_FILE.relative_to(PROJECT_ROOT)})")
    if any(r.aborted for r in results):
        raise SystemExit("load benchmark aborted: " + "; ".join(r.aborted for r in results))
    return results


if __name__ == "__main__":
    main()
