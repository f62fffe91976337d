"""Admin commands as text in, a validated change proposal out.

`propose` turns the argument text of an admin command ("12 新增贷款 25.1亿元") into a
`Proposal`: the `FieldChange`s encoded by the field codec (`bot.domain.fields`), and a
one-line-per-change summary for the admin to confirm. It never touches the database (the
current target comes from a lookup function) and knows nothing of the chat transport.
Every user mistake is a `CommandError` whose text is the Chinese message to show, ending
with the correct form of the command. Control characters are refused in every field
(`bot.domain.ledger.text_problem`); a newline or a tab survives only in /note and /status reasons.

Each command is declared once, as a `Grammar` next to its parser (bot.domain.admin_figures,
bot.domain.admin_lists); the chat registers one command per grammar.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from types import MappingProxyType

from bot.domain import admin_figures, admin_lists
from bot.domain.admin_grammar import CommandError, Grammar, Lookup, Proposal
from bot.domain.ledger import text_problem
from bot.domain.usage_examples import filled, usage_examples

GRAMMARS = MappingProxyType({g.name: g for g in (*admin_figures.GRAMMARS, *admin_lists.GRAMMARS)})
ADMIN_PROPOSAL_COMMANDS = tuple(GRAMMARS)
USAGE = MappingProxyType({name: g.usage for name, g in GRAMMARS.items()})


def propose(
    command: str, args: str, lookup: Lookup, *, today: dt.date, year: int | None = None
) -> Proposal:
    """The validated proposal for one admin command, or CommandError with the correct form.

    `today` is the calendar day a /note is dated with: the day it is written, never the
    status day of a closed year (a note written in 2026 on the 2020 ledger says 2026).
    `year` is the ledger's, which an undated /set figure is dated within (None: today's).
    """
    name = unicodedata.normalize("NFKC", command or "").strip().lstrip("/").lower()
    grammar = GRAMMARS.get(name)
    if grammar is None:
        known = "、".join(f"/{c}" for c in GRAMMARS)
        raise CommandError(f"没有这个命令：{command}。可用的命令：{known}")
    parse = grammar.parse
    if grammar.takes_year:
        parse = functools.partial(parse, year=year)
    return _parsed(name, grammar, parse, args, lookup, today, year)


def propose_reported_figure(args: str, lookup: Lookup, *, today: dt.date) -> Proposal:
    """A unit's reported figure, checked as `/set` is, except that a figure without as-of
    words is not dated today: the report is decided later, and the approver sees its words."""
    grammar = GRAMMARS["set"]

    def parse(text: str, lookup: Lookup, today: dt.date) -> Proposal:
        return admin_figures.set_figure(text, lookup, today, command="report")

    return _parsed("set", grammar, parse, args, lookup, today)


def _parsed(
    name: str, grammar: Grammar, parse, args: str, lookup: Lookup, today, year=None
) -> Proposal:
    text = _normalized(args or "", grammar)
    try:
        _refuse_control_characters(name, text)
        return parse(text, lookup, today)
    except CommandError as exc:
        raise type(exc)(f"{exc}\n用法：{usage_of(name, lookup, year)}") from None


def usage_of(command: str, lookup: Lookup, year: int | None = None) -> str:
    """The command's correct form, its example naming a target of the ledger `lookup` reads."""
    return filled(GRAMMARS[command].usage, usage_examples(_first_targets(lookup), year))


def _first_targets(lookup: Lookup, reach: int = 20):
    """The ledger's first targets, up to the first with a figure to set (its usage example)."""
    for number in range(1, reach + 1):
        target = lookup(number)
        if target is not None:
            yield target
            if any(i.target for i in target.indicators):
                return


def _normalized(text: str, grammar: Grammar) -> str:
    """NFKC of the words a command matches (full-width digits, ／); a note's or a reason's
    words are kept as typed, only matching reads them normalised."""
    text = text.strip()
    if not grammar.typed_tail:
        return unicodedata.normalize("NFKC", text)
    words = list(re.finditer(r"\S+", text))
    lead = len(grammar.words) - 1
    if len(words) <= lead:
        return unicodedata.normalize("NFKC", text)
    start = words[lead].start()
    return unicodedata.normalize("NFKC", text[:start]) + text[start:]


def _refuse_control_characters(command: str, text: str) -> None:
    """CommandError naming the field that holds a control character, if any does.

    Newlines and tabs separate the words (and survive only in the multi-line note and
    reason); every other control character is refused wherever it is.
    """
    problem = text_problem(text, multiline=True)
    if problem is None:
        return
    bad = next(i for i, ch in enumerate(text) if text_problem(ch, multiline=True))
    before = text[:bad]
    words = len(before.split()) + (1 if not before or before[-1].isspace() else 0)
    labels = GRAMMARS[command].words
    raise CommandError(f"{labels[min(words, len(labels)) - 1]}{problem}")
