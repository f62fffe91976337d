"""Turn one question into an answer: intent, matched targets and the reply text.

Transport-free: the Telegram bot, the console chat and `main.py ask` all call `Answerer.ask`.
The order of decisions: empty text → help → a number reference (第12项) → a list (by
status, unit, category or deadline) → a summary → a single target by matching → unknown.
"""

from __future__ import annotations

import calendar
import datetime as dt
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from bot.ledger import CATEGORIES, LedgerSpec, TargetSpec, strip_control_characters
from bot.matching import (
    Candidate,
    LedgerIndex,
    chinese_number,
    has_content,
    make_tokenizer,
    normalize,
)
from bot.replies import (
    EXAMPLES,
    closed_year_due_text,
    render_candidates,
    render_help,
    render_list,
    render_summary,
    render_target,
    render_unknown,
)
from bot.status import as_of_label, compute_status, year_closed
from bot.thesaurus import Thesaurus

MIN_SCORE = 2.4  # below this the best target is not trusted at all
STRONG_SCORE = 4.5  # a weak match between MIN and STRONG is answered but logged
AMBIGUOUS_RATIO = 0.8  # a runner-up this close to the best makes the question ambiguous
WEAK_AMBIGUOUS_RATIO = 0.55  # the same, when the best score itself is weak

_HELP = re.compile(
    r"^/?(help|start)\b|帮助|你能做什么|能做什么|你会什么|会干啥|能干啥|能干什么|怎么用|使用说明"
    r"|能问什么|能问啥|怎么问|能查|可以查|有什么功能|有哪些功能|功能介绍|说明书|^菜单$|^指南$"
)
_NUMBER_REF = re.compile(
    r"(?:第\s*([0-9]+|[一二两三四五六七八九十百零〇]+)\s*(?:项|条|个|号)"
    r"|([0-9]+|[一二两三四五六七八九十百]+)\s*号(?:目标|任务)|([0-9]+)\s*号"
    r"|(?:目标|任务|序号)\s*#?\s*([0-9]+)(?![.\d])|#\s*([0-9]+)|\bno\.?\s*([0-9]+)"
    r"|^\s*([0-9]+)\s*$)"
)
_LIST_CUE = re.compile(
    r"哪些|哪几|哪个|有几|几项|多少项|清单|列表|列出|名单|都有|有什么|全部|所有|统计|一览"
)
_SUMMARY = re.compile(
    r"总体|总览|整体|全局|汇总|概况|概览|总的|大盘|全盘|全部目标|整个台账|台账情况|盘点|总结|概括"
    r"|一共多少项|一共几项|共有多少|目标完成得怎么样|目标完成情况|全年完成情况|总共"
)
_STATUS_WORDS = (
    ("超额完成", ("超额", "超过目标", "超目标")),
    (
        "暂无数据",
        (
            "暂无数据",
            "没出数据",
            "没有数据",
            "没数据",
            "无数据",
            "未出数",
            "没出数",
            "数据未出",
            "还没出数",
            "数据还没出",
            "数据没出",
            "没有出数",
            "缺数据",
            "数据缺",
        ),
    ),
    ("未完成", ("没完成", "未完成", "没有完成", "完不成", "没达标", "未达标", "没做完", "红灯")),
    ("滞后", ("滞后", "落后", "拖后腿", "进度慢", "拖延", "延误")),
    ("推进中", ("推进中", "正在推进", "进行中", "在推进", "黄灯")),
    ("已完成", ("已完成", "完成了的", "完成的", "已经完成", "绿灯", "达标的")),
)
_CATEGORY_WORDS = {
    "经济发展": ("经济发展", "经济"),
    "民生保障": ("民生保障", "民生"),
    "社会事业": ("社会事业",),
    "生态环境": ("生态环境", "生态", "环保", "环境"),
    "城乡建设": ("城乡建设", "城建", "城乡"),
    "安全稳定": ("安全稳定", "安全", "稳定"),
}
_CATEGORY_CUE = re.compile(r"方面|领域|类|板块|有哪些|哪些|的目标|的任务")
_UNIT_CUE = re.compile(r"负责|牵头|承担|管|分管|名下|责任|的任务|的目标|的活|的事")
_DUE_CUE = re.compile(
    r"到期|截止|期限|前要完成|前完成|要完成的|时限|快到期|将到期|临期|月底前|月底之前|月底要|月底的"
)
_MONTH = re.compile(r"(\d{1,2}|[一二三四五六七八九十]+)月(?:底|末|份)?")
_YEAR = re.compile(r"(20\d{2})\s*年")


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
                    "why": [f"{r.kind}:{r.text}(+{r.score})" for r in c.reasons[:6]],
                }
                for c in self.candidates[:5]
            ],
        }


class Answerer:
    """Holds the ledger and its index; `refresh` after every change to the ledger."""

    def __init__(
        self,
        ledger: LedgerSpec,
        thesaurus: Thesaurus,
        *,
        today: dt.date,
        tz: dt.tzinfo,
        jieba_cache: Path | None = None,
    ) -> None:
        self.thesaurus = thesaurus
        self.tz = tz
        self.today = today
        self._tokenizer = make_tokenizer(jieba_cache)
        self.refresh(ledger)

    def refresh(self, ledger: LedgerSpec, today: dt.date | None = None) -> None:
        """Rebuild the index from the ledger as it is now."""
        self.ledger = ledger
        self.by_number = ledger.by_number()
        if today is not None:
            self.today = today
        self.index = LedgerIndex(ledger, self.thesaurus, self._tokenizer)
        self.unit_names = sorted(
            {u.name for t in ledger.targets for u in t.units}, key=len, reverse=True
        )

    # --- the decision ----------------------------------------------------------------

    def ask(self, question: str) -> Answer:
        """Answer one question; never raises on any text.

        Control characters are stripped, not refused: `Answer.question` (what the unmatched
        log stores) never holds one, and a NUL never reaches the database.
        """
        question = strip_control_characters(question)
        q = normalize(question)
        if not has_content(q):
            return self._unknown(question, reply_prefix="请输入要查询的问题。")
        if _HELP.search(q):
            return Answer(question, "help", (), render_help())
        number = self._number_reference(q)
        if number is not None:
            if number in self.by_number:
                return self._target_answer(question, q, self.by_number[number], ())
            return self._unknown(
                question,
                reply_prefix=f"台账中没有第{number}项目标（共{len(self.ledger.targets)}项）。",
            )
        listed = self._list_answer(question, q)
        if listed is not None:
            return listed
        if _SUMMARY.search(q) and not self._specific_topic(q):
            return Answer(
                question, "summary", (), render_summary(self.ledger, self.today, self.data_date())
            )
        return self._match_answer(question, q)

    def data_date(self) -> str:
        """When the figures were last updated, and the day statuses are computed for."""
        stamps = [t.updated_at for t in self.ledger.targets if t.updated_at is not None]
        latest = max(stamps).astimezone(self.tz).date().isoformat() if stamps else "—"
        return f"{latest}（最近一次更新），统计日{as_of_label(self.today, self.ledger.year)}"

    def _number_reference(self, q: str) -> int | None:
        m = _NUMBER_REF.search(q)
        if not m:
            return None
        raw = next(g for g in m.groups() if g)
        return int(raw) if raw.isdigit() else chinese_number(raw)

    def _specific_topic(self, q: str) -> bool:
        candidates = self.index.score(q)
        return bool(candidates) and candidates[0].score >= STRONG_SCORE * 1.5

    # --- lists -------------------------------------------------------------------------

    def _list_answer(self, question: str, q: str) -> Answer | None:
        status = self._status_filter(q)
        unit = self._unit_filter(q)
        category = self._category_filter(q)
        due = self._due_filter(q)
        has_cue = bool(_LIST_CUE.search(q))
        filters: dict[str, Any] = {}
        if status and (has_cue or len(q) <= 8 or "的" in q):
            filters["status"] = status
        if unit and (has_cue or _UNIT_CUE.search(q)):
            filters["unit"] = unit
        if category and (has_cue or _CATEGORY_CUE.search(q)) and not self._specific_topic(q):
            filters["category"] = category
        if due is not None:
            filters["due"] = [due[0].isoformat(), due[1].isoformat()]
        if not filters:
            return None
        if due is not None and year_closed(self.today, self.ledger.year):
            return Answer(
                question, "list", (), closed_year_due_text(self.ledger.year), filter=filters
            )
        selected = []
        for t in self.ledger.targets:
            if "status" in filters and compute_status(t, self.today) not in filters["status"]:
                continue
            if "unit" in filters and not any(u.name == unit for u in t.units):
                continue
            if "category" in filters and t.category != category:
                continue
            if due is not None and not any(
                due[0] <= d.date <= due[1] and not d.done for d in t.deadlines
            ):
                continue
            selected.append(t)
        title = self._list_title(filters, status, unit, category, due)
        if "status" in filters and len(filters["status"]) == 1:
            filters["status"] = filters["status"][0]
        return Answer(
            question,
            "list",
            tuple(t.number for t in selected),
            render_list(title, selected, self.today),
            filter=filters,
        )

    @staticmethod
    def _list_title(filters, status, unit, category, due) -> str:
        parts = []
        if "due" in filters:
            parts.append(f"{due[0].isoformat()}至{due[1].isoformat()}到期（未完成）")
        if "unit" in filters:
            parts.append(f"{unit}负责")
        if "category" in filters:
            parts.append(f"{category}领域")
        if "status" in filters:
            parts.append("、".join(status))
        return "的".join(parts) + "的目标"

    @staticmethod
    def _status_filter(q: str) -> tuple[str, ...] | None:
        for status, words in _STATUS_WORDS:
            if any(w in q for w in words):
                if status == "未完成" and "红灯" in q:
                    return ("滞后", "未完成")
                if status == "已完成" and "绿灯" in q:
                    return ("超额完成", "已完成")
                return (status,)
        return None

    def _unit_filter(self, q: str) -> str | None:
        for name in self.unit_names:
            short = name.removeprefix("县").removeprefix("市")
            forms = [name, short, short.removesuffix("局"), short.removesuffix("委")]
            if short.endswith("局") and len(short) > 3:
                forms.append(short[:2] + "局")  # 金融工作局 → 金融局
            for form in forms:
                if len(form) >= 2 and form in q:
                    return name
        return None

    @staticmethod
    def _category_filter(q: str) -> str | None:
        for category in CATEGORIES:
            if any(w in q for w in _CATEGORY_WORDS[category]):
                return category
        return None

    def _due_filter(self, q: str) -> tuple[dt.date, dt.date] | None:
        if not _DUE_CUE.search(q):
            return None
        year = self.today.year
        if "这个月" in q or "本月" in q or "当月" in q:
            start = self.today.replace(day=1)
            return start, start.replace(day=calendar.monthrange(year, start.month)[1])
        if "下个月" in q or "下月" in q:
            first = (self.today.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])
        days = re.search(r"(\d+)\s*天内", q)
        if days:
            return self.today, self.today + dt.timedelta(days=int(days.group(1)))
        ledger_year = self.ledger.year
        if "年底" in q or "年末" in q:
            return dt.date(ledger_year, 12, 1), dt.date(ledger_year, 12, 31)
        m = _MONTH.search(q)
        if m:
            month = int(m.group(1)) if m.group(1).isdigit() else chinese_number(m.group(1))
            if month and 1 <= month <= 12:
                end = dt.date(ledger_year, month, calendar.monthrange(ledger_year, month)[1])
                return dt.date(ledger_year, 1, 1), end
        return None

    # --- single targets ----------------------------------------------------------------

    def _out_of_scope(self, q: str, best: TargetSpec | None) -> bool:
        if any(cue in q for cue in self.thesaurus.out_of_scope_cues):
            return True
        if any(place in q for place in self.thesaurus.other_places):
            return True
        for year in _YEAR.findall(q):
            if int(year) != self.ledger.year and (
                best is None or year not in best.target_text + best.progress_text
            ):
                return True
        return False

    @staticmethod
    def _trusted(best: Candidate) -> bool:
        # A weak total is still trusted when a 3+ character ledger phrase was named outright.
        if best.score >= MIN_SCORE:
            return True
        return best.score >= 1.0 and any(
            r.kind in ("phrase", "synonym", "fuzzy") and len(r.text) >= 3 for r in best.reasons
        )

    def _match_answer(self, question: str, q: str) -> Answer:
        candidates = self.index.score(q)
        best = self.by_number[candidates[0].number] if candidates else None
        if not candidates or not self._trusted(candidates[0]) or self._out_of_scope(q, best):
            return self._unknown(question, candidates=tuple(candidates[:5]))
        top = candidates[0].score
        # Weak evidence needs a clearer lead before one target is answered outright.
        ratio = AMBIGUOUS_RATIO if top >= STRONG_SCORE else WEAK_AMBIGUOUS_RATIO
        close = [c for c in candidates[:3] if c.score >= top * ratio]
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
                confident=top >= STRONG_SCORE,
            )
        return self._target_answer(question, q, best, tuple(candidates[:5]))

    def _target_answer(
        self, question: str, q: str, target: TargetSpec, candidates: tuple[Candidate, ...]
    ) -> Answer:
        lead = self._asked_indicator(q, target)
        reply = render_target(target, self.today, self.tz, lead_indicator=lead)
        ranked = (target.number,) + tuple(
            c.number for c in candidates if c.number != target.number
        )
        confident = not candidates or candidates[0].score >= STRONG_SCORE
        return Answer(
            question, "target", ranked[:5], reply, candidates=candidates, confident=confident
        )

    @staticmethod
    def _asked_indicator(q: str, target: TargetSpec):
        """The indicator a one-figure question asks for ("优良天数有多少天"), if any."""
        if len(target.indicators) < 2:
            return None
        best, best_score = None, 0.0
        for ind in target.indicators:
            if not (ind.actual or ind.target):
                continue
            name = ind.name.lower()
            score = 100.0 if name in q else fuzz.partial_ratio(name, q)
            if ind.unit and ind.unit in q and ind.unit not in ("%",):
                score += 10
            if ("排" in q or "名次" in q) and (ind.unit == "位" or "排名" in name):
                score += 100  # "排第几" asks for the rank
            if score > best_score:
                best, best_score = ind, score
        return best if best_score >= 80 else None

    def _unknown(
        self, question: str, *, reply_prefix: str = "", candidates: tuple[Candidate, ...] = ()
    ) -> Answer:
        suggestions = list(EXAMPLES[:3])
        reply = render_unknown(suggestions)
        if reply_prefix:
            reply = reply_prefix + "\n" + reply.split("\n", 1)[-1]
        return Answer(question, "unknown", (), reply, candidates=candidates, confident=False)
