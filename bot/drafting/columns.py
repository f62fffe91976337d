"""The columns of a report's tables: what a cell's label or header word says it holds
(a target, an amount done, a share, a unit, a name, a due date), the header row above a
table's rows, and how a line splits into cells. bot.drafting.cells reads the rows."""

from __future__ import annotations

import re

from bot.domain.ledger import KNOWN_UNITS

# Header words: the actual columns name completion or progress; the target columns name a
# target, task, plan or content. The actual words are tried first ("目标完成情况" is progress).
_ACTUAL_LABEL = re.compile(r"完成|进度|进展|实际|累计|截至|截止|情况|成效|落实|\d{1,2}月")
_TARGET_LABEL = re.compile(r"目标|任务|计划|内容|指标|要求|规模")
# "计划完成数", "年度计划完成投资", "目标完成值": the amount planned to be done, a target, unlike
# "目标完成情况" (progress) or "计划投资完成率" (a share).
_PLANNED_AMOUNT = re.compile(
    r"^(?:年度|全年|本年)?(?:计划|目标)完成(?!情况|率|比例|进度|进展|时限|时间)"
    r"[^率比%％情况]{0,4}$"
)
_UNIT_LABEL = re.compile(r"单位|部门")
_NAME_LABEL = re.compile(r"名称|项目|事项|实事")
# A column of places ("市州", "县市区"): a table by area names each row by its place.
PLACE_WORDS = "地区|区域|区县|县区|县市区|市县|县市|市州|地市|市区|乡镇|街道|区划"
_PLACE_LABEL = re.compile(rf"^(?:{PLACE_WORDS})$")
# "完成时限:12月底前" says when the target is due (read with the target's words); "下步计划",
# "存在问题" speak of the work, not of its target.
# "起止年限:2024-2025" gives the years the work spans: it falls due at the last one's end.
_DUE_LABEL = re.compile(r"时限|时间|节点|期限|年限")
# "月度工作计划:4月:…" is the plan of the month reported on: its month is a milestone of the
# target, its figures are planned, not done (read apart from the progress).
_PLAN_LABEL = re.compile(r"月度(?:工作)?计划|节点计划|进度安排|月度目标")
# "7月工作计划" is next month's work, not the year's target.
_NEXT_LABEL = re.compile(r"下步|下一步|下月|打算|措施|问题|备注|说明|工作计划")
# Of those, the work planned next ("下步计划", "7月工作计划" in a table to the end of June): no
# progress, so no words a status is read from.
_PLANNED_NEXT = re.compile(r"下步|下一步|下月|打算|工作计划")


def is_next_plan_column(label: str) -> bool:
    """A column of the work planned after the period reported on ("下步计划", "7月工作计划")."""
    return label_kind(label) == "other" and bool(_PLANNED_NEXT.search(label))


# A column of shares: "形象进度(%)", "完成率", "占年任务之比". Its cells say how far the work
# is, for the status; they are not figures of the row's target.
# "占全年计划", "占年度任务": the share of the plan done.
_SHARE_LABEL = re.compile(
    r"进度|完成率|比例|之比|占比|%|％|^占(?:全年|年度|年)?(?:计划|任务|目标)"
)
# A cell naming a measure ("单位:万人", "计量单位:元/月/人"), not a responsible office.
_MEASURE = re.compile(r"^(?:[%％]|(?:万|亿)?[\u4e00-\u9fff]{1,4}(?:/[\u4e00-\u9fff]{1,2}){0,2})$")
# A cell with nothing in it: "—", "-", "/", "无".
_EMPTY_CELL = re.compile(r"^[\s—\-－/／无]*$")
# A comparator sign may stand before it ("≤4.5" under a unit column "%").
_BARE_FIGURE = re.compile(r"^\s*[≤≥<>＜＞]?\s*-?\d[\d,]*(?:\.\d+)?\s*$")


_UNIT_IN_BRACKETS = re.compile(r"[(（][^()（）]{1,6}[)）]\s*$")


def is_place_column(label: str) -> bool:
    """A header naming a column of places ("市州", "县市区", "县(市、区)")."""
    return bool(_PLACE_LABEL.match(re.sub(r"[\s()（）、]", "", label)))


def label_kind(label: str) -> str:
    """ "actual", "target", "name", "due", "plan", "unit" or "other" for a cell's header
    word."""
    if _UNIT_LABEL.search(label):
        return "unit"
    if _PLAN_LABEL.search(label):
        return "plan"
    if _DUE_LABEL.search(label):
        return "due"
    if _NEXT_LABEL.search(label):
        return "other"
    if label.strip().endswith("名称"):
        return "name"  # "指标名称", "任务名称": what the row is called, not its figure
    if _PLANNED_AMOUNT.match(_UNIT_IN_BRACKETS.sub("", label.strip())):
        return "target"
    if _ACTUAL_LABEL.search(label) or _SHARE_LABEL.search(label):
        return "actual"  # "占年任务之比", "完成率": how far the work is, never a target
    if _TARGET_LABEL.search(label):
        return "target"
    if _NAME_LABEL.search(label) or is_place_column(label):
        return "name"
    return "other"


def is_measure_unit(text: str) -> bool:
    """A unit of measure ("万人", "公里", "元/月/人"): its first part is a known unit."""
    text = text.strip()
    head = text.split("/", 1)[0]
    return bool(_MEASURE.match(text)) and (
        head in KNOWN_UNITS or head.removeprefix("万").removeprefix("亿") in KNOWN_UNITS
    )


def is_empty_cell(text: str) -> bool:
    return bool(_EMPTY_CELL.match(text))


def is_bare_figure(text: str) -> bool:
    """A cell holding a number without its unit ("2712"): the unit is its target's."""
    return bool(_BARE_FIGURE.match(text))


# Cells of one line of a table: split at tabs, bars or runs of spaces.
_SEPARATOR = re.compile(r"\t+|\s*[|｜]\s*| {2,}|\u3000+")


def split_cells(line: str) -> list[str]:
    return [c.strip() for c in _SEPARATOR.split(line.strip()) if c.strip()]


# A table's group row, its ordinal alone in its first cell ("二 | 区城管局 | 项目(3个)").
GROUP_ROW = re.compile(r"^\s*[一二三四五六七八九十]{1,3}\s*[|｜\t]")
# A group's title line in a table: its Chinese ordinal and words, one cell, no figure.
GROUP_TITLE = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）])"
    r"[^\d|｜\t]{2,30}$"
)


# The row of a table by area that gives the whole ("全市", "全县合计", "总计"): the ledger's
# own figure; the other areas' rows are its breakdown.
TOTAL_AREA = re.compile(r"^(?:全(?:省|市|州|盟|县|区|旗)|合计|总计|汇总)(?:合计|总计|小计)?$")


def is_total_row(line: str) -> bool:
    """A table row whose first cell names the whole ("全省 | 1500 | 1110", "合计 | …")."""
    cells = split_cells(line)
    return len(cells) > 1 and bool(TOTAL_AREA.match(cells[0]))


def _unnumbered_row(line: str, above: str) -> bool:
    """A row of figures under its name, as many cells as the line above it, left unnumbered
    above the numbered rows ("达州市 | 600.1 | 110.5 | 120.5 | 109.1%", the whole named by its
    place): a row of the table, not its header."""
    cells = split_cells(line)
    return (
        len(cells) >= 3
        and len(split_cells(above)) == len(cells)
        and all(is_bare_figure(c.rstrip("%％")) for c in cells[1:])
    )


def _untitled_group(line: str, above: str) -> bool:
    """A group's title without an ordinal right under the header ("经济社会发展主要预期目标"
    below "类别 | 序号 | 重点督办内容 | …", the 类别 cell written once above its rows)."""
    return (
        not _FIGURE_OR_CELL.search(line)
        and len(line.strip()) <= 30
        and len(split_cells(above)) >= 3
        and any(label_kind(c) in ("target", "actual") for c in split_cells(above))
    )


_FIGURE_OR_CELL = re.compile(r"[\d|｜\t，,。；;:：]")


def header_labels(preamble: str) -> tuple[str, ...]:
    """The column names of a table's header row (the preamble's last line, when it splits
    into three or more short cells such as "序号 | 项目 | 年度目标 | 1-11月完成"); else ()."""
    lines = [ln for ln in preamble.split("\n") if ln.strip()]
    while len(lines) > 1 and (
        GROUP_ROW.match(lines[-1])
        or GROUP_TITLE.match(lines[-1])
        or is_total_row(lines[-1])
        or _unnumbered_row(lines[-1], lines[-2])
        or _untitled_group(lines[-1], lines[-2])
    ):
        # the first group's row ("一 | 区住建局 | 项目(1个)") or title ("一、主要预期目标",
        # "(一)以…为抓手"), or the table's total row ("全市 | 300 | 180"), under the header
        lines.pop()
    cells = split_cells(lines[-1]) if lines else []
    kinds = {label_kind(c) for c in cells}
    # Short labels; a two-level header writes its group over each column ("本月进展情况 前期手续");
    # a unit in brackets is no part of the label ("累计完成投资额(万元)").
    short = all(len(part) <= 10 for c in cells for part in _UNIT_IN_BRACKETS.sub("", c).split())
    if len(cells) >= 3 and short and kinds & {"target", "actual"}:
        return tuple(cells)
    return ()


# A header naming its column's unit: "计划投资(万元)", "形象进度（%）".
_COLUMN_UNIT = re.compile(r"[(（]\s*([^()（）\d\s]{1,4})\s*[)）]\s*$")


def with_column_unit(cell: str, label: str) -> str:
    """A bare number under a header that names its unit takes that unit ("28" → "28%")."""
    found = _COLUMN_UNIT.search(label)
    if found and is_bare_figure(cell):
        return f"{cell.strip()}{found.group(1)}"
    return cell


def is_share_column(label: str) -> bool:
    return bool(_SHARE_LABEL.search(label))


# A completion rate against the row's target ("完成率", "占年任务之比"), unlike a physical
# progress ("形象进度") that measures the works, not the target's figure.
_RATE_LABEL = re.compile(r"完成率|完成比例|之比|占比|^占(?:全年|年度|年)?(?:计划|任务|目标)")


def is_rate_column(label: str) -> bool:
    return bool(_RATE_LABEL.search(label))


# An item's heading naming the measure of its bare cells in brackets ("城镇新增就业(人)",
# "城镇登记失业率低于(%)"), as a column header does.
_HEADING_UNIT = re.compile(r"[(（]\s*([^()（）\d\s]{1,5})\s*[)）]\s*$")


def heading_measure(heading: str) -> tuple[str, str]:
    """(the heading without its bracketed unit, the unit), or (heading, "") when the
    brackets hold no unit of measure."""
    found = _HEADING_UNIT.search(heading)
    if found and (found.group(1) == "%" or is_measure_unit(found.group(1))):
        return heading[: found.start()].rstrip(), found.group(1)
    return heading, ""


def header_above(lines: list[str], line: int) -> tuple[str, ...]:
    """The header of a table that starts after the report's opening ("附件…" then "序号 | 项目
    内容 | 年度完成情况 | …" over rows): the first header row above 1-based `line`, over the
    rows of the same table; () when the line is no row or none is found."""
    at = line - 2
    while 0 <= at < len(lines) and "|" in lines[at]:
        found = header_labels(lines[at])
        if found:
            return found
        at -= 1
    return ()
