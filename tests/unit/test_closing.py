"""销号 rules: done and proven, or forced with a reason; never twice."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from bot.app.closing import closing_refusal
from bot.domain.ledger import Closure, TargetSpec

AT = dt.datetime(2020, 12, 20, 16, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
TARGET = TargetSpec(
    number=30, title="新建停车位", category="城乡建设", target_text="新建停车位500个。"
)


def test_a_done_target_with_evidence_may_be_closed():
    assert closing_refusal(TARGET, "已完成", 1, forced=False) is None
    assert closing_refusal(TARGET, "超额完成", 3, forced=False) is None


def test_a_target_not_done_or_without_evidence_says_what_is_missing():
    refusal = closing_refusal(TARGET, "推进中", 0, forced=False)
    assert "状态为“推进中”" in refusal and "还没有佐证材料" in refusal
    assert "/close 30 强制 理由" in refusal
    only_evidence = closing_refusal(TARGET, "已完成", 0, forced=False)
    assert "还没有佐证材料" in only_evidence and "状态" not in only_evidence


def test_forcing_skips_the_checks_but_not_closing_twice():
    assert closing_refusal(TARGET, "未完成", 0, forced=True) is None
    closed = TargetSpec(**{**TARGET.__dict__, "closed": Closure(AT, "tg:42", "核实")})
    assert "已销号（2020-12-20）" in closing_refusal(closed, "已完成", 1, forced=True)


def test_a_closure_round_trips_through_its_stored_form():
    closure = Closure(AT, "tg:42", "已完工并经核实", forced=True)
    assert Closure.decode(closure.encode()) == closure
    assert Closure.decode("") is None
    assert closure.label == "已销号（2020-12-20）"
    assert closure.as_json() == {
        "at": "2020-12-20T16:30:00+08:00",
        "by": "tg:42",
        "reason": "已完工并经核实",
        "forced": True,
    }
