"""A big ledger's shortcuts (what its build works out ahead, the first pass's selection)
give what the plain computation gives, to the bit."""

import random

import pytest

from bench.synthetic import synthetic_ledger, synthetic_questions
from bot.config import PROJECT_ROOT
from bot.understanding.evaluation import load_eval_set
from bot.understanding.lexicon import load_lexicon
from bot.understanding.matching import LedgerIndex
from bot.understanding.scoring import SMALL_LEDGER

TRAINING = PROJECT_ROOT / "tests" / "data" / "questions.jsonl"


@pytest.fixture(scope="module")
def ledger():
    return synthetic_ledger(SMALL_LEDGER + 200)


@pytest.fixture(scope="module")
def questions(ledger):
    real = [item["q"] for item in load_eval_set(TRAINING)]
    return synthetic_questions(ledger, 150) + random.Random(5).sample(real, 150)


def _plain(index: LedgerIndex) -> LedgerIndex:
    """The index with nothing worked out ahead: every figure made on first use."""
    index._forget_figures()
    for doc in index.docs.values():
        doc.fuzzy_bits = None
    return index


def test_the_parts_worked_out_at_build_are_those_of_each_token(ledger):
    index = LedgerIndex(ledger, load_lexicon())
    assert index._bulk is not None
    avgdl = index.total_length / index.count
    ahead = {token: index._bm25_parts(token, avgdl) for token in index.postings}
    plain = _plain(index)
    assert index._bulk is None
    for token, parts in ahead.items():
        again = plain._bm25_parts(token, avgdl)
        assert [a.tobytes() for a in parts] == [b.tobytes() for b in again], token
        assert [a.dtype for a in parts] == [b.dtype for b in again], token


def test_a_big_ledger_scores_as_it_would_with_nothing_worked_out_ahead(ledger, questions):
    ahead = LedgerIndex(ledger, load_lexicon())
    plain = _plain(LedgerIndex(ledger, load_lexicon()))
    for question in questions:
        assert ahead.score(question, limit=5)[:5] == plain.score(question, limit=5)[:5]
        assert ahead.score(question) == plain.score(question), question
