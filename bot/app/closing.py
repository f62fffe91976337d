"""销号: the office closes a target once it is done and proven, and can reopen it.

Rules (`closing_refusal`):
- A target is closed only when its status is 已完成 or 超额完成 and it has at least one
  evidence file; otherwise the refusal says what is missing.
- Forced closing (`/close N 强制 理由`, `close --force`) skips both checks; the reason is
  required always and recorded with `forced`.
- A closed target cannot be closed again; an open one cannot be reopened.
Closing and reopening are ordinary audited changes of the `closed` field, made in one locked
transaction that re-reads the status and the evidence, so `/undo` and `/history` cover them.
In chat they are proposals awaiting 确认 like every other change (`propose_closing`,
`propose_reopening`); `recheck_closing` judges a closing again when it is confirmed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from sqlalchemy import Engine
from sqlmodel import Session

from bot.app.changes import open_proposal
from bot.domain.admin_grammar import REASON_MAX_CHARS, Proposal
from bot.domain.fields import CLOSED_FIELD, FieldChange, show
from bot.domain.ledger import Closure, TargetSpec
from bot.domain.status import DONE_STATUSES, compute_status
from bot.domain.status_rules import DEFAULT_STATUS_RULES, StatusRules
from bot.store.evidence_store import list_evidence
from bot.store.ledger_changes import apply_changes_in, lock_targets
from bot.store.ledger_store import read_target
from bot.store.models import PendingChange
from bot.store.uow import UnitOfWork

CLOSE_COMMAND, REOPEN_COMMAND = "close", "unclose"  # PendingChange.command of each


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


def _proposal(command: str, target: TargetSpec, new: str, reason: str, what: str) -> Proposal:
    old = target.closed.encode() if target.closed is not None else ""
    line = f"第{target.number}项 {target.title} 销号：{show(CLOSED_FIELD, old)} → {what}"
    change = FieldChange(target.number, CLOSED_FIELD, new)
    return Proposal(command, target.number, (change,), f"{line}\n理由：{reason}", reason)


def propose_closing(
    uow: UnitOfWork,
    number: int,
    reason: str,
    *,
    admin_id: int,
    actor: str,
    now: dt.datetime,
    status_day: dt.date,
    forced: bool = False,
    year: int,
    rules: StatusRules = DEFAULT_STATUS_RULES,
) -> PendingChange:
    """A closing checked as `close_target` checks it and stored to await the admin's 确认
    (ClosingRefused at once when it may not be closed): 销号 is not lightly undone in a
    unit's eyes, so the chat shows it before it is written."""
    reason = reason.strip()
    if not reason:
        raise ClosingRefused(f"请写明销号理由，例如 /close {number} 已完成并经核实。")
    _check_length(reason)
    session = uow.session
    target = read_target(session, number, year=year, rules=rules)
    if target is None:
        raise ClosingRefused(f"第{number}项目标不存在。")
    evidence = len(list_evidence(session, number, year=year))
    refusal = closing_refusal(target, compute_status(target, status_day), evidence, forced=forced)
    if refusal:
        raise ClosingRefused(refusal)
    closure = Closure(now, actor, reason, forced)
    what = closure.label + ("（强制销号）" if forced else "")
    proposal = _proposal(CLOSE_COMMAND, target, closure.encode(), reason, what)
    return open_proposal(uow, proposal, admin_id=admin_id, year=year)


def propose_reopening(
    uow: UnitOfWork,
    number: int,
    reason: str,
    *,
    admin_id: int,
    year: int,
) -> PendingChange:
    """A reopening stored to await 确认, or ClosingRefused at once (no reason, not closed)."""
    reason = reason.strip()
    if not reason:
        raise ClosingRefused(f"请写明重新打开的理由，例如 /unclose {number} 复核发现数据有误。")
    _check_length(reason)
    session = uow.session
    target = read_target(session, number, year=year)
    if target is None:
        raise ClosingRefused(f"第{number}项目标不存在。")
    if target.closed is None:
        raise ClosingRefused(f"第{number}项没有销号，无需重新打开。")
    proposal = _proposal(REOPEN_COMMAND, target, "", reason, "未销号（重新打开）")
    return open_proposal(uow, proposal, admin_id=admin_id, year=year)


def recheck_closing(
    session: Session, pending: PendingChange, *, status_day: dt.date, rules: StatusRules
) -> str | None:
    """Why a pending closing may no longer be written when its admin confirms it (the status
    or the evidence changed since), or None; any other pending change passes."""
    if pending.command != CLOSE_COMMAND:
        return None
    number, year = pending.target_number, pending.year
    lock_targets(session, [number], year=year)  # held until the change is written
    target = read_target(session, number, year=year, rules=rules)
    if target is None:
        return f"第{number}项目标不存在。"
    [[_, _, new, _]] = json.loads(pending.changes_json)
    forced = bool(Closure.decode(new).forced) if new else False
    evidence = len(list_evidence(session, number, year=year))
    return closing_refusal(target, compute_status(target, status_day), evidence, forced=forced)


def date_closing(pending: PendingChange, *, now: dt.datetime) -> None:
    """A closing takes the moment its 确认 is pressed, not the one it was asked for: its
    closure (and the summary that shows its date) is restamped `now`; others stay as they are."""
    if pending.command != CLOSE_COMMAND:
        return
    rows = json.loads(pending.changes_json)
    for row in rows:
        asked = Closure.decode(row[2]) if row[1] == CLOSED_FIELD else None
        if asked is not None:
            confirmed = dataclasses.replace(asked, at=now)
            row[2] = confirmed.encode()
            pending.summary = pending.summary.replace(asked.label, confirmed.label, 1)
    pending.changes_json = json.dumps(rows, ensure_ascii=False)
