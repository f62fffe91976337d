"""A drafted target's title, topic, category, responsible units and aliases.

Field knowledge only: the topics and abbreviations of data/lexicon/field.toml and the map of
topics to county departments in data/lexicon/departments.toml.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from bot.domain.ledger import CATEGORIES, UnitSpec
from bot.drafting.text_figures import extract_figures
from bot.drafting.title_fits import BAD_START, SUFFIXES, TITLE_MAX
from bot.drafting.titles import (
    ASIDE_IN_BRACKETS,
    GENERIC_WORDS,
    cells_of,
    quoted_names,
    title_for,
)
from bot.drafting.words import Reading
from bot.understanding.lexicon import FieldLexicon, Topic

DEFAULT_DEPARTMENTS = (
    Path(__file__).resolve().parent.parent.parent / "data" / "lexicon" / "departments.toml"
)
FALLBACK_CATEGORY = CATEGORIES[0]
# A sentence ends, or a target cell does ("；" joins the target cells of one item).
_SENTENCE_END = re.compile(r"[。；;]")
# A clause ends: each clause of a sentence may name one measure ("加大信贷投放力度,新增贷款…").
_CLAUSE_END = re.compile(r"[，,]")
# A report's column label ("牵头部门:市交通局") or how far the work has got ("已整体投入运行",
# "项目已挂网招标", "制度正在征求意见") is no name a leader calls the target by; nor is the
# ledger's own bookkeeping of a figure against its target ("低于目标", "占年度任务",
# "分别完成", "实际改造"), a department that reports it ("区发展改革委"), or a step of
# paperwork ("审核通过", "正式受理").
_NOT_A_NAME = re.compile(
    r"^(?:牵头|责任|配合|协办|主办|分管)(?:部门|单位|领导)$|情况$|^(?:已|正在|目前|预计)"
    r"|已|也|正在|目标|任务|指标|、|进展"
    r"|^(?:占|分别|均|是其|实际|低于|高于|超过|截至|做到|按时|正式|审核|调整)"
    r"|^[区县市州][\u4e00-\u9fff]{2,8}[委局]$"
)
__all__ = [
    "NO_FIELD",
    "TITLE_MAX",
    "aliases_for",
    "category_for",
    "title_for",
    "topic_for",
    "units_for",
]


@dataclass(frozen=True)
class Departments:
    names: tuple[str, ...] = ()
    lead: dict[str, str] = field(default_factory=dict)  # topic -> department
    assist: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # (words, lead, assistants) of work owned by a department other than its topic's lead
    works: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = ()


def load_departments(path: Path = DEFAULT_DEPARTMENTS) -> Departments:
    """Read the topics-to-departments map; a missing file gives an empty map."""
    if not path.exists():
        return Departments()
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    topics = raw.get("topics", {})
    return Departments(
        names=tuple(raw.get("names", {}).get("departments", [])),
        lead={k: str(v["lead"]) for k, v in topics.items() if "lead" in v},
        assist={k: tuple(v.get("assist", [])) for k, v in topics.items()},
        works=tuple(
            (tuple(v["words"]), str(v["lead"]), tuple(v.get("assist", [])))
            for v in raw.get("works", {}).values()
        ),
    )


def work_departments(text: str, departments: Departments) -> tuple[str, tuple[str, ...]] | None:
    """The lead and assistants of the work the text names ("人工造林" → 县林业局), whatever its
    topic; the work whose word is longest wins."""
    hits = [
        (max(len(w) for w in words if w in text), lead, assist)
        for words, lead, assist in departments.works
        if any(w in text for w in words)
    ]
    if not hits:
        return None
    _, lead, assist = max(hits, key=lambda h: h[0])
    return lead, assist


# --- topic and category -------------------------------------------------------------------


def topic_for(text: str, progress: str, lexicon: FieldLexicon) -> tuple[Topic | None, float]:
    """The lexicon topic whose words weigh most in the target's text (progress counts less)."""
    text, progress = text.lower(), progress.lower()
    best: tuple[float, Topic | None] = (0.0, None)
    second = 0.0
    for topic in lexicon.topics:
        score = sum(len(w) for w in topic.words if w in text)
        score += 0.3 * sum(len(w) for w in topic.words if w in progress)
        if score > best[0]:
            second, best = best[0], (score, topic)
        elif score > second:
            second = score
    score, topic = best
    if topic is None:
        return None, 0.0
    confidence = 0.9 if score >= 2 * max(second, 1) else 0.6 if score > second else 0.45
    return topic, confidence


NO_FIELD = "未匹配到领域词"
# With no field's words, work that builds or renews a place of town or village ("完成4个城市社区
# “一有十中心”规范化建设", "市区老旧居民住宅小区信报箱建设工程") is what 城乡建设 names.
_BUILT_PLACE = re.compile(
    r"(?:城市|城区|城镇|城乡|乡村|村庄|社区|小区)[^，,。；;]{0,12}?(?:建设|改造|整治|规范化)"
)


def category_for(topic: Topic | None, confidence: float, text: str = "") -> Reading:
    """The category of the target's topic; with none, 城乡建设 for building a town's or a
    village's places (`text`, the target's words), else the fallback, for review."""
    if topic is None or topic.category not in CATEGORIES:
        place = _BUILT_PLACE.search(text)
        if place:
            return Reading("城乡建设", f"{NO_FIELD}，按“{place.group(0)}”", 0.3)
        return Reading(FALLBACK_CATEGORY, NO_FIELD, 0.2)
    return Reading(topic.category, f"领域词“{topic.name}”", confidence)


# --- units ------------------------------------------------------------------------------


def _department_pattern(departments: Departments) -> re.Pattern[str] | None:
    stems = sorted({n.removeprefix("县").removeprefix("市") for n in departments.names}, key=len)
    if not stems:
        return None
    return re.compile(_LEVEL + "?(" + "|".join(re.escape(s) for s in reversed(stems)) + ")")


# The level of government a department's name opens with ("州水务局", "区城管局"): the report's
# own, kept; a name without one is the county's.
_LEVEL = "(县|市|州|区|旗|盟)"
# A merged bureau is written as the heads of the departments it joins ("科商经信局" = 科技、商务、
# 经济和信息化局, "文广旅体局"): those heads before a known stem, from a cell's start or a list
# mark, are part of its name, which is not the department its last words name.
_HEADS = "科商经信文广旅体卫健农水住建交自规资环发改财人社医保民教工"
_MERGED = re.compile(r"(?:^|(?<=[:：、,，;；\s|｜(（]))" + _LEVEL + f"?([{_HEADS}]{{1,3}})$")


# "(市委农办、市城管局负责)", "(市民族宗教局牵头)": a notice names who is responsible in
# brackets after the item, one name or a list of them, each a unit's name.
_UNIT_NAME = r"[\u4e00-\u9fff]{2,12}(?:局|委|办|院|中心|大队|公司|分局|站|所|政府|部|会)"
_RESPONSIBLE_ASIDE = re.compile(
    rf"[（(]((?:{_UNIT_NAME})(?:[、,，](?:{_UNIT_NAME}))*)(?:负责|牵头)(?:落实|实施)?[）)]"
)


# A notice's quoted item followed by who does it ("“实施二次供水改造”(市综合行政执法局)"): the
# bracket names the unit, whether or not the department table knows it.
_UNIT_AFTER_QUOTE = re.compile(rf"”\s*[（(]((?:{_UNIT_NAME})(?:[、,，](?:{_UNIT_NAME}))*)[）)]")


def _stem(name: str) -> str:
    return re.sub("^" + _LEVEL, "", name)


# A department's own branch or squad named after it ("市生态环境局西平分局", "县公安局交警大队"):
# the unit is the branch, whose name the department's opens. The branch's name ends the unit's
# words; words of several units or of work between ("县公安局指导各派出所") name no branch.
_BRANCH_AFTER = re.compile(
    r"([\u4e00-\u9fff]{0,4}?)(?:分局|支队|大队|中队|派出所)(?=$|[^\u4e00-\u9fff]|牵头|负责|配合)"
)
_NOT_A_BRANCH_NAME = re.compile(r"[各和及与]|指导|督促|组织|联合|会同")


def _branch_after(text: str, end: int) -> str:
    found = _BRANCH_AFTER.match(text, end)
    return found.group(0) if found and not _NOT_A_BRANCH_NAME.search(found.group(1)) else ""


def _named_department(text: str, m: re.Match[str]) -> str:
    """The department a match of `_department_pattern` names, as the report writes it."""
    branch_name = _branch_after(text, m.end())
    merged = None if m.group(1) else _MERGED.search(text, 0, m.start())
    if merged:
        # No department of the table: a level the report does not write would be made up.
        return (merged.group(1) or "") + merged.group(2) + m.group(2) + branch_name
    return (m.group(1) or "县") + m.group(2) + branch_name


def units_for(
    text: str, topic: Topic | None, departments: Departments, topic_confidence: float = 0.0
) -> tuple[tuple[UnitSpec, ...], Reading]:
    """Named units (the report's words), then the topic's inferred lead and assistants."""
    lead_line = re.search(r"(?:牵头|责任)(?:单位|部门)[:：]\s*([^\n]+)", text)
    lead_line = lead_line or _RESPONSIBLE_ASIDE.search(text) or _UNIT_AFTER_QUOTE.search(text)
    named: list[str] = []
    pattern = _department_pattern(departments)
    if pattern is not None:
        for m in pattern.finditer(text):
            name = _named_department(text, m)
            if name not in named:
                named.append(name)
    inferred_lead = departments.lead.get(topic.name) if topic else None
    work = work_departments(text, departments)
    inferred_lead = work[0] if work else inferred_lead
    units: list[UnitSpec] = []
    if lead_line:
        lead_names = [n for n in named if n.removeprefix("县") in lead_line.group(1)]
        # The cell's first name, up to a list mark, a separator, a bracket or a sentence's end.
        first = re.split(r"[、,，;；。\s|｜()（）]", lead_line.group(1).strip())[0]
        lead = lead_names[0] if lead_names else first
        if lead:
            units.append(UnitSpec(lead, "lead", "named"))
    elif inferred_lead and (same := [n for n in named if _stem(n) == _stem(inferred_lead)]):
        units.append(UnitSpec(same[0], "lead", "named"))  # "区财政局" for 县财政局: the report's
    elif inferred_lead:
        units.append(UnitSpec(inferred_lead, "lead", "inferred"))
    elif named:
        units.append(UnitSpec(named[0], "lead", "named"))
    for name in named:
        if all(u.name != name for u in units):
            units.append(UnitSpec(name, "assist", "named"))
    if (topic is not None or work) and not lead_line:
        assistants = work[1] if work else departments.assist.get(topic.name, ())
        for name in assistants:
            if all(u.name != name for u in units):
                units.append(UnitSpec(name, "assist", "inferred"))
    if not units:
        return (), Reading("", "未找到责任单位", 0.0)
    guessed = units[0].source == "inferred"
    return tuple(units), Reading(
        units[0].name,
        _inferred_reason(topic, work) if guessed else "报告写明",
        (0.7 if topic_confidence >= 0.9 else 0.4) if guessed else 0.9,
    )


def _inferred_reason(topic: Topic | None, work) -> str:
    if work:
        return "按工作推定"
    return f"按领域“{topic.name}”推定" if topic else "推定"


def head_names(title: str, tokenizer) -> list[str]:
    """The shorter names a title's head makes ("城镇登记失业率" → 登记失业率, 失业率): a leader
    drops the qualifiers in front; a head of generic words alone names nothing."""
    words = [w for w in tokenizer.lcut(title) if w.strip()]
    names = []
    for start in range(1, len(words)):
        head = words[start:]
        name = "".join(head)
        # A head starts with a word of its own, never a bound piece ("型医共体", "以上企业").
        if len(head[0]) < 2 or head[0] in BAD_START or head[0][0] in SUFFIXES:
            continue
        # Its own words, before any generic ones, must name something ("市场建设" does not).
        own = list(head)
        while own and own[-1] in GENERIC_WORDS:
            own.pop()
        if len(name) >= 3 and len("".join(own)) >= 3:
            names.append(name)
    return names


# --- aliases ----------------------------------------------------------------------------


def aliases_for(
    text: str, lexicon: FieldLexicon, tokenizer=None, title: str = ""
) -> tuple[str, ...]:
    """The lexicon's abbreviations whose full form or words the target's text writes out, and
    the short names of its other sentences and cells (what a leader may call one part of it)."""
    found = []
    lowered = text.lower()
    for abbreviation, means in lexicon.abbreviations.items():
        full = re.split(r"[（(/ ]", means)[0].strip()
        words = [w for w in lexicon.synonyms.get(abbreviation, ()) if len(w) >= 3]
        # Written out already, unless only inside its own full form ("外资" in "境外资金").
        bare = lowered
        for written in sorted({full, *words}, key=len, reverse=True):
            if len(written) > len(abbreviation):
                bare = bare.replace(written.lower(), "")
        if abbreviation in bare:
            continue
        if (len(full) >= 3 and full in text) or any(w in text for w in words):
            found.append(abbreviation)
    # A name the text puts in quotes is one its readers use.
    # Not a whole task quoted with its amount ("“完成回迁安置857户以上”"): a name has none.
    found += [
        n
        for n in quoted_names(text)
        if n not in (title, *found) and not any(f.unit for f in extract_figures(n))
    ]
    if tokenizer is not None:
        found += [n for n in head_names(title, tokenizer) if n not in found]
        # Each name comes from one sentence and one cell of it, never from words of two.
        for sentence in _SENTENCE_END.split(ASIDE_IN_BRACKETS.sub("", text)):
            for cell in cells_of(sentence):
                for clause in _CLAUSE_END.split(cell):
                    name = title_for(clause, tokenizer, lexicon.abbreviations)
                    if (
                        name.confidence >= 0.5
                        and name.value not in (title, *found)
                        and not _NOT_A_NAME.search(name.value)
                    ):
                        found.append(name.value)
    return tuple(found)
