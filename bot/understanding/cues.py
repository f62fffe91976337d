"""The words and patterns that tell what a question asks (help, lists, status, units,
categories, deadlines, rankings, aspects), and the ledger-relative calibration of answers."""

from __future__ import annotations

import re

from bot.understanding.candidates import Candidate
from bot.understanding.text import (
    chinese_number,
)

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


HELP = re.compile(
    r"^/?(help|start)\b|帮助|你能做什么|能做什么|你会什么|会干啥|能干啥|能干什么|能干嘛|会干嘛"
    r"|怎么用|咋用|如何使用|怎么使用|使用说明|用法|能问什么|能问啥|怎么问|咋问|能查|可以查"
    r"|有什么功能|有哪些功能|功能介绍|说明书|操作说明|^菜单$|^指南$|你是谁|你是干嘛的|能帮我什么|可以做什么"
    # Words about using the bot itself, never about a target: commands, manuals, ways to ask.
    r"|命令|指令|手册|教程|问法|新手|不会用|不懂怎么|教教?我|(?:能|可以)问你|问你(?:什么|啥|哪些)"
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
HELP_WEAK = re.compile(
    r"(?:你|机器人|(?:这个|这)(?:机器人|工具|系统|玩意儿?|东西))[^，,。？?]{0,4}"
    r"(?:啥|什么|哪些|干嘛|干啥|怎么用)"
    r"|(?:怎么|如何|咋|怎样)(?:才能)?(?:用|使用|查|问|操作|玩|上手|开始)"
)


_NUM = r"([0-9]+|[一二两三四五六七八九十百零〇]+)"


# What may follow a number that names an item ("目标12完成了吗"), never a measure: "目标10亿"
# and "任务5万亩" are a target's figures.
_REF_END = (
    r"(?=\s*(?:$|号|项|条|的|呢|吗|吧|啊|情况|进展|进度|怎么|咋|如何|完成|是|在|[，,。？?！!]))"
)


NUMBER_REF = re.compile(
    rf"(?:第\s*{_NUM}\s*(?:项|条|个|号|件)"
    rf"|{_NUM}\s*号(?:目标|任务)|([0-9]+|[一二三四五六七八九十百]+)\s*号(?!线|楼|院|文|路|街|桥|巷|码头|地块|泊位|门|馆|厂|库)"
    rf"|(?:目标|任务|序号|编号|事项)\s*(?:第|#|no\.?)?\s*{_NUM}{_REF_END}"
    rf"|(?:序号|编号)(?:为|是){_NUM}{_REF_END}"
    rf"|#\s*([0-9]+)|\bno\.?\s*([0-9]+)"
    rf"|^\s*{_NUM}\s*(?:项|条)(?:的|情况|进展|怎么样|咋样|呢|$)|^\s*第\s*{_NUM}\s*$"
    rf"|^\s*([0-9]+)\s*$)"
)


ORDINAL = re.compile(rf"^(?:那|那么)?\s*第\s*{_NUM}\s*(?:个|条|项|件)?\s*(?:呢|吧|怎么样|咋样)?$")


LIST_CUE = re.compile(
    r"哪些|哪几|哪个|有几|几项|多少项|清单|列表|列出|名单|都有|有什么|全部|所有|统计|一览"
)


# The list cues that may just as well count one target's own things ("科技成果登记了多少项").
COUNT_CUE = re.compile(r"有几|几项|多少项")


# What may follow a unit's name in a question, when it is named as a unit ("科技局") and
# not by the stem a topic shares ("科技").
UNIT_SUFFIX = re.compile(r"(?:局|委|办|院|站|所|中心|公司|部|队|会|厅|处)$")


# One thing asked after, not a list ("民政局负责的那件事办得咋样", "…的事项为什么滞后").
ONE_THING = re.compile(
    r"那件|这件|那项|这项|那个事|这个事|为什么|为啥|怎么回事|落实情况|办得|进展"
)


# A request to write something for the asker, or to run an errand for them: no ledger holds
# the text or books the room ("帮我起草一份总结", "帮我预约一下体检", "给我订张机票").
WRITING = re.compile(
    r"(?:帮|替|给|为)(?:我|我们|咱们|领导)?(?:起草|撰写|草拟|拟写|代写|润色|写)"
    r"|代写|(?:起草|撰写|草拟|写)(?:一|个)(?:份|篇|段|个|下)"
    r"|(?:帮|替|给)(?:我|我们)(?:预约|预订|订|报名|挂号|买|叫|请假|充值|缴)"
    r"|(?:帮|替|给)我(?:把)?[^，,。？?]{0,8}(?:打印|复印|扫描|转发|盖章)"
)


SUMMARY = re.compile(
    r"总体|总览|整体|全局|汇总|概况|概览|总的|大盘|全盘|全部目标|整个台账|台账情况|盘点|总结|概括"
    r"|一共多少项|一共几项|共有多少|目标完成得怎么样|目标完成情况|全年完成情况|总共|大体上|面上"
    r"|(?:一共|总共|共|已经|已)完成了?(?:多少|几)项"
    # every category at once: the summary, which counts them all
    r"|各领域|分领域|按领域|各板块|分板块|各个方面|各方面"
)


# A count of the ledger's items, said as the whole ledger ("22件事项", "十件实事", "这8项任务").
WHOLE_COUNT = re.compile(
    r"(?:这|全部|所有)?[0-9一二两三四五六七八九十百]+(?:件|项|个)(?=事项|实事|任务|目标|确定事项|重点)"
)


# A progress question ("今年干得怎么样") whose words, filler and whole-ledger words aside,
# name nothing in particular asks about the whole ledger.
PROGRESS_CUE = re.compile(r"怎么样|咋样|怎样|如何|情况|进展|进度|汇报|说说|说一下|讲讲|完成|几成")


STATUS_WORDS = (
    ("超额完成", ("超额", "超过目标", "超目标")),
    (
        "暂无数据",
        (
            "暂无数据", "没出数据", "没有数据", "没数据", "无数据", "未出数", "没出数", "数据未出",
            "还没出数", "数据还没出", "数据没出", "没有出数", "缺数据", "数据缺",
        ),
    ),
    ("未完成", ("没完成", "未完成", "没有完成", "完不成", "没达标", "未达标", "没做完", "红灯")),
    (
        "滞后",
        (
            "滞后", "落后", "拖后腿", "进度慢", "拖延", "延误",
            # behind its 序时进度 is 滞后 by definition (bot/domain/pace.py)
            "没达序", "未达序", "不达序", "没达到序时", "未达到序时", "低于序时", "慢于序时",
        ),
    ),
    ("推进中", ("推进中", "正在推进", "进行中", "在推进", "黄灯")),
    ("已完成", ("已完成", "完成了的", "完成的", "已经完成", "绿灯", "达标的")),
)  # fmt: skip


# The same statuses said with any verb of doing (干/做/办/搞/弄) or in passing words, checked
# in `STATUS_WORDS` order, so "没干完" is 未完成 before "干完的" could be 已完成.
_DO = r"(?:干|做|办|搞|弄|整)"


STATUS_FORMS = {
    # Nothing reported, or not started: a target with no progress has no figures either.
    "暂无数据": re.compile(
        r"(?:没|未|无)有?(?:出)?数(?:据|字)?(?!量|目|额)|数据?还?(?:没|未)(?:有|出|报)"
        r"|(?:没|未)有?(?:报|上报|报送|填报)(?:进展|进度|情况|数据)"
        r"|(?:没|未)有?(?:启动|开始|开工|动工)|(?<!有)(?:没|没有|无)(?:任何)?进展|进度为(?:零|0)|一点没动"
    ),
    "未完成": re.compile(
        rf"(?:没|未|还没|尚未)有?{_DO}完|{_DO}不完|(?:没|未)(?:有)?(?:完成|达到(?!序)|做到)"
    ),
    # named in a supervision notice for lagging ("被点名的有哪些")
    "滞后": re.compile(
        r"落在?(?:了)?后|拖(?:了)?后腿|掉队|排在后面|被(?:点名|通报)(?!表扬)|点名批评"
    ),
    # still being done ("正在做的有哪些", "还在干的")
    "推进中": re.compile(rf"(?:正在|还在|仍在)(?:{_DO})(?!完)"),
    "已完成": re.compile(
        rf"(?:已经?|都)?{_DO}完(?:了)?的|(?:已经|已)(?:{_DO})?完|办结|完工了?的"
        r"|(?:哪些|哪几项|哪几个)(?:已经?|都)?(?:确定|确认|全部|基本)?(?:完成|达标)了"
        r"|(?:哪些|哪几[项个])(?:已经?|都)?完成(?:了)?(?:全年|年度)?(?:的)?(?:任务|目标)"
    ),
}


# On pace or ahead: any status but behind or unfinished ("哪些达到序时进度了", "没滞后的").
ON_PACE = re.compile(
    r"(?<![没未不有])(?:达到?|符合|跟上|赶上|超过|快于|领先)(?:了)?序时(?:进度)?(?:了|的|要求|[？?。！!]*$)"
    r"|(?<![没未不有])达序(?:了|的)|(?:没|未|没有)(?:滞后|落后)"
    # going well, said of targets as a list ("进展顺利的有哪些", "哪些完成得好")
    r"|(?:进展|推进)(?:得)?(?:顺利|正常)的|(?:顺利|正常)推进的"
    r"|(?<!不)(?:完成|做|干|办)得(?:好|不错|很好|比较好)的"
    r"|(?:哪些|哪几[项个])[^，,。]{0,4}(?:进展顺利|推进顺利|完成得好|做得好|干得好)"
)
ON_PACE_STATUSES = ("推进中", "已完成", "超额完成")


# What is left to do: every status but done ("剩下的还有几项", "还剩哪些").
REMAINING = re.compile(r"(?:剩下|还剩|剩余|余下)(?:的)?(?:还有)?(?:哪些|哪几|几项|多少|几个|的)")
NOT_DONE_STATUSES = ("推进中", "滞后", "未完成", "暂无数据")


# Any status word or form at all: most questions hold none, and skip the checks one by one.
ANY_STATUS = re.compile(
    "|".join(
        [re.escape(w) for _, words in STATUS_WORDS for w in words]
        + [f"(?:{p.pattern})" for p in STATUS_FORMS.values()]
    )
)


# A unit named in a list question ("民政局负责哪些") that the ledger may not have at all.
UNIT_NAME = re.compile(
    r"(?:哪些是|哪几项是|哪些归)?([\u4e00-\u9fff]{1,10}?(?:局|委|办|公司|委员会))"
    r"(?=负责|牵头|承担|分管|名下|配合|协助|的任务|的目标|管(?:哪|什么|啥|几)"
    # where a unit's share of the work is ("发改委那边有几项", "手上有哪些活", "哪些是发改委的")
    r"|那边|这边|手上|手里|的(?:活|事|项目|事项)|的[？?。]*$|有(?:几|多少|哪些|什么)"
    # how the unit does, with nothing else asked ("发改委干得怎么样", "发改委的情况")
    r"|(?:干|做|办|完成)得(?:怎么样|咋样|如何|好不好)|的情况[？?。]*$|进展(?:怎么样|咋样|如何)?[？?。]*$)"
)


CATEGORY_WORDS = {
    "经济发展": ("经济发展", "经济"),
    "民生保障": ("民生保障", "民生"),
    "社会事业": ("社会事业",),
    "生态环境": ("生态环境", "生态", "环保", "环境"),
    "城乡建设": ("城乡建设", "城建", "城乡"),
    "安全稳定": ("安全稳定", "安全", "稳定"),
}


ANY_CATEGORY = re.compile("|".join(w for words in CATEGORY_WORDS.values() for w in words))


CATEGORY_CUE = re.compile(r"方面|领域|类|板块|有哪些|哪些|的目标|的任务")


TOPIC_CUE = re.compile(
    r"的事|那块|那一块|这块|这一块|方面|领域|板块|口子|相关|这一摊|那一摊|工作怎么样|工作咋样"
    r"|的情况|有哪些|哪些"
)


# A list by what targets' texts say ("还在装修施工的有哪些", "已经招标完的", "张三牵头的"),
# said either way round ("哪几项是跟全省平均水平比的"), or by whose charge ("张三分管的项目").
_THINGS = r"(?:项目|任务|目标|事项|工作|事)"
_END = r"[？?。！!]*$"
STAGE_LISTS = (
    re.compile(rf"^(.{{2,12}}?)的{_THINGS}?(?:都)?(?:有|是)?(?:哪些|哪几[项个件])"),
    re.compile(rf"^(?:哪些|哪几[项个件])(?:是|在|要|属于)?(.{{2,14}}?)的{_END}"),
    re.compile(
        rf"^(.{{2,8}}?(?:分管|主抓|挂帅|牵头|负责))的{_THINGS}?(?:有哪些|都有哪些|是哪些|有啥)?{_END}"
    ),
)


# Time and aspect words around a stage ("还在…", "已经…完"), and roles after a name.
STAGE_EDGES = re.compile(
    r"^(?:目前|现在|眼下|当前)?(?:还在|正在|仍在|还|已经|已|刚)?(?:跟|和|与|同|按|对照|比照)?"
    r"|(?:比|相比|对比|比较)?(?:完|好|了|完成|结束)?$"
    r"|(?:牵头|负责|分管|主抓|挂帅)$"
)


# Where a unit's share of the work is, said after its name ("发改委那边", "手上").
UNIT_PLACE = re.compile(r"那边|这边|手上|手里|名下|那里|这里")


UNIT_CUE = re.compile(r"负责|牵头|承担|管|分管|名下|责任|的任务|的目标|的活|的事|配合|协助")


DUE_CUE = re.compile(
    r"到期|截止|期限|前要完成|前完成|要完成的|时限|快到期|将到期|临期|月底前|月底之前|月底要|月底的"
)


MONTH = re.compile(r"(\d{1,2}|[一二三四五六七八九十]+)月(?:底|末|份)?")


YEAR = re.compile(r"(20\d{2})\s*年")


_PER = r"(个|张|斤|位|套|间|平米|平方米?|吨|盒|瓶|件|份|座)"


# What one thing costs ("一个墓位多少钱", "多少钱一斤", "门票多少钱"): a price to a citizen,
# which a ledger of work targets holds only where its texts state one (`stated_price`).
# Money given, spent or raised ("每个村补了多少钱") is a target's figure, not a price.
UNIT_PRICE = re.compile(
    rf"(?:一|每){_PER}[^，,。？?花投用拨领发补奖筹融争贷借给]{{1,6}}?(?:多少钱|几块钱|什么价|啥价)"
    rf"|(?:多少钱|几块钱)(?:一|每){_PER}|(?<!免)(门票|单价)(?!免费|减免|全免)"
)


def stated_price(unit: str) -> re.Pattern[str]:
    """A money figure per thing in a ledger's text: "每个村(社区)800元", "每村5万元", "元/个"."""
    unit = re.escape(unit)
    return re.compile(rf"每(?:{unit})?[^，,。；;]{{0,12}}?[0-9.]+万?元|元\s*/\s*(?:{unit})?")


# An errand's verb said again after "how" ("挂号怎么挂", "报名该怎么报"): how to do it
# oneself, a procedure no ledger of work targets holds ("怎么查/问/用" ask about the bot).
ERRAND = re.compile(
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
)


# Where a target's texts state a rank: the clause that says so, and the one before it.
RANK_STATED = re.compile(
    r"([^，,。；;]*)[，,]?([^，,。；;]*(?:排名|排第|居全|位次|名次|位于|方阵|平均水平|前列)[^，,。；;]*)"
)


# The weather asked in passing words ("今天大连多少度"): no ledger holds it. 度电 is a figure.
WEATHER = re.compile(r"(?:多少|几)度(?!电)|冷不冷|热不热|(?:会|要)下雨|下不下雨|下雪了?吗")


OVERDUE = re.compile(
    r"逾期|超期|过期|超时|过了期限|过了时限|过了截止|到期没完成|拖期"
    r"|超过(?:了)?(?:期限|时限|截止)|超出(?:了)?(?:期限|时限)|到期了?还没(?:完成|办完|做完)"
)


AT_RISK = re.compile(
    # 盯 as what the asker must do ("需要重点盯的"), not who watches ("市里盯着的工程")
    r"(?:要|需要|得|该|需|重点|值得|必须|应该|多)盯|盯紧|盯住|盯一|盯着点|盯盯|重点关注|需要关注|需关注|要关注|值得关注|有风险|风险|要注意|需要督办|要督办"
    r"|该催|要催|需要催|预警|亮红灯的|悬了|完不成的|(?:要|需要|该|得)?重点督办"
    # 危险 of the work, not of a place ("危险路段")
    r"|(?:有|比较|很|最)危险|危险的(?:目标|任务|事项|是)"
)


# Needing watching said of how the work goes, as a list ("完成得不好的", "哪些有问题"): only
# said of targets ("…的", "哪些…"), so "肺不好的人" or "固投有问题吗" are no such list.
AT_RISK_LIST = re.compile(
    r"(?:完成|做|干|办|进展|推进|落实)得?(?:不好|不理想|不太好|较差|很差|差)的"
    r"|(?:进度|进展)(?:不理想|不好|不太好|较慢|偏慢|太慢)的"
    r"|有问题的|问题(?:较|比较)?多的|差得(?:很|还)?远的|差距(?:较|比较|很)?大的"
    # needing a push, said of targets as a list ("需要督促的", "哪些要加把劲")
    r"|(?:需要|要|该|得)(?:督促|抓紧|加快|加把劲|提速|加油)[^，,。？?]{0,4}的"
    r"|(?:哪些|哪几[项个])[^，,。]{0,4}(?:需要|要|该|得)(?:督促|抓紧|加快|加把劲|提速|加油)"
    r"|(?:哪些|哪几[项个])(?:目标|任务|事项)?(?:有问题|出了?问题|不理想|差得远)"
    r"|(?:有|存在|遇到)困难的(?:是|有)?(?:哪|目标|任务|事项|项目)"
    r"|(?:哪些|哪几[项个])[^，,。]{0,4}(?:有|存在|遇到)困难"
)


# Every target, asked for as a list ("列一下所有目标", "全部目标清单").
ALL_TARGETS = re.compile(
    r"^(?:县里|全县|今年|咱县|我县|台账里|台账上)?(?:都|一共|总共)?有(?:哪些|什么)(?:重点)?"
    r"(?:目标|任务|事项)[？?。!！]*$"
    r"|^(?:所有|全部)?(?:目标|任务|事项)(?:都|一共)?(?:有哪些|是哪些|有什么)[？?。!！]*$"
    r"|^(?:请|麻烦)?(?:把|给我)?(?:列|列出|列一下|列个|看看|看一下)?(?:一下)?"
    r"(?:所有|全部|全体|每一?项|各项)(?:的)?(?:目标|任务|事项|项目)"
    r"(?:的)?(?:清单|列表|名单|一览|都有哪些|有哪些|是哪些|列一下|列出来)?[？?。!！]*$"
    r"|^(?:目标|任务|事项)(?:清单|列表|名单|一览表?)[？?。!！]*$"
)


RANK_UNITS = re.compile(
    r"(哪个|哪些|什么)(单位|部门|局)[^，,。]*?(最差|最好|最落后|最慢|垫底|排名|靠后|靠前|最强|最弱|最多|最少)"
)


_HOW_MANY = r"[0-9一二两三四五六七八九十]+"
RANK_LOW = re.compile(
    rf"最低|最差|最慢|最落后|垫底|倒数|最少|最弱|最不行|靠后|末位|末尾|后几名|后{_HOW_MANY}(?:名|位|个|项|的|$)"
)


RANK_HIGH = re.compile(
    rf"最高|最好|最快|最多|最强|第一名|排第一|领先|靠前|前几名|前{_HOW_MANY}(?:名|位|个|项|的|$)"
)


# How many a ranking asks for ("完成率前五", "完成最差的三个", "排名前3的目标").
RANK_COUNT = re.compile(
    rf"(?:前|后|倒数)({_HOW_MANY})(?:名|位|个|项|的|$)|({_HOW_MANY})(?:个|项)$"
)


# The unit board asked for by its units ("各部门进展怎么样", "按单位列一下").
UNIT_BOARD = re.compile(
    r"红黄绿榜|单位排名|部门排名|单位排行|各单位|各部门|各责任单位|按单位|分单位|按部门|分部门"
    r"|每个单位|每个部门"
)


RATE_WORDS = re.compile(r"完成率|完成度|进度|完成比例")


# A comparison word, or only a suffix ("完成率80%以上的"); `thresholds` keeps those with one.
THRESHOLD = re.compile(
    r"(超过|高于|大于|多于|不低于|不少于|达到|在|低于|不到|少于|小于|不足|未达)?\s*"
    r"([0-9]+(?:\.[0-9]+)?)\s*(%|％|个百分点)?\s*(?:及)?(以上|以下)?"
)


def threshold_of(q: str) -> re.Match[str] | None:
    """The first number in `q` said with a comparison word or 以上/以下, if any."""
    return next((m for m in THRESHOLD.finditer(q) if m.group(1) or m.group(4)), None)


# Shares said in words ("不到一半", "超过八成"), read as the percentages they are.
_HALF = re.compile(r"一半|半数")
_TENTHS = re.compile(r"([一二三四五六七八九])成")


def proportions_as_percent(q: str) -> str:
    q = _HALF.sub("50%", q)
    return _TENTHS.sub(lambda m: f"{chinese_number(m.group(1))}0%", q)


MULTI_SPLIT = re.compile(r"和|与|跟|及|以及|还有|、|，|,|;|；|加上")


_ASPECTS = (
    ("units", re.compile(
        r"谁负责|谁牵头|谁管|归谁|哪个单位|哪个部门|哪家单位|责任单位|牵头单位|谁在抓|谁抓"
    )),
    ("deadline", re.compile(
        r"啥时候|什么时候|何时|几时|时限|截止|到期|期限|哪天|几月份?完成|多久"
    )),
    ("gap", re.compile(r"差多少|还差|差距|缺口|差几|离目标还|离目标差")),
)  # fmt: skip


FOLLOW_FILLER = re.compile(
    r"^(那|那么|还有|另外|再问|再看看|它|这个|那个|这项|那项)|(呢|吗|啊|呀|吧)$"
)


# A turn about the last target with nothing else in it: its progress, figures or why it lags
# ("进度呢", "具体数字呢", "为什么滞后"), or said of it by a pronoun ("它的目标是多少").
_WHY_LATE = r"(?:为什么|为啥|怎么)(?:会|还|又)?(?:滞后|没完成|落后|这么慢|慢|拖)"
LAST_TARGET = re.compile(
    r"^(?:那|那么)?(?:它|这项|那项|该项|此项|这一项)(?:的)?(?![\u4e00-\u9fff]{9})"
    rf"|^(?:那|那么)?(?:具体)?(?:进度|进展|情况|完成情况|数字|数据|明细|详细情况|目标值|完成了多少"
    rf"|完成多少|完成了吗|完成没|怎么样了?|咋样了?|{_WHY_LATE})(?:是多少|呢|吗|啊|呀|了)?[？?]*$"
)


WEEKDAYS_AHEAD = re.compile(r"下周|下个星期|下星期|下礼拜")


THIS_WEEK = re.compile(r"本周|这周|这个星期|这星期|这礼拜|本星期")


SOON = re.compile(
    r"快到期|即将到期|将到期|临期|马上到期|近期到期|快要到期|临近"
    r"|近期要到期|就要到期|要到期了|要到期的|还有(?:一个|1个)?月(?:就)?(?:要)?到期"
)


def any_word(words) -> re.Pattern[str] | None:
    """A pattern that finds any of `words` (None for none): a quick test before the loops."""
    unique = sorted(set(words), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, unique))) if unique else None


def to_int(raw: str) -> int | None:
    return int(raw) if raw.isdigit() else chinese_number(raw)


def names_phrase(candidate: Candidate, length: int, kinds=("phrase", "pinyin", "fuzzy")) -> bool:
    return any(r.kind in kinds and len(r.text) >= length for r in candidate.reasons)


def only_characters(candidate: Candidate) -> bool:
    """Nothing but rare single characters (`unigrams.char_hits`) explains the target."""
    return all(r.kind == "char" for r in candidate.reasons)


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
