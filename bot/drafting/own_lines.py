"""An item's own line in a report of progress: whether it says its work is done itself, or
holds a target and the amount done of it (bot.drafting.draft reads the line first then)."""

from __future__ import annotations

from bot.drafting.pairing import pair_indicators
from bot.drafting.sentences import split_sentence
from bot.drafting.words import status_from_words


def says_done_itself(line: str) -> bool:
    """The line ends its sentence saying its work is done ("巩固提升31个生猪基地,已完成既定
    目标。"): the sentences after it add to its progress, they do not replace it."""
    said = status_from_words(line)
    return (
        said is not None and said.value in ("已完成", "超额完成") and said.words.startswith("已")
    )


def answers_itself(line: str) -> bool:
    """The line holds a target and the amount done of it: a pair of one measure (in one unit
    or two that convert: "年度计划投入2.6亿元,目前仅完成投入2960万元")."""
    target_words, done_words = split_sentence(line)
    return bool(done_words) and any(
        p.indicator.comparable for p in pair_indicators(target_words, done_words)
    )
