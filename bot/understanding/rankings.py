"""Ranked lists a leader asks for: the units' 红黄绿榜, targets by completion ratio, and
targets over or under a threshold (split from `lists.py`; `ListAnswers` inherits it)."""

from __future__ import annotations

import heapq
import re
from collections import Counter
from decimal import Decimal

from bot.domain.ledger import TargetSpec
from bot.domain.status import DONE_STATUSES, as_of_label, completion_ratio, missing_figures
from bot.domain.unit_board import no_units_board, rank_units, render_unit_row
from bot.understanding.conversation import Answer
from bot.understanding.cues import LIST_LIMIT, light, to_int
from bot.understanding.gates import gated
from bot.understanding.list_cues import (
    ANY_STATUS,
    BEST_FIRST,
    BY_UNIT,
    LIST_CUE,
    RANK_COUNT,
    RANK_HIGH,
    RANK_LOW,
    RANK_UNITS,
    RANKED_UNITS,
    RATE_WORDS,
    UNIT_BOARD,
    WHICH_ONES,
    WHICH_TARGETS,
    status_reading,
)
from bot.understanding.text import chinese_number, has_content, mask_stopwords

# A comparison word, or only a suffix ("完成率80%以上的"); `thresholds` keeps those with one.
THRESHOLD = gated(
    r"(超过|高于|大于|多于|不低于|不少于|达到|在|低于|不到|少于|小于|不足|未达)?\s*"
    r"([0-9]+(?:\.[0-9]+)?)\s*(%|％|个百分点)?\s*(?:及)?(以上|以下)?"
)
# A sort asked for by its measure ("按完成率排一下", "按进度排名"): a ranking, highest first
# unless lowest first is said ("从低到高", "升序").
SORTED_BY = re.compile(
    r"按(?:照)?(?:完成率|完成度|完成比例|完成情况|进度)(?:(?:从|由)(?:高到低|低到高))?"
    r"(?:排|排序|排名|排列|排个序|排一排|排一下)"
)
LOW_FIRST = re.compile(r"(?:从|由)低到高|升序")


def threshold_of(q: str) -> re.Match[str] | None:
    """The first number in `q` said with a comparison word or 以上/以下, if any."""
    return next((m for m in THRESHOLD.finditer(q) if m.group(1) or m.group(4)), None)


# Shares said in words ("不到一半", "超过八成"), read as the percentages they are.
_HALF = re.compile(r"一半|半数")


_TENTHS = re.compile(r"([一二三四五六七八九])成")


_DONE_SHARE = re.compile(
    r"完成了?(?=(?:超过|高于|不低于|达到|低于|不到|不足|未达)?\s*[0-9]+(?:\.[0-9]+)?\s*[%％])"
)


# "四分之一", "三分之二": a fraction said in words.
_FRACTION = re.compile(r"([二三四五六七八九十])分之([一二三四五六七八九])")


def _fraction_percent(m: re.Match[str]) -> str:
    share = chinese_number(m.group(2)) * 100 / chinese_number(m.group(1))
    return f"{share:.4g}%" if share < 100 else m.group()


def proportions_as_percent(q: str) -> str:
    q = _FRACTION.sub(_fraction_percent, _HALF.sub("50%", q))
    return _TENTHS.sub(lambda m: f"{chinese_number(m.group(1))}0%", q)


# The responsible units themselves asked after ("责任单位有哪些", "一共有多少个单位").
ALL_UNITS = re.compile(
    r"^(?:台账)?(?:一共|总共|共)?(?:有|涉及)?(?:哪些|多少个?|几个)(?:责任)?(?:单位|部门)[？?。]*$"
    r"|^(?:所有|全部)?(?:的)?(?:责任)?(?:单位|部门)(?:都)?(?:一共|总共|共)?(?:有|是)?"
    r"(?:哪些|多少个?|几个)[？?。]*$"
)
# A share of the whole ledger asked after ("超额完成的占比多少", "未完成的比例").
SHARE = re.compile(r"(?:的)?(?:占比|比例|比重|占多少|占几成|百分之几|百分比)(?:是|有)?(?:多少)?")
# Statuses that say a target is behind whatever its ratios show.
BEHIND = ("未完成", "滞后")
# What a target's completion ratio is in the chat's lists; the charts' bars are each target's
# principal indicator instead, and say so on their axis.
WEAKEST = "每项目标取完成率最低的指标"


def unranked_note(unranked: list[TargetSpec], what: str = "排名") -> str:
    """The closing line of a completion ranking (or comparison, `what`): how many targets it
    leaves out, and why."""
    missing = sum(1 for t in unranked if missing_figures(t))
    parts = [f"{missing}项缺少部分或全部完成值"] if missing else []
    if len(unranked) > missing:
        parts.append(f"{len(unranked) - missing}项没有可比的目标值和完成值")
    return f"另有{len(unranked)}项未参与{what}：{'，'.join(parts)}。"


class RankedLists:
    """The ranked and threshold lists of `Answerer` (bot.understanding.answering)."""

    def _status_share(self, question: str, q: str) -> Answer | None:
        """ "超额完成的占比多少": how many targets have the status, as a share of the ledger."""
        statuses = status_reading(q) if SHARE.search(q) else None
        if not statuses:
            return None  # (most questions: nothing left to blank the status words out of)
        rest = SHARE.sub(" ", ANY_STATUS.sub(" ", q))
        if has_content(mask_stopwords(rest, self._filler)):
            return None
        if statuses == ("已完成",):  # done, as leaders count it, takes in the overachieved
            statuses, name = DONE_STATUSES, "已完成（含超额完成）"
        else:
            name = "、".join(statuses)
        chosen = [t for t in self.ledger.targets if self.status(t) in statuses]
        total = len(self.ledger.targets)
        share = Decimal(100 * len(chosen)) / total if total else Decimal(0)
        reply = f"{name}{len(chosen)}项，占全部{total}项的{share.quantize(Decimal('0.1'))}%。"
        # a count, as the summary is: no list to page through
        return Answer(question, "summary", (), reply, filter={"share": list(statuses)})

    def _ranked_units(self, question: str, q: str) -> Answer | None:
        if ALL_UNITS.search(q) and self._ranked_unit_rows():
            # every unit named, led or assisted (the board counts only the targets one leads)
            held = Counter(u for t in self.ledger.targets for u in {u.name for u in t.units})
            rows = sorted(held.items(), key=lambda item: (-item[1], item[0]))
            reply = (
                f"{self.ledger.year}年台账共有{len(rows)}个责任单位（按负责的目标数，含配合）："
                + "、".join(f"{name}{count}项" for name, count in rows)
                + "。\n问“哪个单位最差”或发送 /units 查看各单位的完成情况。"
            )
            return Answer(question, "list", (), reply, filter={"rank": "units_all"})
        m = RANK_UNITS.search(q)
        rank = m.group(3) if m else (n.group(1) if (n := RANKED_UNITS.search(q)) else "")
        if not rank and not UNIT_BOARD.search(q):
            return None
        if rank in ("最多", "最少"):
            # "哪个单位的任务最多" counts targets; "完成的最多", "滞后最多的部门" rank by lights
            statuses = status_reading(q)
            if not statuses:
                return self._units_by_count(question, fewest=rank == "最少")
            rank = "最好" if set(statuses) <= set(DONE_STATUSES) else "最差"
        rows = self._ranked_unit_rows()
        best_first = bool(BEST_FIRST.search(rank))
        if not rows:  # a ledger naming no units: say so, not "no target matches"
            filters = {"rank": "units_best" if best_first else "units_worst"}
            return Answer(question, "list", (), no_units_board(self.ledger.year), filter=filters)
        if best_first:
            rows = sorted(rows, key=lambda r: (r.count("🔴"), r.count("🟡"), -r.count("🟢")))
        shown = rows[:5]
        title = "各责任单位完成情况（" + ("最好的在前" if best_first else "最差的在前") + "）"
        lines = [f"{title}，{as_of_label(self.today, self.ledger.year)}："]
        for row in shown:
            lines += render_unit_row(row)
        numbers = tuple(dict.fromkeys(e.number for e in shown[0].entries))
        filters = {"rank": "units_best" if best_first else "units_worst", "unit": shown[0].name}
        names = tuple(row.name for row in shown)
        return Answer(question, "list", numbers, "\n".join(lines), filter=filters, units=names)

    def _units_by_count(self, question: str, *, fewest: bool) -> Answer:
        """ "哪个单位的任务最多": the five units leading the most targets (then assisting the
        most); "最少": the five with the fewest targets, led or assisted."""
        led: dict[str, list[int]] = {}
        assisted: dict[str, int] = {}
        for t in self.ledger.targets:
            for unit in t.units:
                led.setdefault(unit.name, [])
                if unit.role == "lead":
                    led[unit.name].append(t.number)
                else:
                    assisted[unit.name] = assisted.get(unit.name, 0) + 1
        filters = {"rank": "units_fewest" if fewest else "units_most"}
        if not led:
            return Answer(question, "list", (), no_units_board(self.ledger.year), filter=filters)

        def most(u: str) -> tuple:
            return (-len(led[u]), -assisted.get(u, 0), u)

        def least(u: str) -> tuple:
            return (len(led[u]) + assisted.get(u, 0), len(led[u]), u)

        names = sorted(led, key=least if fewest else most)
        shown = names[:5]
        what = "负责目标最少" if fewest else "牵头目标最多"
        lines = [f"{self.ledger.year}年台账{what}的单位（共{len(names)}个责任单位）："]
        for name in shown:
            numbers = "、".join(str(n) for n in led[name])
            parts = [f"牵头{len(led[name])}项（第{numbers}项）"] if led[name] else []
            parts += [f"配合{assisted[name]}项"] if assisted.get(name) else []
            lines.append(f"{name}：{'，'.join(parts)}")
        lines.append(
            "问“有哪些单位”看全部单位的目标数；问“哪个单位最差”或发送 /units 看完成情况。"
        )
        return Answer(
            question, "list", tuple(led[shown[0]]), "\n".join(lines),
            filter={**filters, "unit": shown[0]}, units=tuple(shown),
        )  # fmt: skip

    def _warm_unit_board(self) -> None:
        """Make the unit board and each row's lines now (a big ledger's build): a unit of
        one leads hundreds of targets, whose line the first board question would write."""
        for row in self._ranked_unit_rows():
            render_unit_row(row)

    def _ranked_unit_rows(self) -> list:
        """`rank_units` of the ledger today, made once per refresh and day."""
        if self._unit_rows is None or self._unit_rows[0] != self.today:
            rows = rank_units(self.ledger.targets, self.today, self.status)
            self._unit_rows = (self.today, rows)
        return self._unit_rows[1]

    def _completion(self, target: TargetSpec) -> Decimal | None:
        """The weakest completion ratio among the target's indicators, if any has one."""
        return self._ratios_of(target)[1]

    def _full_completion(self, target: TargetSpec) -> Decimal | None:
        """The target's completion ratio for rankings and thresholds: its weakest, and only
        when every indicator with a target figure has its figure (with one missing, 暂无数据 or
        部分指标暂无数据, the weakest known ratio is not the target's completion)."""
        return self._ratios_of(target)[2]

    def _ratios_of(self, target: TargetSpec) -> tuple:
        """(target, `_completion`, `_full_completion`, each indicator's ratio), kept until the
        target changes: a ranking or threshold list reads them for every target of the ledger."""
        cached = self._ratios.get(target.number)
        if cached is None or cached[0] is not target:
            each = tuple(completion_ratio(i) for i in target.indicators)
            ratios = [r for r in each if r is not None]
            ratio = min(ratios) if ratios else None
            full = None if ratio is None or missing_figures(target) else ratio
            cached = self._ratios[target.number] = (target, ratio, full, each)
        return cached

    def _rated_line(self, target: TargetSpec, ratio: Decimal) -> str:
        """ "19. 省重点项目：60.0%（推进中；指标：完成投资）": which indicator the ratio is of,
        since a chart's bar shows the title's indicator (`principal_indicator`) instead."""
        status = self.status(target)
        each = self._ratios_of(target)[3]
        names = [i.name for i, r in zip(target.indicators, each, strict=True) if r == ratio]
        which = f"；指标：{names[0]}" if names and names[0] != target.title else ""
        return f"{light(status)} {target.number}. {target.title}：{ratio}%（{status}{which}）"

    def _writes_rank(self, q: str, said: re.Match[str]) -> bool:
        """A trusted leading target writes the rank word itself ("最慢的是葫芦岛市" of
        "进度最慢的是哪个市"): a ranking the ledger cannot make is that target's own words."""
        best = self._scored(q)[:1]
        return bool(best) and self._trusted(best[0]) and said.group() in self._text_of(best[0])

    def _ranked_targets(self, question: str, q: str) -> Answer | None:
        low, high = RANK_LOW.search(q), RANK_HIGH.search(q)
        if not (low or high) and (sort := SORTED_BY.search(q)):  # "按完成率排一下"
            low, high = (sort, None) if LOW_FIRST.search(q) else (None, sort)
        if not (low or high) or not (
            RATE_WORDS.search(q) or RANK_COUNT.search(q) or WHICH_ONES.search(q)
        ):
            return None
        if BY_UNIT.search(q):
            return None
        rated = [(self._full_completion(t), t) for t in self.ledger.targets]
        rated = [(r, t) for r, t in rated if r is not None]
        if not rated:
            # Asked for the best or the last of the targets, outright ("垫底的是哪几个"), and
            # not about one target's rank ("进出口排名靠后吗" names no list).
            outright = RATE_WORDS.search(q) or RANK_COUNT.search(q) or WHICH_TARGETS.search(q)
            if not outright or self._specific_topic(q) or self._writes_rank(q, low or high):
                return None
            # Asked outright for a ranking the ledger cannot give (a drafted ledger has no
            # figures yet): say so, rather than guess a target.
            reply = "台账中的目标都还没有可比的目标值和完成值，无法按完成率排序。"
            return Answer(question, "list", (), reply, filter={"rank": "no_figures"})
        ascending = bool(low) and not (high and high.start() < low.start())
        # A target judged 未完成 or 滞后 (by a person, a missed milestone or an unmeasured
        # indicator) may show 100% or no ratio at all; leaders asking for the weakest mean it
        # first, so it leads the list instead of hiding behind targets that met theirs.
        hidden = [
            t
            for t in self.ledger.targets
            if ascending
            and self.status(t) in BEHIND
            and ((r := self._completion(t)) is None or r >= 100)
        ]
        hidden_numbers = {t.number for t in hidden}
        rated = [(r, t) for r, t in rated if t.number not in hidden_numbers]
        count = RANK_COUNT.search(q)
        asked = to_int(next(g for g in count.groups() if g)) if count else None
        limit = asked if asked and 0 < asked <= LIST_LIMIT else LIST_LIMIT
        # The few shown picked, not every rated target sorted (thousands of Decimals on a big
        # ledger): `heapq` gives what `sorted(..., reverse=not ascending)[:n]` gives.
        pick = heapq.nsmallest if ascending else heapq.nlargest
        shown = pick(max(0, limit - len(hidden)), rated, key=lambda rt: (rt[0], rt[1].number))
        hidden = hidden[:limit]
        lines = []
        if hidden:
            lines.append(f"已判定未完成或滞后的目标（完成率未能体现，{len(hidden)}项）：")
            lines += [
                f"{light(self.status(t))} {t.number}. {t.title}：{self.status(t)}" for t in hidden
            ]
        if shown:
            word = "最低" if ascending else "最高"
            lines.append(f"完成率{word}的目标（{WEAKEST}，前{len(shown)}项）：")
        lines += [self._rated_line(t, ratio) for ratio, t in shown]
        ranked = hidden_numbers | {t.number for _, t in rated}
        unranked = [t for t in self.ledger.targets if t.number not in ranked]
        if unranked:
            lines.append(unranked_note(unranked))
        listed = hidden + [t for _, t in shown]
        filters = {"rank": "completion_asc" if ascending else "completion_desc"}
        return self._list(question, "", listed, filters, lines=lines)

    def _only_a_share(self, q: str, m) -> bool:
        """ "超过200%的有哪些", "哪些不到50%": a share with a comparison word and nothing but
        list words asks for completion rates, as "完成率超过200%" does; "增长超过10%的" names
        a figure of its own."""
        if m.group(3) is None:
            return False
        rest = LIST_CUE.sub(" ", f"{q[: m.start()]} {q[m.end() :]}")
        return not has_content(mask_stopwords(rest, self._filler))

    def _threshold_list(self, question: str, q: str) -> Answer | None:
        # "完成不到九成的", "完成了八成以上的": 完成 right before a share says the rate, and
        # goes with it as 完成率 would not: the rest must be list words only (`_only_a_share`)
        shares = _DONE_SHARE.sub("", proportions_as_percent(q))
        if not RATE_WORDS.search(q) and "%" not in shares:
            return None
        m = threshold_of(shares)
        if not m or (m.group(3) is None and not RATE_WORDS.search(q)):
            return None
        if not RATE_WORDS.search(q):
            if not self._only_a_share(shares, m):
                return None
        # "履约率是否达到90%" asks about one target's own figure; a drafted indicator called
        # just 完成率 or 进度 names no target.
        elif self._specific_topic(RATE_WORDS.sub(" ", q), leading=1):
            return None
        value = Decimal(m.group(2))
        word, suffix = m.group(1), m.group(4) or ""
        below = word in ("低于", "不到", "少于", "小于", "不足", "未达") or suffix == "以下"
        rated = [(self._full_completion(t), t) for t in self.ledger.targets]
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
        title = f"完成率{relation}{value.normalize():f}%的目标（{WEAKEST}）"
        sign = "<" if below else (">" if relation == "超过" else ">=")
        filters = {"completion": f"{sign}{value.normalize():f}"}
        # Below a share, a target judged 未完成 or 滞后 that no ratio puts there (a figure
        # missing, or the one figure met) is what the leader asks after: named, not left out.
        picked = {t.number for _, t in chosen}
        behind = [
            t
            for t in self.ledger.targets
            if below and t.number not in picked and self.status(t) in BEHIND
        ]
        unrated = [t for r, t in rated if below and r is None and t not in behind]
        if not chosen and not behind and not unrated:
            return self._list(question, title, [], filters)
        if chosen:
            lines = [f"{title}（共{len(chosen)}项）："]
            lines += [self._rated_line(t, ratio) for ratio, t in chosen]
        else:
            lines = [f"{title}：没有符合条件的目标。"]
        if behind:
            lines.append(f"另有已判定未完成或滞后的目标（完成率未能体现，{len(behind)}项）：")
            lines += [
                f"{light(self.status(t))} {t.number}. {t.title}：{self.status(t)}" for t in behind
            ]
        if unrated:
            lines.append(unranked_note(unrated, "比较"))
        listed = [t for _, t in chosen] + behind
        return self._list(question, title, listed, filters, lines=lines)
