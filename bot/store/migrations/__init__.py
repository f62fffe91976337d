"""Alembic migrations of the ledger schema, configured from code (no alembic.ini).

Revision ids are the four-digit prefixes of the files in versions/ (0001, 0002, ...) and the
history is a straight line, so the head is the highest prefix: start-up can tell a database
is up to date without importing Alembic. `python -m bot.store.migrations --help` runs Alembic's
commands (revision, upgrade, current, stamp, history) against the configured database.
"""

from __future__ import annotations

import re
from pathlib import Path

MIGRATIONS_DIR = Path(__file__).resolve().parent
VERSIONS_DIR = MIGRATIONS_DIR / "versions"
# The revision that matches the schema `create_all` made before migrations existed: a
# database that has the tables but no alembic_version is stamped here, then upgraded.
BASELINE_REVISION = "0001"
_REVISION_FILE = re.compile(r"^(\d{4})_\w+\.py$")


def revision_files() -> dict[str, Path]:
    """Revision id -> file, from the names in versions/."""
    return {
        match.group(1): path
        for path in VERSIONS_DIR.iterdir()
        if (match := _REVISION_FILE.match(path.name))
    }


def head_revision() -> str:
    """The newest revision id: the highest prefix in versions/ (the history is linear)."""
    return max(revision_files())


def previous_revision(rev_id: str) -> str | None:
    """The highest revision id below `rev_id` present in versions/, None for the first.

    Helpers' migrations land in any order (0003 may merge before 0002); a revision that names
    its predecessor through this keeps the line straight either way.
    """
    below = [r for r in revision_files() if r < rev_id]
    return max(below) if below else None


def next_revision_id() -> str:
    return f"{int(head_revision()) + 1:04d}"
