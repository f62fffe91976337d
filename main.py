"""督查台账助手 entry point: `python main.py --help` lists the subcommands."""

import sys

from bot.adapters.cli import main

if __name__ == "__main__":
    sys.exit(main())
