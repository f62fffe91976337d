"""constraints.txt pins every package the project installs, at the version installed."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]


def pins() -> dict[str, str]:
    lines = (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
    found = {}
    for line in lines:
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            found[canonical(name)] = version.strip()
    return found


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_declared_dependency_is_pinned_at_its_declared_version():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = project["dependencies"] + project["optional-dependencies"]["dev"]
    pinned = pins()
    for text in declared:
        requirement = Requirement(text)
        name = canonical(requirement.name)
        assert name in pinned, f"{name} is not in constraints.txt: run make lock"
        assert requirement.specifier.contains(pinned[name]), (name, pinned[name])


def test_every_installed_package_is_the_pinned_version():
    pinned = pins()
    for dist in metadata.distributions():
        name = canonical(dist.metadata["Name"])
        if name in ("ledger-bot", "setuptools"):
            continue
        assert name in pinned, f"{name} is installed but not pinned: run make lock"
        assert dist.version == pinned[name], (name, dist.version, pinned[name])
