"""`python main.py chat` and `python main.py run` as real processes, with scripted stdin."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlmodel import Session

from bot.config import load_config
from bot.database import make_engine
from bot.store import read_target
from tests.auxil.bot_harness import audit_entries

PROJECT_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def config_file(tmp_path) -> Path:
    path = tmp_path / "config.toml"
    database = tmp_path / "ledger.db"
    path.write_text(
        f'[database]\nurl = "sqlite:///{database}"\n\n[ledger]\ntoday = "2021-01-15"\n',
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
    """The console's output, one block per input line (blank-line separated)."""
    return [b.strip("\n") for b in stdout.split("\n\n") if b.strip()]


def test_an_admin_chats_in_the_console(config_file):
    script = [
        "敬老院的事办得怎样",
        "1",
        "/set 12 新增贷款 25.1亿元",
        "1",
        "新增贷款完成了吗",
        "/undo",
        "/set 12 新增贷款 25万元",
        "/history 12",
    ]
    result = run_main("chat", "--config", str(config_file), stdin="\n".join(script) + "\n")
    assert result.returncode == 0, result.stderr
    out = blocks(result.stdout)
    assert out[0] == "督查台账助手（控制台）。直接输入问题，/help 查看命令，Ctrl-D 退出。"
    assert out[1] == (
        "这个问题可能涉及以下几项目标，请选择：\n1. 第3项 中心敬老院\n2. 第4项 老年补贴适老化\n"
        "[1] 第3项 中心敬老院  [2] 第4项 老年补贴适老化  （输入编号选择）"
    )
    assert out[2].startswith("第3项 中心敬老院：🟢超额完成\n")
    assert out[2].endswith("[1] 详情  [2] 变更记录  （输入编号选择）")
    assert out[3] == (
        "请确认以下修改：\n第12项 新增贷款 完成值：24.43亿元 → 25.1亿元\n"
        "[1] 确认  [2] 取消  （输入编号选择）"
    )
    assert out[4] == (
        "✅ 已修改：\n第12项 新增贷款 完成值：24.43亿元 → 25.1亿元\n（如需撤销，发送 /undo）"
    )
    assert "新增贷款 25.1亿元 / 目标14亿元（179.3%）" in out[5]
    assert out[6] == "已撤销：第12项 新增贷款完成值：25.1 → 24.43"
    assert out[7] == (
        "单位不符：第12项“新增贷款”的单位是亿元，你输入的是万元\n"
        "用法：/set 序号 指标 值 [数据时点]，例如：/set 12 新增贷款 25.1亿元"
    )
    assert out[8].startswith("第12项变更记录（最近2条）：\n")
    assert "console 新增贷款完成值：25.1 → 24.43（撤销）" in out[8]
    assert "console 新增贷款完成值：24.43 → 25.1（已撤销）" in out[8]
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
    assert out[1] == "/set 仅限管理员使用。"
    assert "新增贷款 24.43亿元 / 目标14亿元（174.5%）" in out[2]
    assert out[3].endswith("角色：查看者")


def test_run_without_a_token_says_what_to_configure(config_file):
    result = run_main("run", "--config", str(config_file))
    assert result.returncode != 0
    assert "BOT_TOKEN" in result.stderr and "[telegram] token" in result.stderr
    assert "python main.py chat" in result.stderr
    assert "Traceback" not in result.stderr
