"""The CLI imports a command's module only when that command runs, and every command's
"module:function" names a function that exists."""

import subprocess
import sys

from bot.adapters.cli import _resolve, build_parser
from bot.config import PROJECT_ROOT


def test_importing_the_cli_imports_no_command_module_and_no_database_layer():
    code = (
        "import sys, bot.adapters.cli\n"
        "heavy = ('bot.adapters.cli_', 'bot.app', 'bot.store', 'bot.drafting', 'sqlalchemy',"
        " 'sqlmodel', 'numpy')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_every_command_resolves_to_its_function():
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices
    for name, sub in commands.items():
        handler = _resolve(sub.get_default("handler"))
        assert callable(handler), name
        assert handler.__name__ in (f"cmd_{name.replace('-', '_')}", "cmd_evidence"), name
