"""督办 questions about the office's own workflow rather than a target's figures: 销号 (closed
once done and proven), 佐证材料 (evidence files), and what changed lately.

The ledger answers 销号 itself (`TargetSpec.closed`). Evidence files and the audit trail live
in the database, not in the ledger the core holds: the core says what was asked
(`filter["evidence"]`, `filter["changes"]`) with a reply that says where to look, and the
chat core fills in the files and the changes (bot.chat.supervision).
"""

from __future__ import annotations

import re

from bot.domain.status import DONE_STATUSES
from bot.understanding.conversation import Answer, Conversation
from bot.understanding.cues import number_reference
from bot.understanding.list_cues import LIST_CUE
from bot.understanding.text import has_content, mask_stopwords

# One search tells whether a question may be about the workflow at all.
SUPERVISION_CUE = re.compile(r"销号|销项|佐证|证明材料|变化|变动|改动|更新|新进展|改过|动过|改了")
CLOSING = re.compile(r"销号|销项")
# Not closed yet ("哪些还没销号"), or ready to be ("哪些可以销号": done, not closed).
NOT_CLOSED = re.compile(r"(?:没|未|没有|还没|尚未|不)(?:有)?(?:办理)?(?:销号|销项)")
READY = re.compile(r"(?:可以|能|该|应该|待|可)(?:申请)?(?:销号|销项)")
EVIDENCE = re.compile(r"佐证(?:材料)?|证明材料")
NO_EVIDENCE = re.compile(
    r"(?:没|没有|无|缺|未交|未报|还没)(?:有)?(?:交|报|上传)?(?:佐证|证明材料)"
)
# What changed lately: a period, then a word of change ("本周有什么变化", "最近更新了哪些").
# A week counted back from today ("最近一周", "近7天") is the default period, 最近's.
CHANGES = re.compile(
    r"((?:最近|近)(?:一周|1周|一个星期|七天|7天|几天)|这一周|一周(?:以来|来|内)|本周|这周|这个星期|这星期|上周|上个星期|今天|今日|昨天|最近|近期|近来|这几天|这两天|本月|这个月"
    r"|上个月|上月)"
    r"(?:数据|台账)?[有没什么哪些都了的啥是谁]{0,4}(?:变化|变动|改动|更新|新进展|改过|修改过|动过|改了)"
)
# When the figures were last changed ("数据最近一次更新是什么时候", "新增贷款什么时候更新的"):
# a moment, not a period's changes, nor a deadline (时限).
_WHEN = r"(?:什么时候|什么时间|啥时候|何时|哪天|哪一天|几号|几月几号|几时)"
_CHANGE = r"(?:更新|改动|变动)"
LAST_UPDATE = re.compile(
    rf"(?:最近|最后|最新|上)一次(?:的)?{_CHANGE}|{_WHEN}(?:的)?{_CHANGE}"
    rf"|{_CHANGE}(?:的)?(?:时间|日期)|{_CHANGE}(?:了|过)?(?:的)?(?:是|在|于)?{_WHEN}"
)
# The words of these questions, masked before a target is looked for in the rest.
_WORKFLOW_WORDS = re.compile(
    r"销号|销项|佐证材料|佐证|证明材料|了吗|没有|吗|呢|有没有|是否|已经|已|还|可以|能|办理"
)
_UPDATE_WORDS = re.compile(
    rf"{LAST_UPDATE.pattern}|{_WHEN}|{_CHANGE}|数据|台账|信息|情况|是|的|了|最近|最后|一次"
)
# The whole ledger asked about, not the target last talked about.
_WHOLE = re.compile(r"台账|整体|总体|全部|所有|数据库")
SHOWN_LATEST = 3


class SupervisionAnswers:
    """The workflow answers of `Answerer` (bot.understanding.answering)."""

    def _supervision_answer(
        self, question: str, q: str, context: Conversation | None
    ) -> Answer | None:
        cue = SUPERVISION_CUE.search(q)
        if cue is None or self._names_own_phrase(q, cue.group()):
            return None
        number = number_reference(q)
        if number is not None and number not in self.by_number:
            return None  # "第99项销号了吗": the number reference says the ledger lacks it
        if LAST_UPDATE.search(q) and not CLOSING.search(q) and not EVIDENCE.search(q):
            return self._last_update(question, q, context)
        changes = CHANGES.search(q)
        if changes is not None and not CLOSING.search(q) and not EVIDENCE.search(q):
            return self._changes_asked(question, changes.group(1))
        if CLOSING.search(q):
            target = self._workflow_target(q, context)
            if target is None or LIST_CUE.search(q):
                return self._closing_list(question, q)
            return self._closing_of(question, q, target)
        if EVIDENCE.search(q):
            target = self._workflow_target(q, context)
            if target is None or LIST_CUE.search(q):
                return self._evidence_list(question, q)
            answer = self._target_answer(question, q, target, ())
            n = target.number
            reply = f"➤ 第{n}项 {target.title}的佐证材料：请发送 /evidence {n} 查看"
            return Answer(
                question, "target", answer.targets, f"{reply}\n{answer.reply}",
                filter={**answer.filter, "evidence": True},
            )  # fmt: skip
        return None

    def _names_own_phrase(self, q: str, word: str) -> bool:
        """The word is part of a target's own name written in the question ("黑臭水体整治销号"
        as a drafted title says it): the question is about that target, not the workflow."""
        candidates = self._scored(q)
        if not candidates:
            return False
        return any(r.kind == "phrase" and word in r.text for r in candidates[0].reasons)

    def _workflow_target(self, q: str, context: Conversation | None):
        """The target the question names (its number, or a trusted match of its other words),
        else the conversation's last one; None for a question about the ledger as a whole."""
        number = number_reference(q)
        if number is not None:
            return self.by_number[number]
        rest = mask_stopwords(_WORKFLOW_WORDS.sub(" ", q), self._filler)
        if has_content(rest) and not LIST_CUE.search(q):
            candidates = self._scored(rest)
            if candidates and self._trusted(candidates[0]) and self._confident(candidates[0]):
                return self.by_number[candidates[0].number]
        if context is not None and context.targets and not LIST_CUE.search(q):
            return self.by_number.get(context.targets[0])
        return None

    def _closing_of(self, question: str, q: str, target) -> Answer:
        answer = self._target_answer(question, q, target, ())
        status = self.status(target)
        if target.closed is not None:
            line = f"第{target.number}项 {target.title}：{target.closed.label}"
        elif status in DONE_STATUSES:
            line = (
                f"第{target.number}项 {target.title}：未销号（{status}；有佐证材料后，"
                f"由管理员发送 /close {target.number} 理由 销号）"
            )
        else:
            line = (
                f"第{target.number}项 {target.title}：未销号（{status}，完成并有佐证材料后可销号）"
            )
        return Answer(
            question, "target", answer.targets, f"➤ {line}\n{answer.reply}",
            filter={**answer.filter, "aspect": "closed"},
        )  # fmt: skip

    def _closing_list(self, question: str, q: str) -> Answer:
        targets = self.ledger.targets
        if READY.search(q):
            chosen = [t for t in targets if t.closed is None and self.status(t) in DONE_STATUSES]
            title, kind = "已完成、尚未销号的目标（有佐证材料即可销号）", "ready"
        elif NOT_CLOSED.search(q):
            # 销号 closes a target once done and proven: what is "not closed yet" is the done
            # targets still waiting for it; the unfinished ones cannot be closed at all yet.
            chosen = [t for t in targets if t.closed is None and self.status(t) in DONE_STATUSES]
            unfinished = sum(
                1 for t in targets if t.closed is None and self.status(t) not in DONE_STATUSES
            )
            title, kind = "已完成、尚未销号的目标", "open"
            if unfinished:
                title += f"（另有{unfinished}项未完成，完成并有佐证材料后才能销号）"
        else:
            chosen = [t for t in targets if t.closed is not None]
            title, kind = "已销号的目标", "closed"
        answer = self._list(question, title, chosen, {"closed": kind})
        if kind == "closed" and not chosen:
            ready = sum(1 for t in targets if self.status(t) in DONE_STATUSES)
            reply = (
                f"目前没有已销号的目标。已完成（含超额完成）的{ready}项，有佐证材料后由管理员"
                "发送 /close 序号 理由 销号；问“哪些可以销号”可列出它们。"
            )
            return Answer(question, "list", (), reply, filter=answer.filter)
        return answer

    def _evidence_list(self, question: str, q: str) -> Answer:
        kind = "missing" if NO_EVIDENCE.search(q) else "held"
        reply = (
            "佐证材料按目标保存：问“新增贷款有佐证材料吗”，或发送 /evidence 序号 查看；"
            "单位报送进展时可附照片或文件。"
        )
        return Answer(question, "list", (), reply, filter={"evidence": kind})

    def _changes_asked(self, question: str, period: str) -> Answer:
        reply = (
            "台账的变化记在变更记录中：发送 /history 序号 查看一项的变更记录，"
            "或 /report 通报 查看上期以来的进展变化。"
        )
        return Answer(question, "list", (), reply, filter={"changes": period})

    def _last_update(self, question: str, q: str, context: Conversation | None) -> Answer:
        """When the target named (or last talked about) was last changed, or else the whole
        ledger: the stamp every audited change leaves on its target (`updated_at`)."""
        target = None
        number = number_reference(q)
        if number is not None:
            target = self.by_number[number]
        else:
            rest = mask_stopwords(_UPDATE_WORDS.sub(" ", q), self._filler)
            if has_content(rest):
                candidates = self._scored(rest)
                if candidates and self._trusted(candidates[0]) and self._confident(candidates[0]):
                    target = self.by_number[candidates[0].number]
            elif context is not None and context.targets and not _WHOLE.search(q):
                target = self.by_number.get(context.targets[0])
        if target is not None:
            # Its card without the aspect "什么时候" would otherwise ask for (时限).
            answer = self._target_answer(question, _UPDATE_WORDS.sub(" ", q), target, ())
            line = f"第{target.number}项 {target.title}：{self._stamp(target)}"
            return Answer(
                question, "target", answer.targets, f"➤ {line}\n{answer.reply}",
                filter={**answer.filter, "aspect": "updated"},
            )  # fmt: skip
        stamped = [t for t in self.ledger.targets if t.updated_at is not None]
        if not stamped:
            reply = "台账还没有更新记录。发送 /history 序号 可查看一项的变更记录。"
            return Answer(question, "summary", (), reply, filter={"aspect": "updated"})
        latest = max(t.updated_at for t in stamped)
        day = latest.astimezone(self.tz).date()
        last = sorted(
            (t for t in stamped if t.updated_at.astimezone(self.tz).date() == day),
            key=lambda t: t.updated_at, reverse=True,
        )  # fmt: skip
        names = "、".join(f"第{t.number}项 {t.title}" for t in last[:SHOWN_LATEST])
        more = f"等{len(last)}项" if len(last) > SHOWN_LATEST else ""
        reply = (
            f"➤ {self.ledger.year}年台账{self._stamp(last[0])}，"
            f"当天更新的有{names}{more}。\n"
            f"问“{last[0].title}什么时候更新的”可查一项目标；发送 /history 序号 查看它的变更记录。"
        )
        return Answer(
            question, "summary", (last[0].number,) if len(last) == 1 else (), reply,
            filter={"aspect": "updated"},
        )  # fmt: skip

    def _stamp(self, target) -> str:
        if target.updated_at is None:
            return "暂无更新记录"
        local = target.updated_at.astimezone(self.tz)
        by = f"（{target.updated_by}）" if target.updated_by else ""
        return f"最近一次更新 {local:%Y-%m-%d %H:%M}{by}"
