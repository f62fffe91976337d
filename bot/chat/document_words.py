"""Paperwork asked for in words ("给我发个报告", "导出表格", "画个图", "发一下红黄绿榜"): the
command that makes it, run for the asker, instead of a target the words happen to match."""

from __future__ import annotations

import re

from bot.chat.context import ChatContext
from bot.chat.types import Reply, Sender
from bot.understanding.text import normalize

_ASKED = re.compile(
    r"^(?:请|麻烦|能不能|可以|你)*(?:给我|帮我|给|替我)?"
    r"(?:发|出|生成|导出|做|画|弄|来|要|看看|看一下|看下)(?:一下|一)?(?:个|份|张|下)?"
    r"(?:(?P<year>(?:19|20|21)\d\d)年(?:的)?)?(?:台账)?"
    r"(?P<what>工作落实情况汇报|落实情况汇报|汇报材料|汇报|报告|督查通报|通报|表格|excel|xlsx|台账|"
    r"完成情况图|统计图|图表|图|红黄绿榜)"
    r"(?:吧|呢|看看|给我|出来)?$"
)
_TRAILING = " 。.!！?？~～，,"
BULLETIN_BY_COMMAND = (
    "督查通报由管理员发送 /report 通报 生成（会编入期数）；汇报文档请发送 /report。"
)
# What each word asks for: the command and its arguments (a year is put before them).
_COMMANDS = {
    "工作落实情况汇报": ("report", "docx"),
    "落实情况汇报": ("report", "docx"),
    "汇报材料": ("report", "docx"),
    "汇报": ("report", "docx"),
    "报告": ("report", "docx"),
    "表格": ("export", "xlsx"),
    "excel": ("export", "xlsx"),
    "xlsx": ("export", "xlsx"),
    "台账": ("export", "xlsx"),
    "完成情况图": ("chart", ""),
    "统计图": ("chart", ""),
    "图表": ("chart", ""),
    "图": ("chart", ""),
    "红黄绿榜": ("units", ""),
}


def document_request(service: ChatContext, sender: Sender, text: str) -> list[Reply] | None:
    """The paperwork `text` asks for, made by its command; None when it asks for none. The
    督查通报 is only named: writing one numbers an issue, which is an admin's to decide."""
    m = _ASKED.match("".join(normalize(text).split()).strip(_TRAILING))
    if m is None:
        return None
    what = m["what"]
    if what in ("督查通报", "通报"):
        return [Reply(BULLETIN_BY_COMMAND)]
    name, args = _COMMANDS[what]
    args = f"{m['year']} {args}".strip() if m["year"] else args
    return service.command(sender, name, args)
