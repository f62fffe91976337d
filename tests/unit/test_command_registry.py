"""The command registry: declarations in, rights and menus out; mistakes refused."""

import pytest

from bot.chat.registry import PUBLIC, ButtonSpec, CommandSpec, Registry, allows
from bot.chat.types import ADMIN, VIEWER, Reply


def _handler(context, sender, args):
    return [Reply(args)]


def test_rights_order_public_viewer_admin():
    assert [allows(PUBLIC, r) for r in (None, VIEWER, ADMIN)] == [True, True, True]
    assert [allows(VIEWER, r) for r in (None, VIEWER, ADMIN)] == [False, True, True]
    assert [allows(ADMIN, r) for r in (None, VIEWER, ADMIN)] == [False, False, True]


def test_menu_follows_declaration_order_and_rights():
    registry = Registry.of(
        (
            CommandSpec("whoami", PUBLIC, "我的ID", _handler),
            CommandSpec("list", VIEWER, "清单", _handler),
            CommandSpec("grant", ADMIN, "授权", _handler, usage="/grant ID"),
        )
    )
    assert [c.name for c in registry.menu(None)] == ["whoami"]
    assert [c.name for c in registry.menu(VIEWER)] == ["whoami", "list"]
    assert [c.name for c in registry.menu(ADMIN)] == ["whoami", "list", "grant"]
    assert [c.name for c in registry.of_rights(ADMIN)] == ["grant"]
    assert registry.command("GRANT").usage == "/grant ID"
    assert registry.command("nope") is None


def test_a_name_or_prefix_declared_twice_is_refused():
    with pytest.raises(ValueError, match="twice"):
        Registry.of(
            (CommandSpec("a", VIEWER, "", _handler), CommandSpec("a", ADMIN, "", _handler))
        )
    button = ButtonSpec("pick", VIEWER, _handler)
    with pytest.raises(ValueError, match="twice"):
        Registry.of((), (button, button))


def test_bad_declarations_are_refused():
    with pytest.raises(ValueError, match="rights"):
        CommandSpec("x", "owner", "", _handler)
    with pytest.raises(ValueError, match="lower-case"):
        CommandSpec("Grant", ADMIN, "", _handler)
    with pytest.raises(ValueError, match="colon"):
        ButtonSpec("a:b", VIEWER, _handler)


def test_the_registry_cannot_be_changed_after_it_is_built():
    registry = Registry.of((CommandSpec("a", VIEWER, "", _handler),))
    with pytest.raises(TypeError):
        registry.commands["b"] = registry.commands["a"]  # type: ignore[index]
