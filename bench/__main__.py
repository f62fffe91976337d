"""`make bench`: accuracy beside plain baselines, conversations, speed against BM25 in the same
run, start-up and the unmatched log, then the goals of issue 11, met or not; Markdown on stdout.

Every figure is measured in this run; nothing is hard-coded, and nothing is tuned on a blind
set (the one swept parameter, WRatio's cutoff, is swept on the training set only). A section
that cannot run prints "n/a" with its reason, and the others go on.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import importlib
import os
import platform
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from bench.goals import goals
from bench.report import NA, Figures
from bot.config import PROJECT_ROOT

# Each section's module is imported when it runs, so a missing piece (bm25s, say) costs
# only the sections that need it.
SECTIONS: dict[str, tuple[str, str]] = {
    "accuracy": ("Accuracy per question set", "bench.accuracy:accuracy"),
    "conversations": ("Conversations: follow-up questions", "bench.accuracy:conversations"),
    "speed": ("Speed per question against BM25, in the same run", "bench.speed:speed"),
    "startup": ("Cold start of `python main.py ask`", "bench.speed:cold_start"),
    "log": ("Cost of the unmatched-question log", "bench.speed:unmatched_log"),
    "years": ("Several years in one database", "bench.years:years"),
    "drafting": ("`import-report` drafts against expectations", "bench.drafting:agreement_tables"),
}


def run_named(name: str, *args, **kwargs) -> None:
    """Import "module:function" and call it."""
    module, function = name.split(":")
    getattr(importlib.import_module(module), function)(*args, **kwargs)


def section(title: str, run: Callable[[], None]) -> None:
    """Print one section; a failure prints "n/a" and its reason instead of ending the bench."""
    print(f"\n## {title}\n", flush=True)
    started = time.perf_counter()
    try:
        run()
    except Exception as exc:  # noqa: BLE001 - one broken section must not hide the others
        reason = traceback.format_exception_only(exc)[-1].strip()
        print(f"{NA}: this section could not run ({reason})")
    print(f"\n_(section: {time.perf_counter() - started:.1f} s)_", flush=True)


def machine() -> str:
    """When, on what, and at which commit this run was measured."""
    cpu = platform.processor() or NA
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    commit = subprocess.run(
        ["git", "describe", "--always", "--dirty"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return (
        f"{dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}; {cpu}, {os.cpu_count()} cores; "
        f"Python {platform.python_version()}; commit {commit or NA}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--only",
        choices=tuple(SECTIONS),
        action="append",
        help="run only this section (repeatable; skips the load run); goals always print",
    )
    parser.add_argument(
        "--misses",
        action="store_true",
        help="list misses on the sets that may be tuned on (never blind)",
    )
    parser.add_argument(
        "--dev-only",
        action="store_true",
        help="score only the sets tuned on (training, dev): no blind set, no blind conversations",
    )
    parser.add_argument("--no-load", action="store_true", help="skip the Telegram load run")
    args = parser.parse_args(argv)
    figures = Figures()
    print(f"# make bench\n\n{machine()}")
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        workdir = Path(tmp)
        for key, (title, name) in SECTIONS.items():
            if args.only and key not in args.only or args.dev_only and key == "conversations":
                continue
            folder = workdir / key
            folder.mkdir()
            misses = key in ("accuracy", "drafting") and args.misses
            options = {"show_misses": True} if misses else {}
            if args.dev_only and key == "accuracy":
                options["dev_only"] = True
            section(title, functools.partial(run_named, name, figures, folder, **options))
    section("Goals", lambda: goals(figures))
    if not (args.no_load or args.only):
        from bench import flood, load

        load.main()
        flood.main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
