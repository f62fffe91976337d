"""Files the bot creates are owner-only: the database, its folder, exports and caches."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from bot.adapters.cli import main


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def loose_umask():
    """The usual 022 umask, under which files would be world-readable."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def test_the_cli_creates_database_exports_and_caches_owner_only(tmp_path, capsys, loose_umask):
    var = tmp_path / "var"
    config = tmp_path / "config.toml"
    config.write_text(
        f'[database]\nurl = "sqlite:///{var / "ledger.db"}"\n[ledger]\ntoday = "2021-01-15"\n'
        f'[paths]\nvar_dir = "{var}"\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    out.mkdir()
    runs = [
        ["export", "--format", "csv", "-o", str(out / "ledger.csv")],
        ["export", "--format", "xlsx", "-o", str(out / "ledger.xlsx")],
        ["export", "--format", "toml", "-o", str(out / "ledger.toml")],
        ["report", "--format", "docx", "-o", str(out / "report.docx")],
        ["ask", "新增贷款完成了吗"],
    ]
    for args in runs:
        assert main([*args, "--config", str(config)]) == 0, args
    capsys.readouterr()
    created = [var] + sorted(var.rglob("*")) + sorted(out.iterdir())
    assert var / "ledger.db" in created and var / "log" / "ledger.log" in created
    for path in created:
        wanted = 0o700 if path.is_dir() else 0o600
        assert mode(path) == wanted, (path, oct(mode(path)))
    assert os.umask(0o022) == 0o022  # main put the caller's umask back
