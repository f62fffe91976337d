"""An approved unit report whose approval is undone (/undo) in the chat core: the report reads
"已撤回" wherever its state is shown, and the audit trail links the approval and its undo."""

from __future__ import annotations

from sqlmodel import Session

from bot.app.reminders import subscribe
from bot.chat.types import Sender
from bot.store.models import ProgressReport
from tests.auxil.chats import admin_chat

ADMIN = Sender(42, 42, actor="tg:42")
GROUP = -1003300
MEMBER = Sender(501, GROUP, "supergroup", actor="tg:501")


def state_of(engine, report_id: int) -> str:
    with Session(engine) as session:
        return session.get(ProgressReport, report_id).state


def test_an_undone_approval_leaves_the_report_retracted_not_approved(config, engine):
    subscribe(engine, "县卫健委", GROUP, actor="tg:42")
    chat = admin_chat(config, engine)
    [received] = chat.command(MEMBER, "report", "48 产前超声筛查率 60% 1-11月份")
    assert received.text.startswith("已收到第48项的数据报送（编号")
    report_id = int(received.text.split("编号")[1].split("）")[0].lstrip("#"))
    [approved] = chat.button(ADMIN, f"rpt:ok:{report_id}")
    assert approved.text.startswith(f"已采纳报送#{report_id}")
    assert state_of(engine, report_id) == "approved"

    [undone] = chat.command(ADMIN, "undo", "")
    assert undone.text.startswith("已撤销：第48项 产前超声筛查率")
    assert f"报送#{report_id}的采纳，该报送现为“已撤回（采纳已撤销）”" in undone.text
    assert state_of(engine, report_id) == "retracted"  # was still "approved"

    # every later look at the report says what it is now
    [again] = chat.button(ADMIN, f"rpt:ok:{report_id}")
    assert again.toast == f"报送#{report_id}已撤回（采纳已撤销）"
    assert state_of(engine, report_id) == "retracted"  # a stale 采纳 button applies nothing
    [reject] = chat.command(ADMIN, "reject", f"{report_id} 重复")
    assert reject.text.startswith(
        f"报送#{report_id}已撤回（采纳已撤销）。已处理过的报送不能再驳回"
    )
    # the audit trail names the report on the approval and on its undo
    [history] = chat.command(ADMIN, "history", "48")
    lines = history.text.splitlines()[1:]  # newest first: the undo's two fields, the approval's
    assert [line.endswith(f"（撤销，撤回报送#{report_id}的采纳）") for line in lines] == [
        True,
        True,
        False,
        False,
    ], lines
    assert all(line.endswith(f"（采纳报送#{report_id}，已撤回）") for line in lines[2:]), lines
