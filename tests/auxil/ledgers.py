"""Small ledgers for tests: another county's year, built from a few targets."""

import datetime as dt
from zoneinfo import ZoneInfo

from bot.domain.ledger import LedgerSpec, TargetSpec
from bot.understanding.answering import Answerer
from bot.understanding.lexicon import load_lexicon


def small_ledger(year: int, *targets: TargetSpec, title: str = "t") -> LedgerSpec:
    """A ledger of `year` holding `targets`, with no preamble."""
    return LedgerSpec(year=year, title=title, preamble="", targets=tuple(targets))


def answerer_on(ledger: LedgerSpec, today: dt.date) -> Answerer:
    """An `Answerer` over `ledger` with the field lexicon, judged on `today` (Asia/Shanghai)."""
    return Answerer(ledger, load_lexicon(), today=today, tz=ZoneInfo("Asia/Shanghai"))
