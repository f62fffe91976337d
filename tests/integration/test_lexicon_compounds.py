"""A word the field lexicon offers for a question's word is not found inside a longer
lexicon word a target writes: 学校 reads as 大学 too, but 大学生 is a graduate, not a school."""

from __future__ import annotations

LEDGER = """
[meta]
year = 2021
title = "2021年民生实事"

[[targets]]
number = 1
title = "大学生就业创业"
category = "民生保障"
target_text = "新增吸纳大学生就业创业7万人。"
progress_text = "前三季度新增吸纳大学生就业创业69841人。"

[[targets]]
number = 2
title = "中小学幼儿园建设"
category = "社会事业"
target_text = "新建、改扩建中小学、幼儿园项目80个。"
progress_text = "已完工66所。"

"""


def test_new_schools_are_the_schools_target_not_the_graduates_jobs(run_cli, tmp_path):
    ledger = tmp_path / "ledger_2021.toml"
    ledger.write_text(LEDGER, encoding="utf-8")
    assert run_cli("import", str(ledger))[0] == 0
    code, out, _ = run_cli("ask", "新学校盖好了几所")
    assert code == 0
    assert out.startswith("第2项 中小学幼儿园建设：")  # was a choice led by 大学生就业创业
    assert "大学生" not in out
