"""The list filters every front end shares (bot/app/queries.py), over the 2020 ledger."""

from __future__ import annotations

import datetime as dt

from bot.app.queries import TargetFilter, count_by_status, filter_of_word, select_targets

TODAY = dt.date(2021, 1, 15)


def numbers(rows):
    return [row.target.number for row in rows]


def test_no_filter_keeps_every_target_in_ledger_order(ledger_2020):
    rows = select_targets(ledger_2020.targets, TODAY)
    assert numbers(rows) == [t.number for t in ledger_2020.targets]


def test_status_filter_matches_the_cli_contract(ledger_2020):
    rows = select_targets(ledger_2020.targets, TODAY, TargetFilter(status="未完成"))
    assert numbers(rows) == [16, 35, 62]
    assert {row.status for row in rows} == {"未完成"}


def test_criteria_combine_and_lead_only_narrows_the_unit(ledger_2020):
    any_unit = select_targets(ledger_2020.targets, TODAY, TargetFilter(unit="民政局"))
    lead = select_targets(ledger_2020.targets, TODAY, TargetFilter(unit="民政局", lead_only=True))
    assert {3, 4, 15, 39, 45} <= set(numbers(any_unit))
    assert set(numbers(lead)) <= set(numbers(any_unit))
    assert all(any("民政局" in u.name for u in row.target.lead_units) for row in lead)
    both = select_targets(
        ledger_2020.targets, TODAY, TargetFilter(unit="民政局", category="民生保障")
    )
    assert all(row.target.category == "民生保障" for row in both)
    assert set(numbers(both)) <= set(numbers(any_unit))


def test_a_chat_word_is_a_status_then_a_category_then_a_unit():
    assert filter_of_word("滞后") == TargetFilter(status="滞后")
    assert filter_of_word("生态环境") == TargetFilter(category="生态环境")
    assert filter_of_word("民政局") == TargetFilter(unit="民政局")


def test_counts_add_up_to_the_ledger(ledger_2020):
    counts = count_by_status(ledger_2020.targets, TODAY)
    assert sum(counts.values()) == len(ledger_2020.targets)
    assert counts["未完成"] == 3
