"""A target that shares only half of one of the question's words: one bigram of it and
nothing else ("新增贷款" against a target that writes "新增3岁以下…照护机构"; "科技成果登记"
against 城镇登记失业率). The word's other half names what was asked, and the target does not
write it: such a match is no evidence, and must not beat "not found" or another year's answer."""

from __future__ import annotations

from bot.understanding.candidates import Candidate
from bot.understanding.text import is_cjk


def half_word_only(best: Candidate, masked: str, text: str) -> bool:
    """True when `best` is explained by one `bm25` bigram of `masked` (the question with its
    filler blanked) alone, and two characters next to it in the same word are not in `text`
    (the target's texts)."""
    reasons = [r for r in best.reasons if r.kind != "char"]
    if len(reasons) != 1 or reasons[0].kind != "bm25" or len(reasons[0].text) != 2:
        return False
    gram = reasons[0].text
    start = masked.find(gram)
    while start >= 0:
        end = start + 2
        for side in (masked[max(start - 2, 0) : start], masked[end : end + 2]):
            if len(side) == 2 and is_cjk(side) and side not in text:
                return True
        start = masked.find(gram, start + 1)
    return False
