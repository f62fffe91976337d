"""Issue 12's "done when" for several years, through the CLI: a new year's report drafted and
imported beside 2020, `years` lists both, `list --year 2020` is unchanged byte for byte, and
a question naming 2020 answers from 2020; `--year` on every reading command, JSON with
`year`, and a clear message with exit status 2 for a year the database does not hold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
LEDGER_2021 = DATA / "ledger_2021.toml"
REPORT_2022 = DATA / "reports" / "cangnan-2022" / "report.txt"
REPORT_UNDATED = DATA / "reports" / "pingyang-2021-07" / "report.txt"


def test_a_drafted_new_year_lives_beside_2020(run_cli, tmp_path):
    _, list_2020, _ = run_cli("list")
    draft = tmp_path / "l.toml"

    assert run_cli("import-report", str(REPORT_2022), "-o", str(draft))[0] == 0
    code, out, _ = run_cli("import", str(draft))

    assert code == 0 and out.startswith("新增2022年台账")
    code, out, _ = run_cli("years")
    assert code == 0
    assert out.splitlines()[:2] == ["2020年：66项目标", "2022年：13项目标（当前年度）"]
    assert run_cli("list", "--year", "2020") == (0, list_2020, "")
    code, out, _ = run_cli("ask", "2020年的新增贷款完成了多少")
    assert code == 0 and out.startswith("【2020年】第12项 新增贷款") and "24.43亿元" in out


def test_years_json_and_reimport_of_the_same_year(run_cli):
    code, out, _ = run_cli("import", str(LEDGER_2021))
    assert out.splitlines()[0] == "新增2021年台账（其他年度的数据未改动）"
    # h-trial16: importing a new latest year moved every leader's questions to it unsaid
    assert out.splitlines()[1] == (
        "2021年现为当前年度：提问、清单、报告、导出、图表和提醒都默认用2021年；"
        "查看其他年度请写明年份（如“2020年的…”、/list 2020、--year 2020）"
    )
    code, out, _ = run_cli("import", str(LEDGER_2021))
    assert out == "新建0项，更新0个字段，冲突0个\n"  # idempotent, and no "added a year"

    code, out, _ = run_cli("years", "--json")
    assert json.loads(out) == [
        {"year": 2020, "targets": 66, "current": False},
        {"year": 2021, "targets": 3, "current": True},
    ]


def test_reading_commands_take_a_year_and_json_carries_it(run_cli, tmp_path):
    _, export_2020, _ = run_cli("show", "12", "--json")
    run_cli("export", "--format", "toml", "-o", str(tmp_path / "before.toml"))
    run_cli("import", str(LEDGER_2021))

    _, shown, _ = run_cli("show", "1", "--json")
    assert json.loads(shown)["year"] == 2021 and json.loads(shown)["title"] == "新增贷款"
    _, shown, _ = run_cli("show", "12", "--json", "--year", "2020")
    assert shown == export_2020 and json.loads(shown)["year"] == 2020
    _, listed, _ = run_cli("list", "--json", "--year", "2020")
    assert {item["year"] for item in json.loads(listed)} == {2020}

    run_cli("export", "--format", "toml", "-o", str(tmp_path / "after.toml"), "--year", "2020")
    assert (tmp_path / "after.toml").read_bytes() == (tmp_path / "before.toml").read_bytes()

    code, report, _ = run_cli("report", "--year", "2020")
    assert code == 0 and "2020年" in report.splitlines()[0]
    code, answers, _ = run_cli("ask", "--json", "去年新增贷款完成了多少")
    answer = json.loads(answers)
    assert answer["year"] == 2020 and answer["targets"][0] == 12
    code, answers, _ = run_cli("ask", "--json", "新增贷款完成了多少")
    assert json.loads(answers)["year"] == 2021 and json.loads(answers)["targets"][0] == 1
    assert run_cli("subscribe", "县文广旅局", "-1001")[0] == 0  # a unit of 2021's ledger
    code, notices, _ = run_cli("reminders", "--at", "2021-10-28T09:00", "--json")
    assert code == 0 and [(n["year"], n["target"]) for n in json.loads(notices)] == [(2021, 3)]


@pytest.mark.parametrize(
    "args",
    [
        ("show", "1"),
        ("list",),
        ("ask", "新增贷款"),
        ("report",),
        ("export", "--format", "csv", "-o", "x.csv"),
        ("chart",),
        ("reminders", "--at", "2019-10-24T09:00"),
    ],
)
def test_a_year_not_held_is_a_clear_message_and_exit_status_2(run_cli, args):
    code, out, err = run_cli(*args, "--year", "2019")
    assert code == 2 and out == ""
    assert err.startswith("错误：数据库中没有2019年的台账（现有：2020年）")


def test_a_question_naming_a_year_not_held_says_so(run_cli):
    code, out, _ = run_cli("ask", "2018年的新增贷款")
    assert code == 0 and out.startswith("数据库中没有2018年的台账（现有：2020年）")


def test_a_configured_year_not_held_names_the_key_to_change(run_cli, cli_config_path):
    text = cli_config_path.read_text(encoding="utf-8")
    cli_config_path.write_text(text.replace("[ledger]\n", "[ledger]\nyear = 2023\n"), "utf-8")
    for args in (("list",), ("ask", "新增贷款")):
        code, out, err = run_cli(*args)
        assert code == 2 and out == ""
        assert err.startswith("错误：数据库中没有2023年的台账（现有：2020年）。")
        assert "[ledger] year" in err
    code, out, _ = run_cli("years")
    assert code == 0
    assert out == (
        f"2020年：66项目标\n共1个年度\n"
        f"注意：{cli_config_path} 的 [ledger] year = 2023，数据库中没有这一年的台账\n"
    )


def test_a_sheet_exported_from_another_year_is_not_imported_into_the_current_one(
    run_cli, cli_config_path, tmp_path
):
    run_cli("import", str(LEDGER_2021))
    sheet = tmp_path / "l2021.xlsx"
    assert run_cli("export", "--format", "xlsx", "-o", str(sheet))[0] == 0
    text = cli_config_path.read_text(encoding="utf-8")
    cli_config_path.write_text(text.replace("[ledger]\n", "[ledger]\nyear = 2020\n"), "utf-8")
    _, before, _ = run_cli("list", "--json")

    code, out, err = run_cli("import", str(sheet))

    # its sheet, "2021台账", names its year: imported into 2021, never into the current 2020
    assert (code, out) == (0, "新建0项，更新0个字段，冲突0个\n")
    assert err == "按工作表名“2021台账”导入2021年的台账\n"
    assert run_cli("list", "--json")[1] == before
    code, out, _ = run_cli("import", str(sheet), "--year", "2021")
    assert (code, out) == (0, "新建0项，更新0个字段，冲突0个\n")
    csv = tmp_path / "l2021.csv"  # a CSV names no year: still refused, saying to add --year
    assert run_cli("export", "--year", "2021", "--format", "csv", "-o", str(csv))[0] == 0
    code, out, err = run_cli("import", str(csv))
    assert code == 2 and out == "" and "3项的简称和目标任务都与2020年台账不同" in err
    assert "--year" in err


def test_a_report_drafted_for_a_year_held_is_not_merged_into_it(run_cli, tmp_path):
    # A report that names no year is drafted for a guessed one; a draft of another county's
    # targets under 2020 must not overwrite 2020's targets 1-7 of the same numbers.
    draft = tmp_path / "d.toml"
    assert (
        run_cli("import-report", str(REPORT_UNDATED), "--year", "2020", "-o", str(draft))[0] == 0
    )
    _, before, _ = run_cli("list", "--json")

    code, out, err = run_cli("import", str(draft))

    assert code == 2 and out == ""
    assert err.startswith(
        f"错误：{draft}: 7项的简称和目标任务都与2020年台账不同（第1项 固定资产投资 → "
    )
    assert "未导入任何内容" in err and "[meta] year" in err and "--year 2020" in err
    assert run_cli("list", "--json")[1] == before
    code, out, _ = run_cli("import", str(draft), "--year", "2020")  # said on purpose: imported
    assert code == 0 and out.startswith("新建0项，更新")


def test_last_years_export_imported_without_its_year_says_to_add_it(run_cli, tmp_path):
    sheet = tmp_path / "l2020.csv"
    assert run_cli("export", "--format", "csv", "-o", str(sheet))[0] == 0
    run_cli("import", str(LEDGER_2021))  # 2021 (3 targets) is now the current year
    _, before, _ = run_cli("list", "--year", "2020", "--json")

    code, out, err = run_cli("import", str(sheet))

    assert code == 2 and out == ""
    assert "“序号”列：2021年台账中没有第4项目标（共3项）" in err
    assert err.rstrip().endswith(
        "如果这是另一年度的台账（数据库中还有2020年的台账），请加 --year 指明年份，"
        f"例如：python main.py import {sheet} --year 2020"
    )
    assert run_cli("import", str(sheet), "--year", "2020")[:2] == (
        0,
        "新建0项，更新0个字段，冲突0个\n",
    )
    # a bad cell in it names its row and column, and nothing of the file is imported
    lines = sheet.read_text(encoding="utf-8-sig").splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith("12,"))
    lines[row] = lines[row].replace(",24.43,", ",很多,")
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    code, _, err = run_cli("import", str(sheet), "--year", "2020")
    assert code == 2 and f"第{row + 1}行“完成值”列：“很多”不是数字" in err
    assert "--year 指明年份" not in err
    assert run_cli("list", "--year", "2020", "--json")[1] == before


LOANS_BOTH_YEARS = (
    "同比（2020年第12项“新增贷款”）：新增贷款：2020年24.43亿元（目标14亿元）；"
    "2021年18.2亿元（目标16亿元），下降25.5%"
)


@pytest.mark.parametrize(
    ("question", "first_line"),
    [
        ("2020年新增贷款和2021年比", "【2020年】第12项 新增贷款："),
        ("2021年新增贷款和2020年比", "第1项 新增贷款："),
        ("新增贷款与2020年相比", "第1项 新增贷款："),
        ("2020年和2021年的新增贷款对比", "【2020年】第12项 新增贷款："),
    ],
)
def test_a_comparison_naming_both_years_works_either_way_round(run_cli, question, first_line):
    run_cli("import", str(LEDGER_2021))
    code, out, _ = run_cli("ask", question)
    lines = out.strip().splitlines()
    assert code == 0 and lines[0].startswith(first_line), out
    assert lines[-1] == LOANS_BOTH_YEARS  # earlier year first, whichever the question named


def test_a_comparison_with_a_year_not_held_says_which_years_are(run_cli):
    run_cli("import", str(LEDGER_2021))
    code, out, _ = run_cli("ask", "2021年新增贷款和2018年相比")
    assert code == 0 and out.startswith("第1项 新增贷款：")
    assert out.strip().splitlines()[-1] == (
        "对比：数据库中没有2018年的台账（现有：2020年、2021年），无法与2018年相比。"
        "请换一个现有的年份。"
    )
    _, out, _ = run_cli("ask", "2019年新增贷款和2020年比")
    assert out.startswith("数据库中没有2019年的台账（现有：2020年、2021年）")


def test_a_new_year_under_a_fixed_current_year_says_the_current_one_stays(
    run_cli, cli_config_path
):
    text = cli_config_path.read_text(encoding="utf-8")
    cli_config_path.write_text(text.replace("[ledger]\n", "[ledger]\nyear = 2020\n"), "utf-8")
    code, out, _ = run_cli("import", str(LEDGER_2021))
    assert code == 0
    assert out.splitlines()[:2] == [
        "新增2021年台账（其他年度的数据未改动）",
        "当前年度仍是2020年；查看2021年请写明年份（如 /list 2021）",
    ]
