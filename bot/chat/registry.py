"""The command and button registry: each command is declared once, next to its handler.

A command module ends with `COMMANDS = (CommandSpec(...), ...)` and, if it has buttons,
`BUTTONS = (ButtonSpec(...), ...)`. The chat core builds one immutable `Registry` from those
declarations; rights checks, `/help`, the Telegram menu, the console and the authorization
test all read it, so nothing else lists commands.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from bot.chat.types import ADMIN, VIEWER, Reply, Sender

PUBLIC = "public"  # answered even without rights (/whoami: strangers need their id)
RIGHTS = (PUBLIC, VIEWER, ADMIN)

# The context is a bot.chat.context.ChatContext; `Any` keeps this module free of it.
CommandHandler = Callable[[Any, Sender, str], list[Reply]]
ButtonHandler = Callable[[Any, Sender, "str | None", str], list[Reply]]


def allows(rights: str, role: str | None) -> bool:
    """Whether a person of `role` (admin, viewer or None) may use something of `rights`."""
    if rights == PUBLIC:
        return True
    if rights == VIEWER:
        return role in (VIEWER, ADMIN)
    return role == ADMIN


@dataclass(frozen=True)
class CommandSpec:
    """One chat command: `/name`, who may use it, its one-line help, its correct form."""

    name: str
    rights: str  # PUBLIC, VIEWER or ADMIN
    help: str  # shown by /help and in the Telegram menu
    handler: CommandHandler
    usage: str = ""  # the correct form, e.g. "/grant 用户ID或群ID [备注]，例如 …"

    def __post_init__(self) -> None:
        if self.rights not in RIGHTS:
            raise ValueError(f"/{self.name}: rights must be one of {RIGHTS}, not {self.rights!r}")
        if not self.name or self.name != self.name.lower() or not self.name.isascii():
            raise ValueError(f"command names are lower-case ASCII: {self.name!r}")

    @property
    def admin(self) -> bool:
        return self.rights == ADMIN

    def allows(self, role: str | None) -> bool:
        return allows(self.rights, role)


@dataclass(frozen=True)
class ButtonSpec:
    """One kind of button, by the prefix of its callback data ("pick:12" → "pick")."""

    prefix: str
    rights: str  # PUBLIC: pressed where it was sent by anyone; its handler checks who
    handler: ButtonHandler
    refused: str = "您没有权限"  # the toast for someone with rights, but not these

    def __post_init__(self) -> None:
        if self.rights not in RIGHTS:
            raise ValueError(f"button {self.prefix}: rights must be one of {RIGHTS}")
        if not self.prefix or ":" in self.prefix:
            raise ValueError(f"a button prefix has no colon: {self.prefix!r}")

    def allows(self, role: str | None) -> bool:
        return allows(self.rights, role)


@dataclass(frozen=True)
class Registry:
    """Every command and button the chat knows, in declaration order; immutable."""

    commands: Mapping[str, CommandSpec]
    buttons: Mapping[str, ButtonSpec]

    @classmethod
    def of(
        cls,
        commands: Iterable[CommandSpec],
        buttons: Iterable[ButtonSpec] = (),
    ) -> Registry:
        """The registry of these declarations; a name or prefix declared twice is an error."""
        by_name: dict[str, CommandSpec] = {}
        for command in commands:
            if command.name in by_name:
                raise ValueError(f"/{command.name} is declared twice")
            by_name[command.name] = command
        by_prefix: dict[str, ButtonSpec] = {}
        for button in buttons:
            if button.prefix in by_prefix:
                raise ValueError(f"button prefix {button.prefix!r} is declared twice")
            by_prefix[button.prefix] = button
        return cls(MappingProxyType(by_name), MappingProxyType(by_prefix))

    def command(self, name: str) -> CommandSpec | None:
        return self.commands.get(name.lower())

    def button(self, prefix: str) -> ButtonSpec | None:
        return self.buttons.get(prefix)

    def menu(self, role: str | None) -> tuple[CommandSpec, ...]:
        """The commands a person of `role` may use, in declaration order."""
        return tuple(c for c in self.commands.values() if c.allows(role))

    def of_rights(self, rights: str) -> tuple[CommandSpec, ...]:
        """The commands declared with exactly these rights."""
        return tuple(c for c in self.commands.values() if c.rights == rights)
