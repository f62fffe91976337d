"""A table row whose merged cells were left out: the sub-row of an item that spans rows.

A 实事 whose name and lead unit cells span two rows ("实事名称", "责任单位" merged) gives its
second row only its own cells ("1700人以上糖尿病患者 | 全县17家乡镇卫生院 | 12月底 | 截至…").
Its due date ("12月底") stands under the header's due column: the cells after it are the
columns after that one, in order; the cells before it fill the columns before it from the
right, passing over a unit column for a cell that names no office (the merged one).
"""

from __future__ import annotations

import re

from bot.drafting.columns import label_kind

# A cell that is only a due date: "12月底", "11月底前", "2022年12月", "年底", "6月30日".
_DUE_CELL = re.compile(
    r"^\s*(?:\d{4}\s*年\s*)?(?:\d{1,2}\s*月(?:底|末|中旬|下旬|上旬)?(?:\d{1,2}\s*日)?|年底|年内)"
    r"(?:前|之前)?\s*$"
)
# A cell naming an office ("卫健局", "县农业农村局", "城管委"): what a unit column holds.
_OFFICE = re.compile(r"(?:局|委|办|院|中心|公司|政府|部|所|站|队|街道|乡|镇)\s*$")


def aligned_on_due_date(header: tuple[str, ...], cells: list[str]) -> tuple[str, ...]:
    """The header's columns for a row shorter than it (the number column dropped), aligned on
    its one due-date cell; () when the row has no such cell or the columns do not fit."""
    columns = header[1:] if header and label_kind(header[0]) != "name" else header
    due_cells = [k for k, c in enumerate(cells) if _DUE_CELL.match(c)]
    due_columns = [k for k, h in enumerate(columns) if label_kind(h) == "due"]
    if len(due_cells) != 1 or len(due_columns) != 1:
        return ()
    (d,), (h,) = due_cells, due_columns
    if len(cells) - d != len(columns) - h:
        return ()  # the cells after the date are not the columns after it, one for one
    chosen = list(range(h, len(columns)))
    k = h - 1
    for cell in reversed(cells[:d]):
        while k >= 0 and label_kind(columns[k]) == "unit" and not _OFFICE.search(cell):
            k -= 1  # the merged lead unit's column: this cell is not an office
        if k < 0:
            return ()
        chosen.insert(0, k)
        k -= 1
    return tuple(columns[k] for k in chosen)
