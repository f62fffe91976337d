"""Cue patterns that skip the search of a text holding none of the characters a match needs.

A cue that is an alternation of dozens of words with no common first character gets no
prefix scan from `re`: every word is tried at every position of the question (several µs a
search), and most questions hold none of the words. `gated` works out from the pattern's
parse a few characters of which every match holds one, and runs the pattern only on a text
holding one of them (a one-character-class search, in C over the text, costs a tenth).
"""

from __future__ import annotations

import re
from re import _constants as sre  # the parse tree `re` itself compiles (3.11+)
from re import _parser

from bot.understanding.unigrams import FUNCTION_CHARS

_MAX_RANGE = 40  # a class range wider than this ([一-龥]) is no small set of characters
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


class GatedPattern:
    """A compiled pattern's search, match, finditer, sub and split, skipped (as finding
    nothing) on a text holding none of its gate's characters; the same results."""

    __slots__ = ("compiled", "pattern", "flags", "_gate")

    def __init__(self, compiled: re.Pattern[str], chars: frozenset[str]) -> None:
        self.compiled, self.pattern, self.flags = compiled, compiled.pattern, compiled.flags
        self._gate = re.compile("[" + "".join(map(_in_class, sorted(chars))) + "]").search

    # Whole texts only (no pos, endpos): a call with *args costs a cue a tenth more.

    def search(self, text: str) -> re.Match[str] | None:
        return None if self._gate(text) is None else self.compiled.search(text)

    def match(self, text: str) -> re.Match[str] | None:
        return None if self._gate(text) is None else self.compiled.match(text)

    def finditer(self, text: str):
        return iter(()) if self._gate(text) is None else self.compiled.finditer(text)

    def sub(self, repl, text: str, count: int = 0) -> str:
        return text if self._gate(text) is None else self.compiled.sub(repl, text, count)

    def split(self, text: str, maxsplit: int = 0) -> list[str]:
        return [text] if self._gate(text) is None else self.compiled.split(text, maxsplit)


def gated(pattern: str) -> GatedPattern | re.Pattern[str]:
    """`re.compile(pattern)` behind a gate of the characters every match holds; the compiled
    pattern itself when there is no such gate (a match may hold any character)."""
    compiled = re.compile(pattern)
    chars = gate_chars(compiled)
    return compiled if chars is None else GatedPattern(compiled, chars)


def gate_chars(compiled: re.Pattern[str]) -> frozenset[str] | None:
    """A small set of characters of which every match of `compiled` holds at least one: for
    each alternative at the top, one character (or class, or inner alternation) it cannot
    match without, the fewest new ones first. None when some alternative has none."""
    if compiled.flags & re.IGNORECASE:
        return None
    try:
        tree = _parser.parse(compiled.pattern, compiled.flags)
    except Exception:  # noqa: BLE001 - a parser `re` no longer has: no gate, the same answers
        return None
    items = list(tree)
    if len(items) == 1 and items[0][0] is sre.BRANCH:
        alternatives = [list(alternative) for alternative in items[0][1][1]]
    else:
        alternatives = [items]
    needs = [_needs(alternative) for alternative in alternatives]
    if not all(needs):
        return None
    chosen: set[str] = set()
    for options in sorted(needs, key=lambda options: min(map(len, options))):
        if not any(option <= chosen for option in options):
            chosen |= min(options, key=lambda option: _cost(option - chosen))
    return frozenset(chosen)


def _needs(sequence) -> list[frozenset[str]]:
    """For a sequence of parse items, each set of characters a match must hold one of."""
    found = (_one_of(op, av) for op, av in sequence)
    return [chars for chars in found if chars]


def _one_of(op, av) -> frozenset[str] | None:
    """The characters of which every match of one parse item holds one, or None for an item
    that may match without any of a small set (zero-width, optional, negated, a category)."""
    if op is sre.LITERAL:
        return frozenset(chr(av))
    if op is sre.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is sre.LITERAL:
                chars.add(chr(value))
            elif kind is sre.RANGE and value[1] - value[0] <= _MAX_RANGE:
                chars.update(map(chr, range(value[0], value[1] + 1)))
            else:
                return None
        return frozenset(chars)
    if op is sre.SUBPATTERN:
        _, add_flags, del_flags, inner = av
        return None if add_flags or del_flags else _cheapest(_needs(inner))
    if op in _REPEATS:
        least, _, inner = av
        return _cheapest(_needs(inner)) if least else None
    if op is sre.BRANCH:
        chars = set()
        for alternative in av[1]:
            one = _cheapest(_needs(alternative))
            if one is None:
                return None
            chars |= one
        return frozenset(chars)
    return None


def _cost(chars: frozenset[str]) -> int:
    """What adding `chars` to a gate costs: a character of grammar or of the asking itself
    (的, 哪, 一) lets most questions through, so it counts as several."""
    return len(chars) + 4 * len(chars & FUNCTION_CHARS)


def _cheapest(options: list[frozenset[str]]) -> frozenset[str] | None:
    return min(options, key=_cost) if options else None


def _in_class(ch: str) -> str:
    return "\\" + ch if ch in "\\]^-[" else ch
