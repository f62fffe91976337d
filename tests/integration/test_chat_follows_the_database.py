"""The running chat answers from the database, not from the index it built at start: a ledger
imported by `python main.py import` (another process, another engine) is what the next
question is answered from."""

from __future__ import annotations

import datetime as dt

import pytest

import bot.chat.ledger_watch as ledger_watch
from bot.app.services import open_engine
from bot.config import PROJECT_ROOT, Config
from tests.auxil.chats import ADMIN, admin_chat
from tests.auxil.cli_runs import run_main


@pytest.fixture
def service(tmp_path, cli_config_path, monkeypatch):
    monkeypatch.setattr(ledger_watch, "LEDGER_CHECK_SECONDS", 0)  # look on every message
    config = Config(
        database_url=f"sqlite:///{tmp_path / 'cli.db'}",  # the CLI's own database
        today=dt.date(2020, 10, 23),
        var_dir=tmp_path / "var",
    )
    engine = open_engine(config)
    yield admin_chat(config, engine)
    engine.dispose()


def test_a_figure_imported_meanwhile_is_the_one_answered(service, cli_config_path, tmp_path):
    [before] = service.question(ADMIN, "新增贷款完成了吗")
    assert "新增贷款 24.43亿元" in before.text
    exported = tmp_path / "ledger.toml"
    assert run_main(cli_config_path, "export", "--format", "toml", "-o", str(exported))[0] == 0
    text = exported.read_text(encoding="utf-8")
    exported.write_text(text.replace('actual = "24.43"', 'actual = "11.11"', 1), encoding="utf-8")
    code, out, err = run_main(cli_config_path, "import", str(exported))
    assert code == 0 and "更新1个字段" in out, (out, err)
    [after] = service.question(ADMIN, "新增贷款完成了吗")
    assert "新增贷款 11.11亿元" in after.text and "推进中" in after.text, after.text
    [card] = service.command(ADMIN, "target", "12")
    assert "新增贷款 11.11亿元" in card.text  # the question and the card agree


def test_a_year_imported_meanwhile_becomes_the_current_one(service, cli_config_path):
    assert service.answerer.ledger.year == 2020
    ledger_2021 = PROJECT_ROOT / "tests" / "data" / "ledger_2021.toml"
    assert run_main(cli_config_path, "import", str(ledger_2021))[0] == 0
    service.question(ADMIN, "哪些没完成")
    assert service.answerer.ledger.year == 2021  # as a restart would read it
