"""This project's answering core as the bench drives it: in process, and through the CLI.

The bench only uses the core's public contract (`Answerer(...).ask`, `refresh`,
`bootstrap.build_answerer`, `python main.py ask --json [--conversation]`), so a rebuilt core
is measured without changes here; a piece that is missing shows as "n/a", never a crash.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bot.config import PROJECT_ROOT, Config, load_config
from bot.domain.ledger import LedgerSpec
from bot.render.ledger_toml import dump_ledger
from bot.understanding.evaluation import Reply

MAIN = PROJECT_ROOT / "main.py"


def write_config(folder: Path, ledger_file: Path) -> Path:
    """A config for a fresh SQLite database in `folder`, seeded from `ledger_file`."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "config.toml"
    path.write_text(
        f'[database]\nurl = "sqlite:///{folder / "ledger.db"}"\n'
        f'[paths]\nvar_dir = "{folder / "var"}"\n'
        f'[ledger]\nfile = "{ledger_file}"\n',
        encoding="utf-8",
    )
    return path


def judged_on(ledger: LedgerSpec) -> tuple[Config, object]:
    """The default config and the day it judges `ledger` on, as `python main.py ask` does."""
    config = Config()
    return config, config.status_date(ledger.year)


def build_core(ledger: LedgerSpec, workdir: Path | None = None):
    """An `Answerer` over `ledger` on the day the CLI would judge it.

    Built directly, as `bootstrap.build_answerer` builds it; if the constructor has changed,
    through `build_answerer` itself on a SQLite database seeded with the ledger.
    """
    from bot.understanding.answering import Answerer

    config, today = judged_on(ledger)
    try:
        from bot.understanding.lexicon import load_lexicon

        return Answerer(ledger, load_lexicon(), today=today, tz=config.tz)
    except (ImportError, TypeError):
        if workdir is None:
            raise
    from bot.app.services import build_answerer, open_engine

    workdir.mkdir(parents=True, exist_ok=True)
    ledger_file = workdir / "ledger.toml"
    ledger_file.write_text(dump_ledger(ledger), encoding="utf-8")
    config = load_config(write_config(workdir, ledger_file), environ={})
    return build_answerer(open_engine(config), config)


def ask_of(answerer) -> Callable[[str], Reply]:
    """The scorer's view of the core: (intent, ranked targets)."""

    def ask(question: str) -> Reply:
        answer = answerer.ask(question)
        return answer.intent, list(answer.targets)

    return ask


@dataclass(frozen=True)
class ConversationRun:
    replies: list[list[Reply]]
    with_context: bool  # False: each turn was asked on its own (no conversation support)
    how: str


def cli_supports_conversation() -> bool:
    """True when `python main.py ask` accepts `--conversation` (the issue's CLI contract)."""
    done = subprocess.run(
        [sys.executable, str(MAIN), "ask", "--help"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return done.returncode == 0 and "--conversation" in done.stdout


def cli_conversations(config_path: Path, conversations: list[dict]) -> list[list[Reply]]:
    """All conversations through one `ask --json --conversation` process (empty line = new)."""
    lines = []
    for conversation in conversations:
        lines.extend(turn["q"] for turn in conversation["turns"])
        lines.append("")
    done = subprocess.run(
        [sys.executable, str(MAIN), "ask", "--json", "--conversation", "--config", config_path],
        cwd=PROJECT_ROOT,
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    answers = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    return replies_by_conversation(conversations, answers)


def replies_by_conversation(conversations: list[dict], answers: list[dict]) -> list[list[Reply]]:
    """Cut the CLI's JSON answers (one per turn, in order) back into conversations."""
    turns = sum(len(c["turns"]) for c in conversations)
    if turns != len(answers):  # a reply too many or too few would shift every later turn
        raise ValueError(f"{len(answers)} JSON replies for {turns} turns")
    replies, at = [], 0
    for conversation in conversations:
        chunk = answers[at : at + len(conversation["turns"])]
        replies.append([(a["intent"], list(a["targets"])) for a in chunk])
        at += len(chunk)
    return replies


def run_conversations(
    conversations: list[dict],
    ledger_file: Path,
    workdir: Path,
    single: Callable[[], Callable[[str], Reply]],
) -> ConversationRun:
    """Through the CLI's conversation mode when it exists; else each turn on its own through
    the `ask` that `single()` builds."""
    if cli_supports_conversation():
        config_path = write_config(workdir / "conversation", ledger_file)
        return ConversationRun(
            cli_conversations(config_path, conversations),
            True,
            "`python main.py ask --json --conversation`",
        )
    ask = single()
    replies = [[ask(turn["q"]) for turn in c["turns"]] for c in conversations]
    return ConversationRun(replies, False, "each turn asked on its own (in process)")
