"""PNG charts of the ledger (matplotlib's Agg canvas, no pyplot and no global rc changes).

Every text is drawn in one CJK font found by `find_cjk_font` (installed by
scripts/ensure_cjk_font.sh), so labels such as "第12项 新增贷款" never show as boxes, and
with mathtext off (`parse_math=False`), so a "$" in ledger text is drawn as typed.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Patch
from matplotlib.text import Text

from bot.domain.ledger import COMPARATOR_SIGNS, IndicatorSpec, LedgerSpec, TargetSpec
from bot.domain.status import (
    DONE_STATUSES,
    as_of_label,
    completion_ratio,
    compute_status,
    indicator_met,
    light_for,
    override_in_force,
    principal_indicator,
    status_note,
)
from bot.render.report_writer import LIGHT_COLOURS

# Where scripts/ensure_cjk_font.sh (Debian fonts-wqy-microhei) and other distributions'
# CJK packages put their fonts; the first that exists and covers PROBE_TEXT wins.
CJK_FONT_FILES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/System/Library/Fonts/PingFang.ttc",
    "C:/Windows/Fonts/msyh.ttc",
)
PROBE_TEXT = "台账完成率"
INSTALL_HINT = "run `bash scripts/ensure_cjk_font.sh` (as root) or install fonts-wqy-microhei"

DISPLAY_CAP = Decimal(200)  # bars longer than 200% are cut there; the label keeps the value
NO_FIGURE_X = 8  # where a target without a completion ratio is marked
LIGHT_LEGEND = {"🟢": "已完成/超额完成", "🟡": "推进中", "🔴": "滞后/未完成", "⚪": "暂无数据"}
TARGET_BAR = "#BDBDBD"


class CJKFontMissing(RuntimeError):
    """No font with Chinese glyphs is installed; charts would show boxes."""


def colour(light: str) -> str:
    return "#" + LIGHT_COLOURS.get(light, LIGHT_COLOURS["⚪"])


# --- fonts ------------------------------------------------------------------------------


@functools.lru_cache(maxsize=64)
def _cmap(path: str) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    try:
        with TTFont(path, fontNumber=0, lazy=True) as font:
            return frozenset(font.getBestCmap() or {})
    except Exception:  # an unreadable or odd font file covers nothing
        return frozenset()


def missing_glyphs(font_path: str | Path, texts: Iterable[str]) -> set[str]:
    """The characters of `texts` (whitespace aside) that the font has no glyph for."""
    cmap = _cmap(str(font_path))
    return {ch for text in texts for ch in text if not ch.isspace() and ord(ch) not in cmap}


def _covers(path: str | Path) -> bool:
    return Path(path).is_file() and not missing_glyphs(path, [PROBE_TEXT])


def find_cjk_font() -> Path | None:
    """A font file with glyphs for Chinese: known CJK files first, then any system font."""
    for name in CJK_FONT_FILES:
        if _covers(name):
            return Path(name)
    from matplotlib import font_manager

    known = [entry.fname for entry in font_manager.fontManager.ttflist]
    # The font list is cached by matplotlib; a font installed since is found by the scan.
    for name in [*known, *sorted(set(font_manager.findSystemFonts()) - set(known))]:
        if _covers(name):
            return Path(name)
    return None


def _font(size: float = 9, *, weight: str = "normal") -> FontProperties:
    path = find_cjk_font()
    if path is None:
        raise CJKFontMissing(f"no CJK font found for chart labels; {INSTALL_HINT}")
    return FontProperties(fname=str(path), size=size, weight=weight)


# --- helpers ----------------------------------------------------------------------------


def target_label(target: TargetSpec) -> str:
    """ "第12项 新增贷款"."""
    return f"第{target.number}项 {target.title}"


def headline_ratio(target: TargetSpec) -> Decimal | None:
    """Completion % of the target's principal indicator (`principal_indicator`), if any."""
    principal = principal_indicator(target)
    return completion_ratio(principal) if principal is not None else None


def percent_text(value: Decimal) -> str:
    """ "174.5%", and "100%" rather than "100.0%"."""
    return f"{value.normalize():f}%" if value == value.to_integral() else f"{value}%"


def png_bytes(figure: Figure, *, dpi: int = 100) -> bytes:
    """The PNG, its drawn texts also in its "Description" (a text alternative, one per line)."""
    buffer = io.BytesIO()
    FigureCanvasAgg(figure)
    texts = [t.get_text() for t in figure.findobj(Text) if t.get_visible() and t.get_text()]
    # "tight" takes in every text: a bar's long label may run past the figure's right edge.
    figure.savefig(
        buffer,
        format="png",
        dpi=dpi,
        bbox_inches="tight",
        pad_inches=0.2,
        metadata={"Description": "\n".join(texts)},
    )
    return buffer.getvalue()


def _set_font(figure: Figure, fname: str) -> None:
    for text in figure.findobj(Text):
        # Ledger text is not TeX: a title such as "贷款$\undefinedmacro$" made mathtext raise.
        text.set_parse_math(False)
        props = text.get_fontproperties()
        if props.get_file() != fname:
            props = props.copy()
            props.set_file(fname)
            text.set_fontproperties(props)


def _apply_font(figure: Figure) -> None:
    """Set the CJK font on every text, draw so automatic tick labels exist, then on those."""
    fname = _font().get_file()
    for ax in figure.axes:
        ax.get_xticklabels(), ax.get_yticklabels()  # make the tick label texts exist
    _set_font(figure, fname)
    FigureCanvasAgg(figure).draw()
    _set_font(figure, fname)


def chart_labels(figure: Figure) -> list[str]:
    """Every non-empty text the figure draws (titles, tick labels, bar labels, legend)."""
    FigureCanvasAgg(figure).draw()
    return [t.get_text() for t in figure.findobj(Text) if t.get_visible() and t.get_text()]


# --- the ledger's completion chart -------------------------------------------------------


# Lights needing attention, worst first, then the others; they head the overview, drawn large.
ATTENTION_LIGHTS = ("🔴", "🟡")
LIGHT_ORDER = ("🔴", "🟡", "⚪", "🟢")


@dataclass(frozen=True)
class _Row:
    label: str
    light: str
    status: str
    ratio: Decimal | None
    figure: str  # "新增贷款 25.1亿元 / 目标14亿元": which indicator the bar is, and its figures
    met: bool | None = None  # the principal indicator's verdict, for one without a ratio
    note: str = ""  # why the target is not done although its principal indicator is


def indicator_caption(ind: IndicatorSpec | None) -> str:
    """ "新增贷款 25.1亿元 / 目标14亿元" for a bar; "无量化指标" when there is none."""
    if ind is None:
        return "无量化指标"
    sign = "" if ind.comparator == ">=" else COMPARATOR_SIGNS.get(ind.comparator, "")
    actual = _figure_text(ind.actual, ind.shown_actual_unit)
    return f"{ind.name} {actual} / 目标{sign}{ind.target}{ind.unit}"


def _why_not_done(target: TargetSpec, status: str, met: bool | None, today: dt.date) -> str:
    """The reason a target whose principal indicator is met is still not done, or "".

    Without it a bar reads "（达标） · 未完成" and a leader cannot tell which is true.
    """
    if met is not True or status in DONE_STATUSES:
        return ""
    if note := status_note(target, today):
        return note
    return "状态由督查人员判定，见详情" if override_in_force(target) else "其他指标或任务未完成"


def _completion_rows(ledger: LedgerSpec, today: dt.date) -> list[_Row]:
    rows = []
    for t in ledger.targets:
        status = compute_status(t, today)
        principal = principal_indicator(t)
        ratio = completion_ratio(principal) if principal is not None else None
        met = indicator_met(principal) if principal is not None else None
        caption = indicator_caption(principal)
        note = _why_not_done(t, status, met, today)
        rows.append(_Row(target_label(t), light_for(status), status, ratio, caption, met, note))

    def attention(row: _Row) -> tuple[int, Decimal]:
        order = LIGHT_ORDER.index(row.light) if row.light in LIGHT_ORDER else len(LIGHT_ORDER)
        return (order, row.ratio if row.ratio is not None else Decimal(-1))

    return sorted(rows, key=attention)  # stable: same light and ratio keep ledger order


def _noted(row: _Row) -> str:
    return f"（{row.note}）" if row.note else ""


# A label runs across the dashed 100% line when its bar stops short of it: on a white ground
# (drawn over the line) the line no longer strikes through its words.
LABEL_GROUND = {"facecolor": "white", "edgecolor": "none", "pad": 0.5}


def _draw_rows(ax, rows: list[_Row], *, size: float) -> None:
    ys = list(range(len(rows)))[::-1]
    for y, row in zip(ys, rows, strict=True):
        col = colour(row.light)
        if row.ratio is None:
            ax.plot([NO_FIGURE_X], [y], marker="D", color=col, markersize=size * 0.7)
            verdict = {True: "（达标）", False: "（未达标）", None: ""}[row.met]
            text = f"{row.figure}{verdict} · {row.status}{_noted(row)}"
            ax.text(NO_FIGURE_X + 4, y, text, va="center", fontsize=size, bbox=LABEL_GROUND)
            continue
        shown = min(row.ratio, DISPLAY_CAP)
        ax.barh(y, float(shown), color=col, height=0.7)
        label = percent_text(row.ratio) + ("（超出刻度）" if row.ratio > DISPLAY_CAP else "")
        text = f"{row.figure} {label} · {row.status}{_noted(row)}"
        ax.text(float(shown) + 2, y, text, va="center", fontsize=size, bbox=LABEL_GROUND)
    ax.set_yticks(ys, [r.label for r in rows], fontsize=size)
    ax.set_ylim(-0.6, len(rows) - 0.4)
    ax.set_xlim(0, float(DISPLAY_CAP) + 190)
    # A long label runs past the right edge of the panel: a frame there would strike it out.
    ax.spines[["right", "top"]].set_visible(False)
    if all(row.ratio is None for row in rows):
        # No bar to measure (a drafted ledger before any figure): a scale and a 100% line
        # would be an empty axis, so the panel is a list of its targets' states.
        ax.set_xticks([])
        ax.spines["bottom"].set_visible(False)
        return
    ax.axvline(100, color="#424242", linestyle="--", linewidth=0.8, zorder=1)
    ax.set_xticks([0, 50, 100, 150, 200], ["0%", "50%", "目标100%", "150%", "200%"])
    ax.tick_params(axis="x", labelsize=size * 0.9)


def _statuses_in(rows: list[_Row]) -> str:
    """The statuses a panel's rows have, in the order of the lights ("超额完成/已完成"): its
    title names what it holds, no status it has none of."""
    order = ("滞后", "未完成", "推进中", "超额完成", "已完成", "暂无数据")
    held = {row.status for row in rows}
    return "/".join([s for s in order if s in held] + sorted(held.difference(order)))


def completion_figure(ledger: LedgerSpec, *, today: dt.date) -> Figure:
    """Each target's principal indicator as % of its target; targets needing attention first.

    The top panel holds the 🔴 and 🟡 targets in large type, worst first; the rest follow
    smaller. Every bar says which indicator it is, with its figure and target.
    """
    rows = _completion_rows(ledger, today)
    urgent = [r for r in rows if r.light in ATTENTION_LIGHTS]
    others = [r for r in rows if r.light not in ATTENTION_LIGHTS]
    rest = f"{'其余' if urgent else '全部'}目标"  # "其余" only below a panel it is the rest of
    panels = [
        (f"需要关注（{len(urgent)}项，{_statuses_in(urgent)}）", urgent, 10.0, 0.42),
        (f"{rest}（{len(others)}项，{_statuses_in(others)}）", others, 7.0, 0.2),
    ]
    panels = [p for p in panels if p[1]]
    heights = [len(p[1]) * p[3] + 0.6 for p in panels]
    figure = Figure(figsize=(12, sum(heights) + 1.2), layout="constrained")
    axes = figure.subplots(len(panels), 1, squeeze=False, height_ratios=heights)[:, 0]
    figure.suptitle(
        f"{ledger.title}完成情况（截至{as_of_label(today, ledger.year)}）", fontsize=12
    )
    for ax, (title, panel_rows, size, _) in zip(axes, panels, strict=True):
        _draw_rows(ax, panel_rows, size=size)
        ax.set_title(title, loc="left", fontsize=size + 1, fontweight="bold")
    if any(row.ratio is not None for row in rows):
        axes[-1].set_xlabel("主要指标完成率（实际/目标；每项目标取标题所指的指标）")
    else:
        axes[-1].set_xlabel("暂无可计算完成率的指标（各项目标的状态标在其名称后）")
    # Below the panels: inside one, it covered the end of a bar's label.
    figure.legend(
        handles=[Patch(color=colour(k), label=v) for k, v in LIGHT_LEGEND.items()],
        loc="outside lower center",
        ncols=len(LIGHT_LEGEND),
        fontsize=8,
    )
    _apply_font(figure)
    return figure


def completion_chart(ledger: LedgerSpec, *, today: dt.date) -> bytes:
    """PNG of `completion_figure`."""
    return png_bytes(completion_figure(ledger, today=today))


# --- one target -------------------------------------------------------------------------


def _figure_text(value: str, unit: str) -> str:
    return f"{value}{unit}" if value else "暂无数据"


def _indicator_colour(ind: IndicatorSpec) -> str:
    met = indicator_met(ind)
    return colour({True: "🟢", False: "🔴", None: "⚪"}[met])  # grey: cannot be judged


def target_figure(target: TargetSpec, *, today: dt.date, year: int | None = None) -> Figure:
    """One target's indicators: actual against target, one small panel per indicator."""
    status = compute_status(target, today)
    shown = as_of_label(today, year) if year is not None else today.isoformat()
    title = f"{target_label(target)}：{status}（截至{shown}）"
    numeric = [
        i for i in target.indicators if i.target_value is not None or i.actual_value is not None
    ]
    if not numeric:
        figure = Figure(figsize=(7, 1.8), layout="constrained")
        ax = figure.add_subplot()
        ax.set_axis_off()
        ax.set_title(title, color=colour(light_for(status)))
        ax.text(0.5, 0.45, f"本项无量化指标，状态：{status}", ha="center", va="center")
        _apply_font(figure)
        return figure
    # A figure without a target is a line of text, not a panel of bars (below).
    heights = [1.1 if i.target_value is not None else 0.45 for i in numeric]
    figure = Figure(figsize=(7, sum(heights) + 1.0), layout="constrained")
    axes = figure.subplots(len(numeric), 1, squeeze=False, height_ratios=heights)[:, 0]
    figure.suptitle(title, color=colour(light_for(status)))
    for ax, ind in zip(axes, numeric, strict=True):
        name = ind.name + (f"（{ind.as_of}）" if ind.as_of else "")
        if ind.target_value is None:
            # Nothing to measure it against: a lone bar's length says nothing, and a rank's
            # ("全市第2位") reads backwards (2 longer than 1). Written, not drawn.
            ax.set_axis_off()
            said = f"{_figure_text(ind.actual, ind.shown_actual_unit)}（未设目标，不作比较）"
            ax.text(0.0, 0.5, said, transform=ax.transAxes, va="center", fontsize=9)
            ax.set_title(name, fontsize=9, loc="left")
            continue
        sign = COMPARATOR_SIGNS.get(ind.comparator, "")
        values = [ind.target_value or Decimal(0), ind.actual_in_target_unit or Decimal(0)]
        texts = [
            f"{sign}{_figure_text(ind.target, ind.unit)}" if ind.target else "未设目标",
            _figure_text(ind.actual, ind.shown_actual_unit),
        ]
        ratio = completion_ratio(ind)
        if ratio is not None:
            texts[1] += f"（{percent_text(ratio)}）"
        ax.barh([1, 0], [float(v) for v in values], color=[TARGET_BAR, _indicator_colour(ind)])
        ax.set_yticks([1, 0], ["目标", "实际"], fontsize=8)
        top = float(max(abs(v) for v in values)) or 1.0
        ax.set_xlim(min(0.0, float(min(values)) * 1.1), top * 1.45)
        for y, v, text in zip([1, 0], values, texts, strict=True):
            ax.text(max(float(v), 0) + top * 0.02, y, text, va="center", fontsize=8)
        ax.set_title(name, fontsize=9, loc="left")
        ax.tick_params(axis="x", labelsize=7)
    _apply_font(figure)
    return figure


def target_chart(target: TargetSpec, *, today: dt.date, year: int | None = None) -> bytes:
    """PNG of `target_figure`; `year` (the ledger's) marks a closed year in the title."""
    return png_bytes(target_figure(target, today=today, year=year))
