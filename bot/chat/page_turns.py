"""Pages of a long list turned in words ("下一页", "上一页", "第二页"), as the ◀ ▶ buttons turn
them: a leader who types it instead of pressing gets that page, never a target the words
happen to match."""

from __future__ import annotations

import json
import re

from bot.chat.context import ChatContext
from bot.chat.types import Reply, Sender
from bot.store.models import SavedList
from bot.store.uow import reading
from bot.understanding.conversation import Conversation
from bot.understanding.cues import to_int
from bot.understanding.text import normalize

# "下一页", "后一页呢", "再翻一页", "上一页", "前一页", "第二页", "第3页", "最后一页".
_PAGE_WORDS = re.compile(
    r"^(?:请|再|麻烦)?(?:"
    r"(?P<next>(?:往?下|往?后)一?页|翻(?:一)?页|再翻一页|翻到下一页)"
    r"|(?P<prev>(?:往?上|往?前)一?页|翻回去|翻回上一页)"
    r"|第(?P<at>[0-9一二两三四五六七八九十]{1,3})页"
    r"|(?P<first>第?一页|首页)"
    r"|(?P<last>最后一页|末页)"
    r")(?:呢|吧|吗|看看|看一下)?$"
)
_TRAILING = " 。.!！?？~～，,"
PAGE_SIZE = 10  # lines on one page of a long list


def saved_numbers(numbers: list[int], notes: dict[int, str] | None) -> str:
    """A long list as `SavedList.numbers_json` keeps it: the numbers, with their lines' notes
    when there are any ({"numbers": […], "notes": {"6": "逾期"}})."""
    if not notes:
        return json.dumps(numbers)
    kept = {str(n): notes[n] for n in numbers if n in notes}
    return json.dumps({"numbers": numbers, "notes": kept}, ensure_ascii=False)


def listed_numbers(numbers_json: str) -> tuple[list[int], dict[int, str]]:
    """The numbers and notes `saved_numbers` wrote (a plain list: no notes)."""
    kept = json.loads(numbers_json)
    if isinstance(kept, list):
        return kept, {}
    return kept["numbers"], {int(n): note for n, note in kept.get("notes", {}).items()}


def page_request(text: str) -> tuple[str, int] | None:
    """("next"|"prev", 0) or ("at", page index from 0, -1 for the last) when `text` only turns
    a page; None for anything else."""
    typed = "".join(normalize(text).split()).strip(_TRAILING)  # 下一頁 as 下一页
    m = _PAGE_WORDS.match(typed)
    if m is None:
        return None
    if m["next"]:
        return "next", 0
    if m["prev"]:
        return "prev", 0
    if m["first"]:
        return "at", 0
    if m["last"]:
        return "at", -1
    number = to_int(m["at"])
    return ("at", number - 1) if number else None


def shown_page(reply: Reply) -> tuple[int, int] | None:
    """(saved list id, page index) of a list page reply, read from its ◀ ▶ buttons."""
    for row in reply.buttons:
        for button in row:
            kind, _, rest = button.data.partition(":")
            if kind != "page":
                continue
            list_id, page = (int(x) for x in rest.split(":"))
            return list_id, page - 1 if button.label.startswith("下一页") else page + 1
    return None


def note_pages(service: ChatContext, sender: Sender, replies: list[Reply]) -> None:
    """Remember the list page a reply shows, so "下一页" typed next turns it and "第3个"
    counts on it."""
    for reply in replies:
        shown = shown_page(reply)
        if shown is not None:
            with reading(service.engine) as session:
                saved = session.get(SavedList, shown[0])
            conversation = service.conversations.of(sender.chat_id)
            if saved is None:
                conversation.drop_pages()
            else:
                _show(conversation, saved, shown[1])


def _show(conversation: Conversation, saved: SavedList, page: int) -> None:
    numbers, _ = listed_numbers(saved.numbers_json)
    lines = tuple(numbers[page * PAGE_SIZE : (page + 1) * PAGE_SIZE])
    conversation.show_page(saved.id, page, lines)


def turn_page(service: ChatContext, sender: Sender, text: str) -> list[Reply] | None:
    """The page of the chat's last long list the words ask for; None when they ask none."""
    request = page_request(text)
    if request is None:
        return None
    conversation = service.conversations.of(sender.chat_id)
    if not conversation.paged:
        if 0 < len(conversation.listed) <= PAGE_SIZE:
            return [Reply(f"刚才的清单只有一页（共{len(conversation.listed)}项），没有下一页。")]
        return [
            Reply("没有可以翻页的清单：请先查一个清单（如“哪些没完成”），再说“下一页”或“第二页”。")
        ]
    list_id, page = conversation.paged
    with reading(service.engine) as session:
        saved = session.get(SavedList, list_id)
    if saved is None:
        conversation.drop_pages()
        return [Reply("刚才的清单已过期，请重新查询。")]
    pages = _page_count(saved)
    kind, at = request
    wanted = page + 1 if kind == "next" else page - 1 if kind == "prev" else at
    if wanted == -1 and kind == "at":
        wanted = pages - 1
    if not 0 <= wanted < pages:
        where = "已经是第一页" if wanted < 0 else f"已经是最后一页（共{pages}页）"
        if kind == "at":
            where = f"这个清单只有{pages}页"
        return [Reply(f"{where}。说“第1页”到“第{pages}页”可以直接翻到那一页。")]
    _show(conversation, saved, wanted)
    return [service.list_page(saved, wanted)]


def _page_count(saved: SavedList) -> int:
    numbers, _ = listed_numbers(saved.numbers_json)
    return max(1, -(-len(numbers) // PAGE_SIZE))
