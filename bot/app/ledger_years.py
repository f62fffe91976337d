"""Several ledger years: answers from the year a question names.

`parse_year_phrase` (bot.understanding.year_words) takes the year words out of a question
("2020年的", "去年", "和去年比", "和2021年比", "同比"), so matching sees only the rest.
`LedgerYears` answers from the current year's `Answerer` unless a year is named, builds
another year's on first use, and adds a year-over-year line where the same target (matched
by title and text) is in both years.
"""

from __future__ import annotations

import dataclasses
import re
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from bot.app.other_years import held_in_another_year, list_in_year, of_year
from bot.app.services import answerer_over
from bot.app.year_comparison import comparison_line, same_target
from bot.app.years_asked import years_answer
from bot.config import Config
from bot.domain.ledger import TargetSpec, year_not_held
from bot.domain.status import compute_status
from bot.store.errors import YearNotHeld
from bot.store.ledger_source import LedgerSource, ledger_source
from bot.understanding.answering import Answerer
from bot.understanding.conversation import Answer, Conversation
from bot.understanding.text import has_content, normalize
from bot.understanding.year_words import (
    ABSOLUTE_YEAR,
    RELATIVE_YEAR,
    SIDE_BY_SIDE,
    YearPhrase,
    asks_nothing_more,
    parse_year_phrase,
    year_alone,
)

if TYPE_CHECKING:
    from sqlalchemy import Engine

_YEAR_ARGUMENT = re.compile(r"((?:19|20)\d{2})\s*年?(?:度)?(?=\s|$)\s*")


def _asks_the_ledger(whole: Answer, bare: Answer) -> bool:
    """Whether a question naming the current year is better answered without its year words:
    they found nothing, or only texts mentioning them, where the rest asks a list or summary."""
    text = str(whole.filter.get("text", ""))
    year_only = bool(text and (ABSOLUTE_YEAR.fullmatch(text) or RELATIVE_YEAR.fullmatch(text)))
    if whole.intent == "unknown" or year_only:
        return bare.intent != "unknown"
    return bare.intent in ("list", "summary") and whole.intent == "target"


def split_year_argument(args: str) -> tuple[int | None, str]:
    """A command's leading year ("2020 民政局", "2020年 未完成") and the rest of its arguments."""
    found = _YEAR_ARGUMENT.match(args.strip())
    if not found:
        return None, args
    return int(found.group(1)), args.strip()[found.end() :]


def _in_year(conversation: Conversation | None, year: int) -> Conversation | None:
    """The chat's conversation for a question answered in `year` (see Conversation.keep_to)."""
    return conversation.keep_to(year) if conversation is not None else None


def _copy(conversation: Conversation | None) -> Conversation | None:
    """A copy to answer a question with, taken back only by the answer that is kept."""
    return dataclasses.replace(conversation) if conversation is not None else None


def _target_card(core: Answerer, number: int, context: Conversation | None) -> Answer:
    """Target `number`'s answer as a turn of `context`, its list set aside meanwhile (right
    after a list, "第1项" reads as the list's first entry)."""
    if context is None:
        return core.ask(f"第{number}项")
    listed, context.listed = context.listed, ()
    answer = core.ask(f"第{number}项", context)
    context.listed = listed
    return answer


def _coverage(answer: Answer) -> float:
    """How much of the question the answer's best candidate matched (0 without one)."""
    return answer.candidates[0].coverage if answer.candidates else 0.0


class LedgerYears:
    """Answers from the current year's core, or from the year a question names; the other
    years are read through `engine` (an engine, or a LedgerSource)."""

    def __init__(
        self, engine: Engine | LedgerSource, config: Config, current: Callable[[], Answerer]
    ) -> None:
        self.engine = engine
        self.ledgers = ledger_source(engine)
        self.config = config
        self.current = current  # the front end's own core, which it refreshes after changes
        self._others: dict[int, Answerer] = {}
        self._lock = threading.Lock()  # chat front ends answer in worker threads

    def forget(self) -> None:
        """Drop the other years' cores (after an import or a change), to be rebuilt on use."""
        with self._lock:
            self._others.clear()

    def held(self) -> dict[int, int]:
        return self.ledgers.held_years()

    def answerer(self, year: int) -> Answerer | None:
        """The core of `year`; None when the database holds no ledger of it."""
        current = self.current()
        if year == current.ledger.year:
            return current
        with self._lock:
            found = self._others.get(year)
            if found is None:
                try:
                    ledger = self.ledgers.read_ledger(year=year, rules=self.config.status)
                except YearNotHeld:
                    return None
                found = answerer_over(ledger, self.config)
                self._others[year] = found
            return found

    def ask(self, question: str, conversation: Conversation | None = None) -> Answer:
        """Answer in the year the question names (the current one if none); a comparison adds
        the year before. Another year's answer has `filter["year"]`. The conversation holds one
        year's targets: a question in another year starts it afresh there, and a follow-up
        naming no year stays in the year of the answer it follows."""
        current = self.current()
        held = years_answer(question, self.held(), current.ledger.year, current.ledger.title)
        if held is not None:
            return held
        phrase = parse_year_phrase(question, current.ledger.year)
        year = phrase.year if phrase.year is not None else current.ledger.year
        if phrase.compare and asks_nothing_more(phrase.rest):
            # "和去年比" right after an answer about a target compares that target.
            compared = self._compared_in_context(question, phrase, year, current, conversation)
            if compared is not None:
                return compared
        if phrase.other is not None:
            return self._between(question, phrase, year, current, conversation)
        if phrase.year is not None and not phrase.compare and year_alone(phrase.rest):
            asked = conversation.last_list(time.monotonic()) if conversation else ""
            core = self.answerer(year) if asked else None
            if core is not None:  # "去年的呢" right after a list: that list of that year
                return list_in_year(question, asked, core, current, conversation)
            same = self._same_in_year(question, year, current, conversation)
            if same is not None:
                return same
        alone = not has_content(normalize(phrase.rest))
        # Without the year before, "比上年增长多少" asks for the figure's own change on last
        # year, which the current texts state: it is answered as it was asked.
        compare = phrase.compare and (alone or self.answerer(year - 1) is not None)
        if year == current.ledger.year and not compare:
            before = None
            if phrase.year is None and conversation is not None:
                # "谁负责" right after "2020年的新增贷款": a follow-up stays in that year.
                followed = self._follow_up(question, conversation, year)
                if followed is not None:
                    return followed
                before = dataclasses.replace(conversation)
            # The current year's own words stay: they may be part of an indicator's name
            # ("2020年改造户数"), and the current core already reads them as its own year.
            context = _in_year(conversation, year)
            probe = _copy(context)
            answer = current.ask(question, probe)
            if phrase.year is not None:
                # "2020年有哪些目标" in 2020: the year names the ledger asked about, not words
                # of a target ("年度" is in many targets' texts); without it the list is asked.
                bare_probe = _copy(context)
                bare = current.ask(phrase.rest, bare_probe)
                if _asks_the_ledger(answer, bare):
                    answer, probe = dataclasses.replace(bare, question=question), bare_probe
            if context is not None and probe is not None:
                context.take(probe)
            if answer.intent == "unknown" and before is not None:
                # "那PM10呢" after a 2020 answer, which this year's ledger cannot answer at all
                answer = self._in_context_year(question, before, year, conversation) or answer
                if answer.intent == "unknown":
                    conversation.take(before)  # an unknown answer leaves the context as it was
            # "耕地保护怎么样" of last year's ledger: say which year has it
            # ("今年的耕地保护" too: the other year is asked without this year's words)
            bare = dataclasses.replace(answer, question=phrase.rest)
            found = held_in_another_year(bare, year, self.held(), self.answerer)
            answer = dataclasses.replace(found, question=question) if found else answer
            if phrase.compare and SIDE_BY_SIDE.search(question) and answer.intent != "unknown":
                # Asked for a comparison the database cannot make: say so, not nothing.
                answer = self._with_comparison(answer, current, year - 1)
            return answer
        core = self.answerer(year)
        if core is None:
            return self._about_the_year(question, year, current, conversation)
        if compare and alone:
            # "同比" alone: the two years' completion counts are the answer.
            answer = Answer(question, "summary", (), f"{year}年与{year - 1}年相比：")
            return self._with_comparison(answer, core, year - 1)
        answer = core.ask(phrase.rest, _in_year(conversation, year))
        missing = self._not_this_years(answer, core, phrase.rest, current) if compare else None
        answer = dataclasses.replace(missing or answer, question=question)
        if year != current.ledger.year:
            answer = of_year(answer, year)
        if compare and missing is None:
            answer = self._with_comparison(answer, core, year - 1)
        return answer

    def _between(
        self, question: str, phrase: YearPhrase, year: int, current: Answerer, conversation
    ) -> Answer:
        """A question comparing `year` with a year it names ("2020年新增贷款和2021年比"):
        answered in `year`, with the line setting the target in both years side by side."""
        core = self.answerer(year)
        if core is None:
            return self._about_the_year(question, year, current, conversation)
        if not has_content(normalize(phrase.rest)):
            answer = Answer(question, "summary", (), f"{year}年与{phrase.other}年相比：")
        else:
            answer = core.ask(phrase.rest, _in_year(conversation, year))
            answer = dataclasses.replace(answer, question=question)
            if year != current.ledger.year:
                answer = of_year(answer, year)
        return self._with_comparison(answer, core, phrase.other, named=True)

    def _follow_up(self, question: str, conversation: Conversation, year: int) -> Answer | None:
        """The answer in the year of the conversation's context, when that is not `year` (the
        current one) and the question needs it ("谁负责", "第二个呢"): that year answers it
        with the context and not without. None for any other question."""
        found = self._context_core(conversation, year)
        if found is None:
            return None
        other, core = found
        if core.ask(question, None).intent != "unknown":
            return None  # it stands on its own ("新增贷款完成了多少"): the current year's
        probe = dataclasses.replace(conversation)
        leaning = core.ask(question, probe)
        if leaning.intent == "unknown":
            return None
        conversation.take(probe)
        return of_year(leaning, other)

    def _context_target(
        self, year: int, current: Answerer, conversation: Conversation | None
    ) -> tuple[Answerer, Answerer, TargetSpec, TargetSpec | None] | None:
        """The fresh context's target with the ledger it was asked in and `year`'s core, and
        that target as `year`'s ledger holds it (None when it lacks it). None without a fresh
        target in the context or a ledger of `year`."""
        if conversation is None or not conversation.targets:
            return None
        if not conversation.fresh(time.monotonic()):
            return None
        source = self.answerer(conversation.year or current.ledger.year)
        core = self.answerer(year)
        target = source.by_number.get(conversation.targets[0]) if source else None
        if source is None or core is None or target is None:
            return None
        return source, core, target, target if source is core else same_target(target, core.ledger)

    def _same_in_year(
        self, question: str, year: int, current: Answerer, conversation: Conversation | None
    ) -> Answer | None:
        """A follow-up naming only a year ("那去年呢"): the target just talked about, as `year`'s
        ledger holds it (matched by title and text), or that `year`'s ledger has no such
        target and what to ask instead. None without a fresh context or a ledger of `year`."""
        held = self._context_target(year, current, conversation)
        if held is None:
            return None
        source, core, target, found = held
        if found is None:
            # Whatever else the words "那去年呢" match would be another target: say so instead.
            then = source.ledger.year
            listing = "有哪些目标" if core is current else f"{year}年有哪些目标"
            reply = (
                f"{year}年台账中没有与{then}年第{target.number}项“{target.title}”对应的目标。\n"
                f"可以问“{listing}”，或发送 /list {year} 查看{year}年的全部目标。"
            )
            return Answer(
                question, "unknown", (), reply, filter={"year": year}, alias_candidate=False
            )
        answer = _target_card(core, found.number, _in_year(conversation, year))
        answer = dataclasses.replace(answer, question=question)
        return answer if core is current else of_year(answer, year)

    def _compared_in_context(
        self,
        question: str,
        phrase: YearPhrase,
        year: int,
        current: Answerer,
        conversation: Conversation | None,
    ) -> Answer | None:
        """A comparison naming no target ("和去年比", "同比呢") after an answer about one: that
        target in `year`, with the line comparing it with the year before (or the year named).
        None without a fresh target in the context, or when `year`'s ledger lacks it."""
        held = self._context_target(year, current, conversation)
        if held is None:
            return None
        _, core, _, found = held
        if found is None:
            return None
        answer = _target_card(core, found.number, _in_year(conversation, year))
        answer = dataclasses.replace(answer, question=question)
        if core is not current:
            answer = of_year(answer, year)
        named = phrase.other is not None
        other = phrase.other if named else year - 1
        return self._with_comparison(answer, core, other, named=named)

    def _context_core(self, context: Conversation, year: int) -> tuple[int, Answerer] | None:
        """The year of a fresh `context` other than `year`, with its core; None otherwise."""
        other = context.year
        if other is None or other == year or not context.fresh(time.monotonic()):
            return None
        core = self.answerer(other)
        return None if core is None else (other, core)

    def _in_context_year(
        self, question: str, before: Conversation, year: int, conversation: Conversation
    ) -> Answer | None:
        """The answer in the year of the context `before` (not `year`, still fresh) to a
        question the current year cannot answer; None when that year cannot either."""
        found = self._context_core(before, year)
        if found is None:
            return None
        other, core = found
        answer = core.ask(question, before)
        if answer.intent == "unknown":
            return None
        conversation.take(before)
        return of_year(answer, other)

    def _not_this_years(
        self, answer: Answer, core: Answerer, rest: str, current: Answerer
    ) -> Answer | None:
        """For a comparison whose target the year's ledger lacks, the answer that says so: the
        year before holds a target the question names, better read there than anything this
        year's match reads, and with no counterpart this year; this year's match, another
        target or none, would answer something else. None when the comparison can be made."""
        earlier = self.answerer(core.ledger.year - 1)
        if earlier is None:
            return None
        before = earlier.ask(rest)
        if before.intent != "target" or before.ambiguous or not before.targets:
            return None
        then = earlier.by_number[before.targets[0]]
        now = core.by_number.get(answer.targets[0]) if answer.targets else None
        if same_target(then, core.ledger) is not None or (now and now.title == then.title):
            return None  # the year holds it too: compared as usual
        if answer.intent == "target" and _coverage(answer) >= _coverage(before):
            return None  # this year's match reads the question at least as well
        year, last = core.ledger.year, earlier.ledger.year
        listing = "有哪些目标" if core is current else f"{year}年有哪些目标"
        reply = (
            f"{year}年台账中没有“{then.title}”这项目标，无法与{last}年相比"
            f"（{last}年台账中是第{then.number}项）。\n"
            f"可以问“{last}年的{then.title}”查看{last}年的情况，或问“{listing}”。"
        )
        found = {**answer.filter, "compare": last}
        return Answer(
            answer.question,
            "unknown",
            (),
            reply,
            filter=found,
            confident=False,
            alias_candidate=False,
        )

    def _about_the_year(self, question: str, year: int, current: Answerer, conversation) -> Answer:
        """A year not held: the current ledger's answer when the target it finds speaks of that
        year itself ("2019年那批老旧小区" is a 2020 target), else that the year is not held."""
        answer = current.ask(question, _in_year(conversation, current.ledger.year))
        if answer.intent == "target" and answer.targets and not answer.ambiguous:
            found = current.by_number[answer.targets[0]]
            if f"{year}年" in found.target_text + found.progress_text:
                return answer
        return self._not_held(question, year)

    def _not_held(self, question: str, year: int) -> Answer:
        held = self.held()
        latest = max(held, default=year)
        core = self.answerer(latest) if held else None
        # a target that year holds ("2021年的新增贷款" sent a 民生实事 year's asker astray)
        named = core.examples.target.removesuffix("完成了吗") if core else "新增贷款"
        reply = f"{year_not_held(year, held)}。请问现有年度的目标，例如“{latest}年的{named}”。"
        # understood: it names a year the database lacks, which no alias could answer
        return Answer(
            question,
            "unknown",
            (),
            reply,
            filter={"year": year},
            confident=False,
            alias_candidate=False,
        )

    def _with_comparison(
        self, answer: Answer, core: Answerer, other_year: int, *, named: bool = False
    ) -> Answer:
        """The answer in `core`'s year with the line comparing it with `other_year`'s (the
        year before, or a year the question `named`)."""
        other = self.answerer(other_year)
        before = not named
        if other is None:
            lacking = year_not_held(other_year, self.held())
            line = (
                f"同比：{lacking}，无法与上年相比。"
                if before
                else f"对比：{lacking}，无法与{other_year}年相比。请换一个现有的年份。"
            )
        elif answer.intent == "unknown":  # no target found: the ledgers' counts answer nothing
            line = f"同比：没有找到要比较的目标，无法与{other_year}年相比。"
        else:
            target = None
            if answer.intent == "target" and answer.targets and not answer.ambiguous:
                target = core.by_number.get(answer.targets[0])
            line = self._line_between(core, other, target)
        filters = {**answer.filter, "compare": other_year}
        return dataclasses.replace(answer, reply=f"{answer.reply}\n{line}", filter=filters)

    def _line_between(self, core: Answerer, other: Answerer, target: TargetSpec | None) -> str:
        """`comparison_line` of the two years, earlier first, about `core`'s `target` as the
        later year holds it (or the ledgers' counts without a target)."""
        earlier, later = sorted((other, core), key=lambda c: c.ledger.year)
        if target is not None and later is not core:
            found = same_target(target, later.ledger)
            if found is None:
                return f"同比：{later.ledger.year}年台账中没有与“{target.title}”相同的目标。"
            target = found
        return comparison_line(
            earlier.ledger,
            later.ledger,
            target,
            lambda ledger, t: compute_status(t, self.config.status_date(ledger.year)),
        )
