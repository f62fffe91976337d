"""How the audit trail reads to people: an import's change of a whole indicator in /history,
and the leaders' weekly digest naming what changed in Chinese."""

from __future__ import annotations

import dataclasses

import pytest
from sqlmodel import Session

from bot.chat.types import Sender
from bot.store.ledger_import import load_ledger
from bot.store.ledger_store import read_ledger
from tests.auxil.chats import admin_chat

ADMIN = Sender(42, 42, actor="tg:42")


@pytest.fixture
def service(config, engine):
    return admin_chat(config, engine)


def _import_with_loans(engine, actual: str, as_of: str, source: str) -> None:
    """Re-import the ledger as a spreadsheet would, with target 12's figure changed."""
    with Session(engine) as session:
        ledger = read_ledger(session)
    targets = []
    for t in ledger.targets:
        if t.number == 12:
            [loans] = t.indicators
            t = dataclasses.replace(
                t, indicators=(dataclasses.replace(loans, actual=actual, as_of=as_of),)
            )
        targets.append(t)
    load_ledger(engine, dataclasses.replace(ledger, targets=tuple(targets)), source=source)


def test_history_shows_an_imported_figure_as_old_and_new_not_stored_json(service, engine):
    _import_with_loans(engine, "26", "截至11月", "l.xlsx")
    service.refresh()
    [history] = service.command(ADMIN, "history", "12")
    [line] = history.text.splitlines()[1:]
    assert line.endswith(
        "import:l.xlsx 新增贷款完成值：24.43亿元 → 26亿元；新增贷款数据时点：截止12月底 → 截至11月"
    )
    assert "{" not in history.text and '"' not in history.text


def test_the_weekly_digest_names_what_changed_in_chinese(service, engine):
    import datetime as dt
    from zoneinfo import ZoneInfo

    from bot.app.reminders import plan, set_digest
    from bot.domain.reminder_policy import ReminderPolicy
    from bot.domain.work_calendar import WorkCalendar

    set_digest(engine, 7001, True)
    for command, args in (("note", "16 复垦耕地3000亩"), ("deadline", "16 2020-12-20 复垦验收")):
        [asked] = service.command(ADMIN, command, args)
        service.button(ADMIN, asked.buttons[0][0].data)
    _import_with_loans(engine, "27", "截至12月", "l.xlsx")
    service.refresh()
    [asked] = service.command(ADMIN, "set", "12 新增贷款 26亿元 截至12月")
    service.button(ADMIN, asked.buttons[0][0].data)
    with Session(engine) as session:
        ledger = read_ledger(session)
    monday = dt.date(2020, 12, 14)
    notices = plan(engine, ledger, monday, ReminderPolicy(), WorkCalendar(), ZoneInfo("UTC"))
    [digest] = [n for n in notices if n.kind == "digest"]
    changes = digest.text.split("二、本周变更：\n")[1].split("\n三、")[0].splitlines()
    assert sorted(changes) == sorted(
        [
            "· 第16项 进展 由tg:42修改",
            "· 第16项 时限 由tg:42修改",
            "· 第12项 新增贷款完成值 由tg:42修改",
            "· 第12项 新增贷款 由import:l.xlsx修改",
        ]
    ), digest.text
