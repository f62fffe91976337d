"""Small ledgers for tests: another county's year, built from a few targets."""

from bot.domain.ledger import LedgerSpec, TargetSpec


def small_ledger(year: int, *targets: TargetSpec, title: str = "t") -> LedgerSpec:
    """A ledger of `year` holding `targets`, with no preamble."""
    return LedgerSpec(year=year, title=title, preamble="", targets=tuple(targets))
