"""How a changed text reads in /history and /undo: the words that changed, not two prefixes.

Chinese has no spaces between words, so the comparison (difflib) is by token: a number
("15147.26") or a Latin word is one token, any other character another. Each change is shown
with a few characters of context on either side. A text replaced by another that shares
less than half of either (a new 认定理由 for an old one) is shown whole, old → new, cut: a few
common characters found by chance would make the pieces unreadable.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

SHORT_TEXT = 40  # both sides this short: shown whole, "old → new"
CONTEXT = 8  # characters of unchanged text shown around a change
PIECE = 60  # characters of one removed or added piece shown
MAX_CHANGES = 3
_TOKEN = re.compile(r"[0-9][0-9.]*|[A-Za-z]+|.", re.DOTALL)


def _cut(text: str, limit: int = PIECE) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe_change(old: str, new: str) -> str:
    """ "old → new" for short texts; else each changed piece in context, e.g.
    "…人均可支配收入［“15147.26”→“16000”］元,增幅3.4%…"."""
    old_shown, new_shown = " ".join(old.split()), " ".join(new.split())
    if len(old_shown) <= SHORT_TEXT and len(new_shown) <= SHORT_TEXT:
        return f"{old_shown or '（空）'} → {new_shown or '（空）'}"
    old_tokens, new_tokens = _TOKEN.findall(old_shown), _TOKEN.findall(new_shown)
    old_at = [0]
    for token in old_tokens:
        old_at.append(old_at[-1] + len(token))
    new_at = [0]
    for token in new_tokens:
        new_at.append(new_at[-1] + len(token))
    matcher = SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    kept = sum(old_at[b.a + b.size] - old_at[b.a] for b in matcher.get_matching_blocks())
    if 2 * kept < max(len(old_shown), len(new_shown)):
        return f"{_cut(old_shown) or '（空）'} → {_cut(new_shown) or '（空）'}"
    pieces = []
    for tag, t1, t2, u1, u2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        i1, i2, j1, j2 = old_at[t1], old_at[t2], new_at[u1], new_at[u2]
        removed, added = _cut(old_shown[i1:i2]), _cut(new_shown[j1:j2])
        if removed and added:
            change = f"“{removed}”→“{added}”"
        elif removed:
            change = f"删去“{removed}”"
        else:
            change = f"加上“{added}”"
        before = old_shown[max(0, i1 - CONTEXT) : i1]
        after = old_shown[i2 : i2 + CONTEXT]
        lead = "…" if i1 > CONTEXT else ""
        tail = "…" if i2 + CONTEXT < len(old_shown) else ""
        pieces.append(f"{lead}{before}［{change}］{after}{tail}")
    if not pieces:
        return "（内容未变，仅空白不同）"
    more = f"；另有{len(pieces) - MAX_CHANGES}处改动" if len(pieces) > MAX_CHANGES else ""
    return "；".join(pieces[:MAX_CHANGES]) + more
