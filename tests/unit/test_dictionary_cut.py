"""The dictionary cut read from jieba's file puts words where jieba's own cut (no HMM) does,
and a whole-word check never imports jieba."""

import subprocess
import sys

import pytest

from bot.config import PROJECT_ROOT
from bot.understanding.dictionary_cut import JiebaDictionary, jieba_dictionary, word_spans
from bot.understanding.tokenizer import make_tokenizer

TEXTS = [
    "预算执行情况",
    "银行情况通报",
    "今年苹果行情怎么样",
    "新增贷款执行情况",
    "PM2.5年均浓度降到35ug/m3以下",
    "AT&T和c++的B超检查",  # words the file writes twice (B超) or out of order (c#, C#)
    "吉林工业大学江南style高富帅",
    "iPhone12手机 abc 123\r\nx  y",
    "全县完成造林1.2万亩，占任务的104%。",
    "",
    "  中 国 ",
]


@pytest.fixture(scope="module")
def jieba_cut():
    tokenizer = make_tokenizer()
    return lambda text: [(a, b) for _, a, b in tokenizer.tokenize(text, HMM=False)]


@pytest.mark.parametrize("text", TEXTS)
def test_words_fall_where_jiebas_own_cut_puts_them(text, jieba_cut):
    assert word_spans(text) == jieba_cut(text)


def test_the_report_is_cut_as_jieba_cuts_it(jieba_cut):
    report = (PROJECT_ROOT / "data" / "sources" / "report_2020.txt").read_text(encoding="utf-8")
    lines = [line for line in report.splitlines() if line.strip()]
    assert [word_spans(line) for line in lines] == [jieba_cut(line) for line in lines]


def test_frequencies_add_up_as_jieba_counts_them():
    tokenizer = make_tokenizer()
    dictionary = jieba_dictionary()
    assert dictionary.total == tokenizer.total
    frags = ("情况", "执行", "B超", "吉林工业大学", "吉林工业", "c#", "执行情", "江南Style", "吉")
    for frag in frags:
        assert dictionary.entry(frag) == tokenizer.FREQ.get(frag)


def test_tags_are_those_of_each_words_last_line():
    dictionary = jieba_dictionary()
    last = {}  # word -> tag of the file's last line for it, read line by line (as jieba reads)
    for line in dictionary._raw.decode().splitlines():
        word, *rest = line.split(" ")
        last[word] = rest[1] if len(rest) > 1 else ""
    words = list(last)
    twice = [w for w in ("B超", "c#", "C#") if w in last]
    sample = [words[0], words[-1], *words[:: len(words) // 400], *twice]
    for word in sample:
        assert dictionary.tag(word) == last[word], word
    for text in ("吉林工业", "执行情", "不是一个词语吧", "长江" + "。"):
        assert dictionary.tag(text) == last.get(text, "")
    # A word written twice (the file's one, B超, twice alike): its last line is read.
    small = JiebaDictionary("中 5 n\n中国 9 ns\n中国 7 nz\n中国人 2 n\n中 4 v\n".encode())
    assert (small.tag("中国"), small.entry("中国")) == ("nz", 7)
    assert (small.tag("中"), small.entry("中"), small.tag("国")) == ("v", 4, "")


def test_a_whole_word_check_never_imports_jieba():
    script = (
        "import sys\n"
        "from bot.understanding.word_bounds import is_one_word, written_as_word\n"
        "assert not written_as_word('新增贷款执行情况', '行情') and is_one_word('行情')\n"
        "assert 'jieba' not in sys.modules and 'pkg_resources' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", script], cwd=PROJECT_ROOT, check=True)
