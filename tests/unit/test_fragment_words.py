"""The lexicon's longer words holding a token, looked up by its bigram, are the words a scan of
the whole lexicon finds: the out-of-scope check on lexicon fragments gives the same verdict."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.config import PROJECT_ROOT
from bot.understanding.answering import Answerer
from bot.understanding.cues import lexicon_and_characters
from bot.understanding.evaluation import load_eval_set
from bot.understanding.lexicon import load_lexicon

DATA = PROJECT_ROOT / "tests" / "data"


@pytest.fixture(scope="module")
def answerer(ledger_2020):
    return Answerer(
        ledger_2020, load_lexicon(), today=dt.date(2020, 10, 20), tz=ZoneInfo("Asia/Shanghai")
    )


def _scanned(answerer: Answerer, candidate) -> bool:
    """`_only_fragments` as every lexicon word tested against every token."""
    reasons, words = candidate.reasons, answerer._lexicon_words
    tokens = {r.text for r in reasons if r.kind == "lexicon"}
    if not lexicon_and_characters(candidate) or tokens & words:
        return False
    if candidate.number not in answerer.index.docs:
        return False
    text = answerer.index.docs[candidate.number].text
    return not any(w in text for w in words if len(w) > 2 and any(t in w for t in tokens))


def test_the_bigram_table_holds_each_longer_word_under_each_of_its_bigrams(answerer):
    table = answerer._longer_words_by_bigram
    for word in answerer._lexicon_words:
        for i in range(len(word) - 1):
            assert (word in table.get(word[i : i + 2], ())) is (len(word) > 2), word


def test_fragments_alone_give_the_verdict_a_scan_of_the_lexicon_gives(answerer):
    fragments = 0
    for name in ("questions.jsonl", "questions_dev_2020.jsonl", "questions_dev2_2020.jsonl"):
        for item in load_eval_set(DATA / name):
            for candidate in answerer.index.score(item["q"]):
                found = answerer._only_fragments(candidate)
                assert found == _scanned(answerer, candidate), item["q"]
                fragments += found
    assert fragments > 0  # some candidates are explained by fragments alone
