"""Lexicon words a question writes by a homophone slip: "找宫作" for 找工作, "老百姓收如" for
老百姓收入, as pinyin input and voice messages write them. A ledger word so miswritten is found
by the index's own pinyin (`phrase_hits`); a word of the field lexicon is not in the index, so
the question is mended before it is read."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from bot.understanding.dictionary_cut import jieba_dictionary
from bot.understanding.text import is_cjk, pinyin_key
from bot.understanding.word_bounds import written_as_word

# A key this long at least: a two-character one sounds like too many other words (上班 like
# the 上半 of 上半年).
MIN_MISHEARD_KEY = 3


class MisheardKeys:
    """The lexicon's keys by their sound, each sound held by one key only."""

    def __init__(self, keys: Iterable[str]) -> None:
        by_sound: dict[tuple[str, ...], str | None] = {}
        for key in keys:
            if len(key) >= MIN_MISHEARD_KEY and is_cjk(key):
                sound = pinyin_key(key)
                by_sound[sound] = key if by_sound.get(sound, key) == key else None
        self.by_sound = {sound: key for sound, key in by_sound.items() if key}
        # Each key's first syllable -> its keys' lengths, longest first: most of a question's
        # syllables start no key, and are passed over at one lookup.
        lengths: dict[str, set[int]] = {}
        for sound in self.by_sound:
            lengths.setdefault(sound[0], set()).add(len(sound))
        self.lengths = {first: sorted(sizes, reverse=True) for first, sizes in lengths.items()}

    def mend(self, q: str, written: Callable[[str], bool]) -> str:
        """`q` with each window that sounds like a key and differs from it in one character
        written as the key, unless a bigram holding that character is one the ledger writes
        (`written`), or the window is a word of jieba's dictionary or cuts across words of the
        question: then the question's words are the ledger's or their own, no slip."""
        if not self.by_sound:
            return q
        sounds = pinyin_key(q)
        i, mended = 0, q
        while i < len(q):
            for size in self.lengths.get(sounds[i], ()):
                key = self.by_sound.get(sounds[i : i + size]) if i + size <= len(q) else None
                if key is None:
                    continue
                window = q[i : i + size]
                slips = [k for k in range(size) if window[k] != key[k]]
                if len(slips) != 1:
                    continue
                at = i + slips[0]
                if any(written(q[a : a + 2]) for a in (at - 1, at) if 0 <= a and a + 2 <= len(q)):
                    continue
                if jieba_dictionary().entry(window) or not written_as_word(q, window):
                    # a word as written ("卖东西", not "买东西"), or across words: 重点工 of
                    # "重点工作" is no 钟点工
                    continue
                mended = mended[:i] + key + mended[i + size :]
                i += size - 1
                break
            i += 1
        return mended
