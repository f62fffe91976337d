"""Ask the 2020 ledger's training, dev and dev2 questions once each, for a profiler.

The speed helpers' fixed loop: one `Answerer` on the 2020 ledger, 20 warm-up questions,
then the 805 questions inside `operator.call`, so that callgrind counts that call only
(the same code counts the same instructions to ±0.01%, however loaded the machine is):

    PYTHONHASHSEED=0 PYTHONPATH=. setarch -R valgrind --tool=callgrind --collect-atstart=no \
      --toggle-collect='_operator_call*' .venv/bin/python scripts/question_loop.py
    PYTHONPATH=. .venv/bin/python scripts/question_loop.py --profile   # cProfile, top 40
    PYTHONPATH=. .venv/bin/python scripts/question_loop.py --time      # CPU ms a question
"""

from __future__ import annotations

import argparse
import operator
import time

from bench.core import judged_on
from bench.sets import DEV2_2020, DEV_2020, TRAINING
from bot.config import DEFAULT_LEDGER_FILE
from bot.render.ledger_toml import load_ledger_file
from bot.understanding.answering import Answerer
from bot.understanding.evaluation import load_eval_set
from bot.understanding.lexicon import load_lexicon

WARM_UP = 20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", action="store_true", help="cProfile, by own time")
    parser.add_argument("--time", action="store_true", help="CPU time, best of 5 loops")
    args = parser.parse_args()
    # cn2an (imported by figures on first use) costs millions of instructions to import.
    import cn2an  # noqa: F401

    ledger = load_ledger_file(DEFAULT_LEDGER_FILE)
    config, today = judged_on(ledger)
    answerer = Answerer(ledger, load_lexicon(), today=today, tz=config.tz)
    questions = [i["q"] for s in (TRAINING, DEV_2020, DEV2_2020) for i in load_eval_set(s)]
    for q in questions[:WARM_UP]:
        answerer.ask(q)

    def loop() -> None:
        for q in questions:
            answerer.ask(q)

    if args.profile:
        import cProfile
        import pstats

        profile = cProfile.Profile()
        profile.runcall(loop)
        pstats.Stats(profile).sort_stats("tottime").print_stats(40)
    elif args.time:
        best = min(_cpu(loop) for _ in range(5))
        print(f"{len(questions)} questions: {best * 1e3 / len(questions):.4f} ms CPU a question")
    else:
        operator.call(loop)


def _cpu(call) -> float:
    start = time.process_time()
    call()
    return time.process_time() - start


if __name__ == "__main__":
    main()
