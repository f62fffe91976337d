"""Lists asked of a unit the ledger does not name as written: a slip of one of its units'
names ("民证局" for 县民政局) is read as that unit, anything else is said to name none."""

from __future__ import annotations

import dataclasses

from bot.domain.unit_names import NO_UNITS, close_units
from bot.understanding.conversation import Answer
from bot.understanding.list_cues import UNIT_NAME


class UnitLists:
    """The unknown-unit lists of `Answerer` (bot.understanding.answering)."""

    def _unknown_unit_list(self, question: str, q: str) -> Answer | None:
        """A list by a unit the ledger does not name: the one unit its name is a slip of
        ("民证局负责哪些" is 县民政局's list, the title says so), or that it names none, and
        which units it does name."""
        m = UNIT_NAME.search(q)
        if m is None or self._specific_topic(q):
            return None
        name = m.group(1)
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
