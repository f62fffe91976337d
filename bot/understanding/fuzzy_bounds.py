"""A row's first fuzzy bound for a question: its passing phrases and their bound in one pass
(a mixin of `CandidateExplaining`, kept apart for the module size limit)."""

from __future__ import annotations


class PassingBounds:
    """`_passing_bound` for `CandidateExplaining` (bot.understanding.explaining)."""

    def _passing_bound(self, number: int, query) -> float:
        """`_passing` and `_fuzzy_bound` at once, each phrase's bits counted once: the same
        passing phrases kept for the `_Query`, the same bound returned."""
        doc = self.docs[number]
        fuzzy = doc.fuzzy_bits
        if fuzzy is None:
            fuzzy = self._fuzzy_bits(doc)  # numbered before the question's bits are read
        current = query.bits_known == len(self._char_bits)
        q_bits = query.masked_bits if current else self._masked_bits(query)
        every, fewest = doc.fuzzy_union
        if (every & q_bits).bit_count() < fewest:
            query.passing[number] = ()
            return 0.0
        size = len(query.masked)
        passing, counts = [], []
        for entry in fuzzy:
            shared = (entry[1] & q_bits).bit_count()
            if shared >= (entry[3] if entry[4] < size else entry[2]):
                passing.append(entry)
                counts.append(shared)
        query.passing[number] = tuple(passing)
        if not passing:
            return 0.0
        known = self._fuzzy_caps.get(number)  # (looked up only for a row with such phrases)
        caps, largest = known if known is not None else self._fuzzy_caps_of(number)
        if not largest:
            return 0.0
        most = 0.0
        for (phrase, _, _, _, length, unique), shared in zip(passing, counts, strict=True):
            cap = caps[phrase]
            if unique and length < size:
                similarity = min(100.0, 200.0 * shared / (length + shared))
                cap *= (similarity - 60) / 40
            if cap > most:
                most = cap
        return most
