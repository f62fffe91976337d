"""Charts: PNGs of the ledger and of one target, every label drawn in a real CJK font."""

from __future__ import annotations

import dataclasses
import datetime as dt
import struct
from pathlib import Path

import matplotlib
import pytest

from bot import charts
from bot.charts import (
    CJKFontMissing,
    chart_labels,
    completion_chart,
    completion_figure,
    find_cjk_font,
    headline_ratio,
    missing_glyphs,
    percent_text,
    target_chart,
    target_figure,
    target_label,
)
from bot.ledger import CATEGORIES
from bot.status import compute_status

TODAY = dt.date(2021, 1, 15)
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def cjk_font() -> Path:
    font = find_cjk_font()
    if font is None:
        pytest.fail(
            "no CJK font is installed, so chart labels would show as boxes: "
            "run `bash scripts/ensure_cjk_font.sh` as root (installs fonts-wqy-microhei)"
        )
    return font


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_MAGIC
    return struct.unpack(">II", data[16:24])


def test_the_font_covers_chinese(cjk_font):
    assert (
        missing_glyphs(cjk_font, ["台账完成率第12项新增贷款超额完成滞后暂无数据（）：%≥≤"])
        == set()
    )


def test_missing_glyphs_finds_what_a_latin_font_lacks():
    dejavu = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    assert missing_glyphs(dejavu, ["第12项 ok"]) == {"第", "项"}


def test_completion_chart_is_a_png_of_a_reasonable_size(ledger_2020, cjk_font):
    data = completion_chart(ledger_2020, today=TODAY)
    width, height = _png_size(data)
    assert 800 <= width <= 2000 and 1200 <= height <= 4000
    assert 20_000 < len(data) < 3_000_000


def test_completion_chart_labels_are_chinese_and_all_covered_by_the_font(ledger_2020, cjk_font):
    figure = completion_figure(ledger_2020, today=TODAY)
    labels = chart_labels(figure)
    for t in ledger_2020.targets:
        assert target_label(t) in labels
    assert "第12项 新增贷款" in labels
    for category in CATEGORIES:
        assert any(label.startswith(f"【{category}】") for label in labels), category
    assert missing_glyphs(cjk_font, labels) == set()
    used = {text.get_fontproperties().get_file() for text in figure.findobj(matplotlib.text.Text)}
    assert used == {str(cjk_font)}


def test_completion_chart_shows_ratios_capped_and_statuses_without_figures(ledger_2020, cjk_font):
    labels = chart_labels(completion_figure(ledger_2020, today=TODAY))
    by_number = ledger_2020.by_number()
    assert headline_ratio(by_number[12]) is not None
    assert f"{percent_text(headline_ratio(by_number[12]))} 超额完成" in labels  # 174.5% 超额完成
    over = [t for t in ledger_2020.targets if (headline_ratio(t) or 0) > 200]
    assert over, "the 2020 ledger has targets beyond 200%"
    for t in over:
        assert any(
            label.startswith(f"{percent_text(headline_ratio(t))}（超出刻度）") for label in labels
        )
    without = [t for t in ledger_2020.targets if headline_ratio(t) is None]
    assert len(without) > 5
    statuses = {compute_status(t, TODAY) for t in without}
    for status in statuses:
        assert f"{status}（无量化对比）" in labels


@pytest.mark.parametrize("number", [1, 5, 12, 36, 56])
def test_target_chart_renders_with_covered_labels(ledger_2020, cjk_font, number):
    target = ledger_2020.by_number()[number]
    data = target_chart(target, today=TODAY)
    width, height = _png_size(data)
    assert width >= 600 and height >= 150 and len(data) > 5_000
    labels = chart_labels(target_figure(target, today=TODAY))
    assert any(label.startswith(target_label(target)) for label in labels)
    assert missing_glyphs(cjk_font, labels) == set()


def test_target_chart_shows_actual_against_target(ledger_2020, cjk_font):
    labels = chart_labels(target_figure(ledger_2020.by_number()[12], today=TODAY))
    assert {"目标", "实际"} <= set(labels)
    assert "≥14亿元" in labels and "24.43亿元（174.5%）" in labels


def test_a_target_without_figures_is_shown_by_its_status(ledger_2020, cjk_font):
    target = dataclasses.replace(ledger_2020.by_number()[5], indicators=())
    labels = chart_labels(target_figure(target, today=TODAY))
    assert f"本项无量化指标，状态：{compute_status(target, TODAY)}" in labels


def test_no_cjk_font_is_an_error_that_says_how_to_install_one(ledger_2020, monkeypatch):
    monkeypatch.setattr(charts, "find_cjk_font", lambda: None)
    with pytest.raises(CJKFontMissing, match="ensure_cjk_font.sh"):
        completion_chart(ledger_2020, today=TODAY)


# A title, an indicator name and an as-of date as they could arrive from an import.
MATH = r"贷款$\undefinedmacro$"


def _with_dollars(ledger_2020):
    loan = ledger_2020.by_number()[12]
    indicators = (
        dataclasses.replace(loan.indicators[0], name="新增$x^2$贷款", as_of=r"$\frac{1}{0}$"),
        *loan.indicators[1:],
    )
    loan = dataclasses.replace(loan, title=MATH, indicators=indicators)
    targets = tuple(loan if t.number == 12 else t for t in ledger_2020.targets)
    return dataclasses.replace(ledger_2020, targets=targets), loan


def test_dollars_in_ledger_text_never_reach_mathtext(ledger_2020, cjk_font):
    ledger, loan = _with_dollars(ledger_2020)
    assert _png_size(completion_chart(ledger, today=TODAY))
    assert _png_size(target_chart(loan, today=TODAY))
    for figure in (completion_figure(ledger, today=TODAY), target_figure(loan, today=TODAY)):
        labels = chart_labels(figure)
        assert any(MATH in label for label in labels)  # drawn as typed, dollars and all
        assert all(not text.get_parse_math() for text in figure.findobj(matplotlib.text.Text))
    assert r"新增$x^2$贷款（$\frac{1}{0}$）" in chart_labels(target_figure(loan, today=TODAY))


def test_a_stored_27_digit_figure_draws_both_charts(ledger_2020, cjk_font):
    """A figure stored before the 15+6-digit rule is drawn as no figure, never a crash."""
    loan = ledger_2020.by_number()[12]
    huge = dataclasses.replace(loan.indicators[0], actual="9" * 27)
    loan = dataclasses.replace(loan, indicators=(huge, *loan.indicators[1:]))
    ledger = dataclasses.replace(
        ledger_2020, targets=tuple(loan if t.number == 12 else t for t in ledger_2020.targets)
    )
    assert _png_size(completion_chart(ledger, today=TODAY))
    assert _png_size(target_chart(loan, today=TODAY))
    assert headline_ratio(loan) is None
