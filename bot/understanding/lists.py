"""Everyday lists a leader asks for: by status, unit, category or deadline, overdue, at risk,
on pace, every target, and by what the targets' texts say (ranked ones: `rankings.py`)."""

from __future__ import annotations

import datetime as dt
import re
from itertools import pairwise
from typing import Any

from bot.domain.ledger import (
    CATEGORIES,
    TargetSpec,
)
from bot.domain.status import (
    DONE_STATUSES,
    open_deadlines,
    year_closed,
)
from bot.render.replies import (
    closed_year_due_text,
    render_list,
)
from bot.understanding.candidates import holds_own_figure, named_by_own_words, only_heard_in
from bot.understanding.category_words import names_only_category
from bot.understanding.closed_lists import UNDONE_AT_CLOSE, ClosedYearLists
from bot.understanding.conversation import Answer
from bot.understanding.cues import LIST_REPLY_LIMIT, names_phrase
from bot.understanding.due_lists import DueLists
from bot.understanding.list_cues import (
    ALL_TARGETS,
    ANY_CATEGORY,
    ANY_OF_THEM,
    ANY_STATUS,
    AT_RISK,
    AT_RISK_LIST,
    CATEGORY_CUE,
    CATEGORY_WORDS,
    COUNT_CUE,
    DONE_ALREADY,
    ITEM_WORDS,
    JOINED,
    LIST_CUE,
    NOT_DONE_STATUSES,
    ON_PACE,
    ON_PACE_STATUSES,
    OVERDUE,
    REMAINING,
    STAGE_EDGES,
    STAGE_LISTS,
    TO_BE_DONE,
    UNIT_CUE,
    UNIT_NAME,
    UNIT_PLACE,
    UNIT_SUFFIX,
    WHO_IS_RESPONSIBLE,
    WORD_LIST,
    status_heading,
    status_reading,
)
from bot.understanding.list_pools import NUMBER_OF, ListPools
from bot.understanding.rankings import RankedLists
from bot.understanding.report_counts import ReportCounts
from bot.understanding.text import has_content, mask_stopwords
from bot.understanding.unit_lists import UnitLists
from bot.understanding.word_bounds import search_words, written_counts

# Work a year before left undone ("去年没干完接着干的项目"): what the things are (carried
# over), not a status of this ledger's year to list by.
_CARRIED_OVER = re.compile(
    r"(?:去年|上年|上一年|往年|前几年|前两年)(?:还|都|就)?(?:没有|没|未)(?:干|做|办|搞|弄|建)?[完成好]"
)

# One thing pointed at ("…的那个", "那次常务会"), not asked for ("哪个"): one wanted, not a list.
_THAT_ONE = re.compile(r"(?<![哪])那一?[个项件次条家所座]")
_SEVERAL = re.compile(r"哪些|哪几|那些|那几|这些|这几|那批|几[项个件]|多少[项个件]|都有|分别")
# "哪个县", "那个区": one place of the level a table's rows are places of.
_WHICH_LEVEL = re.compile(r"[哪那]一?个([州县市区旗盟镇乡])")


class ListAnswers(ListPools, UnitLists, DueLists, RankedLists, ReportCounts, ClosedYearLists):
    """The list answers of `Answerer` (bot.understanding.answering); the ranked ones are
    `RankedLists`'."""

    def _list(self, question, title, targets, filters, *, lines=None, notes=None) -> Answer:
        if lines is None:
            reply = render_list(
                title,
                targets,
                self.today,
                status_of=self.status,
                limit=LIST_REPLY_LIMIT,
                notes=notes,
            )
        else:
            reply = "\n".join(lines)
        numbers = tuple(t.number for t in targets)
        return Answer(question, "list", numbers, reply, filter=filters, notes=notes or {})

    def _one_listed(self, question: str, q: str, listed: Answer | None) -> Answer | None:
        """A list the question wants one target of, answered as that target: a ranking or a
        list by status or unit of which the question points at one ("完成率最低的那次",
        "全部完成的那个"), or of which one row is a place of the level it asks for ("哪个县拖
        了后腿" on a table of 县 and 区). Any other answer as it came."""
        if listed is None or listed.intent != "list":
            return listed
        if listed.filter.keys() == {"category"} and len(listed.targets) == 1:
            if not LIST_CUE.search(q):  # "社会事业类投资完成多少": a category of one target
                return self._target_answer(question, q, self.by_number[listed.targets[0]], ())
        status = listed.filter.get("status")
        if (not listed.targets and status) or self._widened_to_none(listed):
            # None in that state: the words were a thing's stage ("还没开工的项目" of 前期
            # 项目), which a target named confidently answers.
            matched = self._match_answer(question, q)
            lead = matched.candidates[0] if matched.candidates else None
            named = matched.intent == "target" and not matched.ambiguous and lead is not None
            if named and (matched.confident or self._trusted(lead)):
                # asked which ones ("哪些已投产"), a title's word alone makes no answer of one
                titles = None if LIST_CUE.search(q) else self.index.postings
                own = named_by_own_words(lead, titles, matched.confident)
                heard = own and only_heard_in(lead, ANY_STATUS.finditer(q))  # 滞后 as 之后
                return matched if own and not heard else listed
            return listed
        kind = listed.filter.keys() & {"status", "unit", "rank", "at_risk"}
        if not kind or _SEVERAL.search(q):
            return listed
        numbers = list(listed.targets)
        level = _WHICH_LEVEL.search(q)
        if level is not None and "rank" not in kind:
            places = self.index.places_by_level()
            held = {n for n, _ in places.get(level.group(1), ())}
            if held and len(places) > 1:
                numbers = [n for n in numbers if n in held]
        elif _THAT_ONE.search(q) is None:
            return listed
        if len(numbers) == 1 or (numbers and "rank" in kind):
            return self._target_answer(question, q, self.by_number[numbers[0]], ())
        return listed

    def _word_list(self, question: str, q: str) -> Answer | None:
        """ "公交方面有哪些": a word no lexicon topic holds, written in the titles or aliases of
        two targets or more, lists them (the ledger's own words make the group)."""
        m = WORD_LIST.search(q)
        if m is None:
            return None
        word = m.group(1)
        docs = self.index.docs
        members = [t for t in self.ledger.targets if word in docs[t.number].names]
        if len(members) < 2:
            return None
        return self._list(question, f"“{word}”相关的目标", members, {"text": word})

    def _joined_topics(self, question: str, q: str) -> Answer | None:
        """ "教育和养老方面的": two topics or more joined by 和, 与, 、… list every target of
        any of them (one topic alone is `_topic_answer`'s)."""
        if self._any_topic is None or not JOINED.search(q):
            return None
        spans = []
        for topic in self.lexicon.topics:
            written = [(q.find(w), -len(w)) for w in topic.asked if w in q]
            if written:
                start, length = min(written)
                spans.append((start, start - length, topic))
        spans.sort(key=lambda s: s[0])
        if len(spans) < 2 or any(
            not JOINED.fullmatch(q[end:start]) for (_, end, _), (start, _, _) in pairwise(spans)
        ):
            return None
        names = [topic.name for _, _, topic in spans]
        members = {n for name in names for n in self._topic_members.get(name, ())}
        if len(members) < 2:
            return None
        targets = [t for t in self.ledger.targets if t.number in members]
        title = "、".join(f"“{name}”" for name in names) + "相关的目标"
        return self._list(question, title, targets, {"topic": "、".join(names)})

    def _overdue(self, t: TargetSpec) -> bool:
        done = self.status(t) in DONE_STATUSES
        return not done and any(d.date < self.today for d in open_deadlines(t))

    def _overdue_word(self) -> str:
        # After the year's close a deadline passed unmet, not 逾期 (as `deadline_state` says).
        return "时限已过" if self._year_closed() else "逾期"

    def _at_risk(self, t: TargetSpec) -> str:
        """Why a target needs watching ("" when it does not)."""
        status = self.status(t)
        if status in DONE_STATUSES:
            return ""
        if status in ("滞后", "未完成"):
            return status
        if self._overdue(t):
            return self._overdue_word()
        soon = self.today + dt.timedelta(days=30)
        if any(self.today <= d.date <= soon for d in open_deadlines(t)):
            return "临近到期"
        return ""

    def _risks_today(self) -> tuple[list[TargetSpec], dict[int, str]]:
        """The targets needing watching and why (when the status line does not say it), made
        once per refresh and day: at 10,000 targets the pass takes milliseconds."""
        if self._risks is None or self._risks[0] != self.today:
            rows = [(t, why) for t in self.ledger.targets if (why := self._at_risk(t))]
            # "滞后" and "未完成" are the status the line already shows: said once.
            reasons = {t.number: why for t, why in rows if why != self.status(t)}
            self._risks = (self.today, [t for t, _ in rows], reasons)
        return list(self._risks[1]), dict(self._risks[2])  # copies: an answer keeps them

    def _list_answer(self, question: str, q: str) -> Answer | None:
        if (without_lead := self._without_lead_list(question, q)) is not None:
            return without_lead
        if ALL_TARGETS.search(q):
            return self._list(question, "全部目标", list(self.ledger.targets), {"all": True})
        if OVERDUE.search(q):
            targets = [t for t in self.ledger.targets if self._overdue(t)]
            title = "已逾期未完成的目标" if self._overdue_word() == "逾期" else (
                f"时限已过、未完成的目标（{self.ledger.year}年度已结束，不再计算逾期）"
            )  # fmt: skip
            return self._with_unit(question, q, title, targets, {"overdue": True})
        if (AT_RISK.search(q) or AT_RISK_LIST.search(q)) and not self._specific_topic(q):
            targets, reasons = self._risks_today()
            return self._with_unit(
                question, q, "需要盯紧的目标", targets, {"at_risk": True}, notes=reasons
            )
        status = self._status_filter(q)
        if status and self._stage_counted(q):
            status = None  # "已投产的有几个" of a report counting its projects by stage
        closed = self._undone_at_close(q, status)
        status = UNDONE_AT_CLOSE if closed else status
        units, role, negated = self._units_read(q)
        unit = units[0] if units else None
        if status is None and unit and self._counts_units_done(q, unit):
            status = DONE_STATUSES  # "发改委完成了几项": that unit's done targets, counted
        category = self._category_filter(q)
        due = self._due_filter(q)
        if due is not None and status == ("已完成",) and not DONE_ALREADY.search(q):
            status = None
        has_cue = bool(LIST_CUE.search(q))
        who = WHO_IS_RESPONSIBLE.sub(" ", q)  # "新增贷款有没有达标，哪个单位负责": of that one
        if has_cue and who != q and not LIST_CUE.search(who):
            best = self._scored(who)[:1]  # a target's own phrase written out, however long
            has_cue = not (best and names_phrase(best[0], 3)) and not self._names_target(who)
        if status and not has_cue:
            has_cue = bool(ANY_OF_THEM.search(q))
        if status and has_cue and self._tallied_by_named(q):
            return None  # the named target's own count of its projects, not a list
        filters: dict[str, Any] = {}
        # "…的" makes a status a list ("没完成的"), unless a target is named: "新增贷款的事为什么
        # 滞后" asks about that one target.
        if status and (
            has_cue
            or ((len(q) <= 8 or "的" in q) and not self._names_target(who))
            or (unit and (negated or not self._says_besides_unit(q, unit)))
        ):
            filters["status"] = status
        # A unit named only by the stem a topic shares ("科技" of 科技局) with nothing but a
        # count ("科技成果登记了多少项") counts one target's things, not the unit's targets.
        named = bool(unit) and self._named_as_unit(q, unit)
        if unit and who != q and not named:
            unit = None  # "谁负责党性教育基地": whose the 教育 target is, not 教育局's list
        if unit and (
            negated  # "发改委以外的": the unit left out is what the list is by
            or (named and due is not None)  # "发改委12月底前要完成的"
            or UNIT_CUE.search(q)
            or (has_cue and (named or LIST_CUE.search(COUNT_CUE.sub(" ", q))))
            or (named and not self._says_besides_unit(q, unit))
        ):
            filters["unit"] = "、".join(units)
            if role:
                filters["role"] = role
            if negated:
                filters["not_unit"] = True
        cued = has_cue or CATEGORY_CUE.search(q) or names_only_category(q, category, self.lexicon)
        if category and cued and not self._specific_topic(q):  # "生态环境怎么样" too
            filters["category"] = category
            # A category no target is in, named alone, is a target's words ("社会事业进展怎么样"
            # of a report whose item is 社会事业), not an empty list.
            if not (has_cue or due or len(filters) > 1 or self._pool(filters, (), category)):
                return None
        if due is not None:
            filters["due"] = [due[0].isoformat(), due[1].isoformat()]
        if not filters:
            if has_cue or UNIT_CUE.search(q) or UNIT_NAME.match(q):
                return self._unknown_unit_list(question, q)
            return None
        if due is not None and year_closed(self.today, self.ledger.year):
            return Answer(
                question, "list", (), closed_year_due_text(self.ledger.year), filter=filters
            )
        selected, met, kept = [], [], []
        pool = self._pool(filters, units if not negated else (), category)
        if filters.keys() == {"status"}:  # the pool is those of the statuses asked, in order
            selected, pool = list(pool), ()
        for t in pool:
            if "status" in filters and self.status(t) not in filters["status"]:
                continue
            if "unit" in filters and not self._held_by(t, units, role, negated):
                continue
            if "category" in filters and t.category != category:
                continue
            kept.append(t)
            if due is not None and not self._due_within(t, due):
                if any(due[0] <= d.date <= due[1] for d in t.deadlines):
                    met.append(t)  # its deadlines in the window all met
                continue
            selected.append(t)
        done = ""
        if due is not None:  # by a day ahead: what is still to do; the done ones in a line
            selected, done, count = self._done_by(due, selected, met)
            filters.update({"done": count} if count else {})
        title = self._list_title(filters, status, (units, role, negated), category, due)
        if closed and "status" in filters:
            title, unknown = self._closed_heading(title, status, set(filters) == {"status"})
            done = unknown or done
        if "status" in filters and len(filters["status"]) == 1:
            filters["status"] = filters["status"][0]
        notes = self._due_notes(selected, due) if due is not None else {}
        reply = render_list(
            title, selected, self.today, status_of=self.status, limit=LIST_REPLY_LIMIT, notes=notes
        )
        reply = f"{reply}\n{done or self._next_due(due, selected, kept)}".rstrip()
        if "unit" in filters and due is None and not has_cue:
            one = self._one_of_unit(q, selected, unit)
            if one is not None:
                return self._target_answer(question, q, one, ())
        numbers = tuple(map(NUMBER_OF, selected))  # thousands at 10,000 targets: no loop of Python
        return Answer(question, "list", numbers, reply, filter=filters, notes=notes)

    def _text_list(self, question: str, q: str) -> Answer | None:
        """ "还在装修施工的有哪些", "张三牵头的有哪些": the targets whose own texts say so.

        For a stage of work or a person's name that no status, unit or topic names; every word
        of the phrase found in a target's texts counts, and the targets with the most are kept.
        """
        for pattern in STAGE_LISTS:  # the first that finds the phrase (a loop: no generators)
            m = pattern.search(q)
            if m:
                break
        else:
            return None
        phrase = STAGE_EDGES.sub("", m.group(1))
        if len(phrase) < 2 or WHO_IS_RESPONSIBLE.search(q):
            return None  # "公办园是哪个单位牵头的" asks whose a target is
        words = search_words(phrase)
        found = []
        for t in self.ledger.targets:
            # the reason given for its status too: a report's group heading ("调整的有3项")
            text = f"{t.title}\n{t.target_text}\n{t.progress_text}\n{t.status_reason}"
            if hits := sum(w in text for w in words):
                found.append((hits, t, text))
        counts = written_counts(found, words)
        best = max((n for n, _ in counts), default=0)
        if best == 0 or best * 2 < len(words):
            return None
        targets = [t for n, t in counts if n == best]
        return self._list(question, f"进展中提到“{phrase}”的目标", targets, {"text": phrase})

    def _with_unit(self, question, q, title, targets, filters, *, notes=None) -> Answer:
        units, role, negated = self._units_read(q)
        if units:
            targets = [t for t in targets if self._held_by(t, units, role, negated)]
            title = f"{self._units_heading(units, role, negated)}的{title}"
            filters = {**filters, "unit": "、".join(units), **({"role": role} if role else {})}
        return self._list(question, title, targets, filters, notes=notes)

    def _list_title(self, filters, status, unit_read, category, due) -> str:
        parts = []
        if "due" in filters:
            state = "（含已完成）" if due[0] >= self.today else "（未完成）"
            start = f"{due[0].isoformat()}至"
            if due[0] == dt.date(self.ledger.year, 1, 1) and due[1] > self.today:
                start = ""  # "12月底前要完成的": by that day, not the year's span
            if filters.get("done"):  # said in the title, which every page repeats
                state = f"（未完成；另有{filters['done']}项已完成）"
            parts.append(f"{start}{due[1].isoformat()}{'到期' if start else '前到期'}{state}")
        if "unit" in filters:
            parts.append(self._units_heading(*unit_read))
        if "category" in filters:
            parts.append(f"{category}领域")
        if "status" in filters:
            parts.append(status_heading(status))
        return "的".join(parts) + "的目标"

    def _says_besides_unit(self, q: str, unit: str) -> bool:
        """Anything besides the unit, a status, filler and words for the whole ledger or how it
        goes ("发改委干得怎么样", "民政局有没有滞后的" say nothing else)."""
        rest = q
        for form in next((f for name, f in self._unit_forms if name == unit), ()):
            rest = rest.replace(form, " ")
        rest = REMAINING.sub(" ", ON_PACE.sub(" ", ANY_STATUS.sub(" ", rest)))
        return has_content(mask_stopwords(UNIT_PLACE.sub(" ", rest), self._filler))

    def _names_target(self, q: str) -> bool:
        """A target's own phrase, a word besides the status that explains one confidently
        ("固投没完成吗"), or a figure only it holds ("还没开工的那3个项目")."""
        rest = REMAINING.sub(" ", ON_PACE.sub(" ", ANY_STATUS.sub(" ", q)))
        masked = mask_stopwords(rest, self._filler)
        if not has_content(masked) or masked.strip() in ITEM_WORDS:
            # nothing but the status, filler, words for the whole ledger or what any ledger
            # calls its items ("已完成的项目")
            return False
        c = self._scored(rest)
        named = bool(c) and (self._confident(c[0]) or self._trusted(c[0]) and holds_own_figure(c))
        return self._specific_topic(rest) or named

    def _named_as_unit(self, q: str, unit: str | None) -> bool:
        """The unit is named in the question by a form that says it is a unit (科技局)."""
        forms = next((f for name, f in self._unit_forms if name == unit), ())
        return any(UNIT_SUFFIX.search(form) and form in q for form in forms)

    @staticmethod
    def _status_filter(q: str) -> tuple[str, ...] | None:
        q = TO_BE_DONE.sub(" ", q)  # "下周要完成的" asks what is due, not what is done
        q = _CARRIED_OVER.sub(" ", q)
        if ON_PACE.search(q):
            return ON_PACE_STATUSES
        if REMAINING.search(q):
            return NOT_DONE_STATUSES
        return status_reading(q)

    @staticmethod
    def _category_filter(q: str) -> str | None:
        if not ANY_CATEGORY.search(q):
            return None
        for category in CATEGORIES:
            if any(w in q for w in CATEGORY_WORDS[category]):
                return category
        return None
