"""Gated cue patterns (bot.understanding.gates): the characters every match holds, and the
same results as the plain pattern on every text, gate passed or not."""

import re

import pytest

from bot.config import PROJECT_ROOT
from bot.understanding import cues, list_cues, rankings
from bot.understanding.evaluation import load_eval_set
from bot.understanding.gates import GatedPattern, gate_chars, gated
from bot.understanding.text import normalize

TRAINING = PROJECT_ROOT / "tests" / "data" / "questions.jsonl"
GATED = {
    f"{module.__name__}.{name}": value
    for module in (cues, list_cues, rankings)
    for name, value in vars(module).items()
    if isinstance(value, GatedPattern)
}


def test_each_alternative_gives_one_character_it_cannot_match_without():
    assert gate_chars(re.compile("使用说明|帮助")) == {"使", "帮"}
    # An inner alternation counts as the characters of its alternatives together.
    assert gate_chars(re.compile(r"(?:能|可以)帮\s*我")) == {"帮"}
    assert gate_chars(re.compile(r"第(?:一|二)项?")) == {"第"}
    assert gate_chars(re.compile(r"^[0-9]+$")) == set("0123456789")


@pytest.mark.parametrize(
    "pattern",
    [r"a?|b", r"[^a]", r"\d+", r"(?i)help", r"x*", r"(?=a)|b", r"[一-龥]", r"(?i:a)b?"],
)
def test_no_gate_where_a_match_may_hold_any_character(pattern):
    assert gate_chars(re.compile(pattern)) is None
    assert isinstance(gated(pattern), re.Pattern)


def test_a_gate_of_grammar_characters_is_avoided_where_the_pattern_allows():
    # 哪 is in nearly every list question: 超 or 突 says more.
    assert gate_chars(re.compile(r"哪些(?:超过|突破)")) == {"超", "突"}


@pytest.mark.parametrize("name", sorted(GATED))
def test_a_gated_cue_finds_what_its_pattern_finds(name):
    cue = GATED[name]
    plain = cue.compiled
    texts = [normalize(item["q"]) for item in load_eval_set(TRAINING)]
    texts += ["", "第3项", "帮我起草一份总结", "哪些滞后了", "12月底前"]
    texts += sorted(gate_chars(plain))  # each gate character alone
    for text in texts:
        found, expected = cue.search(text), plain.search(text)
        assert (found and found.span()) == (expected and expected.span()), text
        found, expected = cue.match(text), plain.match(text)
        assert (found and found.span()) == (expected and expected.span()), text
        assert [m.span() for m in cue.finditer(text)] == [m.span() for m in plain.finditer(text)]
        assert cue.sub(" ", text) == plain.sub(" ", text)
        assert cue.split(text) == plain.split(text)


def test_the_costly_cues_are_gated():
    # The cues with no common first character that every list or target question runs.
    for cue in (cues.HELP, cues.NUMBER_REF, cues.SUMMARY, list_cues.ANY_STATUS):
        assert isinstance(cue, GatedPattern)
        assert len(gate_chars(cue.compiled)) <= 60  # of the thousands a question may hold
