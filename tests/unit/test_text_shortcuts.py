"""`has_content` by a regex holds for any text what `str.isalnum` on its characters does;
`to_simplified` skips zhconv when no word of its table that changes is in the text: it
must give what `zhconv.convert(text, "zh-cn")` gives, on ledger texts, questions and on
traditional writing."""

import sys

from bot.config import DEFAULT_LEDGER_FILE
from bot.domain.script import load_zhconv
from bot.understanding.text import _changing_words, has_content, to_simplified


def test_content_is_any_character_isalnum_holds_for():
    differ = [c for c in map(chr, range(sys.maxunicode + 1)) if has_content(c) != c.isalnum()]
    assert differ == []
    assert not has_content("_？！ 😀") and has_content("_a") and has_content("？十二")


def converted(text: str) -> str:
    return load_zhconv().convert(text, "zh-cn")


def test_the_ledger_and_questions_read_as_zhconv_reads_them():
    lines = DEFAULT_LEDGER_FILE.read_text(encoding="utf-8").splitlines()
    lines += ["怎么样了", "新增贷款完成了吗", "PM2.5年均浓度", "你能干嘛", ""]
    assert [to_simplified(line) for line in lines] == [converted(line) for line in lines]


def test_traditional_writing_is_converted():
    for text in ("我幹什麼不干你事。", "新增貸款完成了嗎", "著作權", "乾淨的數據", "縣醫院怎麼樣"):
        assert to_simplified(text) == converted(text) != text


def test_every_changing_word_is_converted_in_context():
    alone, by_first = _changing_words()
    words = sorted({*alone, *(w for _, found, _ in by_first.values() for w in found)})
    assert len(words) > 1000
    for word in words:
        for text in (word, f"县里{word}怎么样", f"{word}了"):
            assert to_simplified(text) == converted(text), text


def test_masking_twice_gives_both_maskings():
    from bot.understanding.lexicon import load_lexicon
    from bot.understanding.text import mask_stopwords, mask_stopwords_twice

    stopwords = load_lexicon().stopwords
    for text, keep in (
        ("找工作的事怎么样了", [(0, 3)]),
        ("我想问一下找工作的事", [(5, 8), (0, 1)]),
        ("新增贷款完成了吗", []),
        ("怎么样了怎么样了", [(0, 3)]),
    ):
        both = mask_stopwords_twice(text, stopwords, keep)
        assert both == (mask_stopwords(text, stopwords, keep), mask_stopwords(text, stopwords))
    assert mask_stopwords_twice("找工作的事怎么样了", stopwords, [(0, 3)])[0] != (
        mask_stopwords("找工作的事怎么样了", stopwords)
    )


def test_a_words_trie_matches_where_the_longest_first_alternation_does():
    import random
    import re

    from bot.understanding.lexicon import load_lexicon
    from bot.understanding.text import words_pattern

    lexicon = load_lexicon()
    questions = DEFAULT_LEDGER_FILE.read_text(encoding="utf-8").splitlines()
    rng = random.Random(7)
    for words in (
        lexicon.synonyms,
        lexicon.stopwords,
        lexicon.subjects,
        ["ab", "abc", "a.c", "b"],
    ):
        words = sorted(set(words), key=len, reverse=True)
        plain, trie = re.compile("|".join(map(re.escape, words))), words_pattern(words)
        # Texts made of the words themselves, glued and cut, besides the ledger's lines.
        texts = questions + [
            "".join(rng.sample(words, min(4, len(words))))[1:] for _ in range(300)
        ]
        for text in texts:
            assert [m.span() for m in trie.finditer(text)] == [
                m.span() for m in plain.finditer(text)
            ], text
            assert trie.sub("_", text) == plain.sub("_", text)
    assert words_pattern([]) is None


def test_filler_that_a_word_before_it_closes_is_found_as_the_look_ahead_finds_it():
    # 目前 is no filler where 目 ends 项目 ("项目前期"); the look-behind inside the trie keeps
    # every branch opening with a character, which lets `re` skip places no filler starts.
    import random
    import re

    from bot.understanding.lexicon import load_lexicon
    from bot.understanding.text import FILLER_STRADDLED, _stopword_pattern, words_pattern

    stopwords = load_lexicon().stopwords
    closing = "|".join(f"(?<={re.escape(w[:-1])}){re.escape(w[-1])}" for w in FILLER_STRADDLED)
    looked_ahead = re.compile(f"(?!{closing}){words_pattern(stopwords).pattern}")
    pattern = _stopword_pattern(frozenset(stopwords))
    assert pattern.pattern[:3] == "(?:" and not pattern.pattern.startswith("(?!")
    lines = DEFAULT_LEDGER_FILE.read_text(encoding="utf-8").splitlines()
    chars = sorted({ch for word in stopwords for ch in word} | set("项目工作的"))
    rng = random.Random(5)
    texts = ["项目前期工作做得怎么样", "目前重点项目完成投资多少", "项目目前", *lines]
    texts += ["".join(rng.choices(chars, k=rng.randint(1, 12))) for _ in range(20_000)]
    for text in texts:
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in looked_ahead.finditer(text)
        ], text
    assert [m.span() for m in pattern.finditer("项目前期，目前")] == [(5, 7)]
    for words in (["目前", "前"], ["", "目"]):  # an empty word: the plain alternation
        plain = re.compile(f"(?!(?<=项)目){'|'.join(sorted(words, key=len, reverse=True))}")
        trie = words_pattern(words, not_closing=("项目",))
        for text in ("项目前", "目前", "a项目", "项目"):
            assert [m.span() for m in trie.finditer(text)] == [
                m.span() for m in plain.finditer(text)
            ]


def test_halves_written_apart_and_ascii_words_are_found_as_their_patterns_find_them():
    import random
    import re

    from bot.understanding.text import ascii_word_in, written_apart

    lines = DEFAULT_LEDGER_FILE.read_text(encoding="utf-8").lower().splitlines()
    rng = random.Random(11)
    pieces = ["食品", "安全", "药品", "，", " ", "\n", "一般", "、", "gdp", "r", "pm2.5", "5", "x"]
    texts = lines + ["".join(rng.choices(pieces, k=rng.randint(1, 9))) for _ in range(3000)]
    for head, tail in (("食品", "安全"), ("财政", "收入"), ("一般", "一般")):
        pattern = re.compile(re.escape(head) + r"[^\s，,。；;、]{1,4}" + re.escape(tail))
        for text in texts:
            assert written_apart(text, head, tail) == bool(pattern.search(text)), text
    for word in ("gdp", "pm2.5", "r"):
        pattern = re.compile(rf"(?<![a-z]){re.escape(word)}(?![a-z])")
        for text in texts:
            assert ascii_word_in(text, word) == bool(pattern.search(text)), text


def test_a_status_is_found_by_its_words_or_forms_where_any_status_finds_it():
    import random

    from bot.understanding.list_cues import ANY_STATUS, STATUS_FORM, STATUS_WORD, STATUS_WORDS

    words = [w for _, found in STATUS_WORDS for w in found]
    pieces = [
        *words,
        "没",
        "有",
        "数据",
        "进展",
        "正在",
        "推进",
        "完成",
        "了",
        "吗",
        "的",
        "新增贷款",
    ]
    rng = random.Random(5)
    texts = DEFAULT_LEDGER_FILE.read_text(encoding="utf-8").splitlines()
    texts += ["".join(rng.choices(pieces, k=rng.randint(1, 5))) for _ in range(3000)]
    for text in texts:
        assert bool(STATUS_WORD.search(text) or STATUS_FORM.search(text)) == bool(
            ANY_STATUS.search(text)
        ), text


def test_words_are_blanked_as_their_alternation_blanks_them():
    import random
    import re

    from bot.understanding.lexicon import load_lexicon
    from bot.understanding.text import blank_words

    subjects = list(load_lexicon().subjects)
    assert subjects and all(subjects)  # `blank_words` takes non-empty words only
    rng = random.Random(7)
    pieces = ["养老", "老人", "养", "老", "人", "医院", "a.b", "(", "高铁", " ", "站"]
    texts = ["".join(rng.choices(pieces, k=rng.randint(0, 8))) for _ in range(2000)]
    lists = [["养老", "老人"], ["老人", "养老"], ["养", "养老"], ["a.b", "("], subjects[:5]]
    for words in lists:
        pattern = re.compile("|".join(map(re.escape, words)))
        for text in texts:
            assert blank_words(text, words) == pattern.sub(" ", text), (words, text)
