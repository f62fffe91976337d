"""A drafted target's title: the short name (≤ 8 characters, whole words) a leader would use,
and the names written in a target's text that may serve as its aliases.

Field knowledge only: the lexicon's abbreviations shorten a name written in full."""

from __future__ import annotations

import re

from bot.drafting import title_prose as prose
from bot.drafting.title_fits import (
    BAD_START,
    TITLE_MAX,
    abbreviate,
    drop_work_tails,
    fit_tails,
    front_cut,
    own_words,
    strip_tails,
)
from bot.drafting.title_prose import (
    DONE_INSIDE,
    SENTENCE_LEAD,
    TITLE_LEAD,
    VERDICT,
    WHEN_LEAD,
)
from bot.drafting.title_qualifiers import hide_qualifiers, show_names, without_comparator
from bot.drafting.words import Reading

_GROUP_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")
# A scope, not a name, as a subject ("所有县(市)实现二甲公立医院全覆盖"): the name follows.
_SCOPE = re.compile(r"^(?:所有|各|每个?|全)[\u4e00-\u9fff]{0,2}$")
# "为困难残疾人提供康复救助", "对185名残疾儿童实施康复救助": whom for, then the work.
_NUMBERED = re.compile(r"\d+(?=号[\u4e00-\u9fff])")
_HIDE_DIGITS = str.maketrans("0123456789", "".join(chr(0xE000 + d) for d in range(10)))
_SHOW_DIGITS = {v: k for k, v in _HIDE_DIGITS.items()}
_WHO_THEN_WORK = re.compile(r"^([\u4e00-\u9fff]{2,}?)(?:开展|进行)([\u4e00-\u9fff]{2,})$")
_FOR_WHOM = re.compile(r"^(?:为|对|向)(.+?)(?:免费)?(?:实施|提供|开展|进行|发放)了?(.{2,})$")
# A due date inside a name ("老旧小区8月底前完成改造") is no part of it.
_WHEN_INSIDE = re.compile(
    r"\d{4}年度?(?!\d)|(?:\d{1,2}月(?:底|末)|年底|[春夏秋冬]季)(?:之?前)?"
    r"|\d+(?:[—\-~至到]\d+)?周?岁(?:以上|以下)?"  # and whose age ("0—6岁残疾儿童") is no name
)
_ASIDE = re.compile(r"[（(][^）)]*[）)]?|[“”\"《》]")  # asides in brackets, and quote marks
ASIDE_IN_BRACKETS = re.compile(r"[（(][^（）()]*[）)]")  # an aside with both its brackets
_QUOTED = re.compile(r"“([^“”，,。；;]{2,16})”")
# Comparator words after a figure ("509300人以上") are no name.
_AFTER_FIGURE = re.compile(r"^(?:以上|以下|以内|之内|左右)")
_FIGURE_RUN = re.compile(r"[\d.,%]+[^\d，,。；;、]{0,3}")
_HAN = re.compile(r"[\u4e00-\u9fff]")

# A predicate after the subject ("固定资产投资增速高于全省平均水平"): the title is the subject.
_PREDICATE = re.compile(
    r"(?P<measure>增速|增幅|增长率|比例|比重|占比|总量|总额)?"
    r"(?:不高于|高于|低于|不低于|不少于|不超过|达到|保持|控制在|力争|确保|增长|下降|提高到|提升至|提升到|提高至|提高|完成|实现)"
    # ... or how far the work has got ("清社公路改造工程基本完工"), or how large it is
    # ("火车站广场建设工程总占地2万平方米"): what precedes is the name.
    r"|(?:已|已经|基本|全部|全面)?(?:完工|竣工|投入使用)|(?:总占地|占地面积|总面积|建筑面积)"
    # ... or a report's verdict on it ("创建已通过验收", "新飞雁毛毯等项目已生产", "…等项目
    # 有序推进", "实际利用外资等均未达序时"): what precedes is the name.
    r"|(?:均|已|已经)(?:提前|顺利|全面)?(?:完成|通过|生产|投产|建成|开工|启动)|均未|未达|有序推进"
    # ... or what it is raised from ("生均拨款标准从每生每年500元提高到600元").
    r"|(?:由|从)(?=[^，,。；;]{0,16}?(?:提高|增加|提升|上调|调整)(?:到|至))"
)
# "化工区防护林等项目": 等 closes a list of examples, and the examples name the target.
_EXAMPLES_TAIL = prose.EXAMPLES_TAIL
# A place it is done in, before its figure ("在家长常住地"): where, not what.
_WHERE = re.compile(r"^(?:在|于)[\u4e00-\u9fff]{1,8}?(?:地|中|内|下|里)$")
_INNER_WORK = re.compile(r"(?<=[\u4e00-\u9fff]{2})工作(?=[\u4e00-\u9fff]{2,}$)")
# "西平县腾云气体有限公司": a company is called by its own name, without place or legal form.
_COMPANY = re.compile(
    r"(?:[\u4e00-\u9fff]{1,4}?[省市县区])?([\u4e00-\u9fff]{2,8}?)(?:集团)?(?:股份)?有限(?:责任)?公司"
)

# Counting words: the thing counted follows ("8家卫生院", "1105户重度残疾人家庭", "185名儿童").
CLASSIFIERS = frozenset("个家所座处块张套条台项辆间只场路栋宗类户名件村口")


# Chinese writes no space between words, so a space between two Han characters is where
# one table cell ends and the next begins ("目标任务:最低生活保障 农村保障人次", a group cell then
# its sub-row): a name never runs across it.
_CELL_GAP = re.compile(r"(?<=[\u4e00-\u9fff])[ \t\u3000]+(?=[\u4e00-\u9fff])")


def cells_of(text: str) -> list[str]:
    """The pieces of one sentence that were separate table cells, in order."""
    return [c for c in _CELL_GAP.split(text) if c.strip()]


def quoted_names(text: str) -> list[str]:
    """The names a text puts in quotes (“企业上云”, “一村(居)一法律顾问”), asides dropped."""
    names = []
    for m in _QUOTED.finditer(text):
        name = _ASIDE.sub("", m.group(1)).strip()
        if len(_HAN.findall(name)) >= 2 and name not in names:
            names.append(name)
    return names


def _counted_thing_follows(clause: str, predicate: re.Match) -> bool:
    """ "悬挂不少于10处楹联": the comparator belongs to a figure whose counted thing follows."""
    from bot.drafting.text_figures import FIGURE_RE

    figure = FIGURE_RE.match(clause, predicate.end())
    if figure is None or (figure.group(4) or "") not in CLASSIFIERS:
        return False
    return len(_HAN.findall(clause[figure.end() : figure.end() + 2])) == 2


def _subject(clause: str) -> str:
    """The clause's subject when a predicate follows it, else the clause."""
    predicate = _PREDICATE.search(clause, 2)
    if (
        predicate
        and not _FIGURE_RUN.search(clause[: predicate.start()])
        and not _counted_thing_follows(clause, predicate)
    ):
        # "专利申请总量、发明专利申请量均增长": an adverb before the predicate is no name.
        subject = re.sub(r"(?:均|都|分别|全部|各|并|以及)$", "", clause[: prose.end_of(predicate)])
        subject = _EXAMPLES_TAIL.sub("", subject) if len(subject) > 3 else subject
        subject = TITLE_LEAD.sub("", subject)
        # "居民人均可支配收入与GDP增长同步": the subject is compared with what follows 与;
        # "服务站数占行政村比例": a share is named by what is counted, before 占.
        first = re.split(r"[与占]", subject, maxsplit=1)[0]
        subject = first if len(first) >= 4 else subject
        rest = clause[predicate.end() :]
        # "改造完成公交停靠站120个": a subject that is only the work names the thing after.
        if (_SCOPE.match(subject) or subject in GENERIC_WORDS) and len(_HAN.findall(rest)) >= 2:
            return rest
        if len(subject) >= 2:
            return subject
    return clause


def _named_core(clause: str) -> str:
    """The name's words in `clause`: the thing counted by its figure, or what precedes one."""
    from bot.drafting.text_figures import FIGURE_RE

    whom = _FOR_WHOM.match(clause)
    if whom:
        # The work, led by whom it is for when both fit ("残疾儿童康复救助").
        work = _named_core(whom.group(2))
        both = _named_core(whom.group(1)) + work
        # A short work alone ("救助") names nothing: the title is cut from both instead.
        return both if len(both) <= TITLE_MAX or len(work) < 4 else work
    core = prose.lead_off(_subject(clause))
    # A number before 号 names a thing, it counts nothing ("梭鱼湾20号路", "3号楼"): kept
    # out of the figures while the clause is cut at them.
    core = _NUMBERED.sub(lambda m: m.group(0).translate(_HIDE_DIGITS), core)
    pieces = [p.translate(_SHOW_DIGITS) if p else p for p in FIGURE_RE.split(core)]
    parts = [_AFTER_FIGURE.sub("", p).strip("的等和及与、=＝<>≤≥") for p in pieces[::5]]
    # A counting word the figure did not take ("7.4万口山坪塘") belongs to the figure.
    parts[1:] = [
        p[1:]
        if (unit or "万") in "万亿"
        and p[:1] in CLASSIFIERS | prose.ORDINAL_COUNTERS
        and len(p) > 2
        else p
        for p, unit in zip(parts[1:], pieces[4::5], strict=False)
    ]
    # "总投资7.58亿元的县医院迁建项目": what the figure describes follows its 的.
    # "…的全民健身中心和投资2700万元的…": the next cost's words are no part of the name.
    described = [
        re.sub(r"[和及与](?:总|计划)?投资$", "", prose.DESCRIBED.sub("", p).strip("的等和及与、"))
        for p in pieces[5::5]
        if prose.DESCRIBED.match(p)
    ]
    # A classifier puts the thing after its figure ("8家卫生院"); a measure ("造林0.71万亩")
    # after the thing.
    units = pieces[4::5]
    following = [
        p
        for p, unit in zip(parts[1:], units, strict=False)
        if len(p) >= 2 and (not unit or unit in CLASSIFIERS)
    ]
    # "4乡镇8村集中连片整村推进扶贫工程": a place counted on the way is not the name.
    following.sort(key=lambda p: len(p) < 3)
    after = [p for p in parts[1:] if len(p) >= 2]
    if _WHERE.match(parts[0]) and not following and after:
        # "在家长常住地100%保障入学": where it is done, then what is done (保障入学).
        parts[0] = ""
    if parts[0] in GENERIC_WORDS and not following and after:
        # "改造1100万平方米老旧小区": the work, then what it is done to: 老旧小区改造.
        named = after[0] + parts[0]
        following = [named if len(named) <= TITLE_MAX else after[0]]
    if len(parts[0]) < 2 and not following:
        # Nothing named before the first figure ("完成5550亩历史遗留矿山生态修复"): the thing
        # its measure is of follows it, whatever the measure.
        following = [p for p in parts[1:] if len(p) >= 2]
    core = next((p for p in described if len(p) >= 2), None) or (
        following[0] if following else parts[0]
    )
    core = prose.lead_off(core.split("、")[-1] if len(core) > TITLE_MAX else core) or core
    core = re.sub(r"(?:分别由|达到|提高到|由|达|为)$", "", core) or core  # "…参保达509300人"
    # The head of "以…为主要功能的中心敬老院" follows its last 的.
    head = core.rsplit("的", 1)[-1]
    if len(head) >= 2:
        core = head
    core = _COMPANY.sub(r"\1", core)
    # "义务教育段学生开展正脊筛查": who, then the work done for them, as after 为 or 对.
    work = _WHO_THEN_WORK.match(core)
    if work:
        core = work.group(1) + work.group(2)
        core = core if len(core) <= TITLE_MAX else work.group(2)
    # "主次干道完成路灯改造": the thing, then the work done to it, without the verb between.
    done = DONE_INSIDE.search(core)
    if done:
        joined = core[: done.start()] + core[done.end() :]
        core = joined if len(joined) <= TITLE_MAX else core[: done.start()]
    return strip_tails(core)


def _bare_clause(clause: str) -> str:
    """A clause without its opening connective or plan words (a connective alone leaves
    nothing) and the verdict after its name, unless that leaves less than two characters."""
    clause = prose.without_manner(SENTENCE_LEAD.sub("", clause))
    verdict = VERDICT.search(clause, 2)
    if verdict and len(_HAN.findall(TITLE_LEAD.sub("", clause[: verdict.start()]))) >= 2:
        # "化工区防护林等项目已提前完成": the examples before 等 name it.
        clause = _EXAMPLES_TAIL.sub("", clause[: verdict.start()])
    return clause


# The joiner a name in a run ends on before the next name ("…项目、", "…项目以及").
_RUN_JOINER = re.compile(r"(?:以及|及|和|与|、)\s*[；;]?\s*$")


def title_for(target_text: str, tokenizer, abbreviations: dict[str, str] | None = None) -> Reading:
    """A short name (≤ 8 characters, whole words) for the target: its first clause's subject,
    or the object of its first verb; a name the clause puts in quotes when that is not in it."""
    target_text = _RUN_JOINER.sub("", target_text)  # "…项目以及": a name in a run
    hidden, names = hide_qualifiers(target_text)
    read = _title_for(hidden, tokenizer, abbreviations)
    value = show_names(without_comparator(read.value), names)
    return Reading(value, show_names(read.words, names), read.confidence)


def _title_for(
    target_text: str, tokenizer, abbreviations: dict[str, str] | None = None
) -> Reading:
    """`title_for` on a text whose qualifying figures are hidden or dropped."""
    abbreviations = abbreviations or {}
    listed = prose.listed_in_brackets(target_text)
    if listed and len(named := title_for(listed, tokenizer, abbreviations).value) >= 4:
        return Reading(named, f"取自括号内列出的事项“{listed[:20]}”", 0.5)
    # An aside in brackets goes whole, before the text is cut at its colons and commas
    # ("(责任单位:州水务局)" leaves no "州水务局)").
    target_text = ASIDE_IN_BRACKETS.sub("", target_text)
    raw_clauses = re.split(
        r"[，,。；;：:|｜]", re.sub(r"\s+", "", _CELL_GAP.sub("；", target_text))
    )
    clauses = [
        _WHEN_INSIDE.sub("", WHEN_LEAD.sub("", prose.area_lead(_bare_clause(_ASIDE.sub("", c)))))
        for c in (_GROUP_HEADING.sub("", c) for c in raw_clauses)
    ]
    # "2020年底,新引进…": a clause that only says when is not the target's name.
    named = [
        i
        for i, c in enumerate(clauses)
        if len(_HAN.findall(c)) >= 2 and not prose.names_nothing(c)
    ]
    # "投资1.2亿元,在…实施…工程": what it costs is no name while a later clause names it.
    named = [i for i in named if not prose.COST_ONLY.match(clauses[i])] or named
    role = len(named) > 1 and bool(prose.ROLE_ONLY.match(clauses[named[0]]))
    named = named[1:] if role else named
    # "一、优质教育综合提升工程，完成…食堂建设": a numbered group heading names the group that
    # the item belongs to, shared by its siblings; the item's own words follow (group_name).
    if len(named) > 1 and prose.group_name(raw_clauses[named[0]], _GROUP_HEADING):
        named = named[1:]
    at = named[0] if named else None
    clause = clauses[at] if at is not None else ""
    core = _named_core(clause)
    if len(core) > TITLE_MAX:
        # "城乡建设工作指挥部": 工作 (and 建设 before it, if that makes it fit) before the
        # head names nothing ("工业园区建设工作指挥部" → 工业园区指挥部).
        shorter = [
            _INNER_WORK.sub("", core),
            _INNER_WORK.sub("", core.replace("建设工作", "工作")),
        ]
        core = next((c for c in shorter if len(c) <= TITLE_MAX), shorter[0])
    # Whole words that fit before cut ones ("慢性阻塞性肺疾病防治体系建设" → 慢阻肺防治).
    abbreviated = abbreviate(core, abbreviations, anywhere=False)
    fits = [
        c for c in (fit_tails(core), abbreviated, fit_tails(abbreviated)) if len(c) <= TITLE_MAX
    ]
    named = fits[0] if fits else prose.first_task(core, TITLE_MAX, tokenizer)  # else cut
    title, cut = front_cut(named, tokenizer, abbreviations)
    if not fits:
        # A cut that keeps the words for the work and loses the thing's own ("农村饮水安全
        # 巩固提升工程" → 安全巩固提升工程) yields to the name without those words, when that
        # fits with at most two characters cut from its front ("村四级食品药品安全").
        short = drop_work_tails(core)
        if len(own_words(title)) < 4 and short != core:
            shorter, cut_short = front_cut(short, tokenizer, abbreviations)
            if len(short) - len(shorter) <= 2:
                title, cut = shorter, cut_short
    quoted = quoted_names(prose.without_manner(raw_clauses[at])) if at is not None else []
    name = _quoted_title(quoted[0], raw_clauses[at], tokenizer) if quoted else ""
    if name and name not in title and title not in name:
        return Reading(name, f"取自“{clause}”中引号内的名称", 0.6)
    measured = _measured_name(target_text, clause, tokenizer, abbreviations, role)
    # A name the clause quotes is its own: a later clause's figure replaces it only when
    # it names the same thing ("开展“企业上云”专项行动,…推动40家企业上云").
    if measured and (not quoted or quoted[0] in measured):
        return Reading(measured, f"取自目标中给出数字的一句，而非“{clause}”", 0.6)
    repeated = _repeated_name(target_text, title)
    if repeated:
        return Reading(repeated, f"取自“{clause}”，目标文字中反复出现", 0.6)
    if len(title) <= 3 and not any(title == a for a in abbreviations):
        return Reading(title or clause[:TITLE_MAX], f"取自“{clause}”，过短", 0.3)
    if len(title) < 2:
        return Reading(clause[:TITLE_MAX] or "目标", f"取自“{clause}”前{TITLE_MAX}字", 0.3)
    return Reading(
        title, f"取自“{clause}”" + ("，已删去前面的词" if cut else ""), 0.5 if cut else 0.7
    )


def _first_sentence(target_text: str) -> list[str]:
    """The clauses of the first sentence, up to a list after a colon or 其中 (the parts of
    one measure), without asides or due dates."""
    sentence = re.split(r"[。；;：:]|其中", _ASIDE.sub("", re.sub(r"\s+", "", target_text)))[0]
    return [_WHEN_INSIDE.sub("", WHEN_LEAD.sub("", c)) for c in re.split(r"[，,]", sentence)]


def _measured_name(target_text: str, clause: str, tokenizer, abbreviations, role=False) -> str:
    """The name of the clause that sets the target's figure, where the title's clause sets
    none ("加大信贷投放力度,新增贷款完成14亿元" → 新增贷款): what is counted is what is asked
    after; after a `ROLE_ONLY` clause, one setting it in words. Only a whole name (not cut,
    four characters or more) replaces the first one."""
    from bot.drafting.text_figures import extract_figures

    # Only a first clause that says what is done ("加大…力度", "推进…") gives way.
    if extract_figures(clause) or not TITLE_LEAD.match(clause):
        return ""
    for later in _first_sentence(target_text)[1:]:
        if extract_figures(later) or (role and prose.SETS_TARGET.search(later)):
            name = title_for(later, tokenizer, abbreviations)
            # A list ("普通卡7折、学生卡5折" → 折、学生卡) names no one measure.
            if name.confidence >= 0.7 and len(name.value) >= 4 and "、" not in name.value:
                return name.value
    return ""


def _repeated_name(target_text: str, title: str) -> str:
    """The name of a later clause of the first sentence that the sentence writes again, where
    the title is written once ("坚持把科技作为支出重点领域,加大财政科技投入力度,确保财政科技投入
    只增不减"): what a sentence keeps naming is what it is about. A list after a colon or 其中
    names the parts of a measure, not the target."""
    clauses = _first_sentence(target_text)
    text = "".join(clauses)
    if len(clauses) < 2 or text.count(title) >= 2:
        return ""
    for clause in clauses[1:]:
        name = _named_core(clause)
        if 4 <= len(name) <= TITLE_MAX and text.count(name) >= 2 and name not in title:
            return name
    return ""


def _quoted_title(name: str, clause: str, tokenizer) -> str:
    """A quoted name as a title: a short one ("两癌") with the words that follow its quotes
    ("两癌筛查"); one too long for a title is none."""
    if len(name) > TITLE_MAX:
        return ""
    if len(name) >= 4:
        return name
    after = clause[clause.find("”", clause.find(name)) + 1 :]
    run = re.match(r"[\u4e00-\u9fff]+", after)
    for word in tokenizer.lcut(run.group(0)) if run else ():
        if len(name) + len(word) > TITLE_MAX or word in BAD_START:
            break
        name += word
    return name


# Heads too general to name one target on their own ("项目建设", "改造提升").
GENERIC_WORDS = frozenset("项目 建设 工程 工作 体系 行动 管理 服务 提升 改造 治理 增长".split())
