"""Words of a report's prose around a target's name that are no part of it: how a sentence
opens, the verdict after the name, the verb between a thing and the work done to it."""

from __future__ import annotations

import re

# Words that open a report's sentence without naming anything: a connective ("另外", "一是",
# "其中" before a part of the line above), the place that reports ("我市") or the plan it had
# ("今年计划新建…").
SENTENCE_LEAD = re.compile(
    r"^(?:另外|此外|同时|其中|[一二三四五六七八九十]是|我[省市县区州]|本[市县区]|今年|年内|计划(?!生育)|拟)+"
)
# A report's verdict after the name ("…项目已落实到位", "…规划编制工作已完成", "…正在拆迁"):
# how far the work has got is no part of what it is called.
# Not "已为…儿童开展…服务" (whom the work was done for, then the work) nor "已上报的…" (which).
VERDICT = re.compile(
    r"(?:现|均|都|目前)?(?:已经?|正在)(?![为对向在给于])(?![\u4e00-\u9fff]{0,2}的)"
    # ... or a notice's verdict on a list of examples ("…等经济指标完成情况较好", "…等项目受
    # 资金短缺等多种因素影响"), or what the work is to the office ("…服务是今年的重要举措之一").
    r"|(?:完成|进展)情况(?:较好|良好|不够理想|不理想|滞后)|受[^，,。；;]{2,30}影响"
    r"|是(?:今年|全年|本年度?)?的?[^，,。；;]{0,6}(?:之一|举措)"
    # ... or what others did of it ("…改造(市民政局)被温州采纳为亮点案例", "…曾因滞后被通报").
    r"|(?:曾因[^，,。；;]{0,10})?被[^，,。；;]{0,12}?(?:通报|采纳|评为|列为|列入|表扬|约谈)"
)
# The standard the work is done to, between whom it is for and the work ("对100个路口按照
# 交通安全“九个一”标准进行改造"): how, not what.
_MANNER = re.compile(r"按照?[^，,。；;]{1,40}?(?:标准|要求|规定)(?=进行|实施|开展)")


def without_manner(clause: str) -> str:
    return _MANNER.sub("", clause)


# "主次干道完成路灯改造": the thing, 完成, then the work done to it (not 完成率, a figure's name).
DONE_INSIDE = re.compile(r"(?<=[\u4e00-\u9fff]{2})完成(?![率值额量数])(?=[\u4e00-\u9fff]{2})")
# A clause that names the role something plays ("发挥财政资金的引导作用"): the means, not
# what is counted; the clauses after it name the target.
ROLE_ONLY = re.compile(r"^(?:充分|更好)?发挥.{2,}(?:作用|优势)$")
# A later clause that sets the target without a figure ("…增幅不低于GDP的增幅").
SETS_TARGET = re.compile(r"不低于|不少于|高于|超过|达到")

# Words that open a target's name without naming anything: a year, a scope, a verb of effort.
TITLE_LEAD = re.compile(
    r"^(?:\d{4}年(?:底|度)?|全年|年度|全社会|全县|全市|全区|力争|确保|加快推进|加快|推进|持续|继续|全面|深入|扎实|高质量|"
    r"大力|积极|进一步|严格落实|严格|落实|加强|加大|抓好|做好|完成|实现|开展|建设|新建|建成|"
    r"打通|谋划|实施|启动|并|提升|提高|完善|推动|保持|巩固|组织|支持|升级改造|改扩建|或|稳步|有序|着力|出台|制定|印发|编制|坚持|"
    r"开工|投用|推行|改建|解决|安排(?!资金)|新增(?=[\u4e00-\u9fff]{4}))+"
)
# When a target is due, written before what it is: "10月底之前", "从2020年起", "2020年底".
WHEN_LEAD = re.compile(
    r"^(?:(?:从|到|至)?\d{4}年(?:底|度|起|内)?(?:之?前)?|\d{1,2}月(?:底|末)?(?:之?前)?"
    # ... or the period a result covers ("前三季度共实现城镇新增就业…", "1-9月累计…").
    r"|(?:前三季度|上半年|下半年|[一二三四]季度|\d{1,2}[-—~至]\d{1,2}月份?"
    r"|[元一二三四五六七八九十]{1,2}月?至[二三四五六七八九十]{1,3}月份?)(?:共|累计|合计)?)+"
)
DATE = re.compile(r"\d{4}年度?|\d{1,2}月(?:底|末|份)?|\d{1,2}[日号]")
# A clause that only says when ("截至2013年12月底", "本年度"): no name, whatever its length.
ONLY_WHEN = re.compile(
    r"^(?:截至|截止|到|至)?(?:本年度|本年|今年|全年|年内|目前|当前|上半年|下半年|前三季度"
    r"|三季度末|一季度|二季度|三季度|四季度|年初|年底|年末|月底|月末|目前为止|过去一年|过去的一年"
    r"|一年来)?(?:以来|为止)?$"
)

# A clause that only says what is spent ("投资1.2亿元", "计划投资70万元"): no name.
COST_ONLY = re.compile(
    r"^(?:总|计划|共|累计|预计)?(?:投资|投入|投入资金|安排资金)(?:约|达|共)?[\d.]+(?:万|亿)?元$"
)
# "在绿色出行方面": the area is the name; "在祁家川流域继续实施…": where, then the work.
_AREA = re.compile(r"^在([\u4e00-\u9fff]{2,16})方面$")
_WHERE_THEN_WORK = re.compile(
    r"^在[^，,。；;]{2,20}?(?=继续|全面|实施|开展|新建|建设|推进)(?!.*方面$)"
)


def area_lead(clause: str) -> str:
    """The clause without an opening "在…" that says where or in which area ("在…方面")."""
    area = _AREA.match(clause)
    return area.group(1) if area else _WHERE_THEN_WORK.sub("", clause)


# "进展较为缓慢工作1项(学前教育生均拨款…)": a count of matters, then the matters in brackets.
_LISTED = re.compile(r"\d+[项件][（(]([^（）()]{4,})[）)]")


def listed_in_brackets(text: str) -> str:
    """What the first sentence lists in brackets after a count of matters, unless the
    brackets only break the count down ("27项(省级6项、市级5项)")."""
    listed = _LISTED.search(re.split(r"[。；;]", text)[0])
    if listed is None or re.search(r"\d+[项件个]", listed.group(1)):
        return ""
    return listed.group(1)


def only_when(clause: str) -> bool:
    """The clause only says when ("截至2013年12月底", "本年度"): it names nothing."""
    return bool(ONLY_WHEN.match(DATE.sub("", clause)))


# A verb before 项目 or 工程 says which ones ("124个新建项目已开工…", "50个建成项目完成投资…"):
# a kind of project, not a word of effort to drop.
_KIND_OF_PROJECT = re.compile(r"(?:新建|建成|改建|扩建|新开工|开工)(?=项目|工程)")


def lead_off(text: str) -> str:
    """`text` without its opening words of effort (`TITLE_LEAD`), unless they name the kind
    of project it is about."""
    bare = TITLE_LEAD.sub("", text)
    if bare in ("项目", "工程"):  # "年度实施项目": the lead is all that tells which
        return text
    kind = _KIND_OF_PROJECT.search(text, 0, len(text) - len(bare) + 4)
    return text[kind.start() :] if kind and kind.end() == len(text) - len(bare) else bare


def end_of(predicate: re.Match) -> int:
    """Where a subject ends before its predicate: before the measure named with the verb
    ("固定资产投资增速高于…" → 固定资产投资), unless that leaves too little of a name ("用水总量
    控制在…" is 用水总量, not 用水)."""
    measure = predicate.group("measure")
    return predicate.end("measure") if measure and predicate.start() < 3 else predicate.start()


def first_task(name: str, limit: int, tokenizer) -> str:
    """A name too long for a title that joins two tasks ("城镇老旧小区改造和社区服务提升") is
    called by its first when that fits whole, rather than cut from the front mid-word
    ("改和社区服务提升")."""
    first = re.split(r"[和及与]", name, maxsplit=1)[0]
    second = name[len(first) + 1 :]
    # Two tasks, each named by four characters or more ("大专及以上学历" joins none), the first
    # not opening with a verb or whom it is for.
    tasks = min(len(first), len(second)) >= 4 and not second.startswith(("以上", "以下", "以内"))
    if not tasks or len(first) > limit or first[0] in "为对向给" or TITLE_LEAD.match(first):
        return name
    # Only when the cut, word by word from the front, would keep the joiner and so a piece of
    # the first task: one that drops it names the second task whole ("卫生乡镇创建").
    words = [w for w in tokenizer.lcut(name) if w.strip()]
    while words and sum(map(len, words)) > limit:
        words.pop(0)
    return first if len(name) - sum(map(len, words)) < len(first) else name


def strip_leads(text: str) -> str:
    """`text` without the dates and the words of effort that open it ("2020年底前加快推进…")."""
    return TITLE_LEAD.sub("", WHEN_LEAD.sub("", text))


def unbound(name: str, bound: frozenset[str]) -> str:
    """`name` without the bound words a cut left inside its first word ("以上学历提升" of
    大专及以上学历提升: jieba reads 以上学历 as one word): what follows them is the name."""
    while len(name) > 3 and (name[:2] in bound or name[0] in bound):
        name = name[2:] if name[:2] in bound else name[1:]
    return name


# A clause that only says the money or the rate the work is done at ("投资1.2亿元", "总投资
# 6.8亿元", "按照每户800元标准"): what it costs, not what it is.
MONEY_ONLY = re.compile(
    r"^(?:总|共|计划|累计)?投资(?:约|近)?[\d.]+\s*(?:万|亿)?元(?:以上|左右)?$"
    r"|^按(?:照)?[^，,。；;]{0,10}?[\d.]+\s*(?:万|亿)?元(?:/\S{1,3})?的?标准$"
)


def names_nothing(clause: str) -> bool:
    """The clause only says when ("截至2013年12月底"), or what the work costs ("投资1.2亿元")."""
    return bool(ONLY_WHEN.match(DATE.sub("", clause)) or MONEY_ONLY.match(clause))


# An adverb that qualifies the predicate after a name, left at its end when the predicate is
# not one a title knows ("…标准均超额完成", "小额贷款共发放3.75亿元", "…项目总体", "…难题逐步解决",
# "…工程项目共30项", "…项目是,建设…", "税收收入累计完成…"): no name ends with one. 人均/户均 are
# names' words.
ADVERB_TAIL = re.compile(
    r"(?:(?<![人户生])均|(?<!公)共|累计|总体|逐步|分别|正在|已经?|是|进行)(?:超额|提前|顺利)?"
    r"(?:发放|完成|实现|达到|达)?$"
)
# Counting words that are no measure of a name: "第5届中朝博览会" counts which, not how many.
ORDINAL_COUNTERS = frozenset("届")
# Characters that bind to the word before them: a route's "至", a year's "年" ("每年…"), an
# edition's "届", a list's "及".
_BOUND_FIRST = frozenset("至及届年")


def drop_bound_first(words: list[str], before: str, tokenizer) -> list[str]:
    """Words cut from the front of a name without a first word of one character that the cut
    left bound to the word it lost (`before`): a binding character, or one that makes a word
    with the last character cut ("人畜饮水" → 畜…, "开山岛" → 岛…, "英山至黄腊…" → 至…), while
    four characters of the name stay. A proper name jieba reads a character at a time
    ("萧江水闸") keeps its characters."""
    known = getattr(tokenizer, "FREQ", {})  # jieba's dictionary: word → frequency
    while (
        len(words) > 1
        and len(words[0]) == 1
        and (words[0] in _BOUND_FIRST or known.get(before[-1:] + words[0], 0) > 0)
        and len("".join(words[1:])) >= 4
    ):
        before, words = words[0], words[1:]
    return words


# "计划投资70万元建设的福龙桥": what a cost describes follows its 的, after the work's verb.
DESCRIBED = re.compile(r"^(?:建设|实施|新建|修建|改造)?的")


def group_name(clause: str, heading: re.Pattern[str]) -> bool:
    """A numbered group heading that names the group ("一、优质教育综合提升工程"), not one that
    sets a figure ("一、减少农村扶贫对象6.76万人", "二、解决6万人农村饮水安全问题"): a target."""
    return bool(heading.match(clause)) and not re.search(r"\d", heading.sub("", clause))


# "化工区防护林等项目", "社会消费品零售总额等经济指标", "…等部分重点项目或任务": 等 closes a list
# of examples, and the examples name the target.
EXAMPLES_TAIL = re.compile(
    r"等(?:部分)?(?:重点|经济)?(?:项目|工程|工作|任务|企业|指标)?(?:或任务)?$"
)
