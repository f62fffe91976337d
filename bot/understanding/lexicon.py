"""The field lexicon: what the words of any county's target ledger mean, in any year.

Field knowledge only (government abbreviations, everyday words for official topics, topic
groups, filler words, out-of-scope cues). What one ledger's targets are called is ledger
knowledge and lives in the database as aliases. The file format is in README.md.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_LEXICON = Path(__file__).resolve().parents[2] / "data" / "lexicon" / "field.toml"


@dataclass(frozen=True)
class Topic:
    name: str
    asked: tuple[str, ...]  # words that name the topic in a question
    words: tuple[str, ...]  # words that put a target in the topic
    category: str = ""  # the ledger category (领域) a target of this topic belongs to
    # words of `words` that say where or for whom (农村 of 农村低保, 农村教师): a target they
    # alone put in the topic is another topic's when one holds it by its own words
    passing: tuple[str, ...] = ()

    def holds_by_own(self, text: str) -> bool:
        """A word of the topic other than a passing one is written in `text`."""
        return any(w in text for w in self.words if w not in self.passing)


@dataclass(frozen=True)
class FieldLexicon:
    # question word -> ledger words: abbreviations and everyday words, merged
    synonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    abbreviations: dict[str, str] = field(default_factory=dict)  # abbreviation -> meaning
    topics: tuple[Topic, ...] = ()
    stopwords: frozenset[str] = frozenset()
    out_of_scope_cues: tuple[str, ...] = ()
    other_places: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()  # county work a ledger names literally when it holds it
    whole_ledger: frozenset[str] = frozenset()  # words for the ledger as a whole (全县, 任务)
    generic: tuple[str, ...] = ()  # words of work and place (建设, 城镇): no subject of their own


def load_lexicon(path: Path = DEFAULT_LEXICON) -> FieldLexicon:
    """Read the lexicon TOML; a missing file gives an empty lexicon."""
    if not path.exists():
        return FieldLexicon()
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    synonyms: dict[str, tuple[str, ...]] = {}
    abbreviations: dict[str, str] = {}
    for key, entry in raw.get("abbreviations", {}).items():
        if isinstance(entry, dict) and isinstance(entry.get("words"), list):
            synonyms[str(key).lower()] = tuple(str(w) for w in entry["words"])
            abbreviations[str(key).lower()] = str(entry.get("means", ""))
    for key, values in raw.get("synonyms", {}).items():
        if isinstance(values, list):
            merged = synonyms.get(str(key).lower(), ()) + tuple(str(v) for v in values)
            synonyms[str(key).lower()] = tuple(dict.fromkeys(merged))
    topics = tuple(
        Topic(
            name=str(name),
            asked=tuple(str(w).lower() for w in group.get("asked", [name])),
            words=tuple(str(w).lower() for w in group.get("words", [])),
            category=str(group.get("category", "")),
            passing=tuple(str(w).lower() for w in group.get("passing", [])),
        )
        for name, group in raw.get("topics", {}).items()
        if isinstance(group, dict)
    )
    oos = raw.get("out_of_scope", {})
    return FieldLexicon(
        synonyms=synonyms,
        abbreviations=abbreviations,
        topics=topics,
        stopwords=frozenset(raw.get("stopwords", {}).get("words", [])),
        out_of_scope_cues=tuple(oos.get("cues", [])),
        other_places=tuple(oos.get("places", [])),
        subjects=tuple(str(w).lower() for w in oos.get("subjects", [])),
        whole_ledger=frozenset(raw.get("whole_ledger", {}).get("words", [])),
        generic=tuple(str(w).lower() for w in raw.get("generic", {}).get("words", [])),
    )


def written_abbreviation(abbreviation: str, means: str) -> str:
    """The lexicon keeps Latin abbreviations lower-cased for matching; a title writes them as
    the meaning brackets them ("rd" of "研究与试验发展（R&D）经费" → R&D), else in capitals."""
    if not abbreviation.isascii():
        return abbreviation
    for bracketed in re.findall(r"[（(]([A-Za-z0-9&.]+)[）)]", means):
        if re.sub(r"[^a-z0-9]", "", bracketed.lower()) == re.sub(r"[^a-z0-9]", "", abbreviation):
            return bracketed
    return abbreviation.upper()


def foreign_keys(readings: dict[str, tuple[str, ...]]) -> dict[str, dict[str, tuple[str, ...]]]:
    """Question key -> each of its words -> the longer keys that hold that word, not as their
    last characters, and read otherwise (学校 → 大学 → 大学生, which reads 毕业生). A text's
    longest key is what it says, as a question's is: its 大学生 is a graduate, not a 大学.
    Held as the last characters, the word is the compound's head (老年大学 is a 大学)."""
    words = set(readings).union(*readings.values())
    holding: dict[str, set[str]] = {}
    for longer in readings:
        for size in range(2, len(longer)):
            for at in range(len(longer) - size):  # every start but the head's
                if longer[at : at + size] in words:
                    holding.setdefault(longer[at : at + size], set()).add(longer)
    foreign: dict[str, dict[str, tuple[str, ...]]] = {}
    for key, own in readings.items():
        mine = set(own)
        for word in own:
            others = sorted(
                longer
                for longer in holding.get(word, ())
                if longer != key and longer not in mine and not mine & set(readings[longer])
            )
            if others:
                foreign.setdefault(key, {})[word] = tuple(others)
    return foreign
