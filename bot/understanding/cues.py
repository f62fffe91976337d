"""The words and patterns that tell what a question asks (help, lists, status, units,
categories, deadlines, rankings, aspects), and the ledger-relative calibration of answers."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.domain.ledger import TargetSpec
from bot.understanding.candidates import Candidate
from bot.understanding.gates import gated
from bot.understanding.text import chinese_number, words_pattern

# Calibration, all relative to the ledger: coverage is a share of the question's own
# informative weight, the ratios compare a runner-up with the best target.
ACCEPT_COVERAGE = 0.30  # a target explaining less of the question than this is not trusted

CONFIDENT_COVERAGE = 0.6  # ... and one explaining less than this is answered but logged


# A topic word yields to one target explaining at least this much of the question when no
# other explains half as much ("帮企业去股市上市的事": 企业 is 工业's word, the rest 上市's).
TOPIC_ONE_TARGET = 0.5

PHRASE_COVERAGE = 0.2  # ... unless one of its own phrases is written in the question


AMBIGUOUS_RATIO = 0.8  # a runner-up this close to the best makes the question ambiguous

WEAK_AMBIGUOUS_RATIO = 0.6  # the same, when the best target is not confident


# A ledger without its own aliases (as `import-report` drafts it) explains fewer of a
# question's everyday words, so its bar drops towards PHRASE_COVERAGE in proportion; below
# ACCEPT_COVERAGE a target is offered only as "可能是…", when no other comes within this share.
ALONE_RATIO = 0.5
GUESSES = 3  # weak candidates offered to choose from when none leads alone
# ... offered only when the best explains this much of the question: halfway between the
# bar of a draft (PHRASE_COVERAGE) and of a curated ledger (ACCEPT_COVERAGE). At 0.2 the
# choices took in out-of-scope questions of the training and dev sets; at 0.25 none.
MAYBE_COVERAGE = 0.25


FREEZE_AT = 1000  # targets from which the index is exempted from garbage collection


# Targets from which the build also imports cn2an and works out every status, the summary and
# the list groups, which a big ledger's first such question would otherwise pay for (the
# rarer rankings still work out their ratios and the unit board on first use).
WARM_AT = 1000


CONTEXT_SECONDS = 600  # a conversation's context lasts about ten minutes


LIST_LIMIT = 10  # ranked lists show this many

LIST_REPLY_LIMIT = 100  # a list reply shows this many lines; `targets` keeps every one


HELP = gated(
    r"^/?(help|start)\b|帮助|你能做什么|能做什么|你会什么|会干啥|能干啥|能干什么|能干嘛|会干嘛"
    r"|怎么用|咋用|如何使用|怎么使用|使用说明|用法|能问什么|能问啥|怎么问|咋问|能查|可以查"
    r"|有什么功能|有哪些功能|功能介绍|说明书|操作说明|^菜单$|^指南$|你是谁|你是干嘛的|能帮我什么|可以做什么"
    # Words about using the bot itself, never about a target: commands, manuals, ways to ask.
    r"|命令|指令|手册|教程|问法(?!律|院|规|治|制)|新手|不会用|不懂怎么|教教?我"
    r"|(?:能|可以)问你|问你(?:什么|啥|哪些)"
    r"|不知道(?:该|要|能)?(?:问|查)(?:什么|啥|哪些)|(?:可以|能)(?:问|查)(?:哪些|什么|啥)"
    # What the bot can do for the asker ("你能帮我干点啥"), and how to put a question to it.
    r"|(?:能|可以|会)帮(?:我|你|咱|忙)?(?:们)?(?:干|做|办|查)(?:点|些)?(?:啥|什么|哪些)"
    r"|(?:怎么|怎样|如何|咋)(?:样)?(?:去)?提问|提问(?:的)?(?:方式|方法|格式)"
    r"|你(?:有)?(?:什么|啥|哪些)?(?:本事|本领)|介绍(?:一下|下)?(?:你)?自己|自我介绍"
    r"|(?:啥|什么|哪些)功能(?!区|性|室|用房|型)|功能(?:有哪些|有啥|是什么|都有|列表|说明)"
    r"|(?:跟|和|与)你(?:对话|聊天|交流|说话)|不会问|(?:该|要|能)问(?:些)?(?:什么|啥)才"
    r"|举个?例子|示例|例句|样例|(?:可以|能)问(?:些|点)(?:什么|啥|哪些)"
)


# Weaker cues of a help question (the bot addressed, or "how do I ask/look up"): they count
# only when no target explains the question, so "你说固投怎么查" still answers 固投.
HELP_WEAK = gated(
    r"(?:你|机器人|(?:这个|这)(?:机器人|工具|系统|玩意儿?|东西))[^，,。？?]{0,4}"
    r"(?:啥|什么|哪些|干嘛|干啥|怎么用)"
    r"|(?:怎么|如何|咋|怎样)(?:才能)?(?:用|使用|查|问|操作|玩|上手|开始)"
    # how to put a question ("我要查一个项目该怎么说")
    r"|(?:查|问)[^，,。？?]{0,8}(?:该|要|得)(?:怎么|如何|咋)(?:说|讲|写|输入)"
)


_NUM = r"([0-9]+|[一二两三四五六七八九十百零〇]+)"


# What may follow a number that names an item ("目标12完成了吗"), never a measure: "目标10亿"
# and "任务5万亩" are a target's figures, and so is "目标10项的那个" (the one of 10 items).
_REF_END = (
    r"(?=\s*(?:$|号|(?:项|条)(?!的?那[个项条件些])|的|呢|吗|吧|啊|情况|进展|进度|怎么|咋|如何"
    r"|完成|是|在|[，,。？?！!]))"
)


# N号 after a month is a day ("6月20号开标"), never an item.
NUMBER_REF = gated(
    rf"(?:第\s*{_NUM}\s*(?:项|条|个|号|件)"
    rf"|{_NUM}\s*号(?:目标|任务)|(?<![月0-9一二两三四五六七八九十百零〇])([0-9]+|[一二三四五六七八九十百]+)\s*号(?!线|楼|院|文|路|街|桥|巷|码头|地块|泊位|门|馆|厂|库)"
    rf"|(?:目标|任务|序号|编号|事项)\s*(?:第|#|no\.?)?\s*{_NUM}{_REF_END}"
    rf"|(?:序号|编号)(?:为|是){_NUM}{_REF_END}"
    rf"|#\s*([0-9]+)|\bno\.?\s*([0-9]+)"
    # "12项的情况" is item 12; "12条的那个" the one of 12 (roads): a figure it holds
    rf"|^\s*{_NUM}\s*(?:项|条)(?:的(?!那[个项条件些])|情况|进展|怎么样|咋样|呢|$)"
    rf"|^\s*第\s*{_NUM}\s*$"
    rf"|^\s*([0-9]+)\s*$)"
)


# An item number no ledger has: negative or not whole ("第-1项", "第1.5项", "第负一项",
# "第一点五项"); refused as such, never read as a figure of some target.
BAD_NUMBER_REF = re.compile(
    r"第\s*(?:[-－负]\s*[0-9一二两三四五六七八九十百零〇]+(?:[.．][0-9]+)?"
    r"|[0-9]*(?:\s*[.．]+\s*[0-9]+)+|[一二两三四五六七八九十百零〇]+点[一二两三四五六七八九零〇]+)"
    r"\s*(?:项|条|个|号|件)"
)


def numbers_held(numbers) -> str:
    """ "目标序号是1–66的整数，如“第34项”。": which item numbers a question may name."""
    numbers = sorted(numbers)
    if not numbers:
        return ""
    low, high = numbers[0], numbers[-1]
    span = f"{low}–{high}" + ("" if high - low + 1 == len(numbers) else "之间的部分")
    return f"目标序号是{span}的整数，如“第{numbers[len(numbers) // 2]}项”。"


# A place in the last list: 第N个, or 第N alone ("第二个呢", "第3个", "那第二呢").
POSITION = re.compile(rf"^(?:那|那么)?\s*第\s*{_NUM}\s*个?\s*(?:呢|吧|怎么样|咋样)?[?？。]*$")
# A ledger's own number said as an ordinal ("第12项", "第十二条呢"): never a place in a list.
LEDGER_ORDINAL = re.compile(
    rf"^(?:那|那么)?\s*第\s*{_NUM}\s*(?:项|条|件)\s*(?:呢|吧|怎么样|咋样)?[?？。]*$"
)

# "第二个呢": the 呢 of a follow-up makes an ordinal a step through a list.
STEP_ON = re.compile(r"个\s*(?:呢|吧)$")


# The entry after (or before) the one opened from the last list ("下一个", "再上一项呢").
NEXT_IN_LIST = re.compile(
    r"^(?:那|那么)?(?:再|接着|继续)?(?:(下)|上)一(?:个|项|条)(?:呢|吧)?[？?。]*$"
)


# A request to write something for the asker, or to run an errand for them: no ledger holds
# the text or books the room ("帮我起草一份总结", "帮我预约一下体检", "给我订张机票").
WRITING = gated(
    r"(?:帮|替|给|为)(?:我|我们|咱们|领导)?(?:起草|撰写|草拟|拟写|代写|润色|写)"
    r"|代写|(?:起草|撰写|草拟|写)(?:一|个)(?:份|篇|段|个|下)"
    r"|(?:帮|替|给)(?:我|我们)(?:预约|预订|订|报名|挂号|买|叫|请假|充值|缴)"
    r"|(?:帮|替|给)我(?:把)?[^，,。？?]{0,8}(?:打印|复印|扫描|转发|盖章)"
)


SUMMARY = gated(
    r"总体|总览|整体|全局|汇总|概况|概览|总的|大盘|全盘|全部目标|整个台账|台账情况|盘点|总结|概括"
    r"|一共多少项|一共几项|共有多少|目标完成得怎么样|目标完成情况|全年完成情况|大体上|面上"
    r"|(?:一共|总共|共|已经|已)完成了?(?:多少|几)项"
    # how many targets the ledger holds ("有多少项目标", "台账里有几项任务", "目标有多少个",
    # "台账一共多少个指标", "台账里有多少条", "目标总数是多少"): 指标 is how offices call them too
    r"|^(?:台账(?:里|中|上)?的?)?(?:一共|总共|共|总计|合计)?有?(?:多少|几)(?:项|个|件|条)"
    r"(?:目标|任务|指标)[？?。]*$"
    r"|^台账(?:里|中|上)?的?(?:一共|总共|共|总计|合计)?有?(?:多少|几)(?:项|个|件|条)[？?。]*$"
    r"|^(?:台账(?:里|中|上)?的?)?(?:目标|任务|指标)的?(?:总数|个数|数量)(?:是|有)?"
    r"(?:多少|几项|几个)?[？?。]*$"
    # how many are done, asked of nothing in particular ("完成了多少项")
    r"|^(?:一共|总共|共|已经|已)?完成了?(?:多少|几)项(?:目标|任务)?了?[？?。]*$"
    # the same asked the other way round ("有多少项完成了", "共有几项已经完成")
    r"|^(?:一共|总共|共)?有(?:多少|几)(?:项|个|件)(?:目标|任务)?(?:已经|已)?完成了?[？?。]*$"
    r"|^(?:台账(?:里|中|上)?的?)?(?:目标|任务|指标)(?:一共|总共|共)?有(?:多少|几)(?:项|个|件)[？?。]*$"
    # every category at once: the summary, which counts them all
    r"|各领域|分领域|按领域|各板块|分板块|各个方面|各方面"
    # a report on the whole ("半年小结", "年终成绩单")
    r"|小结|成绩单"
)


# A count of the ledger's items, said as the whole ledger ("22件事项", "十件实事", "这8项任务"),
# maybe with a word or two between ("15件为民办实事", "十项民生重点工作"): only the count goes.
WHOLE_COUNT = gated(
    r"(?:这|全部|所有)?[0-9一二两三四五六七八九十百]+(?:件|项|个)"
    r"(?=[\u4e00-\u9fff]{0,4}?(?:事项|实事|任务|目标|确定事项|重点))"
)


# A part of the year a progress question is asked for ("一季度进度汇报一下", "上半年干得咋样"):
# it names nothing in particular on a ledger none of whose texts write it.
PERIOD = re.compile(r"(?:第?[一二三四1-4]|前[两二三2-3])季度|[上下前]半年|年中")


def blank_unwritten_periods(q: str, written: Callable[[str], bool]) -> str:
    """`q` with each part of the year that `written` says no text of the ledger holds blanked."""
    return PERIOD.sub(lambda m: m.group() if written(m.group()) else " ", q)


# A progress question ("今年干得怎么样") whose words, filler and whole-ledger words aside,
# name nothing in particular asks about the whole ledger.
PROGRESS_CUE = re.compile(r"怎么样|咋样|怎样|如何|情况|进展|进度|汇报|说说|说一下|讲讲|完成|几成")


TOPIC_CUE = re.compile(
    r"的事|那块|那一块|这块|这一块|方面|领域|板块|口子|相关|这一摊|那一摊|工作怎么样|工作咋样"
    r"|的情况|有哪些|哪些"
)


YEAR = re.compile(r"(20\d{2})\s*年")


_PER = r"(个|张|斤|位|套|间|平米|平方米?|吨|盒|瓶|件|份|座)"


# What one thing costs ("一个墓位多少钱", "多少钱一斤", "门票多少钱"): a price to a citizen,
# which a ledger of work targets holds only where its texts state one (`stated_price`).
# Money given, spent or raised ("每个村补了多少钱") is a target's figure, not a price.
UNIT_PRICE = gated(
    rf"(?:一|每){_PER}[^，,。？?花投用拨领发补奖筹融争贷借给]{{1,6}}?(?:多少钱|几块钱|什么价|啥价)"
    rf"|(?:多少钱|几块钱)(?:一|每){_PER}|(?<!免)(门票|单价)(?!免费|减免|全免)"
)


def stated_price(unit: str) -> re.Pattern[str]:
    """A money figure per thing in a ledger's text: "每个村(社区)800元", "每村5万元", "元/个"."""
    unit = re.escape(unit)
    return re.compile(rf"每(?:{unit})?[^，,。；;]{{0,12}}?[0-9.]+万?元|元\s*/\s*(?:{unit})?")


def asks_unstated_price(q: str, best: TargetSpec | None) -> bool:
    """The question asks what one thing costs, and the leading target states no such price
    (a ticket price where its texts never say 门票, a price per 个 where none is per 个)."""
    asked = UNIT_PRICE.search(q)
    if asked is None:
        return False
    if best is None:
        return True
    texts = " ".join((best.target_text, best.progress_text, *(i.name for i in best.indicators)))
    word = asked.group(3)
    if word is not None:
        return word not in texts
    return not stated_price(asked.group(1) or asked.group(2)).search(texts)


# An errand's verb said again after "how" ("挂号怎么挂", "报名该怎么报"): how to do it
# oneself, a procedure no ledger of work targets holds ("怎么查/问/用" ask about the bot).
ERRAND = gated(
    r"([^查问用\W])\w(?:要|该|得)?(?:怎么|咋|如何)(?:才能)?\1"
    # Where to do it, or how to get a paper done: a counter's work, not a target's progress.
    r"|在哪(?:里|儿)?(?:能|可以|去)?(?:交|缴|办|领|买|报名|申请|补办|上牌|预约|挂号)"
    r"|(?:怎么|咋|如何)(?:才能)?(?:补办|预约|提取|缴费|交费|报名|挂失)"
    # which doctor, bank or shop is good: advice, not a target's progress
    r"|哪(?:个|家|位|所)(?:医生|医院|老师|学校|银行|饭店|餐馆|酒店|药店|超市|商场|店|律师|驾校"
    r"|幼儿园)[^，,。？?]{0,4}(?:好|强|便宜|靠谱|厉害|划算|高|低|近)"
    # how one pays for oneself ("我的社保怎么交")
    r"|(?:怎么|咋|如何)(?:才能)?(?:交|缴)(?:纳|费|钱)?[？?。！!]*$"
)


# A rank asked for ("GDP排全省第几", "排名第几"), which a ledger holds only where it states one.
RANK_ASKED = re.compile(
    r"排(?:在)?(?:全省|全市|全国|全区|全州|全盟)?(?:第几|多少位|多少名)|排名(?:第几|多少)|第几名|位次"
    r"|(?:全省|全市|全国|全区|全州|全盟)第几"
)


# Where a target's texts state a rank: a clause with one of these words (and the clause
# before it, which often names what is ranked).
RANK_STATED = re.compile(r"排名|排第|居全|位次|名次|位于|方阵|平均水平|前列")
RANK_NAMED = re.compile(r"排名|位次|名次")  # an indicator that is a rank
RANK_PLACE = re.compile(r"全省|全市|全国|全区|全州|全盟|省内|市内")  # where a rank is asked
CLAUSE = re.compile(r"[，,。；;]")


# The weather asked in passing words ("今天大连多少度"): no ledger holds it. 度电 is a figure.
WEATHER = gated(
    r"(?:多少|几)度(?!电)|冷不冷|热不热|(?:会|要)下雨|下不下雨|下雪了?吗"
    # when a storm comes ashore ("台风什么时候登陆"): a forecast, not a target's progress
    r"|(?:什么时候|啥时候|几点|哪天|会不会|要)登陆"
)


MULTI_SPLIT = re.compile(r"和|与|跟|及|以及|还有|、|，|,|;|；|加上")


_ASPECTS = (
    ("units", re.compile(
        r"谁负责|谁牵头|谁管|归谁|哪个单位|哪个部门|哪家单位|责任单位|牵头单位|谁在抓|谁抓"
        r"|责任人|负责人"
    )),
    ("deadline", re.compile(
        r"啥时候|什么时候|何时|几时|时限|截止|到期|期限|哪天|几月份?完成|多久"
    )),
    ("gap", re.compile(r"差多少|还差|差距|缺口|差几|离目标还|离目标差")),
)  # fmt: skip


FOLLOW_FILLER = gated(r"^(那|那么|还有|另外|再问|再看看|它|这个|那个|这项|那项)|(呢|吗|啊|呀|吧)$")


# A turn about the last target with nothing else in it: its progress, figures or why it lags
# ("进度呢", "具体数字呢", "为什么滞后"), or said of it by a pronoun ("它的目标是多少").
_WHY_LATE = r"(?:为什么|为啥|怎么)(?:会|还|又)?(?:滞后|没完成|落后|这么慢|慢|拖)"
# "为什么滞后", "为啥没完成": why a target is behind (group 1) or not done (group 2), which a
# reply answers plainly when it is neither (`render_not_behind`).
WHY_BEHIND = re.compile(
    r"(?:(?:为什么|为啥|为何)[^，,。；;？?]{0,12}?|怎么(?:会|还|又|一直|这么|那么|严重)*)"
    r"(?:(滞后|落后|拖后腿|拖延|进度慢|慢(?=了|呢|啊|吗|$|[？?。!！]))"
    r"|(没完成|没有完成|未完成|没干完|完不成|还没有?完成))"
)
_STATE_ASKED = (
    r"(?:滞后|落后|逾期|超期|延期|超额完成|超额|达标|完成得了|能完成|能按期完成|能按时完成"
    r"|按期完成|按时完成|如期完成|能如期完成|有风险|有困难)"
)
# Said before the state ("年底前能完成吗"): the deadline every target shares, no target's words.
_BY_WHEN = (
    r"(?:到|在)?(?:年底|年末|年内|今年|本月|月底|这个月|本季度|季度末|期限内)(?:前|之前|以前|内)?"
)
LAST_TARGET = re.compile(
    r"^(?:那|那么)?(?:它|这项|那项|该项|此项|这一项)(?:的)?(?![\u4e00-\u9fff]{9})"
    rf"|^(?:那|那么)?(?:具体)?(?:进度|进展|情况|完成情况|数字|数据|明细|详细情况|目标值|完成了多少"
    rf"|完成多少|完成了吗|完成没|怎么样了?|咋样了?|完成率|完成比例|完成度|{_WHY_LATE})"
    r"(?:是多少|有多少|多少|呢|吗|啊|呀|了)?[？?]*$"
    # what it was set to do ("目标是多少", "任务是什么", "年度目标呢"): the card says it
    r"|^(?:那|那么)?(?:它|这项|这个)?(?:的)?(?:全年|年度|今年)?(?:目标|任务|目标任务|指标)"
    r"(?:是|定的是?|定了)?(?:多少|什么|啥|几个)?(?:呢|啊|呀)?[？?]*$"
    # how it stands, asked of it with nothing else ("进度正常吗", "进展怎么样", "现在什么状态")
    r"|^(?:那|那么)?(?:现在|目前)?(?:的)?(?:进度|进展|情况|状态|完成情况)(?:怎么样了?|咋样了?|如何"
    r"|怎样|正常|顺利|正常不正常)(?:呢|吗|啊|呀|了|不)?[？?]*$"
    r"|^(?:那|那么)?(?:现在|目前)?(?:是)?(?:什么|啥)(?:状态|情况)(?:呢|了)?[？?]*$"
    r"|^(?:那|那么)?(?:进度)?正常(?:吗|不)[？?]*$"
    # or whether it is in a state, a yes-no question ("滞后吗", "是不是逾期了", "能按期完成吗")
    rf"|^(?:那|那么)?(?:它|这项|这个)?(?:{_BY_WHEN})?(?:已经)?{_STATE_ASKED}(?:了)?(?:吗|没有?)[？?]*$"
    rf"|^(?:那|那么)?(?:它|这项|这个)?(?:{_BY_WHEN})?(?:是不是|是否|会不会|能不能|能否)(?:已经)?(?:{_STATE_ASKED}|完成)"
    r"(?:了)?(?:呢)?[？?]*$"
    # or when it is (to be) done ("啥时候完成的": its 时限, not the list of done targets)
    r"|^(?:那|那么)?(?:它|这项|这个)?(?:是)?(?:啥时候|什么时候|何时|几时|哪天)(?:能|要|该|才)?"
    r"(?:完成|完工|办完|干完|建成|到期|截止)(?:的|了)?(?:呢|吗)?[？?]*$"
)


def any_word(words) -> re.Pattern[str] | None:
    """A pattern that finds any of `words` (None for none): a quick test before the loops."""
    return words_pattern(words)


def to_int(raw: str) -> int | None:
    return int(raw) if raw.isdigit() else chinese_number(raw)


def number_reference(q: str) -> int | None:
    """The first item number the question names ("第十二条", "编号12"), if any."""
    m = NUMBER_REF.search(q)
    return to_int(next(g for g in m.groups() if g)) if m else None


def number_references(q: str) -> tuple[int, ...]:
    """Every item number the question names, in order, once each."""
    found = (to_int(next(g for g in m.groups() if g)) for m in NUMBER_REF.finditer(q))
    return tuple(dict.fromkeys(n for n in found if n is not None))


def blank_written_cues(q: str, cues: re.Pattern | None, text: str) -> str:
    """`q` with each cue that `text` writes together with the question's character before or
    after it blanked, in place (明星 of "明星村那块的场地" where the target writes 明星村)."""
    for m in cues.finditer(q) if cues is not None else ():
        start, end = m.span()
        before = start > 0 and q[start - 1 : end] in text
        if before or (end < len(q) and q[start : end + 1] in text):
            q = q[:start] + " " * (end - start) + q[end:]
    return q


# The tests of a candidate's reasons below are loops, not any()/all() over a generator: they
# run several times a question, and a generator costs more than the few reasons it reads.


def names_phrase(candidate: Candidate, length: int, kinds=("phrase", "pinyin", "fuzzy")) -> bool:
    for r in candidate.reasons:
        if r.kind in kinds and len(r.text) >= length:
            return True
    return False


def only_characters(candidate: Candidate) -> bool:
    """Nothing but rare single characters (`unigrams.char_hits`) explains the target."""
    for r in candidate.reasons:
        if r.kind != "char":
            return False
    return True


def lexicon_and_characters(candidate: Candidate) -> bool:
    """Lexicon reasons explain the target, and nothing else but rare single characters."""
    lexicon = False
    for r in candidate.reasons:
        if r.kind == "lexicon":
            lexicon = True
        elif r.kind != "char":
            return False
    return lexicon


def one_character(candidate: Candidate, q: str) -> bool:
    """Nothing but one rare character, or one word of two, explains the target. Characters
    from apart in the question ("挖矿挖坏的山": 矿 and 山 of 矿山) are some evidence; one is
    none, and two side by side are a word of the question the target never writes ("资金",
    "食堂" where only 资 and 金 stand in its texts): evidence against it."""
    if not only_characters(candidate):
        return False
    chars = {r.text for r in candidate.reasons}
    if len(chars) != 2:
        return len(chars) < 2
    first, second = chars
    return first + second in q or second + first in q


def one_common_word(candidates: list[Candidate]) -> bool:
    """Every candidate explained by the question's own bigrams and characters only, mostly by
    one bigram they all share (at least 70% of each one's score)."""
    if any(r.kind not in ("bm25", "char") for c in candidates for r in c.reasons):
        return False
    shared = set.intersection(*({r.text for r in c.reasons} for c in candidates))
    return any(
        all(sum(r.score for r in c.reasons if r.text == word) >= 0.7 * c.score for c in candidates)
        for word in shared
    )


def aspect_of(q: str) -> str | None:
    for name, pattern in _ASPECTS:
        if pattern.search(q):
            return name
    return None


def strip_aspects(q: str) -> str:
    for _, pattern in _ASPECTS:
        q = pattern.sub(" ", q)
    return q


def light(status: str) -> str:
    from bot.domain.status import light_for

    return light_for(status)
