"""Whether the copy of a report breaks off inside its last item (a page cut short): its last
line has fewer cells than the row before it, or lacks the stop its other items end with."""

from __future__ import annotations

from bot.drafting.columns import split_cells

# What closes a sentence or a quoted name: a copy that stops without one was cut off.
_CLOSED = tuple("。；;！？!?…）)”」》】")


def _last_line(item) -> str:
    return f"{item.target_text}\n{item.progress_text}".strip().rsplit("\n", 1)[-1]


def breaks_off(items) -> bool:
    """The copy of the report breaks off inside its last item: a table row with fewer cells
    than the row before it, or prose without the stop its other items end with."""
    if len(items) < 2:
        return False
    last, before = _last_line(items[-1]), _last_line(items[-2])
    if last.count("“") > last.count("”"):  # a quotation opened and never closed
        return True
    if "|" in before:  # cells with something in them: trailing empty cells may go unwritten
        return len(split_cells(last)) < len(split_cells(before))
    stopped = sum(_last_line(i).endswith(_CLOSED) for i in items[:-1])
    return not last.endswith(_CLOSED) and 2 * stopped > len(items) - 1
