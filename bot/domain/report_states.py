"""A unit's progress report's states, their Chinese names, and how audit reasons name it.

An approval's audit entries give the report's number in their reason; an /undo of that
approval names it again, so the trail links the approval, its retraction and the report.
"""

from __future__ import annotations

import re

PENDING, APPROVED, REJECTED, RETRACTED = "pending", "approved", "rejected", "retracted"

# The state of a report as every reply shows it: an approval undone is no longer approved.
STATE_LABELS = {
    PENDING: "待审核",
    APPROVED: "已采纳",
    REJECTED: "已驳回",
    RETRACTED: "已撤回（采纳已撤销）",
}

# How an approval's audit entries begin: what tells an /undo that it retracts a report.
APPROVAL_REASON = "采纳单位报送#"
_RETRACTING = "撤销：撤回"
RETRACTION_REASON = _RETRACTING + APPROVAL_REASON
_APPROVAL_ID = re.compile(re.escape(APPROVAL_REASON) + r"(\d+)")


def approval_reason(report_id: int, reporter_id: int, actor: str) -> str:
    return f"{APPROVAL_REASON}{report_id}（报送人{reporter_id}，审核人{actor}）"


def approved_report_id(reason: str) -> int | None:
    """The report an approval's audit reason names; None for any other change's reason."""
    found = _APPROVAL_ID.match(reason)
    return int(found.group(1)) if found else None


def retracted_report_id(reason: str) -> int | None:
    """The report whose approval an undo's audit reason retracts; None for any other."""
    return (
        approved_report_id(reason[len(_RETRACTING) :]) if reason.startswith(_RETRACTING) else None
    )


def state_label(state: str) -> str:
    return STATE_LABELS.get(state, state)
