"""The CLI with inputs a user gets wrong: a config named before the subcommand, an output
path that cannot be written, a target number the year does not hold."""

from __future__ import annotations

import sqlite3

import pytest

from bot.adapters.cli import main


def test_a_config_given_before_the_subcommand_is_the_one_used(cli_config_path, capsys, tmp_path):
    code = main(["--config", str(cli_config_path), "years"])
    out, _ = capsys.readouterr()
    assert code == 0 and "2020年：66项目标" in out
    assert not (tmp_path / "var" / "ledger.db").exists()  # not the defaults' database
    code = main(["--config", str(tmp_path / "missing.toml"), "years"])
    _, err = capsys.readouterr()
    assert code == 2 and "missing.toml" in err  # named and refused, never the defaults


def test_an_import_through_a_config_given_first_goes_to_its_database(
    cli_config_path, capsys, tmp_path
):
    from bot.config import PROJECT_ROOT

    ledger_2021 = PROJECT_ROOT / "tests" / "data" / "ledger_2021.toml"
    assert main(["--config", str(cli_config_path), "import", str(ledger_2021)]) == 0
    capsys.readouterr()
    with sqlite3.connect(tmp_path / "cli.db") as db:
        years = [row[0] for row in db.execute("SELECT year FROM ledgermeta ORDER BY year")]
    assert years == [2020, 2021]


@pytest.mark.parametrize(
    "args",
    [
        ("export", "--format", "xlsx", "-o", "{missing}/l.xlsx"),
        ("export", "--format", "csv", "-o", "{folder}"),
        ("report", "--format", "docx", "-o", "{missing}/r.docx"),
        ("report", "-o", "{missing}/r.txt"),
        ("report", "--format", "bulletin", "-o", "{missing}/b.docx"),
        ("chart", "-o", "{missing}/c.png"),
        ("chart", "56", "-o", "{missing}/c.png"),
    ],
)
def test_an_output_that_cannot_be_written_is_one_chinese_line(run_cli, tmp_path, args):
    missing, folder = tmp_path / "no-such-folder", tmp_path
    argv = [a.format(missing=missing, folder=folder) for a in args]
    code, _, err = run_cli(*argv)
    assert code == 2
    assert err.startswith("错误：无法写入") and "Traceback" not in err
    assert "不存在" in err or "文件夹" in err  # says what is wrong with the path


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("export", "--format", "csv", "-o", "台账.xlsx"),
         "-o 台账.xlsx 的扩展名是 .xlsx，但要写的是CSV文件（.csv）；"
         "请改为 -o 台账.csv，或用 --format xlsx"),
        (("chart", "-o", "图.jpg"),
         "-o 图.jpg 的扩展名是 .jpg，但要写的是PNG文件（.png）；请改为 -o 图.png"),
        (("report", "--format", "md", "-o", "汇报.docx"),
         "-o 汇报.docx 的扩展名是 .docx，但要写的是Markdown文件（.md）；"
         "请改为 -o 汇报.md，或用 --format docx"),
        (("report", "--format", "bulletin", "-o", "通报.pdf"),
         "-o 通报.pdf 的扩展名是 .pdf，但要写的是文本文件（.txt）或Word文件（.docx）；"
         "请改为 -o 通报.txt 或 通报.docx"),
    ],
)  # fmt: skip
def test_a_file_named_for_another_kind_is_refused_before_anything_is_written(
    run_cli, tmp_path, monkeypatch, args, said
):
    here = tmp_path / "out"
    here.mkdir()
    monkeypatch.chdir(here)
    code, _, err = run_cli(*args)
    assert (code, err.strip()) == (2, f"错误：{said}")
    assert list(here.iterdir()) == []


def test_a_report_to_a_word_file_is_the_word_report(run_cli, tmp_path):
    code, _, _ = run_cli("report", "-o", str(tmp_path / "汇报.docx"))
    assert code == 0 and (tmp_path / "汇报.docx").read_bytes()[:2] == b"PK"  # not plain text


def test_import_report_to_a_folder_that_does_not_exist_says_so(run_cli, tmp_path):
    from bot.config import PROJECT_ROOT

    report = PROJECT_ROOT / "data" / "sources" / "report_2020.txt"
    code, _, err = run_cli("import-report", str(report), "-o", str(tmp_path / "x" / "d.toml"))
    assert code == 2 and err.startswith(f"错误：无法写入 {tmp_path / 'x' / 'd.toml'}：文件夹")


@pytest.mark.parametrize(
    "args",
    [
        ("show", "99"),
        ("chart", "99", "-o", "c.png"),
        ("evidence", "list", "99"),
        ("close", "99", "--reason", "已核实"),
        ("close", "99", "--reason", "复核", "--reopen"),
    ],
)
def test_every_command_says_alike_that_a_target_is_not_in_the_year(run_cli, args):
    code, _, err = run_cli(*args)
    assert code == 2
    assert err == "错误：2020年台账中没有第99项目标（共66项），序号可用 python main.py list 查看\n"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        ((), "错误：缺少参数：COMMAND"),
        (("bogus",), "错误：参数 COMMAND 不能是 'bogus'，可选：'show'"),
        (("show",), "错误：缺少参数：number"),
        (("show", "abc"), "错误：参数 number 应为整数，而不是 'abc'"),
        (("list", "--status", "很好"), "错误：参数 --status 不能是 '很好'，可选：'超额完成'"),
        (("export", "--format", "xlsx"), "错误：缺少参数：-o/--output"),
        (("years", "--year", "2020"), "错误：无法识别的参数：--year 2020"),
        (("show", "12", "--year"), "错误：参数 --year 后面缺少取值"),
    ],
)
def test_a_command_line_mistake_is_explained_in_chinese(capsys, args, said):
    with pytest.raises(SystemExit) as stopped:
        main(list(args))
    _, err = capsys.readouterr()
    assert stopped.value.code == 2
    assert err.startswith("用法：main.py")  # the usage line, then what to fix
    last = err.strip().splitlines()[-1]
    assert last.startswith(said) and last.endswith("--help 查看用法）"), err


@pytest.mark.parametrize(
    "args",
    [
        ("import", "{folder}"),
        ("import-report", "{folder}", "-o", "{folder}/d.toml"),
        ("evidence", "add", "30", "{folder}"),
    ],
)
def test_a_folder_where_a_file_belongs_is_named_as_one(run_cli, tmp_path, args):
    code, _, err = run_cli(*(a.format(folder=tmp_path) for a in args))
    assert code == 2 and "Traceback" not in err
    assert err == f"错误：{tmp_path}: 这是一个文件夹，请写其中文件的路径\n"


def test_a_missing_report_file_is_one_line(run_cli, tmp_path):
    code, _, err = run_cli("import-report", str(tmp_path / "无.txt"), "-o", str(tmp_path / "d"))
    assert code == 2 and err == f"错误：{tmp_path / '无.txt'}: 文件不存在\n"


@pytest.mark.parametrize("extra", [(), ("--reopen",), ("--force",)])
def test_close_with_an_empty_reason_names_the_flag_not_a_chat_command(run_cli, extra):
    code, _, err = run_cli("close", "30", "--reason", " ", *extra)
    assert code == 2
    assert err == "错误：--reason 不能为空，请写明理由，例如 --reason 已完工并经现场核实\n"


@pytest.mark.parametrize(
    ("unit", "hint"),
    [("外星局", "已有单位："), ("县財政局", "是否是：县财政局")],
)
def test_list_by_a_unit_the_ledger_never_names_is_refused_with_names_to_try(run_cli, unit, hint):
    code, out, err = run_cli("list", "--unit", unit)
    assert code == 2 and out == ""  # not "共0项", which reads as nothing left to do
    assert err.startswith(f"错误：2020年台账中没有名称含“{unit}”的责任单位。{hint}")
    assert run_cli("list", "--unit", "财政")[1].endswith("共16项\n")


def test_list_by_a_former_department_name_lists_the_unit_it_became(run_cli):
    code, out, err = run_cli("list", "--unit", "卫生局")
    assert code == 0 and err == "“卫生局”即县卫健委（机构改革后的名称）\n"
    assert out == run_cli("list", "--unit", "县卫健委")[1] and not out.endswith("共0项\n")


_README = (  # a project's README: numbered steps between Markdown headings and code
    "# Ledger bot\n\n## Install\n\n1. Install Python 3.11 and make.\n"
    "2. Run `make install` in the project folder.\n3. 复制 config.example.toml。\n\n"
    "## Use\n\n```\npython main.py chat\n```\n"
)


@pytest.mark.parametrize(
    ("name", "text", "why"),
    [
        ("README.txt", _README, "Markdown"),
        # a .md file is read without its markup (a Markdown report drafts): still English
        ("README.md", _README, "主要是英文"),
        (  # numbered English notes without Markdown
            "README.md",
            "Release notes\n1. Fixed the reminder schedule for weekends.\n"
            "2. The chart now shows 12 months.\n3. 新增 /close 命令。\n",
            "主要是英文",
        ),
    ],
)
def test_import_report_of_a_document_that_is_no_report_refuses_and_writes_nothing(
    run_cli, tmp_path, name, text, why
):
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    draft = tmp_path / "d.toml"
    code, _, err = run_cli("import-report", str(source), "-o", str(draft))
    assert code == 2 and not draft.exists()
    assert err.startswith(f"错误：{source}: 这份文件不像目标进展报告：") and why in err
    assert "目标进展情况报告" in err and "以“1.”开头" in err  # what file to give instead


def test_listing_no_evidence_says_there_is_none_and_how_to_add_one(run_cli, tmp_path):
    code, out, _ = run_cli("evidence", "list", "30")
    said = "第30项还没有佐证材料（添加：python main.py evidence add 30 文件）\n"
    assert (code, out) == (0, said)
    photo = tmp_path / "验收.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(40)))
    assert run_cli("evidence", "add", "30", str(photo))[0] == 0
    code, out, _ = run_cli("evidence", "list", "30")
    assert out.splitlines()[-1] == "第30项共1份佐证材料"


@pytest.mark.parametrize("typed", ["202", "20211", "-5", "99999"])
def test_a_year_typed_wrong_is_refused_before_anything_is_drafted_or_read(
    capsys, cli_config_path, tmp_path, typed
):
    # Before, "import-report … --year 202" drafted a ledger of the year 202, which `import`
    # then added beside 2020 for good ("新增202年台账"), and "--year 99999" crashed with a
    # traceback (ValueError: year 100000 is out of range).
    from bot.config import PROJECT_ROOT

    report = PROJECT_ROOT / "tests" / "data" / "reports" / "gangu-2020" / "report.txt"
    draft = tmp_path / "d.toml"
    config = ("--config", str(cli_config_path))
    for args in (
        ("import-report", str(report), "-o", str(draft), "--year", typed),
        ("show", "12", "--year", typed),
    ):
        with pytest.raises(SystemExit) as stopped:
            main([*args, *config])
        _, err = capsys.readouterr()
        assert stopped.value.code == 2
        said = f"错误：参数 --year 应为1900到2200之间的年份，例如 2021，而不是 {typed}（"
        assert err.strip().splitlines()[-1].startswith(said), err
    assert not draft.exists()
    assert main(["years", *config]) == 0
    assert capsys.readouterr().out.startswith("2020年：66项目标（当前年度）\n共1个年度")
