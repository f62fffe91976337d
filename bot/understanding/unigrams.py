"""Rare characters a question shares with a few targets, when no bigram of the question
does: everyday wording keeps one telling character of the official word ("肺不好" for 慢阻肺,
"挖矿" for 矿山, "食堂" for a target whose alias is 老年食堂). Single characters alone never
make a target trusted (`cues.only_characters`)."""

from __future__ import annotations

import math
from collections import defaultdict

from bot.understanding.candidates import Reason
from bot.understanding.weights import CHAR_FACTOR, CHAR_MAX_SHARE, CHAR_MAX_TARGETS

# Characters that carry grammar or the asking itself, whatever a ledger's counts say: a
# ledger that happens to write 事 or 哪 once must not make every question about that target.
FUNCTION_CHARS = frozenset(
    "的了着过得地是在有和与及或也还就都又再才很太更最把被给让从向对跟往于为以之其"
    "这那哪谁什么怎咋啥几多少吗呢吧啊呀嘛么个些种样能会要想该去来上下里中内外前后"
    "人事儿子不没无别好大小新老年月日天号次回件项条位家做干搞弄办说讲问查看"
    "一二两三四五六七八九十百千万亿零半"  # numerals belong to figures (`figures.py`)
)


def char_hits(index, query) -> dict[int, list[tuple[Reason, tuple[int, int]]]]:
    """Targets holding a rare character of `query` (a `scoring._Query`) that none of the
    question's bigrams, lexicon words, figures or homophones already explain; each at
    `CHAR_FACTOR` of the character's IDF over the ledger's targets."""
    n = index.count
    cap = min(max(1, int(n * CHAR_MAX_SHARE)), CHAR_MAX_TARGETS)
    explained: set[int] = set()
    for _, _, own in query.present:  # the question's own tokens some target has
        if own is not None:
            explained.update(own[1])
    for _, span, _ in query.expansions:
        explained.update(range(*span))
    for span in (*query.figures.values(), *query.homophones.values()):
        explained.update(range(*span))
    hits: dict[int, list[tuple[Reason, tuple[int, int]]]] = defaultdict(list)
    text = query.text
    # A character already read as part of a word ("借" of 借钱) is not read again alone.
    seen = {text[i] for i in explained}
    for i, _ in query.weight_items:
        ch = text[i]
        if i in explained or ch in seen or ch in FUNCTION_CHARS or not "\u4e00" <= ch <= "\u9fff":
            continue
        seen.add(ch)
        holders = index.char_docs.get(ch)
        if not holders or len(holders) > cap:
            continue
        df = len(holders)
        weight = math.log(1 + (n - df + 0.5) / (df + 0.5)) * CHAR_FACTOR
        reason = Reason("char", ch, "text", round(weight, 3))  # one for all its holders
        for number in holders:
            hits[number].append((reason, (i, i + 1)))
    return hits
