"""The CLI as the integration tests run it: a config over a copy of the seeded ledger, and
`python main.py ARGS` in-process."""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

from bot.adapters.cli import main


def seeded_cli_config(folder: Path, seeded: Path, today: str) -> Path:
    """`folder`/config.toml over `folder`/cli.db (a copy of `seeded` unless one is there),
    pinned to `today`, its var/ in `folder`."""
    db = folder / "cli.db"
    if not db.exists():
        shutil.copyfile(seeded, db)
    path = folder / "config.toml"
    path.write_text(
        f'[database]\nurl = "sqlite:///{db}"\n[ledger]\ntoday = "{today}"\n'
        f'[paths]\nvar_dir = "{folder / "var"}"\n',
        encoding="utf-8",
    )
    return path


def run_main(config: Path, *args: str) -> tuple[int, str, str]:
    """`python main.py ARGS --config CONFIG`: (exit status, stdout, stderr); a refusal by
    argparse (bot/adapters/cli.py words it in Chinese) is its exit status too."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([*args, "--config", str(config)])
        except SystemExit as exc:
            code = exc.code
    return code, out.getvalue(), err.getvalue()
