"""A change still waiting for 确认 while the admin does something else: it is kept and said.

On Telegram the 确认/取消 buttons stay under the proposal, but a question asked in between
pushes them out of sight, and the console's numbered choices move on to the next reply. So
the admin is told the change has not taken effect yet, and "确认" or "取消" typed as text
settles it, as the button would.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from bot.chat.changes import btn_cancel, btn_confirm
from bot.chat.context import ChatContext
from bot.chat.types import ADMIN, Reply, Sender
from bot.store.models import PendingChange, utc_now
from bot.store.pending import latest_waiting
from bot.store.uow import reading

# How long a proposal may wait and still be settled by a typed word, or said to wait: an
# older one was plainly left, and a bare "确认" must never apply it unseen.
WAITING_WINDOW = dt.timedelta(minutes=30)
CONFIRM_WORDS = frozenset({"确认", "确定", "好的确认", "确认修改"})
CANCEL_WORDS = frozenset({"取消"})


def waiting_change(service: ChatContext, sender: Sender) -> PendingChange | None:
    """The sender's newest change still waiting for 确认 (admins only), if recent."""
    if service.role_of(sender) != ADMIN:
        return None
    with reading(service.engine) as session:
        return latest_waiting(
            session, admin_id=sender.user_id or 0, since=utc_now() - WAITING_WINDOW
        )


def typed_settlement(service: ChatContext, sender: Sender, word: str) -> list[Reply] | None:
    """ "确认"/"取消" typed as text: the waiting change settled as its button would; None when
    nothing waits."""
    if word not in CONFIRM_WORDS | CANCEL_WORDS:
        return None
    pending = waiting_change(service, sender)
    if pending is None:
        return None
    press = btn_confirm if word in CONFIRM_WORDS else btn_cancel
    replies = press(service, sender, ADMIN, str(pending.id))
    # a typed word edits no message: the reply is a message of its own, never a bare toast
    return [dataclasses.replace(r, text=r.text or r.toast or "", edit=False) for r in replies]


def _proposes(replies: list[Reply]) -> bool:
    return any(b.data.startswith("confirm:") for r in replies for row in r.buttons for b in row)


def with_waiting_note(service: ChatContext, sender: Sender, replies: list[Reply]) -> list[Reply]:
    """The replies, the last one ending with a line saying which change still waits."""
    if not replies or _proposes(replies):
        return replies
    pending = waiting_change(service, sender)
    if pending is None:
        return replies
    lines = pending.summary.splitlines() or [f"第{pending.target_number}项的修改"]
    first = lines[0].split("（")[0]  # the change itself, without its remark
    more = "等" if len(lines) > 1 else ""
    note = (
        f"（尚未生效，还在等您确认：{first}{more}。"
        "点该消息下的“确认”或输入“确认”生效，输入“取消”放弃。）"
    )
    last = replies[-1]
    if not last.text:  # a button's toast alone: no message to add it to
        return replies
    if last.document is not None or last.photo is not None:  # a caption: a line of its own
        return [*replies, Reply(note)]
    return [*replies[:-1], dataclasses.replace(last, text=f"{last.text}\n{note}")]
