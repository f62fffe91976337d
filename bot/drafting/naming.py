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
from bot.drafting.words import Reading
from bot.understanding.lexicon import FieldLexicon, Topic

DEFAULT_DEPARTMENTS = (
    Path(__file__).resolve().parent.parent.parent / "data" / "lexicon" / "departments.toml"
)
TITLE_MAX = 8
FALLBACK_CATEGORY = CATEGORIES[0]


@dataclass(frozen=True)
class Departments:
    names: tuple[str, ...] = ()
    lead: dict[str, str] = field(default_factory=dict)  # topic -> department
    assist: dict[str, tuple[str, ...]] = field(default_factory=dict)


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
    )


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


def category_for(topic: Topic | None, confidence: float) -> Reading:
    if topic is None or topic.category not in CATEGORIES:
        return Reading(FALLBACK_CATEGORY, "未匹配到领域词", 0.2)
    return Reading(topic.category, f"领域词“{topic.name}”", confidence)


# --- title ------------------------------------------------------------------------------

_TITLE_LEAD = re.compile(
    r"^(?:\d{4}年(?:底|度)?|全年|年度|力争|确保|加快推进|加快|推进|持续|继续|全面|深入|扎实|高质量|"
    r"大力|积极|进一步|严格落实|严格|落实|加强|加大|抓好|做好|完成|实现|开展|建设|新建|建成|"
    r"打通|实施|提升|提高|完善|推动|保持|巩固|组织|支持)+"
)
# When a target is due, written before what it is: "10月底之前", "从2020年起", "2020年底".
_WHEN_LEAD = re.compile(
    r"^(?:(?:从|到|至)?\d{4}年(?:底|度|起|内)?(?:之?前)?|\d{1,2}月(?:底|末)?(?:之?前)?)+"
)
_ASIDE = re.compile(r"[（(][^）)]*[）)]?|[“”\"《》]")  # asides in brackets, and quote marks
# Comparator words after a figure ("509300人以上") are no name.
_AFTER_FIGURE = re.compile(r"^(?:以上|以下|以内|之内|左右)")
_FIGURE_RUN = re.compile(r"[\d.,%]+[^\d，,。；;、]{0,3}")


# A predicate after the subject ("固定资产投资增速高于全省平均水平"): the title is the subject.
_PREDICATE = re.compile(
    r"(?:增速|增幅|增长率|比例|比重|占比|总量|总额)?"
    r"(?:高于|低于|不低于|不少于|不超过|达到|保持|控制在|力争|确保|增长|下降|提高到|提高|完成|实现)"
)


_NOT_A_START = frozenset("的等以或和与及、之")
# Counting words: the thing counted follows ("8家卫生院", "1105户重度残疾人家庭", "185名儿童").
CLASSIFIERS = frozenset("个家所座处块张套条台项辆间只场路栋宗类户名")
# Words a name cannot start with: they qualify what comes before them.
_BAD_START = frozenset(("以上", "以下", "以内", "之间", "其中", "方面")) | _NOT_A_START


# Chinese writes no space between words, so a space between two Han characters is where
# one table cell ends and the next begins ("目标任务:最低生活保障 农村保障人次", a group cell then
# its sub-row): a name never runs across it.
_CELL_GAP = re.compile(r"(?<=[\u4e00-\u9fff])[ \t\u3000]+(?=[\u4e00-\u9fff])")
# A sentence ends, or a target cell does ("；" joins the target cells of one item).
_SENTENCE_END = re.compile(r"[。；;]")


def cells_of(text: str) -> list[str]:
    """The pieces of one sentence that were separate table cells, in order."""
    return [c for c in _CELL_GAP.split(text) if c.strip()]


def title_for(target_text: str, tokenizer, abbreviations: dict[str, str] | None = None) -> Reading:
    """A short name (≤ 8 characters, whole words) for the target: its first clause's subject,
    or the object of its first verb."""
    abbreviations = abbreviations or {}
    clauses = re.split(r"[，,。；;：:]", re.sub(r"\s+", "", _CELL_GAP.sub("；", target_text)))
    clauses = [_WHEN_LEAD.sub("", _ASIDE.sub("", c)) for c in clauses]
    # "2020年底,新引进…": a clause that only says when is not the target's name.
    clause = next((c for c in clauses if len(re.findall(r"[\u4e00-\u9fff]", c)) >= 2), "")
    predicate = _PREDICATE.search(clause, 2)
    if predicate and not _FIGURE_RUN.search(clause[: predicate.start()]):
        subject = _TITLE_LEAD.sub("", clause[: predicate.start()])
        if len(subject) >= 2:
            clause = subject
    core = _TITLE_LEAD.sub("", clause)
    # Drop figures with their units ("440人", "6.63万人次") and what follows a figure when
    # the measure is named before it.
    # The thing counted follows its figure ("建成投用…等8家卫生院", "新增16个文化驿站");
    # otherwise the measure precedes it ("城镇新增就业5600人").
    from bot.drafting.report_text import FIGURE_RE

    pieces = FIGURE_RE.split(core)
    parts = [_AFTER_FIGURE.sub("", p).strip("的等和及与、") for p in pieces[::5]]
    # A classifier puts the thing after its figure ("8家卫生院"); a measure ("造林0.71万亩")
    # after the thing.
    units = pieces[4::5]
    following = [
        p
        for p, unit in zip(parts[1:], units, strict=False)
        if len(p) >= 2 and (not unit or unit in CLASSIFIERS)
    ]
    core = following[0] if following else parts[0]
    core = _TITLE_LEAD.sub("", core.split("、")[-1] if len(core) > TITLE_MAX else core) or core
    core = re.sub(r"(?:分别由|达到|提高到|由|达|为)$", "", core) or core  # "…参保达509300人"
    # The head of "以…为主要功能的中心敬老院" follows its last 的.
    head = core.rsplit("的", 1)[-1]
    if len(head) >= 2:
        core = head
    # Cutting the first words keeps a name written in full ("全社会固定资产投资" → 固定资产投资);
    # where the cut would start mid-phrase ("以上工业增加值"), an abbreviation shortens it.
    kept = [w for w in tokenizer.lcut(core) if w.strip()]
    while kept and sum(map(len, kept)) > TITLE_MAX:
        kept.pop(0)
    if not kept or kept[0] in _BAD_START or len("".join(kept)) < 4:
        for abbreviation, means in abbreviations.items():
            full = re.split(r"[（(/ ]", means)[0].strip()
            if len(core) > TITLE_MAX and len(full) >= 3 and full in core:
                core = core.replace(full, abbreviation)  # "规模以上工业增加值" → "规上工业增加值"
    words = [w for w in tokenizer.lcut(core) if w.strip()]
    # The head noun of a Chinese phrase is at its end: drop words from the front.
    cut = False
    while words and (sum(map(len, words)) > TITLE_MAX or words[0] in _NOT_A_START):
        words.pop(0)
        cut = True
    title = "".join(words)
    if len(title) <= 3 and not any(title == a for a in abbreviations):
        return Reading(title or clause[:TITLE_MAX], f"取自“{clause}”，过短", 0.3)
    if len(title) < 2:
        return Reading(clause[:TITLE_MAX] or "目标", f"取自“{clause}”前{TITLE_MAX}字", 0.3)
    return Reading(
        title, f"取自“{clause}”" + ("，已删去前面的词" if cut else ""), 0.5 if cut else 0.7
    )


# --- units ------------------------------------------------------------------------------


def _department_pattern(departments: Departments) -> re.Pattern[str] | None:
    stems = sorted({n.removeprefix("县").removeprefix("市") for n in departments.names}, key=len)
    if not stems:
        return None
    return re.compile(r"(县|市)?(" + "|".join(re.escape(s) for s in reversed(stems)) + ")")


def units_for(
    text: str, topic: Topic | None, departments: Departments, topic_confidence: float = 0.0
) -> tuple[tuple[UnitSpec, ...], Reading]:
    """Named units (the report's words), then the topic's inferred lead and assistants."""
    lead_line = re.search(r"(?:牵头|责任)(?:单位|部门)[:：]\s*([^\n]+)", text)
    named: list[str] = []
    pattern = _department_pattern(departments)
    if pattern is not None:
        for m in pattern.finditer(text):
            name = (m.group(1) or "县") + m.group(2)
            if name not in named:
                named.append(name)
    inferred_lead = departments.lead.get(topic.name) if topic else None
    units: list[UnitSpec] = []
    if lead_line:
        lead_names = [n for n in named if n.removeprefix("县") in lead_line.group(1)]
        # The cell's first name, up to a list mark, a separator or a sentence's end.
        first = re.split(r"[、,，;；。\s|｜]", lead_line.group(1).strip())[0]
        lead = lead_names[0] if lead_names else first
        if lead:
            units.append(UnitSpec(lead, "lead", "named"))
    elif inferred_lead and inferred_lead in named:
        units.append(UnitSpec(inferred_lead, "lead", "named"))
    elif inferred_lead:
        units.append(UnitSpec(inferred_lead, "lead", "inferred"))
    elif named:
        units.append(UnitSpec(named[0], "lead", "named"))
    for name in named:
        if all(u.name != name for u in units):
            units.append(UnitSpec(name, "assist", "named"))
    if topic is not None and not lead_line:
        for name in departments.assist.get(topic.name, ()):
            if all(u.name != name for u in units):
                units.append(UnitSpec(name, "assist", "inferred"))
    if not units:
        return (), Reading("", "未找到责任单位", 0.0)
    guessed = units[0].source == "inferred"
    return tuple(units), Reading(
        units[0].name,
        f"按领域“{topic.name}”推定" if guessed and topic else "报告写明",
        (0.7 if topic_confidence >= 0.9 else 0.4) if guessed else 0.9,
    )


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
        if abbreviation in lowered:
            continue
        words = [w for w in lexicon.synonyms.get(abbreviation, ()) if len(w) >= 3]
        if (len(full) >= 3 and full in text) or any(w in text for w in words):
            found.append(abbreviation)
    if tokenizer is not None:
        # Each name comes from one sentence and one cell of it, never from words of two.
        for sentence in _SENTENCE_END.split(text)[1:]:
            for cell in cells_of(sentence):
                name = title_for(cell, tokenizer, lexicon.abbreviations)
                if name.confidence >= 0.5 and name.value not in (title, *found):
                    found.append(name.value)
    return tuple(found)
