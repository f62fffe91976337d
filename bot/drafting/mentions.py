"""Figures as the pairing reads them: each figure with a unit, the words naming it and
around it (`Mention`), and what those words say of it: a restated target, the rest of the
work, a figure compared with, work begun, or a count written without its unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.domain.ledger import KNOWN_UNITS, parse_decimal
from bot.domain.units import MAGNITUDES, SHARE_OF_TARGET
from bot.drafting.pending_counts import still_pending
from bot.drafting.text_figures import units_pattern

_CUT = re.compile(r"[，,。；;：:、（）()“”\"\s]")
_LEAD_WORDS = re.compile(
    r"^(?:全年|年度|目前|现已|已经|已|累计|共|全县|我县|本年度|截至|截止|力争|确保|完成|实现|抓好|"
    r"达到)+"
)
_TRAIL_WORDS = re.compile(
    r"(?:达到|不低于|不少于|不超过|控制在|提高到|提高至|下降到|下降至|降低到|降低至|降至|降到|"
    r"为|至|共|已|累计|完成|实现|"
    r"达|有|是|约|近|超|突破|总计|合计|分别|增加|了|力争|[≥≤＞＜<>=＝]"
    r"|下达)+$"  # "补助资金下达5.4亿元": the money is named, not "…资金下"
)
_UNIT_PATTERN = units_pattern(KNOWN_UNITS)
# "1-7月预计完成投资28.05亿元": a period already ended, estimated before its statistics close,
# tells what was done, named as the work done; "预计年底完成" names no period gone by.
_PERIOD_ESTIMATE = re.compile(
    r"^((?:\d{1,2}\s*[-—至~]\s*)?\d{1,2}月(?:份|底|末)?|上半年|前三季度|[一二三]季度)预计(?=完成)"
)
NAME_WINDOW = 14  # characters before a figure that may hold its name


@dataclass(frozen=True)
class Mention:
    """One figure with a unit, where it was written and the words around it."""

    value: str
    unit: str
    name: str  # the words just before the figure, trimmed of verbs
    context: str  # the clause up to the figure: what the pairing compares
    after: str  # the words after the unit to the clause's end ("以上", "左右企业上云")
    start: int
    heading: str = ""  # the text before the figure ("2020年污染物排放量控制目标:二氧化硫")


def _name_before(text: str, start: int) -> tuple[str, str]:
    window = text[max(0, start - NAME_WINDOW) : start]
    clause = _PERIOD_ESTIMATE.sub(r"\1", _CUT.split(window)[-1])
    name = _TRAIL_WORDS.sub("", clause)
    name = re.sub(
        rf"^(?:[\d\-—~至.]+(?:年度|年|月份|月底前|月底|月末|月|日前|日|{_UNIT_PATTERN})?"
        r"|年度|月份|及?以[上下]的?)+",
        "",
        name,
    )
    name = _LEAD_WORDS.sub("", name)
    # A clause that begins inside the previous figure ("…7.8%,其中…") starts with digits.
    name = re.sub(r"^[\d.%]+", "", name)
    cuts = list(_CUT.finditer(window))
    if len(name) <= 3 and cuts and cuts[-1].group(0) in ":：":
        # "就读公办学校比例:泰顺>85.8%": the label before the colon names the measure.
        label = _CUT.split(window[: cuts[-1].start()])[-1]
        name = _LEAD_WORDS.sub("", label) + name
    context = text[max(0, start - 2 * NAME_WINDOW) : start]
    return name.strip(), context


def _previous_name(context: str) -> str:
    for clause in reversed(_CUT.split(context)):
        words = _TRAIL_WORDS.sub("", re.sub(r"[\d.,%]+[^\d，,]{0,2}$", "", clause))
        words = _TRAIL_WORDS.sub("", re.sub(rf"[\d.,%]+(?:{_UNIT_PATTERN})?", "", words))
        if len(words) >= 2:
            return words
    return ""


# A measure per so many people ("每千人口托位数", "每万人拥有"): a rate, not a count. (Not
# "人均": a name cut short by its window may lose it, on either side of a pair.)
_PER_HEAD = re.compile(r"每[十百千万]+(?:人口|人|户|名)")


def per_head(m: Mention) -> bool:
    """The figure's name makes it a rate per so many people ("每千人口托位数4个")."""
    return bool(_PER_HEAD.search(m.name))


# A list's tally: how many of its items a verdict covers ("…等17项超额完成"), their share of
# the list ("…17项超额完成、占比56.67%"), or how many items a heading counts before naming some
# ("省级民生实事30项,其中"): figures of the report's list, not of any item's work.
_LIST_TALLY = re.compile(
    r"等\s*\d+\s*[项件]$"
    r"|(?:\d+\s*[项件][^\d，,。；;\n]{0,8}|^\s*(?:超额)?完成|^\s*滞后)[、，,]\s*占比\s*\d+(?:\.\d+)?\s*[%％]$"
)
_LIST_HEADING = re.compile(r"\s*[,，]?\s*其中\s*[:：]?\s*(?:\n|$)")
_LIST_SHARE = re.compile(r"占(?:任务|指标|项目|事项|实事)总数的?$")
# Tasks counted as slow or off pace ("进展较为缓慢工作1项", "进度偏慢的3项", "未达到序时进度
# 11项"): a count of the notice's list, not of the work. ("完成12项" may be the work itself.)
_COUNTED_BY_STATUS = re.compile(
    r"(?:缓慢|滞后|偏慢|较慢|序时进度|序时进度要求)(?:的|工作|任务|事项|项目)?(?:共|有)?$"
)
# The pace of the time gone, stated beside a share ("序时进度为75%", "(时间进度75%"): no figure
# of the work.
_STATED_PACE = re.compile(r"(?:序时|时序|时间)进度(?:应|要求)?(?:为|是|达到|应达到|应完成)?\s*$")
# A standard raised from one level to another ("由不低于274元、166元提高到…"): the figures
# between 由/从 and the verb are the old levels.
_OLD_LEVELS = re.compile(
    r"(?:由|从)([^，,。；;]{0,30}?\d[^，,。；;]{0,30}?)"
    r"(?:提高|提升|调整|调增|上调|增加|增长|下调|降低|扩大)(?:到|至|为)"
)


# A figure with 以上/以下 that goes on, in its clause, to the things it sizes and their own
# figure ("年产值500万元以上企业20家", "实现200人以上较大自然村通达率97%"): it says which
# things count, not how much work.
_QUALIFIER = re.compile(r"\s*(?:及以上|以上|以下|及以下)的?[^\d，,。；;：:、\n|｜\t]{1,12}?\d")


# A change by a figure whose unit the text leaves out, closing its clause ("城市低保月人均标准
# 提高50,农村低保年人均标准提高350元"): the figure as written, without a unit.
_CHANGED_BY = re.compile(r"(?:提高|提升|增加|降低|减少)$")
_CLAUSE_END = re.compile(r"\s*(?:[，,；;。]|$)")


def _unitless_change(text: str, fig) -> bool:
    return bool(_CHANGED_BY.search(text, 0, fig.start) and _CLAUSE_END.match(text, fig.end))


def mentions(text: str) -> list[Mention]:
    """Every figure with a unit in `text`, with its name and context."""
    from bot.drafting.text_figures import extract_figures  # the one figure reader

    found = []
    old_levels = [m.span(1) for m in _OLD_LEVELS.finditer(text)]
    for fig in extract_figures(text):
        # A figure the ledger could not hold (beyond 15 digits) stays in the text only.
        if parse_decimal(fig.value) is None or not (fig.unit or _unitless_change(text, fig)):
            continue
        name, context = _name_before(text, fig.start)
        if fig.unit == "%" and _LIST_SHARE.search(context):
            continue  # "这些指标占任务总数的15.2%": a share of the report's list, not the work
        if fig.unit == "项" and _COUNTED_BY_STATUS.search(context):
            continue  # "进展较为缓慢工作1项", "进度偏慢的3项": the notice counts its list
        if fig.unit == "%" and _STATED_PACE.search(context):
            continue  # "完成年度计划的58%,序时进度为75%": the yardstick, no figure of the work
        if _LIST_TALLY.search(text[: fig.end]) or _LIST_HEADING.match(text, fig.end):
            continue  # "A、B等17项超额完成、占比56.67%", "市级民生实事49项,其中": the list's tally
        if _QUALIFIER.match(text, fig.end):
            continue  # "200人以上的自然村通达率97%": which places count, not a figure of the work
        if any(start <= fig.start < end for start, end in old_levels):
            continue  # "标准从每月500元提高到600元": where it started, no figure of the work
        if len(name) < 2:  # "…共159张,达到100%": the measure is named in the clause before
            name = _previous_name(context) or name
        after = _CUT.split(text[fig.end : fig.end + NAME_WINDOW])[0]
        unit = f"{fig.unit}元" if _money_in_magnitude(fig.unit, name, after) else fig.unit
        # A run of figures has its heading in the same sentence ("…控制目标:二氧化硫3188吨/年、…").
        heading = re.split(r"[。；;\n]", text[: fig.start])[-1]
        each = _EACH_OF_TWO.match(name)
        for part in each.groups() if each else (name,):
            found.append(Mention(fig.value, unit, part, context, after, fig.start, heading))
    return found


# Amounts of money by their measure's name ("生产总值56.7亿", "固定资产投资105亿"): a bare 万 or 亿
# closing the clause after one (with 以上 or the like at most) counts 元, as economic reports
# write it; a 万 or 亿 before a noun counts that ("3万个体户", "5万群众").
_MONEY_MEASURE = re.compile(
    r"(?:总值|产值|增加值|收入|投资|总额|资金|税收|利润|营业额|销售额|存款|贷款|支出|GDP)$", re.I
)


def _money_in_magnitude(unit: str, name: str, after: str) -> bool:
    closes = re.fullmatch(r"\s*(?:以上|以下|以内|左右)?\s*", after)
    return unit in ("万", "亿") and bool(closes) and bool(_MONEY_MEASURE.search(name))


# "埋设天然气主管道和污水主管网各40公里": the figure is set for each of the two things named.
_EACH_OF_TWO = re.compile(r"^([^和及与、]{2,}?)(?:和|及|与|、)([^和及与、]{2,}?)各$")


_RESTATED = re.compile(r"(?:目标任务|目标|任务|计划|任务数)(?:完成|投资|为|是|共)?$")
# "已完成筛查任务数16010人": the count of the task done so far, not the task restated.
_TASKS_DONE = re.compile(r"已(?:经)?(?:累计)?完成[^，,。；;\d]{0,8}?任务数$")


# "已确定13家", "选定点位20个": what was chosen to be done, not what was done.
_CHOSEN = re.compile(r"(?:确定|选定|初定|拟定|拟)$")
# A clause that opens on choosing ("确定改造提升…照料中心10个", "确定49个村") or says what is
# needed ("共需安装路灯1108盏"): the scope of the work, unless the clause goes on to say it
# was done ("已确定221名残疾儿童已经在机构开始服务").
_CHOSEN_LEAD = re.compile(r"^(?:目前|现|已|共|经)*(?:确定|选定|初定|拟定)")
_NEEDED = re.compile(r"(?:共需|尚需|还需|所需|需要)[^，,。；;\d]{0,6}$")  # not "化学需氧量"
_DONE_AFTER = re.compile(r"已|完成|建成|开始|投用")


# "其余20户正在推进", "另1个完成形象进度70%": the rest of the work, not what was done;
# "较2019年度(3.79%)", "比上年的": the figure compared with.
_REMAINDER = re.compile(
    r"(?:其余|剩余|余下|另外|另|尚有|尚余|还有|还剩)$|(?:较|比)(?:\d{4}年度?|上年|去年)[(（]?$"
    r"|(?:^|[^正现存实])在$"  # "在46个小区建成…": where the work is done, not how much
)


def states_a_target(m: Mention) -> bool:
    """A progress figure written as the year's target ("年度任务目标8.65亿元", "全年计划
    1100个"): a target, whether or not the target's own words give it."""
    return bool(_YEARS_TARGET.search(m.context))


_YEARS_TARGET = re.compile(
    r"(?:年度|全年|本年)(?:任务)?(?:目标|任务|计划)(?:任务)?(?:为|是)?$"
    # A plan handed down from above ("下达投资计划4268.3万元", "省下达任务数1200户").
    r"|下达(?:的)?(?:年度)?(?:投资|资金|建设|目标)?(?:计划|任务)数?(?:为|是)?$"
)


# "2家将于明年3月开放", "3个预计年底完工": what is still to come, not what was done.
_FORECAST_AFTER = re.compile(r"^[^，,。；;\d]{0,4}?(?:将|预计|计划|拟|有望|力争|争取)")


def restates_target(actual: Mention) -> bool:
    """A progress figure that repeats the target ("完成目标任务5600人的…", "已确定13家") or
    counts the rest of the work ("其余20户"), not an actual."""
    clause = _CUT.split(actual.context)[-1]
    scope = bool(_CHOSEN_LEAD.search(clause) or _NEEDED.search(clause))
    done_count = _TASKS_DONE.search(clause) and not actual.after.startswith("的")
    return bool(
        (_RESTATED.search(actual.context) and not done_count)
        or _CHOSEN.search(actual.context)
        or _REMAINDER.search(actual.context)
        or _FORECAST_AFTER.match(actual.after)
        or still_pending(actual.after)
        or (scope and not _DONE_AFTER.search(actual.after))
    )


# "低于目标0.9个百分点", "比目标少3个", "高于序时进度5个百分点": the gap between an actual
# and its target (or pace), neither a target figure nor an amount done.
_GAP = re.compile(
    r"(?:低于|高于|超过|超出|落后于?|慢于|快于|差)(?:年度|全年)?(?:目标|计划|序时进度|预期)"
    r"(?:值|任务)?\s*$|(?:比|较)(?:年度|全年)?(?:目标|计划|序时进度)(?:值|任务)?"
    r"(?:低|高|少|多|慢|快)了?\s*$"
)


def states_gap(m: Mention) -> bool:
    """The figure is a gap to the target or the pace ("低于目标0.9个百分点")."""
    return bool(_GAP.search(m.context))


_STARTED = re.compile(r"开工|动工|启动|开建|正在|在建|施工中")
_FINISHED = re.compile(r"建成|竣工|完工|投用|投入使用|交付|完成")


def _clause_words(m: Mention) -> str:
    return _CUT.split(m.context)[-1] + m.after


def started_only(actual: Mention) -> bool:
    """A figure of work begun ("3所均已开工", "开工建设12个"), not of work done."""
    words = _clause_words(actual)
    return bool(_STARTED.search(words)) and not _FINISHED.search(words)


def finished_only(actual: Mention) -> bool:
    """A figure of work finished ("已竣工1700套"), with no word of work begun."""
    words = _clause_words(actual)
    return bool(_FINISHED.search(words)) and not _STARTED.search(words)


def asks_to_start(target: Mention) -> bool:
    return bool(_STARTED.search(f"{target.heading[-NAME_WINDOW:]}{target.name}{target.after}"))


def bare_actual(target: Mention, progress: str) -> str | None:
    """The one unitless figure written right after or before the target's name (at least
    four characters of it) in the progress; None when there is none or several."""
    if target.unit == SHARE_OF_TARGET or target.unit in MAGNITUDES:
        return None
    found: set[str] = set()
    # The name's words after any figure it holds ("建成20个智慧停车场和" → "智慧停车场和").
    name = re.split(rf"\d+(?:\.\d+)?\s*(?:{_UNIT_PATTERN})?", target.name)[-1]
    for k in range(len(name) - 3):
        words = re.escape(name[k:])
        after = (
            rf"{words}\s*(\d+(?:\.\d+)?)(?![\d.%]|,\d)(?!\s*(?:{_UNIT_PATTERN}|万|亿|年|月|日))"
        )
        before = rf"(?<![\d.])(\d+(?:\.\d+)?)\s*{words}"
        for pattern in (after, before):
            found.update(m.group(1) for m in re.finditer(pattern, progress))
        if found:
            break
    value = found.pop() if len(found) == 1 else None
    return value if value is not None and parse_decimal(value) is not None else None


# "现已新增20条,其中市本级17条、闽侯1条、长乐市2条": figures after 其中 that add up to the
# figure before it, in its unit, are its parts, not measures of their own.
_PARTS_LEAD = re.compile(r"其中")
_SENTENCE_END = re.compile(r"[。；;\n]")


def _as_number(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


def parts_of_a_whole(found: list[Mention], text: str) -> set[int]:
    """Indexes of the `found` mentions of `text` that break down the figure before 其中."""
    parts: set[int] = set()
    for lead in _PARTS_LEAD.finditer(text):
        end = _SENTENCE_END.search(text, lead.end())
        stop = end.start() if end else len(text)
        before = [k for k, m in enumerate(found) if m.start < lead.start()]
        if not before:
            continue
        whole = found[before[-1]]
        inside = [k for k, m in enumerate(found) if lead.end() <= m.start < stop]
        values = [_as_number(found[k].value) for k in inside]
        total = _as_number(whole.value)
        if (
            len(inside) >= 2
            and total
            and all(found[k].unit == whole.unit for k in inside)
            and None not in values
            and abs(sum(values) - total) <= total * 0.01
        ):
            parts.update(inside)
    return parts


# A preparatory step of the works ("招投标文件已发布", "已完成施工招标", "正着手准备开展招标").
_STEP = re.compile(r"招投标|招标|采购|设计|方案|立项|可研|前期|选址")
# Work done, past the step: "完成改造300户" is; "已完成施工招标" is not.
_DONE_WORK = re.compile(
    r"建成|竣工|完工|投用|投入使用|交付|安装"
    r"|完成(?!\S{0,2}(?:招|采购|设计|方案|立项|可研|前期|选址))"
)
_CLAUSE_END = re.compile(r"[，,。；;\n]")


def clause_at(text: str, at: int) -> str:
    """The clause of `text` (between commas, full stops or line breaks) holding offset `at`."""
    start = max((e.end() for e in _CLAUSE_END.finditer(text, 0, at)), default=0)
    end = _CLAUSE_END.search(text, at)
    return text[start : end.start() if end else len(text)]


# A check of the works ("对6家预建设托育机构进行半年度督导"): the figure says what was looked at.
_CHECKED = re.compile(r"督导|督查|检查|调研|指导|走访|考核|评估|抽查|暗访")


def scope_of_a_step(m: Mention, text: str) -> bool:
    """The figure's clause of `text` says only that a preparatory step was taken ("30所…
    管理系统建设招投标文件已发布") or that the works were checked ("对6家…机构进行督导"): the
    figure names the works, it counts nothing done."""
    clause = clause_at(text, m.start)
    if text[max(0, m.start - 1) : m.start] == "对" and _CHECKED.search(clause):
        return True
    return bool(_STEP.search(clause)) and not _DONE_WORK.search(clause)


# A project's whole scale over its years ("总投资519.86亿元", "概算投资140.16亿元", "计划总投资"),
# beside the amount set for this year ("当年计划投资19亿元", "年度计划投资", "本年投资计划").
_WHOLE_SCALE = re.compile(r"总投资|概算|总概算|估算投资|总规模")
_THIS_YEARS_PLAN = re.compile(r"(?:当年|年度|本年|今年|全年)[^，,。；;\d]{0,4}?计划|年度投资")


def whole_scale(m: Mention) -> bool:
    """The figure is a project's whole scale ("总投资131.97亿元"), no amount of a year's work."""
    clause = _CUT.split(m.context)[-1]
    return bool(_WHOLE_SCALE.search(clause)) and not _THIS_YEARS_PLAN.search(clause)


def scale_beside_years_plan(targets: list[Mention]) -> set[int]:
    """The targets naming a project's whole scale when another target of their unit names
    this year's plan: what the year's work answers is the plan, not the scale."""
    clauses = [_CUT.split(t.context)[-1] for t in targets]
    planned = {t.unit for t, c in zip(targets, clauses, strict=True) if _THIS_YEARS_PLAN.search(c)}
    return {
        k
        for k, (t, c) in enumerate(zip(targets, clauses, strict=True))
        if t.unit in planned and _WHOLE_SCALE.search(c) and not _THIS_YEARS_PLAN.search(c)
    }


def projects_of_a_scale(targets: list[Mention]) -> set[int]:
    """The counts of projects written before their whole scale and this year's plan ("项目386
    个,概算总投资2095.66亿元,年度计划投资495.58亿元"): a list of several years' works, its
    year's work answering the plan, not the count of its projects finished."""
    scales = [targets[k].start for k in scale_beside_years_plan(targets)]
    return {
        k
        for k, t in enumerate(targets)
        if t.unit in ("个", "项", "宗")
        # the projects, or the places that run them ("4个县(市)共实施…项目197个")
        and (re.search(r"(?:项目|工程)$", t.name) or re.match(r"(?:县|市|区|乡|镇|街道)", t.after))
        and any(0 < at - t.start <= 30 for at in scales)
    }


# A count of projects opening its sentence as the subject of the amounts after it ("省级6项,
# 概算投资…", "市重点项目12个,当年计划投资…"): which projects the figures are of, not work to do.
_ACTION = re.compile(r"完成|实施|建设|建成|新建|开工|推进|抓好|实现|启动|改造|新增|争取|引进|打造")
_AMOUNTS_AFTER = re.compile(r"[，,][^。；;\n]*?\d")


# "145个固定资产投资项目计划总投资230.2亿元": the count opens the sentence, the projects it
# counts follow it, and their money follows them in the same clause.
_PROJECTS_THEN_MONEY = re.compile(
    r"^\d+\s*[个项宗][^\d，,。；;]{0,16}?(?:项目|工程)[^\d，,。；;]{0,10}?\d+(?:\.\d+)?\s*[万亿]?元"
)


def counts_its_subject(m: Mention, text: str) -> bool:
    """`m` counts the projects its sentence is about: a count in 项 (or 个 of 项目) closing the
    sentence's first clause with no verb before it, a figure in the clause after it; or a
    count opening its sentence before the projects it counts and their money."""
    if not m.heading.strip() and _PROJECTS_THEN_MONEY.match(text, m.start):
        return True
    projects = m.unit == "项" or (m.unit == "个" and re.search(r"(?:项目|工程)$", m.name))
    # After a label ("市级重点项目进展情况: 2012年我县…") the sentence opens anew.
    heading = re.split(r"(?<=情况)\s*[:：]", m.heading)[-1]
    opening = not re.search(r"[，,：:、（）()]", heading) and not _ACTION.search(heading)
    rest = text[m.start :]
    end = re.search(r"[，,。；;\n]", rest)
    return bool(
        projects
        and opening
        and not m.after
        and end is not None
        and _AMOUNTS_AFTER.match(rest, end.start())
    )
