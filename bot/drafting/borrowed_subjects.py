"""Titles of lines without a subject of their own. A run-on sentence cut into items leaves a
later line's subject in the line above ("47个重点建设项目开复工44个、" over "完成投资16.74亿元、
占年计划的59.8%,"): the later title borrows it (重点建设项目投资), so that two such lines are
not both called 投资 and neither names nothing a leader would ask for."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.drafting.titles import TITLE_MAX

# A line that opens on its verb (after the period it covers), with no subject before it.
_NO_SUBJECT = re.compile(
    r"^\s*(?:今年)?(?:\d{1,2}\s*[-—至~]\s*\d{1,2}月份?[，,]?)?(?:累计)?(?:完成|实现|占|达到)"
)
# The line above breaks off inside its sentence: a comma or 顿号, not a full stop.
_OPEN_END = re.compile(r"[、，,]\s*$")
# What the line above counts ("47个重点建设项目开复工…", "11个市级重点项目开复工率100%").
_COUNTED = re.compile(
    r"\d+\s*[个项家所座条处]([\u4e00-\u9fff]{2,10}?)"
    r"(?=开复工|复工|开工|竣工|完工|建成|完成|实现|进展|累计|共|已|均|中)"
)
_SHORT = 3  # a title this short is the verb's object alone ("投资")


def borrowed_subjects(targets: list, guesses: dict) -> tuple[list, dict]:
    """`targets` whose short title is a subjectless line's, prefixed with the subject of
    the line above when it breaks off mid-sentence; `guesses` say where the subject came from."""
    found, guesses = list(targets), dict(guesses)
    subject = ""
    for k, spec in enumerate(targets):
        counted = _COUNTED.search(spec.target_text)
        above = targets[k - 1] if k else None
        if counted:
            subject = counted.group(1)
        elif above is None or not _OPEN_END.search(above.target_text):
            subject = ""
        if (
            above is None
            or counted
            or not subject
            or len(spec.title) > _SHORT
            or len(subject) + len(spec.title) > TITLE_MAX
            or not _NO_SUBJECT.match(spec.target_text)
            or not _OPEN_END.search(above.target_text)
        ):
            continue
        why = f"本项没有主语，取上一项的“{subject}”加“{spec.title}”"
        found[k] = _titled(spec, subject + spec.title, why, guesses)
    return found, guesses


def _titled(spec, title: str, why: str, guesses: dict):
    """`spec` with `title`; its title guess in `guesses` says why, to be checked."""
    guesses[spec.number] = tuple(
        replace(g, value=title, confidence=0.5, why=why) if g.field == "title" else g
        for g in guesses[spec.number]
    )
    return replace(spec, title=title)
