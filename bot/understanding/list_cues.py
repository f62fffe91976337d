"""The words and patterns of list questions: statuses in any words, units, categories,
deadlines, rankings, thresholds, targets at risk or on pace, and lists by the targets' own
texts (split from `cues.py`, which keeps help, scope, numbers and the calibration)."""

from __future__ import annotations

import re

from bot.domain.ledger import STATUSES
from bot.understanding.gates import gated
from bot.understanding.text import words_pattern

LIST_CUE = re.compile(
    r"哪些|哪几|哪个|有几|几项|多少项|清单|列表|列出|列一下|列一列|列个|罗列|名单|都有|有什么|全部|所有|统计|一览"
)


# Whether any target is in a state, asked first ("有没有滞后的项目"): a list, not one target.
ANY_OF_THEM = re.compile(r"^(?:请问)?(?:有没有|有无|是否有|有木有)")


# The list cues that may just as well count one target's own things ("科技成果登记了多少项").
COUNT_CUE = re.compile(r"有几|几项|多少项")


# What may follow a unit's name in a question, when it is named as a unit ("科技局") and
# not by the stem a topic shares ("科技").
UNIT_SUFFIX = re.compile(r"(?:局|委|办|院|站|所|中心|公司|部|队|会|厅|处)$")


# "公交方面有哪些", "培训这块都有什么": a word of the ledger's own, then a list is asked for.
WORD_LIST = re.compile(
    r"^([\u4e00-\u9fff]{2,4}?)(?:方面|领域|这块|那块|这一块|相关)的?(?:目标|任务|工作|项目)?"
    r"(?:有哪些|有哪几项|有几项|都有什么|都有哪些|是哪些)[呢啊吗?？]*$"
)


STATUS_WORDS = (
    ("超额完成", ("超额", "超过目标", "超目标", "高于目标")),
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
            # how a notice names its laggards ("部分项目进展缓慢")
            "进展缓慢", "进度缓慢", "推进缓慢", "进展慢", "推进慢",
            # behind its 序时进度 is 滞后 by definition (bot/domain/pace.py)
            "没达序", "未达序", "不达序", "没达到序时", "未达到序时", "低于序时", "慢于序时",
            # short of the target while the year runs ("塌目标1.8个百分点", a notice's word)
            "塌目标",
        ),
    ),
    ("推进中", ("推进中", "正在推进", "进行中", "在推进", "黄灯", "部分完成", "完成了部分")),
    ("已完成", ("已完成", "完成了的", "完成的", "已经完成", "绿灯", "达标的")),
)  # fmt: skip


# The same statuses said with any verb of doing (干/做/办/搞/弄) or in passing words, checked
# in `STATUS_WORDS` order, so "没干完" is 未完成 before "干完的" could be 已完成.
_DO = r"(?:干|做|办|搞|弄|整)"
# What any ledger calls its items, said after 哪些 ("哪些项目完成了", "哪些行动超过了目标").
ITEM_WORDS = ("项目", "工程", "目标", "任务", "事项", "实事", "行动", "工作", "指标")
_KIND = f"(?:{'|'.join(ITEM_WORDS)})?"


STATUS_FORMS = {
    # past the goal set for the year ("哪几项超过了年初定的目标")
    "超额完成": re.compile(
        rf"(?:哪些|哪几[项个件]){_KIND}(?:已经?|都)?(?:超过|超出|突破)(?:了)?"
        r"(?:年初|年度|全年)?(?:定的|确定的|制定的|既定的?)?目标"
    ),
    # Nothing reported, or not started: a target with no progress has no figures either.
    "暂无数据": re.compile(
        r"(?:没|未|无)有?(?:出)?数(?:据|字)?(?!量|目|额)|数据?还?(?:没|未)(?:有|出|报)"
        r"|(?:没|未)有?(?:报|上报|报送|填报)(?:进展|进度|情况|数据)"
        r"|(?:没|未)有?(?:启动|开始|开工|动工)|(?<!有)(?:没|没有|无)(?:任何)?进展|进度为(?:零|0)|一点没动"
    ),
    "未完成": re.compile(
        rf"(?:没|未|还没|尚未)有?{_DO}完|{_DO}不完|(?:没|未)(?:有)?(?:完成|完工|竣工|达到(?!序)|做到|达标)"
        r"|达不到(?:年度|全年|既定)?(?:的)?目标"
        # short of the year's goal in passing words ("哪些还没到年度目标", "哪些不到目标")
        rf"|(?:哪些|哪几[项个件]){_KIND}还?(?:没|未|不)(?:有)?(?:到|够)(?:年度|全年|年初定的|既定)?(?:的)?目标"
    ),
    # named in a supervision notice for lagging ("被点名的有哪些")
    "滞后": re.compile(
        r"落在?(?:了)?后|拖(?:了)?(?:[^，,。？?]{1,4}?的)?后腿|掉队|排在后面|被(?:点名|通报)(?!表扬)|点名批评"
        # slow, said of targets as a list ("哪些进度偏慢", "进展较慢的有哪些")
        r"|(?:哪些|哪几[项个件])(?:进度|进展)?(?:偏慢|较慢)|(?:偏慢|较慢)的(?:有|是)?(?:哪些|哪几)"
    ),
    # still being done ("正在做的有哪些", "还在干的", "还在施工的项目")
    "推进中": re.compile(rf"(?:正在|还在|仍在)(?:{_DO}|施工|建设|建)(?!完)"),
    "已完成": re.compile(
        rf"(?:已经?|都)?{_DO}完(?:了)?的|(?:已经|已)(?:提前)?(?:{_DO})?完(?:成|工|结)?|办结|完工了?的"
        # a project done as a notice says it ("哪些项目已经投产了", "已建成投用的")
        r"|(?:已经|已)(?:建成)?(?:投产|投用|竣工|通车)"
        rf"|(?:哪些|哪几项|哪几个){_KIND}(?:已经?|都)?(?:确定|确认|全部|基本)?(?:完成|达标)了"
        r"|(?:哪些|哪几[项个])(?:已经?|都)?完成(?:了)?(?:全年|年度)?(?:的)?(?:任务|目标)"
        # done in full, asked as a list ("哪几项已经全部完成", "全面完成任务的是哪几个")
        rf"|(?:哪些|哪几[项个件]){_KIND}(?:已经?|都)?(?:全部|全面|基本)完成(?![^，,。]*[吗没])"
        r"|(?:全部|全面)完成(?:了)?(?:年度|全年)?(?:任务|目标)?的(?:有|是)?(?:哪些|哪几|哪[一二三四五六七八九十两\d]+[个项件])"
        # a promise kept, as a report says of its items ("兑现了哪些承诺", "已兑现的有哪些")
        r"|兑现了?(?:哪些|哪几)|(?:已经?|都)兑现(?:了)?的(?:有|是)?(?:哪些|哪几)"
    ),
}

# Work still to be done by a deadline ("年底前需要完成的", "下周要做完的"): words of a due list,
# not the status 已完成 that their 完成的 would otherwise say.
TO_BE_DONE = re.compile(  # also what is to do: "这周要办的", "下周要做的"
    rf"(?:需要|要|需|应该|应当|应|必须|须)(?:全部|全面)?(?:完成|{_DO}完)|(?:需要|要|得){_DO}的"
)


# On pace or ahead: any status but behind or unfinished ("哪些达到序时进度了", "没滞后的").
ON_PACE = gated(
    r"(?<![没未不有])(?:达到?|符合|跟上|赶上|超过|快于|领先)(?:了)?序时(?:进度)?(?:了|的|要求|[？?。！!]*$)"
    r"|(?<![没未不有])达序(?:了|的)|(?<!有)(?:没|未|没有|不)(?:滞后|落后)"
    # going well, said of targets as a list ("进展顺利的有哪些", "哪些完成得好")
    r"|(?:进展|推进)(?:得)?(?:顺利|正常|较好|良好|不错|很好|比较好|好|较快|快)的|(?:顺利|正常)推进的"
    r"|(?<!不)(?:完成|做|干|办)得(?:好|不错|很好|比较好)的"
    r"|(?:哪些|哪几[项个])[^，,。]{0,4}(?:进展顺利|推进顺利|完成得好|做得好|干得好)"
    # "哪些进展好" as a report sorts items (进展较好); ahead of a 倒排工期 schedule
    r"|(?:哪些|哪几[项个])[^，,。]{0,4}(?:进展|进度)得?(?:较好|良好|不错|很好|比较好|好|较快|快)"
    r"(?![^，,。？?]*[吗呢])|(?<![没未不有])(?:达到?|超过|快于|领先)了?(?:倒排)?(?:工期)?计划进度"
)

ON_PACE_STATUSES = ("推进中", "已完成", "超额完成")


# A negator right before a status said positively ("哪些没超过目标", "不是已完成的"); a status
# word that says the negation itself ("没完成", "没数据") is read as it stands.
NEGATOR_BEFORE = re.compile(r"(?:没有|没|未|不是|不|并非|除了|除去|除)$")
# "已完成以外的", "已完成之外还有哪些": the status said, then left out (a status form may end
# inside its words: "已完" of 已完成).
BESIDES_AFTER = re.compile(r"[^，,。？?！!]{0,2}?(?:以外|之外)")
NEGATOR = re.compile(r"没有|没|未|不是|不|并非")
# What a status takes in when it is negated: not done leaves out exceeded targets too, and
# not behind leaves out failed ones ("没滞后的" is on pace: `ON_PACE`).
_TAKES_IN = {"已完成": ("超额完成",), "滞后": ("未完成",)}


def status_reading(q: str) -> tuple[str, ...] | None:
    """The statuses a question asks for by status words or forms (not on pace or what is
    left), negated where a negator comes right before what says the status."""
    found = _said_status(q)
    if found is not None:
        statuses, start, end = found
        statuses, start, end = _joined_statuses(q, statuses, start, end)
        before = NEGATOR_BEFORE.search(q[:start])
        if BESIDES_AFTER.match(q, end):
            return _negated(statuses)
        return _negated(statuses) if before and _negates(q, before.start()) else statuses
    # A negator inside what says a status ("哪些没超过年初定的目标"): read without it, the
    # status is said across where the negator stood.
    for m in NEGATOR.finditer(q):
        if not _negates(q, m.start()):
            continue
        found = _said_status(q[: m.start()] + q[m.end() :])
        if found is not None and found[1] <= m.start() < found[2]:
            return _negated(found[0])
    return None


def status_heading(statuses: tuple[str, ...]) -> str:
    """How a list's heading names the statuses asked for: as they are, unless they are most of
    the vocabulary, as a negated question or "剩下的" asks; then by what they leave out
    ("已完成以外", not "推进中、滞后、未完成、暂无数据"), as the question said it."""
    left_out = [s for s in STATUSES if s not in statuses]
    if not left_out or len(left_out) >= len(statuses):
        return "、".join(statuses)
    # A status and what it takes in when negated name the pair by the status alone.
    named = [s for s in left_out if not any(s in _TAKES_IN.get(o, ()) for o in left_out)]
    return "、".join(named) + "以外"


def _negates(q: str, at: int) -> bool:
    """The negator at `at` negates, and is not the middle of a yes-no question's A-not-A
    ("有没有未完成的", "是不是已完成")."""
    return not (0 < at and at + 1 < len(q) and q[at - 1] == q[at + 1])


def _negated(statuses: tuple[str, ...]) -> tuple[str, ...]:
    left_out = set(statuses).union(*(_TAKES_IN.get(s, ()) for s in statuses))
    return tuple(s for s in STATUSES if s not in left_out)


# Between two statuses of one list question ("未完成或滞后的", "滞后、未完成的"); a form may
# end inside its words ("已完" of 已完成).
_JOINER = re.compile(
    r"(?:成|了)?\s*的?(?:或者|或是|或|和|与|及|以及|还有|跟|加上|、|，|,|/)是?\s*"
)


def _joined_statuses(q: str, statuses: tuple, start: int, end: int) -> tuple[tuple, int, int]:
    """Every status a question joins to the first ("哪些是未完成或滞后的": both), and the span."""
    while found := _said_status(q[:start] + " " * (end - start) + q[end:]):
        more, other_start, other_end = found
        gap = q[end:other_start] if other_start >= end else q[other_end:start]
        if set(more) <= set(statuses) or not gap.strip() or not _JOINER.fullmatch(gap):
            break
        statuses = tuple(dict.fromkeys(statuses + more))
        start, end = min(start, other_start), max(end, other_end)
    return statuses, start, end


def _said_status(q: str) -> tuple[tuple[str, ...], int, int] | None:
    """The first status (in `STATUS_WORDS` order) the question says, and where it says it."""
    if not (STATUS_WORD.search(q) or STATUS_FORM.search(q)):  # ANY_STATUS.search
        return None
    for status, words in STATUS_WORDS:
        spans = [(q.find(w), q.find(w) + len(w)) for w in words if w in q]
        pattern = STATUS_FORMS.get(status)
        m = pattern.search(q) if pattern is not None else None
        if m is not None:
            spans.append(m.span())
        if not spans:
            continue
        start, end = min(spans)
        if status == "未完成" and "红灯" in q:
            return ("滞后", "未完成"), start, end
        if status == "已完成" and "绿灯" in q:
            return ("超额完成", "已完成"), start, end
        return (status,), start, end
    return None


# What is left to do: every status but done ("剩下的还有几项", "还剩哪些").
REMAINING = re.compile(r"(?:剩下|还剩|剩余|余下)(?:的)?(?:还有)?(?:哪些|哪几|几项|多少|几个|的)")


NOT_DONE_STATUSES = ("推进中", "滞后", "未完成", "暂无数据")


# Any status word or form at all: most questions hold none, and skip the checks one by one.
ANY_STATUS = gated(
    "|".join(
        [re.escape(w) for _, words in STATUS_WORDS for w in words]
        + [f"(?:{p.pattern})" for p in STATUS_FORMS.values()]
    )
)
# Whether ANY_STATUS finds anything, told faster: the words as one trie, then the forms (one
# alternation of words and forms tries every word at every place of the question).
STATUS_WORD = words_pattern(w for _, words in STATUS_WORDS for w in words)
STATUS_FORM = gated("|".join(f"(?:{p.pattern})" for p in STATUS_FORMS.values()))


# A unit named in a list question ("民政局负责哪些") that the ledger may not have at all.
UNIT_NAME = gated(
    # (a company started, "开公司", is someone's own business, not a unit; nor is what one
    # must do, "要办", nor work handed over, "交办", "督办", "承办", a 办 of a unit's name)
    r"(?:哪些是|哪几项是|哪些归)?([\u4e00-\u9fff]{1,10}?"
    r"(?:局|委|(?<![要需该得交督承举主协代转])办|(?<![开办注立])公司|委员会))"
    r"(?=负责|牵头|承担|分管|名下|配合|协助|的任务|的目标|管(?:哪|什么|啥|几)"
    # where a unit's share of the work is ("发改委那边有几项", "手上有哪些活", "哪些是发改委的")
    r"|那边|这边|手上|手里|的(?:活|事|项目|事项)|的[？?。]*$|有(?:几|多少|哪些|什么)"
    # how the unit does, with nothing else asked ("发改委干得怎么样", "发改委的情况")
    r"|(?:干|做|办|完成)得(?:怎么样|咋样|如何|好不好)|的情况[？?。]*$|进展(?:怎么样|咋样|如何)?[？?。]*$"
    r"|(?:没有?|未|不)(?:负责|牵头|参与|配合|协助)|的?(?:以外|之外))"  # 没牵头的, 以外的
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


# A list by what targets' texts say ("还在装修施工的有哪些", "已经招标完的", "张三牵头的"),
# said either way round ("哪几项是跟全省平均水平比的"), or by whose charge ("张三分管的项目").
_THINGS = r"(?:项目|任务|目标|事项|工作|事)"


_END = r"[？?。！!]*$"
_STAGE = (
    r"暂缓|缓建|停工|延期|在建|续建|施工|新开工|已开工|未开工|没开工|已完工|未完工|没完工|已竣工"
)


STAGE_LISTS = (
    re.compile(rf"^(.{{2,12}}?)的{_THINGS}?(?:都)?(?:有|是)?(?:哪些|哪几[项个件类])"),
    re.compile(rf"^(?:哪些|哪几[项个件类])(?:是|在|要|属于)?(.{{2,14}}?)的{_END}"),
    re.compile(
        rf"^(.{{2,8}}?(?:分管|主抓|挂帅|牵头|负责))的{_THINGS}?(?:有哪些|都有哪些|是哪些|有啥)?{_END}"
    ),
    # a stage of work said with no question word ("还在施工没完工的项目", "暂缓的项目"), or
    # what the targets touch ("涉及乡镇投资的")
    re.compile(rf"^(?:还在|正在|仍在|还没有?|尚未|目前)?((?:{_STAGE}).{{0,6}}?)的{_THINGS}{_END}"),
    re.compile(rf"^(?:涉及|有关|关于)(.{{2,8}}?)的{_THINGS}?{_END}"),
)


# Time and aspect words around a stage ("还在…", "已经…完"), and roles after a name.
STAGE_EDGES = re.compile(
    r"^(?:目前|现在|眼下|当前)?(?:还在|正在|仍在|还|已经|已|刚)?(?:跟|和|与|同|按|对照|比照)?"
    r"|(?:比|相比|对比|比较)?(?:完|好|了|完成|结束)?$"
    r"|(?:牵头|负责|分管|主抓|挂帅)$"
)


# Between two topics asked for at once ("教育和养老方面的", "交通方面、水利方面").
JOINED = re.compile(r"(?:方面|这块|那块|领域)?(?:和|与|跟|及|以及|还有|、|加上)")


# Where a unit's share of the work is, said after its name ("发改委那边", "手上").
# Where a unit's work is ("发改委那边"), and the 那 that opens a follow-up ("那财政局呢").
UNIT_PLACE = re.compile(r"那边|这边|手上|手里|名下|那里|这里|^那么?")


# Who answers for the work ("哪个单位负责"): of the target a question names, no list cue.
WHO_IS_RESPONSIBLE = re.compile(
    r"(?:是)?(?:哪个|哪些|哪几个|什么)(?:单位|部门)(?:在|来)?(?:负责|牵头|主抓|分管)"
    r"|谁(?:来)?(?:负责|牵头|主抓|分管|管)|归(?:哪个|什么)(?:单位|部门)(?:管)?"
)
UNIT_CUE = re.compile(r"负责|牵头|承担|管|分管|名下|责任|的任务|的目标|的活|的事|配合|协助")


DUE_CUE = re.compile(
    r"到期|截止|期限|前要完成|前完成|要完成的|时限|快到期|将到期|临期|月底前|月底之前|月底要|月底的"
    # when it will be done ("年底才能完成的", "9月底能办完的"): a deadline, no status
    r"|(?:才能|才会|才|能)(?:完成|完工|干完|做完|办完|完)的"
)


# A deadline's verb says nothing of status unless the work is said to be done already
# ("7月底前要办完的" asks what is due; "7月底前已经办完的" what is done).
DONE_ALREADY = re.compile(r"已|都完|都办完|都干完|办结|竣工|投产|投用")


MONTH = gated(r"(\d{1,2}|[一二三四五六七八九十]+)月(?:底|末|份)?")


OVERDUE = re.compile(
    r"逾期|超期|过期|超时|过了期限|过了时限|过了截止|到期没完成|拖期"
    r"|超过(?:了)?(?:期限|时限|截止)|超出(?:了)?(?:期限|时限)|到期了?还没(?:完成|办完|做完)"
)


AT_RISK = gated(
    # 盯 as what the asker must do ("需要重点盯的"), not who watches ("市里盯着的工程")
    r"(?:要|需要|得|该|需|重点|值得|必须|应该|多)盯|盯紧|盯住|盯一|盯着点|盯盯|重点关注|需要我?关注|需我?关注|要我?关注|值得关注|有风险|风险|要注意|需要督办|要督办"
    r"|该催|要催|需要催|预警|亮红灯的|悬了|完不成的|(?:要|需要|该|得)?重点督办"
    # 危险 of the work, not of a place ("危险路段")
    r"|(?:有|比较|很|最)危险|危险的(?:目标|任务|事项|是)|(?:什么|哪些|啥)要紧的|要紧的(?:目标|任务|事)"
)


# Needing watching said of how the work goes, as a list ("完成得不好的", "哪些有问题"): only
# said of targets ("…的", "哪些…"), so "肺不好的人" or "固投有问题吗" are no such list.
AT_RISK_LIST = re.compile(
    r"(?:完成|做|干|办|进展|推进|落实)得?(?:不好|不理想|不太好|较差|很差|差)的"
    r"|(?:进度|进展)(?:不理想|不好|不太好|较慢|偏慢|太慢)的"
    r"|有问题的|问题(?:较|比较)?多的|差得(?:很|还)?远的|差距(?:较|比较|很)?大的"
    # the problems asked after across the ledger ("存在哪些问题", "还有什么问题")
    r"|^(?:帮我|请)?(?:看看|看一下|查查)?(?:目前|现在)?(?:还)?(?:有|存在)(?:什么|哪些|啥)问题"
    r"|^(?:目前)?存在的问题"
    # needing a push, said of targets as a list ("需要督促的", "哪些要加把劲")
    r"|(?:需要|要|该|得)(?:督促|抓紧|加快|加把劲|提速|加油)[^，,。？?]{0,4}的"
    r"|(?:哪些|哪几[项个])[^，,。]{0,4}(?:需要|要|该|得)(?:督促|抓紧|加快|加把劲|提速|加油)"
    r"|(?:哪些|哪几[项个])(?:目标|任务|事项)?(?:有问题|出了?问题|不理想|差得远)"
    # asked of targets, without the trailing 的 ("哪些完成得不理想", "哪几项推进得不好")
    r"|(?:哪些|哪几[项个])(?:目标|任务|事项|项目|工作)?(?:完成|做|干|办|推进|落实)得(?:不好|不理想|不太好|较差|很差)"
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
# The rank said of the units before them ("完成最差的单位", "排名靠后的部门有哪些").
RANKED_UNITS = re.compile(
    r"(最差|最好|最落后|最慢|垫底|靠后|靠前|最强|最弱|最多|最少)的(?:责任)?(?:单位|部门)"
)


_HOW_MANY = r"[0-9一二两三四五六七八九十]{1,3}"
# 个 of a span of time is no count of items: "前七个月", "后两个季度" are periods.
_ITEMS = r"(?:名|位|个(?!多?月|季度?|星期|礼拜|工作日)|项|的|$)"

RANK_LOW = re.compile(
    rf"最低|最差|最慢|最落后|垫底|倒数|最少|最弱|最不行|靠后|末位|末尾|后几名|后{_HOW_MANY}{_ITEMS}"
    r"|差距最大|差得最多|差得最远|缺口最大"  # the furthest from its target: the lowest ratio
)

RANK_HIGH = re.compile(
    rf"最高|最好|最快|最多|最强|第一名|排第一|领先|靠前|前几名|前{_HOW_MANY}{_ITEMS}"
)

# How many a ranking asks for ("完成率前五", "完成最差的三个", "排名前3的目标").
RANK_COUNT = gated(rf"(?:前|后|倒数)({_HOW_MANY}){_ITEMS}|({_HOW_MANY})(?:个|项)$")


# The unit board asked for by its units ("各部门进展怎么样", "按单位列一下").
UNIT_BOARD = re.compile(
    r"红黄绿榜|单位排名|部门排名|单位排行|各单位|各部门|各责任单位|按单位|分单位|按部门|分部门"
    r"|每个单位|每个部门"
)

RATE_WORDS = re.compile(r"完成率|完成度|进度|完成比例")

WEEKDAYS_AHEAD = re.compile(r"下周|下个星期|下星期|下礼拜")

THIS_WEEK = re.compile(r"本周|这周|这个星期|这星期|这礼拜|本星期")

SOON = re.compile(
    r"快到期|即将到期|将到期|临期|马上到期|近期到期|快要到期|临近"
    r"|近期要到期|就要到期|要到期了|要到期的|还有(?:一个|1个)?月(?:就)?(?:要)?到期"
)


# Inline cues of the list answers, compiled with the module: a pattern first compiled inside
# a question costs that question more than the rest of it.
ROLE_ASSIST = re.compile(r"配合|协助|参与")
DUE_WORDS = re.compile(r"到期|截止|要完成|完成的|期限")
DUE_DAY = re.compile(r"(今天|今日|明天|明日|后天|昨天|昨日)(?:就|要|就要)?(?:到期|截止|完成)")
DUE_PASSED = re.compile(r"(?:已经|已)到期|到期了")
# "3天内", "三天内", "一周内", "两个星期内": a window of days or weeks from today.
DAYS_WITHIN = gated(rf"({_HOW_MANY})\s*(?:天|日|(周|个星期|星期|个礼拜))(?:之|以)?内")
DUE_THIS_YEAR = re.compile(r"(?:今年|本年|年内|全年)(?:内)?(?:要)?(?:到期|截止)")
BEST_FIRST = re.compile(r"最好|最强|靠前|最快")
WHICH_ONES = re.compile(r"哪个|哪项|哪件|哪条|哪一[个项件条]|哪些|哪几|谁|的(?:目标|任务|事项)")
WHICH_TARGETS = re.compile(r"哪几|哪些|哪个(?:目标|任务|事项)|的(?:目标|任务|事项)")
BY_UNIT = re.compile(r"单位|部门")
