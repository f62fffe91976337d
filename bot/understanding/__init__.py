"""Reading questions: normalisation, the field lexicon, matching, intents, conversation context."""
