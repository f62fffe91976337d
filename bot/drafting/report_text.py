"""Read a report in the seed's format (preamble, `N.` targets, progress paragraphs).

`parse_report` splits the text; `draft_ledger` turns it into a draft ledger with the
deadlines and figures pre-extracted, for staff to curate by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.domain.ledger import strip_control_characters
from bot.drafting.block_heads import headed_blocks
from bot.drafting.closing_marks import only_closing_marks
from bot.drafting.details import detail_sections, item_name
from bot.drafting.groups import Group, announces_group, find_headings, group_of, listed_in_runs
from bot.drafting.numbered_notices import (
    OWN_NUMBER,
    list_number,
    named_by_number,
    numbered_mentions,
    refusal,
)
from bot.drafting.page_lines import field_heading, no_progress, opens_what_follows, page_footer
from bot.drafting.promise_lines import promised_items
from bot.drafting.run_ends import past_its_run
from bot.drafting.section_lists import SECTION, first_under_section, opens_with_date
from bot.drafting.sub_lists import in_sub_list, sub_list_mark
from bot.drafting.target_colons import target_then_result
from bot.drafting.text_figures import UNIT_PATTERN
from bot.drafting.words import status_from_words


class ReportFormatError(Exception):
    """The text is not a report in the expected format; the message names the line."""


@dataclass(frozen=True)
class ReportTarget:
    number: int
    target_text: str
    progress_text: str
    same_line: bool
    line: int  # 1-based line of the `N.` line
    group: Group | None = None  # the status heading the item is listed under (groups.py)
    # The line names the item and goes on in one sentence with its progress, whose figures
    # may still be the target's ("…(第二十三项)推动“美丽海岸带”建设2公里未启动").
    one_sentence: bool = False
    details: str = ""  # sections after the list that name the item ("(一)<name>…", details.py)


@dataclass(frozen=True)
class Report:
    preamble: str
    targets: tuple[ReportTarget, ...]


_SENTENCE_END = "。"
# A closing line that signs the report: an office ("六安市民生办", "县督查局") or a date.
_SIGNATURE = re.compile(
    r"^\s*(?:[^\s\d，,。；;:：]{2,16}(?:办公室|办|局|委员会|委|政府|中心|小组)"
    r"|20\d{2}年\d{1,2}月\d{1,2}日)\s*$"
)


# An item quoting its task as the plan set it ("“全年实现各类融资210亿元”,占…"): the quotation
# is the target, whatever words of doing it holds; what follows it is the report's own.
# (A quotation that only names a thing, "“一事一议”硬化村内巷道…", runs on into the target.)
# ("“…通车”项目8月底具备通车条件": the quotation names the project, the rest is told of it.)
_QUOTED_TASK = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+是)?\s*“([^“”]{4,})”"
    r"(?:(?:项目|工程)\s*|\s*(?=[，,。；;、等]|$))(.*)$"
)


def _split_same_line(text: str) -> tuple[str, str]:
    # A target whose result shares its line ends its target sentence at the first 。; a
    # second sentence that only names a measure and its figure ("…0.12万亩。森林抚育0.5万亩")
    # goes on the target's list.
    labelled = _PROGRESS_LABEL.search(text)
    if labelled and "|" not in text and "｜" not in text:
        # "目标:新增市场主体3000户;进展:1-9月新增2410户。": the labels say which is which.
        head = _TARGET_LABEL.sub("", text[: labelled.start()]).rstrip("，,；;。 ")
        if head:
            return head, text[labelled.end() :].strip()
    if "|" not in text and "｜" not in text and (colon := target_then_result(text)):
        return colon  # "用水总量控制在3.5亿立方米以内:全年用水3.1亿立方米"
    quoted = _QUOTED_TASK.match(text)
    if quoted and quoted.group(2).strip('，,。；;、”" '):
        return quoted.group(1), quoted.group(2).lstrip("，,、 ")
    if quoted:  # a name that goes on in the next item keeps its joiner ("“…”、")
        return quoted.group(1) + quoted.group(2).strip(' ，,。；;”"'), ""
    head, sep, tail = text.partition(_SENTENCE_END)
    if sep and (_NEXT_CELL_START.match(tail) or _CELL_SEPARATOR.search(head)):
        # "1.地区生产总值增长6%以上。 | 区发改委 | 同比增长2.9%。": the 。 ends a cell of a
        # table row, not the item's target sentence; so does one inside a later cell ("…|
        # 新章镇大桥:…项目暂缓。彩虹桥…"); the row is read whole (cells.py).
        return text, ""
    if sep and _TITLE_ONLY.match(head) and re.search(r"\d", re.split(r"[，,。；;]", tail)[0]):
        # "城镇新增就业。年度目标5000人,截至9月底完成4200人": a title, then the target.
        more, rest = _split_same_line(tail)
        return head + sep + more, rest
    if sep and _BYLINE.match(tail):
        return head + sep, ""  # "…道路。(吕锦武)": the article's byline, no progress
    if sep and only_closing_marks(tail):
        return text, ""  # "…。【已完成】（牵头：…）": the line's marks (closing_marks.py)
    if sep and tail.strip() and not _more_target(tail, head):
        return head + sep, tail
    return text, ""


# A news article's closing byline: its writer's name in brackets ("(吕锦武)", "（记者 王某
# 通讯员 李某）", "(来源:某日报)"), nothing told of the work.
_BYLINE = re.compile(
    r"^\s*[(（](?:(?:记者|通讯员|作者|编辑|责任编辑|责编|来源)[:：\s]*[^()（）]{0,30}"
    r"|(?![^)）]*(?:完成|推进|进展|滞后|开工|建成|竣工|已|未|暂))[\u4e00-\u9fff·]{2,5}"
    r"(?<![局委办部院所队站社会府心]))[)）]\s*$"
)  # not a bracketed verdict ("(已完成)", "（推进中）") nor an office ("(县住建局)")


# Labels of a line written as "目标:…;进展:…" (or "任务:…。完成情况:…").
_TARGET_LABEL = re.compile(r"^\s*(?:年度目标|目标任务|工作目标|目标|任务|计划)\s*[:：]\s*")
_PROGRESS_LABEL = re.compile(
    r"(?<=[，,；;。\s])(?:进展情况|工作进展|推进情况|完成情况|落实情况|进展|进度)\s*[:：]\s*"
)


# A first sentence that only names the item: a few words, no figure, no clause.
_TITLE_ONLY = re.compile(r"^[^\d，,；;:：|｜\t]{2,12}$")


_CELL_SEPARATOR = re.compile(r"[|｜\t]")
# A cell separator opening what follows a sentence: the sentence was a table cell.
_NEXT_CELL_START = re.compile(r"^\s*[|｜\t]")


_MEASURE_AND_FIGURE = re.compile(
    rf"^([\u4e00-\u9fff]{{2,12}})\d+(?:\.\d+)?\s*(?:万|亿)?(?:{UNIT_PATTERN})$"
)
_DOING = re.compile(r"已|完成|实现|达到|达|建成|累计|截至|截止|共|为|新增|增加|提高|下降|增长")


def _more_target(sentence: str, head: str = "") -> bool:
    """A measure and its figure, no word of doing: "森林抚育0.5万亩", not "已完成造林0.8万亩",
    nor the measure the target sentence `head` just set ("开展培训1万人次。全年培训0.86万人次":
    the second figure answers the first)."""
    bare = _MEASURE_AND_FIGURE.match(sentence.strip().rstrip("。.；;"))
    if not bare or _DOING.search(bare.group(1)):
        return False
    words = re.sub(r"^(?:全年|年内|本年|今年|当年)", "", bare.group(1))
    return not any(words[k : k + 2] in head for k in range(len(words) - 1))


# A line without a figure left open by a comma or colon ("…最新数据显示,", "据介绍,") leads
# into the item below it ("已完成8个(53%)," tells this item's progress).
_LEAD_IN = re.compile(r"^[^\d]*[，,:：]\s*$")
# A remark on several items or units, without a figure ("督查中发现,部分项目进展缓慢。",
# "有个别单位报送材料不及时。"): no item's own progress.
# ("部分项目已完成主体施工" alone is the item's own progress: it has no finding's lead.)
_GROUP_REMARK = re.compile(
    r"^\s*(?:[^\d，,。；;]{0,6}发现[，,]?|有)(?:部分|个别|一些|少数)(?:项目|任务|事项|单位|工程)"
    r"[^\d]*$"
)
# The report's closing words to all the units ("下一步,各园区、各乡镇…要…"), or a line on the
# items it does not name ("其余13项工作正在按照计划推进"), or an appended table ("附表：…汇总"):
# no listed item's progress.
_CLOSING = re.compile(
    r"^\s*(?:下一步|下步|下阶段)[，,:：]?\s*各|^\s*(?:其余|其他|剩余)\s*[\d一二三四五六七八九十]+\s*[项个件]"
    r"|^\s*附(?:表|件)\s*\d{0,2}\s*[:：]"
)
_ITEM_START = re.compile(r"^\s*(\d{1,3})[.．、]\s*(.*)$")


# An unmarked sub-heading of news prose ("市民出行更加方便"): a few words, no figure, no
# punctuation, under an item whose own line ended its sentence.
_BARE_WORDS = re.compile(r"^\s*[\u4e00-\u9fff][\u4e00-\u9fff \u3000]{3,19}$")


def _sub_heading(line: str, item_line: str) -> bool:
    """The line titles the next part of the report, not the progress of the item above it."""
    return (
        item_line.rstrip().endswith(("。", "；", ";"))
        and bool(_BARE_WORDS.match(line) or field_heading(line))
        and status_from_words(line) is None
    )


def _one_line_each(lines: list[str], starts: list[tuple[int, int, str]]) -> bool:
    """Items told one a line, the last ending its sentence with figures, a paragraph under it
    ("…增速未达到预期目标,主要是因为…"): the paragraph speaks of the list, not of the last item."""
    last_line = starts[-1][2].rstrip()
    below = "".join(lines[starts[-1][0] + 1 :]).strip()
    if len(starts) < 3 or not last_line.endswith(("。", "；", ";")) or len(below) < 40:
        return False  # (a short line under the last item is its own progress)
    if not re.search(r"\d", last_line):
        return False
    return all(
        not any(ln.strip() for ln in lines[index + 1 : following])
        for (index, _n, _r), (following, _m, _s) in zip(starts, starts[1:], strict=False)
    )


def _item_start(line: str, last: int) -> tuple[int, str]:
    """The item number a line opens (0 if none) after item `last`, and the rest of the line.

    The next number in order always opens an item, even before a figure ("5.10月底前…").
    A report may list only some items of a longer list, by their own numbers (3, 5, 6, …):
    a larger number opens an item too, but only where no digit follows the separator,
    since a line may begin with a decimal ("12.5%…").
    """
    match = _ITEM_START.match(line)
    if not match:
        return 0, ""
    number, rest = int(match.group(1)), match.group(2)
    if number == last + 1 or (number > last and (not rest[:1].isdigit() or opens_with_date(rest))):
        return number, rest
    return 0, ""


# A line naming its task and its list number, then a colon and its progress: the name is the
# target, the words after the colon what was done ("地区生产总值(第1项):增长6.1%,…").
_NAME_BY_NUMBER_COLON = re.compile(
    r"^(\S.*?[（(]第(?:\d{1,3}|[零一二三四五六七八九十百]{1,4})[项件条][)）])\s*[:：]\s*(\S.*)$"
)


def _restarts_list(line: str, previous: str, used: set[int]) -> tuple[int, str]:
    """A number not above the last that still opens an item, and the rest of the line: a
    report sorted by status lists each group's items by their numbers in the longer list
    ("其中5项已完成,分别是:" 5., 11., 26.; "滞后项目:" 3., 6., …). The line names that
    number itself ("26.实施…(第二十六项)"), or it is the first under a heading that
    announces a group of items; a number already used never opens one again."""
    match = _ITEM_START.match(line)
    if not match or int(match.group(1)) in used or match.group(2)[:1].isdigit():
        return 0, ""
    number, rest = int(match.group(1)), match.group(2)
    own = OWN_NUMBER.search(rest)
    if own and list_number(own.group(1)) == number:
        return number, rest
    if announces_group(previous):
        return number, rest
    return 0, ""


# Items numbered otherwise than "1.": "（1）", "(1)", "1）", "①", "一、", "（一）".
_OTHER_MARKERS = (
    re.compile(r"^\s*[（(](\d{1,3})[)）]\s*(\S.*)$"),
    re.compile(r"^\s*(\d{1,3})[)）]\s*(\S.*)$"),
    re.compile(r"^\s*([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*(\S.*)$"),
    re.compile(r"^\s*([一二三四五六七八九十]{1,3})、\s*(\S.*)$"),
    re.compile(r"^\s*[（(]([一二三四五六七八九十]{1,3})[)）]\s*(\S.*)$"),
    # A table row whose first cell is its bare number ("1\t地区生产总值\t6%", "1 | …").
    re.compile(r"^\s*(\d{1,3})\s*(?:\t+|[|｜]|\s{2,}|\u3000+)\s*(\S.*)$"),
)
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _marker_number(text: str) -> int:
    if text in _CIRCLED:
        return _CIRCLED.index(text) + 1
    return list_number(text)


def _other_markers(lines: list[str]) -> list[str] | None:
    """The lines with their items renumbered "N." when the report numbers its items in one
    other style, 1, 2, 3… in order (at least two); None when it does not. Of several such
    styles the one numbering more lines is the items' ("（一）…（三）" under the sections
    "一、总体情况", "二、进展滞后的工作")."""
    best: list | None = None
    for marker in _OTHER_MARKERS:
        found = [(k, marker.match(line)) for k, line in enumerate(lines)]
        found = [(k, m) for k, m in found if m]
        numbers = [_marker_number(m.group(1)) for _k, m in found]
        if len(found) >= 2 and numbers == list(range(1, len(found) + 1)):
            if best is None or len(found) > len(best):
                best = found
    if best is None:
        return None
    renumbered = list(lines)
    for n, (k, m) in enumerate(best, start=1):
        renumbered[k] = f"{n}.{m.group(2)}"
    return renumbered


def _listed_report(lines: list[str], listed: list, problem: str) -> Report:
    if problem:
        raise ReportFormatError(problem)
    return Report(
        preamble="\n".join(lines[: listed[0].group.line - 1]).strip("\n"),
        targets=tuple(
            ReportTarget(k + 1, item.name, "", False, item.line, item.group)
            for k, item in enumerate(listed)
        ),
    )


_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")
_MARKDOWN = re.compile(r"^\s*(?:```|#{1,6}\s)")


def _not_a_report(lines: list[str], report: Report) -> str:
    """Why the text is no target report though it numbers items ("" when it may be one): a
    Markdown file (code fences, `#` headings) or one whose items are mostly not Chinese."""
    foreign = 0
    for target in report.targets:
        words = f"{target.target_text}{target.progress_text[:200]}"
        if len(_LATIN.findall(words)) > 2 * len(_CJK.findall(words)):
            foreign += 1
    markdown = sum(1 for line in lines if _MARKDOWN.match(line))
    if markdown >= 3:
        why = f"它有{markdown}行Markdown标题或代码块标记（“#”“```”），像是说明文档"
    elif 2 * foreign > len(report.targets):
        why = f"{len(report.targets)}个编号项中有{foreign}个主要是英文，不是目标"
    else:
        return ""
    return (
        f"这份文件不像目标进展报告：{why}。请提供县（市）目标进展情况报告的全文"
        "（.txt，UTF-8或GBK编码），每个目标一行，以“1.”开头，后接进展"
    )


def parse_report(text: str) -> Report:
    """Split report text into its preamble and numbered targets; refuse a text that only
    happens to number things (a README), saying what file to give instead."""
    report = _parse_report(text)
    lines = strip_control_characters(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    problem = _not_a_report(lines, report)
    if problem:
        raise ReportFormatError(problem)
    return report


def _parse_report(text: str) -> Report:
    """Split report text into its preamble and numbered targets, in increasing order.

    Invisible control characters (which no ledger field may hold) are dropped first.
    """
    text = strip_control_characters(text)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines:
        raise ReportFormatError("第1行：报告是空的；请提供报告全文，每个目标一行，以“1.”开头")
    starts: list[tuple[int, int, str]] = []  # (line index, number, rest)
    preamble_lines: list[str] = []
    previous = ""
    offset = 0  # items of a later section numbered from 1 again go on from the last one
    new_section = False
    inner = sub_list_mark(lines)  # "1、" under each "1." item numbers its tasks, not items
    for index, line in enumerate(lines):
        last = starts[-1][1] if starts else 0
        probe = "" if in_sub_list(line, inner) else line
        number, rest = _item_start(probe, last - offset)
        number = number + offset if number else 0
        if not number and starts and new_section:
            # "二、民生保障" then "1.…": the next section numbers its items from 1 again.
            restart = _ITEM_START.match(probe)
            if restart and restart.group(1) == "1" and not restart.group(2)[:1].isdigit():
                offset, number, rest = last, last + 1, restart.group(2)
        if not number and starts and new_section:
            # "二、民生保障（14项）" then "3.…": a list sorted by field keeps each item's number.
            number, rest = first_under_section(probe, {n for _i, n, _r in starts})
        if not number and starts:
            number, rest = _restarts_list(probe, previous, {n for _i, n, _r in starts})
        previous = line if line.strip() else previous
        if number:
            starts.append((index, number, rest))
            new_section = False
        elif not starts:
            preamble_lines.append(line)
        elif SECTION.match(line):
            new_section = True
    if not starts:  # items named in runs under headings (groups.py), or by number (mentions.py)
        listed, problem = listed_in_runs(lines)
        if listed or problem:
            return _listed_report(lines, listed, problem)
        mentioned = numbered_mentions(lines)
        if not mentioned:
            renumbered = _other_markers(lines)
            if renumbered is None:
                raise ReportFormatError(refusal(lines))
            return _parse_report("\n".join(renumbered))
        return Report(
            preamble="\n".join(lines[: mentioned[0].line - 1]).strip("\n"),
            targets=tuple(ReportTarget(m.number, "", m.words, False, m.line) for m in mentioned),
        )
    targets = []
    last = len(lines)
    while last - 1 > starts[-1][0] and (
        _SIGNATURE.match(lines[last - 1]) or page_footer(lines[last - 1])
    ):
        last -= 1  # the office's signature or the date under the last item
    closing = next((k for k in range(starts[-1][0] + 1, last) if _CLOSING.match(lines[k])), None)
    last = closing if closing is not None else last  # "下一步,各园区…要…": the close
    if _one_line_each(lines, starts):
        last = starts[-1][0] + 1  # the prose after such a list is no progress of its last item
    headings = find_headings(lines, {index for index, _n, _r in starts})
    # "一、进展情况" / "(一)<an item's name>…": sections after the list, each its item's.
    names = {number: item_name(rest) for _i, number, rest in starts}
    used, details = detail_sections(lines, starts[-1][0] + 1, names)
    sections = [k for k, line in enumerate(lines) if SECTION.match(line)]
    for k, (index, number, rest) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else last
        # A group heading, or the title of the report's next section, ends an item.
        end = min([end, *(h for h in [*headings, *sections] if index < h < end)])
        group = group_of(headings, index, {i for i, _n, _r in starts})
        if group and past_its_run(lines, group.line - 1, index, {i for i, _n, _r in starts}):
            group = None  # "进展不够理想的有:" A;B;C。 ended before this item
        body = [
            ln
            for i, ln in enumerate(lines[index + 1 : end], index + 1)
            if ln.strip() and i not in used and not no_progress(ln)
        ]
        while body and (
            (k + 1 < len(starts) and _LEAD_IN.search(body[-1]))
            or _GROUP_REMARK.match(body[-1])
            or (k + 1 < len(starts) and _sub_heading(body[-1], rest))
            or (k + 1 < len(starts) and opens_what_follows(body[-1]))
        ):
            # "最新数据显示," introduces the next item; "部分项目进展缓慢。" speaks of several.
            body.pop()
        quoted = _QUOTED_TASK.match(rest)
        if body and quoted and quoted.group(2).strip('，,。；;、”" '):
            # "“…通车”项目8月底具备通车条件,…" over more lines: the quotation is the target.
            told = "\n".join([quoted.group(2).lstrip("，,、 "), *body])
            targets.append(ReportTarget(number, quoted.group(1), told, False, index + 1, group))
        elif body:
            targets.append(ReportTarget(number, rest, "\n".join(body), False, index + 1, group))
        else:
            labelled = _NAME_BY_NUMBER_COLON.match(rest)
            if labelled:  # "城镇居民人均可支配收入增长7%(第9项):上半年增长5.1%。"
                targets.append(
                    ReportTarget(
                        number, labelled.group(1), labelled.group(2), True, index + 1, group
                    )
                )
                continue
            named = named_by_number(rest, number)
            head, tail = named or _split_same_line(rest)
            targets.append(
                ReportTarget(number, head, tail, bool(tail), index + 1, group, bool(named))
            )
    targets = [
        replace(t, details=details[t.number]) if t.number in details else t
        for t in promised_items(headed_blocks(lines, targets))  # "政府承诺:…"; "一、…" "(一)…"
    ]
    return Report(preamble="\n".join(preamble_lines).strip("\n"), targets=tuple(targets))
