"""How a reply quotes a user's own words back: bounded, so 500 characters typed are never sent
back in full. Every layer that words a refusal uses it, the admin grammar's errors included,
so it sits in the domain (which may import nothing of the project), apart from the ledger's
types."""

from __future__ import annotations

ECHO_MAX_CHARS = 30  # of a user's words quoted back in a reply ("没有“…”这个状态")


def echoed(text: str, limit: int = ECHO_MAX_CHARS) -> str:
    """A user's words as a reply quotes them: at most `limit` characters, "…" marking a cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
