"""A unit list picks the unit the question writes most fully, the same on every run: a
county and a city office of one name ("县民政局", "市民政局") are told apart by the full name."""

import dataclasses
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from bot.domain.ledger import UnitSpec
from tests.auxil.ledgers import answerer_on

ROOT = Path(__file__).resolve().parents[2]


def _two_civil_affairs_offices(ledger):
    """Target 1 is the county office's and target 2 the city office's alone; the rest keep
    their units (many names of one length, which a set once ordered differently per run)."""
    units = {1: (UnitSpec("县民政局"),), 2: (UnitSpec("市民政局"),)}
    targets = [dataclasses.replace(t, units=units.get(t.number, t.units)) for t in ledger.targets]
    return dataclasses.replace(ledger, targets=tuple(targets))


def _answerer_for(ledger):
    return answerer_on(_two_civil_affairs_offices(ledger), dt.date(2020, 10, 20))


def test_the_unit_written_in_full_wins_over_one_it_contains(ledger_2020):
    answerer = _answerer_for(ledger_2020)
    assert answerer.ask("市民政局负责的").targets == (2,)
    county = answerer.ask("县民政局负责的").targets
    assert 1 in county and 2 not in county


def test_units_are_ordered_the_same_whatever_the_hash_seed(ledger_2020):
    # the names were once sorted from a set by length alone, so equal lengths swapped per run
    code = (
        "from tests.unit.test_unit_list_names import _answerer_for;"
        "from bot.config import DEFAULT_LEDGER_FILE;"
        "from bot.render.ledger_toml import load_ledger_file;"
        "print(_answerer_for(load_ledger_file(DEFAULT_LEDGER_FILE)).unit_names)"
    )
    orders = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=ROOT
        )
        assert run.returncode == 0, run.stderr
        orders.add(run.stdout)
    assert len(orders) == 1
