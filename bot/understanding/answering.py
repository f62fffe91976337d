"""Turn one question into an answer: intent, matched targets and the reply text.

Transport-free: the Telegram bot, the console chat and `main.py ask` all call `Answerer.ask`,
with a `Conversation` when the question belongs to a chat (follow-ups such as “那PM2.5呢”).
The order of decisions: empty text → help → a follow-up on the conversation (“第二个呢”) →
a number reference (第12项, 十二号) → an everyday list (ranked, threshold, overdue, at risk)
→ a list by status, unit, category or deadline → a topic → a summary → a follow-up on the
last target (“谁负责”) → several targets → a single target by matching → help for weaker
cues (“怎么操作”) → unknown.

Rejection is calibrated on the ledger itself: a target is answered when it explains enough
of the question's informative bigrams (weighted by this ledger's IDF), or when one of its
phrases is written out; scores are compared as ratios, never against a fixed scale. Cues,
places and subjects of county work reject a question only when this ledger does not hold
them (`_out_of_scope`).
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import gc
import html
import re
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from rapidfuzz import fuzz

from bot.domain.ledger import (
    CATEGORIES,
    IndicatorSpec,
    LedgerSpec,
    TargetSpec,
    strip_control_characters,
)
from bot.domain.status import (
    as_of_label,
    completion_ratio,
    compute_status,
    deadline_state,
    measured,
    open_deadlines,
    year_closed,
)
from bot.domain.unit_board import rank_units, render_unit_row
from bot.render.replies import (
    EXAMPLES,
    closed_year_due_text,
    render_candidates,
    render_guess,
    render_help,
    render_list,
    render_summary,
    render_target,
    render_unknown,
)
from bot.render.target_view import unit_label
from bot.understanding.candidates import Candidate
from bot.understanding.lexicon import FieldLexicon, Topic
from bot.understanding.matching import LedgerIndex
from bot.understanding.text import (
    chinese_number,
    has_content,
    mask_stopwords,
    normalize,
    normalize_many,
    question_tokens,
    text_tokens,
)

# Calibration, all relative to the ledger: coverage is a share of the question's own
# informative weight, the ratios compare a runner-up with the best target.
ACCEPT_COVERAGE = 0.30  # a target explaining less of the question than this is not trusted
CONFIDENT_COVERAGE = 0.6  # ... and one explaining less than this is answered but logged
PHRASE_COVERAGE = 0.2  # ... unless one of its own phrases is written in the question
AMBIGUOUS_RATIO = 0.8  # a runner-up this close to the best makes the question ambiguous
WEAK_AMBIGUOUS_RATIO = 0.6  # the same, when the best target is not confident
# A ledger without its own aliases (as `import-report` drafts it) explains fewer of a
# question's everyday words, so its bar drops towards PHRASE_COVERAGE in proportion; below
# ACCEPT_COVERAGE a target is offered only as "可能是…", when no other comes within this share.
ALONE_RATIO = 0.5
FREEZE_AT = 1000  # targets from which the index is exempted from garbage collection
# Targets from which the build also imports cn2an and works out every status, the summary and
# the list groups, which a big ledger's first such question would otherwise pay for (the
# rarer rankings still work out their ratios and the unit board on first use).
WARM_AT = 1000
CONTEXT_SECONDS = 600  # a conversation's context lasts about ten minutes
LIST_LIMIT = 10  # ranked lists show this many
LIST_REPLY_LIMIT = 100  # a list reply shows this many lines; `targets` keeps every one

_HELP = re.compile(
    r"^/?(help|start)\b|帮助|你能做什么|能做什么|你会什么|会干啥|能干啥|能干什么|能干嘛|会干嘛"
    r"|怎么用|咋用|如何使用|怎么使用|使用说明|用法|能问什么|能问啥|怎么问|咋问|能查|可以查"
    r"|有什么功能|有哪些功能|功能介绍|说明书|操作说明|^菜单$|^指南$|你是谁|你是干嘛的|能帮我什么|可以做什么"
    # Words about using the bot itself, never about a target: commands, manuals, ways to ask.
    r"|命令|指令|手册|教程|问法|新手|不会用|不懂怎么|教教?我|(?:能|可以)问你|问你(?:什么|啥|哪些)"
    r"|不知道(?:该|要|能)?(?:问|查)(?:什么|啥|哪些)|(?:可以|能)(?:问|查)(?:哪些|什么|啥)"
)
# Weaker cues of a help question (the bot addressed, or "how do I ask/look up"): they count
# only when no target explains the question, so "你说固投怎么查" still answers 固投.
_HELP_WEAK = re.compile(
    r"(?:你|机器人|(?:这个|这)(?:机器人|工具|系统|玩意儿?|东西))[^，,。？?]{0,4}"
    r"(?:啥|什么|哪些|干嘛|干啥|怎么用)"
    r"|(?:怎么|如何|咋|怎样)(?:才能)?(?:用|使用|查|问|操作|玩|上手|开始)"
)
_NUM = r"([0-9]+|[一二两三四五六七八九十百零〇]+)"
_NUMBER_REF = re.compile(
    rf"(?:第\s*{_NUM}\s*(?:项|条|个|号)"
    rf"|{_NUM}\s*号(?:目标|任务)|([0-9]+|[一二三四五六七八九十百]+)\s*号(?!线|楼|院|文)"
    rf"|(?:目标|任务|序号|编号|事项)\s*(?:第|#|no\.?)?\s*{_NUM}(?![.\d%])"
    rf"|#\s*([0-9]+)|\bno\.?\s*([0-9]+)"
    rf"|^\s*{_NUM}\s*项(?:的|情况|进展|怎么样|咋样|呢|$)"
    rf"|^\s*([0-9]+)\s*$)"
)
_ORDINAL = re.compile(rf"^(?:那|那么)?\s*第\s*{_NUM}\s*(?:个|条|项)?\s*(?:呢|吧|怎么样|咋样)?$")
_LIST_CUE = re.compile(
    r"哪些|哪几|哪个|有几|几项|多少项|清单|列表|列出|名单|都有|有什么|全部|所有|统计|一览"
)
_SUMMARY = re.compile(
    r"总体|总览|整体|全局|汇总|概况|概览|总的|大盘|全盘|全部目标|整个台账|台账情况|盘点|总结|概括"
    r"|一共多少项|一共几项|共有多少|目标完成得怎么样|目标完成情况|全年完成情况|总共|大体上|面上"
)
# A progress question ("今年干得怎么样") whose words, filler and whole-ledger words aside,
# name nothing in particular asks about the whole ledger.
_PROGRESS_CUE = re.compile(r"怎么样|咋样|怎样|如何|情况|进展|进度|汇报|说说|说一下|讲讲|完成|几成")
_STATUS_WORDS = (
    ("超额完成", ("超额", "超过目标", "超目标")),
    (
        "暂无数据",
        (
            "暂无数据", "没出数据", "没有数据", "没数据", "无数据", "未出数", "没出数", "数据未出",
            "还没出数", "数据还没出", "数据没出", "没有出数", "缺数据", "数据缺",
        ),
    ),
    ("未完成", ("没完成", "未完成", "没有完成", "完不成", "没达标", "未达标", "没做完", "红灯")),
    ("滞后", ("滞后", "落后", "拖后腿", "进度慢", "拖延", "延误")),
    ("推进中", ("推进中", "正在推进", "进行中", "在推进", "黄灯")),
    ("已完成", ("已完成", "完成了的", "完成的", "已经完成", "绿灯", "达标的")),
)  # fmt: skip
# The same statuses said with any verb of doing (干/做/办/搞/弄) or in passing words, checked
# in `_STATUS_WORDS` order, so "没干完" is 未完成 before "干完的" could be 已完成.
_DO = r"(?:干|做|办|搞|弄|整)"
_STATUS_FORMS = {
    "暂无数据": re.compile(
        r"(?:没|未|无)有?(?:出)?数(?:据|字)?(?!量|目|额)|数据?还?(?:没|未)(?:有|出|报)"
    ),
    "未完成": re.compile(
        rf"(?:没|未|还没|尚未)有?{_DO}完|{_DO}不完|(?:没|未)(?:有)?(?:完成|达到|做到)"
    ),
    "滞后": re.compile(r"落在?(?:了)?后|拖(?:了)?后腿|掉队|排在后面"),
    "已完成": re.compile(
        rf"(?:已经?|都)?{_DO}完(?:了)?的|(?:已经|已)(?:{_DO})?完|办结|完工了?的"
        r"|(?:哪些|哪几项|哪几个)(?:已经?|都)?(?:完成|达标)了"
    ),
}
# Any status word or form at all: most questions hold none, and skip the checks one by one.
_ANY_STATUS = re.compile(
    "|".join(
        [re.escape(w) for _, words in _STATUS_WORDS for w in words]
        + [f"(?:{p.pattern})" for p in _STATUS_FORMS.values()]
    )
)
# A unit named in a list question ("民政局负责哪些") that the ledger may not have at all.
_UNIT_NAME = re.compile(
    r"([\u4e00-\u9fff]{1,10}?(?:局|委|办|公司|委员会))"
    r"(?=负责|牵头|承担|分管|名下|配合|协助|的任务|的目标|管(?:哪|什么|啥|几))"
)
_CATEGORY_WORDS = {
    "经济发展": ("经济发展", "经济"),
    "民生保障": ("民生保障", "民生"),
    "社会事业": ("社会事业",),
    "生态环境": ("生态环境", "生态", "环保", "环境"),
    "城乡建设": ("城乡建设", "城建", "城乡"),
    "安全稳定": ("安全稳定", "安全", "稳定"),
}
_ANY_CATEGORY = re.compile("|".join(w for words in _CATEGORY_WORDS.values() for w in words))
_CATEGORY_CUE = re.compile(r"方面|领域|类|板块|有哪些|哪些|的目标|的任务")
_TOPIC_CUE = re.compile(
    r"的事|那块|那一块|这块|这一块|方面|领域|板块|口子|相关|这一摊|那一摊|工作怎么样|工作咋样"
    r"|的情况|有哪些|哪些"
)
_UNIT_CUE = re.compile(r"负责|牵头|承担|管|分管|名下|责任|的任务|的目标|的活|的事|配合|协助")
_DUE_CUE = re.compile(
    r"到期|截止|期限|前要完成|前完成|要完成的|时限|快到期|将到期|临期|月底前|月底之前|月底要|月底的"
)
_MONTH = re.compile(r"(\d{1,2}|[一二三四五六七八九十]+)月(?:底|末|份)?")
_YEAR = re.compile(r"(20\d{2})\s*年")
_OVERDUE = re.compile(r"逾期|超期|过期|超时|过了期限|过了时限|过了截止|到期没完成|拖期")
_AT_RISK = re.compile(
    r"盯|重点关注|需要关注|需关注|要关注|值得关注|有风险|风险|要注意|需要督办|要督办"
    r"|该催|要催|需要催|预警|亮红灯的|悬了|危险|完不成的"
)
_RANK_UNITS = re.compile(
    r"(哪个|哪些|什么)(单位|部门|局)[^，,。]*?(最差|最好|最落后|最慢|垫底|排名|靠后|靠前|最强|最弱|最多|最少)"
)
_RANK_LOW = re.compile(r"最低|最差|最慢|最落后|垫底|倒数|最少|最弱|最不行")
_RANK_HIGH = re.compile(r"最高|最好|最快|最多|最强|第一名|排第一|领先")
_RATE_WORDS = re.compile(r"完成率|完成度|进度|完成比例")
_THRESHOLD = re.compile(
    r"(超过|高于|大于|多于|不低于|不少于|达到|在|低于|不到|少于|小于|不足|未达)\s*"
    r"([0-9]+(?:\.[0-9]+)?)\s*(%|％|个百分点)?\s*(以上|以下)?"
)
_MULTI_SPLIT = re.compile(r"和|与|跟|及|以及|还有|、|，|,|;|；|加上")
_ASPECTS = (
    ("units", re.compile(
        r"谁负责|谁牵头|谁管|归谁|哪个单位|哪个部门|哪家单位|责任单位|牵头单位|谁在抓|谁抓"
    )),
    ("deadline", re.compile(
        r"啥时候|什么时候|何时|几时|时限|截止|到期|期限|哪天|几月份?完成|多久"
    )),
    ("gap", re.compile(r"差多少|还差|差距|缺口|差几|离目标还|离目标差")),
)  # fmt: skip
_FOLLOW_FILLER = re.compile(
    r"^(那|那么|还有|另外|再问|再看看|它|这个|那个|这项|那项)|(呢|吗|啊|呀|吧)$"
)
_WEEKDAYS_AHEAD = re.compile(r"下周|下个星期|下星期|下礼拜")
_THIS_WEEK = re.compile(r"本周|这周|这个星期|这星期|这礼拜|本星期")
_SOON = re.compile(r"快到期|即将到期|将到期|临期|马上到期|近期到期|快要到期|临近")


@dataclass
class Conversation:
    """One chat's short memory: the last target, indicator and list, for about ten minutes."""

    targets: tuple[int, ...] = ()
    indicator: str = ""
    listed: tuple[int, ...] = ()
    at: float = 0.0
    seconds: float = CONTEXT_SECONDS

    def fresh(self, now: float) -> bool:
        return bool(self.targets or self.listed) and now - self.at <= self.seconds

    def remember(self, answer: Answer, now: float) -> None:
        """Keep what the answer was about; an unknown answer leaves the context as it was."""
        if answer.intent == "target" and answer.targets:
            if answer.ambiguous:
                self.listed = answer.targets[: answer.choices or 3]
            else:
                self.targets = answer.targets[:1] if not answer.filter.get("multi") else ()
                self.indicator = answer.filter.get("indicator", "")
                if answer.filter.get("multi"):
                    self.listed = answer.targets
                    self.targets = answer.targets[:1]
        elif answer.intent == "list" and answer.targets:
            self.listed, self.targets, self.indicator = answer.targets, (), ""
        else:
            return
        self.at = now


class Conversations:
    """Each chat's `Conversation`, made on first use; the least recently used are dropped."""

    def __init__(self, limit: int = 10_000) -> None:
        self.limit = limit
        self._by_chat: OrderedDict[int, Conversation] = OrderedDict()
        self._lock = threading.Lock()  # chat front ends answer in worker threads

    def of(self, chat_id: int) -> Conversation:
        with self._lock:
            conversation = self._by_chat.pop(chat_id, None) or Conversation()
            self._by_chat[chat_id] = conversation
            while len(self._by_chat) > self.limit:
                self._by_chat.popitem(last=False)
            return conversation

    def open_target(self, chat_id: int, number: int, now: float | None = None) -> None:
        """A target opened by a button counts as the last one talked about."""
        conversation = self.of(chat_id)
        conversation.targets, conversation.indicator = (number,), ""
        conversation.at = time.monotonic() if now is None else now


@dataclass(frozen=True)
class Answer:
    question: str
    intent: str
    targets: tuple[int, ...]
    reply: str
    candidates: tuple[Candidate, ...] = ()
    ambiguous: bool = False
    filter: dict[str, Any] = field(default_factory=dict)
    confident: bool = True
    choices: int = 0  # for an ambiguous answer: how many leading targets are offered

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "intent": self.intent,
            "targets": list(self.targets),
            "reply": self.reply,
            "reply_html": html.escape(self.reply, quote=False),
            "ambiguous": self.ambiguous,
            "filter": self.filter,
            "scores": [
                {
                    "number": c.number,
                    "title": c.title,
                    "score": c.score,
                    "coverage": c.coverage,
                    "why": [f"{r.kind}:{r.text}(+{r.score})" for r in c.reasons[:6]],
                }
                for c in self.candidates[:5]
            ],
        }


class Answerer:
    """Holds the ledger and its index; `refresh` after every change to the ledger."""

    def __init__(
        self, ledger: LedgerSpec, thesaurus: FieldLexicon, *, today: dt.date, tz: dt.tzinfo
    ) -> None:
        self.lexicon = self.thesaurus = thesaurus
        self.tz = tz
        self.today = today
        # One search tells whether a question holds any word of a lexicon list at all; only
        # then are the words checked one by one, in their order.
        self._any_topic = _any_word(w for topic in thesaurus.topics for w in topic.asked)
        self._any_cue = _any_word(thesaurus.out_of_scope_cues)
        self._any_place = _any_word(thesaurus.other_places)
        self._any_subject = _any_word(thesaurus.subjects)
        self._filler = thesaurus.stopwords | thesaurus.whole_ledger
        self.index: LedgerIndex | None = None
        self.refresh(ledger)

    def refresh(self, ledger: LedgerSpec, today: dt.date | None = None) -> set[int]:
        """Take the ledger as it is now; only the targets that changed are re-indexed."""
        self.ledger = ledger
        self.by_number = ledger.by_number()
        if today is not None:
            self.today = today
        first = self.index is None
        if self.index is None:
            self.index = LedgerIndex(ledger, self.lexicon)
            changed = set(self.by_number)
        else:
            before = dict(self.index.docs)
            changed = self.index.update(ledger)
            self._recount_words(changed, before)
        self._order = {t.number: n for n, t in enumerate(ledger.targets)}
        self._preamble = "\n".join(normalize_many([ledger.preamble]))
        self.accept_coverage = self._accept_coverage()
        self.unit_names = sorted(
            {u.name for t in ledger.targets for u in t.units}, key=len, reverse=True
        )
        # The forms a question may name each unit by, longest name first (built once here).
        self._unit_forms: list[tuple[str, tuple[str, ...]]] = []
        for name in self.unit_names:
            short = name.removeprefix("县").removeprefix("市")
            forms = [name, short, short.removesuffix("局"), short.removesuffix("委")]
            if short.endswith("局") and len(short) > 3:
                forms.append(short[:2] + "局")  # 金融工作局 → 金融局
            self._unit_forms.append((name, tuple(f for f in dict.fromkeys(forms) if len(f) >= 2)))
        self._any_unit = _any_word(f for _, forms in self._unit_forms for f in forms)
        self._names: dict[str, str] = getattr(self, "_names", {})  # indicator name -> normalised
        # word -> (targets whose texts use it, targets whose title or alias does), counted on
        # first use and kept up to date by `_recount_words` as targets change.
        self._word_counts: dict[str, list[int]] = getattr(self, "_word_counts", {})
        # Per-target caches, checked against the target object (a refresh brings new ones).
        self._statuses: dict[int, tuple[TargetSpec, dt.date, str]] = getattr(self, "_statuses", {})
        self._ratios: dict[int, tuple[TargetSpec, Decimal | None]] = getattr(self, "_ratios", {})
        # A target's reply card, by the indicator it leads with (-1: none), until it changes.
        self._cards: dict[int, tuple[TargetSpec, dt.date, dict[int, str]]] = getattr(
            self, "_cards", {}
        )
        for cache in (self._statuses, self._ratios, self._cards):
            for number in [n for n in cache if n not in self.by_number]:
                del cache[number]
        self._memo: dict[str, tuple[int, list[Candidate]]] = {}
        self._groups: dict[tuple[str, str], list[TargetSpec]] | None = None  # made on first use
        self._summary: tuple[dt.date, str] | None = None  # (day, reply) until the next refresh
        self._unit_rows: tuple[dt.date, list] | None = None  # the unit board, the same way
        if first:
            self._topic_members = self._all_topic_members()
            self._warm()
            if len(ledger.targets) >= FREEZE_AT:
                # A big index lives as long as the process: keep the collector from rescanning
                # its millions of objects, which otherwise stalls a question now and then.
                gc.freeze()
        else:
            for number in changed:
                for members in self._topic_members.values():
                    members.discard(number)
                if number in self.index.docs:
                    for name in self._topics_of(number):
                        self._topic_members.setdefault(name, set()).add(number)
        return changed

    def _warm(self) -> None:
        """Do at build what the first questions would otherwise each pay for once: whether
        the ledger holds each out-of-scope cue, place and subject of the lexicon, and for a
        big ledger (`WARM_AT`) the cn2an import, every status, the summary and list groups."""
        lexicon = self.lexicon
        for word in (*lexicon.out_of_scope_cues, *lexicon.other_places, *lexicon.subjects):
            self._counts(word)
        if len(self.ledger.targets) >= WARM_AT:
            chinese_number("十二")  # imports cn2an (0.1 s), which a small ledger's CLI run skips
            for t in self.ledger.targets:
                self.status(t)
            self._summary_text()
            self._pool({}, None, None)

    # --- the decision ----------------------------------------------------------------

    def ask(
        self, question: str, conversation: Conversation | None = None, *, now: float | None = None
    ) -> Answer:
        """Answer one question (a turn of `conversation`, when given); never raises on any text.

        Control characters are stripped, not refused: `Answer.question` (what the unmatched
        log stores) never holds one, and a NUL never reaches the database.
        """
        question = strip_control_characters(question)
        moment = time.monotonic() if now is None else now
        self._memo.clear()  # scores hold only within one question (the index may change)
        context = conversation if conversation and conversation.fresh(moment) else None
        answer = self._decide(question, normalize(question), context)
        if conversation is not None:
            conversation.remember(answer, moment)
        return answer

    def _decide(self, question: str, q: str, context: Conversation | None) -> Answer:
        if not has_content(q):
            return self._unknown(question, reply_prefix="请输入要查询的问题。")
        if _HELP.search(q):
            return Answer(question, "help", (), render_help())
        if context is not None and context.listed:
            ordinal = _ORDINAL.match(q)
            if ordinal:
                position = _to_int(ordinal.group(1))
                if position and 1 <= position <= len(context.listed):
                    number = context.listed[position - 1]
                    return self._target_answer(question, q, self.by_number[number], ())
        number = self._number_reference(q)
        if number is not None:
            if number in self.by_number:
                return self._target_answer(question, q, self.by_number[number], ())
            return self._unknown(
                question,
                reply_prefix=f"台账中没有第{number}项目标（共{len(self.ledger.targets)}项）。",
            )
        for special in (self._ranked_units, self._ranked_targets, self._threshold_list):
            answer = special(question, q)
            if answer is not None:
                return answer
        listed = self._list_answer(question, q)
        if listed is not None:
            return listed
        topic = self._topic_answer(question, q)
        if topic is not None:
            return topic
        if (_SUMMARY.search(q) or self._names_nothing(q)) and not self._specific_topic(q):
            return Answer(question, "summary", (), self._summary_text())
        if context is not None:
            follow = self._follow_up(question, q, context)
            if follow is not None:
                return follow
        multi = self._multi_answer(question, q)
        if multi is not None:
            return multi
        return self._match_answer(question, q)

    def _accept_coverage(self) -> float:
        """The coverage a leading target needs on this ledger: ACCEPT_COVERAGE when every
        target has aliases of its own (`LedgerIndex._says_more`: not what a draft makes),
        PHRASE_COVERAGE when none has, in proportion between."""
        share = self.index.own_aliases / self.index.count
        return PHRASE_COVERAGE + (ACCEPT_COVERAGE - PHRASE_COVERAGE) * share

    def _summary_text(self) -> str:
        """The summary reply, made once per refresh and day (a big ledger takes milliseconds)."""
        if self._summary is None or self._summary[0] != self.today:
            text = render_summary(self.ledger, self.today, self.data_date(), status_of=self.status)
            self._summary = (self.today, text)
        return self._summary[1]

    def data_date(self) -> str:
        """When the figures were last updated, and the day statuses are computed for."""
        stamps = [t.updated_at for t in self.ledger.targets if t.updated_at is not None]
        latest = max(stamps).astimezone(self.tz).date().isoformat() if stamps else "—"
        return f"{latest}（最近一次更新），统计日{as_of_label(self.today, self.ledger.year)}"

    def status(self, target: TargetSpec) -> str:
        """The target's status today, cached until the target or the day changes."""
        cached = self._statuses.get(target.number)
        if cached is not None and cached[0] is target and cached[1] == self.today:
            return cached[2]
        status = compute_status(target, self.today)
        self._statuses[target.number] = (target, self.today, status)
        return status

    def _number_reference(self, q: str) -> int | None:
        m = _NUMBER_REF.search(q)
        if not m:
            return None
        return _to_int(next(g for g in m.groups() if g))

    def _scored(self, q: str, leading: int = 5) -> list[Candidate]:
        """Scores for normalised text, computed once per question however often asked; only
        the `leading` best are sure to be there, which is all any decision looks at."""
        found = self._memo.get(q)
        if found is None or found[0] < leading:
            if len(self._memo) > 16:
                self._memo.clear()
            found = self._memo[q] = (leading, self.index.score(q, normalized=True, limit=leading))
        return found[1]

    def _names_nothing(self, q: str) -> bool:
        """A progress question made only of filler and words for the whole ledger."""
        if not _PROGRESS_CUE.search(q):
            return False
        return not has_content(mask_stopwords(q, self._filler))

    def _one_target_explains(self, q: str) -> bool:
        """One target explains the question well and no other explains even half as much."""
        candidates = self._scored(q)
        if not candidates or candidates[0].coverage < CONFIDENT_COVERAGE:
            return False
        rest = [c.coverage for c in candidates[1:3]]
        return not rest or max(rest) < candidates[0].coverage / 2

    def _specific_topic(self, q: str) -> bool:
        """True when a target's own phrase of 3+ characters is in the question."""
        candidates = self._scored(q)
        return (
            bool(candidates)
            and _names_phrase(candidates[0], 3, ("phrase", "pinyin"))
            and self._trusted(candidates[0])
        )

    # --- everyday lists --------------------------------------------------------------

    def _list(self, question, title, targets, filters, *, lines=None) -> Answer:
        if lines is None:
            reply = render_list(
                title, targets, self.today, status_of=self.status, limit=LIST_REPLY_LIMIT
            )
        else:
            reply = "\n".join(lines)
        return Answer(question, "list", tuple(t.number for t in targets), reply, filter=filters)

    def _ranked_units(self, question: str, q: str) -> Answer | None:
        m = _RANK_UNITS.search(q)
        if not m and not re.search(r"红黄绿榜|单位排名|部门排名|单位排行|各单位", q):
            return None
        rows = self._ranked_unit_rows()
        if not rows:
            return None
        best_first = bool(m) and bool(re.search(r"最好|最强|靠前|最快", m.group(3)))
        if best_first:
            rows = sorted(rows, key=lambda r: (r.count("🔴"), r.count("🟡"), -r.count("🟢")))
        shown = rows[:5]
        title = "各责任单位完成情况（" + ("最好的在前" if best_first else "最差的在前") + "）"
        lines = [f"{title}，{as_of_label(self.today, self.ledger.year)}："]
        for row in shown:
            lines += render_unit_row(row)
        numbers = tuple(dict.fromkeys(e.number for e in shown[0].entries))
        filters = {"rank": "units_best" if best_first else "units_worst", "unit": shown[0].name}
        return Answer(question, "list", numbers, "\n".join(lines), filter=filters)

    def _ranked_unit_rows(self) -> list:
        """`rank_units` of the ledger today, made once per refresh and day."""
        if self._unit_rows is None or self._unit_rows[0] != self.today:
            rows = rank_units(self.ledger.targets, self.today, self.status)
            self._unit_rows = (self.today, rows)
        return self._unit_rows[1]

    def _completion(self, target: TargetSpec) -> Decimal | None:
        """The weakest completion ratio among the target's indicators, if any has one."""
        cached = self._ratios.get(target.number)
        if cached is not None and cached[0] is target:
            return cached[1]
        ratios = [r for r in (completion_ratio(i) for i in target.indicators) if r is not None]
        ratio = min(ratios) if ratios else None
        self._ratios[target.number] = (target, ratio)
        return ratio

    def _ranked_targets(self, question: str, q: str) -> Answer | None:
        low, high = _RANK_LOW.search(q), _RANK_HIGH.search(q)
        if not (low or high) or not (_RATE_WORDS.search(q) or re.search(r"哪个|哪项|哪些|谁", q)):
            return None
        if re.search(r"单位|部门", q):
            return None
        rated = [(self._completion(t), t) for t in self.ledger.targets]
        rated = [(r, t) for r, t in rated if r is not None]
        if not rated:
            if not _RATE_WORDS.search(q) or self._specific_topic(q):
                return None
            # Asked outright for a ranking the ledger cannot give (a drafted ledger has no
            # figures yet): say so, rather than guess a target.
            reply = "台账中的目标都还没有可比的目标值和完成值，无法按完成率排序。"
            return Answer(question, "list", (), reply, filter={"rank": "no_figures"})
        ascending = bool(low) and not (high and high.start() < low.start())
        rated.sort(key=lambda rt: (rt[0], rt[1].number), reverse=not ascending)
        shown = rated[:LIST_LIMIT]
        word = "最低" if ascending else "最高"
        lines = [f"完成率{word}的目标（按指标完成率，前{len(shown)}项）："]
        for ratio, t in shown:
            lines.append(
                f"{_light(self.status(t))} {t.number}. {t.title}：{ratio}%（{self.status(t)}）"
            )
        filters = {"rank": "completion_asc" if ascending else "completion_desc"}
        return self._list(question, "", [t for _, t in shown], filters, lines=lines)

    def _threshold_list(self, question: str, q: str) -> Answer | None:
        if not _RATE_WORDS.search(q) and "%" not in q:
            return None
        m = _THRESHOLD.search(q)
        if not m or (m.group(3) is None and not _RATE_WORDS.search(q)):
            return None
        # "履约率是否达到90%" asks about one target's own figure; a drafted indicator called
        # just 完成率 or 进度 names no target.
        if not _RATE_WORDS.search(q) or self._specific_topic(_RATE_WORDS.sub(" ", q)):
            return None
        value = Decimal(m.group(2))
        word, suffix = m.group(1), m.group(4) or ""
        below = word in ("低于", "不到", "少于", "小于", "不足", "未达") or suffix == "以下"
        rated = [(self._completion(t), t) for t in self.ledger.targets]
        if below:
            chosen = [(r, t) for r, t in rated if r is not None and r < value]
        else:
            strict = word in ("超过", "高于", "大于", "多于")
            chosen = [
                (r, t) for r, t in rated if r is not None and (r > value if strict else r >= value)
            ]
        chosen.sort(key=lambda rt: (rt[0], rt[1].number), reverse=not below)
        relation = (
            "低于" if below else ("超过" if word in ("超过", "高于", "大于", "多于") else "达到")
        )
        title = f"完成率{relation}{value.normalize():f}%的目标"
        sign = "<" if below else (">" if relation == "超过" else ">=")
        filters = {"completion": f"{sign}{value.normalize():f}"}
        if not chosen:
            return self._list(question, title, [], filters)
        lines = [f"{title}（共{len(chosen)}项）："]
        for ratio, t in chosen:
            lines.append(
                f"{_light(self.status(t))} {t.number}. {t.title}：{ratio}%（{self.status(t)}）"
            )
        return self._list(question, title, [t for _, t in chosen], filters, lines=lines)

    def _overdue(self, t: TargetSpec) -> bool:
        if self.status(t) in ("已完成", "超额完成"):
            return False
        return any(d.date < self.today for d in open_deadlines(t))

    def _at_risk(self, t: TargetSpec) -> str:
        """Why a target needs watching ("" when it does not)."""
        status = self.status(t)
        if status in ("已完成", "超额完成"):
            return ""
        if status in ("滞后", "未完成"):
            return status
        if self._overdue(t):
            return "逾期"
        soon = self.today + dt.timedelta(days=30)
        if any(self.today <= d.date <= soon for d in open_deadlines(t)):
            return "临近到期"
        return ""

    # --- lists -------------------------------------------------------------------------

    def _list_answer(self, question: str, q: str) -> Answer | None:
        if _OVERDUE.search(q):
            targets = [t for t in self.ledger.targets if self._overdue(t)]
            return self._with_unit(question, q, "已逾期未完成的目标", targets, {"overdue": True})
        if _AT_RISK.search(q) and not self._specific_topic(q):
            rows = [(t, self._at_risk(t)) for t in self.ledger.targets]
            rows = [(t, why) for t, why in rows if why]
            targets = [t for t, _ in rows]
            answer = self._with_unit(question, q, "需要盯紧的目标", targets, {"at_risk": True})
            reasons = {t.number: why for t, why in rows}
            lines = answer.reply.split("\n")
            marked = [lines[0]] + [
                line + f" · {reasons[n]}"
                for line, n in zip(lines[1:], answer.targets, strict=False)
            ]
            return Answer(
                question, "list", answer.targets, "\n".join(marked), filter=answer.filter
            )
        status = self._status_filter(q)
        unit, role = self._unit_filter(q)
        category = self._category_filter(q)
        due = self._due_filter(q)
        has_cue = bool(_LIST_CUE.search(q))
        filters: dict[str, Any] = {}
        if status and (has_cue or len(q) <= 8 or "的" in q):
            filters["status"] = status
        if unit and (has_cue or _UNIT_CUE.search(q)):
            filters["unit"] = unit
            if role:
                filters["role"] = role
        if category and (has_cue or _CATEGORY_CUE.search(q)) and not self._specific_topic(q):
            filters["category"] = category
        if due is not None:
            filters["due"] = [due[0].isoformat(), due[1].isoformat()]
        if not filters:
            return self._unknown_unit_list(question, q) if has_cue or _UNIT_CUE.search(q) else None
        if due is not None and year_closed(self.today, self.ledger.year):
            return Answer(
                question, "list", (), closed_year_due_text(self.ledger.year), filter=filters
            )
        selected = []
        for t in self._pool(filters, unit, category):
            if "status" in filters and self.status(t) not in filters["status"]:
                continue
            if "unit" in filters and not any(
                u.name == unit and (not role or u.role == role) for u in t.units
            ):
                continue
            if "category" in filters and t.category != category:
                continue
            if due is not None and not self._due_within(t, due):
                continue
            selected.append(t)
        title = self._list_title(filters, status, unit, category, due, role)
        if "status" in filters and len(filters["status"]) == 1:
            filters["status"] = filters["status"][0]
        reply = render_list(
            title, selected, self.today, status_of=self.status, limit=LIST_REPLY_LIMIT
        )
        if due is not None and selected:
            reply = self._mark_due(reply, selected, due)
        return Answer(question, "list", tuple(t.number for t in selected), reply, filter=filters)

    def _unknown_unit_list(self, question: str, q: str) -> Answer | None:
        """A list by a unit the ledger does not name: say so, and which units it does name."""
        m = _UNIT_NAME.search(q)
        if m is None or self._specific_topic(q):
            return None
        name = m.group(1)
        known = "、".join(reversed(self.unit_names[-8:])) if self.unit_names else ""
        reply = f"台账中没有“{name}”负责的目标。" + (
            f"台账列明的责任单位有：{known}等。" if known else "这份台账没有列明责任单位。"
        )
        return Answer(question, "list", (), reply, filter={"unit": name})

    def _pool(self, filters, unit, category) -> list[TargetSpec]:
        """The targets a list must look at: one unit's, one category's, one status's, or all."""
        if self._groups is None:
            groups: dict[tuple[str, str], list[TargetSpec]] = {}
            for t in self.ledger.targets:
                groups.setdefault(("category", t.category), []).append(t)
                for name in dict.fromkeys(u.name for u in t.units):
                    groups.setdefault(("unit", name), []).append(t)
                groups.setdefault(("status", self.status(t)), []).append(t)
            self._groups = groups
        pools = []
        if "unit" in filters:
            pools.append(self._groups.get(("unit", unit), []))
        if "category" in filters:
            pools.append(self._groups.get(("category", category), []))
        if "status" in filters:
            merged = [t for s in filters["status"] for t in self._groups.get(("status", s), [])]
            pools.append(sorted(merged, key=lambda t: t.number))
        return min(pools, key=len) if pools else list(self.ledger.targets)

    def _with_unit(self, question, q, title, targets, filters) -> Answer:
        unit, role = self._unit_filter(q)
        if unit:
            targets = [
                t
                for t in targets
                if any(u.name == unit and (not role or u.role == role) for u in t.units)
            ]
            title = f"{unit}{'牵头' if role == 'lead' else '负责'}的{title}"
            filters = {**filters, "unit": unit, **({"role": role} if role else {})}
        return self._list(question, title, targets, filters)

    def _due_within(self, t: TargetSpec, due: tuple[dt.date, dt.date]) -> bool:
        # Relative windows (this week, next week, soon) list done targets too, marked so.
        include_done = due[0] >= self.today
        return any(
            due[0] <= d.date <= due[1] and (include_done or not d.done) for d in t.deadlines
        )

    def _mark_due(self, reply: str, selected, due) -> str:
        lines = reply.split("\n")
        out = [lines[0]]
        for line, t in zip(lines[1:], selected, strict=False):
            inside = [d for d in t.deadlines if due[0] <= d.date <= due[1]]
            if inside and all(d.done for d in inside):
                line += " · 已完成"
            elif inside:
                d = min(inside, key=lambda d: d.date)
                line += f" · {d.date.isoformat()}（{deadline_state(d, self.today)}）"
            out.append(line)
        return "\n".join(out)

    def _list_title(self, filters, status, unit, category, due, role=None) -> str:
        parts = []
        if "due" in filters:
            state = "（含已完成）" if due[0] >= self.today else "（未完成）"
            parts.append(f"{due[0].isoformat()}至{due[1].isoformat()}到期{state}")
        if "unit" in filters:
            parts.append(f"{unit}{'牵头' if role == 'lead' else '配合' if role else '负责'}")
        if "category" in filters:
            parts.append(f"{category}领域")
        if "status" in filters:
            parts.append("、".join(status))
        return "的".join(parts) + "的目标"

    @staticmethod
    def _status_filter(q: str) -> tuple[str, ...] | None:
        if not _ANY_STATUS.search(q):
            return None
        for status, words in _STATUS_WORDS:
            pattern = _STATUS_FORMS.get(status)
            if any(w in q for w in words) or (pattern is not None and pattern.search(q)):
                if status == "未完成" and "红灯" in q:
                    return ("滞后", "未完成")
                if status == "已完成" and "绿灯" in q:
                    return ("超额完成", "已完成")
                return (status,)
        return None

    def _unit_filter(self, q: str) -> tuple[str | None, str | None]:
        """The unit named in the question, and "lead"/"assist" when only that role counts."""
        if self._any_unit is None or not self._any_unit.search(q):
            return None, None
        role = "lead" if "牵头" in q else ("assist" if re.search(r"配合|协助|参与", q) else None)
        for name, forms in self._unit_forms:
            for form in forms:
                if form in q:
                    return name, role
        return None, None

    @staticmethod
    def _category_filter(q: str) -> str | None:
        if not _ANY_CATEGORY.search(q):
            return None
        for category in CATEGORIES:
            if any(w in q for w in _CATEGORY_WORDS[category]):
                return category
        return None

    def _due_filter(self, q: str) -> tuple[dt.date, dt.date] | None:
        today = self.today
        if _WEEKDAYS_AHEAD.search(q) and re.search(r"到期|截止|要完成|完成的|期限", q):
            start = today + dt.timedelta(days=7 - today.weekday())
            return start, start + dt.timedelta(days=6)
        if _THIS_WEEK.search(q) and re.search(r"到期|截止|要完成|完成的|期限", q):
            return today, today + dt.timedelta(days=6 - today.weekday())
        if _SOON.search(q):
            return today, today + dt.timedelta(days=30)
        if not _DUE_CUE.search(q):
            return None
        year = today.year
        if "这个月" in q or "本月" in q or "当月" in q:
            start = today.replace(day=1)
            return start, start.replace(day=calendar.monthrange(year, start.month)[1])
        if "下个月" in q or "下月" in q:
            first = (today.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])
        days = re.search(r"(\d+)\s*天内", q)
        if days:
            return today, today + dt.timedelta(days=int(days.group(1)))
        ledger_year = self.ledger.year
        if "年底" in q or "年末" in q:
            return dt.date(ledger_year, 12, 1), dt.date(ledger_year, 12, 31)
        m = _MONTH.search(q)
        if m:
            month = _to_int(m.group(1))
            if month and 1 <= month <= 12:
                end = dt.date(ledger_year, month, calendar.monthrange(ledger_year, month)[1])
                return dt.date(ledger_year, 1, 1), end
        return None

    # --- topics ------------------------------------------------------------------------

    def _topic_of(self, q: str) -> Topic | None:
        if self._any_topic is None or not self._any_topic.search(q):
            return None
        for topic in self.lexicon.topics:
            if any(word in q for word in topic.asked):
                return topic
        return None

    def _topic_answer(self, question: str, q: str) -> Answer | None:
        if not _TOPIC_CUE.search(q):
            return None
        topic = self._topic_of(q)
        if topic is None:
            return None
        numbers = sorted(self._topic_members.get(topic.name, ()), key=self._order.__getitem__)
        members = [self.by_number[n] for n in numbers]
        if len(members) < 2:
            return None  # one target is a target question, answered by matching
        if self._specific_topic(q):
            best = self._scored(q)[0]
            if not any(r.text in topic.asked or r.text == topic.name for r in best.reasons[:1]):
                return None
        if self._one_target_explains(q):
            return None  # "县乡医院抱团…的事": the topic word is one part of one target's thing
        title = f"“{topic.name}”相关的目标"
        return self._list(question, title, members, {"topic": topic.name})

    def _topic_text(self, number: int) -> str:
        """What puts a target in a topic: its title, target text, first 8 aliases and its
        indicator names, normalised text by text (as the index holds them)."""
        doc = self.index.docs[number]
        fields, count = doc.fields, doc.indicators
        indicators, aliases = fields[3 : 3 + count], fields[3 + count :]
        return "\n".join((fields[0], fields[1], *aliases[:8], *indicators))

    def _topics_of(self, number: int) -> frozenset[str]:
        """The names of the topics a target belongs to."""
        text = self._topic_text(number)
        return frozenset(
            other.name for other in self.lexicon.topics if any(w in text for w in other.words)
        )

    def _all_topic_members(self) -> dict[str, set[int]]:
        """Every topic's targets, each topic word looked for only where the index says it
        can be (kept up to date by `refresh` for the targets that change)."""
        members: dict[str, set[int]] = {topic.name: set() for topic in self.lexicon.topics}
        texts: dict[int, str] = {}
        for topic in self.lexicon.topics:
            found = members[topic.name]
            for word in topic.words:
                numbers = self.index.numbers_with(word)
                for number in self.index.docs if numbers is None else numbers:
                    if number in found:
                        continue
                    text = texts.get(number)
                    if text is None:
                        text = texts[number] = self._topic_text(number)
                    if word in text:
                        found.add(number)
        return members

    # --- several targets, follow-ups ---------------------------------------------------

    def _multi_answer(self, question: str, q: str) -> Answer | None:
        parts = [p for p in _MULTI_SPLIT.split(q) if has_content(p)]
        if len(parts) < 2:
            return None
        chosen: list[int] = []
        for n, part in enumerate(parts):
            if len(chosen) + len(parts) - n < 2:
                return None  # too few parts left to name two targets
            candidates = self._scored(part, leading=1)
            if not candidates:
                continue
            best = candidates[0]
            if _names_phrase(best, 2) and best.coverage >= 0.6 and best.number not in chosen:
                chosen.append(best.number)
        if len(chosen) < 2:
            return None
        whole = self._scored(q)
        if whole and whole[0].coverage >= 0.9 and _names_phrase(whole[0], 4):
            return None  # one target's own name holds the 和 (企业上云和技改)
        replies = [self._card(self.by_number[n]) for n in chosen]
        return Answer(
            question, "target", tuple(chosen), "\n\n".join(replies), filter={"multi": True}
        )

    def _follow_up(self, question: str, q: str, context: Conversation) -> Answer | None:
        """A turn that leans on the last target: “那PM2.5呢”, “谁负责”, “差多少”."""
        if not context.targets:
            return None
        last = self.by_number.get(context.targets[0])
        if last is None:
            return None
        core = _FOLLOW_FILLER.sub("", q).strip()
        aspect = _aspect_of(q)
        candidates = self._scored(q)
        best = candidates[0] if candidates else None
        indicator = self._asked_indicator(core or q, last, strict=False)
        if indicator is not None and (
            best is None or best.number == last.number or not _names_phrase(best, 3)
        ):
            return self._target_answer(question, q, last, (), indicator=indicator)
        # An explicit new target wins over the context.
        if best is not None and self._trusted(best) and best.number != last.number:
            stripped = _strip_aspects(q)
            if has_content(stripped) and _names_phrase(best, 2):
                return None
        if aspect is not None:
            rest = _strip_aspects(core)
            rest_tokens = question_tokens(rest, self.lexicon.stopwords)
            if (
                not rest_tokens
                or best is None
                or not self._trusted(best)
                or best.number == last.number
            ):
                return self._target_answer(question, q, last, (), aspect=aspect)
        return None

    # --- single targets ----------------------------------------------------------------

    def _counts(self, word: str) -> list[int]:
        counts = self._word_counts.get(word)
        if counts is None:
            numbers = self.index.numbers_with(word)
            docs = self.index.docs
            docs = docs.values() if numbers is None else [docs[n] for n in numbers]
            counts = [sum(word in d.text for d in docs), sum(word in d.names for d in docs)]
            self._word_counts[word] = counts
        return counts

    def _recount_words(self, changed: set[int], before: dict) -> None:
        """Keep the counted words' counts right for the targets that changed (not a rescan)."""
        for number in changed:
            old, new = before.get(number), self.index.docs.get(number)
            for word, counts in self._word_counts.items():
                for i, attribute in enumerate(("text", "names")):
                    counts[i] -= bool(old and word in getattr(old, attribute))
                    counts[i] += bool(new and word in getattr(new, attribute))

    def _ledger_mentions(self, word: str) -> bool:
        """True when any of the ledger's texts (the preamble, titles, aliases too) has `word`.

        The index's bigrams decide it where they can (a word with a bigram in no target's
        texts or aliases is not there; a word that is one bigram is), sparing a count over
        every target."""
        if word in self._preamble:
            return True
        index = self.index
        tokens = text_tokens(word)
        if not all(t in index.postings or index.alias_df[t] > 0 for t in tokens):
            return False
        if tokens == [word]:
            return True
        return self._counts(word)[0] > 0

    def _ledger_names(self, word: str) -> bool:
        """True when a title or alias of the ledger's targets has `word`."""
        return self._counts(word)[1] > 0

    def _names_absent_subject(self, q: str) -> bool:
        """The question names a subject of county work this ledger never mentions."""
        if self._any_subject is None or not self._any_subject.search(q):
            return False
        return any(
            subject in q
            and subject not in self.lexicon.synonyms
            and not self._ledger_mentions(subject)
            for subject in self.lexicon.subjects
        )

    def _names_absent_abbreviation(self, q: str) -> bool:
        """The question uses a government abbreviation (GDP, 两癌) that this ledger neither
        writes nor means in any of the lexicon's words for it: a subject it does not hold."""
        for key in self.lexicon.abbreviations:
            if key not in q or (
                key.isascii() and not re.search(rf"(?<![a-z]){re.escape(key)}(?![a-z])", q)
            ):
                continue
            if not any(self._ledger_mentions(w) for w in (key, *self.index.lexicon_words(key))):
                return True
        return False

    def _out_of_scope(self, q: str, best: TargetSpec | None) -> bool:
        # A cue that names what one of this ledger's targets is about (in a title or alias:
        # a target called 报销比例, an alias 股市) is in scope for this ledger.
        cues = self._any_cue is not None and self._any_cue.search(q)
        if cues and any(
            cue in q and not self._ledger_names(cue) for cue in self.lexicon.out_of_scope_cues
        ):
            return True
        places = self._any_place is not None and self._any_place.search(q)
        if places and any(
            place in q and not self._ledger_mentions(place) for place in self.lexicon.other_places
        ):
            return True
        if self._names_absent_subject(q) or self._names_absent_abbreviation(q):
            return True
        for year in _YEAR.findall(q):
            if int(year) != self.ledger.year and (
                best is None or year not in best.target_text + best.progress_text
            ):
                return True
        return False

    @staticmethod
    def _trusted(best: Candidate) -> bool:
        """Enough of the question explained, or one of the target's phrases written out."""
        if best.coverage >= ACCEPT_COVERAGE:
            return True
        named = _names_phrase(best, 2, ("phrase", "pinyin")) or _names_phrase(best, 3)
        return named and best.coverage >= PHRASE_COVERAGE

    @staticmethod
    def _confident(best: Candidate) -> bool:
        return best.coverage >= CONFIDENT_COVERAGE or (
            _names_phrase(best, 3) and best.coverage >= ACCEPT_COVERAGE
        )

    def _leads_alone(self, candidates: list[Candidate]) -> bool:
        """Under the usual bar, but over this ledger's, with no other target close: the best
        guess BM25 would give, offered as "可能是…" rather than "no target matches"."""
        best = candidates[0]
        if best.coverage < self.accept_coverage:
            return False
        return len(candidates) < 2 or candidates[1].score < best.score * ALONE_RATIO

    def _match_answer(self, question: str, q: str) -> Answer:
        candidates = self._scored(q)
        best = self.by_number[candidates[0].number] if candidates else None
        trusted = bool(candidates) and self._trusted(candidates[0])
        guess = bool(candidates) and not trusted and self._leads_alone(candidates)
        if not (trusted or guess) or self._out_of_scope(q, best):
            if _HELP_WEAK.search(q) and not trusted:
                return Answer(question, "help", (), render_help())
            return self._unknown(question, candidates=tuple(candidates[:5]))
        if guess:
            answer = self._target_answer(question, q, best, tuple(candidates[:5]))
            return dataclasses.replace(answer, reply=render_guess(answer.reply), confident=False)
        top = candidates[0].score
        confident = self._confident(candidates[0])
        # Weak evidence needs a clearer lead before one target is answered outright.
        ratio = AMBIGUOUS_RATIO if confident else WEAK_AMBIGUOUS_RATIO
        # A vague question ("敬老院的事") that several targets explain in full is ambiguous
        # however their scores compare.
        vague = bool(_TOPIC_CUE.search(q)) and candidates[0].coverage >= CONFIDENT_COVERAGE
        close = [
            c
            for c in candidates[:3]
            if self._trusted(c)
            and (c.score >= top * ratio or (vague and c.coverage >= candidates[0].coverage))
        ]
        if len(close) >= 3 and _one_common_word(close):
            # Three or more targets alike, by one word of their body texts and nothing else
            # (县里有几个乡镇): the word is common ground, not what any target is about.
            return self._unknown(question, candidates=tuple(candidates[:5]))
        if len(close) > 1:
            targets = tuple(c.number for c in close)
            specs = [self.by_number[n] for n in targets]
            return Answer(
                question,
                "target",
                targets + tuple(c.number for c in candidates[len(close) : 5]),
                render_candidates(specs),
                candidates=tuple(candidates[:5]),
                ambiguous=True,
                confident=confident,
                choices=len(close),
            )
        answer = self._target_answer(question, q, best, tuple(candidates[:5]))
        if not confident:
            answer = Answer(
                answer.question, answer.intent, answer.targets, answer.reply,
                candidates=answer.candidates, filter=answer.filter, confident=False,
            )  # fmt: skip
        return answer

    def _target_answer(
        self,
        question: str,
        q: str,
        target: TargetSpec,
        candidates: tuple[Candidate, ...],
        *,
        indicator: IndicatorSpec | None = None,
        aspect: str | None = None,
    ) -> Answer:
        lead = indicator or self._asked_indicator(q, target)
        aspect = aspect or _aspect_of(q)
        if lead is not None and aspect == "gap":
            aspect = None  # the asked figure leads the reply already
        reply = self._card(target, lead)
        aspect_line = self._aspect_line(target, aspect) if aspect else ""
        if aspect_line:
            reply = f"➤ {aspect_line}\n{reply}"
        ranked = (target.number,) + tuple(
            c.number for c in candidates if c.number != target.number
        )
        filters: dict[str, Any] = {}
        if lead is not None:
            filters["indicator"] = lead.name
        if aspect_line:
            filters["aspect"] = aspect
        return Answer(question, "target", ranked[:5], reply, candidates=candidates, filter=filters)

    def _card(self, target: TargetSpec, lead: IndicatorSpec | None = None) -> str:
        """`render_target` of the target today, made once until the target or the day changes."""
        cached = self._cards.get(target.number)
        if cached is None or cached[0] is not target or cached[1] != self.today:
            cached = self._cards[target.number] = (target, self.today, {})
        position = -1
        if lead is not None:
            position = next((n for n, i in enumerate(target.indicators) if i is lead), None)
            if position is None:  # not one of this target's own: nothing to reuse
                return render_target(target, self.today, self.tz, lead_indicator=lead)
        card = cached[2].get(position)
        if card is None:
            card = render_target(target, self.today, self.tz, lead_indicator=lead)
            cached[2][position] = card
        return card

    def _aspect_line(self, target: TargetSpec, aspect: str) -> str:
        if aspect == "units":
            if not target.units:
                return "责任单位：台账未列明"
            return "责任单位：" + "、".join(unit_label(u) for u in target.units)
        if aspect == "deadline":
            if not target.deadlines:
                return "时限：台账未列明"
            return "时限：" + "；".join(
                f"{d.date.isoformat()} {d.text}（{deadline_state(d, self.today)}）"
                for d in sorted(target.deadlines, key=lambda d: d.date)
            )
        if aspect == "gap":
            gaps = []
            for ind in target.indicators:
                target_value, actual = measured(ind)
                if target_value is None or actual is None:
                    continue
                done = f"{ind.actual}{ind.shown_actual_unit}"
                if ind.comparator == "<=":
                    verdict = "已达标" if actual <= target_value else "未达标"
                    bound = f"目标≤{ind.target}{ind.unit}"
                    gaps.append(f"{ind.name} {done}（{bound}，{verdict}）")
                elif actual >= target_value:
                    gaps.append(f"{ind.name}已达标（{done}/{ind.target}{ind.unit}）")
                else:
                    gap = (target_value - actual).normalize()
                    gaps.append(
                        f"{ind.name}还差{gap:f}{ind.unit}（{done}/{ind.target}{ind.unit}）"
                    )
            return "差距：" + ("；".join(gaps) if gaps else "台账没有可比的目标值和完成值")
        return ""

    def _asked_indicator(self, q: str, target: TargetSpec, *, strict: bool = True):
        """The indicator a one-figure question asks for ("优良天数有多少天"), if any."""
        if len(target.indicators) < 2 and strict:
            return None
        best, best_score = None, 0.0
        for ind in target.indicators:
            if not (ind.actual or ind.target):
                continue
            name = self._names.get(ind.name)
            if name is None:
                if len(self._names) > 100_000:
                    self._names.clear()  # renamed indicators must not pile up for ever
                name = self._names[ind.name] = normalize(ind.name)
            score = 100.0 if name in q else fuzz.partial_ratio(name, q)
            if ind.unit and ind.unit in q and ind.unit not in ("%",):
                score += 10
            if ("排" in q or "名次" in q) and (ind.unit == "位" or "排名" in name):
                score += 100  # "排第几" asks for the rank
            if score > best_score:
                best, best_score = ind, score
        return best if best_score >= (80 if strict else 90) else None

    def _unknown(
        self, question: str, *, reply_prefix: str = "", candidates: tuple[Candidate, ...] = ()
    ) -> Answer:
        suggestions = list(EXAMPLES[:3])
        reply = render_unknown(suggestions)
        if reply_prefix:
            reply = reply_prefix + "\n" + reply.split("\n", 1)[-1]
        return Answer(question, "unknown", (), reply, candidates=candidates, confident=False)


def _any_word(words) -> re.Pattern[str] | None:
    """A pattern that finds any of `words` (None for none): a quick test before the loops."""
    unique = sorted(set(words), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, unique))) if unique else None


def _to_int(raw: str) -> int | None:
    return int(raw) if raw.isdigit() else chinese_number(raw)


def _names_phrase(candidate: Candidate, length: int, kinds=("phrase", "pinyin", "fuzzy")) -> bool:
    return any(r.kind in kinds and len(r.text) >= length for r in candidate.reasons)


def _one_common_word(candidates: list[Candidate]) -> bool:
    """Every candidate explained by the question's own bigrams only, mostly by one they all
    share (at least 70% of each one's score)."""
    if any(r.kind != "bm25" for c in candidates for r in c.reasons):
        return False
    shared = set.intersection(*({r.text for r in c.reasons} for c in candidates))
    return any(
        all(sum(r.score for r in c.reasons if r.text == word) >= 0.7 * c.score for c in candidates)
        for word in shared
    )


def _aspect_of(q: str) -> str | None:
    for name, pattern in _ASPECTS:
        if pattern.search(q):
            return name
    return None


def _strip_aspects(q: str) -> str:
    for _, pattern in _ASPECTS:
        q = pattern.sub(" ", q)
    return q


def _light(status: str) -> str:
    from bot.domain.status import light_for

    return light_for(status)
