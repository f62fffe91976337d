"""A per-sender message limit: past `rate` messages a minute, one notice and then silence.

Transport-free and single-threaded (the Telegram adapter calls it on its event loop). Dropped
messages count too, so someone who keeps flooding stays silenced until they slow down.
"""

from __future__ import annotations

import enum
import time
from collections import deque
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field


class Verdict(enum.Enum):
    ALLOW = "allow"  # handle the message
    NOTICE = "notice"  # the first message past the limit: tell the sender, once
    SILENT = "silent"  # drop the message without a word


@dataclass
class _Sender:
    stamps: deque[float]
    noticed: bool = False
    last: float = field(default=0.0)


class SenderThrottle:
    """At most `rate` messages per `window` seconds for each sender key; 0 means no limit."""

    def __init__(
        self, rate: int, *, window: float = 60.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.rate = rate
        self.window = window
        self._clock = clock
        self._senders: dict[Hashable, _Sender] = {}
        self._pruned = clock()

    def check(self, key: Hashable) -> Verdict:
        """Count one message from `key` and say what to do with it."""
        if self.rate <= 0:
            return Verdict.ALLOW
        now = self._clock()
        self._forget_quiet(now)
        sender = self._senders.get(key)
        if sender is None:
            sender = self._senders[key] = _Sender(deque(maxlen=self.rate))
        # the last `rate` messages all came within the window: this one is one too many
        over = len(sender.stamps) == self.rate and now - sender.stamps[0] < self.window
        sender.stamps.append(now)
        sender.last = now
        if not over:
            sender.noticed = False
            return Verdict.ALLOW
        if sender.noticed:
            return Verdict.SILENT
        sender.noticed = True
        return Verdict.NOTICE

    def tracked(self) -> int:
        """How many senders are remembered (those heard from within the last window)."""
        return len(self._senders)

    def _forget_quiet(self, now: float) -> None:
        # Once a window: drop senders quiet for a whole window, so memory follows the active ones.
        if now - self._pruned < self.window:
            return
        self._pruned = now
        quiet = [key for key, s in self._senders.items() if now - s.last >= self.window]
        for key in quiet:
            del self._senders[key]
