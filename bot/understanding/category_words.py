"""A category named with nothing else asked but how it goes ("生态环境怎么样", "民生完成得咋样",
"安全稳定呢"): the list of its targets, as "生态环境方面" asks, not "没有找到"."""

from __future__ import annotations

from bot.understanding.lexicon import FieldLexicon
from bot.understanding.list_cues import CATEGORY_WORDS
from bot.understanding.text import has_content, mask_stopwords


def names_only_category(q: str, category: str | None, lexicon: FieldLexicon) -> bool:
    """True when `q` holds one of `category`'s words and, besides it, only words of asking
    (怎么样, 完成得咋样, 情况, 呢…); not when the word is part of one naming the whole ledger
    ("民生实事总体进展如何" asks for the summary)."""
    named = CATEGORY_WORDS.get(category or "", ())
    words = sorted((w for w in named if w in q), key=len, reverse=True)
    if not words:
        return False
    if any(words[0] in w and w in q for w in lexicon.whole_ledger if w != words[0]):
        return False
    filler = lexicon.stopwords | lexicon.whole_ledger
    return not has_content(mask_stopwords(q.replace(words[0], " "), filler))
