"""One target's answer: the reply card (made once per target, day and leading indicator),
the indicator a one-figure question asks for, and the aspect line a question leads with."""

from __future__ import annotations

from collections import Counter
from typing import Any

from rapidfuzz import fuzz

from bot.domain.ledger import IndicatorSpec, TargetSpec
from bot.render.replies import render_not_behind, render_target
from bot.understanding.candidates import Candidate
from bot.understanding.conversation import Answer
from bot.understanding.cues import RANK_ASKED, WHY_BEHIND, aspect_of
from bot.understanding.text import normalize


class TargetAnswers:
    """The single-target answers of `Answerer` (bot.understanding.answering)."""

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
        aspect = aspect or aspect_of(q)
        if lead is not None and aspect in ("gap", "rank"):
            aspect = None  # the asked figure (a rank indicator's too) leads the reply already
        reply = self._card(target, lead)
        aspect_line = self._aspect_line(target, aspect) if aspect else ""
        if aspect_line:
            reply = f"➤ {aspect_line}\n{reply}"
        why = WHY_BEHIND.search(q)
        why_line = why and render_not_behind(
            target, self.status(target), self.today, asked="滞后" if why.group(1) else "未完成"
        )
        if why_line:  # asked why it lags, of a target that does not: say so first
            reply = f"➤ {why_line}\n{reply}"
        ranked = (target.number,) + tuple(
            [c.number for c in candidates if c.number != target.number]
        )
        filters: dict[str, Any] = {}
        if lead is not None:
            filters["indicator"] = lead.name
        if aspect_line:
            filters["aspect"] = aspect
        if why_line:
            filters["not_behind"] = True
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

    def _asked_indicator(self, q: str, target: TargetSpec, *, strict: bool = True):
        """The indicator a one-figure question asks for ("优良天数有多少天"), if any: by its
        name, or by a word the field lexicon equates with its name ("细颗粒物" for PM2.5)."""
        if len(target.indicators) < 2 and strict:
            return None
        named = self._indicator_named(q, target, strict=strict)
        if named is not None:
            return named
        said = self._said_as_named(q, target)
        return self._indicator_named(said, target, strict=strict) if said else None

    def _said_as_named(self, q: str, target: TargetSpec) -> str:
        """`q` with the one lexicon word it says for the whole name of an indicator written
        as that name ("细颗粒物" → "pm2.5"), or "": no such word, several, or a word of the
        target's own title (then the question names the target, not one of its figures)."""
        names = {normalize(i.name) for i in target.indicators if i.actual or i.target}
        title = normalize(target.title)
        for said, written in self._term_forms():
            if said not in q or said in title or any(said in n for n in names):
                continue
            hits = {w for w in written if w in names and w not in title}
            if len(hits) == 1:
                return q.replace(said, hits.pop())
        return ""

    def _term_forms(self) -> list[tuple[str, tuple[str, ...]]]:
        """(word a question says, the words a ledger writes for it), longest said word first.
        An abbreviation and its written forms all name one term, each the others; a word
        several abbreviations list (空气质量 of PM2.5 and PM10) is their field, no term's name.
        An everyday word ([synonyms]) is said for its ledger words, never the other way."""
        forms = getattr(self, "_term_table", None)
        if forms is None:
            lexicon = self.lexicon
            groups = {
                k: tuple(dict.fromkeys(normalize(w) for w in (k, *lexicon.synonyms.get(k, ()))))
                for k in lexicon.abbreviations
            }
            listed = Counter(w for group in groups.values() for w in group)
            pairs: list[tuple[str, tuple[str, ...]]] = []
            for group in groups.values():
                own = tuple(w for w in group if listed[w] == 1 and len(w) >= 2)
                pairs += [(w, own) for w in own]
            for key, words in lexicon.synonyms.items():
                if key not in groups and len(key) >= 2:
                    pairs.append((normalize(key), tuple(normalize(w) for w in words)))
            forms = self._term_table = sorted(pairs, key=lambda p: -len(p[0]))
        return forms

    def _indicator_named(self, q: str, target: TargetSpec, *, strict: bool):
        """The indicator whose name `q` writes or nearly writes, if any."""
        best, best_score = None, 0.0
        needed = 80 if strict else 90
        asked_rank = None  # of the question alone: read once, for the first indicator with figures
        for ind in target.indicators:
            if not (ind.actual or ind.target):
                continue
            name = self._names.get(ind.name)
            if name is None:
                if len(self._names) > 100_000:
                    self._names.clear()  # renamed indicators must not pile up for ever
                name = self._names[ind.name] = normalize(ind.name)
            # the unit typed beside the name, not inside it: the 天 of "优良天数比例" asks
            # for no figure in days
            unit = bool(ind.unit) and ind.unit in q.replace(name, "") and ind.unit not in ("%",)
            if asked_rank is None:
                asked_rank = "排" in q or "名次" in q or RANK_ASKED.search(q) is not None
            rank = asked_rank and (ind.unit == "位" or "排名" in name)
            # A ratio that cannot reach `needed` counts as 0: an indicator under the bar
            # never wins over one above it, and none above it means no indicator anyway.
            cutoff = max(0, needed - 10 * unit - 100 * rank)
            if name in q:  # named whole: the longer name is the one asked ("优良天数比例")
                score = 100.0 + min(len(name), 50) / 100
            else:
                score = fuzz.partial_ratio(name, q, score_cutoff=cutoff)
            if unit:
                score += 10
            if rank:
                score += 100  # "排第几" asks for the rank
            if score > best_score:
                best, best_score = ind, score
        return best if best_score >= needed else None
