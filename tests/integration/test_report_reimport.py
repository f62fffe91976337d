"""Last year's report, as the bot wrote it, becomes next year's input: `report -o r.docx`, then
`import-report r.docx`. The Word report sorts the targets into sections by field, each keeping
its number, and closes each target's line on its status and lead unit; before, the draft held
only the first section's 24 of the 2020 ledger's 66 targets. The Markdown report (`-o r.md`) was
refused outright ("第1行：没有找到编号的目标"): its "**1\\. …** 🟢已完成" lines are read as the
Word report's are."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT
from bot.drafting.agreement import agreement, expect_from_ledger
from bot.drafting.drafter import draft
from bot.drafting.report_text import parse_report
from bot.render.ledger_toml import load_ledger_file
from bot.render.report_files import read_report_text

CURATED = PROJECT_ROOT / "data" / "ledger_2020.toml"


@pytest.mark.parametrize("as_of", ["2020-10-23", "2021-01-15"])
@pytest.mark.parametrize("suffix", [".docx", ".txt", ".md"])
def test_the_bots_own_report_reimports_as_its_ledger(run_cli, tmp_path, suffix, as_of):
    report = tmp_path / f"2020年落实情况{suffix}"
    code, _, err = run_cli("report", "--as-of", as_of, "-o", str(report))
    assert code == 0, err
    out = tmp_path / "draft.toml"
    code, said, err = run_cli("import-report", str(report), "-o", str(out))
    said += err
    assert code == 0, err
    assert "找到66项目标" in said
    curated = load_ledger_file(CURATED)
    reimported = load_ledger_file(out)
    assert [t.number for t in reimported.targets] == [t.number for t in curated.targets]
    assert reimported.year == 2020

    text = read_report_text(Path(report))
    drafted = draft(parse_report(text), text, today=dt.date(2021, 1, 15))
    found = agreement(drafted.ledger, expect_from_ledger(curated), drafted.judging_day)
    for field, floor in (("pairs", 0.9), ("statuses", 0.9), ("deadlines", 0.95)):
        assert found.scores[field].rate >= floor, (field, found.misses[field])
    by_number = {t.number: t for t in curated.targets}
    assert all(t.target_text == by_number[t.number].target_text for t in drafted.ledger.targets)
