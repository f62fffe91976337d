"""A change asked for in words ("把新增贷款改成26亿元", "耕地保护改为已完成"): a question only
reads the ledger, so the answer first says nothing was changed and how the change is made, lest
an admin take the card for a change applied."""

from __future__ import annotations

import re
import unicodedata

from bot.chat.context import ChatContext
from bot.chat.types import ADMIN, Sender, ask_the_office
from bot.domain.ledger import STATUSES, TargetSpec
from bot.understanding.conversation import Answer

# "改成", "改为", "更新为", "修改成", "调整为", "调成", "变更为", then what it should be.
_CHANGE_TO = re.compile(
    r"(?:修改|更改|变更|更新|调整|改|调|录入|填)(?:成|为|到)\s*(?P<value>[^，。,；;！!？?]+)"
)
_FIGURE = re.compile(r"^(?P<number>-?\d+(?:\.\d+)?)\s*(?P<unit>[^\d\s]*)$")


def change_hint(service: ChatContext, sender: Sender, text: str, answer: Answer) -> str | None:
    """The line that goes before an answer to a change asked in words: nothing was changed,
    and the command that would change it (for admins) or whom to ask; None for a question."""
    typed = unicodedata.normalize("NFKC", text)
    m = _CHANGE_TO.search(typed)
    if m is None or answer.intent != "target" or answer.ambiguous or not answer.targets:
        return None
    if answer.filter.get("year") not in (None, service.year):  # another year's target
        return f"➤ 提问不会修改台账；修改只针对当前年度（{service.year}年）的台账。"
    target = service.answerer.by_number.get(answer.targets[0])
    if target is None:
        return None
    value = m["value"].strip().rstrip("了吧呢啊")
    command = _command(target, value, str(answer.filter.get("indicator", "")))
    if command is None:
        return None
    if service.role_of(sender) == ADMIN:
        return f"➤ 提问不会修改台账。要修改，请发送：{command}（确认后生效）"
    ask = ask_the_office(service.config.office_name)
    return f"➤ 提问不会修改台账。修改数据{ask}；责任单位可用 /report 报送进展。"


def _command(target: TargetSpec, value: str, indicator: str) -> str | None:
    """The /status or /set that makes `target` say `value`, None when `value` is neither."""
    if value in STATUSES:
        return f"/status {target.number} {value} 理由"
    figure = _FIGURE.match(value)
    if figure is None:
        return None
    if not indicator:
        named = [i for i in target.indicators if i.target]
        indicator = named[0].name if len(named) == 1 else "指标名"
    return f"/set {target.number} {indicator} {figure['number']}{figure['unit']}"


# "新增贷款的变更记录", "谁改的", "修改过哪些": the audit trail of the target asked about.
_HISTORY = re.compile(
    r"变更记录|修改记录|改动记录|更改记录|历史记录|谁改的|谁修改|谁动过|改过什么|改了什么"
)


def history_reply(service: ChatContext, text: str, answer: Answer) -> str | None:
    """The audit trail of the one target `answer` is about, when `text` asks for its changes
    ("新增贷款的变更记录", "新增贷款谁改的"); None otherwise."""
    if not _HISTORY.search(unicodedata.normalize("NFKC", text)):
        return None
    if answer.intent != "target" or answer.ambiguous or not answer.targets:
        return None
    year = answer.filter.get("year")
    return service.history_text(answer.targets[0], year if isinstance(year, int) else None)
