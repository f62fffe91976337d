"""A rate that is one count over another names the whole ("项目80个均已开工,…已完工66所,完工率达
82.5%": 66 of 80 is 82.5%, so 80 is the target the 66 finished answer).

A progress sentence may give the whole of the works, the part done and the rate of one to the
other, and no target of its own. When the rate named after the part's work ("完工率" after
"完工") is, to the figures it is written with, the part over the whole, the whole is the target
and the part its actual. Pure.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from bot.domain.ledger import parse_decimal
from bot.domain.units import convert, same_measure
from bot.drafting.mentions import mentions
from bot.drafting.pairing import Pairing


def _places(value: str) -> int:
    return len(value.split(".")[1]) if "." in value else 0


def _is_rate_of(rate: str, part: Decimal, whole: Decimal) -> bool:
    """`rate` (as written) is `part` over `whole` in percent, to its written decimals."""
    if whole <= 0:
        return False
    written = parse_decimal(rate)
    ratio = (part / whole * 100).quantize(Decimal(1).scaleb(-_places(rate)))
    return written is not None and ratio == written


def based_rates(pairings: list[Pairing]) -> list[Pairing]:
    """`pairings` with a whole and its part done made one pair when a rate beside them is the
    one over the other; as they were when no item has a target or the rate fits no two."""
    if any(p.indicator.target for p in pairings):
        return pairings
    counts = [
        (k, p.indicator)
        for k, p in enumerate(pairings)
        if p.indicator.unit != "%" and parse_decimal(p.indicator.actual) is not None
    ]
    rates = [p.indicator for p in pairings if p.indicator.unit == "%" and p.indicator.actual]
    for rate in rates:
        for kw, whole in counts:
            for kp, part in counts:
                if kw == kp or not part.name or not rate.name.startswith(part.name):
                    continue
                if not same_measure(whole.unit, part.unit):
                    continue
                done = convert(parse_decimal(part.actual), part.unit, whole.unit)
                total = parse_decimal(whole.actual)
                if done is None or total is None or done >= total:
                    continue
                if not _is_rate_of(rate.actual, done, total):
                    continue
                paired = replace(
                    whole,
                    target=whole.actual,
                    actual=part.actual,
                    actual_unit="" if part.unit == whole.unit else part.unit,
                )
                of = f"{part.actual}{part.unit}占{whole.actual}{whole.unit}"
                why = f"“{rate.name}{rate.actual}%”即{of}"
                kept = [p for k, p in enumerate(pairings) if k not in (kw, kp)]
                return [Pairing(paired, 0.5, why), *kept]
    return pairings


# The work a rate counts ("开工" of "项目开工率") and the words a count of that work may use.
_RATE_VERBS = {
    "开工": ("开工", "动工", "开建"),
    "完工": ("完工", "竣工", "建成"),
    "竣工": ("完工", "竣工", "建成"),
    "建成": ("完工", "竣工", "建成"),
}


def _words_of_rate(name: str) -> tuple[str, ...]:
    """The words of the work a rate named `name` counts ("开工率" → 开工, 动工, 开建)."""
    verb = name[-3:-1] if name.endswith("率") and len(name) >= 3 else ""
    return _RATE_VERBS.get(verb, (verb,) if verb else ())


def rates_over_targets(pairings: list[Pairing], text: str) -> list[Pairing]:
    """`pairings` with a target count left unanswered paired with a count of `text` done,
    when a rate of that work in `text` is the one over the other ("列入市重大项目17个,…已开工
    16个,项目开工率达94.12%": 16 of 17 is 94.12%); as they were otherwise."""
    found = mentions(text)
    rates = [m for m in found if m.unit == "%" and _words_of_rate(m.name)]
    for rate in rates:
        words = _words_of_rate(rate.name)
        for kw, p in enumerate(pairings):
            whole = p.indicator
            total = parse_decimal(whole.target)
            if whole.unit == "%" or total is None or whole.actual:
                continue
            for part in found:
                said = f"{part.name}{part.after}"
                if part.unit == "%" or not any(w in said for w in words):
                    continue
                done = convert(parse_decimal(part.value), part.unit, whole.unit)
                if done is None or done >= total or not _is_rate_of(rate.value, done, total):
                    continue
                # Named for the work counted ("市重大项目开工"), not the list ("列入市重大项目").
                verb = next(w for w in words if w in said)
                name = part.name.replace("已", "") if verb in part.name else ""
                paired = replace(
                    whole,
                    name=name if len(name) > len(verb) else f"{whole.name}{verb}",
                    actual=part.value,
                    actual_unit="" if part.unit == whole.unit else part.unit,
                )
                of = f"{part.value}{part.unit}占{whole.target}{whole.unit}"
                why = f"“{rate.name}{rate.value}%”即{of}"
                kept = [q for k, q in enumerate(pairings) if k != kw and not _is(q, part)]
                return [Pairing(paired, 0.5, why), *kept]
    return pairings


def _is(pairing: Pairing, part) -> bool:
    """`pairing` holds only the count `part`, as a target or as an amount done."""
    ind = pairing.indicator
    alone = not (ind.target and ind.actual)
    return alone and ind.unit == part.unit and part.value in (ind.target, ind.actual)
