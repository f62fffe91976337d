"""Names a question clips: the head and the tail of a ledger's name with its middle left out
("城建类" of 城建园林房地产类). Leaders shorten a long name so, keeping its first word and
the kind of thing it is (类, 站, 中心)."""

from __future__ import annotations

import re
from collections import defaultdict

from bot.understanding.candidates import Reason
from bot.understanding.text import LEVELS, own_place_at

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
    by_start = index.long_names_by_start(MIN_CLIPPED_NAME)
    if not by_start:
        return {}
    found: dict[str, tuple[int, int, str]] = {}
    for run in _CJK_RUN.finditer(q):
        end = run.end()
        for i in range(run.start(), end - 2):
            names = by_start.get(q[i : i + 2])
            if not names:
                continue
            for name in names:
                if name in found or (name[0] in LEVELS and own_place_at(q, i)):
                    continue
                k = 2
                while k < len(name) - 1 and i + k < end and q[i + k] == name[k]:
                    k += 1
                # The tail: the longest end of the name the question writes right after the
                # head, one character of the middle or more left out.
                for m in range(min(len(name) - k - 1, end - i - k), 0, -1):
                    if q[i + k : i + k + m] == name[-m:]:
                        window = q[i : i + k + m]
                        # A work word (建设, 工程) ends any name: no kind of its own kept.
                        if window not in index.phrases and not WORK_TAIL.fullmatch(name[-m:]):
                            found[name] = (i, i + k + m, q[i : i + k])
                        break
    hits: dict[int, list[tuple[Reason, tuple[int, int]]]] = defaultdict(list)
    for name, (start, stop, head) in found.items():
        for number, reason in index._phrase_reasons("phrase", name, head):
            hits[number].append((reason, (start, stop)))
    return hits
