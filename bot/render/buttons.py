"""A reply's button as plain data, shared by the chat core and the use cases that send notices.

Every front end draws these the same way: a label and namespaced callback data.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.ledger import drop_bidi_controls, strip_control_characters


def shown_text(text: str) -> str:
    """Text as a reply shows it: no control characters but newline and tab, no bidi controls."""
    return drop_bidi_controls(strip_control_characters(text))


@dataclass(frozen=True)
class Button:
    label: str
    data: str  # namespaced ("pick:12"), at most 64 bytes

    def __post_init__(self) -> None:
        object.__setattr__(self, "label", shown_text(self.label))
