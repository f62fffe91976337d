"""A table row's own verdict columns: "是否达序:否", "是否完成 | 是", and progress columns by
period ("1-10月推进情况", "1-11月推进情况"), of which only the latest tells where the work is.

`row_cells` reads a row's labelled cells (one "label:value" a line, or cells under a header
row), `latest_progress` drops the earlier periods' cells from the words read for the status,
`row_verdict` reads a yes/no column as the office's own verdict on the row.
"""

from __future__ import annotations

import datetime as dt
import re

from bot.domain.status import compute_status, final_deadline
from bot.drafting.cells import split_cells
from bot.drafting.closing_marks import without_closing_marks
from bot.drafting.columns import is_next_plan_column
from bot.drafting.statuses import begun_not_finished
from bot.drafting.words import Reading, status_from_words

_LABELLED = re.compile(r"^\s*([^\s:：,，。；;]{1,12})\s*[:：]\s*(.*)$")
# "1-11月推进情况", "1至10月进展", "10月底完成情况": the period's last month.
_PERIOD = re.compile(r"(?:\d{1,2}\s*[-—~至到]\s*)?(\d{1,2})\s*月")
_PROGRESS_LABEL = re.compile(r"推进|进展|进度|完成|情况")
_YES = ("是", "已", "√", "✓", "Y", "y", "达序", "已达序")
_NO = ("否", "未", "×", "✗", "N", "n", "未达序")
# Yes/no columns by what they ask. "是否滞后" asks the opposite of the others.
_ASKS_BEHIND = re.compile(r"滞后|落后|延期")
_ASKS_ON_PACE = re.compile(r"达序|序时|时序|进度|按期|按时|如期")
_ASKS_DONE = re.compile(r"完成|办结|完工|竣工|建成|销号")


def row_cells(
    target_text: str, progress_text: str, header: tuple[str, ...]
) -> list[tuple[str, str]]:
    """(label, value) of a row's cells: its labelled lines, and its line's cells under `header`."""
    cells: list[tuple[str, str]] = []
    line_cells = split_cells(target_text)
    if header and len(header) == len(line_cells) + 1:
        header = header[1:]  # the number column, read as the item's "N."
    if header and len(header) == len(line_cells) > 1:
        cells += list(zip(header, line_cells, strict=True))
    for line in progress_text.split("\n"):
        found = _LABELLED.match(line)
        if found:
            cells.append((found.group(1), found.group(2).strip()))
    return cells


_LEAD_COLUMN = re.compile(r"^\s*(?:牵头|责任|主办|承办)(?:单位|部门)\s*$")


def lead_cell(cells: list[tuple[str, str]]) -> str:
    """A "牵头单位:…" line for the row's cell under a 责任单位/牵头单位 column ("" when none):
    the table names who leads the row as a labelled line would."""
    found = next((v for label, v in cells if _LEAD_COLUMN.match(label) and v.strip()), "")
    return f"牵头单位:{found.strip()}\n" if found else ""


def _period_end(label: str) -> int:
    found = _PERIOD.search(label) if _PROGRESS_LABEL.search(label) else None
    return int(found.group(1)) if found else 0


def latest_progress(told: str, cells: list[tuple[str, str]]) -> str:
    """`told` without the cells of earlier periods when the row has progress by period: the
    1-10月 column is an earlier state that the 1-11月 column replaces; and without the work
    planned next ("7月工作计划:开工建设"), which tells nothing done."""
    told = "\n".join(
        ln
        for ln in told.split("\n")
        if not ((found := _LABELLED.match(ln)) and is_next_plan_column(found.group(1)))
    )
    ends = [(_period_end(label), value) for label, value in cells]
    latest = max((end for end, _value in ends), default=0)
    stale = [v for end, v in ends if 0 < end < latest and v.strip()]
    if not stale:
        return told
    kept = [ln for ln in told.split("\n") if not any(ln.strip().endswith(v) for v in stale)]
    return "\n".join(kept)


def _answer(value: str) -> bool | None:
    value = value.strip().rstrip("。.")
    if value in _YES:
        return True
    if value in _NO:
        return False
    return None


def row_verdict(cells: list[tuple[str, str]], spec, told: str, day: dt.date) -> Reading | None:
    """The status a yes/no column states of its row ("是否达序:否" → 滞后), quoting it;
    None when the row has no such column or its answer is neither yes nor no."""
    for label, value in cells:
        answer = _answer(value) if label.startswith("是否") else None
        if answer is None:
            continue
        quoted = f"{label}:{value.strip()}"
        if _ASKS_BEHIND.search(label):
            answer, asks = not answer, "pace"
        elif _ASKS_ON_PACE.search(label):
            asks = "pace"
        elif _ASKS_DONE.search(label):
            asks = "done"
        else:
            continue
        if not answer:
            due = final_deadline(spec, day)
            late = "未完成" if asks == "done" and day > due else "滞后"
            return Reading(late, f"报告称“{quoted}”", 0.9)
        if asks == "done":
            return Reading("已完成", f"报告称“{quoted}”", 0.9)
        return _on_pace(spec, told, day, quoted, _latest_cell(cells))
    return None


def _latest_cell(cells: list[tuple[str, str]]) -> str:
    """The latest period's progress cell ("1-11月推进情况:…"), or ""."""
    dated = [(_period_end(label), f"{label}:{value}") for label, value in cells if value.strip()]
    end, cell = max(dated, default=(0, ""), key=lambda pair: pair[0])
    return cell if end else ""


def _on_pace(spec, told: str, day: dt.date, quoted: str, latest: str) -> Reading:
    """On schedule: done if its figures or words say so, else under way, with the latest
    progress beside the column."""
    said = status_from_words(told)
    if any(i.comparable for i in spec.indicators):
        status = compute_status(spec, day)
        if status in ("已完成", "超额完成"):
            return Reading(status, f"报告称“{quoted}”，按指标数字计算", 0.8)
    elif said is not None and said.value in ("已完成", "超额完成"):
        return Reading(said.value, f"报告称“{quoted}”，“{said.words}”", said.confidence)
    words = latest or (said.words if said is not None else "")
    return Reading("推进中", f"报告称“{quoted}”" + (f"，“{words}”" if words else ""), 0.85)


# A status cell holds a short verdict and nothing else ("按时序推进", "已完工", "滞后").
_STATUS_CELL_CHARS = 10


# Verdicts a status cell writes in a word or two, too short for the words of prose.
_CELL_WORDS = {
    "完成": "已完成", "完工": "已完成", "正常": "推进中", "达序": "推进中", "已达序": "推进中",
    "如期推进": "推进中", "在建": "推进中", "建设中": "推进中", "未达序": "滞后",
}  # fmt: skip


def _status_cell(line: str) -> Reading | None:
    cells = split_cells(line)
    last = cells[-1].strip(" 。.；;") if len(cells) >= 3 else ""
    if not last or len(last) > _STATUS_CELL_CHARS or re.search(r"\d", last):
        return None
    said = status_from_words(last)
    if said is None and last in _CELL_WORDS:
        said = Reading(_CELL_WORDS[last], last, 0.8)
    if said is None or said.words.strip(" 。.；;") != last:
        return None
    if said.value == "已完成" and begun_not_finished(last):
        return Reading("推进中", said.words, 0.7)  # "已开工": begun, not done
    return said


# Columns for a plan or a remark ("下步计划 | 加快推进"), whose words are no verdict, and
# columns a verdict is written under ("状态", "完成情况").
_PLAN_LABEL = re.compile(r"计划|下步|下一步|措施|打算|备注|说明|问题|建议")
_VERDICT_LABEL = re.compile(r"状态|评价|等次|情况|进度")


def status_column(
    target_text: str, progress_text: str, header: tuple[str, ...] = ()
) -> Reading | None:
    """The status a table's status column states of a row ("… | 县教育局 | … | 按时序推进"),
    or of every sub-row under it alike ("| 1.乐业路 | 区城管局 | 已完工 |"): the office's own
    verdict, quoted; None when the rows have no such cell or their cells disagree. Under a
    header, the column named for a verdict ("状态") is read wherever it stands, and a last
    column for a plan or a remark is none."""
    for label, value in row_cells(target_text, "", header) if header else ():
        said = _status_cell(f"{label} | {label} | {value}")
        if said is not None and _VERDICT_LABEL.search(label) and not _PLAN_LABEL.search(label):
            return Reading(said.value, f"报告称“{label}:{said.words}”", 0.85)
    if header and _PLAN_LABEL.search(header[-1]):
        return None
    rows = [target_text] + [ln for ln in progress_text.split("\n") if len(split_cells(ln)) >= 3]
    said = [r for r in (_status_cell(row) for row in rows) if r is not None]
    if not said or len({r.value for r in said}) > 1:
        return None
    if len(said) < len([r for r in rows if len(split_cells(r)) >= 3]):
        return None  # a sub-row without a verdict: the column does not speak for the item
    words = "、".join(dict.fromkeys(r.words for r in said))
    return Reading(said[0].value, f"报告称“{words}”", 0.85)


# A status written as a mark before the item ("【已完成】新建…", "(滞后)建设…"), as some
# progress lists flag each line.
_STATUS_MARK = re.compile(r"^\s*[【\[(（]\s*([\u4e00-\u9fff]{2,6})\s*[】\])）]\s*")
_BARE_DONE = ("完成", "已完工", "完工", "竣工")


def status_mark(text: str) -> tuple[str, Reading | None, str]:
    """The item's text without its status mark, the status a leading mark states (None when
    none), and "牵头单位:…\n" for the lead unit named after a closing mark ("" when none)."""
    stripped, lead = without_closing_marks(text)  # "…退出。【已完成】（牵头：县工信局）"
    if stripped != text:
        return stripped, None, lead
    mark = _STATUS_MARK.match(text)
    if mark is None:
        return text, None, ""
    said = status_from_words(mark.group(1))
    if said is None and mark.group(1) in _BARE_DONE:
        said = Reading("已完成", mark.group(1), 0.8)
    if said is None:
        return text, None, ""
    return text[mark.end() :], Reading(said.value, f"报告标注“{mark.group(0).strip()}”", 0.8), ""


# A line of a progress report that opens on its result ("建成干鲜果基地7.43万亩,其中核桃…",
# "优化公交线路41条,其中市本级34条…"): the work told as done, its parts counted after it.
_RESULT_FIRST = re.compile(
    r"^\s*(?:建成|优化|改造完成|建设完成)[^，,。；;\d]{1,16}\d[^。；;]*[，,]\s*其中"
)


def result_first(line: str) -> Reading | None:
    """已完成, quoting the result, when `line` opens on its result and counts its parts."""
    found = _RESULT_FIRST.match(line)
    if found is None or _PLANNED_WORDS.search(line):
        return None
    return Reading("已完成", re.split(r"[，,]", line.strip(), maxsplit=1)[0], 0.6)


_PLANNED_WORDS = re.compile(r"计划|目标|任务|力争|确保|预计|将|拟|正在|开工")
