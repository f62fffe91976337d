"""Lists asked of a unit the ledger does not name as written: a slip of one of its units'
names ("民证局" for 县民政局) is read as that unit, anything else is said to name none; and
the targets no unit leads ("哪些目标没有责任单位")."""

from __future__ import annotations

import dataclasses
import re

from bot.domain.ledger import TargetSpec
from bot.domain.unit_names import NO_UNITS, close_units
from bot.understanding.conversation import Answer
from bot.understanding.cues import AMBIGUOUS_RATIO
from bot.understanding.list_cues import ROLE_ASSIST, UNIT_NAME

# Targets asked after for the unit they lack ("哪些没有责任单位", "牵头单位空着的", "没人管的").
_UNIT = r"(?:责任|牵头|负责|主责|承办)(?:单位|部门)"
WITHOUT_LEAD = re.compile(
    rf"(?:没有|没|无|未|缺少?|尚未)(?:明确|落实|列明|写明|确定|指定)?(?:的)?(?:{_UNIT}|牵头)"
    rf"|{_UNIT}(?:为空|空缺|空着|缺失|没填|未填|不明确|没明确|未明确|没有明确|是空的)"
    r"|(?:没人|无人|没有人)(?:负责|牵头|管|抓)|谁都不管"
)

# A unit's name said to be left out: "不是发改委牵头的", "非民政局负责的", "除了发改委…",
# "发改委没牵头的", "发改委不负责的", "发改委以外的" (not "发改委负不负责", an A-not-A).
_NOT_BEFORE = re.compile(r"(?:不是|并非|非|除了|除去|除)由?$")
_NEGATOR_HEAD = re.compile(r"^(?:哪些|哪几项)?(?:不是|并非|除了|除去)由?")
_NOT_AFTER = re.compile(r"(?:没有?|未|不)(?:参与|负责|牵头|配合|协助|管)|的?(?:以外|之外)")

# One thing asked after, not a list ("民政局负责的那件事办得咋样", "…的事项为什么滞后",
# "水务局那个农村饮水的事").
ONE_THING = re.compile(
    r"那件|这件|那项|这项|那个事|这个事|为什么|为啥|怎么回事|落实情况|办得|进展"
    r"|[那这]个[^，,。？?！!\s]{1,8}?的事"
)

# How many a unit has done, counted ("发改委完成了几项", "水利局完成多少项"): its targets done,
# past the goal or at it. Read only beside a unit named as such and nothing else, since
# "省重点项目完成了几项" asks a target's own count.
DONE_COUNT = re.compile(r"(?<![没未])(?:完成|达标)了?(?:几|多少)项")


class UnitLists:
    """The unit a list question names, and the unknown-unit lists, of `Answerer`
    (bot.understanding.answering)."""

    def _without_lead_list(self, question: str, q: str) -> Answer | None:
        """ "哪些目标没有责任单位": every target no unit leads (one with only assisting units
        says which), or that every target has its lead; None unless so asked of the ledger."""
        if not WITHOUT_LEAD.search(q) or self._specific_topic(q):
            return None
        if self._unit_filter(q)[0] or UNIT_NAME.search(q):
            return None  # "发改委没牵头的": the targets that unit does not lead
        targets = [t for t in self.ledger.targets if not t.lead_units]
        filters = {"without_lead": True}
        if not targets:
            reply = f"台账中的{len(self.ledger.targets)}项目标都有牵头单位。"
            return Answer(question, "list", (), reply, filter=filters)
        notes = {
            t.number: "配合：" + "、".join(u.name for u in t.units) for t in targets if t.units
        }
        return self._list(question, "没有牵头单位的目标", targets, filters, notes=notes)

    def _unknown_unit_list(self, question: str, q: str) -> Answer | None:
        """A list by a unit the ledger does not name: the one unit its name is a slip of
        ("民证局负责哪些" is 县民政局's list, the title says so), or that it names none, and
        which units it does name."""
        m = UNIT_NAME.search(q)
        if m is None or self._specific_topic(q):
            return None
        name = _NEGATOR_HEAD.sub("", m.group(1))  # "不是发改委牵头的": 发改委
        close = close_units(name, self.unit_names)
        if len(close) == 1 and close[0] not in q:
            found = self._list_answer(question, q.replace(name, close[0]))
            if found is not None and found.filter.get("unit") == close[0]:
                # in the title, which every page of a long list repeats
                reply = found.reply.replace(close[0], f"{close[0]}（“{name}”）", 1)
                return dataclasses.replace(found, reply=reply)
        known = "、".join(reversed(self.unit_names[-8:])) if self.unit_names else ""
        reply = f"台账中没有“{name}”负责的目标。" + (
            f"台账列明的责任单位有：{known}等。" if known else f"{NO_UNITS}。"
        )
        return Answer(question, "list", (), reply, filter={"unit": name})

    def _units_read(self, q: str) -> tuple[tuple[str, ...], str | None, bool]:
        """The units the question names, the role asked of them, and whether it asks for the
        targets they do not hold. A short form two units share ("民政局" of 县民政局 and
        市民政局) names both: a leader who does not say which means either, and sees both."""
        unit, role = self._unit_filter(q)
        if unit is None:
            return (), None, False
        forms = [f for name, fs in self._unit_forms if name == unit for f in fs if f in q]
        form = max(forms, key=len)
        units = tuple(name for name, fs in self._unit_forms if form in fs)
        units = (unit, *(u for u in units if u != unit))
        at = q.find(form)
        negated = bool(_NOT_BEFORE.search(q[:at]) or _NOT_AFTER.match(q, at + len(form)))
        return units, role, negated

    @staticmethod
    def _held_by(t, units: tuple[str, ...], role: str | None, negated: bool) -> bool:
        """Whether a list by these units keeps `t`: one of them holds it (in `role` when
        given), or, `negated`, none does."""
        held = any(u.name in units and (not role or u.role == role) for u in t.units)
        return held != negated

    @staticmethod
    def _units_heading(units: tuple[str, ...], role: str | None, negated: bool) -> str:
        """ "县民政局、市民政局负责", "县发改委未牵头": how a list's title names its units."""
        names = "、".join(units)
        if negated:
            return f"{names}未牵头" if role == "lead" else f"{names}未参与" if role else (
                f"不由{names}负责"
            )  # fmt: skip
        return f"{names}{'牵头' if role == 'lead' else '配合' if role else '负责'}"

    def _counts_units_done(self, q: str, unit: str) -> bool:
        """The question counts what the unit has done, and says nothing else."""
        counted = DONE_COUNT.search(q)
        return (
            bool(counted)
            and self._named_as_unit(q, unit)
            and not self._says_besides_unit(DONE_COUNT.sub(" ", q), unit)
        )

    def _unit_filter(self, q: str) -> tuple[str | None, str | None]:
        """The unit named in the question, and "lead"/"assist" when only that role counts."""
        if self._any_unit is None or not self._any_unit.search(q):
            return None, None
        role = "lead" if "牵头" in q else ("assist" if ROLE_ASSIST.search(q) else None)
        # The longest form written wins: "市民政局" is 市民政局, not 县民政局 by its "民政局".
        found = [
            (len(f), -n, name)
            for n, (name, forms) in enumerate(self._unit_forms)
            for f in forms
            if f in q
        ]
        if not found:
            return None, None
        return max(found)[2], role

    def _one_of_unit(self, q: str, selected: list[TargetSpec], unit: str) -> TargetSpec | None:
        """The one target of a unit's list a question asks after as one thing: the unit's only
        one ("民政局负责的那件事办得咋样"), or of several the one the rest of the question
        names, trusted and leading the unit's ("卫健局那个托位的事"); else None."""
        if not selected or not ONE_THING.search(q):
            return None
        if len(selected) == 1:
            return selected[0]
        if not self._says_besides_unit(q, unit):
            return None
        rest = q  # the unit's name explains nothing of which of its targets is meant
        for form in next((f for name, f in self._unit_forms if name == unit), ()):
            rest = rest.replace(form, " ")
        ours = [c for c in self._scored(rest) if c.number in {t.number for t in selected}]
        if not ours or not self._trusted(ours[0]):
            return None
        if len(ours) > 1 and ours[1].score >= ours[0].score * AMBIGUOUS_RATIO:
            return None  # two of the unit's alike: its list, to choose from
        return self.by_number[ours[0].number]
