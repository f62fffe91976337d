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
    _initialled(index, q, found)
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


def _initialled(index, q: str, found: dict[str, tuple[int, int, str]]) -> None:
    """Add to `found` the names (of `MIN_CLIPPED_NAME`+ characters) the question writes by
    their initials and their tail ("城建指挥部" of 城乡建设指挥部, `_initials_of`), each
    window for its shortest such name; worth the window's IDF, as a clipped name is."""
    by_first, taken = _names_by_first_last(index), {(a, b) for a, b, _ in found.values()}
    for run in _CJK_RUN.finditer(q):
        end = run.end()
        for i in range(run.start(), end - 3):
            by_last = by_first.get(q[i])
            if by_last is None or (q[i] in LEVELS and own_place_at(q, i)):
                continue
            for stop in range(i + 4, end + 1):
                for name in by_last.get(q[stop - 1], ()):  # the shortest first
                    window = q[i:stop]
                    if (i, stop) in taken or name in found or window in index.phrases:
                        continue
                    if _initials_of(name, window):
                        found[name] = (i, stop, window)
                        taken.add((i, stop))  # one name per window: the closest


def _names_by_first_last(index) -> dict[str, dict[str, list[str]]]:
    """The index's phrases of `MIN_CLIPPED_NAME`+ characters by their first character, then
    by their last, shortest first; kept with `names_by_ends` until the ledger changes."""
    kept = index._long_names.get("initials")
    if kept is None:
        names: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for phrase in index.phrases:
            if len(phrase) >= MIN_CLIPPED_NAME and is_cjk(phrase):
                names[phrase[0]][phrase[-1]].append(phrase)
        kept = index._long_names["initials"] = {
            first: {last: sorted(found, key=len) for last, found in by_last.items()}
            for first, by_last in names.items()
        }
    return kept


def _initials_of(name: str, window: str) -> bool:
    """Whether `window` is the name's first character, then one character or more each
    taken after a skipped one (the initials of its words: 城[乡]建[设]), then, after another
    skip, the name's last two characters or more (not a work word alone)."""
    for cut in range(len(window) - 2, 1, -1):
        tail = window[cut:]
        if not name.endswith(tail) or WORK_TAIL.fullmatch(tail):
            continue
        body, at = name[: len(name) - len(tail)], 0
        if any(window[k : k + 2] in name for k in range(cut - 1)):
            continue  # initials the name writes side by side (项目 of 项县重点项目) are its words
        for ch in window[1:cut]:
            found = body.find(ch, at + 2)
            if found < 0:
                break
            at = found
        else:
            if at < len(body) - 1:
                return True
    return False


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
