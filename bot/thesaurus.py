"""The domain thesaurus: everyday words mapped to the ledger's own vocabulary."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_THESAURUS = Path(__file__).resolve().parent.parent / "data" / "thesaurus.toml"


@dataclass(frozen=True)
class Thesaurus:
    synonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    stopwords: frozenset[str] = frozenset()
    out_of_scope_cues: tuple[str, ...] = ()
    other_places: tuple[str, ...] = ()


def load_thesaurus(path: Path = DEFAULT_THESAURUS) -> Thesaurus:
    """Read the thesaurus TOML; a missing file gives an empty thesaurus."""
    if not path.exists():
        return Thesaurus()
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    synonyms = {
        str(key).lower(): tuple(str(v) for v in values)
        for key, values in raw.get("synonyms", {}).items()
        if isinstance(values, list)
    }
    oos = raw.get("out_of_scope", {})
    return Thesaurus(
        synonyms=synonyms,
        stopwords=frozenset(raw.get("stopwords", {}).get("words", [])),
        out_of_scope_cues=tuple(oos.get("cues", [])),
        other_places=tuple(oos.get("places", [])),
    )
