"""The matcher's weights and limits, in one place: what each kind of evidence is worth and
how far each search goes. Tuned on the training and dev sets only (README)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass


# How much one occurrence of a bigram in each field counts towards the target's BM25 tf.
FIELD_WEIGHTS = {"title": 2.0, "indicator": 1.0, "target_text": 1.0, "progress_text": 0.4}


BM25_K1, BM25_B = 1.2, 0.75


TOP_K = 8  # candidates examined in full (fuzzy phrases, reasons) beyond the phrase hits


AHEAD_MAX = 300  # up to this many targets the index works out its phrases' reasons when built


LEXICON_FACTOR = 0.6
# A lexicon word starting so is said negated (没开工, 未开工): the word after says the opposite.
NEGATORS = frozenset("没未")
# ... or starting with an earlier year (去年开工): work begun then, not the same stage this year.
EARLIER_YEARS = frozenset(("去年", "往年", "上年", "早就"))


def inside_weight(q: str, word: tuple[int, int], token: tuple[int, int]) -> float:
    """The weight of a question bigram at `token` inside or across a lexicon word at `word`:
    part of that word, or nothing inside a negated one (开工 of 没开工) or one said of an
    earlier year (开工 of 去年开工: carried-over work, not the year's 新开工)."""
    (start, end), (a, b) = word, token
    earlier = q[start] in NEGATORS or q[start : start + 2] in EARLIER_YEARS
    return 0.0 if earlier and start < a and b <= end else LEXICON_FACTOR


PINYIN_FACTOR = 0.8


SLIP_MAX_SHARE = 0.1  # a homophone's miswritten character is in at most this share of targets
# A question bigram jieba's dictionary counts this often is a word as written (滞后, 钟点), no
# slip for a ledger word that sounds alike (之后, 重点); 株州 (4) may still be 株洲.
SLIP_WORD_MAX = 20


MAX_PHRASE = 16


# A figure the question writes with its unit ("70公里") and a target holds is worth this many
# IDF-weighted bigrams: a figure is as telling as a rare two-character word, or more.
FIGURE_FACTOR = 2.0


GAP_FACTOR = 0.5  # a question bigram the ledger writes with a character or two between


GAP_MAX_SHARE = 0.05  # ... looked for only in targets holding both characters, if this few


GAP_MAX_TARGETS = 30  # (a pair found in more says little, and costs a search in each)


GAP_COMMON_SHARE = 0.25  # ... and only for two characters each in at most this share of them


FIGURE_BARE_FACTOR = 0.5  # the same figure written without a unit counts this much of it


# A rare character of the question that none of its bigrams explains (肺 of 慢阻肺) is worth
# this share of the character's IDF, only when few targets hold it: at most this share of
# them, and never more than CHAR_MAX_TARGETS (bot/understanding/unigrams.py).
CHAR_FACTOR = 0.5


CHAR_MAX_SHARE = 0.05


CHAR_MAX_TARGETS = 30
