"""A ledger TOML names its responsible units as /assign and a sheet do: a short or former name
is the unit the database holds, an unknown one is refused naming its target and key, and a new
unit is taken only when it says `new = true`. A refused file imports nothing."""

from __future__ import annotations

import json

LEDGER = """
[meta]
year = 2021
title = "2021年县工作责任目标台账"

[[targets]]
number = 1
title = "新增贷款"
category = "经济发展"
target_text = "2021年新增贷款完成16亿元。"

[[targets.units]]
name = "金融办"

[[targets.units]]
name = "卫生局"
role = "assist"

[[targets]]
number = 2
title = "档案数字化"
category = "社会事业"
target_text = "完成馆藏档案数字化10万卷。"

[[targets.units]]
name = "县档案馆"
{new}
"""


def _write(tmp_path, new: str = ""):
    path = tmp_path / "ledger_2021.toml"
    path.write_text(LEDGER.format(new=new), encoding="utf-8")
    return str(path)


def test_an_unknown_unit_is_refused_by_target_and_key_and_nothing_is_imported(run_cli, tmp_path):
    code, out, err = run_cli("import", _write(tmp_path))
    assert code == 2 and out == ""
    assert "责任单位有误，未导入任何内容" in err
    assert "第2项目标 units[0].name：台账中没有“县档案馆”这个责任单位。" in err
    assert "如确需新增，请在这个单位下加一行 new = true" in err
    assert "金融办" not in err and "卫生局" not in err  # those two resolve
    _, years, _ = run_cli("years", "--json")
    assert [y["year"] for y in json.loads(years)] == [2020]


def test_known_units_resolve_as_assign_reads_them_and_a_new_one_is_taken_when_marked(
    run_cli, tmp_path
):
    code, out, _ = run_cli("import", _write(tmp_path, "new = true"))
    assert code == 0 and out.startswith("新增2021年台账")
    _, shown, _ = run_cli("show", "1", "--year", "2021")
    assert "责任单位：县金融工作局(牵头,推定)、县卫健委(配合,推定)" in shown
    _, shown, _ = run_cli("show", "2", "--year", "2021")
    assert "责任单位：县档案馆(牵头,推定)" in shown


def test_an_ambiguous_unit_lists_the_units_it_may_be(run_cli, tmp_path):
    path = tmp_path / "ledger_2021.toml"
    path.write_text(LEDGER.format(new="").replace("县档案馆", "县局"), encoding="utf-8")
    code, _, err = run_cli("import", str(path))
    assert code == 2
    assert "第2项目标 units[0].name：“县局”可能是：" in err and "请写出全称" in err
