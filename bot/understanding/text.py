"""Question and ledger text as the matcher reads it: normalisation (NFKC, Traditional to
Simplified, lower case), Chinese numerals, character-bigram tokens, filler masking, pinyin."""

from __future__ import annotations

import functools
import os
import re
import unicodedata

from bot.domain.script import load_zhconv

MAX_QUESTION_CHARS = 300


_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)


_CJK_NUMERALS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                 "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip


# A run of ASCII letters and digits (a word such as pm2.5) or of CJK characters.
TOKEN_RUN = re.compile(r"[a-z0-9][a-z0-9.&+]*|[\u3400-\u9fff]+")


@functools.cache
def _changing_words() -> tuple[frozenset[str], dict[str, tuple]]:
    """zhconv's words that its zh-cn conversion changes (its table also maps many simplified
    words to themselves): the characters that are such a word on their own, and by the
    first character of a longer one the characters that come second in them, the words and
    their lengths."""
    table = load_zhconv().zhconv.getdict("zh-cn")
    by_first: dict[str, set[str]] = {}
    for word, simplified in table.items():
        if word != simplified:
            by_first.setdefault(word[0], set()).add(word)
    alone = frozenset(first for first, words in by_first.items() if first in words)
    return alone, {
        first: (
            frozenset(w[1:2] for w in words),
            frozenset(words),
            tuple(sorted({len(w) for w in words})),
        )
        for first, words in by_first.items()
        if first not in alone
    }


@functools.cache
def _changing_pairs() -> frozenset[str]:
    """The first two characters of each longer word of `_changing_words`."""
    _, by_first = _changing_words()
    return frozenset(w[:2] for _, words, _ in by_first.values() for w in words)


def to_simplified(text: str) -> str:
    """`zhconv.convert(text, "zh-cn")`, the same text, skipped when no word its table changes
    is in `text`: every word zhconv then matches maps to itself, so it would return `text`.
    Most questions and ledger texts are written in simplified characters already."""
    alone, by_first = _changing_words()
    if not alone.isdisjoint(text):
        return load_zhconv().convert(text, "zh-cn")
    if len(text) <= 64:  # a question: each place a longer changing word may start
        pairs = _changing_pairs()
        for at in range(len(text) - 1):
            if text[at : at + 2] in pairs:
                _, words, lengths = by_first[text[at]]
                for n in lengths:
                    if text[at : at + n] in words:
                        return load_zhconv().convert(text, "zh-cn")
        return text
    for first in by_first.keys() & set(text):  # a long text: each first character it has
        seconds, words, lengths = by_first[first]
        at = text.find(first)
        while at >= 0:
            if text[at + 1 : at + 2] in seconds:
                for n in lengths:
                    if text[at : at + n] in words:
                        return load_zhconv().convert(text, "zh-cn")
            at = text.find(first, at + 1)
    return text


# A session's ordinal in digits ("第8次", "第12届"): written in words as reports mostly write it.
_DIGIT_ORDINAL = re.compile(r"第([1-9][0-9]?)(?=[次届期轮])")


def _ordinal_words(m: re.Match[str]) -> str:
    import cn2an  # only when a digit ordinal is written: most text never pays its import

    return "第" + cn2an.an2cn(m.group(1))


def ordinals_in_words(text: str) -> str:
    """ "第8次县长办公会" as "第八次县长办公会": one ordinal, whichever way it is written."""
    return _DIGIT_ORDINAL.sub(_ordinal_words, text) if "第" in text else text


def normalize(text: str) -> str:
    """NFKC (full-width digits), Traditional → Simplified, lower-case, session ordinals in
    words, trimmed to a bound."""
    text = unicodedata.normalize("NFKC", text or "")[: MAX_QUESTION_CHARS * 4]
    if not text.isprintable():  # fast path: most text has no control characters at all
        text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch in "\n\t")
    return ordinals_in_words(to_simplified(text).lower().strip())[:MAX_QUESTION_CHARS]


def normalize_many(texts: list[str]) -> list[str]:
    """`normalize` for several short texts at once (one line each), unbounded in length."""
    joined = "\n".join(" ".join(text.split()) for text in texts)
    joined = unicodedata.normalize("NFKC", joined)
    if not joined.replace("\n", "").isprintable():
        joined = "".join(ch for ch in joined if unicodedata.category(ch)[0] != "C" or ch in "\n")
    lines = ordinals_in_words(to_simplified(joined).lower()).split("\n")
    return (
        [line.strip() for line in lines]
        if len(lines) == len(texts)
        else [normalize(text) for text in texts]
    )


_PLACE_VALUES = {"十": 10, "百": 100, "千": 1000}


def _places_fall(text: str) -> bool:
    """Digits and place words alternating, places falling (三千五百, 一百零八, 十二)."""
    last = 10_000
    for i, ch in enumerate(text):
        if ch in _PLACE_VALUES:
            if _PLACE_VALUES[ch] >= last or (i and text[i - 1] in _PLACE_VALUES):
                return False
            last = _PLACE_VALUES[ch]
        elif i and text[i - 1] in _CJK_NUMERALS and text[i - 1] != "零":
            return False
    return True


def chinese_number(text: str) -> int | None:
    """Parse a Chinese numeral ("三十五" → 35, "十二" → 12, "一百零八" → 108); None otherwise."""
    if not text or any(ch not in _CJK_NUMERALS and ch not in "十百千" for ch in text):
        return None
    if text in ("百", "千"):
        return None
    if len(text) == 1 or (text[0] not in "十百千" and text[-1] != "零" and _places_fall(text)):
        # The usual forms read directly: cn2an compiles patterns on every call.
        total = digit = 0
        for ch in text:
            if ch in _CJK_NUMERALS:
                digit = _CJK_NUMERALS[ch]
            else:
                total, digit = total + (digit or 1) * _PLACE_VALUES[ch], 0
        if len(text) > 1 and text[-2] in _PLACE_VALUES:
            digit *= _PLACE_VALUES[text[-2]] // 10  # 二百五 is 250, 三千五 3500
        return total + digit
    import cn2an  # imported on first use: most questions hold no numeral

    try:
        value = cn2an.cn2an(text.replace("〇", "零"), "smart")
    except (ValueError, KeyError, IndexError):
        return None
    return int(value) if float(value).is_integer() and value >= 0 else None


# One character `str.isalnum` holds true for: a word character that is not "_" (re's \w is
# exactly isalnum or "_"; tests/unit/test_text_shortcuts.py checks every code point).
_ALNUM = re.compile(r"[^\W_]")


def has_content(text: str) -> bool:
    """False for empty, punctuation-only or emoji-only text."""
    return _ALNUM.search(text) is not None


def question_tokens(text: str, stopwords: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """Character bigrams of each CJK run and whole ASCII words, filler words cut out first."""
    if stopwords:
        text = mask_stopwords(text, stopwords)
    return text_tokens(text)


def text_tokens(text: str) -> list[str]:
    """Character bigrams of each CJK run and ASCII words (as `token_spans`, without spans)."""
    out: list[str] = []
    for run in TOKEN_RUN.findall(text):
        if run.isascii():
            word = run.strip(".&+")
            if word and not word.isdigit():
                out.append(word)
        else:
            out.extend([run[i : i + 2] for i in range(len(run) - 1)])
    return out


def token_spans(text: str) -> list[tuple[str, tuple[int, int]]]:
    """(token, (start, end)) for the bigrams of each CJK run and each ASCII word."""
    out: list[tuple[str, tuple[int, int]]] = []
    for match in TOKEN_RUN.finditer(text):
        run, start = match.group(0), match.start()
        if run.isascii():
            word = run.strip(".&+")
            if word and not word.isdigit():
                offset = run.index(word)
                out.append((word, (start + offset, start + offset + len(word))))
            continue
        out.extend((run[i : i + 2], (start + i, start + i + 2)) for i in range(len(run) - 1))
    return out


def words_pattern(words, not_closing: tuple[str, ...] = ()) -> re.Pattern[str] | None:
    """A pattern finding any of `words` (None for none) that matches what the alternation of
    them longest first matches, at each place the longest word there. The words are one
    trie ("新增(?:贷款|企业)"): `re` then tries each next character once at a place, where
    the plain alternation tries every word, one by one (a third less time for hundreds).
    `not_closing`: words whose last character starts no match where it ends that word (目 of
    项目); each is a look-behind after the trie's first character, so that every branch still
    opens with a literal and `re` skips, in C, the places no word can start."""
    unique = set(words)
    if not unique:
        return None
    if "" in unique:  # an empty word matches anywhere: only the plain alternation says how
        alternation = "|".join(map(re.escape, sorted(unique, key=len, reverse=True)))
        return re.compile(_not_closing(not_closing) + alternation if not_closing else alternation)
    root: dict = {}
    for word in unique:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def branch(node: dict) -> str:
        # Each next character, in sorted order (at most one matches at a place); a word
        # ending here is tried last, after every longer one (the greedy "?").
        ways = [re.escape(ch) + branch(node[ch]) for ch in sorted(node) if ch]
        if not ways:
            return ""
        body = ways[0] if len(ways) == 1 else "(?:" + "|".join(ways) + ")"
        return f"(?:{body})?" if "" in node else body

    if not not_closing:
        return re.compile(branch(root))
    firsts = []
    for ch in sorted(root):
        closing = "".join(f"(?<!{re.escape(w)})" for w in not_closing if w[-1] == ch)
        firsts.append(re.escape(ch) + closing + branch(root[ch]))
    return re.compile(firsts[0] if len(firsts) == 1 else "(?:" + "|".join(firsts) + ")")


def _not_closing(words: tuple[str, ...]) -> str:
    """A look-ahead failing where the next character ends one of `words` written before it."""
    closing = "|".join(f"(?<={re.escape(w[:-1])}){re.escape(w[-1])}" for w in words)
    return f"(?!{closing})"


# The levels a part of a whole may be named by (县重点项目 beside 市重点项目 and 重点项目).
LEVELS = frozenset("省市县区镇乡")
# A level character that names the whole place the asker speaks of ("全县", "我们县", "咱县"):
# "全县重点项目" is every 重点项目 of the county, not the 县重点项目 a ledger lists apart.
_OWN_PLACE = re.compile(r"(?:全|本|我们|咱们|我|咱)[省市县区镇乡]")


def own_place_at(text: str, at: int) -> bool:
    """Whether the level character at `at` says the asker's whole place (全县, 我县)."""
    return any(m.end() == at + 1 for m in _OWN_PLACE.finditer(text, max(0, at - 2), at + 1))


def names_level(text: str, level: str) -> bool:
    """Whether `text` writes the level character `level` other than as its whole place."""
    return level in _OWN_PLACE.sub("", text)


# Words whose last character starts a filler word: 项目 in "项目前期工作" is no 目前 ("now").
FILLER_STRADDLED = ("项目",)


@functools.cache
def _stopword_pattern(stopwords: frozenset[str]) -> re.Pattern[str] | None:
    return words_pattern(stopwords, not_closing=FILLER_STRADDLED)


def mask_stopwords(text: str, stopwords, keep: list[tuple[int, int]] = ()) -> str:
    """Filler words replaced by spaces of the same length, so positions stay put; filler
    inside a `keep` span (a lexicon word such as 找工作) stays."""
    pattern = _stopword_pattern(frozenset(stopwords))
    if pattern is None:
        return text
    if not keep:
        return pattern.sub(_blank, text)

    def blank(m: re.Match[str]) -> str:
        if _overlaps(m.start(), m.end(), keep):
            return m.group(0)
        return " " * len(m.group(0))

    return pattern.sub(blank, text)


def _overlaps(begin: int, finish: int, keep) -> bool:
    """`any(start < finish and begin < end for start, end in keep)`, without a generator for
    each filler word found."""
    for start, end in keep:
        if start < finish and begin < end:
            return True
    return False


def _blank(m: re.Match[str]) -> str:
    return " " * (m.end() - m.start())


def mask_stopwords_twice(text: str, stopwords, keep: list[tuple[int, int]]) -> tuple[str, str]:
    """(`mask_stopwords(text, stopwords, keep)`, `mask_stopwords(text, stopwords)`) in one
    search: the filler found is the same, only what `keep` spared differs."""
    pattern = _stopword_pattern(frozenset(stopwords))
    if pattern is None:
        return text, text
    spared: list[tuple[int, int]] = []

    def blank(m: re.Match[str]) -> str:
        if _overlaps(m.start(), m.end(), keep):
            spared.append(m.span())
            return m.group(0)
        return " " * len(m.group(0))

    masked = pattern.sub(blank, text)
    if not spared:
        return masked, masked
    every = masked
    for start, end in spared:
        every = every[:start] + " " * (end - start) + every[end:]
    return masked, every


@functools.cache
def _pinyin_of(ch: str) -> str:
    """`lazy_pinyin(ch)[0]`: the first reading in pypinyin's character table, its tone
    marks taken off (ü written v), as lazy_pinyin's default style gives it; read from the
    table directly, since lazy_pinyin's segmenting and style pipeline cost far more per
    character (tests/unit/test_text_pinyin.py compares the two on every CJK character)."""
    if not "\u3400" <= ch <= "\u9fff":
        return ch
    reading = _pinyin_table().get(ord(ch))
    if reading is None:
        return _lazy_pinyin(ch)
    return reading.split(",", 1)[0].translate(_TONELESS)


@functools.lru_cache(maxsize=16384)
def readings(ch: str) -> tuple[str, ...]:
    """A character's two commonest toneless readings, `_pinyin_of`'s first (长: zhang, chang;
    省 is shěng or xǐng, never the old xiǎn that would make it sound like 县)."""
    reading = _pinyin_table().get(ord(ch)) if "\u3400" <= ch <= "\u9fff" else None
    if reading is None:
        return (_pinyin_of(ch),)
    return tuple(dict.fromkeys(r.translate(_TONELESS) for r in reading.split(",")[:2]))


@functools.cache
def _pinyin_table() -> dict[int, str]:
    """pypinyin's character table: code point -> readings with tone marks, comma-separated."""
    # One character at a time needs no phrase dictionary (0.4 s to load): skip it.
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
    from pypinyin.pinyin_dict import pinyin_dict

    return pinyin_dict


def _lazy_pinyin(ch: str) -> str:
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
    from pypinyin import lazy_pinyin

    return lazy_pinyin(ch)[0]


# Tone-marked vowels to plain ones, and ü to v, as pypinyin's default (NORMAL) style writes.
_TONELESS = str.maketrans(
    {
        **dict.fromkeys("āáǎà", "a"),
        **dict.fromkeys("ēéěè", "e"),
        **dict.fromkeys("ōóǒò", "o"),
        **dict.fromkeys("īíǐì", "i"),
        **dict.fromkeys("ūúǔù", "u"),
        **dict.fromkeys("üǖǘǚǜ", "v"),
        **dict.fromkeys("ńňǹ", "n"),
        **dict.fromkeys("ḿ", "m"),
    }
)


def pinyin_key(text: str) -> tuple[str, ...]:
    """Toneless pinyin per character (带款 and 贷款 share one key)."""
    return tuple(map(_pinyin_of, text))


def is_cjk(text: str) -> bool:
    return all("\u3400" <= ch <= "\u9fff" for ch in text)


_CLAUSE_MARKS = frozenset("，,。；;、")


def written_apart(text: str, head: str, tail: str, most: int = 4) -> bool:
    """`re.search(re.escape(head) + "[^\\s，,。；;、]{1,4}" + re.escape(tail), text)` (`most`
    characters at most between the halves), without compiling a pattern per pair of halves:
    a compile costs a question more than the rest of it."""
    at = text.find(head)
    while at >= 0:
        start = at + len(head)
        for k in range(1, most + 1):
            ch = text[start + k - 1 : start + k]
            if not ch or ch.isspace() or ch in _CLAUSE_MARKS:
                break  # no longer stretch between the halves can skip this character
            if text.startswith(tail, start + k):
                return True
        at = text.find(head, at + 1)
    return False


def ascii_word_in(text: str, word: str) -> bool:
    """`re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", text)`, without a compile per word:
    `word` written with no letter a-z right before or after it (gdp, not gdpr)."""
    at = text.find(word)
    while at >= 0:
        before, after = text[at - 1 : at] if at else "", text[at + len(word) : at + len(word) + 1]
        if not ("a" <= before <= "z" and before) and not ("a" <= after <= "z" and after):
            return True
        at = text.find(word, at + 1)
    return False


def blank_words(text: str, words: list[str]) -> str:
    """`re.sub("|".join(map(re.escape, words)), " ", text)` for non-empty `words`, without
    compiling a pattern per list of words (a compile costs a question more than the rest of
    it): at each place, the first of `words` written there becomes one space."""
    if not any(word in text for word in words):
        return text
    out: list[str] = []
    at, size = 0, len(text)
    while at < size:
        for word in words:
            if text.startswith(word, at):
                out.append(" ")
                at += len(word)
                break
        else:
            out.append(text[at])
            at += 1
    return "".join(out)
