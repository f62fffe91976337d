"""The `ask` command: answer one question, or one per stdin line as JSON lines. Its own
module, so that a cold `python main.py ask` imports only what answering needs."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

from bot.adapters.cli_common import CliError, ledger_for
from bot.app.ledger_years import LedgerYears
from bot.app.services import build_answerer
from bot.app.unmatched import record_unmatched
from bot.config import Config
from bot.store.unmatched_log import UnmatchedLog
from bot.understanding.conversation import Conversation

if TYPE_CHECKING:
    from sqlalchemy import Engine


def cmd_ask(config: Config, engine: Engine, args) -> int:
    """Answer a question, or (with --json) one question per stdin line as JSON lines."""
    if args.conversation and not args.json:
        raise CliError(
            "--conversation 需与 --json 一起使用：python main.py ask --json --conversation"
        )
    # The ledger is read once: it names the year and is the one answered over.
    answerer = build_answerer(engine, config, ledger=ledger_for(config, engine, args))
    years = LedgerYears(engine, config, lambda: answerer)
    unmatched = UnmatchedLog(engine)
    try:
        return _answer_questions(years, unmatched, args)
    finally:
        unmatched.flush()


def _answer_questions(years, unmatched: UnmatchedLog, args) -> int:
    current = years.current().ledger.year
    if not args.json:
        if args.question is None:
            raise CliError('请给出问题，例如：python main.py ask "新增贷款完成了吗"')
        answer = years.ask(args.question)
        record_unmatched(unmatched, answer, year=current)
        print(answer.reply)
        return 0
    questions = [args.question] if args.question is not None else sys.stdin
    # --conversation: the lines are turns of one conversation; an empty line starts anew.
    conversation = Conversation() if args.conversation else None
    for line in questions:
        question = line.rstrip("\r\n")
        if conversation is not None and not question.strip():
            conversation = Conversation()
            continue
        answer = years.ask(question, conversation)
        record_unmatched(unmatched, answer, year=current)
        shown = {"year": answer.filter.get("year", current), **answer.to_json()}
        print(json.dumps(shown, ensure_ascii=False), flush=True)
    return 0
