"""The `ask` command: answer one question, or one per stdin line as JSON lines. Its own
module, so that a cold `python main.py ask` imports only what answering needs: on a SQLite
file that is migrated and holds a ledger, not even SQLAlchemy (bot/store/sqlite_ledger.py).
The engine is opened only for what reading alone cannot do: migrating or seeding a database
(as every command's start-up does), any other database, and logging unmatched questions."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

from bot.adapters.cli_common import CliError, ledger_for
from bot.app.ledger_years import LedgerYears
from bot.app.services import build_answerer, open_engine
from bot.app.unmatched import record_unmatched
from bot.config import Config
from bot.store.sqlite_ledger import open_sqlite_ledgers
from bot.store.unmatched_row import UnmatchedRow
from bot.understanding.conversation import Conversation

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from bot.store.unmatched_log import UnmatchedLog


def cmd_ask(config: Config, engine: Engine | None, args) -> int:
    """Answer a question, or (with --json) one question per stdin line as JSON lines."""
    if args.conversation and not args.json:
        raise CliError(
            "--conversation 需与 --json 一起使用：python main.py ask --json --conversation"
        )
    source, opened = engine, None
    if engine is None:
        # A ready SQLite file is read without SQLAlchemy; anything else opens the engine,
        # which migrates and seeds as every command's start-up does.
        source = open_sqlite_ledgers(config.database_url)
        if source is None:
            source = engine = opened = open_engine(config)
    unmatched = _UnmatchedOnDemand(config, engine)
    try:
        # The ledger is read once: it names the year and is the one answered over.
        answerer = build_answerer(source, config, ledger=ledger_for(config, source, args))
        years = LedgerYears(source, config, lambda: answerer)
        return _answer_questions(years, unmatched, args)
    finally:
        unmatched.close()
        if opened is not None:
            opened.dispose()


class _UnmatchedOnDemand:
    """The unmatched-question log, opened with the first question to log: an `ask` whose
    questions all match opens no engine."""

    def __init__(self, config: Config, engine: Engine | None) -> None:
        self.config = config
        self.engine = engine
        self.log: UnmatchedLog | None = None
        self._opened: Engine | None = None

    def record(self, row: UnmatchedRow) -> None:
        if self.log is None:
            from bot.store.unmatched_log import UnmatchedLog

            if self.engine is None:  # the file was found ready: no migration, no seeding
                from bot.store.database import make_engine

                self.engine = self._opened = make_engine(self.config.database_url)
            self.log = UnmatchedLog(self.engine)
        self.log.record(row)

    def close(self) -> None:
        """Wait until every logged question is written, and close what was opened for it."""
        if self.log is not None:
            self.log.flush()
        if self._opened is not None:
            self._opened.dispose()


def _answer_questions(years, unmatched: _UnmatchedOnDemand, args) -> int:
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
