"""A table of places (one row a county, its figures in unit-less cells): how leaders name a
place and quote its figures. Spoken figures ("三点二个亿"), a cell's number as written, a
padded two-character name ("安  县"), a draft's placeholder title ("目标5"), an abbreviation
the leader spells out (经开区 said as 经济技术开发区)."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from bot.domain.ledger import IndicatorSpec, TargetSpec
from bot.understanding.answering import Answerer
from bot.understanding.figures import (
    as_written,
    bare_cells,
    common_unit_pattern,
    figures_in,
    written_token,
)
from bot.understanding.ledger_texts import title_words, unpadded
from bot.understanding.lexicon import load_lexicon
from tests.auxil.ledgers import small_ledger


def _row(number: int, title: str, cells: str, rate: str) -> TargetSpec:
    place = cells.split(" | ")[0]
    return TargetSpec(
        number,
        title,
        "重点项目",
        cells,
        indicators=(IndicatorSpec(place, rate, "%"),),
    )


PLACES = small_ledger(
    2021,
    _row(1, "东阳区重点项目", "东阳区 | 88.6 | 21.4 | 19.7 | 92% |", "92"),
    _row(2, "北坡县重点项目", "北坡县 | 40.2 | 8.8 | 9.6 | 109% |", "109"),
    _row(3, "南岭县重点项目", "南岭县 | 36.5 | 7.1 | 4.2 | 59% |", "59"),
    _row(4, "经开区重点项目", "经开区 | 51.0 | 9.3 | 10.4 | 112% |", "112"),
    _row(5, "目标5", "安  县 | 27.9 | 6.4 | 6.9 | 108% |", "108"),
    _row(6, "西河县重点项目", "西河县 | 30.3 | 6.0 | 6.3 | 105% |", "105"),
    title="重点项目完成情况（单位：亿元）",
)


@pytest.fixture(scope="module")
def places():
    return Answerer(
        PLACES, load_lexicon(), today=dt.date(2021, 3, 31), tz=ZoneInfo("Asia/Shanghai")
    )


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


def test_an_abbreviation_spelled_out_names_its_target(places):
    assert places.ask("经济技术开发区一季度投资").targets[0] == 4
