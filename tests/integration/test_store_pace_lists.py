"""序时进度 in the lists and the 红黄绿榜: a target behind its calendar share is 滞后 in
"哪些滞后", `/list 滞后`, `list --status 滞后` and `/units`; `[status] pace_tolerance` decides.

Target 11 (资本市场融资, 4.6亿元, 县金融工作局) is given 2亿元 by "1-6月" and read on
2020-07-15: 43.5% done against 49.7% of the year passed, 6.2 points short — behind with the
default 5-point tolerance, on pace with 10.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal

import pytest
from sqlmodel import Session, select

from bot.bootstrap import build_answerer
from bot.chat import ChatService
from bot.chat_types import Sender
from bot.cli import main as cli_main
from bot.models import Indicator
from bot.status_rules import StatusRules

JULY = dt.date(2020, 7, 15)
ADMIN = Sender(42, 42, actor="tg:42", fixed_role="admin")
LINE = "11. 资本市场融资：滞后"


@pytest.fixture
def behind_engine(engine):
    with Session(engine) as session, session.begin():
        row = session.exec(
            select(Indicator).where(Indicator.year == 2020, Indicator.target_number == 11)
        ).one()
        row.actual_value, row.as_of = "2", "1-6月"
        session.add(row)
    return engine


def service_with(config, engine, tolerance: int | None = None) -> ChatService:
    config = dataclasses.replace(config, today=JULY)
    if tolerance is not None:
        config = dataclasses.replace(config, status=StatusRules(Decimal(tolerance)))
    return ChatService(engine, config, build_answerer(engine, config))


def chat_views(service: ChatService) -> tuple[str, str, str]:
    """(哪些滞后, /list 滞后, /units) as an admin reads them."""
    [asked] = service.question(ADMIN, "哪些滞后")
    [listed] = service.command(ADMIN, "list", "滞后")
    [board] = service.command(ADMIN, "units", "")
    return asked.text, listed.text, board.text


def test_a_target_behind_its_calendar_share_is_behind_in_every_list(config, behind_engine):
    service = service_with(config, behind_engine)
    asked, listed, board = chat_views(service)
    assert LINE in asked
    assert LINE in listed
    [row] = [line for line in board.splitlines() if line.startswith("县金融工作局：")]
    assert row.startswith("县金融工作局：🔴1 ")
    assert "🔴11.资本市场融资" in board
    [card] = service.command(ADMIN, "target", "11")
    assert "（资本市场融资低于序时进度（应达50%，实际44%））" in card.text


def test_a_tolerance_of_10_points_keeps_it_on_pace_in_every_list(config, behind_engine):
    service = service_with(config, behind_engine, tolerance=10)
    asked, listed, board = chat_views(service)
    assert "资本市场融资" not in asked
    assert "资本市场融资" not in listed
    assert "🟡11.资本市场融资" in board
    [row] = [line for line in board.splitlines() if line.startswith("县金融工作局：")]
    assert row.startswith("县金融工作局：🔴0 🟡1 ")


@pytest.mark.parametrize(("tolerance", "behind"), [(None, True), (10, False)])
def test_the_cli_list_by_status_follows_the_configured_tolerance(
    config, behind_engine, tmp_path, capsys, tolerance, behind
):
    path = tmp_path / "cli.toml"
    status = f"[status]\npace_tolerance = {tolerance}\n" if tolerance is not None else ""
    path.write_text(
        f'[database]\nurl = "{config.database_url}"\n[ledger]\ntoday = "{JULY}"\n'
        f'[paths]\nvar_dir = "{tmp_path / "var"}"\n{status}',
        encoding="utf-8",
    )
    assert cli_main(["list", "--status", "滞后", "--json", "--config", str(path)]) == 0
    numbers = [item["number"] for item in json.loads(capsys.readouterr().out)]
    assert (11 in numbers) is behind
    assert cli_main(["show", "11", "--json", "--config", str(path)]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["status"] == ("滞后" if behind else "推进中")
