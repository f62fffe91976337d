"""The scoring shortcuts give what the plain computation gives: the gap test without a
regex, the leading candidates under a bound, and what is kept per ledger state."""

import dataclasses
import random
import re

import pytest

from bot.config import PROJECT_ROOT
from bot.understanding.candidates import Candidate, Reason, candidate
from bot.understanding.evaluation import load_eval_set
from bot.understanding.lexicon import load_lexicon
from bot.understanding.matching import LedgerIndex
from bot.understanding.phrase_hits import _gapped

TRAINING = PROJECT_ROOT / "tests" / "data" / "questions.jsonl"


@pytest.fixture(scope="module")
def index(ledger_2020):
    return LedgerIndex(ledger_2020, load_lexicon())


def _regex_gapped(text: str, first: str, second: str) -> bool:
    pattern = re.escape(first) + r"[^\n\s]{1,2}" + re.escape(second)
    return re.search(pattern, text) is not None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("国家储备林", True),  # 国 … 储: two characters between
        ("国储林", False),  # nothing between is not a gap
        ("国家\n储备", False),  # a line break between is not one text
        ("国 储", False),  # nor a space
        ("国\u3000家储", False),  # nor a full-width space
        ("国家家家储", False),  # three between is too many
        ("国储 国家储", True),  # a later occurrence counts
        ("国家", False),
    ],
)
def test_the_gap_test_finds_one_or_two_characters_between(text, found):
    assert _gapped(text, "国", "储") is found
    assert _regex_gapped(text, "国", "储") is found


def test_the_gap_test_agrees_with_its_regex_on_any_text():
    rng = random.Random(11)
    alphabet = "ab \n\tx\u3000\u00a0储国"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        first, second = rng.sample("abx储国", 2)
        assert _gapped(text, first, second) == _regex_gapped(text, first, second), text


def test_the_leading_candidates_under_a_limit_are_those_of_the_full_scoring(index):
    """The bound that stops building candidates early never drops one of the leading."""
    questions = [item["q"] for item in load_eval_set(TRAINING)]
    for question in questions:
        full = index.score(question)
        for limit in (1, 5):
            leading = index.score(question, limit=limit)[:limit]
            assert leading == full[:limit], question


class _EagerBounds(LedgerIndex):
    """Every row's fuzzy bound worked out before any candidate is built, whatever the limit."""

    LAZY_BOUNDS_UP_TO = 0


def test_bounds_worked_out_lazily_build_the_same_candidates_in_the_same_order(ledger_2020):
    """A fuzzy bound worked out only when its row's loose bound comes first changes neither
    which candidates are built nor their order: the whole list, not only the leading one."""
    lazy, eager = (
        LedgerIndex(ledger_2020, load_lexicon()),
        _EagerBounds(ledger_2020, load_lexicon()),
    )
    assert lazy.LAZY_BOUNDS_UP_TO >= 1
    questions = [item["q"] for item in load_eval_set(TRAINING)]
    for question in questions:
        for part in (question, *re.split("和|及|、", question)):
            if part:
                assert lazy.score(part, limit=1) == eager.score(part, limit=1), part


def test_an_abbreviation_gap_follows_the_ledger_through_a_refresh(ledger_2020):
    """What a gap found is kept per ledger state: a target that goes takes its gaps along."""
    index = LedgerIndex(ledger_2020, load_lexicon())
    best = index.score("国储林完成没")[0]
    assert any(r.kind == "gap" and r.text == "国储" for r in best.reasons)
    others = tuple(t for t in ledger_2020.targets if t.number != best.number)
    index.update(dataclasses.replace(ledger_2020, targets=others))
    scored = index.score("国储林完成没")
    assert not any(r.kind == "gap" and r.text == "国储" for c in scored for r in c.reasons)
    index.update(ledger_2020)
    assert index.score("国储林完成没")[0].reasons == best.reasons


def test_a_phrase_short_of_its_share_of_the_question_never_reaches_a_ratio_of_75(index):
    """`explaining._shares`: a phrase with fewer of its characters in the question than the
    share asks for is skipped without an alignment; none of those would have reached 75."""
    from rapidfuzz import fuzz

    from bot.understanding.explaining import _shares
    from bot.understanding.text import mask_stopwords, normalize

    phrases = sorted({p for doc in index.docs.values() for p in doc.fuzzy})
    questions = [normalize(i["q"]) for i in load_eval_set(TRAINING)][::4]
    skipped = 0
    for q in (mask_stopwords(q, index.lexicon.stopwords) for q in questions):
        for phrase in phrases:
            loose, strict = _shares(phrase)
            shared = len(set(phrase) & set(q))
            if shared < (strict if len(phrase) < len(q) else loose):
                skipped += 1
                assert fuzz.partial_ratio_alignment(phrase, q, score_cutoff=75) is None
            if len(set(phrase)) == len(phrase) < len(q):  # the bound `_fuzzy_bound` uses
                bound = 200 * shared / (len(phrase) + shared)
                assert fuzz.partial_ratio(phrase, q) <= bound + 1e-9, (phrase, q)
    assert skipped > 1000


def test_what_is_kept_per_ledger_state_follows_every_change(ledger_2020):
    """An index that has answered questions (its parts, norms, reasons, slips and phrase
    hits kept), then re-indexed after changes, scores as an index built fresh on the new
    ledger: nothing kept outlives the ledger state it was worked out for."""
    questions = [item["q"] for item in load_eval_set(TRAINING)][::3]
    index = LedgerIndex(ledger_2020, load_lexicon())
    for question in questions:
        index.score(question, limit=5)
    first, second = ledger_2020.targets[0], ledger_2020.targets[1]
    changed = (
        dataclasses.replace(first, aliases=(*first.aliases, "新增贷款"), progress_text="已完成。"),
        *ledger_2020.targets[2:],  # the second target goes
    )
    for ledger in (dataclasses.replace(ledger_2020, targets=changed), ledger_2020):
        index.update(ledger)
        fresh = LedgerIndex(ledger, load_lexicon())
        for question in questions:
            assert index.score(question, limit=5)[:5] == fresh.score(question, limit=5)[:5]
    assert second.number in index.docs


def test_an_update_re_indexes_only_the_targets_whose_texts_changed(ledger_2020):
    """The same target objects handed again, equal copies of them, or a new status are no
    change to the index; a new alias is, for that target only."""
    index = LedgerIndex(ledger_2020, load_lexicon())
    assert index.update(ledger_2020) == set()
    first = ledger_2020.targets[0]
    copies = tuple(dataclasses.replace(t) for t in ledger_2020.targets)
    assert index.update(dataclasses.replace(ledger_2020, targets=copies)) == set()
    others = ledger_2020.targets[1:]
    status = dataclasses.replace(first, status_override="已完成")
    assert index.update(dataclasses.replace(ledger_2020, targets=(status, *others))) == set()
    alias = dataclasses.replace(first, aliases=(*first.aliases, "鹊桥驿站"))
    assert index.update(dataclasses.replace(ledger_2020, targets=(alias, *others))) == {
        first.number
    }
    assert index.score("鹊桥驿站")[0].number == first.number


def test_a_target_holds_a_lexicon_key_alone_as_among_all_its_holders(index):
    """`_holds_key` (a big ledger's leading rows, one by one) agrees with `_holders_of` (all
    of a key's holders, worked out ahead on a small ledger) for every key and target."""
    held = 0
    for key in index._expansions:
        holders = index._holders_of(key)
        for number in index.docs:
            assert index._holds_key(key, number) == (number in holders), (key, number)
        held += len(holders)
    assert held > 100


def _phrase_score(index: LedgerIndex, question: str, number: int, phrase: str) -> float:
    best = next(c for c in index.score(question) if c.number == number)
    return sum(r.score for r in best.reasons if r.kind == "phrase" and r.text == phrase)


def test_a_phrase_other_targets_write_is_shared_with_them():
    """An indicator named 筛查 names its target no more than the texts that write 筛查 name
    theirs: the phrase's worth is shared among every target that holds or writes it."""
    from bot.domain.ledger import IndicatorSpec, TargetSpec
    from tests.auxil.ledgers import small_ledger

    screening = TargetSpec(
        1, "两癌筛查", "社会事业", "完成两癌筛查0.8万人。",
        indicators=(IndicatorSpec(name="筛查", target="0.8", unit="万人"),),
    )  # fmt: skip
    others = [TargetSpec(n, f"道路{n}", "城乡建设", f"修建道路{n}公里。") for n in (3, 4, 5, 6)]
    lung = TargetSpec(2, "慢阻肺防治", "社会事业", "完成慢阻肺筛查6.63万人次。")
    alone = LedgerIndex(small_ledger(2021, screening, *others), load_lexicon())
    shared = LedgerIndex(small_ledger(2021, screening, lung, *others), load_lexicon())
    question = "筛查做了多少人"
    assert _phrase_score(alone, question, 1, "筛查") > 0
    assert _phrase_score(shared, question, 1, "筛查") < 0.6 * _phrase_score(
        alone, question, 1, "筛查"
    )


def _roads(*numbers: int):
    from bot.domain.ledger import TargetSpec

    return [TargetSpec(n, f"道路{n}", "城乡建设", f"修建道路{n}公里。") for n in numbers]


def test_a_word_the_lexicon_reads_is_not_also_an_abbreviation_gap():
    """产值 is read by the lexicon (生产总值, 增加值…): it is not also a gap of 生产总值."""
    from bot.domain.ledger import TargetSpec
    from tests.auxil.ledgers import small_ledger

    lexicon = load_lexicon()
    assert "产值" in lexicon.synonyms
    gdp = TargetSpec(1, "地区经济", "经济发展", "地区生产总值增长6%。")
    index = LedgerIndex(small_ledger(2021, gdp, *_roads(2, 3, 4, 5, 6)), lexicon)
    reasons = next(c for c in index.score("产值涨了没") if c.number == 1).reasons
    assert not any(r.kind == "gap" for r in reasons)
    assert any(r.kind == "lexicon" for r in reasons)


def test_a_bigram_cut_out_of_a_word_the_lexicon_reads_weighs_less():
    """总量 of 经济总量 (read as 生产总值) is not the 总量 of an energy target's text."""
    from bot.domain.ledger import TargetSpec
    from tests.auxil.ledgers import small_ledger

    lexicon = load_lexicon()
    assert "经济总量" in lexicon.synonyms
    energy = TargetSpec(1, "能源消费", "生态环境", "能源消费总量控制在100万吨以内。")
    gdp = TargetSpec(2, "生产总值", "经济发展", "生产总值增长6%。")
    index = LedgerIndex(small_ledger(2021, energy, gdp, *_roads(3, 4, 5, 6)), lexicon)
    scored = index.score("经济总量涨了没")
    assert scored[0].number == 2
    alone = next(c for c in index.score("总量涨了没") if c.number == 1)
    within = next(c for c in scored if c.number == 1)
    assert within.score < 0.7 * alone.score


def test_a_bigram_across_the_edge_of_a_word_the_lexicon_reads_is_no_gap():
    """村困 of 农村困难户 runs across 困难户 (a lexicon word): not an abbreviation of 农村特困."""
    from bot.domain.ledger import TargetSpec
    from tests.auxil.ledgers import small_ledger

    lexicon = load_lexicon()
    assert "困难户" in lexicon.synonyms
    care = TargetSpec(1, "特困供养", "民生保障", "提高农村特困人员供养标准。")
    index = LedgerIndex(small_ledger(2021, care, *_roads(2, 3, 4, 5, 6)), lexicon)
    reasons = next(c for c in index.score("农村困难户的保障线") if c.number == 1).reasons
    assert not any(r.kind == "gap" for r in reasons)
    assert any(r.kind == "lexicon" for r in reasons)


def test_a_candidate_made_without_init_is_the_dataclass_s_own(index):
    reasons = (Reason("bm25", "贷款", "text", 1.5),)
    fields = (7, "新增贷款", 1.5, reasons, 0.25)
    made, plain = candidate(*fields), Candidate(*fields)
    assert made == plain and hash(made) == hash(plain) and repr(made) == repr(plain)
    assert vars(made) == vars(plain) and list(vars(made)) == list(vars(plain))
    assert dataclasses.asdict(made) == dataclasses.asdict(plain)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.score = 2.0
    scored = index.score("新增贷款完成了吗")
    assert all(type(c) is Candidate for c in scored)
