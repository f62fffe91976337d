"""A part's own plan and result told under an item that gives the whole's ("一是新能源项目。…
总投资16.62亿元,已完成投资1.6亿元。其中中广核葵阳风电场项目总投资12.39亿元,已完成投资1.4
亿元"): the part's pair is one more indicator of the item, named for the part."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.drafting.pairing import Pairing, pair_indicators
from bot.drafting.sentences import split_sentence

# The part the sentence speaks of: what follows "其中" up to its measure's word.
_PART = re.compile(r"^\s*其中[，,:：]?\s*([^，,。；;\d]{2,24}?(?:项目|工程|园区|基地))")


def parts_told_with_their_plans(progress: str, names: set[str]) -> list[Pairing]:
    """The pairs of each sentence of `progress` that opens on a part ("其中…项目") and sets its
    plan and what was done of it; named for the part, apart from `names` (taken already)."""
    found: list[Pairing] = []
    for sentence in re.split(r"(?<=[。；;\n])", progress):
        part = _PART.match(sentence)
        if part is None:
            continue
        target_words, done_words = split_sentence(sentence)
        if not done_words:
            continue
        for p in pair_indicators(target_words, done_words):
            if not (p.indicator.target and p.indicator.actual):
                continue
            base = re.sub(r"^其?中", "", p.indicator.name)
            name = base if part.group(1) in base else f"{part.group(1)}{base}"
            if name in names:
                continue
            names.add(name)
            found.append(replace(p, indicator=replace(p.indicator, name=name)))
    return found
