"""Whether a spreadsheet is another year's export (bot/app/imports.py), over the 2020 ledger."""

from __future__ import annotations

import dataclasses

from bot.app.imports import another_years_targets


def with_targets(ledger, change, numbers):
    targets = tuple(change(t) if t.number in numbers else t for t in ledger.targets)
    return dataclasses.replace(ledger, targets=targets)


def renamed(t):
    return dataclasses.replace(t, title=t.title + "（新）", target_text="另一年的目标任务。")


def reworded(t):
    return dataclasses.replace(t, progress_text="十二月的进展。")


def test_the_same_sheet_or_new_progress_is_this_years(ledger_2020):
    assert another_years_targets(ledger_2020, ledger_2020) == []
    updated = with_targets(ledger_2020, reworded, {1, 2, 3})
    assert another_years_targets(updated, ledger_2020) == []


def test_most_changed_targets_renamed_is_another_years_sheet(ledger_2020):
    sheet = with_targets(ledger_2020, renamed, {1, 2, 3})
    assert [t.number for t in another_years_targets(sheet, ledger_2020)] == [1, 2, 3]


def test_one_renamed_target_or_a_minority_is_not(ledger_2020):
    one = with_targets(ledger_2020, renamed, {1})
    assert another_years_targets(one, ledger_2020) == []
    mixed = with_targets(with_targets(ledger_2020, renamed, {1, 2}), reworded, {3, 4, 5})
    assert another_years_targets(mixed, ledger_2020) == []
