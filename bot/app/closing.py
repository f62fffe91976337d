"""销号: the office closes a target once it is done and proven, and can reopen it.

Rules (`closing_refusal`):
- A target is closed only when its status is 已完成 or 超额完成 and it has at least one
  evidence file; otherwise the refusal says what is missing.
- Forced closing (`/close N 强制 理由`, `close --force`) skips both checks; the reason is
  required always and recorded with `forced`.
- A closed target cannot be closed again; an open one cannot be reopened.
Closing and reopening are ordinary audited changes of the `closed` field, made in one locked
transaction that re-reads the status and the evidence, so `/undo` and `/history` cover them.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine
from sqlmodel import Session

from bot.domain.admin_grammar import REASON_MAX_CHARS
from bot.domain.fields import CLOSED_FIELD, FieldChange
from bot.domain.ledger import Closure, TargetSpec
from bot.domain.status import DONE_STATUSES, compute_status
from bot.store.evidence_store import list_evidence
from bot.store.ledger_changes import apply_changes_in, lock_targets
from bot.store.ledger_store import read_target
from bot.store.uow import UnitOfWork


class ClosingRefused(Exception):
    """The target cannot be closed or reopened now; the message says why, in Chinese."""


def closing_refusal(target: TargetSpec, status: str, evidence: int, *, forced: bool) -> str | None:
    """Why `target` may not be closed (None when it may), following the module's rules."""
    if target.closed is not None:
        return f"第{target.number}项{target.closed.label}，无需重复销号。"
    if forced:
        return None
    missing = []
    if status not in DONE_STATUSES:
        missing.append(f"状态为“{status}”，须为已完成或超额完成")
    if evidence == 0:
        missing.append(f"还没有佐证材料（单位可随 /report {target.number} 发送照片或文件）")
    if not missing:
        return None
    return (
        f"第{target.number}项暂不能销号：" + "；".join(missing) + "。"
        f"确需销号请用 /close {target.number} 强制 理由。"
    )


def _locked(session: Session, number: int, year: int | None) -> TargetSpec:
    lock_targets(session, [number], year=year)
    target = read_target(session, number, year=year)
    if target is None:
        raise ClosingRefused(f"第{number}项目标不存在。")
    return target


def _check_length(reason: str) -> None:
    """A reason is bounded as /status's is: it is stored in the closure and the audit trail."""
    if len(reason) > REASON_MAX_CHARS:
        limit = REASON_MAX_CHARS
        raise ClosingRefused(f"理由太长：{len(reason)}字，最多{limit}字，请精简后再发。")


def close_target(
    engine: Engine,
    number: int,
    reason: str,
    *,
    actor: str,
    now: dt.datetime,
    status_day: dt.date,
    forced: bool = False,
    year: int | None = None,
) -> Closure:
    """Close target `number` at `now` (aware, in the ledger's timezone), checked and written in
    one locked transaction, or raise ClosingRefused."""
    reason = reason.strip()
    if not reason:
        raise ClosingRefused(f"请写明销号理由，例如 /close {number} 已完成并经核实。")
    _check_length(reason)
    with UnitOfWork(engine) as uow:
        session = uow.session
        target = _locked(session, number, year)
        evidence = len(list_evidence(session, number, year=year))
        refusal = closing_refusal(
            target, compute_status(target, status_day), evidence, forced=forced
        )
        if refusal:
            raise ClosingRefused(refusal)
        closure = Closure(now, actor, reason, forced)
        change = FieldChange(number, CLOSED_FIELD, closure.encode(), expected_old="")
        apply_changes_in(session, [change], actor=actor, reason=reason, year=year)
        return closure


def reopen_target(
    engine: Engine, number: int, reason: str, *, actor: str, year: int | None = None
) -> Closure:
    """Reopen a closed target; returns the closing it undid, or raises ClosingRefused."""
    reason = reason.strip()
    if not reason:
        raise ClosingRefused(f"请写明重新打开的理由，例如 /unclose {number} 复核发现数据有误。")
    _check_length(reason)
    with UnitOfWork(engine) as uow:
        session = uow.session
        target = _locked(session, number, year)
        if target.closed is None:
            raise ClosingRefused(f"第{number}项没有销号，无需重新打开。")
        change = FieldChange(number, CLOSED_FIELD, "", expected_old=target.closed.encode())
        apply_changes_in(session, [change], actor=actor, reason=reason, year=year)
        return target.closed
