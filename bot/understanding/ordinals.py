"""Ordinals as whole numbers: 第十次 is not the start of 第十一次, nor 一次 its end. A bigram
at the edge of an ordinal of two or more numerals (第十 and 一次 of 第十一次) would match a
shorter ordinal's; the index and the question keep the whole ordinal ("第十一") instead."""

from __future__ import annotations

import re

from bot.understanding.text import text_tokens, token_spans

_ORDINAL = re.compile(r"第[零〇一二两三四五六七八九十百千]{2,}")


def ordinal_edges(text: str) -> tuple[set[tuple[int, int]], list[tuple[str, tuple[int, int]]]]:
    """The spans of the bigrams at the edges of each ordinal of two or more numerals, and
    each such ordinal with its span."""
    edges: set[tuple[int, int]] = set()
    wholes = []
    for m in _ORDINAL.finditer(text):
        start, end = m.span()
        edges.add((start, start + 2))
        edges.add((end - 1, end + 1))
        wholes.append((m.group(0), (start, end)))
    return edges, wholes


def indexed_tokens(text: str) -> list[str]:
    """`text_tokens` of a ledger text, each long ordinal whole instead of its edge bigrams."""
    if "第" not in text:
        return text_tokens(text)
    edges, wholes = ordinal_edges(text)
    if not wholes:
        return text_tokens(text)
    kept = [token for token, span in token_spans(text) if span not in edges]
    return kept + [whole for whole, _ in wholes]


def whole_ordinals(text: str, spans: dict[str, list[tuple[int, int]]]) -> None:
    """The question's tokens (`spans`, token -> where) with each long ordinal whole instead
    of its edge bigrams, as `indexed_tokens` has the ledger's."""
    edges, wholes = ordinal_edges(text)
    for token in [t for t, where in spans.items() if any(w in edges for w in where)]:
        left = [w for w in spans[token] if w not in edges]
        if left:
            spans[token] = left
        else:
            del spans[token]
    for whole, span in wholes:
        spans.setdefault(whole, []).append(span)


_NUMERALS = "零〇一二两三四五六七八九十百千0123456789"
_PHRASE_ORDINAL = re.compile(f"第([{_NUMERALS}]+)")
_NUMERAL_RUN = re.compile(f"[{_NUMERALS}]+")


def other_ordinal(phrase: str, window: str) -> bool:
    """Whether a phrase's ordinal is not the one the question's window writes, or not written
    there at all: 第十二次会 is no near-miss of 第十次会, nor of 那次会 (the bare words name
    every meeting alike)."""
    if "第" not in phrase:
        return False
    ours = set(_NUMERAL_RUN.findall(window))
    return any(m.group(1) not in ours for m in _PHRASE_ORDINAL.finditer(phrase))


# A counter after a number or 多少/几 ("多少个小区", "几家企业", "3所学校"): the bigram it
# starts with the noun after it (个小, 家企) matches any text that counts something else the
# same way. Not where counter and next character are one word (项目, 名额, 家庭, 名录).
COUNTER = re.compile(
    r"(?<=[0-9几少两三四五六七八九十百千])[个所座处条只台辆批张套间栋家名位项次]"
    r"(?![目额庭政属电园具乡置数件账单录称理次])"
)


def number_words(q: str, masked: str, spans: dict[str, list[tuple[int, int]]]) -> None:
    """`whole_ordinals` of the masked question, and no bigram from a counter of `q` onto the
    noun it counts (the counter itself still weighs as a character: 几座 asks of a 座)."""
    if "第" in masked:
        whole_ordinals(masked, spans)
    for m in COUNTER.finditer(q):
        if q[: m.start()].rstrip(_NUMERALS).endswith("第"):
            continue  # an ordinal's (第八次县长办公会): its bigram is the name's own
        _drop(spans, q[m.start() : m.start() + 2], (m.start(), m.start() + 2))


def _drop(spans: dict[str, list[tuple[int, int]]], token: str, span: tuple[int, int]) -> None:
    """`span` of `token` out of `spans`, and the token with it when it was its last."""
    where = spans.get(token)
    if where and span in where:
        where.remove(span)
        if not where:
            del spans[token]
