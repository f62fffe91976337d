"""Names a question clips: the head and the tail of a ledger's name with its middle left out
("城建类" of 城建园林房地产类). Leaders shorten a long name so, keeping its first word and
the kind of thing it is (类, 站, 中心)."""

from __future__ import annotations

import re
from collections import defaultdict

from bot.understanding.candidates import Reason
from bot.understanding.text import LEVELS, is_cjk, own_place_at

# What a name's work is called (建设, 工程, 项目, 工作): said after any name, it keeps no kind.
WORK_TAIL = re.compile(r"(?:建设|工程|项目|工作)+")

# A name this long at least has a middle worth leaving out (5: 城建园林类 → 城建类).
MIN_CLIPPED_NAME = 5
_CJK_RUN = re.compile(r"[\u3400-\u9fff]{3,}")


def clipped_hits(index, q: str) -> dict[int, list[tuple[Reason, tuple[int, int]]]]:
    """Targets holding a name (title, alias or indicator name) of `MIN_CLIPPED_NAME`+
    characters whose first two characters or more the question writes, followed at once by
    the name's last character or more, at least one character left out between: the
    question's window is worth the head's IDF again (a `phrase` reason, as for the name
    written out, shared as a phrase is). A window that is itself some target's phrase is
    that phrase (`_phrase_hits`), not a clipped name."""
    by_ends, heads = names_by_ends(index, MIN_CLIPPED_NAME)
    if not heads:
        return {}
    found: dict[str, tuple[int, int, str]] = {}
    for run in _CJK_RUN.finditer(q):
        end = run.end()
        for i in range(run.start(), end - 2):
            head = q[i : i + 2]
            if head not in heads or (head[0] in LEVELS and own_place_at(q, i)):
                continue
            # Each window from here of three characters or more, by its first two and its
            # last: the names starting and ending so (a few), each tested in full.
            for stop in range(i + 3, end + 1):
                for name in by_ends.get((head, q[stop - 1]), ()):
                    if name not in found and _clips(name, q, i, stop):
                        window = q[i:stop]
                        if window not in index.phrases:
                            found[name] = (i, stop, q[i : i + _head(name, q, i, stop)])
    hits: dict[int, list[tuple[Reason, tuple[int, int]]]] = defaultdict(list)
    for name, (start, stop, head) in found.items():
        for number, reason in index._phrase_reasons("phrase", name, head):
            hits[number].append((reason, (start, stop)))
    return hits


def names_by_ends(index, least: int) -> tuple[dict[tuple[str, str], list[str]], set[str]]:
    """The index's phrases of `least` characters or more by their first two characters and
    their last, and those first two characters; kept until the ledger changes (the index's
    `_forget_figures` drops them)."""
    kept = index._long_names.get(least)
    if kept is None:
        names = defaultdict(list)
        for phrase in index.phrases:
            if len(phrase) >= least and is_cjk(phrase):
                names[phrase[:2], phrase[-1]].append(phrase)
        kept = index._long_names[least] = (dict(names), {head for head, _ in names})
    return kept


def _head(name: str, q: str, start: int, stop: int) -> int:
    """How many of the name's first characters the window q[start:stop] writes."""
    k = 2
    while k < len(name) and start + k < stop and q[start + k] == name[k]:
        k += 1
    return k


def _clips(name: str, q: str, start: int, stop: int) -> bool:
    """Whether q[start:stop] is the name's head (two characters or more) followed at once by
    its tail (one or more, not a work word), a character or more of the middle left out."""
    size = stop - start
    if size >= len(name) - 1:
        return False  # the whole name, or all but one character: a phrase or a near-miss
    for k in range(2, min(size, len(name))):
        if q[start + k - 1] != name[k - 1]:
            return False  # the head ends before k characters
        tail = q[start + k : stop]
        if tail and name.endswith(tail) and not WORK_TAIL.fullmatch(tail):
            return True
    return False
