"""What an import decides before it writes: whether a file is another year's ledger.

A sheet (or a ledger TOML, such as an import-report draft whose year was guessed) whose rows
rename and reword most of the targets they change is another year's ledger: imported as a
year the database holds, it would overwrite that year's targets."""

from __future__ import annotations

from bot.domain.ledger import LedgerSpec, TargetSpec


def _shown(t: TargetSpec) -> tuple:
    return (t.title, t.target_text, t.progress_text, t.indicators)


def another_years_targets(sheet: LedgerSpec, base: LedgerSpec) -> list[TargetSpec]:
    """The sheet's targets whose 简称 and 目标任务 both differ from `base`, when at least two
    do and they are most of the targets it changes; otherwise none. A number `base` lacks is
    a new target, not a changed one (a TOML file may add targets)."""
    known = base.by_number()
    held = [t for t in sheet.targets if t.number in known]
    changed = [t for t in held if _shown(t) != _shown(known[t.number])]
    renamed = [
        t
        for t in changed
        if t.title != known[t.number].title and t.target_text != known[t.number].target_text
    ]
    return renamed if len(renamed) >= 2 and len(renamed) * 2 > len(changed) else []
