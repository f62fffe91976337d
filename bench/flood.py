"""Flood benchmark: a supergroup floods the bot; how soon is a private question answered?

The production Application (AIORateLimiter ON, so the group gets about 20 messages a minute)
polls `tests.auxil.fake_bot_api.FakeBotApi` on loopback. Two floods of 1,000 `/summary`
commands in one supergroup, each followed at once by a viewer's question in private, and then
by more private questions every half second while the flood is still being worked off:

- one stranger sends all 1,000 (past `[telegram] sender_rate` they get one notice, then
  silence);
- 1,000 strangers send one each (nobody is throttled: 1,000 refusals wait for the group's
  flood limit, about 50 minutes of backlog).

Measured (nothing hard-coded): seconds from pushing each private question to the fake
recording its answer, and what the group had been sent by then. Every wait is bounded
(`ANSWER_LIMIT_S`); the backlog is dropped at the end.
Run: `.venv/bin/python -m bench.flood` (or as part of `make bench`).
"""

from __future__ import annotations

import os

# Before telegram is imported anywhere: use datetime.timedelta, not the deprecated int path.
os.environ.setdefault("PTB_TIMEDELTA", "true")

import asyncio  # noqa: E402
import dataclasses  # noqa: E402
import logging  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from bench.load import bench_config  # noqa: E402
from bot.adapters.telegram import build_application  # noqa: E402
from bot.app.services import build_answerer, open_engine  # noqa: E402
from bot.chat.service import ChatService  # noqa: E402
from bot.chat.types import Sender  # noqa: E402
from bot.config import DEFAULT_SENDER_RATE  # noqa: E402
from tests.auxil.fake_bot_api import FakeBotApi  # noqa: E402

TOKEN = "123456:FLOOD"
ADMIN = 42
VIEWER = 77
GROUP = -1001234567890
FIRST_STRANGER = 500_001
FLOOD = 1_000
PRIVATE_QUESTIONS = 5
ANSWER_LIMIT_S = 60.0
QUESTION = "新增贷款完成了吗"
COMMAND = ".venv/bin/python -m bench.flood"


@dataclasses.dataclass
class FloodResult:
    label: str
    latencies_s: list[float] = dataclasses.field(default_factory=list)
    unanswered: int = 0
    group_sent: int = 0
    fetched_s: float = float("nan")  # until the bot had fetched the whole flood


async def _wait_answer(fake: FakeBotApi, count: int, pushed: float) -> float | None:
    """Seconds until the viewer's `count`-th answer was recorded, or None past the limit."""
    while time.time() - pushed < ANSWER_LIMIT_S:
        answers = fake.sent_messages(VIEWER)
        if len(answers) >= count:
            return answers[count - 1].at - pushed
        await asyncio.sleep(0.005)
    return None


async def _drop_work(application) -> None:
    """Stop without working off the backlog: drop queued updates, cancel waiting handlers."""
    queue = application.update_queue
    while not queue.empty():
        queue.get_nowait()
        queue.task_done()
    current = asyncio.current_task()
    for task in asyncio.all_tasks():
        if task is not current and task.get_name().endswith("process_concurrent_update"):
            task.cancel()
    await asyncio.sleep(0)


async def _run(label: str, senders: list[int]) -> FloodResult:
    result = FloodResult(label)
    with tempfile.TemporaryDirectory() as tmp_name, FakeBotApi(TOKEN) as fake:
        config = bench_config(
            Path(tmp_name), fake, token=TOKEN, rate_limiter=True, sender_rate=DEFAULT_SENDER_RATE
        )
        engine = open_engine(config)
        service = ChatService(engine, config, build_answerer(engine, config))
        admin = Sender(user_id=ADMIN, chat_id=ADMIN, actor=f"tg:{ADMIN}")
        assert service.command(admin, "grant", str(VIEWER))[0].text.startswith("已授予")
        application = build_application(config, service)
        async with application:
            await application.post_init(application)
            await application.start()
            await application.updater.start_polling(poll_interval=0, timeout=1)
            try:
                start = time.time()
                for i in range(FLOOD):
                    fake.push_message(GROUP, senders[i % len(senders)], "/summary")
                for n in range(1, PRIVATE_QUESTIONS + 1):
                    fake.push_message(VIEWER, VIEWER, QUESTION)
                    pushed = time.time()
                    latency = await _wait_answer(fake, n, pushed)
                    if latency is None:
                        result.unanswered = PRIVATE_QUESTIONS - n + 1
                        break
                    result.latencies_s.append(latency)
                    await asyncio.sleep(0.5)
                await asyncio.to_thread(fake.wait_delivered, ANSWER_LIMIT_S)
                result.fetched_s = time.time() - start
                result.group_sent = len(fake.sent_messages(GROUP))
            finally:
                await application.updater.stop()
                await _drop_work(application)
                await application.stop()
        engine.dispose()
    return result


def _line(result: FloodResult) -> str:
    if result.latencies_s:
        first = f"{result.latencies_s[0]:.3f}"
        rest = f"{statistics.median(result.latencies_s):.3f} / {max(result.latencies_s):.3f}"
    else:
        first, rest = f">{ANSWER_LIMIT_S:.0f}", "—"
    answered = f"{len(result.latencies_s)}/{PRIVATE_QUESTIONS}"
    return (
        f"| {result.label:<28} | {first:>12} | {rest:>15} | {answered:>8} |"
        f" {result.group_sent:>10} |"
    )


def main() -> None:
    # 1,000 refusals would each log a warning; the figures are what this run is for
    logging.getLogger("bot").setLevel(logging.ERROR)
    runs = [
        ("1 stranger × 1,000 commands", [FIRST_STRANGER]),
        ("1,000 strangers × 1 command", [FIRST_STRANGER + i for i in range(FLOOD)]),
    ]
    print(f"\n## Flood: {FLOOD:,} group commands, then private questions (`{COMMAND}`)")
    print(
        "| flood in one supergroup      | 1st answer s | median / max s | answered | group sent |"
    )
    print("|" + "|".join("-" * w for w in (30, 14, 17, 10, 12)) + "|")
    for label, senders in runs:
        result = asyncio.run(_run(label, senders))
        print(_line(result), flush=True)
        if result.unanswered:
            print(f"{label}: {result.unanswered} private question(s) unanswered", file=sys.stderr)


if __name__ == "__main__":
    main()
