"""A command's leading year ("/list 2020 未完成", "/export 2020 xlsx"): which year's core
answers it, and the refusal when the database does not hold that year."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.app.ledger_years import split_year_argument
from bot.chat.types import Reply
from bot.domain.ledger import year_not_held

if TYPE_CHECKING:
    from bot.chat.context import ChatContext
    from bot.understanding.answering import Answerer


# A year written as a word of its own among a command's other arguments ("/list 未完成 2020",
# "/list 民政局 2020年", "/list 未完成 2020 民政局").
_YEAR_WORD = re.compile(r"(?:^|\s)((?:19|20)\d{2})\s*年?度?(?=\s|$)")


def split_year_anywhere(args: str) -> tuple[int | None, str]:
    """A command's year, written before, among or after its other arguments, and the rest."""
    year, rest = split_year_argument(args)
    if year is not None:
        return year, rest
    text = args.strip()
    found = _YEAR_WORD.search(text)
    if found is None:
        return None, args
    return int(found.group(1)), f"{text[: found.start()]} {text[found.end() :]}".strip()


def year_core(
    service: ChatContext, args: str, *, anywhere: bool = False
) -> tuple[Answerer | None, str, str]:
    """The core of the year `args` start with (or hold as any word, `anywhere`; the current
    one if none; None if not held), the title prefix that names a year other than the current
    one, and the other arguments."""
    year, rest = split_year_anywhere(args) if anywhere else split_year_argument(args)
    if year is None or year == service.year:
        return service.answerer, "", rest
    return service.years.answerer(year), f"{year}年", rest


def not_held(service: ChatContext, args: str) -> list[Reply]:
    """The reply to a command naming a year the database does not hold (`args` as given)."""
    year, _ = split_year_anywhere(args)
    lacking = year_not_held(year, service.years.held())
    return [Reply(f"{lacking}。不写年份即查{service.year}年。")]
