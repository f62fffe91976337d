"""The CLI contract: exact command names, flags and JSON fields."""

import json
import subprocess
import sys

import pytest

from bot.adapters.cli import build_parser
from bot.config import PROJECT_ROOT


def test_show_58_json_has_the_reports_figures(run_cli):
    code, out, _ = run_cli("show", "58", "--json")
    data = json.loads(out)
    assert code == 0
    assert set(data) >= {
        "number",
        "title",
        "category",
        "status",
        "light",
        "units",
        "deadlines",
        "indicators",
        "target_text",
        "progress_text",
        "aliases",
        "updated_at",
        "updated_by",
    }
    figures = {i["name"]: (i["target"], i["actual"], i["unit"]) for i in data["indicators"]}
    assert figures["城镇新增就业"] == ("5600", "9788", "人")
    assert figures["失业人员再就业"] == ("1560", "3182", "人")
    assert figures["就业困难人员实现就业"] == ("490", "711", "人")
    assert data["status"] == "超额完成" and data["light"] == "🟢"
    assert data["units"][0] == {"name": "县人社局", "role": "lead", "source": "inferred"}


def test_list_not_done(run_cli):
    code, out, _ = run_cli("list", "--status", "未完成", "--json")
    items = json.loads(out)
    assert code == 0
    assert [i["number"] for i in items] == [16, 35, 62]
    assert all({"number", "title", "status", "light", "units"} <= set(i) for i in items)
    code, text, _ = run_cli("list", "--status", "未完成")
    assert "16. 耕地保护：未完成" in text


def test_list_filters_by_unit_and_category(run_cli):
    _, out, _ = run_cli("list", "--unit", "民政局", "--json")
    assert {3, 4, 15, 39, 45} <= {i["number"] for i in json.loads(out)}
    _, out, _ = run_cli("list", "--category", "生态环境", "--json")
    assert {55, 56, 57} <= {i["number"] for i in json.loads(out)}


def test_unknown_target_is_a_clear_error(run_cli):
    code, _, err = run_cli("show", "99")
    assert code == 2 and "2020年台账中没有第99项目标（共66项）" in err


def test_import_report_finds_all_66(tmp_path, run_cli, seed_report_text):
    from tests.conftest import SEED_REPORT

    draft = tmp_path / "draft.toml"
    code, _, err = run_cli("import-report", str(SEED_REPORT), "-o", str(draft))
    assert code == 0 and "66项" in err
    from bot.render.ledger_toml import load_ledger_file

    assert len(load_ledger_file(draft).targets) == 66


def test_import_report_names_the_units_import_would_refuse_before_it_does(tmp_path, run_cli):
    # A city's report (invented) names units that are no county department: `import` refuses
    # each one the database lacks, so the draft's summary says so, with what to write.
    report = tmp_path / "city.txt"
    report.write_text(
        "2021年民生实事进展\n1.城镇新增就业5000人。\n牵头单位:市人社局\n全年新增就业5200人。\n"
        "2.新建公园3个。\n牵头单位:市园林中心\n已建成3个。\n",
        encoding="utf-8",
    )
    draft = tmp_path / "draft.toml"
    code, _, err = run_cli("import-report", str(report), "-o", str(draft), "--year", "2021")
    assert code == 0
    assert err.rstrip().endswith(
        "注意：报告写明的责任单位市人社局、市园林中心不在县直部门名录中；导入时台账中还没有的单位"
        "会被拒绝，确属新单位的，请在草稿中该单位下加一行 new = true"
    ), err
    refused = run_cli("import", str(draft))
    assert refused[0] == 2 and "台账中没有“市人社局”这个责任单位" in refused[2]


def test_import_report_refuses_a_text_with_no_targets_in_chinese_and_writes_nothing(
    tmp_path, run_cli
):
    report = tmp_path / "notes.txt"
    report.write_text("会议纪要\n大家讨论了明年的工作安排。\n", encoding="utf-8")
    draft = tmp_path / "draft.toml"
    code, _, err = run_cli("import-report", str(report), "-o", str(draft))
    assert code == 2
    assert f"错误：{report}: 第1行：没有找到编号的目标" in err and "以“1.”开头" in err
    assert not draft.exists()


def test_import_report_errors_name_the_file(tmp_path, run_cli):
    report = tmp_path / "空报告.txt"
    report.write_text("\n", encoding="utf-8")
    code, out, err = run_cli("import-report", str(report), "-o", "-")
    assert (code, out) == (2, "")
    assert err.startswith(f"错误：{report}: 第1行：报告是空的"), err


@pytest.mark.parametrize("fmt", ["toml", "xlsx", "csv"])
def test_export_then_import_reports_no_change(tmp_path, run_cli, fmt):
    out = tmp_path / f"ledger.{fmt}"
    assert run_cli("export", "--format", fmt, "-o", str(out))[0] == 0
    code, text, _ = run_cli("import", str(out))
    assert code == 0 and "新建0项，更新0个字段，冲突0个" in text


def test_bad_import_file_points_at_the_row(tmp_path, run_cli):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "序号,目标任务,责任单位,完成时限,指标,目标值,单位,完成值,完成情况,状态\n"
        "12,x,,,新增贷款,14,亿元,很多,,\n",
        encoding="utf-8",
    )
    code, _, err = run_cli("import", str(bad))
    assert code == 2 and "第2行“完成值”列" in err


def test_help_lists_subcommands_from_a_fresh_process():
    result = subprocess.run(
        [sys.executable, "main.py", "--help"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    for command in ("show", "list", "import", "import-report", "export", "run"):
        assert command in result.stdout
    # Office staff read it: argparse's own headings and each command's line are Chinese.
    assert result.stdout.startswith("用法：") and "显示本帮助并退出" in result.stdout
    assert "查看一项目标" in result.stdout and "usage:" not in result.stdout


def test_every_cli_command_is_documented_in_the_readme():
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices
    for name in commands:
        assert f"python main.py {name}" in readme, name


def test_ask_json_conversation_reads_turns_and_restarts_on_an_empty_line(run_cli, monkeypatch):
    import io

    turns = "耕地保护怎么样\n谁负责\n\n谁负责\n超额完成的有哪些\n第二个呢\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(turns))
    code, out, _ = run_cli("ask", "--json", "--conversation")
    answers = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(answers) == 5  # no object for the empty line
    assert [a["question"] for a in answers] == [
        "耕地保护怎么样", "谁负责", "谁负责", "超额完成的有哪些", "第二个呢"
    ]  # fmt: skip
    assert answers[0]["targets"][0] == 16
    assert (answers[1]["intent"], answers[1]["targets"]) == ("target", [16])
    assert answers[1]["reply"].startswith("➤ 责任单位：")
    assert answers[2]["intent"] == "unknown"  # a new conversation: nothing to lean on
    assert answers[4]["targets"][0] == answers[3]["targets"][1]
    assert set(answers[0]) == set(answers[3]) >= {"question", "intent", "targets", "reply"}


def test_ask_conversation_needs_json(run_cli):
    code, _, err = run_cli("ask", "--conversation", "谁负责")
    assert code == 2 and "--json" in err
