"""`python main.py run` as a real process against the fake Bot API: webhook mode checks its
secret token on real HTTP POSTs; a rejected token is masked in every message and log; a Bot API
that cannot be reached (or a webhook port that is taken) is one line in Chinese and exit
status 2, with the details in the log file only.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.auxil.bot_harness import ADMIN, TOKEN
from tests.auxil.fake_bot_api import ApiError, Call, FakeBotApi

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SECRET = "s3cret_-Webhook"
REJECTED = "123456:SECRETpartNEVERshown"
WHOAMI_ADMIN = f"用户ID：{ADMIN}\n会话ID：{ADMIN}\n角色：管理员"


def write_config(tmp_path: Path, **telegram: object) -> Path:
    """A config on a database in tmp_path with [telegram] set from the keywords."""
    lines = [
        "[database]",
        f'url = "sqlite:///{tmp_path / "ledger.db"}"',
        "[ledger]",
        'today = "2021-01-15"',
        "[paths]",
        f'var_dir = "{tmp_path / "var"}"',
        "[telegram]",
        *(f"{key} = {json.dumps(value, ensure_ascii=False)}" for key, value in telegram.items()),
    ]
    path = tmp_path / "config.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main_env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("BOT_TOKEN", "DATABASE_URL", "LEDGER_CONFIG")
    }
    return {**env, "PYTHONIOENCODING": "utf-8", **extra}


def run_main(config: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", "run", "--config", str(config)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=main_env(**env),
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, within: float = 60) -> None:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        assert process.poll() is None, "the bot exited before listening"
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        time.sleep(0.05)
    raise TimeoutError(f"nothing listens on port {port} after {within}s")


def post_update(port: int, path: str, update: dict, secret: str | None) -> int:
    """POST an update as Telegram does; returns the HTTP status."""
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("POST", path, json.dumps(update).encode(), headers)
        return connection.getresponse().status
    finally:
        connection.close()


def command_update(update_id: int, text: str) -> dict:
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": int(time.time()),
            "chat": {"id": ADMIN, "type": "private", "first_name": "管理员"},
            "from": {"id": ADMIN, "is_bot": False, "first_name": "管理员"},
            "text": text,
            "entities": [{"type": "bot_command", "offset": 0, "length": len(text)}],
        },
    }


def test_webhook_mode_answers_only_requests_with_the_secret(tmp_path, fake):
    port = free_port()
    config = write_config(
        tmp_path,
        token=TOKEN,
        admins=[ADMIN],
        bot_api_url=fake.base_url,
        bot_file_url=fake.base_file_url,
        webhook_url="https://bot.example.invalid/tg-hook",
        webhook_secret=SECRET,
        webhook_listen="127.0.0.1",
        webhook_port=port,
    )
    log = (tmp_path / "stderr.txt").open("w", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "main.py", "run", "--config", str(config)],
        cwd=PROJECT_ROOT,
        stdout=log,
        stderr=log,
        stdin=subprocess.DEVNULL,
        env=main_env(),
    )
    try:
        webhook = fake.wait_for("setWebhook", 60)
        assert webhook["url"] == "https://bot.example.invalid/tg-hook"
        assert webhook["secret_token"] == SECRET
        wait_for_port(port, process)

        statuses = [
            post_update(port, "/tg-hook", command_update(1, "/summary"), None),
            post_update(port, "/tg-hook", command_update(2, "/summary"), "wrong-secret"),
            post_update(port, "/tg-hook", command_update(3, "/whoami"), SECRET),
        ]
        assert statuses == [403, 403, 200]

        def answers_admin(c: Call) -> bool:
            return c.method == "sendMessage" and c.ok and c.get("chat_id") == ADMIN

        reply = fake.wait_for(answers_admin, 30)
        assert reply.result["text"] == WHOAMI_ADMIN
        # one chat's updates are handled in order: a refused /summary would have come first
        assert [c.result["text"] for c in fake.sent_messages(ADMIN)] == [WHOAMI_ADMIN]
    finally:
        process.send_signal(signal.SIGTERM)
        code = process.wait(30)
        log.close()
    stderr = (tmp_path / "stderr.txt").read_text(encoding="utf-8")
    assert code == 0, stderr
    assert "Traceback" not in stderr and SECRET not in stderr
    assert SECRET not in (tmp_path / "var" / "log" / "ledger.log").read_text(encoding="utf-8")


def revoked(params: dict, files: dict) -> dict:
    raise ApiError(401, "Unauthorized")


@pytest.mark.parametrize("source", ["config", "BOT_TOKEN"])
def test_a_rejected_token_is_masked_in_every_message_and_log(tmp_path, source):
    with FakeBotApi(REJECTED) as fake:
        fake.set_handler("getMe", revoked)  # the token was revoked: 401 Unauthorized
        telegram = {"bot_api_url": fake.base_url, "bot_file_url": fake.base_file_url}
        if source == "config":
            result = run_main(write_config(tmp_path, token=REJECTED, **telegram))
        else:
            result = run_main(write_config(tmp_path, **telegram), BOT_TOKEN=REJECTED)
    assert [(c.method, c.ok) for c in fake.calls()] == [("getMe", False)]
    secret = REJECTED.split(":", 1)[1]
    logged = (tmp_path / "var" / "log" / "ledger.log").read_text(encoding="utf-8")
    assert result.returncode == 2
    assert secret not in result.stderr and secret not in result.stdout and secret not in logged
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("错误：机器人令牌 123456:*** 被 Telegram 服务器")
    assert "[telegram] token" in line and "BOT_TOKEN" in line
    assert "123456:***" in logged and "InvalidToken" in logged


def test_an_unreachable_bot_api_is_one_line_and_exit_status_2(tmp_path):
    with socket.socket() as closed:  # bound, never listening: connections are refused
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
        url = f"http://127.0.0.1:{port}/bot"
        result = run_main(write_config(tmp_path, token=TOKEN, bot_api_url=url))
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"错误：无法连接 Telegram 服务器（{url}）：")
    assert line.endswith("请检查网络或 [telegram] bot_api_url")
    logged = (tmp_path / "var" / "log" / "ledger.log").read_text(encoding="utf-8")
    assert "Traceback" in logged and "ConnectError" in logged
    assert TOKEN.split(":", 1)[1] not in logged + result.stderr


def test_a_webhook_port_in_use_is_one_line_and_exit_status_2(tmp_path, fake):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        config = write_config(
            tmp_path,
            token=TOKEN,
            bot_api_url=fake.base_url,
            webhook_url="https://bot.example.invalid/tg-hook",
            webhook_secret=SECRET,
            webhook_port=port,
        )
        result = run_main(config)
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"错误：无法在 127.0.0.1:{port} 接收 webhook：")
    assert "webhook_port" in line
    assert "Traceback" in (tmp_path / "var" / "log" / "ledger.log").read_text(encoding="utf-8")
