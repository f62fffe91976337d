"""What a report's words say: comparators and statuses (its year and day are read by
bot.drafting.report_dates).

Pure functions over text. Each reading returns the words it relied on, so a drafted field
can quote them ("缺口3.88万亩" → 未完成).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.drafting.pace_words import BEHIND, MISSED, ON_PACE
from bot.drafting.parts_and_pace import said_of_named_parts
from bot.drafting.shares import clause_around as _clause_around
from bot.drafting.shares import share_status
from bot.drafting.turns import after_past_trouble, without_decided_deferrals

# --- comparators ------------------------------------------------------------------------

# Words before or after a target figure, within its clause. "左右" (about) is read as a floor,
# as the curated ledger reads "力争全年推动40家左右"; the guess says so.
AT_MOST_BEFORE = (
    "控制在",
    "不超过",
    "不高于",
    "低于",
    "不得超过",
    "少于",
    "降至",
    "降到",
    "压减到",
    "≤",
    "＜",
    "<",
)
AT_MOST_AFTER = ("以内", "以下", "之内")
AT_LEAST_BEFORE = (
    "不低于",
    "不少于",
    "达到",
    "力争",
    "至少",
    "确保",
    "超过",
    "高于",
    "≥",
    "＞",
    ">",
)
AT_LEAST_AFTER = ("以上",)
ABOUT_AFTER = ("左右",)


@dataclass(frozen=True)
class Reading:
    value: str
    words: str  # the words the reading relied on, quoted in reasons
    confidence: float


# Measures where less is better, whatever the words around the figure: a target for them is a
# ceiling ("PM2.5年均浓度为49微克/立方米").
LOWER_IS_BETTER = ("浓度", "排放", "失业率", "能耗", "事故", "死亡", "发生率", "违法", "债务余额")


def comparator_for(before: str, after: str, name: str = "", heading: str = "") -> Reading:
    """The comparator of a target figure from the words just before and after it."""
    for word in AT_MOST_AFTER:
        if after.startswith(word):
            return Reading("<=", word, 0.9)
    for word in AT_LEAST_AFTER:
        if after.startswith(word):
            return Reading(">=", word, 0.9)
    for word in ABOUT_AFTER:
        if after.startswith(word):
            return Reading(">=", word + "（约，按不低于计）", 0.6)
    # The word nearest the figure decides; the longer one at a tie ("不低于" over "低于").
    found = [
        (before.rfind(word) + len(word), len(word), comparator, word)
        for comparator, words in (("<=", AT_MOST_BEFORE), (">=", AT_LEAST_BEFORE))
        for word in words
        if word in before
    ]
    if found:
        _, _, comparator, word = max(found)
        return Reading(comparator, word, 0.8)
    if re.search(r"(?:下降|降低|减少|削减)$", name):  # "能耗下降2%": a fall, more is better
        return Reading(">=", name[-2:] + "（降幅，按不低于计）", 0.7)
    for word in LOWER_IS_BETTER:
        if word in name or word in heading:
            return Reading("<=", word + "（越低越好）", 0.7)
    return Reading(">=", "", 0.7)


# --- statuses from words ----------------------------------------------------------------

# In order: the first rule whose words occur decides. Words that deny completion come before
# words that claim it ("尚未完成" before "完成"), and missing data before everything.
STATUS_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    # Waiting on a higher level's decision ("待省统一部署后启动实施", "省级文件尚未出台"):
    # nothing has been done that could be measured yet.
    (
        "暂无数据",
        (
            "暂未出数", "数据未出", "未出数", "尚未公布", "暂无数据", "数据暂未",
            "尚未出台", "尚未下达", "待省", "待上级",
            # Figures gathered only at a higher level ("数据采集只到市级"): none for this one.
            "数据采集只到", "数据只采集到", "数据只统计到",
            # Counted only later ("数据尚未统计", "待全年数据").
            "尚未统计", "待统计", "数据尚未出来", "待全年数据",
            # The list of projects to measure is not yet drawn up ("暂未明确项目清单").
            "未明确项目清单", "未确定项目清单", "项目清单未", "项目清单尚未", "暂无项目清单",
        ),
    ),
    (
        "未完成",
        (
            "缺口", "未完成", "未达到", "未能完成", "尚未完成", "没有完成", "待拨付",
            # "年底前不能全部完成": the report says the deadline will be missed.
            "不能全部完成", "不能完成", "无法完成", "无法全部完成", "不能按期完成",
            "无法按期完成", *MISSED,
        ),
    ),
    (
        "滞后",
        (
            "严重滞后", "滞后", "缓慢", "较慢", "偏慢", "未开工", "尚未开工",
            "低于序时进度", "落后于序时进度", "落后序时进度", "慢于序时进度",
            "欠序时", "欠时序",  # "欠序时较多": short of the time gone
            "尚未启动", "未启动", "未达序时", "未达到序时",
            # "完成有一定困难": at risk, filed apart from the work that keeps pace.
            "有一定困难", "困难较大", "难度较大", "难以完成",
            # Work halted or put off ("项目暂缓实施", "已停建").
            "暂缓", "暂停", "停工", "停建", "搁置",
            # Not on pace, in the words that say on pace ("未按时序推进", "未完成序时进度").
            "未按时序", "未按序时", "未按计划", "未完成序时", "未完成时序",
            # An office's verdict on work short of its plan ("完成情况不够理想", "进展较差").
            "不够理想", "不尽理想", "不理想", "进展较差", "进度较差", "情况较差",
            # Short of the target in the office's words ("与年度目标仍有差距").
            "存在差距", "有差距", "差距较大", "有较大差距", "存在较大差距",
            # Money or work done at a low rate of its plan ("投资完成率较低").
            "完成率较低", "完成率偏低", "完成率低",
            # Ranked low among its peers by the office ("全省排名靠后", "排名末位").
            "排名靠后", "排名落后", "排名末位", "排名倒数", *BEHIND,
        ),
    ),
    # On pace ("已达到序时进度", "超序时进度"): under way as planned, not the target done.
    (
        "推进中",
        (
            "达到序时进度", "达到时序进度", "达到序时", "超序时", "超时序", "超过序时进度",
            "序时进度以上", "按序时进度", "符合序时进度", "按时序推进", "按序时推进",
            # "超额完成序时进度": ahead of the time gone, not the year's target beaten.
            "完成序时进度", "完成时序进度", "快于序时进度",
            # Part of the work done ("部分完成任务"): the rest is still to do.
            "部分完成", *ON_PACE,
        ),
    ),
    # "已完成或超额完成": said of a run at once, each of its items is sure only of done.
    ("已完成", ("完成或超额完成", "完成和超额完成")),
    ("超额完成", ("超额完成",)),
    (
        "已完成",
        (
            "已全部完成", "全部完成", "均已完成", "已完成", "已全部竣工", "全部竣工",
            "已竣工", "已建成", "已交付使用", "已投入使用", "已投用", "已达到", "已到位",
            "已全部", "完成了", "已实现", "已完工", "并投入使用", "提供了", "已办结",
            "全面完成", "完成调整后目标",
            # A project to build that is in production has been built.
            "已投产", "已生产", "完成年度任务", "完成全年任务", "完成年度目标",
            "完成全年目标", "提前完成", "已验收", "已达标", "完成调整后方案目标",
            # "已完成年度投资计划": the year's plan done (not "完成年度计划投资3亿元", an amount).
            "完成年度计划", "完成全年计划", "完成年度投资计划", "完成全年投资计划",
            # Done when it was due ("如期完成改造任务"), unless promised (see _PROMISED).
            "如期完成", "按期完成", "按时完成", "全线贯通", "全部达标", "全面达标",
            # "…等2项动态达到年度目标": the year's target reached; the task a higher level
            # handed down done ("完成自治区下达任务"); unless promised.
            "达到年度目标", "达到全年目标", "实现年度目标", "实现全年目标", "完成下达任务",
            "完成上级下达", "完成国家下达", "完成自治区下达", "完成省下达", "完成市下达",
        ),
    ),
    (
        "推进中",
        (
            "正在", "推进中", "有序推进", "加快推进", "积极推进", "持续推进", "进行中",
            "基本完成", "基本完工", "基本建成", "基本竣工", "主体完工", "主体已完工",
            "序时进度", "进展顺利", "顺利推进",
            # An office's verdict on work going well, the year not over ("进展情况较好"), or
            # level with the whole's pace ("与整体进度基本持平").
            "进展较好", "进展良好", "进展情况较好", "进展情况良好", "进度基本持平",
            # Work under way in a site's or office's words ("正抓紧施工", "前期阶段", "办理中").
            "抓紧", "进场施工", "施工阶段", "前期阶段", "尚在推进", "全面铺开", "办理中",
        ),
    ),
)  # fmt: skip
# "已于6月22日通过…评审", "已建设完成", "全部设立了…": done, in looser words than the list.
_DONE = re.compile(
    # The first verb after 已 is what is done: "已启动改造并推进完成…" has begun, not finished.
    r"(?:已|均已|全部)(?:(?!启动|推进|开展)[^，,。；;]){0,12}?"
    r"(?:完成|建成|竣工|完工|投入使用|投入运营|投用|运营|到位|设置|设立|挂牌|通过|开工|交付|实现"
    r"|通车|贯通|开园|开业|启用)"  # a road, park or service opened is built
)
# Done words a plan may promise ("确保按期完成", "力争达到年度目标"): no verdict then.
_PROMISABLE = re.compile(r"^(?:如期|按期|按时)完成$|^(?:达到|实现)(?:年度|全年)目标$|下达")
# Words that promise a done word rather than report it ("确保按期完成", "要如期完成").
_PROMISED = re.compile(r"(?:确保|力争|争取|要|将|预计|计划|能否|可望|有望)[^，,。；;]{0,3}$")


def task_shares(progress: str) -> Reading | None:
    """The status the shares of the year's task state (bot/drafting/shares.py), quoted."""
    found = share_status(progress)
    return Reading(*found, 0.8) if found else None


# A rate at 100% ("覆盖率均达到100%", "开复工率100%"), not one set as a goal ("确保…率100%").
_FULL_RATE = re.compile(r"(?:达到|达|率(?:为|是)?)\s*100(?:\.0+)?\s*[%％]")
_SET_BEFORE = re.compile(r"(?:目标|计划|力争|争取|确保|要|将|预计)[^，,。；;\n]*$")
# "实现了农村义务教育学生全覆盖": said as done ("了", "已"), not the target's "实现全覆盖".
_FULL_COVERAGE = re.compile(r"(?:实现了|已(?:经)?实现)[^，,。；;]{0,14}?全覆盖")
# The share of the works done ("工程进度40.2%", "形象进度为60%"), not of an amount.
_WORKS_SHARE = re.compile(
    r"(?:工程|形象|施工|建设|总体|整体)进度(?:为|达到|达)?\s*(\d+(?:\.\d+)?)%"
)
_PROGRESS_SHARE = re.compile(r"(?:当前进度|进度|完成)[:：]?(?:为|达到|达)?\s*(\d+(?:\.\d+)?)%")


# "预计11月底全面完成建设任务": completion is forecast, so the work is still under way; so
# is a start forecast before the year's end ("预计9月底前开工建设").
_FORECAST = re.compile(
    r"(?:预计|计划|力争|争取|有望|确保)[^，,。；;]{0,12}?(?:完成|完工|建成|竣工|投用|投入使用"
    r"|开工|动工)"
    r"(?![^，,。；;\d]{0,2}\d)"  # "全年计划完成8家" states a plan's figure, not a forecast
    # "预计全年完成投资5.2亿元": the year's figure forecast, however its share reads.
    r"|(?:预计|有望)(?:全年|年底|年内|今年)[^，,。；;]{0,4}?(?:完成|实现|达到)"
)
# What follows a word of completion when it reports an amount or a first step, not the whole
# target done: "已完成5.2公里", "已完成投资933万元", "已完成前期工作".
# A line break ends the clause: "已完工" over a cell "100.0%" reports no amount.
_AMOUNT_AFTER = re.compile(r"^[^\d，,。；;\n|]{0,3}?(?:\d(?!\d{3}年)|投资)")  # not "2020年…任务"
# A project's early or middle stage done ("已完成招标", "已完成立项和选址", "已完成主体工程")
# is not the target done; nor is a share of its work ("已完成总工程量的60%").
_FIRST_STEP_AFTER = re.compile(
    r"^[^，,。；;]{0,3}?(?:前期|招标|招投标|立项|选址|设计|方案|主体|规划|可研|征地|征收|征用|拆迁"
    r"|清表|评审|审批|备案|场地平整|土方|排查|摸排|摸底|调查|勘察|勘测|测绘)"  # surveys: first
    r"|^[^，,。；;]{0,10}?的\s*\d"
    # A section or phase of the works ("已全面完成中山路及东段排水管网敷设", "已完成一期工程").
    r"|^[^，,。；;]{0,8}?(?:[东西南北]段|[一二三四]期|部分)"
)


# Done words said of a part of the work ("14%的…项目已建成") or of its money
# ("项目资金已全部下达"): a step, not the target done.
_PART_BEFORE = re.compile(r"^\s*\d+(?:\.\d+)?\s*[%％]的")
# A phase of the works named before its done word ("路基工程已完工", "主体已完工"): a step.
_PHASE_BEFORE = re.compile(r"(?:路基|主体|基础|土石方|土方|桥涵)[^，,。；;\d]{0,4}$")
# Money allocated from above ("项目资金已全部下达"), not money paid out ("补助资金已全部发放").
_MONEY_BEFORE = re.compile(r"(?:资金|经费)\s*$")
_ALLOCATED_AFTER = re.compile(r"^[^，,。；;]{0,2}?(?:下达|到位|到账)")


def _done_verdict(progress: str, at: int, word: str) -> bool:
    after = progress[at + len(word) :]
    if "基本" in word or progress[max(0, at - 2) : at] == "基本":  # "已基本完成": nearly
        return False
    clause_start = max((progress.rfind(c, 0, at) for c in "，,。；;\n"), default=-1) + 1
    if _PART_BEFORE.search(progress[clause_start:at]) or _PHASE_BEFORE.search(
        progress[clause_start:at]
    ):
        return False
    if _MONEY_BEFORE.search(progress[clause_start:at]) and _ALLOCATED_AFTER.match(after):
        return False
    return not (_AMOUNT_AFTER.match(after) or _FIRST_STEP_AFTER.match(after))


# "提前完成年度任务", "已完成全年目标任务": a verdict on the whole year's target, which
# closes it whether or not the figures that would prove it are given.
WHOLE_YEAR_DONE = re.compile(
    r"完成了?(?:年度|全年)(?:目标)?任务|完成了?(?:年度|全年|预定|既定|调整后的?(?:方案)?)目标"
    # the money of a task to pay out all paid ("已拨付703.8万元,拨付率100%")
    r"|(?:拨付|发放|兑现)率(?:为)?\s*100(?:\.0+)?\s*[%％]"
)
_NOT_YET = re.compile(r"(?:未|没有|不能|预计|计划|力争|争取|有望|确保|将)[^，,。；;]{0,6}$")


def whole_year_done(progress: str) -> str:
    """The clause saying the year's whole target is done ("提前完成年度任务"), or "" when
    none does (one denied or forecast, "确保完成年度任务", does not)."""
    for m in WHOLE_YEAR_DONE.finditer(progress):
        if not _NOT_YET.search(progress[: m.start()]):
            return _clause_around(progress, m.start(), m.end())
    return ""


# "年底前不能全部完成", "指标项目出现调整": not done as set, said before the deadline; a
# failure already, not a delay.
_WONT_BE_DONE = re.compile(
    r"(?:不能|无法)(?:全部|按期|如期)?完成|出现调整|(?:调整|取消|停止|终止)(?:了)?的(?:项目|任务|事项)"
)


_CHECKED_AFTER = re.compile(r"[^，,。；;]{0,8}?(?:审核|验收|核验|复核|核查|销号|认定|考核)")


# "预计2014年6月建筑主体完工": completion forecast for a month of a later year.
_DATED_FORECAST = re.compile(
    r"(?:预计|计划|力争|争取|有望|推迟|顺延|延期|延迟|延后)(?:于|在|到|至)?\s*(20\d{2})年(?:(\d{1,2})月)?"
    r"[^，,。；;]{0,12}?(?:完成|完工|建成|竣工|投用|投入使用|交付)"
)


def late_forecast(progress: str, year: int) -> Reading | None:
    """未完成 when the words forecast completion only in a year after `year`, the target's
    (the target is missed, however far the rest has got); None otherwise."""
    for m in _DATED_FORECAST.finditer(progress):
        if int(m.group(1)) > year:
            return Reading("未完成", _clause_around(progress, m.start(), m.end()), 0.7)
    m = _NEXT_YEAR_FORECAST.search(progress)
    if m:  # "预计明年春季开园": the year named by its relation to the report's
        return Reading("未完成", _clause_around(progress, m.start(), m.end()), 0.7)
    return None


_NEXT_YEAR_FORECAST = re.compile(
    # "推迟至明年完成", "顺延到次年实施": put off to next year is a forecast of it too.
    r"(?:预计|计划|力争|争取|有望|将|推迟|顺延|延期|延迟|延后|延)(?:于|在|到|至)?\s*(?:明年|次年|下一?年度?)"
    r"[^，,。；;]{0,12}?(?:完成|完工|建成|竣工|投用|投入使用|交付|开园|开学|开业|运营)"
)


def forecasts_failure(words: str) -> bool:
    """The words say the target will not be done as set, whatever time remains."""
    return bool(_WONT_BE_DONE.search(words))


# The office's push ("经督办后", "经督促"): what the words tell after it is the latest news;
# a verdict before it ("进展较为缓慢") is what the push answered.
_AFTER_PUSH = re.compile(r"经(?:过)?(?:督办|督促|督查|督导|约谈)(?:后|以后)?[，,]?")


# The rest of the work still going on after a part done: the target is not done yet.
_REST_GOING = re.compile(r"(?:其他|其余|剩余)[^，,。；;]{0,10}?(?:正在|仍在|尚在|还在)")


def status_from_words(progress: str) -> Reading | None:
    """The status the progress words state, with the clause quoted; None when they state none.
    After the office's push ("…缓慢,经督办后于11月底全部完工"), the words after it decide; a
    part put off by a decision ("根据…,项目暂缓") leaves the other parts to decide."""
    progress = without_decided_deferrals(progress) or progress
    rest = _REST_GOING.search(progress)
    if rest and _DONE.search(progress[: rest.start()]):  # "已完成A、B建设,其他项目正在施工"
        return Reading("推进中", _clause_around(progress, rest.start(), rest.end()), 0.7)
    pushes = list(_AFTER_PUSH.finditer(progress))
    later = progress[pushes[-1].end() :] if pushes else ""
    turned = after_past_trouble(progress)  # "曾因…滞后被通报,但均能如期完成"
    if len(re.findall(r"[\u4e00-\u9fff\d]", turned)) >= 4:
        return _status_from_words(turned)
    if len(re.findall(r"[\u4e00-\u9fff\d]", later)) < 4:
        return _status_from_words(progress)
    said = _status_from_words(later)  # none: the figures after the push decide
    if said is not None and later.startswith(said.words):
        said = replace(said, words=pushes[-1].group(0) + said.words)  # quoted with its push
    return said


def _status_from_words(progress: str) -> Reading | None:
    for status, words in STATUS_RULES:
        if status == "超额完成":
            forecast = _FORECAST.search(progress)
            # "提前完成了全年目标,…区正按计划推进,预计年底完成": the year's target is done; the
            # forecast is of a part.
            if forecast and not whole_year_done(progress[: forecast.start()]):
                clause = _clause_around(progress, forecast.start(), forecast.end())
                return Reading("推进中", clause, 0.7)
            # Shares of the year's task say how far each part is, past any word of doing.
            shares = task_shares(progress)
            if shares is not None:
                return shares
        for word in words:
            at = progress.find(word)
            while at >= 0 and status == "已完成" and not _done_verdict(progress, at, word):
                at = progress.find(word, at + 1)
            # "进展较慢的是甲县、乙区": said of named places or units, not of the item.
            while (
                at >= 0
                and status in ("未完成", "滞后")
                and said_of_named_parts(progress, at, word)
            ):
                at = progress.find(word, at + 1)
            if at < 0:
                continue
            if _PROMISABLE.match(word) and _PROMISED.search(progress[:at]):
                continue
            # "未完成" inside a title such as "未完成项目" is not a verdict on this target.
            if status == "未完成" and progress[at + len(word) : at + len(word) + 2] == "项目":
                continue
            # "未完成序时进度": behind the pace (the 滞后 rule's), not the target failed.
            if word == "未完成" and progress[at + 3 : at + 5] in ("序时", "时序"):
                continue
            # "待省教育厅审核": work done, waiting to be checked, not a decision to wait for.
            if word in ("待省", "待上级") and _CHECKED_AFTER.match(progress, at + len(word)):
                continue
            clause = _clause_around(progress, at, at + len(word))
            strong = status in ("暂无数据", "未完成", "超额完成") or word[0] in "已全"
            return Reading(status, clause, 0.9 if strong else 0.7)
    shares = task_shares(progress)
    if shares is not None:
        return shares
    works = _WORKS_SHARE.search(progress)
    if works and float(works.group(1)) < 100:
        # "已开工建设,…工程进度40.2%": how far the works are, past the looser words of doing.
        return Reading("推进中", _clause_around(progress, works.start(), works.end()), 0.7)
    for done in _DONE.finditer(progress):
        if _done_verdict(progress, done.start(), done.group(0)):
            return Reading("已完成", _clause_around(progress, done.start(), done.end()), 0.7)
    full = _FULL_RATE.search(progress) or _FULL_COVERAGE.search(progress)
    if full and not _SET_BEFORE.search(
        progress[: full.start()]
    ):  # "覆盖率均达到100%", "实现了…全覆盖": nothing is left to do
        return Reading("已完成", _clause_around(progress, full.start(), full.end()), 0.7)
    share = _PROGRESS_SHARE.search(progress)
    if share:
        value = float(share.group(1))
        status = "已完成" if value >= 100 else "推进中"
        return Reading(status, _clause_around(progress, share.start(), share.end()), 0.8)
    counted = _COUNTED_DONE.search(progress)
    if counted and not _NOT_YET_BEFORE.search(progress[: counted.start()]):
        # "10条主次干道完成“白改黑”": things counted, then done, told without "已".
        return Reading("已完成", _clause_around(progress, counted.start(), counted.end()), 0.6)
    steady = _STEADY.search(progress)
    if steady:  # said last: any verdict beside it decides
        return Reading("推进中", _clause_around(progress, steady.start(), steady.end()), 0.6)
    return None


# A count of things as the subject of a done word ("主城区20条主次干道完成路灯改造"), not
# an amount done ("完成44村") nor a first step ("…完成招标").
_COUNTED_DONE = re.compile(
    r"(?<![\d.])\d+\s*(?:条|个|座|所|家|处|户|项|套)(?:(?!启动|推进|开展)[^\d，,。；;|｜\t]){2,12}?"
    r"(?:完成|建成|竣工|完工)"
    r"(?![\d率]|[^，,。；;]{0,3}?(?:前期|招标|设计|方案|立项|选址|规划|可研|征地|拆迁))"
)
_NOT_YET_BEFORE = re.compile(
    r"(?:计划|力争|争取|确保|预计|拟|将|要|需|正在|未|没有|不能)[^。；;]*$"
)
# An office's words for work on schedule, as status cells write them ("正常推进", "施工中").
_STEADY = re.compile(
    r"正常推进|按计划推进|按期推进|进度正常|进展正常|序时推进|稳步推进|施工中|已启动"
    r"|(?:超过|超出|快于|领先于?)[^，,。；;]{0,6}(?:计划|工期)进度"  # ahead of plan, not done
)
