"""Alembic's command line on the configured database, with no alembic.ini.

    python -m bot.store.migrations [--config PATH] revision --autogenerate -m "add foo"
    python -m bot.store.migrations upgrade head
    python -m bot.store.migrations current | history | stamp REV

The database is `[database] url` of the config (or DATABASE_URL), as for the bot. A new
revision gets the next four-digit id (0002, 0003, ...) unless --rev-id is given.
"""

from __future__ import annotations

import sys

from alembic.config import CommandLine

from bot.config import load_config
from bot.store.database import alembic_config
from bot.store.migrations import next_revision_id


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    config_path = None
    if argv[:1] == ["--config"] and len(argv) > 1:
        config_path, argv = argv[1], argv[2:]
    cli = CommandLine(prog="python -m bot.store.migrations [--config PATH]")
    options = cli.parser.parse_args(argv)
    if not hasattr(options, "cmd"):
        cli.parser.print_help()
        return 2
    if options.cmd[0].__name__ == "revision" and not options.rev_id:
        options.rev_id = next_revision_id()
    url = load_config(config_path).database_url
    cli.run_cmd(alembic_config(url=url), options)
    return 0


if __name__ == "__main__":
    sys.exit(main())
