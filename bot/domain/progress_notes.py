"""The dated notes appended to a target's progress text (/note, a unit's approved report)."""

from __future__ import annotations

import datetime as dt
import re

_APPENDED_NOTE = re.compile(r"\n(?=（\d{4}-\d{2}-\d{2}补充）)")


def note_words(day: dt.date) -> str:
    """How a note is dated where it is appended: "（2020-12-01补充）"."""
    return f"（{day:%Y-%m-%d}补充）"


def appended_notes(progress_text: str) -> str | None:
    """The dated notes /note appended to a progress text (each opens with its day), or None
    when it holds none: what a person added to the text as it was imported."""
    parts = _APPENDED_NOTE.split(progress_text, maxsplit=1)
    return parts[1] if len(parts) == 2 else None


def latest_note(progress_text: str) -> str | None:
    """The last dated note appended to a progress text, or None when it holds none."""
    parts = _APPENDED_NOTE.split(progress_text)
    return parts[-1] if len(parts) > 1 else None
