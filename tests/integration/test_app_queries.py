"""The read use cases over a real SQLite store: a year's ledger, and the years held."""

from __future__ import annotations

import pytest

from bot.app.queries import YearMissing, ledger_of, years_held


def test_the_latest_year_and_the_years_held(engine):
    assert years_held(engine) == {2020: 66}
    assert ledger_of(engine, year=None).year == 2020


def test_a_year_not_held_names_the_years_that_are(engine):
    with pytest.raises(YearMissing) as info:
        ledger_of(engine, year=1999)
    assert info.value.year == 1999 and info.value.held == {2020: 66}
    assert str(info.value) == "数据库中没有1999年的台账"
