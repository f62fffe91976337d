"""An answer, and a chat's short context for follow-ups ("那PM2.5呢", "第二个呢",
"谁负责"): the last target, indicator and list (or ranked units), for about ten minutes."""

from __future__ import annotations

import dataclasses
import html
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from bot.understanding.candidates import Candidate
from bot.understanding.cues import CONTEXT_SECONDS


@dataclass
class Conversation:
    """One chat's short memory: the last target, indicator and list, for about ten minutes."""

    targets: tuple[int, ...] = ()
    indicator: str = ""
    listed: tuple[int, ...] = ()
    at: float = 0.0
    seconds: float = CONTEXT_SECONDS
    year: int | None = None  # the ledger year whose target numbers it holds (None: current)
    # The words of the last list asked ("哪些没完成"), while no target was asked about since:
    # "去年的呢" after it asks that list of last year's ledger.
    asked: str = ""
    # The units of the last 红黄绿榜, in the order shown, and the one stepped to: while they
    # are held, "第二个呢" and "下一个" step through the units, not through targets.
    units: tuple[str, ...] = ()
    unit: str = ""
    # What a step through those units calls their list: the board, or the units ranked by
    # how many targets they lead ("哪个单位的任务最多").
    board: str = "红黄绿榜"
    # (saved list id, page shown) of the last long list the chat showed: "下一页" typed turns
    # it (bot.chat.page_turns); () when the last answer was no long list.
    paged: tuple[int, int] | tuple[()] = ()
    # The targets that page shows, in its order: "第3个" said on page 2 is its third line, as
    # the leader sees it, not the list's third entry on page 1.
    page_lines: tuple[int, ...] = ()

    def show_page(self, list_id: int, page: int, lines: tuple[int, ...]) -> None:
        """Hold the long list's page the chat shows (its id, index from 0, its targets)."""
        self.paged, self.page_lines = (list_id, page), lines

    def drop_pages(self) -> None:
        """No long list's page is shown any more (a new list, or the saved one expired)."""
        self.paged, self.page_lines = (), ()

    def keep_to(self, year: int) -> Conversation:
        """This conversation for questions answered in `year`: what it holds of another
        year's targets is forgotten, as their numbers name other targets here."""
        if self.year not in (None, year):
            self.targets, self.indicator, self.listed, self.at = (), "", (), 0.0
            self.units, self.unit = (), ""
            self.drop_pages()
        self.year = year
        return self

    def take(self, other: Conversation) -> None:
        """Hold what `other` holds (a copy that answered a question in its year)."""
        self.targets, self.indicator, self.listed = other.targets, other.indicator, other.listed
        self.at, self.year, self.asked = other.at, other.year, other.asked
        self.units, self.unit, self.board = other.units, other.unit, other.board
        self.paged, self.page_lines = other.paged, other.page_lines

    def fresh(self, now: float) -> bool:
        return bool(self.targets or self.listed or self.units) and now - self.at <= self.seconds

    def hold_units(self, names: tuple[str, ...], now: float, unit: str = "") -> None:
        """Hold a 红黄绿榜's units (and the one stepped to): no target or list is current."""
        self.units, self.unit = names, unit
        self.targets, self.indicator, self.listed, self.at = (), "", (), now

    def last_list(self, now: float) -> str:
        """The words of the list asked last, when nothing was asked about since and it is
        recent; "" otherwise."""
        return self.asked if self.asked and now - self.at <= self.seconds else ""

    def remember(self, answer: Answer, now: float) -> None:
        """Keep what the answer was about; an unknown answer leaves the context as it was."""
        if answer.units:
            step = str(answer.filter.get("step_unit", ""))
            if not step:  # the board itself is the list asked last ("去年的呢" after it)
                self.asked = answer.question
                counted = answer.filter.get("rank") in ("units_most", "units_fewest")
                self.board = "刚才清单的" if counted else "红黄绿榜"
            self.hold_units(answer.units, now, step)
            return
        if answer.intent in ("target", "list") and answer.targets:
            self.units, self.unit = (), ""
        if answer.intent == "target" and answer.targets:
            self.asked = ""
            if answer.ambiguous:
                self.listed = answer.targets[: answer.choices or 3]
            else:
                self.targets = answer.targets[:1] if not answer.filter.get("multi") else ()
                self.indicator = answer.filter.get("indicator", "")
                if answer.filter.get("multi"):
                    self.listed = answer.targets
                    self.targets = answer.targets[:1]
        elif answer.intent == "list":
            # An empty list is still the thing asked last ("哪些没完成" → "去年的呢").
            self.asked = answer.question
            if answer.targets:
                # A list of one names its target: "谁负责" after it asks about that one.
                one = answer.targets if len(answer.targets) == 1 else ()
                self.listed, self.targets, self.indicator = answer.targets, one, ""
        else:
            return
        self.at = now


class Conversations:
    """Each chat's `Conversation`, made on first use; the least recently used are dropped.

    A copy of the context is pinned under each answer the bot sent (`pin`), so that a reply to
    that message leans on what it answered (`resume`), not on what anyone asked since: in a
    group, one leader's "谁负责" under the loan answer is about loans though another leader
    asked about something else in between.
    """

    def __init__(self, limit: int = 10_000) -> None:
        self.limit = limit
        self._by_chat: OrderedDict[int, Conversation] = OrderedDict()
        self._pinned: OrderedDict[tuple[int, int], Conversation] = OrderedDict()
        self._lock = threading.Lock()  # chat front ends answer in worker threads

    def of(self, chat_id: int) -> Conversation:
        with self._lock:
            conversation = self._by_chat.pop(chat_id, None) or Conversation()
            self._by_chat[chat_id] = conversation
            while len(self._by_chat) > self.limit:
                self._by_chat.popitem(last=False)
            return conversation

    def snapshot(self, chat_id: int) -> Conversation:
        """A copy of the chat's context as it stands now (to pin under the answer sent)."""
        with self._lock:
            return dataclasses.replace(self._by_chat.get(chat_id) or Conversation())

    def pin(self, chat_id: int, message_id: int, context: Conversation) -> None:
        """Keep `context` (a copy taken when the answer was made) under the message sent."""
        with self._lock:
            self._pinned[(chat_id, message_id)] = dataclasses.replace(context)
            self._pinned.move_to_end((chat_id, message_id))
            while len(self._pinned) > self.limit:
                self._pinned.popitem(last=False)

    def pinned(self, chat_id: int, message_id: int) -> Conversation | None:
        """A copy of what the bot's message `message_id` was about, if it was pinned."""
        with self._lock:
            found = self._pinned.get((chat_id, message_id))
        return dataclasses.replace(found) if found is not None else None

    def resume(self, chat_id: int, message_id: int, now: float | None = None) -> bool:
        """A reply to a message of the bot: the chat's context becomes what that message
        answered, however long ago; False when the message answered no target or list."""
        with self._lock:
            pinned = self._pinned.get((chat_id, message_id))
        if pinned is None:
            return False
        conversation = self.of(chat_id)
        conversation.take(pinned)
        conversation.at = time.monotonic() if now is None else now
        return True

    def open_target(
        self, chat_id: int, number: int, now: float | None = None, *, year: int | None = None
    ) -> None:
        """A target opened by a button (of `year`'s ledger) counts as the last one talked about."""
        conversation = self.of(chat_id)
        conversation.targets, conversation.indicator, conversation.year = (number,), "", year
        conversation.units, conversation.unit = (), ""
        conversation.at = time.monotonic() if now is None else now

    def open_units(self, chat_id: int, names: tuple[str, ...], now: float | None = None) -> None:
        """A 红黄绿榜 sent (/units) counts as the last list: "第二个呢" is its second unit."""
        conversation = self.of(chat_id)
        conversation.year = None
        conversation.hold_units(names, time.monotonic() if now is None else now)


@dataclass(frozen=True)
class Answer:
    question: str
    intent: str
    targets: tuple[int, ...]
    reply: str
    candidates: tuple[Candidate, ...] = ()
    ambiguous: bool = False
    filter: dict[str, Any] = field(default_factory=dict)
    confident: bool = True
    choices: int = 0  # for an ambiguous answer: how many leading targets are offered
    # False for a turn understood as asking about no target (a greeting, thanks, an item
    # number the ledger lacks): no alias could answer it, so /unmatched does not list it.
    alias_candidate: bool = True
    # What a list's lines say of their targets besides the status ("逾期", "临近到期"), kept
    # by the chat for every page of a long list.
    notes: dict[int, str] = field(default_factory=dict)
    # A 红黄绿榜 answer's units, in the order shown (what "第二个呢" steps through next).
    units: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "intent": self.intent,
            "targets": list(self.targets),
            "reply": self.reply,
            "reply_html": html.escape(self.reply, quote=False),
            "ambiguous": self.ambiguous,
            "filter": self.filter,
            "scores": [
                {
                    "number": c.number,
                    "title": c.title,
                    "score": c.score,
                    "coverage": c.coverage,
                    "why": [f"{r.kind}:{r.text}(+{r.score})" for r in c.reasons[:6]],
                }
                for c in self.candidates[:5]
            ],
        }
