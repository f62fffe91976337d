"""Counts a 重点项目 report writes, asked in the words of a status ("已投产的有几个", "没动工的
项目", "省重点项目达到序时进度的有几个"): that count's target, not a list of targets by status."""

from __future__ import annotations

import re

from bot.understanding.candidates import holds_own_figure
from bot.understanding.cues import AMBIGUOUS_RATIO, names_phrase
from bot.understanding.list_cues import ANY_STATUS, ON_PACE

# A stage of projects said as a status ("已投产的", "没动工的"), and a question of which ones.
_STAGE = re.compile(r"(?:没|未|还没|尚未)?(?:开工|动工|投产|投用|竣工|完工|通车|建成)")
_WHICH = re.compile(r"哪些|哪几|哪个|哪一")
# A state a report counts a target's projects in ("达到序时进度的项目7个").
_STATE_COUNTED = re.compile(r"(?:没有|没|未)?达到序时进度|进展缓慢|进展顺利")


class ReportCounts:
    """Part of `ListAnswers` (bot.understanding.lists): reads `ledger`, `lexicon`, `index` and
    the scores and word counts of `Answerer`."""

    def _stage_counted(self, q: str) -> bool:
        """A count a report writes, not a status list: of a state ("十大建设项目有几个没达到序时
        进度": "未达到…的项目8个") in a target named by its phrase or in one target alone, or of
        a stage (已投产, 没动工) a title names or the lexicon's word for it (没动工: 预备)."""
        which = _WHICH.search(q)
        for said in _STATE_COUNTED.findall(q):
            best = self._scored(q.replace(said, " "), leading=1)[:1]
            text = "".join(self.index.docs[c.number].text for c in best if names_phrase(c, 3))
            if said.replace("没有", "未").replace("没", "未") in text or (
                not which and f"{said}的项目" in q and self._counts(f"{said}的项目")[0] == 1
            ):  # or the projects in that state, as one target alone counts them
                return True
        if which:
            return False
        for said in _STAGE.findall(q):
            words = (said, said.lstrip("没未还尚"), *self.lexicon.synonyms.get(said, ()))
            if any(w in t.title for w in words if len(w) >= 2 for t in self.ledger.targets):
                return True
        return False

    def _tallied_by_named(self, q: str) -> bool:
        """A target named by a phrase of its own, or a figure only it holds, writes the
        question's status words as its own tally ("省重点项目达到序时进度的有几个": "省重点投资
        项目达到序时进度的项目7个"; "进展缓慢项目4项的是哪个": "进展缓慢项目4项")."""
        said = [m.group().rstrip("的") for m in (ON_PACE.search(q), ANY_STATUS.search(q)) if m]
        scored = self._scored(q) if said else []
        if not scored or not self._trusted(scored[0]):
            return False
        best = scored[0]
        if len(scored) > 1 and scored[1].score >= best.score * AMBIGUOUS_RATIO:
            return False  # several alike by the status words they all write ("塌目标")
        if not (names_phrase(best, 3) or holds_own_figure(scored)):
            return False
        text = self.index.docs[best.number].text
        return any(word in text for word in said)
