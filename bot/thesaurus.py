"""The former name of the field lexicon (bot.lexicon), kept for callers that import it."""

from __future__ import annotations

from bot.lexicon import DEFAULT_LEXICON as DEFAULT_THESAURUS
from bot.lexicon import FieldLexicon as Thesaurus
from bot.lexicon import load_lexicon as load_thesaurus

__all__ = ["DEFAULT_THESAURUS", "Thesaurus", "load_thesaurus"]
