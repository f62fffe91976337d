"""The examples a command's correct form shows, drawn from the ledger in use: a usage line
names one of its own targets, its year, a unit and a category it holds, never the 2020
ledger's ("/set 12 新增贷款" on a ledger whose 12th target is a school).

A usage is written once, with tokens where the ledger's words go ("/target {N}"); `filled`
puts them in when the line is sent."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.domain.ledger import TargetSpec


@dataclass(frozen=True)
class UsageExamples:
    """What the tokens stand for; the defaults name nothing of any one ledger."""

    number: int = 1  # {N}: a target that has a figure to set, else the first
    indicator: str = "指标"  # {IND}: that target's first indicator with a target
    figure: str = "数值"  # {FIG}: a figure in that indicator's unit ("26亿元")
    # {YEAR}: the year before the ledger's, as a command's [年份] names another year's;
    # {DAY}: a day of the ledger's own year
    year: int | None = None
    unit: str = "民政局"  # {UNIT}: a unit that leads a target, as a leader would say it
    category: str = "生态环境"  # {CAT}: a category the ledger's targets are in
    question: str = "第1项完成了吗"  # {ASK}: a question about that target


def usage_examples(targets: Iterable[TargetSpec], year: int | None) -> UsageExamples:
    """The examples of a ledger of `year` holding `targets` (in their order)."""
    targets = list(targets)
    measured = [t for t in targets if any(i.target for i in t.indicators)]
    first = (measured or targets or [None])[0]
    if first is None:
        return UsageExamples(year=year)
    indicator = next((i for i in first.indicators if i.target), None)
    leads = [u.name for t in targets for u in t.units if u.role == "lead"]
    categories = [t.category for t in targets if t.category]
    return UsageExamples(
        number=first.number,
        indicator=indicator.name if indicator else UsageExamples.indicator,
        figure=f"{indicator.target}{indicator.unit}" if indicator else UsageExamples.figure,
        year=year,
        unit=leads[0].removeprefix("县").removeprefix("市").removeprefix("区")
        if leads
        else UsageExamples.unit,
        category=categories[0] if categories else UsageExamples.category,
        question=f"{first.title}完成了吗",
    )


def filled(text: str, examples: UsageExamples) -> str:
    """`text` with each token of a usage line replaced by the ledger's example."""
    if "{" not in text:
        return text
    year = examples.year - 1 if examples.year is not None else "年份"
    day = f"{examples.year}-06-30" if examples.year is not None else "YYYY-MM-DD"
    for token, value in (
        ("{N}", examples.number),
        ("{IND}", examples.indicator),
        ("{FIG}", examples.figure),
        ("{YEAR}", year),
        ("{DAY}", day),
        ("{UNIT}", examples.unit),
        ("{CAT}", examples.category),
        ("{ASK}", examples.question),
    ):
        text = text.replace(token, str(value))
    return text
