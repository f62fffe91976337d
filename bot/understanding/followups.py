"""Questions that lean on the conversation ("那PM2.5呢", "谁负责", "进度呢", "第二个呢",
"下一个"), the aspect lines they lead with (units, deadlines, gaps), and several targets at
once ("固投和社零咋样")."""

from __future__ import annotations

import dataclasses
import re

from bot.domain.ledger import TargetSpec
from bot.domain.status import deadline_state
from bot.domain.unit_board import render_unit_row
from bot.render.gap_line import gap_line
from bot.render.replies import NOTHING_TO_STEP, list_end, need_a_target_first, past_the_list
from bot.render.target_view import unit_label
from bot.understanding.comparisons import Comparisons, comparison_lead, comparison_start
from bot.understanding.conversation import Answer, Conversation
from bot.understanding.cues import (
    CLAUSE,
    FOLLOW_FILLER,
    LEDGER_ORDINAL,
    MULTI_SPLIT,
    NEXT_IN_LIST,
    POSITION,
    RANK_ASKED,
    RANK_NAMED,
    RANK_PLACE,
    RANK_STATED,
    STEP_ON,
    aspect_of,
    names_phrase,
    strip_aspects,
    to_int,
)
from bot.understanding.text import (
    has_content,
    mask_stopwords,
    question_tokens,
)

# The targets just listed, said together ("这三个", "这几项", "它们", "分别"), not one of them.
THESE = re.compile(
    r"(?:这|那)(?:几|两|[二三四五六七八九十]|\d+)(?:个|项|件)|(?:这|那)些|它们|他们|分别|各自|都是|都"
)
ASPECT_NAMES = {"units": "责任单位", "deadline": "时限", "gap": "差距"}
# An indicator of the target talked about by its place ("第二个指标呢"): never a ledger number.
INDICATOR_AT = re.compile(
    r"^(?:那|那么)?\s*第\s*([0-9]+|[一二两三四五六七八九十]+)\s*(?:个|项|条)?\s*指标"
    r"\s*(?:呢|吧|怎么样|咋样|如何|是多少|是什么|完成了吗|完成没有)?[?？。]*$"
)


def _position(q: str) -> int | None:
    m = POSITION.match(q)
    return to_int(m.group(1)) if m else None


def _position_word(q: str) -> str:
    m = POSITION.match(q)
    return m.group(1) if m else ""


def _on_page(context: Conversation, position: int | None) -> int | None:
    """The target at `position` on the page of a long list the chat shows, past its first
    page: what "第3个" means to a leader looking at page 2. None otherwise."""
    if not position or not context.paged or context.paged[1] == 0:
        return None
    lines = context.page_lines
    return (
        lines[position - 1]
        if position <= len(lines) and lines[position - 1] in context.listed
        else None
    )


def _name_holds_a_join(candidate) -> bool:
    """A phrase of at least 4 characters the question shares with the target holds 和/与/、:
    one name (企业上云和技改), not two targets asked together ("新增贷款和固投")."""
    return any(
        r.kind in ("phrase", "pinyin", "fuzzy") and len(r.text) >= 4 and MULTI_SPLIT.search(r.text)
        for r in candidate.reasons
    )


class FollowUps(Comparisons):
    """The follow-up and several-target answers of `Answerer` (bot.understanding.answering)."""

    def _list_step(self, question: str, q: str, context: Conversation | None) -> Answer | None:
        """An entry of the last list by its place ("第二个呢", "第2个") or after the one opened
        ("下一个", "上一项"); a unit of the last 红黄绿榜 the same way. None when the question is
        neither: "第12项", "第十二条", "12号" name the ledger's own numbers (`_ledger_number`
        says so when the list open has another target at that place)."""
        if (m := INDICATOR_AT.match(q)) is not None:
            return self._indicator_step(question, q, context, to_int(m.group(1)) or 0)
        if context is not None and context.units:
            unit = self._unit_step(question, q, context)
            if unit is not None:
                return unit
        position = _position(q)
        if context is not None and context.listed:
            on_page = _on_page(context, position)
            if on_page is not None or (position and 1 <= position <= len(context.listed)):
                number = on_page or context.listed[position - 1]
                answer = self._target_answer(question, q, self.by_number[number], ())
                said = f"第{context.paged[1] + 1}页的" if on_page else "刚才清单的"
                if not STEP_ON.search(q) and number != position and position in self.by_number:
                    # "第2个" without the 呢 of a step: said which reading was taken
                    note = f"➤ {said}第{position}个；台账编号第{position}项请说“第{position}项”"
                    answer = dataclasses.replace(answer, reply=f"{note}\n{answer.reply}")
                return answer
            numbered = self._ledger_number(question, q, context)
            if numbered is not None:
                return numbered
            step = NEXT_IN_LIST.match(q)
            if step and context.targets and context.targets[0] in context.listed:
                # "下一个" after an entry of the list was opened: the entry after it.
                at = context.listed.index(context.targets[0]) + (1 if step.group(1) else -1)
                if 0 <= at < len(context.listed):
                    return self._target_answer(question, q, self.by_number[context.listed[at]], ())
                # past either end: say where the list ends, not that no list is open
                reply = list_end(len(context.listed), last=bool(step.group(1)))
                return self._unknown(question, reply_prefix=reply, alias_candidate=False)
            if step and step.group(1) and not context.targets:
                # "下一个" right after the list, nothing asked since: its first entry,
                # not "请先查一个清单" about the list just shown.
                return self._target_answer(question, q, self.by_number[context.listed[0]], ())
        no_list = context is None or not (context.listed or context.units)
        if not no_list and position and STEP_ON.search(q):
            # "第二个呢" past the end of the list open: the list's place, not target 2.
            count = len(context.listed or context.units)
            return self._unknown(
                question,
                reply_prefix=past_the_list(count, _position_word(q)),
                alias_candidate=False,
            )
        if NEXT_IN_LIST.match(q) or (no_list and position and STEP_ON.search(q)):
            # "下一个" with no list open or none of its entries opened, and "第二个呢" with no
            # list: no target to step to, whatever target the bare words would score ("第16个"
            # and "第2项", with no 呢 of a follow-up, name a target's number).
            return self._unknown(question, reply_prefix=NOTHING_TO_STEP, alias_candidate=False)
        return None

    def _indicator_step(
        self, question: str, q: str, context: Conversation | None, place: int
    ) -> Answer:
        """The `place`-th indicator, in ledger order (as cards and `show` list them), of the
        target talked about; what it lacks when there is no such target or indicator."""
        if context is None or not context.targets or context.targets[0] not in self.by_number:
            reply = need_a_target_first(self.examples.short)
            return self._unknown(question, reply_prefix=reply, alias_candidate=False)
        target = self.by_number[context.targets[0]]
        if not 1 <= place <= len(target.indicators):
            names = "、".join(i.name for i in target.indicators)
            reply = f"第{target.number}项 {target.title}只有{len(target.indicators)}个指标"
            reply += f"：{names}。" if names else "。"
            return self._unknown(question, reply_prefix=reply, alias_candidate=False)
        indicator = target.indicators[place - 1]
        return self._target_answer(question, q, target, (), indicator=indicator)

    def _ledger_number(self, question: str, q: str, context: Conversation) -> Answer | None:
        """ "第12项" (条, 件) right after a list is the ledger's target 12; when the list has
        another target at that place, the answer says which reading it took."""
        m = LEDGER_ORDINAL.match(q)
        number = to_int(m.group(1)) if m else None
        if number is None or number not in self.by_number or number > len(context.listed):
            return None
        other = context.listed[number - 1]
        if other == number:
            return None
        answer = self._target_answer(question, q, self.by_number[number], ())
        note = (
            f"➤ 台账编号第{number}项；刚才清单的第{number}个是第{other}项"
            f" {self.by_number[other].title}，要看它请说“第{number}个”"
        )
        return dataclasses.replace(answer, reply=f"{note}\n{answer.reply}")

    def _unit_step(self, question: str, q: str, context: Conversation) -> Answer | None:
        """A unit of the last 红黄绿榜 by its place ("第二个呢") or after the one opened
        ("下一个"): its light counts and targets; None when the question is neither."""
        names, position = context.units, _position(q)
        at = position - 1 if position else None
        step = NEXT_IN_LIST.match(q)
        if at is None and step and context.unit in names:
            at = names.index(context.unit) + (1 if step.group(1) else -1)
            if not 0 <= at < len(names):
                reply = list_end(len(names), last=bool(step.group(1)))
                return self._unknown(question, reply_prefix=reply, alias_candidate=False)
        if at is None or not 0 <= at < len(names):
            return None
        rows = {row.name: row for row in self._ranked_unit_rows()}
        row = rows.get(names[at])
        if row is None:  # the unit leads no target any more
            return None
        lines = [f"{context.board}第{at + 1}个单位（共{len(names)}个）：", *render_unit_row(row)]
        lines.append("说“下一个”看下一个单位，说“第N项”看台账第N项目标。")
        numbers = tuple(dict.fromkeys(e.number for e in row.entries))
        filters = {"rank": "units_step", "unit": row.name, "step_unit": row.name}
        return Answer(question, "list", numbers, "\n".join(lines), filter=filters, units=names)

    def _multi_answer(self, question: str, q: str) -> Answer | None:
        """Several targets named at once ("固投和社零咋样"): each one's card; compared
        ("新增贷款和造林哪个完成得好"): their ratios and statuses side by side, then the cards."""
        compared = comparison_start(q)
        asked = q if compared is None else q[:compared]
        # "新增贷款和固投谁负责": the aspect is asked of each, and no part of either's name
        aspect = aspect_of(q) if compared is None else None
        asked = strip_aspects(asked) if aspect is not None else asked
        lead = comparison_lead(asked)
        if lead:  # "比较一下新增贷款和普惠金融": compared, the targets after the words
            asked, compared = asked[lead:], compared if compared is not None else lead
        parts = [p for p in MULTI_SPLIT.split(asked) if has_content(p)]
        if len(parts) < 2:
            return None
        # Asked first, before any part: the whole question is scored for the answer anyway
        # (`_match_answer` follows with the same scores), and a yes spares scoring the parts.
        whole = self._scored(q)
        if whole and whole[0].coverage >= 0.9 and _name_holds_a_join(whole[0]):
            return None  # one target's own name holds the 和 (企业上云和技改)
        chosen: list[int] = []
        for n, part in enumerate(parts):
            if len(chosen) + len(parts) - n < 2:
                return None  # too few parts left to name two targets
            candidates = self._scored(part, leading=1)
            if not candidates:
                continue
            best = candidates[0]
            if names_phrase(best, 2) and best.coverage >= 0.6 and best.number not in chosen:
                chosen.append(best.number)
        if len(chosen) < 2:
            return None
        if aspect is not None:  # one line each, as "这两个谁负责" after them answers
            lines = [f"这{len(chosen)}项的{ASPECT_NAMES[aspect]}："]
            for t in (self.by_number[n] for n in chosen):
                line = self._aspect_line(t, aspect).split("：", 1)[-1]
                lines.append(f"第{t.number}项 {t.title}：{line}")
            filters = {"multi": True, "aspect": aspect}
            return Answer(question, "target", tuple(chosen), "\n".join(lines), filter=filters)
        replies = [self._card(self.by_number[n]) for n in chosen]
        filters: dict = {"multi": True}
        if compared is not None:
            replies.insert(0, self._compared([self.by_number[n] for n in chosen]))
            filters["compare"] = True
        return Answer(question, "target", tuple(chosen), "\n\n".join(replies), filter=filters)

    def _these_aspect(self, question: str, q: str, context: Conversation | None) -> Answer | None:
        """Who is responsible for, when are due or how far short are the targets just listed
        ("这三个谁负责", "它们什么时候到期" after a list or several targets): one line each."""
        if context is None or not context.listed or not THESE.search(q):
            return None
        aspect = aspect_of(q)
        rest = strip_aspects(THESE.sub(" ", q))
        if aspect is None or has_content(mask_stopwords(rest, self._filler)):
            return None
        targets = [self.by_number[n] for n in context.listed if n in self.by_number]
        lines = [f"刚才这{len(targets)}项的{ASPECT_NAMES[aspect]}："]
        for t in targets:
            line = self._aspect_line(t, aspect).split("：", 1)[-1]
            lines.append(f"第{t.number}项 {t.title}：{line}")
        numbers = tuple(t.number for t in targets)
        return Answer(question, "list", numbers, "\n".join(lines), filter={"aspect": aspect})

    def _last_target(self, q: str, context: Conversation):
        """The conversation's last target, unless the question names another one outright."""
        last = self.by_number.get(context.targets[0])
        candidates = self._scored(q)
        best = candidates[0] if candidates else None
        if (
            last is not None
            and best is not None
            and best.number != last.number
            and self._trusted(best)
            and names_phrase(best, 3)
        ):
            return None
        return last

    def _follow_up(self, question: str, q: str, context: Conversation) -> Answer | None:
        """A turn that leans on the last target: “那PM2.5呢”, “谁负责”, “差多少”."""
        if not context.targets:
            return None
        last = self.by_number.get(context.targets[0])
        if last is None:
            return None
        core = FOLLOW_FILLER.sub("", q).strip()
        aspect = aspect_of(q)
        candidates = self._scored(q)
        best = candidates[0] if candidates else None
        indicator = self._asked_indicator(core or q, last, strict=False)
        if indicator is not None and (
            best is None or best.number == last.number or not names_phrase(best, 3)
        ):
            return self._target_answer(question, q, last, (), indicator=indicator)
        if self._asks_only_a_rank(core):
            # "全省排名呢": the rank of the target talked about, not another target that
            # ranks something (its 全市排名); the card says what the ledger holds of it.
            return self._target_answer(question, q, last, (), aspect="rank")
        # An explicit new target wins over the context.
        if best is not None and self._trusted(best) and best.number != last.number:
            stripped = strip_aspects(q)
            if has_content(stripped) and names_phrase(best, 2):
                return None
        if aspect is not None:
            rest = strip_aspects(core)
            rest_tokens = question_tokens(rest, self.lexicon.stopwords)
            if (
                not rest_tokens
                or best is None
                or not self._trusted(best)
                or best.number == last.number
            ):
                return self._target_answer(question, q, last, (), aspect=aspect)
        return None

    def _asks_only_a_rank(self, core: str) -> bool:
        """A rank asked with nothing else but where ("全省排名", "排第几", "全市位次")."""
        if not (RANK_ASKED.search(core) or RANK_NAMED.search(core)):
            return False
        rest = RANK_PLACE.sub(" ", RANK_NAMED.sub(" ", RANK_ASKED.sub(" ", core)))
        return not has_content(mask_stopwords(rest, self._filler))

    def _aspect_line(self, target: TargetSpec, aspect: str) -> str:
        if aspect == "rank":  # what the progress says of a rank, else the target's own words
            said = [c.strip() for c in CLAUSE.split(target.progress_text) if RANK_STATED.search(c)]
            if said:
                return "排名：" + "；".join(said[:2])
            aimed = [c.strip() for c in CLAUSE.split(target.target_text) if RANK_STATED.search(c)]
            if aimed:  # a goal ("继续保持全省第一方阵") or a rank the task text states
                return f"排名：进展未写排名；目标任务中写的是“{'；'.join(aimed[:2])}”"
            return "排名：台账中没有这项目标的排名数据"
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
            return gap_line(target, self.today)
        return ""
