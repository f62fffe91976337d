"""`python main.py chat` and `python main.py run` as real processes, with scripted stdin."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlmodel import Session

from bot.config import load_config
from bot.store.database import make_engine
from bot.store.ledger_store import read_target
from tests.auxil.bot_harness import audit_entries

PROJECT_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def config_file(tmp_path) -> Path:
    path = tmp_path / "config.toml"
    database = tmp_path / "ledger.db"
    path.write_text(
        f'[database]\nurl = "sqlite:///{database}"\n\n[ledger]\ntoday = "2021-01-15"\n'
        f'\n[paths]\nvar_dir = "{tmp_path / "var"}"\n',
        encoding="utf-8",
    )
    return path


def run_main(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("BOT_TOKEN", "DATABASE_URL", "LEDGER_CONFIG")
    }
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=PROJECT_ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
    )


def blocks(stdout: str) -> list[str]:
    """The first screen, then one answer per input line (blank-line separated, echo removed)."""
    parts = [b.strip("\n") for b in stdout.split("\n\n") if b.strip() not in ("", ">")]
    return [p.split("\n", 1)[1] if p.startswith("> ") and "\n" in p else p for p in parts]


def test_an_admin_chats_in_the_console(config_file):
    script = [
        "敬老院的事办得怎样",
        "1",
        "/set 12 新增贷款 25.1亿元 截止12月底",
        "1",
        "新增贷款完成了吗",
        "/undo",
        "/set 12 新增贷款 25万亩",
        "/history 12",
    ]
    result = run_main("chat", "--config", str(config_file), stdin="\n".join(script) + "\n")
    assert result.returncode == 0, result.stderr
    out = blocks(result.stdout)
    assert out[0].startswith(
        "督查台账助手（控制台，管理员身份）\n台账：2020年 2020年县工作责任目标台账，共66项目标\n"
    )
    assert out[1] == (
        "这个问题可能涉及以下几项目标，请选择：\n1. 第3项 中心敬老院\n2. 第4项 老年补贴适老化\n"
        "[1] 第3项 中心敬老院  [2] 第4项 老年补贴适老化  （输入编号选择）"
    )
    assert out[2].startswith(
        "第3项 中心敬老院：⚪暂无数据\n（部分指标暂无数据：改扩建或新建中心敬老院）\n"
    )
    assert out[2].endswith("[1] 详情  [2] 变更记录  （输入编号选择）")
    assert out[3] == (
        "请确认以下修改：\n第12项 新增贷款 完成值：24.43亿元 → 25.1亿元\n"
        "[1] 确认  [2] 取消  （输入编号选择）"
    )
    assert out[4] == (
        "✅ 已修改：\n第12项 新增贷款 完成值：24.43亿元 → 25.1亿元\n（如需撤销，发送 /undo）"
    )
    assert "新增贷款 25.1亿元 / 目标14亿元（179.3%）" in out[5]
    assert out[6] == "已撤销：第12项 新增贷款完成值：25.1亿元 → 24.43亿元"
    assert out[7] == (
        "单位不符：第12项“新增贷款”的单位是亿元，你输入的是万亩\n"
        "用法：/set 序号 指标 值 [数据时点]，例如：/set 3 改扩建或新建中心敬老院 1所"
    )
    assert out[8].startswith("第12项变更记录（最近2条）：\n")
    assert "console 新增贷款完成值：25.1亿元 → 24.43亿元（撤销）" in out[8]
    assert "console 新增贷款完成值：24.43亿元 → 25.1亿元（已撤销）" in out[8]
    assert len(out) == 9

    # the same database file, as the next process sees it
    engine = make_engine(load_config(config_file).database_url)
    try:
        with Session(engine) as session:
            assert read_target(session, 12).indicator("新增贷款").actual == "24.43"
        assert [(e.actor, e.old_value, e.new_value) for e in audit_entries(engine)] == [
            ("console", "24.43", "25.1"),
            ("console", "25.1", "24.43"),
        ]
    finally:
        engine.dispose()


def test_a_console_viewer_may_ask_but_not_change(config_file):
    script = ["/set 12 新增贷款 25.1亿元", "新增贷款完成了吗", "/whoami"]
    result = run_main(
        "chat", "--config", str(config_file), "--as", "viewer", stdin="\n".join(script) + "\n"
    )
    assert result.returncode == 0, result.stderr
    out = blocks(result.stdout)
    assert (
        out[1]
        == "/set 仅限管理员使用。需要办理的，请联系县督查局管理员；发送 /help 查看您可用的命令。"
    )
    assert "新增贷款 24.43亿元 / 目标14亿元（174.5%）" in out[2]
    assert out[3].endswith("角色：查看者")


def test_run_without_a_token_says_what_to_configure(config_file):
    result = run_main("run", "--config", str(config_file))
    assert result.returncode != 0
    assert "BOT_TOKEN" in result.stderr and "[telegram] token" in result.stderr
    assert "python main.py chat" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.fixture
def copied_example(tmp_path) -> Path:
    """config.example.toml copied as it is, but with its paths made absolute for tmp_path."""
    example = (PROJECT_ROOT / "config.example.toml").read_text(encoding="utf-8")
    text = example.replace(
        'url = "sqlite:///var/ledger.db"', f'url = "sqlite:///{tmp_path / "ledger.db"}"'
    ).replace('var_dir = "var"', f'var_dir = "{tmp_path / "var"}"')
    text = text.replace('file = "data/', f'file = "{PROJECT_ROOT / "data"}/')
    assert text.count(str(tmp_path)) == 2, "the example's database or var_dir key moved"
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_copied_example_config_opens_a_quiet_console_on_the_closed_2020_year(
    copied_example, tmp_path
):
    script = ["造林完成了吗", "未完成的有哪些", "这个月到期的", "/set 12 很多"]
    result = run_main("run", "--or-chat", "--config", str(copied_example),
                      stdin="\n".join(script) + "\n")  # fmt: skip
    assert result.returncode == 0 and result.stderr == ""
    screen, *answers = blocks(result.stdout)
    assert screen.splitlines()[1] == "台账：2020年 2020年县工作责任目标台账，共66项目标"
    assert "状态计算日：2020-12-31，2020年度已结束" in screen
    assert "/help" in screen
    assert len(answers) == 4
    assert "第7项 造林绿化" in answers[0] and "（年度已结束）" in answers[0]
    assert answers[1].startswith("未完成的目标（共3项）")
    assert answers[2].startswith("2020年度已结束，没有待到期的目标")
    assert answers[3].startswith("第12项没有指标“很多”。该项的指标：“新增贷款”")
    for text in (result.stdout, result.stderr):
        assert "逾期" not in text.replace("不再计算逾期天数", "")
        assert "Traceback" not in text and "WARNING" not in text and "INFO" not in text
    # the records went to the log file instead
    log = (tmp_path / "var" / "log" / "ledger.log").read_text(encoding="utf-8")
    assert "seeded 66 targets" in log


def test_console_log_records_never_interrupt_the_conversation(config_file, tmp_path):
    # a viewer trying an admin command is logged as a WARNING: in the file, not the chat
    result = run_main("chat", "--as", "viewer", "--config", str(config_file),
                      stdin="/set 12 新增贷款 25.1亿元\n")  # fmt: skip
    assert result.returncode == 0 and result.stderr == ""
    assert "WARNING" not in result.stdout
    log = (tmp_path / "var" / "log" / "ledger.log").read_text(encoding="utf-8")
    assert "tried admin command /set" in log


def test_every_line_is_answered_after_a_prompt(config_file):
    result = run_main("chat", "--config", str(config_file), stdin="第12项\n/whoami\n")
    prompts = [line for line in result.stdout.splitlines() if line.startswith(">")]
    assert prompts == ["> 第12项", "> /whoami", "> "]


def test_show_into_a_pipe_that_closes_early_has_no_traceback(config_file):
    command = f"{sys.executable} main.py show 12 --config {config_file} | head -1"
    result = subprocess.run(
        ["bash", "-c", command], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.startswith("第12项 新增贷款")
    assert result.stderr == ""


def test_a_conversation_in_the_console_keeps_its_context(config_file):
    script = [
        "耕地保护怎么样",
        "谁负责",
        "啥时候到期",
        "差多少",
        "超额完成的有哪些",
        "第二个呢",
        "PM10降到多少了",
        "那PM2.5呢",
    ]
    result = run_main(
        "chat", "--as", "viewer", "--config", str(config_file), stdin="\n".join(script) + "\n"
    )
    assert result.returncode == 0, result.stderr
    out = blocks(result.stdout)[1:]
    assert out[0].startswith("第16项 耕地保护：")
    assert out[1].startswith("➤ 责任单位：县自然资源局(牵头,推定)\n第16项 耕地保护：")
    assert out[2].startswith("➤ 时限：2020-12-31 年底前（年度已结束）\n第16项 耕地保护：")
    assert out[3].startswith(
        "➤ 差距：代保后耕地保有量缺口 3.88万亩；已达标：违法占用耕地面积比例 6.9%"
    )
    assert out[4].startswith("超额完成的目标（第1/3页，共24项）：\n🟢 9. 企业上云和技改")
    second = out[4].splitlines()[2].split(". ", 1)[0].split()[-1]
    assert out[5].startswith(f"第{second}项 ")
    assert out[6].startswith("➤ PM10 75微克/立方米")
    assert out[7].startswith("➤ PM2.5 43微克/立方米") and "第56项 大气环境质量" in out[7]


def test_typing_a_buttons_label_presses_it(config_file):
    script = ["/set 12 新增贷款 25.1亿元 截止12月底", "确认", "新增贷款完成了吗"]
    result = run_main("chat", "--config", str(config_file), stdin="\n".join(script) + "\n")
    assert result.returncode == 0, result.stderr
    out = blocks(result.stdout)
    assert out[2] == (
        "✅ 已修改：\n第12项 新增贷款 完成值：24.43亿元 → 25.1亿元\n（如需撤销，发送 /undo）"
    )
    assert "新增贷款 25.1亿元 / 目标14亿元（179.3%）" in out[3]


def test_a_confirmation_typed_with_nothing_waiting_says_so_and_changes_nothing(config_file):
    script = ["确认", "新增贷款完成了吗"]
    result = run_main("chat", "--config", str(config_file), stdin="\n".join(script) + "\n")
    assert result.returncode == 0, result.stderr
    out = blocks(result.stdout)
    assert out[1].startswith("现在没有等待确认的操作。修改数据请用命令")
    assert "新增贷款 24.43亿元" in out[2]


def test_typing_a_page_buttons_words_turns_the_page(config_file):
    script = ["/list 超额完成", "下一页", "上一页"]
    result = run_main("chat", "--config", str(config_file), stdin="\n".join(script) + "\n")
    assert result.returncode == 0, result.stderr
    out = blocks(result.stdout)
    assert out[1].startswith("超额完成的目标（第1/3页，共24项）")
    assert out[2].startswith("超额完成的目标（第2/3页，共24项）")  # not a question "下一页"
    assert out[3].startswith("超额完成的目标（第1/3页，共24项）")


def test_evidence_files_with_the_same_name_never_overwrite_one_another(config_file, tmp_path):
    photos = []
    for folder, content in (("a", b"first"), ("b", b"second")):
        (tmp_path / folder).mkdir()
        photo = tmp_path / folder / "photo.png"
        photo.write_bytes(b"\x89PNG\r\n\x1a\n" + content + bytes(range(40)))
        photos.append(photo)
    script = [f"/file {photos[0]} /evidence 30 一", f"/file {photos[1]} /evidence 30 二"]
    script += ["/evidence 30", "/evidence 30"]
    result = run_main("chat", "--config", str(config_file), stdin="\n".join(script) + "\n")
    assert result.returncode == 0, result.stderr
    out = tmp_path / "var" / "out"
    saved = sorted(out.iterdir())
    assert [p.name for p in saved] == [
        "photo (2).png", "photo (3).png", "photo (4).png", "photo.png"
    ]  # fmt: skip
    contents = [p.read_bytes() for p in saved]
    assert sorted(contents) == sorted([photos[0].read_bytes(), photos[1].read_bytes()] * 2)
    assert f"（“photo.png”已保存为：{out / 'photo (2).png'}）" in result.stdout


def test_users_in_the_console_shows_the_console_users_role(config_file):
    result = run_main("chat", "--config", str(config_file), stdin="/users\n")
    assert result.returncode == 0, result.stderr
    out = blocks(result.stdout)
    assert out[1] == (
        "控制台用户（你）：管理员身份\n"
        "管理员：（无；在配置文件 [telegram] admins 中填写用户ID）\n"
        "查看者：（无；用 /grant ID 授予）"
    )


def test_a_slash_alone_is_an_unknown_command_not_a_failure(config_file):
    # Before, "/" alone failed the line ("系统繁忙，请稍后再试。"): it split into no command word.
    result = run_main("chat", "--config", str(config_file), stdin="/\n/ \n")
    assert result.returncode == 0, result.stderr
    assert "系统繁忙" not in result.stdout, result.stdout
    assert result.stdout.count("没有 / 这个命令。发送 /help 查看可用命令。") == 2, result.stdout
