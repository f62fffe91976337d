"""Lines of a report's page that are neither an item nor its progress: the heading of a field
the next items belong to, the footer a web page prints under the article, and the lines that
open what follows (a notice's attachment list, a table's header row).
"""

from __future__ import annotations

import re

from bot.drafting.columns import header_labels

# A yearbook's or a summary's field heading, closed by a stop ("农民增收工程。", "村镇环境与文明
# 建设。"): a programme's name, no figure, no word of doing. The items below it are its.
_FIELD_HEADING = re.compile(
    r"^\s*[\u4e00-\u9fff]{2,16}(?:工程|建设|行动|事业|保障|治理|提升|服务)[。.]?\s*$"
)
_DOING = re.compile(r"已|正在|完成|推进|开展|加快|实施|启动|开工|建成|竣工|完工|未|将|计划|阶段")


def field_heading(line: str) -> bool:
    """The line names the field of the items below it, not the progress of the item above."""
    return bool(_FIELD_HEADING.match(line)) and not _DOING.search(line)


# A web page's footer under the article ("编辑:admin  作者:", "责任编辑：王某", "来源:县政府办"):
# no item's progress, and no sign that the copy was cut.
_PAGE_FOOTER = re.compile(
    r"^\s*(?:(?:责任)?编辑|责编|作者|来源|审核|校对|初审|终审|供稿)\s*[:：][^。；;]{0,30}$"
)


def page_footer(line: str) -> bool:
    return bool(_PAGE_FOOTER.match(line))


# The list of a notice's attachments ("附件: 1.2022年度…完成情况 2.…"): titles of tables to come.
_ATTACHMENTS = re.compile(r"^\s*附件\s*[:：]")
# A header row opens on the rows' number column ("序号 | 项目内容 | 年度完成情况 | …").
_NUMBER_LABEL = re.compile(r"^\s*(?:序号|编号)\s*[|｜\t]")


def opens_what_follows(line: str) -> bool:
    """The line opens what follows it (an attachment list, a table's header row), not the
    progress of the item above it."""
    return bool(_ATTACHMENTS.match(line) or (_NUMBER_LABEL.match(line) and header_labels(line)))


# A line saying only that nothing is told yet ("（暂无进展）", as the bot's own report prints
# for a target without progress; "暂无进展情况。"): no progress of the item, nor a verdict.
_NO_PROGRESS = re.compile(
    r"^\s*[（(]?\s*(?:暂无|尚无)(?:进展|进度)(?:情况)?\s*[)）]?\s*[。.]?\s*$"
)


def no_progress(line: str) -> bool:
    return bool(_NO_PROGRESS.match(line))
