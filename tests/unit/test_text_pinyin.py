"""`pinyin_key` reads pypinyin's character table directly: it must give what
`lazy_pinyin` gives, character by character, for every CJK character it is asked about."""

import os

from bot.understanding.text import _pinyin_of, pinyin_key


def test_every_cjk_character_reads_as_lazy_pinyin_reads_it():
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
    from pypinyin import lazy_pinyin

    differ = [ch for ch in map(chr, range(0x3400, 0xA000)) if _pinyin_of(ch) != lazy_pinyin(ch)[0]]
    assert differ == []


def test_homophones_share_a_key_and_other_characters_stay_as_they_are():
    assert pinyin_key("带款") == pinyin_key("贷款") == ("dai", "kuan")
    assert pinyin_key("绿化") == ("lv", "hua")  # ü written v
    assert pinyin_key("pm2.5") == tuple("pm2.5")
