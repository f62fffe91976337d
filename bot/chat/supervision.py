"""The chat's part of the 督办 workflow questions (bot.understanding.supervision): the core
says what was asked; the evidence files and the audit trail are read here, from the database."""

from __future__ import annotations

import datetime as dt

from bot.chat.context import ChatContext
from bot.chat.types import Reply, target_buttons
from bot.store.evidence_store import evidence_counts, list_evidence
from bot.store.ledger_store import changes_by_target
from bot.store.models import utc_now
from bot.store.uow import reading
from bot.understanding.conversation import Answer

# How far back "最近" and the like look, in days.
RECENT_DAYS = 7
SHOWN_NAMES = 3


def workflow_reply(service: ChatContext, answer: Answer) -> Reply | None:
    """The reply to a workflow question with the database's part filled in; None for any
    other answer (or one about another year, which the core answered as it could)."""
    asked = answer.filter
    if asked.get("year") not in (None, service.year):
        return None
    if answer.intent == "target" and asked.get("evidence") and answer.targets:
        return _evidence_of(service, answer)
    if answer.intent == "list" and asked.get("evidence") in ("held", "missing"):
        return _evidence_list(service, asked["evidence"])
    if answer.intent == "list" and asked.get("changes"):
        return _changes(service, asked["changes"])
    return None


def _evidence_of(service: ChatContext, answer: Answer) -> Reply:
    number = answer.targets[0]
    with reading(service.engine) as session:
        rows = list_evidence(session, number, year=service.year)
    head, _, card = answer.reply.partition("\n")
    title = head.removeprefix("➤ ").partition("的佐证材料")[0]
    if rows:
        names = "、".join(r.name for r in rows[:SHOWN_NAMES])
        more = "等" if len(rows) > SHOWN_NAMES else ""
        line = f"{title}的佐证材料：共{len(rows)}份（{names}{more}），发送 /evidence {number} 查看"
    else:
        line = (
            f"{title}：暂无佐证材料（单位报送进展时可附照片或文件：/report {number} …；"
            f"管理员可在文件说明中写 /evidence {number} 说明 上传）"
        )
    return Reply(f"➤ {line}\n{card}", target_buttons(number))


def _evidence_list(service: ChatContext, kind: str) -> Reply:
    with reading(service.engine) as session:
        counts = evidence_counts(session, year=service.year)
    targets = service.answerer.ledger.targets
    if kind == "missing":
        numbers = [t.number for t in targets if not counts.get(t.number)]
        return service.paged_list("没有佐证材料的目标", numbers)
    numbers = [t.number for t in targets if counts.get(t.number)]
    if not numbers:
        return Reply(
            "目前没有目标上传佐证材料。单位报送进展时可附照片或文件（/report 序号 …），"
            "管理员可在文件说明中写 /evidence 序号 说明 上传。"
        )
    notes = {n: f"佐证材料{counts[n]}份" for n in numbers}
    return service.paged_list("有佐证材料的目标", numbers, notes=notes)


def period_of(word: str, today: dt.date) -> tuple[dt.date, dt.date, str]:
    """(first day, the day after the last, how the reply names it) of a period word."""
    monday = today - dt.timedelta(days=today.weekday())
    tomorrow = today + dt.timedelta(days=1)
    if word in ("本周", "这周", "这个星期", "这星期"):
        return monday, tomorrow, f"本周（{monday.isoformat()}以来）"
    if word in ("上周", "上个星期"):
        start = monday - dt.timedelta(days=7)
        return (
            start,
            monday,
            f"上周（{start.isoformat()}至{(monday - dt.timedelta(1)).isoformat()}）",
        )
    if word in ("今天", "今日"):
        return today, tomorrow, f"今天（{today.isoformat()}）"
    if word == "昨天":
        yesterday = today - dt.timedelta(days=1)
        return yesterday, today, f"昨天（{yesterday.isoformat()}）"
    if word in ("本月", "这个月"):
        first = today.replace(day=1)
        return first, tomorrow, f"本月（{first.isoformat()}以来）"
    if word in ("上个月", "上月"):
        first = today.replace(day=1)
        start = (first - dt.timedelta(days=1)).replace(day=1)
        last = first - dt.timedelta(days=1)
        return start, first, f"上个月（{start.isoformat()}至{last.isoformat()}）"
    start = today - dt.timedelta(days=RECENT_DAYS - 1)
    return start, tomorrow, f"最近{RECENT_DAYS}天（{start.isoformat()}以来）"


def _changes(service: ChatContext, word: str) -> Reply:
    """The targets changed in the period, latest first, from the audit trail (a change and its
    /undo change nothing between them, as in the 督查通报). The period is the machine's, as the
    trail is stamped by it, whatever day `[ledger] today` pins for the statuses."""
    tz = service.config.tz
    first, after, label = period_of(word, utc_now().astimezone(tz).date())
    start = dt.datetime.combine(first, dt.time(0), tzinfo=tz)
    end = dt.datetime.combine(after, dt.time(0), tzinfo=tz)
    with reading(service.engine) as session:
        changed = changes_by_target(
            session, service.year, start.astimezone(dt.UTC), end.astimezone(dt.UTC)
        )
    held = service.answerer.by_number
    numbers = sorted((n for n in changed if n in held), key=lambda n: changed[n][1], reverse=True)
    if not numbers:
        return Reply(f"{label}台账没有变化。发送 /history 序号 可查看一项的全部变更记录。")
    notes = {n: f"{changed[n][1].astimezone(tz):%m-%d}更新{changed[n][0]}处" for n in numbers}
    return service.paged_list(f"{label}有变化的目标", numbers, notes=notes)
