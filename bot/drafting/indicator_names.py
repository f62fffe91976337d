"""Indicator names a clerk can read: what the figure counts, not the bookkeeping around it.

The pairing names a figure by the words just before it. Some figures have none of use:
one that opens its sentence ("20公里休闲步行道…", "完成1105户重度残疾人家庭无障碍改造") names
nothing before it, and was "指标"; one after a plan word ("全年任务为282个村") was "任务"; a share
of the plan ("完成年度任务的146.78%") was "任务的"; a standard raised from one level to
another ("最低标准从每生每年500元提高到600元") was "标准从每生每年500元". Each gets the words
that name the measure in its own sentence, or keeps its name when they cannot be found.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.domain.ledger import IndicatorSpec
from bot.drafting.fund_lines import fund_share_name
from bot.drafting.pairing import Pairing
from bot.drafting.state_tallies import without_state_tallies

# A name that is only the pairing's fallback ("指标", "指标2", "完成").
_NAMELESS = re.compile(r"^(?:指标|完成)\d*$")
# A name that is a word of the plan or a bare modifier ending in 的 ("任务", "规划的", "上报的").
_BOOKKEEPING = re.compile(
    r"^(?:(?:年度|全年)?(?:目标任务|目标|任务|计划)数?|[\u4e00-\u9fff]{1,3}的)\d*$"
)
# A share of the plan ("计划的", "占年度投资计划的", "完成年度目标任务5600人的"): its plan word.
_SHARE_OF_PLAN = re.compile(
    r"(?P<plan>(?:年度|全年|总|调整后的?)?(?:投资)?(?:目标任务|目标|任务|计划(?:投资)?|预算)数?)"
    r"(?:\d+(?:\.\d+)?[^\d的]{0,3})?的$"
)
# Where the words after a figure stop naming what it counts: a clause's end, or the verb
# that tells what became of it ("…步行道已完成", "…小区已启动改造").
_COUNTED_END = re.compile(
    r"[，,。；;：:、“”\"|｜\t\n!！?？）)]|已|正(?:在|有序|着手|抓紧|积极)|有序|较[慢快好]|均已|全部"
    r"|完成|通过|达到|实现|累计|共[需计有]|尚?未|竣工|交付|投入使用|开工|启动|\d"
)
# Which things count, before what is counted ("300人以上的村"): a qualifier, not the thing.
_QUALIFIER = re.compile(
    r"^(?:\d+(?:\.\d+)?[^\d的，,。；;]{0,4}?)?(?:及)?(?:以上|以下)的?|^(?:左右|以内|之内)的?"
)
_BRACKETS = re.compile(r"[（(][^（）()]{0,40}[）)]")
# A rate per head or per period before the measure ("城乡居民每人每月调增基础养老金"):
# the measure is what follows ("每千人口托位数" is a measure of its own, and stays).
_PER_PERIOD = re.compile(r"^.*?(?:每人每月|每人每年|每月每人|每年每人|每户每年|每人|每月|每年)")
_RAISED_FROM = re.compile(r"(?:从|由)")
# A name cut at a word joining two tasks: after it ("…建设和"), or before it ("并推广…").
_JOINED_BEFORE = re.compile(r"(?:和|及|与|以及|、)$")
_JOINER_FIRST = re.compile(r"^(?:并且|并|以及|及|和|与|且|同时)")


def _written_at(text: str, value: str, unit: str) -> int:
    """Where `value` followed by `unit` is written in `text`; -1 when it is not."""
    found = re.search(rf"(?<![\d.]){re.escape(value)}\s*{re.escape(unit)}", text)
    return found.end() if found else -1


def counted_after(text: str, value: str, unit: str) -> str:
    """The thing a figure counts, written after it ("20公里休闲步行道已完成…" → 休闲步行道);
    "" when the figure is not written or nothing of two characters follows it."""
    end = _written_at(text, value, unit)
    if end < 0:
        return ""
    rest = _BRACKETS.sub("", text[end : end + 40])
    rest = _QUALIFIER.sub("", rest.lstrip(" "))
    # "以失能、半失能人员…为主要功能的中心敬老院", "300人以上的村的村庄规划编制": what its clause
    # describes ends at the head after the last 的.
    phrase = re.split(r"[，,。；;\n|｜]", rest, maxsplit=1)[0]
    if re.match(r"以[^的]{1,30}为[^的]{0,8}的", phrase):
        rest = phrase.rsplit("的", 1)[-1]
    rest = rest[: m.start()] if (m := _COUNTED_END.search(rest)) else rest
    rest = rest.rsplit("的", 1)[-1]
    rest = re.sub(r"(?:达|为|是|约|和|及|与)$", "", rest.strip())
    if len(rest) >= 6:  # "村庄规划编制工作": the work's name; "重点工作" keeps its 工作
        rest = re.sub(r"(?:工作|任务)$", "", rest)
    return rest if len(re.findall(r"[\u4e00-\u9fffA-Za-z]", rest)) >= 2 else ""


# Verbs of the work before what it makes ("建设电动自行车充电驿站1440个"): not the measure's name.
_WORK_VERB = re.compile(r"^(?:新建|建设|建成|完成|实施|新增|改造|开展|推进|打造|培育|创建)+")


def named_before(text: str, value: str, unit: str) -> str:
    """The words of its clause before a figure, its quotation marks and leading verbs gone
    ("建设电动自行车“充电驿站”1440个" → 电动自行车充电驿站); "" when they hold a figure."""
    end = _written_at(text, value, unit)
    if end < 0:
        return ""
    start = re.search(rf"{re.escape(value)}\s*{re.escape(unit)}$", text[:end]).start()
    words = re.split(r"[，,。；;：:、\n|｜\t]", text[:start])[-1]
    words = _WORK_VERB.sub("", re.sub(r"[“”\"《》]", "", words).strip())
    if _only_doing(words):
        return ""
    return words if 2 <= len(words) <= 20 and not re.search(r"\d", words) else ""


def _clause_before(text: str, value: str, unit: str) -> str:
    """The clause before the one a figure is written in ("“六化六有”美丽村庄建设,全年任务为
    282个村" → “六化六有”美丽村庄建设), when it holds no figure."""
    end = _written_at(text, value, unit)
    if end < 0:
        return ""
    clauses = re.split(r"[，,；;：:]", re.split(r"[。\n]", text[:end])[-1])
    if len(clauses) < 2:
        return ""
    before = clauses[-2].strip()
    before = re.sub(r"^(?:\d+[.、]|[（(][一二三四五六七八九十\d]+[）)])", "", before).strip()
    return before if 2 <= len(before) <= 20 and not re.search(r"\d", before) else ""


def _raised_name(text: str, name: str) -> str:
    """What a standard raised from one level to another names: the words before 从/由 in the
    name's clause ("…最低标准从每生每年500元提高到600元" → …最低标准)."""
    at = text.find(name)
    if at < 0:
        return ""
    start = max(text.rfind(c, 0, at) for c in "，,。；;：:（(\n") + 1
    clause = text[start : at + len(name)]
    head = _RAISED_FROM.split(clause, maxsplit=1)[0]
    head = re.sub(r"^(?:将|把|对)|(?:分别|均|都)$", "", head.strip())
    head = re.sub(r"^(?:从|自)?(?:19|20)\d{2}年(?:起|开始)?", "", head)
    return head if len(head) >= 2 and not re.search(r"\d", head) else ""


# Who and when before a verb of doing ("我市今年计划新建或改造", "现已建成"): no name; nor is a
# name of one character ("区" of "8个县(市)区"), nor what introduces the rest ("另有").
_LEAD = (
    r"(?:我市|我县|我区|全市|全县|全区|今年|年内|另外|另有|其中|尚有|现已|现|已|计划|力争|确保|拟"
    r"|预计|共|累计|已有|现有)"
)
_DOING = (
    r"(?:新建|改造|建成|建设|升级|巩固|提升|完成|实施|新增|改扩建|扩建|改建|开工|解决|打造|创建"
    r"|谋划|统筹|抓好|着力|推进|推动|开展|组织|或|和|及)"
)
_ONLY_DOING = re.compile(rf"^{_LEAD}*{_DOING}*$")


def _only_doing(name: str) -> bool:
    return bool(_ONLY_DOING.match(name)) or len(re.findall(r"[\u4e00-\u9fffA-Za-z]", name)) < 2


def _share_in_brackets(value: str) -> re.Pattern:
    return re.compile(rf"\d\s*[^\d\s（(]{{0,3}}[（(]\s*{re.escape(value)}\s*%\s*[）)]")


# A change named by its verb alone ("增长", "同比下降", "增长2"): of the amount told just before.
_CHANGE_ONLY = re.compile(r"^(?:同比)?(?:增长|下降|提高|减少|增加|上升|增速|增幅)\d*$")
_PLACE_LEAD = re.compile(r"^(?:全[县市区省]|我[县市区省]|本[县市区])")
_DONE_VERB = re.compile(r"(?:累计)?(?:实现|完成)")


def _changed_measure(text: str, value: str, unit: str) -> str:
    """The measure whose amount the clause before a change states ("第一产业增加值20.19亿元,
    增长1.5%" → 第一产业增加值); "" when that clause states no amount (a share, a date)."""
    from bot.drafting.text_figures import extract_figures

    end = _written_at(text, value.lstrip("-"), unit)
    if end < 0:
        return ""
    clauses = re.split(r"[，,；;：:]", re.split(r"[。\n]", text[:end])[-1])
    if len(clauses) < 2:
        return ""
    figures = extract_figures(clauses[-2])
    amounts = [
        k
        for k, f in enumerate(figures)
        if f.unit and f.unit[0] not in "%％月日年号" and not f.unit.endswith("百分点")
    ]
    if not amounts:
        return ""
    k = amounts[-1]
    words = clauses[-2][figures[k - 1].end if k else 0 : figures[k].start].strip()
    words = _PLACE_LEAD.sub("", words)
    verb = _DONE_VERB.search(words)
    if verb:  # "实现生产总值" → 生产总值; "企业实现产值" → 企业产值; "预算收入完成" → 预算收入
        after = words[verb.end() :]
        words = after if len(after) >= 4 else words[: verb.start()] + after
    if re.search(r"比|同期|较|[A-Za-z]$|\d", words) or not 2 <= len(words) <= 14:
        return ""
    return words


def _where_done(text: str, value: str, unit: str) -> str:
    """`text` from the line of the last place `value` and `unit` are written: where the
    progress tells a figure done that the target line writes first ("新建城市书房3个。" over
    "3个正在装修")."""
    found = list(re.finditer(rf"(?<![\d.]){re.escape(value)}\s*{re.escape(unit)}", text))
    if len(found) < 2:
        return text
    return text[text.rfind("\n", 0, found[-1].start()) + 1 :]


# Things counted by the state they are in ("3个正在装修", "另有8个正在改造", "2所在建"): the
# state names them; the target's words would name them as done.
_STATE_AFTER = re.compile(r"^(?:(?:正在|仍在|尚在)[\u4e00-\u9fff]{1,4}|在建|在办)")


def _state_after(text: str, value: str, unit: str) -> str:
    end = _written_at(text, value, unit)
    found = _STATE_AFTER.match(text[end:].lstrip()) if end >= 0 else None
    return found.group(0) if found else ""


def readable_name(ind: IndicatorSpec, text: str) -> str:
    """The name `ind` should carry in a ledger a clerk reads, found in `text` (the item's
    target and progress); its own name when that already says what it measures."""
    name = ind.name
    value, unit = (ind.target, ind.unit) if ind.target else (ind.actual, ind.unit)
    share = _SHARE_OF_PLAN.search(re.sub(r"\d+$", "", name))  # "计划的2": a second share
    if unit == "%" and share:  # the funds' share is named after the funds
        return fund_share_name(text, value) or f"{share.group('plan')}完成率"
    if _NAMELESS.match(name) and unit == "%" and _share_in_brackets(value).search(text):
        return "完成比例"  # "已完成1个(50%)": how much of the target that count is
    if _NAMELESS.match(name) or _BOOKKEEPING.match(name) or _only_doing(name):
        state = "" if ind.target else _state_after(_where_done(text, value, unit), value, unit)
        found = state or counted_after(text, value, unit) or _clause_before(text, value, unit)
        return found or named_before(text, value, unit) or name
    if _CHANGE_ONLY.match(name) and unit == "%":
        measure = _changed_measure(text, value, unit)
        return measure + name.rstrip("0123456789") if measure else name
    if _JOINED_BEFORE.search(name):
        # "…小区建设和50万吨饲草青贮": the name before is the last task's; what it counts follows.
        return counted_after(text, value, unit) or name
    if _JOINER_FIRST.match(name) and len(name) - _JOINER_FIRST.match(name).end() >= 2:
        return name[_JOINER_FIRST.match(name).end() :]  # "并推广配方肥" → 推广配方肥
    if _RAISED_FROM.search(name):
        return _raised_name(text, name) or name
    per = _PER_PERIOD.match(name)
    if per and len(name) - per.end() >= 2:
        return name[per.end() :]
    return name


def plainly_named(pairings: list[Pairing], text: str) -> list[Pairing]:
    """`pairings` with each indicator named as `readable_name` says, two never alike; a count
    of items by state ("未达到序时进度项目6个") is none (state_tallies.py)."""
    pairings = without_state_tallies(pairings)
    used = {p.indicator.name for p in pairings}
    result = []
    for p in pairings:
        better = readable_name(p.indicator, text)
        if better != p.indicator.name and better not in used:
            used.add(better)
            p = replace(p, indicator=replace(p.indicator, name=better))
        result.append(p)
    return result
