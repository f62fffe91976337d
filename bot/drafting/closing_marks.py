"""The status mark and the lead unit a target's line may close on, as the bot's own Word report
writes each target ("…关闭退出。【已完成】（牵头：县工信局）", its Markdown one "… 🟢已完成"):
neither is the target's text.

The mark is not read as the status: the bot computed it from the figures a draft reads again (on
the report's day), and an override taken from it would pin the status for good.
"""

from __future__ import annotations

import re

from bot.drafting.words import status_from_words

# 【已完成】 as the Word report writes it, or its light and status as the Markdown one does
# ("…第一方阵。** ⚪暂无数据")
_MARK = (
    r"(?:【([^【】\n]{2,40})】|[🟢🟡🔴⚪]\ufe0f?\s*(超额完成|已完成|推进中|滞后|未完成|暂无数据))"
)
_LEAD = r"[（(](?:牵头|责任)(?:单位|部门)?\s*[:：]\s*([^（）()\n]{2,60})[）)]"
_CLOSING = re.compile(rf"(?<=\S)\s*{_MARK}\s*(?:{_LEAD})?\s*$")
_ONLY = re.compile(rf"^\s*{_MARK}\s*(?:{_LEAD})?\s*$")


def without_closing_marks(text: str) -> tuple[str, str]:
    """`text` without a closing status mark and the lead unit after it, and "牵头单位:…\\n" for
    that unit ("" when none); `text` as it is when it closes on no status mark."""
    found = _CLOSING.search(text)
    if found is None or status_from_words(found.group(1) or found.group(2)) is None:
        return text, ""
    lead = f"牵头单位:{found.group(3).strip()}\n" if found.group(3) else ""
    return text[: found.start()], lead


def only_closing_marks(text: str) -> bool:
    """`text` is a status mark alone, perhaps with the lead unit after it: no progress."""
    found = _ONLY.match(text)
    return found is not None and status_from_words(found.group(1) or found.group(2)) is not None
