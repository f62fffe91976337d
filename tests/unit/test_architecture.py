"""The layers' import rules, read from the source (every import, TYPE_CHECKING and
function-level ones included): what each layer may import, no telegram outside the adapters,
no database or chat library in the pure layers, database sessions built in the unit of work
alone, no `global` state, no import cycles, and no module over the size limit.
docs/ARCHITECTURE.md explains them."""

from __future__ import annotations

import ast
from pathlib import Path

BOT = Path(__file__).resolve().parents[2] / "bot"
MAX_LINES = 450

# What each layer may import from the project, besides itself and `bot.config`. Rendering
# is pure presentation of domain values, so understanding may use it for an answer's reply.
ALLOWED = {
    "domain": set(),
    "render": {"domain"},
    "understanding": {"domain", "render"},
    "drafting": {"domain", "understanding", "render"},
    "store": {"domain"},
    "app": {"domain", "understanding", "drafting", "store", "render"},
    "chat": {"domain", "understanding", "app", "render", "store"},
    "adapters": {"domain", "understanding", "drafting", "app", "render", "chat", "store"},
    "config": {"domain"},
}


def module_name(path: Path) -> str:
    parts = path.relative_to(BOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {
        module_name(p): p
        for p in BOT.rglob("*.py")
        if "versions" not in p.parts  # Alembic revisions are data, run by Alembic
    }


def imports_of(path: Path, name: str) -> set[str]:
    """Every module this file imports, however it is written (relative ones resolved)."""
    found: set[str] = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def project_imports() -> dict[str, set[str]]:
    known = modules()
    return {
        name: {m for m in imports_of(path, name) if m in known and m != name}
        for name, path in known.items()
    }


# Libraries that reach a database or a chat platform: the pure layers, which the bench and the
# drafting tools run without either, import none of them.
IO_LIBRARIES = ("sqlalchemy", "sqlmodel", "alembic", "sqlite3", "telegram")
PURE_LAYERS = ("domain", "understanding", "render", "drafting")
# The one module that builds a database session (docs/ARCHITECTURE.md, "Sessions and the unit
# of work"): every other module takes one from it.
SESSION_MAKER = "bot.store.uow"


def layer(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "bot"


def test_only_the_adapters_import_telegram():
    offenders = sorted(
        name
        for name, path in modules().items()
        if layer(name) != "adapters"
        and any(m == "telegram" or m.startswith("telegram.") for m in imports_of(path, name))
    )
    assert offenders == []


def test_each_layer_imports_only_the_layers_below_it():
    wrong = sorted(
        f"{name} -> {target}"
        for name, targets in project_imports().items()
        for target in targets
        if layer(name) in ALLOWED
        and layer(target) not in ALLOWED[layer(name)] | {layer(name), "config", "bot"}
    )
    assert wrong == []


def test_there_are_no_import_cycles():
    graph = project_imports()
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if nxt.startswith(node + "."):
                continue  # a package importing its own submodule is not a cycle
            if state.get(nxt) == 1:
                cycles.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for start in sorted(graph):
        if start not in state:
            visit(start, [start])
    assert cycles == []


def test_no_module_is_over_the_size_limit():
    long = sorted(
        f"{name} ({n} lines)"
        for name, path in modules().items()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    )
    assert long == []


def test_the_pure_layers_import_no_database_or_chat_library():
    wrong = sorted(
        f"{name} -> {m}"
        for name, path in modules().items()
        if layer(name) in PURE_LAYERS
        for m in imports_of(path, name)
        if m.split(".")[0] in IO_LIBRARIES
    )
    assert wrong == []


def calls_named(path: Path, names: set[str]) -> list[int]:
    """The lines where `path` calls one of `names` (as `Session(…)` or `sqlmodel.Session(…)`)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            func = node.func
            called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if called in names:
                found.append(node.lineno)
    return found


def test_only_the_unit_of_work_builds_a_database_session():
    builders = {"Session", "sessionmaker", "scoped_session"}
    wrong = sorted(
        f"{name}:{line}"
        for name, path in modules().items()
        if name != SESSION_MAKER
        for line in calls_named(path, builders)
    )
    assert wrong == []


def test_no_module_keeps_state_in_a_global():
    """Module state rebinds a name with `global`; the house style keeps state in objects."""
    wrong = sorted(
        f"{name}:{node.lineno}"
        for name, path in modules().items()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Global)
    )
    assert wrong == []
