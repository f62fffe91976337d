"""The targets a list looks at: one unit's, one category's, one status's or several's, or
all (a mixin of `ListAnswers`, bot.understanding.lists)."""

from __future__ import annotations

from operator import attrgetter

from bot.domain.ledger import TargetSpec

NUMBER_OF = attrgetter("number")


class ListPools:
    """`_pool` of `ListAnswers`: reads the ledger and the statuses of `Answerer`, keeps its
    groups in `_groups` until the next refresh."""

    def _pool(self, filters, unit, category) -> list[TargetSpec]:
        """The targets a list must look at: one unit's, one category's, one status's, or all."""
        if self._groups is None:
            groups: dict[tuple[str, str], list[TargetSpec]] = {}
            for t in self.ledger.targets:
                groups.setdefault(("category", t.category), []).append(t)
                for name in dict.fromkeys(u.name for u in t.units):
                    groups.setdefault(("unit", name), []).append(t)
                groups.setdefault(("status", self.status(t)), []).append(t)
            self._groups = groups
        pools = []
        if "unit" in filters and unit:  # one unit's name, or several a short form shares
            units = (unit,) if isinstance(unit, str) else unit
            merged = {t.number: t for u in units for t in self._groups.get(("unit", u), [])}
            pools.append(sorted(merged.values(), key=NUMBER_OF))
        if "category" in filters:
            pools.append(self._groups.get(("category", category), []))
        if "status" in filters:
            # Several statuses' targets by number, merged once (thousands at 10,000 targets).
            key = ("statuses", "|".join(statuses := filters["status"]))
            if key not in self._groups:
                merged = [t for s in statuses for t in self._groups.get(("status", s), [])]
                self._groups[key] = sorted(merged, key=NUMBER_OF)
            pools.append(self._groups[key])
        return min(pools, key=len) if pools else list(self.ledger.targets)
