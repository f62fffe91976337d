"""A target adjusted during the year ("收入由年初预算439.55亿元调整为413.8亿元左右"): the figure
it was adjusted to is what the year's result is held to, and no amount done."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.drafting.text_figures import extract_figures
from bot.drafting.words import comparator_for

# "由…X…调整为", "调减为", "调增至": the words before the adjusted figure.
_ADJUSTED_TO = re.compile(r"(?:调整|调减|调增|调高|调低)(?:为|到|至)\s*")
_CLAUSE_END = re.compile(r"[，,。；;\n]")


def _adjusted_figures(text: str):
    """(figure, words after it) of each figure written right after "调整为"."""
    for m in _ADJUSTED_TO.finditer(text):
        rest = _CLAUSE_END.split(text[m.end() :], maxsplit=1)[0]
        figures = extract_figures(rest)
        if figures and figures[0].start == 0 and figures[0].unit:
            yield figures[0], m.end(), rest[figures[0].end :]


def adjusted_targets(pairings: list, progress: str) -> list:
    """`pairings` with each adjusted figure made the target of the one amount done after it in
    its unit, and dropped as an amount done itself; as they are when no figure was adjusted or
    no single amount answers it."""
    for figure, at, after in _adjusted_figures(progress):
        answers = [
            p
            for p in pairings
            if not p.indicator.target
            and p.indicator.actual
            and p.indicator.unit == figure.unit
            and p.indicator.actual != figure.value
            and progress.find(p.indicator.actual, at + figure.end) >= 0
        ]
        if len(answers) != 1:
            continue
        said = comparator_for(progress[:at], after)
        done = answers[0]
        adjusted = replace(done.indicator, target=figure.value, comparator=said.value)
        why = f"调整后的目标{figure.value}{figure.unit}配“{done.indicator.actual}{figure.unit}”"
        pairings = [
            replace(p, indicator=adjusted, why=why) if p is done else p
            for p in pairings
            if not (
                not p.indicator.target
                and p.indicator.actual == figure.value
                and p.indicator.unit == figure.unit
            )
        ]
    return pairings
