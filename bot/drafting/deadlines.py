"""When a target falls due: the deadlines its words name ("10月底之前", "7月底前", "年底前",
"上半年", "(2013—2017年)", "秋季开学", "三季度末", "9月份完成"), in the year written or else
the ledger's."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from bot.domain.ledger import DeadlineSpec, TargetSpec
from bot.drafting.text_figures import extract_figures

# "7月底前", "2021年6月底", "9月30日前", "年底前", "年内", "上半年": when a target falls due.
_DEADLINE_RE = re.compile(
    r"(?:(20\d{2})年)?(?:(\d{1,2})月(?:底|末)(?:之前|前)?|(\d{1,2})月(\d{1,2})日(?:之前|前)"
    r"|(上半年)(?:之前|前)?)|年底前|年底|年内"
    # "(2013—2017年)": a target of a plan of several years falls due at the span's end; so
    # does one whose 起止年限 cell gives the span without 年 ("（2024-2025）").
    r"|20\d{2}\s*[—\-~～至到]\s*(20\d{2})"
    r"(?:年(?![\d上下前一二三四])|(?<=[(（]\d{4}[—\-~～至到]\d{4})(?=[)）]))"
    # "秋季开学前投入使用", "确保…秋季投入使用": a school opens for the autumn term on 1 September.
    r"|(?:(20\d{2})年)?(秋季)(?=开学|学期|投入使用|投用|招生|入学)"
    # "三季度末完成", "第二季度前建成": the quarter's last day (not "前三季度", a period).
    r"|(?<![前\d])第?([一二三四1-4])季度(?:末|底|之前|前|(?=完成|建成|完工|竣工|投用|投入使用|交付))"
    # "9月份完成", "10月中旬建成": a month named with the work's end falls due at its end.
    r"|(?<![\d\-—~至到])(\d{1,2})月(?:份|上旬|中旬|下旬)?"
    r"(?=(?:全面|全部|基本)?(?:完成|建成|完工|竣工|投用|投入使用|交付|开放|运营|开工|动工)"
    # not "10月完成投资3亿元" nor "2月份完成管网水质总检测580次": the month's result.
    r"(?![^，,。；;\d]{0,12}\d))"
    # "2025年完成…建设", "2025年全面完成": a part of a project of several years due that year.
    r"|(?<![\d\-—~至到])(20\d{2})年(?=(?:全面|全部|基本)?(?:完成|建成|完工|竣工|投用|投入使用|交付)"
    r"(?![^，,。；;\d]{0,12}\d))"
)
_QUARTERS = {"一": 3, "二": 6, "三": 9, "四": 12, "1": 3, "2": 6, "3": 9, "4": 12}
_SENTENCE = re.compile(r"[^。；;]+")


def _month_end(year: int, month: int) -> dt.date:
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


# A month's entry in a plan ("4月:完成筛查1480人"): the month's end is a milestone.
_PLAN_MONTH = re.compile(r"(?<![\d\-—~至])(\d{1,2})月[:：]")
# "8月底前…确保完成年度任务": the year's whole target falls due on that date.
_WHOLE_TASK = re.compile(r"(?:年度|全年)(?:目标)?任务|(?:年度|全年)目标")


def _leads_undated(sentence: str) -> bool:
    """ "完成危房改造200户，6月底前完成100户": the sentence's whole amount comes before the
    clause with a date, which sets a milestone amount of its own; the whole is due at the
    year's end."""
    clauses = re.split(r"[，,]", sentence)
    first = next((k for k, c in enumerate(clauses) if _DEADLINE_RE.search(c)), 0)
    if first == 0:
        return False
    lead, dated = "，".join(clauses[:first]), "，".join(clauses[first:])
    return any(f.unit for f in extract_figures(lead)) and any(
        f.unit for f in extract_figures(_DEADLINE_RE.sub("", dated))
    )


# "截至10月底", and a clause opening "至9月底,": the day progress is told of.
_AS_OF_BEFORE = re.compile(r"(?:截至|截止|(?:^|[，,。；;：:\n])至)(?:到)?\s*$")
_TOLD_BEFORE = re.compile(r"(?:已|后)于\s*$")
# The whole place a result is of: a province, city, county or district, and the 州, 盟 and 旗
# that stand for a city or county in the autonomous regions ("上半年,全旗地区生产总值完成…").
_WHOLE_PLACE = r"全(?:省|市|县|区|州|盟|旗)"
_RESULT_AFTER = re.compile(
    rf"[，,]?\s*(?:{_WHOLE_PLACE})?(?:同比)?(?:增长|下降|增速|增幅|累计|已|实际|共(?:完成|实现))"
    rf"|[，,]?\s*{_WHOLE_PLACE}实现"  # "上半年,全区实现地区生产总值806亿元": a result
    # "上半年全县地区生产总值完成11.3亿元": a place's measure and its figure, a result too.
    rf"|[，,]?\s*{_WHOLE_PLACE}[^，,。；;\d]{{0,12}}?(?:实现|完成)\s*\d"
)


_START_AFTER = re.compile(r"\s*(?:开工|动工|开建)")


def _end_of(deadline: DeadlineSpec, text: str) -> int:
    """Where the words of `deadline` end in `text` (0 when they are not in it)."""
    at = text.find(deadline.text)
    return at + len(deadline.text) if at >= 0 else 0


def extract_deadlines(target_text: str, year: int, plan: str = "") -> list[DeadlineSpec]:
    """Deadlines named in a target's text (and its month's `plan`), in the year written or
    else the ledger's; the year end when none is named, and for a sentence of the target
    that names none beside others, unless one says the year's task falls due earlier."""
    found: list[DeadlineSpec] = []
    for m in _PLAN_MONTH.finditer(plan):
        if 1 <= int(m.group(1)) <= 12:
            found.append(DeadlineSpec(date=_month_end(year, int(m.group(1))), text=m.group(0)))
    whole_year_due = any(
        _DEADLINE_RE.search(sentence) and _WHOLE_TASK.search(sentence)
        for sentence in _SENTENCE.findall(plan)
    )
    target_text = f"{target_text}\n{plan}" if plan else target_text
    for m in _DEADLINE_RE.finditer(target_text):
        if _AS_OF_BEFORE.search(target_text[max(0, m.start() - 4) : m.start()]):
            continue  # "截至10月底,全市已改造…": the day progress is told of, no deadline
        if not m.group(0).endswith("前") and (
            _RESULT_AFTER.match(target_text, m.end())
            or _TOLD_BEFORE.search(target_text[max(0, m.start() - 3) : m.start()])
        ):
            # "上半年增长8.6%", "10月底已建成", "已于7月建成", "经督办后于11月底全部完工": the
            # period of a result or the day it came, no deadline.
            continue
        due_year = int(m.group(1)) if m.group(1) else year
        try:
            if m.group(2):
                date = _month_end(due_year, int(m.group(2)))
            elif m.group(3):
                date = dt.date(due_year, int(m.group(3)), int(m.group(4)))
            elif m.group(5):
                date = dt.date(due_year, 6, 30)
            elif m.group(6):
                date = dt.date(int(m.group(6)), 12, 31)
            elif m.group(8):
                date = dt.date(int(m.group(7)) if m.group(7) else year, 9, 1)
            elif m.group(9):
                date = _month_end(year, _QUARTERS[m.group(9)])
            elif m.group(10):
                date = _month_end(year, int(m.group(10)))
            elif m.group(11):
                if int(m.group(11)) < year:
                    continue  # "2020年完成…" in a later year's list: a result, not a due date
                date = dt.date(int(m.group(11)), 12, 31)
            else:
                date = dt.date(year, 12, 31)
        except ValueError:  # "13月底", "2月30日": no date
            continue
        found.append(DeadlineSpec(date=date, text=m.group(0)))
    year_end = dt.date(year, 12, 31)
    # "11公里5月份开工": a start scheduled is a milestone, the work begun still to be finished
    # by the year's end; beside a finish named ("3月份开工,10月份建成") it is no deadline ("9月
    # 底前开工" is a target's own deadline to start, and stays the last).
    starts = [
        d
        for d in found
        if not d.text.endswith("前") and _START_AFTER.match(target_text, _end_of(d, target_text))
    ]
    only_starts = bool(starts) and len(starts) == len(found)
    found = found if only_starts else [d for d in found if d not in starts]
    undated = [
        sentence
        for sentence in _SENTENCE.findall(target_text)
        if len(re.findall(r"[\u4e00-\u9fff]", sentence)) >= 4
        and (not _DEADLINE_RE.search(sentence) or _leads_undated(sentence))
    ]
    if (
        found
        and (undated or only_starts)
        and all(d.date != year_end for d in found)
        and not whole_year_due
    ):
        found.append(DeadlineSpec(date=year_end, text="年底前"))
    unique = {(d.date, d.text): d for d in found}
    return list(unique.values()) or [DeadlineSpec(date=year_end, text="年底前")]


# "…这5项预计10月底前全部完成": a remark closing a run of items gives each item since the
# previous such remark a date to be done by.
_GROUP_DUE = re.compile(
    r"(?:这|以上|上述|前述)(?:\d+|[两二三四五六七八九十]+)项[^。；;]{0,10}?(\d{1,2})月(?:底|末)"
    r"(?:之前|前)?[^。；;]{0,6}?(?:完成|完工|建成|竣工|投用)"
)


def group_deadlines(targets: list[TargetSpec], year: int) -> list[TargetSpec]:
    """Targets with the dates their group's closing remark gives them."""
    result, group = [], []
    for spec in targets:
        group.append(spec)
        found = _GROUP_DUE.search(spec.progress_text)
        if not found or not 1 <= int(found.group(1)) <= 12:
            continue
        due = DeadlineSpec(date=_month_end(year, int(found.group(1))), text=found.group(0))
        for member in group:
            if all(d.date != due.date for d in member.deadlines):
                member = replace(member, deadlines=(due, *member.deadlines))
            result.append(member)
        group = []
    return result + group
