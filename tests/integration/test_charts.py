"""Charts: PNGs of the ledger and of one target, every label drawn in a real CJK font."""

from __future__ import annotations

import dataclasses
import datetime as dt
import struct
from pathlib import Path

import matplotlib
import pytest

from bot.domain.ledger import IndicatorSpec, TargetSpec
from bot.domain.status import compute_status, light_for, principal_indicator
from bot.render import charts
from bot.render.charts import (
    CJKFontMissing,
    chart_labels,
    completion_chart,
    completion_figure,
    find_cjk_font,
    missing_glyphs,
    target_chart,
    target_figure,
    target_label,
)

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
    assert missing_glyphs(cjk_font, labels) == set()
    used = {text.get_fontproperties().get_file() for text in figure.findobj(matplotlib.text.Text)}
    assert used == {str(cjk_font)}


def test_each_bar_names_its_principal_indicator_with_figure_and_ratio(ledger_2020, cjk_font):
    labels = chart_labels(completion_figure(ledger_2020, today=TODAY))
    assert "新增贷款 24.43亿元 / 目标14亿元 174.5% · 超额完成" in labels
    # 19's title names the investment, not the count of projects (160%).
    assert "省重点项目完成投资 93.1亿元 / 目标26.4亿元 352.7%（超出刻度） · 超额完成" in labels
    # A met principal indicator on a target that is not done says why, so the bar never
    # reads as a contradiction.
    assert (
        "规上煤炭消费总量 2.75万吨 / 目标≤3.67万吨（达标） · 未完成"
        "（部分指标暂无数据：单位GDP能耗下降、全社会能源消费总量增长）"
    ) in labels
    overridden = (
        "违法占用耕地面积比例 6.9% / 目标≤10%（达标） · 未完成（状态由督查人员判定，见详情）"
    )
    assert overridden in labels
    without = [t for t in ledger_2020.targets if principal_indicator(t) is None]
    assert len(without) > 5
    for t in without:
        assert f"无量化指标 · {compute_status(t, TODAY)}" in labels


def test_targets_needing_attention_come_first_in_larger_type(ledger_2020, cjk_font):
    figure = completion_figure(ledger_2020, today=TODAY)
    top, rest = figure.axes[:2]
    top_labels = [t.get_text() for t in top.get_yticklabels()]
    urgent = [t for t in ledger_2020.targets if light_for(compute_status(t, TODAY)) in "🔴🟡"]
    assert sorted(top_labels) == sorted(target_label(t) for t in urgent)
    red = [target_label(t) for t in urgent if light_for(compute_status(t, TODAY)) == "🔴"]
    assert set(top_labels[: len(red)]) == set(red)  # listed top-down: reds on top
    big = {t.get_fontsize() for t in top.get_yticklabels()}
    small = {t.get_fontsize() for t in rest.get_yticklabels()}
    assert min(big) > max(small)


def test_no_frame_line_strikes_through_a_label_that_runs_past_its_panel(ledger_2020, cjk_font):
    # In October the 推进中 targets' labels name their missing figures and run long.
    figure = completion_figure(ledger_2020, today=dt.date(2020, 10, 23))
    figure.canvas.draw()
    past = [
        t for ax in figure.axes for t in ax.texts
        if t.get_window_extent().x1 > ax.get_window_extent().x1
    ]  # fmt: skip
    assert past, "the 2020 ledger has labels longer than their panel"
    for ax in figure.axes:
        assert not ax.spines["right"].get_visible() and not ax.spines["top"].get_visible()
    # and the picture takes the longest label in whole, not cut at the figure's edge
    from io import BytesIO

    from PIL import Image

    widest = max(t.get_window_extent().x1 for t in past)
    assert widest > figure.bbox.x1  # runs past the figure as laid out...
    png = completion_chart(ledger_2020, today=dt.date(2020, 10, 23))
    assert Image.open(BytesIO(png)).width > widest  # ...and the PNG holds it


def test_principal_indicator_is_the_one_the_title_names():
    target = TargetSpec(
        number=1,
        title="省重点项目",
        category="经济发展",
        target_text="抓好5个省重点项目建设,2020年完成投资26.4亿元。",
        indicators=(
            IndicatorSpec("省重点项目", "5", "个", actual="8"),
            IndicatorSpec("省重点项目计划投资", "58.4", "亿元", actual="93.1"),
            IndicatorSpec("省重点项目完成投资", "26.4", "亿元", actual="93.1"),
            IndicatorSpec("其他", "", "个", actual="3"),
        ),
    )
    assert principal_indicator(target).name == "省重点项目完成投资"
    loan = TargetSpec(
        1,
        "新增贷款",
        "经济发展",
        "新增贷款14亿元",
        indicators=(IndicatorSpec("企业获贷", "5", "家"), IndicatorSpec("新增贷款", "14", "亿元")),
    )
    assert principal_indicator(loan).name == "新增贷款"
    assert principal_indicator(TargetSpec(1, "无", "经济发展", "文字")) is None


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


def test_a_figure_without_a_target_is_written_not_drawn(ledger_2020, cjk_font):
    # 2020's 第1项 has a growth rate and a rank, neither with a target: each was a lone bar, the
    # rank's "3位" longer than a first place would be. They are now lines of text.
    figure = target_figure(ledger_2020.by_number()[1], today=TODAY)
    labels = chart_labels(figure)
    assert "6.3%（未设目标，不作比较）" in labels and "3位（未设目标，不作比较）" in labels
    assert "实际" not in labels and "未设目标" not in labels
    assert all(not ax.patches for ax in figure.axes)  # no bar anywhere
    assert figure.get_figheight() < 3


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
    assert charts.headline_ratio(loan) is None


def test_the_dashed_target_line_never_strikes_through_a_bars_label(ledger_2020, cjk_font):
    # A bar short of 100% (or a diamond) has its label run across the dashed 100% line: it
    # used to be drawn over the words. Each label now sits on a white ground above the line.
    figure = completion_figure(ledger_2020, today=TODAY)
    for ax in figure.axes:
        [line] = [x for x in ax.get_lines() if x.get_linestyle() == "--"]
        labels = [t for t in ax.texts if t.get_position()[0] < 100]
        assert labels, "some label starts left of the 100% line"
        for text in labels:
            ground = text.get_bbox_patch()
            assert ground is not None and ground.get_facecolor()[:3] == (1.0, 1.0, 1.0)
            assert text.get_zorder() > line.get_zorder()


def test_a_panel_without_any_figure_draws_no_empty_scale(cjk_font):
    # A ledger drafted before any figure came in: before, each panel drew 0%-200% and a
    # dashed 100% line beside nothing but diamonds.
    from tests.auxil.ledgers import small_ledger

    ledger = small_ledger(
        2022, *(TargetSpec(n, f"重点工作{n}", "经济发展", f"推进重点工作{n}。") for n in (1, 2, 3))
    )
    figure = completion_figure(ledger, today=dt.date(2022, 10, 31))
    for ax in figure.axes:
        assert list(ax.get_xticks()) == [], ax
        assert all(line.get_linestyle() != "--" for line in ax.lines)  # no 100% line
        assert all("·" in t.get_text() for t in ax.texts)  # each target still says its state
    assert "暂无可计算完成率" in figure.axes[-1].get_xlabel()
    assert completion_chart(ledger, today=dt.date(2022, 10, 31))[:8] == PNG_MAGIC


def test_each_panel_s_title_names_the_statuses_it_holds(ledger_2020, cjk_font):
    # At the 2020 close: 4 to watch (未完成 3, 推进中 1); the 62 others are 超额完成, 已完成 and
    # 暂无数据. Before, the second title said "已完成/暂无数据" over 24 超额完成 bars, and the
    # first "滞后/…" with no 滞后 target in it.
    figure = completion_figure(ledger_2020, today=dt.date(2021, 1, 1))
    titles = [ax.get_title(loc="left") for ax in figure.axes]
    assert titles == [
        "需要关注（4项，未完成/推进中）",
        "其余目标（62项，超额完成/已完成/暂无数据）",
    ]
