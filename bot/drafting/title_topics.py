"""Fields read from a title the later passes made. A line whose own words name no field
("市本级：189.8亿元；32.2亿元", "省级6项,…", "完成投资16.74亿元") was drafted without a topic;
once its title borrows the words that say what it is ("市本级重点项目", "省级重点工程"), the
title gives the topic, and with it the category and the inferred lead unit."""

from __future__ import annotations

from dataclasses import replace

from bot.drafting.naming import NO_FIELD, category_for, topic_for, units_for
from bot.drafting.review import Guess

_BY_TITLE = 0.1  # a title's words weigh less than a text's: each guess stays marked for review


def topics_from_titles(targets: list, guesses: dict, lexicon, departments) -> tuple[list, dict]:
    """`targets` that matched no field, with the category and units their title's words give;
    their guesses say so, below the confidence a person need not check."""
    found, guesses = list(targets), dict(guesses)
    for k, spec in enumerate(targets):
        said = {g.field: g for g in guesses[spec.number]}
        if said.get("category") is None or not said["category"].why.startswith(NO_FIELD):
            continue
        topic, confidence = topic_for(spec.title, "", lexicon)
        if topic is None:
            continue
        confidence = min(confidence, 0.5)
        category = category_for(topic, confidence)
        units, lead = spec.units, said.get("units")
        if not units:
            units, lead = units_for(spec.title, topic, departments, confidence)
        why = f"{category.words}（取自简称“{spec.title}”）"
        fixed = {
            "category": Guess("category", category.value, category.confidence, why),
            "units": Guess("units", lead.value, min(lead.confidence, 0.4), lead.words)
            if lead is not None and not spec.units
            else said.get("units"),
        }
        guesses[spec.number] = tuple(fixed.get(g.field, g) or g for g in guesses[spec.number])
        found[k] = replace(spec, category=category.value, units=units)
    return found, guesses
