"""Where the run of items a status heading announces ends ("进展不够理想的有:" A;B;C;D。).

A heading that ends on a colon may announce one sentence listing its items, cut at its
semicolons, one item a line: the item whose line ends the sentence ("…18.8%。") is its last;
the items after it ("9.固定资产投资完成情况:…") are no longer in its group.
"""

from __future__ import annotations

_RUN_GOES_ON = ("；", ";")
_RUN_ENDS = ("。",)


def past_its_run(lines: list[str], heading: int, item: int, item_lines: set[int]) -> bool:
    """The item on line index `item` comes after the end of the run that the heading on line
    index `heading` announced: the heading ends on a colon, the run's first item line goes on
    with "；" and an item line between them ends the sentence with "。". (A section's title,
    "一、当年完成的97件实事", heads its section's sentences, however many.)"""
    if not lines[heading].rstrip().endswith((":", "：")):
        return False
    above = sorted(k for k in item_lines if heading < k < item)
    if not above or not lines[above[0]].rstrip().endswith(_RUN_GOES_ON):
        return False
    return any(lines[k].rstrip().endswith(_RUN_ENDS) for k in above)
