"""Whether a summary question asks about the whole ledger in the ledger's own words.

A ledger's preamble names what all of its targets are ("县政府常务会议确定事项完成情况",
"重点工作半年度进展情况表"); a leader asking "会议确定事项总体完成情况" asks for the summary,
even when one target's title or alias holds the same words.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from bot.understanding.cues import SUMMARY, WHOLE_COUNT, YEAR, blank_unwritten_periods
from bot.understanding.text import has_content, mask_stopwords

_PIECES = re.compile(r"[^\W_]+")

# A preamble's word used by this many targets' texts at least is what they all are
# (会议确定事项 of three meetings' targets), not one target's or a pair's own name.
SHARED_BY = 3


# A question that ends pointing at one item ("高于整体进度11.8个百分点那条", "…的那一项") asks
# for that item, whatever summary words (整体, 总体) describe it; so does one that sets items
# against the whole ("哪些低于总体进度", "和整体进度持平的").
_ONE_ITEM = re.compile(
    r"(?:那|这)一?(?:条|项|个|件)(?:目标|任务|指标|项目)?[？?。！!]*$"
    r"|(?:低于|高于|超过|快于|慢于|落后于?|领先于?|和|与|跟)(?:了)?(?:总体|整体)(?:进度|水平|平均)"
)


def points_at_one_item(q: str) -> bool:
    """`q` ends pointing at one item of the ledger ("…那条", "…的那一项"), or sets items
    against the whole ("哪些低于总体进度")."""
    return _ONE_ITEM.search(q) is not None


def asks_whole_ledger(
    q: str, preamble: str, filler, written: Callable[[str], bool], targets_using
) -> bool:
    """A summary cue (总体, 整体, 总结…) in `q`, and every other word of it filler, a whole-ledger
    word or a word the ledger's `preamble` writes that no target uses or `SHARED_BY` do
    (`targets_using(word)[0]` targets' texts, as `Answerer._counts` counts them: a preamble
    naming 白合大桥 among its works does not make "白合大桥总体情况" the summary); no
    preamble, no such question."""
    if not preamble or not SUMMARY.search(q) or points_at_one_item(q):
        return False
    rest = blank_unwritten_periods(
        YEAR.sub(" ", WHOLE_COUNT.sub(" ", SUMMARY.sub(" ", q))), written
    )
    # Filler of one character (办, 干) is blanked only as a piece of its own: inside a word
    # (书记办公会) it would cut the word into pieces the preamble writes.
    longer = _longer_words(frozenset(filler))
    return all(
        (piece in preamble and (len(piece) < 2 or not 0 < targets_using(piece)[0] < SHARED_BY))
        or not has_content(mask_stopwords(piece, filler))
        for piece in _PIECES.findall(mask_stopwords(rest, longer))
    )


def warm_whole_asks(filler) -> None:
    """Compile now the pattern of the longer filler words `asks_whole_ledger` first needs (3 ms
    once per process and filler, else paid by the first summary question)."""
    mask_stopwords("", _longer_words(frozenset(filler)))


@functools.lru_cache(maxsize=8)
def _longer_words(filler: frozenset[str]) -> frozenset[str]:
    """The filler words of two characters or more: one set per Answerer's filler, so that
    `mask_stopwords` finds its pattern for them at once instead of comparing a new set."""
    return frozenset(w for w in filler if len(w) > 1)
