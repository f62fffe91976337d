"""The field lexicon holds field knowledge only: no entry exists for one ledger's target."""

import tomllib
from pathlib import Path

import pytest

from bench.drafting import tuned_on
from bot.drafting.drafter import draft_ledger, guess_year
from bot.drafting.report_text import ReportFormatError, parse_report
from bot.understanding.lexicon import DEFAULT_LEXICON, foreign_keys, load_lexicon
from bot.understanding.text import normalize

REPORTS = Path(__file__).resolve().parent.parent / "data" / "reports"
MIN_TARGETS = 2


@pytest.fixture(scope="module")
def raw():
    return tomllib.loads(DEFAULT_LEXICON.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def target_texts(ledger_2020):
    """Every target the project may be tuned on, by (ledger, number): its own texts, never
    its aliases. A held-out report is no evidence for the lexicon (nobody may tune on it), and
    one may be the 2020 ledger's own county and year, its targets the same ones again."""
    ledgers = {"2020": ledger_2020}
    for path in sorted(REPORTS.glob("*/report.txt")):
        if not tuned_on(path.parent) or _same_as_seed(path.parent):
            continue
        text = path.read_text(encoding="utf-8")
        try:
            parsed = parse_report(text)
        except ReportFormatError:
            continue  # a report the drafter refuses has no targets to bear anything out
        ledgers[path.parent.name] = draft_ledger(parsed, guess_year(text))
    assert len(ledgers) >= 3
    return {
        (name, t.number): normalize(
            " ".join([t.title, t.target_text, t.progress_text, *(i.name for i in t.indicators)])
        )
        for name, ledger in ledgers.items()
        for t in ledger.targets
    }


def _same_as_seed(folder: Path) -> bool:
    """A folder holding the seed county's own targets again bears out nothing twice."""
    return "not independent" in (folder / "SOURCE.md").read_text(encoding="utf-8")


def _targets_using(words, texts) -> set:
    return {key for key, text in texts.items() for w in words if normalize(w) in text}


def test_every_synonym_is_borne_out_by_two_targets(raw, target_texts):
    lonely = {
        word: sorted(_targets_using(values, target_texts))
        for word, values in raw["synonyms"].items()
        if len(_targets_using(values, target_texts)) < MIN_TARGETS
    }
    assert not lonely, f"ledger knowledge in the field lexicon (make these aliases): {lonely}"


def test_every_topic_groups_two_targets(raw, target_texts):
    for name, topic in raw["topics"].items():
        assert topic["asked"] and topic["words"], name
        assert len(_targets_using(topic["words"], target_texts)) >= MIN_TARGETS, name


def test_every_abbreviation_states_its_meaning(raw):
    for word, entry in raw["abbreviations"].items():
        assert entry["means"].strip() and entry["words"], word


def test_no_entry_names_a_place_or_firm_of_a_ledger(raw):
    # The county's places and firms are ledger knowledge, whatever the year.
    proper = ("西平", "泌阳", "驻马店", "洪河", "腾云", "苍南", "灵溪", "泰顺", "罗阳", "温州")
    words = list(raw["synonyms"]) + [w for v in raw["synonyms"].values() for w in v]
    words += list(raw["abbreviations"])
    words += [w for t in raw["topics"].values() for w in t["asked"] + t["words"]]
    assert not [w for w in words if any(p in w for p in proper)]


def test_a_target_only_entry_fails_the_check(target_texts):
    # The check above can fail: an entry for one 2020 target is caught.
    assert len(_targets_using(["腾云气体"], target_texts)) < MIN_TARGETS


def test_loaded_lexicon_merges_abbreviations_and_synonyms():
    lexicon = load_lexicon()
    assert "固定资产投资" in lexicon.synonyms["固投"]
    assert lexicon.abbreviations["固投"] == "全社会固定资产投资"
    assert "医院" in lexicon.synonyms["看病"]
    assert {t.name for t in lexicon.topics} >= {"养老", "医疗卫生", "教育", "就业", "金融"}
    assert "的" in lexicon.stopwords and "天气" in lexicon.out_of_scope_cues


def test_no_out_of_scope_cue_holds_a_blank():
    """`ScopeChecks._out_of_scope` looks for cues with a ledger's phrases blanked out only
    when the question holds one as it is: true only while no cue holds a blank."""
    lexicon = load_lexicon()
    assert not [cue for cue in lexicon.out_of_scope_cues if any(ch.isspace() for ch in cue)]


def test_a_latin_abbreviation_is_written_as_its_meaning_brackets_it():
    from bot.understanding.lexicon import written_abbreviation

    # The lexicon lower-cases Latin keys for matching; a drafted title must not show "rd".
    assert written_abbreviation("rd", "研究与试验发展（R&D）经费") == "R&D"
    assert written_abbreviation("gdp", "地区生产总值") == "GDP"
    assert written_abbreviation("固投", "固定资产投资") == "固投"


def test_a_word_inside_a_longer_key_that_reads_otherwise_is_that_key():
    readings = {
        "学校": ("学校", "中小学", "大学"),
        "大学生": ("毕业生", "高校毕业生"),  # a graduate: reads nothing of 学校's
        "老年大学": ("老年教育",),  # 大学 is its head: a 老年大学 is a university
        "工厂": ("企业", "工业"),
        "工业企业": ("工业增加值", "企业"),  # reads 企业 too: no other meaning than 工厂's
    }
    foreign = foreign_keys(readings)
    assert foreign["学校"] == {"大学": ("大学生",)}
    assert "工厂" not in foreign
