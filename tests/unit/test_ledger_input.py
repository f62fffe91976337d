"""What the ledger accepts: figures within bounds, text without control characters."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from bot.config import DEFAULT_LEDGER_FILE
from bot.domain.ledger import (
    FIGURE_FRACTION_DIGITS,
    FIGURE_WHOLE_DIGITS,
    FigureError,
    IndicatorSpec,
    TargetSpec,
    drop_bidi_controls,
    parse_decimal,
    parse_figure,
    strip_control_characters,
    text_problem,
)
from bot.domain.status import completion_ratio, compute_status
from bot.render.ledger_toml import nesting_depth
from bot.render.replies import render_target

LARGEST = "9" * FIGURE_WHOLE_DIGITS + "." + "9" * FIGURE_FRACTION_DIGITS


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("25.1", Decimal("25.1")),
        ("-3.5", Decimal("-3.5")),
        ("1,234.5", Decimal("1234.5")),
        (" 41 ", Decimal(41)),
        ("0.000001", Decimal("0.000001")),
        (LARGEST, Decimal(LARGEST)),
        ("", None),
    ],
)
def test_figures_within_the_documented_bounds_parse(text, value):
    assert parse_figure(text) == value


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("9" * 16, "整数部分有16位"),
        ("999999999999999999999999999", "整数部分有27位"),
        ("1" * 40, "整数部分有40位"),
        ("1." + "1" * 7, "小数部分有7位"),
        ("1e5", "科学计数法"),
        ("1E-5", "科学计数法"),
        ("1e999999999", "科学计数法"),
        ("NaN", "不是数字"),
        ("Infinity", "不是数字"),
        ("١٢", "不是数字"),
        ("很多", "不是数字"),
    ],
)
def test_figures_beyond_the_bounds_are_refused_with_the_reason(text, reason):
    with pytest.raises(FigureError) as caught:
        parse_figure(text)
    assert reason in str(caught.value)
    assert parse_decimal(text) is None  # stored values that break the rule count as no figure


def test_a_stored_27_digit_figure_no_longer_breaks_the_card():
    """A value stored before the rule existed is shown, never computed with."""
    huge = TargetSpec(
        number=12,
        title="新增贷款",
        category="经济发展",
        target_text="新增贷款14亿元",
        indicators=(IndicatorSpec("新增贷款", "14", "亿元", ">=", "9" * 27),),
    )
    assert completion_ratio(huge.indicators[0]) is None
    assert compute_status(huge, dt.date(2020, 12, 1)) == "暂无数据"  # counts as no figure
    card = render_target(huge, dt.date(2020, 12, 1), ZoneInfo("Asia/Shanghai"))
    assert "9" * 27 in card


def test_the_largest_ratio_stays_inside_decimal_precision():
    ind = IndicatorSpec("x", "0.000001", "", ">=", LARGEST)
    assert completion_ratio(ind) > 0


@pytest.mark.parametrize("char", ["\x00", "\x01", "\x1b", "\x7f", "\x85", "\x9b", "\r", "\ud800"])
def test_control_characters_are_refused_in_ledger_text(char):
    problem = text_problem(f"a{char}b", multiline=True)
    assert problem is not None and f"U+{ord(char):04X}" in problem
    assert strip_control_characters(f"a{char}b") == "ab"


def test_newline_and_tab_only_where_the_text_is_multi_line():
    assert text_problem("第一行\n第二行\t完", multiline=True) is None
    assert "U+000A" in text_problem("第一行\n第二行", multiline=False)
    assert "U+0009" in text_problem("a\tb", multiline=False)
    assert strip_control_characters("问\n题\t") == "问\n题\t"
    assert text_problem("普通文字 emoji😀 ①", multiline=False) is None


def test_bidi_controls_are_dropped_from_echoed_text():
    spoofed = "第12项\u202egnp.exe\u202c \u2066x\u2069\u200e\u200f"
    assert drop_bidi_controls(spoofed) == "第12项gnp.exe x"


def test_toml_depth_counts_brackets_outside_strings_and_comments():
    text = (
        "a = [[1], [2, {x = [3]}]]\n"
        'b = "[[[[\\"[[" # [[[[\n'
        "c = '''[[[[\n'''\n"
        'd = """ "[[[" """"\n'
        "e = '[[['\n"
        "[[targets.units]]\n"
    )
    assert nesting_depth(text) == 4
    assert nesting_depth("x = " + "[" * 50_000 + "]" * 50_000) == 50_000


def test_the_real_ledger_nests_two_deep():
    assert nesting_depth(DEFAULT_LEDGER_FILE.read_text(encoding="utf-8")) == 2
