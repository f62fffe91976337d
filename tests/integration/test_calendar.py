"""The work calendar as the office meets it: `calendar YEAR`, /outbox and the console warn."""

import datetime as dt
import json

import pytest

from bot.adapters.console import first_screen
from bot.chat.types import Sender
from tests.auxil.chats import admin_chat

ADMIN = Sender(42, 42, actor="tg:42")


def test_calendar_2020_json_lists_the_working_sunday(run_cli):
    code, out, _ = run_cli("calendar", "2020", "--json")
    data = json.loads(out)
    assert code == 0 and data["year"] == 2020 and data["covered"] is True
    assert data["source"] == "library"
    assert {"date": "2020-01-19", "kind": "workday", "name": "春节", "source": "library"} in data[
        "days"
    ]
    code, text, _ = run_cli("calendar", "2020")
    assert "2020-01-19 周日 调休上班 春节" in text


def test_calendar_2031_json_is_not_covered(run_cli):
    code, out, _ = run_cli("calendar", "2031", "--json")
    assert code == 0
    assert json.loads(out) == {"year": 2031, "covered": False, "source": None, "days": []}
    _, text, _ = run_cli("calendar", "2031")
    assert "按周一至周五计算工作日" in text


def test_an_office_file_for_a_later_year_is_read(run_cli, cli_config_path, tmp_path):
    folder = tmp_path / "calendar"
    folder.mkdir()
    (folder / "2031.toml").write_text(
        'source = "国务院办公厅通知"\n[[holiday]]\nname = "元旦"\ndays = [2031-01-01]\n',
        encoding="utf-8",
    )
    config_text = cli_config_path.read_text(encoding="utf-8")
    cli_config_path.write_text(
        config_text.replace("[paths]\n", f'[paths]\ncalendar_dir = "{folder}"\n'),
        encoding="utf-8",
    )
    code, out, _ = run_cli("calendar", "2031", "--json")
    data = json.loads(out)
    assert code == 0 and data["covered"] is True and data["source"] == "file"
    assert data["days"] == [
        {"date": "2031-01-01", "kind": "holiday", "name": "元旦", "source": "file"}
    ]


def test_a_broken_calendar_file_is_one_line_naming_it(run_cli, cli_config_path, tmp_path):
    folder = tmp_path / "calendar"
    folder.mkdir()
    (folder / "2031.toml").write_text("[[holiday]]\nname = '元旦'\n", encoding="utf-8")
    text = cli_config_path.read_text(encoding="utf-8")
    cli_config_path.write_text(
        text.replace("[paths]\n", f'[paths]\ncalendar_dir = "{folder}"\n'), encoding="utf-8"
    )
    code, _, err = run_cli("calendar", "2031")
    assert code == 2 and err.startswith("错误：2031.toml") and "Traceback" not in err


@pytest.mark.parametrize(
    ("today", "warned"), [(dt.date(2026, 12, 6), True), (dt.date(2021, 1, 15), False)]
)
def test_admins_are_warned_when_this_or_next_year_is_not_covered(config, engine, today, warned):
    service = admin_chat(config, engine, today=today)
    [reply] = service.command(ADMIN, "outbox", "")
    assert ("缺少2027年的节假日安排" in reply.text) is warned
    assert reply.text.endswith("没有未确认送达或发送失败的提醒。")
    assert ("缺少2027年的节假日安排" in first_screen(service, "admin")) is warned
    assert "节假日安排" not in first_screen(service, "viewer")
