"""A table of places (one row a county, its figures in unit-less cells): how leaders name a
place and quote its figures. Spoken figures ("三点二个亿"), a cell's number as written, a
padded two-character name ("安  县"), a draft's placeholder title ("目标5"), an abbreviation
the leader spells out (经开区 said as 经济技术开发区)."""

import datetime as dt
from decimal import Decimal

import pytest

from bot.domain.ledger import IndicatorSpec, LedgerSpec, TargetSpec
from bot.understanding.figures import (
    as_written,
    bare_cells,
    common_unit_pattern,
    figures_in,
    written_token,
)
from bot.understanding.ledger_texts import lead_mention, place_of, title_words, unpadded
from bot.understanding.lexicon import load_lexicon
from bot.understanding.matching import LedgerIndex
from bot.understanding.text import normalize
from tests.auxil.ledgers import answerer_on, small_ledger


def _row(number: int, title: str, cells: str, rate: str) -> TargetSpec:
    place = cells.split(" | ")[0]
    return TargetSpec(
        number,
        title,
        "重点项目",
        cells,
        indicators=(IndicatorSpec(place, rate, "%"),),
    )


PLACES = LedgerSpec(
    year=2021,
    title="重点项目完成情况（单位：亿元）",
    preamble=(
        "一季度,全市重点项目完成投资80.2亿元。北坡县石门大桥建设项目、经开区"
        "光伏组件生产线建设项目等12个项目已开工建设,南岭县完成投资59%。"
    ),
    targets=(
        _row(1, "东阳区重点项目", "东阳区 | 88.6 | 21.4 | 19.7 | 92% |", "92"),
        _row(2, "北坡县重点项目", "北坡县 | 40.2 | 8.8 | 9.6 | 109% |", "109"),
        _row(3, "南岭县重点项目", "南岭县 | 36.5 | 7.1 | 4.2 | 59% |", "59"),
        _row(4, "经开区重点项目", "经开区 | 51.0 | 9.3 | 10.4 | 112% |", "112"),
        _row(5, "目标5", "安  县 | 27.9 | 6.4 | 6.9 | 108% |", "108"),
        _row(6, "西河县重点项目", "西河县 | 30.3 | 6.0 | 6.3 | 105% |", "105"),
    ),
)


@pytest.fixture(scope="module")
def places():
    return answerer_on(PLACES, dt.date(2021, 3, 31))


def test_spoken_decimals_and_magnitudes_are_figures():
    pattern = common_unit_pattern()
    assert figures_in("三点二个亿", pattern) == [(Decimal("320000000.0"), "", (0, 5))]
    assert figures_in("两个亿", pattern)[0][0] == Decimal("200000000")
    assert figures_in("干了7个亿", pattern)[0][0] == Decimal("700000000")
    assert figures_in("两个人", pattern) == []  # 两 alone with a measure word is a word


def test_unit_less_cells_are_indexed_as_written():
    cells = bare_cells("北坡县 | 40.2 | 8.8 | 9.60 | 109% | 2021年 | 1-3月", common_unit_pattern())
    assert cells == {written_token("40.2"), written_token("8.8"), written_token("9.6")}
    assert as_written("四点二个亿", (0, 5)) == written_token("4.2")


def test_a_quoted_cell_names_its_row(places):
    """南岭县's quarter: 7.1 planned, 4.2 done; the leader quotes both, in words."""
    assert places.ask("南岭那边目标七点一个亿只干了四点二个亿咋回事").targets[0] == 3
    assert places.ask("一季度干了10.4个亿的那个").targets[0] == 4


def test_a_padded_name_is_one_word(places):
    assert unpadded("安  县 | 27.9") == "安 县 | 27.9".replace("安 县", "安县")
    assert unpadded("项目 建设") == "项目 建设"  # words of two characters are no padding
    assert places.ask("安县一季度完成多少").targets[0] == 5


def test_a_placeholder_title_is_no_word_of_the_target(places):
    assert title_words("目标5") == ""
    assert title_words("目标任务") == "目标任务"
    answer = places.ask("东阳区一季度目标任务完成多少")
    assert answer.targets[0] == 1
    assert 5 not in answer.targets[:2]


def test_a_project_the_lead_names_beside_a_place_is_that_places(places):
    assert places.ask("石门大桥建设项目").targets[0] == 2
    assert places.ask("光伏组件生产线那个项目").targets[0] == 4
    # The lead's own words (建设项目, said of every place) are no place's.
    assert lead_mention(normalize(PLACES.preamble), PLACES.targets[1]) == "石门大桥"
    assert lead_mention(normalize(PLACES.preamble), PLACES.targets[2]) == ""  # a figure follows


def test_an_abbreviation_spelled_out_names_its_target(places):
    assert places.ask("经济技术开发区一季度投资").targets[0] == 4


LEVELLED = small_ledger(
    2021,
    TargetSpec(
        1,
        "省市县重点项目",
        "重点项目",
        "全县省市县重点项目共24项,其中省级4项、市级6项、县级14项,总投资80亿元。",
    ),
    TargetSpec(2, "省级", "重点项目", "省级4项,当年计划投资9亿元。"),
    TargetSpec(3, "市级", "重点项目", "市级6项,当年计划投资12亿元。"),
    TargetSpec(4, "县级", "重点项目", "县级14项,当年计划投资15亿元。"),
    TargetSpec(5, "就业提升工程", "民生实事", "实施就业提升工程,新增就业5000人。"),
    TargetSpec(6, "湘南州老旧小区", "民生实事", "湘南州:85个;开工改造老旧小区。"),
    TargetSpec(7, "北江市老旧小区", "民生实事", "北江市:60个;开工改造老旧小区。"),
    TargetSpec(8, "县本级项目", "重点项目", "县本级 | 12.0 | 3.1 | 2.9 |"),
    title="重点项目和民生实事",
)


@pytest.fixture(scope="module")
def levelled():
    return answerer_on(LEVELLED, dt.date(2021, 6, 30))


def test_a_level_said_by_its_character_names_that_level(levelled):
    assert levelled.ask("县重点").targets[0] == 4
    assert levelled.ask("全县重点项目").targets[0] == 1  # the asker's whole place
    assert levelled.ask("县里所有重点项目加起来投了多少").targets[0] == 1  # 县里: the county


def test_the_departments_under_a_government_are_its_own_level(levelled):
    assert levelled.ask("县直部门抓的项目怎么样").targets[0] == 8


def test_two_characters_found_apart_are_no_abbreviation(levelled):
    """提档升级 holds 提 and 升 apart, but 提升 is a word of two characters: no spelled word."""
    answer = levelled.ask("农村公路提档升级")
    assert not any(
        r.kind == "gap" and r.text == "提升" for c in answer.candidates for r in c.reasons
    )


def test_a_place_with_its_full_suffix_names_the_short_one(levelled):
    """湘南州 said as 湘南自治州: 南州 spelled apart, beside 湘南 written out."""
    answer = levelled.ask("湘南自治州开工了多少")
    assert answer.targets[0] == 6
    lead = answer.candidates[0]
    assert ("gap", "南州") in {(r.kind, r.text) for r in lead.reasons}


HALF_YEAR = LedgerSpec(
    year=2018,
    title="2018年工作责任目标",
    preamble="关于全县2018年上半年经济运行情况的报告",
    targets=(
        TargetSpec(
            1, "地区生产总值", "经济发展", "上半年全县地区生产总值完成20亿元,占年计划的45%;"
        ),
        TargetSpec(2, "规上工业增加值", "经济发展", "规模以上工业增加值完成6亿元,占计划的52%;"),
        TargetSpec(3, "公共财政预算收入", "经济发展", "公共财政预算收入完成2亿元,占预算的55%。"),
    ),
)


@pytest.fixture(scope="module")
def half_year():
    return answerer_on(HALF_YEAR, dt.date(2018, 6, 30))


def test_the_reports_own_period_names_no_target(half_year):
    """上半年 is what the whole report is about; the first target merely repeats it."""
    assert half_year.ask("上半年财政收入完成多少").targets[0] == 3
    assert half_year.ask("工业上半年干得怎么样").targets[0] == 2
    assert half_year.ask("上半年地区生产总值").targets[0] == 1


def test_a_place_named_by_its_level_alone_when_it_is_the_only_one(levelled):
    """湘南州 is the only 州 among the places (北江市 is a 市): "自治州那边" is 湘南州."""
    assert levelled.ask("自治州那边老旧小区改造咋样了").targets[0] == 6
    assert levelled.ask("那个市的老旧小区开工多少").targets[0] == 7
    assert place_of("湘南州:85个;开工改造老旧小区。") == "湘南州"
    assert place_of("实施就业提升工程,新增就业5000人。") == ""


def test_a_new_lead_reindexes_what_it_says_of_each_place():
    """`update` with another preamble: the mentions follow it, as a fresh index has them."""
    index = LedgerIndex(PLACES, load_lexicon())
    moved = LedgerSpec(
        year=2021,
        title=PLACES.title,
        preamble="一季度,南岭县石门大桥建设项目开工建设。",
        targets=PLACES.targets,
    )
    index.update(moved)
    fresh = LedgerIndex(moved, load_lexicon())
    assert index.docs[3].tokens == fresh.docs[3].tokens
    assert index.docs[2].tokens == fresh.docs[2].tokens
    assert "石门" in index.docs[3].tokens and "石门" not in index.docs[2].tokens
